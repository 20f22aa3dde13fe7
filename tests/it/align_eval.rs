//! Leave-one-out evaluation of `align` on the five archived articles (EVALUATION.md):
//! for each outlet, the matcher learns from the corpus without that outlet's reports,
//! aligns its article, and the clauses found are compared with the clauses the corpus
//! records it reporting; detected departures are compared with the recorded figure and
//! party discrepancies. Run with
//! `PEACEPLAN_ARCHIVE=/work/shared/sources cargo test --release --test it align_eval -- --ignored --nocapture`.

use crate::support::archive;
use peaceplan::model::DiscrepancyKind;
use peaceplan::query::align::{Aligner, DEFAULT_MIN_SCORE};

#[test]
#[ignore = "an evaluation, run by hand: needs the archived articles; --ignored --nocapture align_eval"]
fn leave_one_out() {
    let corpus = peaceplan::corpus::load(None).expect("the built-in corpus loads");
    let (mut all_tp, mut all_fp, mut all_fn) = (0, 0, 0);
    // Outlets that paraphrase: every one but those reporting every clause (a full text).
    let (mut para_tp, mut para_fp, mut para_fn) = (0, 0, 0);
    let (mut dep_found, mut dep_recorded, mut dep_flagged) = (0, 0, 0);
    println!("| article | reported | found | correct | precision | recall | time (ms) |");
    println!("|---|---|---|---|---|---|---|");
    for source in &corpus.sources {
        let path = archive().join(format!("{}.txt", source.id));
        let article = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let started = std::time::Instant::now();
        let aligner = Aligner::new(&corpus, Some(&source.id));
        let matches = aligner.align(&corpus, &article, DEFAULT_MIN_SCORE);
        let elapsed = started.elapsed().as_millis();
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        let mut missed = Vec::new();
        let mut extra = Vec::new();
        for (clause, found) in corpus.clauses.iter().zip(&matches) {
            let reported = clause.report_by(&source.id);
            let is_found = !found.passages.is_empty();
            match (reported.is_some(), is_found) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    extra.push(clause.number);
                }
                (true, false) => {
                    fn_ += 1;
                    missed.push(clause.number);
                }
                (false, false) => {}
            }
            let recorded: Vec<_> = reported
                .map(|report| {
                    report
                        .discrepancies
                        .iter()
                        .filter(|d| {
                            matches!(d.kind, DiscrepancyKind::Figure | DiscrepancyKind::Party)
                        })
                        .collect()
                })
                .unwrap_or_default();
            dep_recorded += recorded.len();
            for departure in &found.departures {
                if !matches!(
                    departure.kind,
                    DiscrepancyKind::Figure | DiscrepancyKind::Party
                ) {
                    continue;
                }
                dep_flagged += 1;
                if recorded.iter().any(|d| {
                    d.kind == departure.kind && d.outlet_says.contains(&departure.outlet_says)
                }) {
                    dep_found += 1;
                } else {
                    eprintln!(
                        "  {} clause {}: flagged {} {:?}, not recorded",
                        source.id, clause.number, departure.kind, departure.outlet_says
                    );
                }
            }
        }
        let precision = tp as f64 / (tp + fp).max(1) as f64;
        let recall = tp as f64 / (tp + fn_).max(1) as f64;
        println!(
            "| {} | {} | {} | {} | {:.2} | {:.2} | {} |",
            source.id,
            tp + fn_,
            tp + fp,
            tp,
            precision,
            recall,
            elapsed
        );
        eprintln!("  {}: missed {missed:?}, extra {extra:?}", source.id);
        all_tp += tp;
        all_fp += fp;
        all_fn += fn_;
        if tp + fn_ < corpus.clauses.len() {
            para_tp += tp;
            para_fp += fp;
            para_fn += fn_;
        }
    }
    println!(
        "| paraphrasing outlets | {} | {} | {} | {:.2} | {:.2} | |",
        para_tp + para_fn,
        para_tp + para_fp,
        para_tp,
        para_tp as f64 / (para_tp + para_fp).max(1) as f64,
        para_tp as f64 / (para_tp + para_fn).max(1) as f64
    );
    println!(
        "| overall | {} | {} | {} | {:.2} | {:.2} | |",
        all_tp + all_fn,
        all_tp + all_fp,
        all_tp,
        all_tp as f64 / (all_tp + all_fp) as f64,
        all_tp as f64 / (all_tp + all_fn) as f64
    );
    println!(
        "\nfigure and party departures: {dep_recorded} recorded, {dep_flagged} flagged, \
         {dep_found} of the flagged match a recorded one, {} false",
        dep_flagged - dep_found
    );
}
