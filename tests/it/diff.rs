//! `peaceplan diff`: summary, word diff, figures, stances, filters, errors, JSON shape,
//! and the property that the word diff spells both sides exactly.

use crate::support::peaceplan;
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Comparison {
    a: String,
    b: String,
    summary: Summary,
    clauses: Vec<ClauseComparison>,
    plan_stance_differences: Vec<ActorDifference>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorDifference {
    actor: String,
    party: String,
    status: String,
    a: Vec<String>,
    b: Vec<String>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Summary {
    both: usize,
    only_a: usize,
    only_b: usize,
    identical: usize,
    different: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClauseComparison {
    number: u32,
    title: String,
    status: String,
    identical: bool,
    a: Option<Report>,
    b: Option<Report>,
    word_diff: Vec<WordOp>,
    shared_percent: u32,
    figures_only_in_a: Vec<String>,
    figures_only_in_b: Vec<String>,
    stance_differences: Vec<StanceDifference>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    source: String,
    wording: Vec<String>,
    summary: String,
    positions: Vec<serde_json::Value>,
    discrepancies: Vec<serde_json::Value>,
    earlier_versions: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordOp {
    op: String,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StanceDifference {
    party: String,
    a: Vec<String>,
    b: Vec<String>,
}

fn diff(args: &[&str]) -> Comparison {
    let mut all = vec!["diff", "--json"];
    all.extend_from_slice(args);
    peaceplan(all).run().json()
}

fn clause(comparison: &Comparison, number: u32) -> &ClauseComparison {
    comparison
        .clauses
        .iter()
        .find(|c| c.number == number)
        .unwrap()
}

/// The side's text rebuilt from the ops: equal + delete for A, equal + insert for B.
fn spelled(ops: &[WordOp], kept: &str) -> String {
    ops.iter()
        .filter(|op| op.op == "equal" || op.op == kept)
        .map(|op| op.text.as_str())
        .collect()
}

fn wording(report: &Option<Report>) -> String {
    report
        .as_ref()
        .map_or_else(String::new, |r| r.wording.join("\n"))
}

#[test]
fn the_full_text_outlet_is_identical_to_the_text_on_all_28() {
    let comparison = diff(&["text", "al-mayadeen"]);
    assert_eq!(
        (comparison.a.as_str(), comparison.b.as_str()),
        ("text", "al-mayadeen")
    );
    assert_eq!(
        comparison.summary,
        Summary {
            both: 28,
            only_a: 0,
            only_b: 0,
            identical: 28,
            different: 0
        }
    );
    for clause in &comparison.clauses {
        assert!(
            clause.identical && clause.status == "both",
            "clause {}",
            clause.number
        );
        assert!(clause.word_diff.iter().all(|op| op.op == "equal"));
        assert!(clause.figures_only_in_a.is_empty() && clause.figures_only_in_b.is_empty());
        let text = clause.a.as_ref().unwrap();
        assert_eq!(text.source, "text");
        assert!(
            text.positions.is_empty()
                && text.discrepancies.is_empty()
                && text.earlier_versions.is_empty()
        );
        assert!(!clause.title.is_empty() && !clause.a.as_ref().unwrap().summary.is_empty());
    }
}

#[test]
fn wsws_quotes_match_the_full_text_word_for_word() {
    let comparison = diff(&["al-mayadeen", "wsws"]);
    assert_eq!(
        comparison.summary,
        Summary {
            both: 6,
            only_a: 22,
            only_b: 0,
            identical: 2,
            different: 4
        }
    );
    for number in [7, 8] {
        assert!(clause(&comparison, number).identical, "clause {number}");
    }
    // Where WSWS quotes part of a point, every word it prints is the text's: nothing is
    // inserted but punctuation or space.
    for number in [3, 13, 21, 25] {
        let compared = clause(&comparison, number);
        assert_eq!(compared.status, "both");
        for op in compared.word_diff.iter().filter(|op| op.op == "insert") {
            assert!(
                !op.text.chars().any(char::is_alphanumeric),
                "clause {number} inserts {:?}",
                op.text
            );
        }
    }
    assert_eq!(clause(&comparison, 1).status, "only_a");
}

#[test]
fn a_changed_name_shows_in_the_word_diff_and_is_not_a_figure() {
    // The G8 and the G7 are names, not quantities (data/CODEBOOK.md, section 5): the word
    // diff shows the change, the figure lists do not.
    let comparison = diff(&["text", "kyiv-independent", "--clause", "13"]);
    let compared = clause(&comparison, 13);
    assert!(
        compared.figures_only_in_a.is_empty(),
        "{:?}",
        compared.figures_only_in_a
    );
    assert!(
        compared.figures_only_in_b.is_empty(),
        "{:?}",
        compared.figures_only_in_b
    );
    assert!(
        compared
            .word_diff
            .iter()
            .any(|op| op.op == "delete" && op.text.contains("G8"))
    );
    assert!(
        compared
            .word_diff
            .iter()
            .any(|op| op.op == "insert" && op.text.contains("G7"))
    );
    // Sanctions "lifted in stages", "return" for "invited to rejoin", and "eventually".
    assert_eq!(compared.b.as_ref().unwrap().discrepancies.len(), 3);
}

#[test]
fn an_added_figure_shows_on_its_side_only() {
    let comparison = diff(&["text", "united24-media", "--clause", "14"]);
    let compared = clause(&comparison, 14);
    assert!(
        compared
            .figures_only_in_b
            .contains(&"$300 billion".to_owned()),
        "{:?}",
        compared.figures_only_in_b
    );
    assert!(
        !compared
            .figures_only_in_a
            .contains(&"$100 billion".to_owned())
    );
    peaceplan(["diff", "text", "united24-media", "--clause", "14"])
        .stdout_has("figures only in text:")
        .stdout_has("only in united24-media: $300 billion")
        .run();
}

#[test]
fn stances_that_differ_for_a_party_are_listed() {
    // On the NATO clause UNITED24 reports a Ukrainian position; no other outlet does, so
    // no difference; compare an outlet with itself to see none either.
    let comparison = diff(&["united24-media", "united24-media"]);
    assert!(
        comparison
            .clauses
            .iter()
            .all(|c| c.stance_differences.is_empty() && c.identical)
    );
    assert_eq!(comparison.summary.different, 0);
    // Clause 19: UNITED24 reports Ukraine opposing and the IAEA conditional; Kyiv
    // Independent reports no positions, so there is nothing to set against them.
    let nineteen = diff(&["united24-media", "kyiv-independent", "--clause", "19"]);
    assert!(clause(&nineteen, 19).stance_differences.is_empty());
}

#[test]
fn stance_differences_compare_the_same_party() {
    // A corpus where two outlets report Ukraine's stance on clause 25 differently.
    let fixture = crate::support::Fixture::shipped();
    fixture.replace(
        "plan_28_points.yaml",
        "      - source: wsws\n        wording:\n          - \"Ukraine will hold elections in 100 days\"\n        summary: \"Quotes the election clause word for word.\"\n",
        "      - source: wsws\n        wording:\n          - \"Ukraine will hold elections in 100 days\"\n        summary: \"Quotes the election clause word for word.\"\n        positions:\n          - { actor: \"Someone\", party: ukraine, stance: supports, summary: \"Test.\" }\n",
    );
    let ran = peaceplan(["diff", "--json", "united24-media", "wsws", "--clause", "25"])
        .data(fixture.path())
        .run();
    let comparison: Comparison = ran.json();
    let [difference] = clause(&comparison, 25).stance_differences.as_slice() else {
        panic!("one difference")
    };
    assert_eq!(difference.party, "ukraine");
    assert_eq!(difference.a, ["opposes", "conditional"]);
    assert_eq!(difference.b, ["supports"]);
    peaceplan(["diff", "united24-media", "wsws", "--clause", "25"])
        .data(fixture.path())
        .stdout_has(
            "stance of ukraine: opposes and conditional per united24-media, supports per wsws",
        )
        .run();
}

#[test]
fn the_word_diff_spells_both_sides_for_every_pair_of_sides() {
    let sides = [
        "text",
        "al-mayadeen",
        "california-insider",
        "kyiv-independent",
        "united24-media",
        "wsws",
    ];
    for a in sides {
        for b in sides {
            let comparison = diff(&[a, b]);
            for clause in &comparison.clauses {
                assert_eq!(
                    spelled(&clause.word_diff, "delete"),
                    wording(&clause.a),
                    "{a} {b} clause {}",
                    clause.number
                );
                assert_eq!(
                    spelled(&clause.word_diff, "insert"),
                    wording(&clause.b),
                    "{a} {b} clause {}",
                    clause.number
                );
            }
            let s = &comparison.summary;
            assert_eq!(s.both + s.only_a + s.only_b, comparison.clauses.len());
            assert_eq!(s.identical + s.different, s.both);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn word_diff_ops_rebuild_both_texts(a in "[a-zA-Z0-9 ,.$%\n’—-]{0,80}", b in "[a-zA-Z0-9 ,.$%\n’—-]{0,80}") {
        let ops = peaceplan::query::compare::word_diff(&a, &b);
        let keep = |kept: peaceplan::records::compare::Op| -> String {
            ops.iter()
                .filter(|op| op.op == peaceplan::records::compare::Op::Equal || op.op == kept)
                .map(|op| op.text.as_str())
                .collect()
        };
        prop_assert_eq!(keep(peaceplan::records::compare::Op::Delete), a);
        prop_assert_eq!(keep(peaceplan::records::compare::Op::Insert), b);
        prop_assert!(ops.windows(2).all(|pair| pair[0].op != pair[1].op), "runs are merged");
    }
}

#[test]
fn filters_narrow_the_scope() {
    let comparison = diff(&["text", "wsws", "--topic", "nato"]);
    assert_eq!(
        comparison
            .clauses
            .iter()
            .map(|c| c.number)
            .collect::<Vec<_>>(),
        vec![3, 4, 7, 8]
    );
    let comparison = diff(&[
        "kyiv-independent",
        "wsws",
        "--party",
        "nato",
        "--text",
        "troops",
    ]);
    assert_eq!(
        comparison
            .clauses
            .iter()
            .map(|c| c.number)
            .collect::<Vec<_>>(),
        vec![8]
    );
    // Outside the sides' reports there is nothing to compare.
    let comparison = diff(&["california-insider", "wsws", "--clause", "4"]);
    assert!(comparison.clauses.is_empty());
    peaceplan(["diff", "california-insider", "wsws", "--clause", "4"])
        .stdout_empty()
        .stderr_has("no clauses match")
        .run();
}

#[test]
fn plain_output_marks_changes_like_git_word_diff() {
    peaceplan(["diff", "text", "kyiv-independent", "--clause", "13"])
        .stdout_has("diff text kyiv-independent: 1 clause compared")
        .stdout_has(
            "[-will be invited to rejoin the G8-]{+would eventually return to what is now the G7+}",
        )
        .stdout_has("kyiv-independent departs from the text (wording)")
        .stdout_lacks("\u{1b}[")
        .run();
    peaceplan([
        "diff",
        "text",
        "kyiv-independent",
        "--clause",
        "13",
        "--color",
        "always",
    ])
    // A space keeps the deleted and the inserted run apart, as git's colour word diff does.
    .stdout_has("\u{1b}[31mwill be invited to rejoin the G8\u{1b}[0m \u{1b}[32mwould")
    .stdout_lacks("[-G8-]")
    .run();
}

#[test]
fn stat_prints_the_summary_and_a_line_per_clause() {
    let ran = peaceplan(["diff", "text", "wsws", "--stat", "--all"]).run();
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(lines[0], "diff text wsws: 28 clauses compared");
    assert_eq!(
        lines[1],
        "  reported by both: 6; only by text: 22; only by wsws: 0"
    );
    assert_eq!(lines[2], "  of those both report: 2 identical, 4 different");
    let clause_lines: Vec<&&str> = lines
        .iter()
        .filter(|l| l.trim_start().starts_with(char::is_numeric))
        .collect();
    assert_eq!(clause_lines.len(), 28);
    assert!(clause_lines[6].contains("both") && clause_lines[6].contains("identical"));
    assert!(!ran.stdout.contains("[-"));
}

#[test]
fn unknown_sides_are_usage_errors_with_the_nearest_match() {
    peaceplan(["diff", "text", "kyiv-indepedent"])
        .status(2)
        .stderr_has("unknown side `kyiv-indepedent`")
        .stderr_has("did you mean `kyiv-independent`?")
        .run();
    peaceplan(["diff", "txt", "wsws"])
        .status(2)
        .stderr_has("did you mean `text`?")
        .run();
    peaceplan(["diff", "wsws"])
        .status(2)
        .stderr_has("<B>")
        .run();
    peaceplan(["diff", "wsws", "text", "--source", "wsws"])
        .status(2)
        .run();
}

#[test]
fn both_keeps_only_clauses_both_sides_report() {
    let all = diff(&["text", "kyiv-independent"]);
    let both = diff(&["text", "kyiv-independent", "--both"]);
    assert!(all.clauses.iter().any(|c| c.status != "both"));
    assert!(!both.clauses.is_empty());
    assert!(both.clauses.iter().all(|c| c.status == "both"));
    assert_eq!(both.clauses.len(), all.summary.both);
    assert_eq!(both.summary.only_a + both.summary.only_b, 0);
}

#[test]
fn only_differences_drops_identical_clauses() {
    let all = diff(&["text", "al-mayadeen"]);
    assert!(all.summary.identical > 0);
    let differing = diff(&["text", "al-mayadeen", "--only-differences"]);
    assert!(differing.clauses.iter().all(|c| !c.identical));
    assert_eq!(
        differing.clauses.len(),
        all.clauses.len() - all.summary.identical
    );
}

#[test]
fn shared_percent_is_100_for_the_same_words_and_lower_for_a_paraphrase() {
    let comparison = diff(&["text", "kyiv-independent", "--both"]);
    for c in &comparison.clauses {
        assert!(c.shared_percent <= 100);
        assert_eq!(c.shared_percent == 100, c.identical, "clause {}", c.number);
    }
    let paraphrase = clause(&comparison, 13);
    assert!(
        (1..80).contains(&paraphrase.shared_percent),
        "{}",
        paraphrase.shared_percent
    );
    peaceplan(["diff", "text", "kyiv-independent", "--clause", "13"])
        .stdout_has(&format!(
            "{}% of the wording is shared",
            paraphrase.shared_percent
        ))
        .run();
}

#[test]
fn a_paraphrase_reads_as_one_deleted_and_one_inserted_run() {
    // Clause 7: nothing but single spaces and no word in common between the two.
    let comparison = diff(&["kyiv-independent", "wsws", "--clause", "7"]);
    let ops = &clause(&comparison, 7).word_diff;
    let kinds: Vec<&str> = ops.iter().map(|op| op.op.as_str()).collect();
    assert_eq!(kinds, ["delete", "insert"], "{ops:?}");
}

#[test]
fn markdown_writes_the_word_diff_with_strike_through_and_bold() {
    let ran = peaceplan([
        "diff",
        "kyiv-independent",
        "wsws",
        "--both",
        "--format",
        "markdown",
    ])
    .run();
    let out = &ran.stdout;
    assert!(
        out.contains("| Clause | Reported by | Shared wording | Word diff |"),
        "{out}"
    );
    assert!(
        out.contains("~~Kyiv would pause its NATO aspirations~~ **Ukraine agrees to"),
        "{out}"
    );
    // Four clauses both report, one table row each.
    let rows = out
        .lines()
        .filter(|line| {
            line.starts_with("| 7 ·")
                || line.starts_with("| 8 ·")
                || line.starts_with("| 13 ·")
                || line.starts_with("| 21 ·")
        })
        .count();
    assert_eq!(rows, 4, "{out}");
    // A run never opens or closes on white space, which Markdown would not honour.
    for marker in ["~~", "**"] {
        assert!(!out.contains(&format!("{marker} {marker}")));
    }
    assert!(!out.contains("~~ ") || out.contains("~~ **"), "{out}");
    assert!(!out.contains("\u{1b}["));
}

#[test]
fn csv_has_a_row_per_clause_with_both_wordings_and_the_marked_diff() {
    let ran = peaceplan([
        "diff",
        "text",
        "kyiv-independent",
        "--clause",
        "13",
        "--format",
        "csv",
    ])
    .run();
    let mut reader = csv::Reader::from_reader(ran.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "number",
            "title",
            "status",
            "verdict",
            "shared_percent",
            "a_wording",
            "b_wording",
            "word_diff",
            "figures_only_in_a",
            "figures_only_in_b"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(&row[0], "13");
    assert_eq!(&row[2], "both");
    assert!(row[5].contains("rejoin the G8"));
    assert!(row[6].contains("what is now the G7"));
    assert!(row[7].contains("{+would eventually return to what is now the G7+}"));
    assert_eq!(&row[8], "");
    assert_eq!(&row[9], "");
}

#[test]
fn the_text_layout_fits_the_width() {
    for width in ["40", "80"] {
        let ran = peaceplan(["diff", "text", "kyiv-independent", "--width", width]).run();
        let limit: usize = width.parse().unwrap();
        for line in ran.stdout.lines() {
            assert!(line.chars().count() <= limit, "wider than {width}: {line}");
        }
    }
}

#[test]
fn plan_level_stances_name_actors_that_differ_or_only_one_side_reports() {
    let comparison = diff(&["kyiv-independent", "wsws"]);
    let zelensky = comparison
        .plan_stance_differences
        .iter()
        .find(|actor| actor.actor.contains("Zelensky"))
        .expect("Zelensky's stance on the plan differs between the two");
    assert_eq!(zelensky.status, "both");
    assert_eq!(zelensky.party, "ukraine");
    assert_ne!(zelensky.a, zelensky.b);
    assert!(!zelensky.a.is_empty() && !zelensky.b.is_empty());
    let only = comparison
        .plan_stance_differences
        .iter()
        .filter(|actor| actor.status != "both")
        .count();
    assert!(only > 0);
    let both = diff(&["kyiv-independent", "wsws", "--both"]);
    assert!(
        both.plan_stance_differences
            .iter()
            .all(|a| a.status == "both")
    );
    peaceplan(["diff", "kyiv-independent", "wsws", "--both", "--width", "200"])
        .stdout_has("Positions on the plan as a whole, reported differently")
        .stdout_has("Volodymyr Zelensky, President of Ukraine (ukraine): conditional and noncommittal per kyiv-independent, noncommittal per wsws")
        .run();
}

#[test]
fn against_the_text_the_table_and_markdown_leave_out_what_only_the_text_has_and_say_so() {
    for format in ["table", "markdown"] {
        let ran = peaceplan(["diff", "text", "wsws", "--stat", "--format", format]).run();
        assert!(
            ran.stdout.contains("6 clauses compared"),
            "{format}: {}",
            ran.stdout
        );
        assert!(
            ran.stdout
                .contains("left out: 22 clauses only the text has (--all shows them)"),
            "{format}: {}",
            ran.stdout
        );
        // The summary still counts what each side reports.
        assert!(
            ran.stdout.contains("only by text: 22"),
            "{format}: {}",
            ran.stdout
        );
    }
    // JSON keeps every clause, for scripts; --all and --both conflict.
    let json: serde_json::Value = peaceplan(["diff", "text", "wsws", "--json"]).run().json();
    assert_eq!(json["clauses"].as_array().unwrap().len(), 28);
    peaceplan(["diff", "text", "wsws", "--all", "--both"])
        .status(2)
        .run();
    // Two outlets: nothing is left out.
    peaceplan(["diff", "wsws", "kyiv-independent"])
        .stdout_lacks("left out")
        .run();
}
