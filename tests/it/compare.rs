//! `peaceplan compare N`: the plan's text and every outlet's wording of a clause, side by
//! side, with shared wording and departures, in every format and fitting the width.

use crate::support::peaceplan;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rendering {
    clause: u32,
    title: String,
    source: String,
    outlet: String,
    reported: bool,
    wording: String,
    shared_percent: Option<u32>,
    departures: Vec<String>,
}

fn renderings(args: &[&str]) -> Vec<Rendering> {
    let mut all = vec!["compare", "--json"];
    all.extend_from_slice(args);
    peaceplan(all).run().json()
}

#[test]
fn the_text_comes_first_then_every_outlet() {
    let rows = renderings(&["21"]);
    let sources: Vec<&str> = rows.iter().map(|row| row.source.as_str()).collect();
    assert_eq!(
        sources,
        [
            "text",
            "al-mayadeen",
            "california-insider",
            "kyiv-independent",
            "united24-media",
            "wsws"
        ]
    );
    assert!(
        rows.iter()
            .all(|row| row.clause == 21 && row.title == "Territories")
    );
    let text = &rows[0];
    assert_eq!(text.outlet, "The plan's text");
    assert_eq!(text.shared_percent, None);
    assert!(
        text.wording
            .contains("Crimea, Luhansk and Donetsk will be recognized")
    );
    // The full-text outlet reproduces the clause word for word.
    let full_text = &rows[1];
    assert_eq!(full_text.wording, text.wording);
    assert_eq!(full_text.shared_percent, Some(100));
    let kyiv = &rows[3];
    assert!(kyiv.reported);
    assert!(kyiv.shared_percent.is_some_and(|percent| percent < 100));
    assert!(
        kyiv.departures
            .iter()
            .any(|d| d.starts_with("party: says “not by Ukraine, but by the United States”"))
    );
}

#[test]
fn outlets_that_do_not_report_it_are_marked_or_left_out() {
    let rows = renderings(&["6"]);
    let silent: Vec<&Rendering> = rows.iter().filter(|row| !row.reported).collect();
    assert!(!silent.is_empty());
    assert!(
        silent
            .iter()
            .all(|row| row.wording.is_empty() && row.shared_percent.is_none())
    );
    let reported = renderings(&["6", "--reported"]);
    assert_eq!(reported.len(), rows.len() - silent.len());
    assert!(reported.iter().all(|row| row.reported));
    peaceplan(["compare", "6"])
        .stdout_has("(not reported)")
        .run();
}

#[test]
fn clause_lists_compare_each_clause_in_turn() {
    let rows = renderings(&["6-7,21"]);
    let mut clauses: Vec<u32> = rows.iter().map(|row| row.clause).collect();
    clauses.dedup();
    assert_eq!(clauses, [6, 7, 21]);
    peaceplan(["compare", "29"])
        .status(2)
        .stdout_empty()
        .stderr_has("there is no clause 29")
        .run();
    peaceplan(["compare", "8-6"])
        .status(2)
        .stderr_has("runs backwards")
        .run();
}

#[test]
fn the_table_fits_the_width() {
    for width in [60usize, 80, 120] {
        let ran = peaceplan(["compare", "21", "--width", &width.to_string()]).run();
        assert!(ran.stdout.starts_with("Clause 21 · Territories\n"));
        for line in ran.stdout.lines() {
            assert!(line.chars().count() <= width, "wider than {width}: {line}");
        }
        assert!(ran.stdout.contains("100% shared"));
    }
}

#[test]
fn markdown_and_csv_have_a_row_per_rendering() {
    let ran = peaceplan(["compare", "21", "--format", "csv"]).run();
    let mut reader = csv::Reader::from_reader(ran.stdout.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "clause",
            "title",
            "source",
            "outlet",
            "reported",
            "wording",
            "shared_percent",
            "departures"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    assert_eq!(&rows[0][2], "text");
    assert!(rows[0][5].contains("Crimea, Luhansk and Donetsk"));
    assert_eq!(&rows[1][6], "100");
    let markdown = peaceplan([
        "compare",
        "21",
        "--format",
        "markdown",
        "--fields",
        "source,shared_percent,wording",
    ])
    .stdout_has("| source")
    .stdout_has("| al-mayadeen")
    .run()
    .stdout;
    // A header, the rule, and six rows: no line break inside a cell splits a row.
    assert_eq!(markdown.trim_end().lines().count(), 8, "{markdown}");
}
