//! Clause lists wherever a clause number is taken: `6-8`, `6,7`, `1-3,21`, and usage
//! errors (exit 2) for lists that name no clause of the corpus.

use crate::support::peaceplan;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Numbered {
    number: u32,
}

#[derive(Debug, Deserialize)]
struct OnClause {
    clause: Option<u32>,
}

fn numbers(args: &[&str]) -> Vec<u32> {
    let mut all = args.to_vec();
    all.push("--json");
    let records: Vec<Numbered> = peaceplan(all).run().json();
    records.into_iter().map(|record| record.number).collect()
}

#[test]
fn show_takes_ranges_and_lists() {
    assert_eq!(numbers(&["show", "6-8"]), [6, 7, 8]);
    assert_eq!(numbers(&["show", "6,7"]), [6, 7]);
    assert_eq!(numbers(&["show", "1-3,21"]), [1, 2, 3, 21]);
    assert_eq!(numbers(&["show", "21", "6-7"]), [21, 6, 7]);
    // A clause named twice is shown once.
    assert_eq!(numbers(&["show", "6-8,7"]), [6, 7, 8]);
}

#[test]
fn clause_filters_take_ranges() {
    assert_eq!(numbers(&["list", "--clause", "6-8,21"]), [6, 7, 8, 21]);
    let hits: Vec<OnClause> = peaceplan(["search", "NATO", "--clause", "1-10", "--json"])
        .run()
        .json();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|hit| hit.clause.is_some_and(|n| n <= 10)));
    let positions: Vec<OnClause> = peaceplan(["positions", "--clause", "1-28", "--json"])
        .run()
        .json();
    let every: Vec<OnClause> = peaceplan(["positions", "--json"]).run().json();
    assert_eq!(
        positions.len(),
        every.iter().filter(|p| p.clause.is_some()).count()
    );
    assert!(positions.iter().all(|p| p.clause.is_some()));
    let with_plan: Vec<OnClause> = peaceplan(["positions", "--clause", "20-28,plan", "--json"])
        .run()
        .json();
    assert!(with_plan.iter().any(|p| p.clause.is_none()));
    assert!(
        with_plan
            .iter()
            .all(|p| p.clause.is_none_or(|n| (20..=28).contains(&n)))
    );
    peaceplan(["matrix", "--clause", "6-8", "--format", "csv"])
        .stdout_has("\n6,")
        .stdout_has("\n8,")
        .stdout_lacks("\n9,")
        .run();
}

#[test]
fn bad_ranges_are_usage_errors() {
    for (value, message) in [
        ("8-6", "the range `8-6` runs backwards; write `6-8`"),
        ("0", "there is no clause 0: clauses are numbered from 1"),
        (
            "a-b",
            "expected a clause number or a range such as `6-8`, got `a-b`",
        ),
        ("6-", "got `6-`"),
        ("29", "there is no clause 29; clauses are numbered 1–28"),
        ("27-29", "there is no clause 29; clauses are numbered 1–28"),
    ] {
        peaceplan(["show", value])
            .status(2)
            .stdout_empty()
            .stderr_has(message)
            .run();
        peaceplan(["list", "--clause", value])
            .status(2)
            .stdout_empty()
            .stderr_has(message)
            .run();
    }
    peaceplan(["positions", "--clause", "8-6"])
        .status(2)
        .stderr_has("runs backwards")
        .run();
}
