//! data/REVIEW.md accounts for every position in the corpus: for each outlet, the
//! (clause, stance) of the rows that say where the corpus holds a reaction are exactly the
//! (clause, stance) of that outlet's positions, so no reaction is listed but missing from
//! the corpus, and none is in the corpus but missing from the review.

use std::collections::BTreeMap;

use crate::support::peaceplan;
use serde::Deserialize;

const STANCES: [&str; 4] = ["supports", "opposes", "conditional", "noncommittal"];

/// `(source, "plan" or clause number, stance)` → how many positions.
type Tally = BTreeMap<(String, String, String), usize>;

/// The review's tables: under `## Outlet (`id`)`, rows whose last cell starts with
/// `plan, <stance>` or `<clause>, <stance>`; `(twice: …)` counts two positions.
fn review_tally() -> Tally {
    let review = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/REVIEW.md"))
        .expect("data/REVIEW.md");
    let mut tally = Tally::new();
    let mut source = None;
    for line in review.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            source = heading
                .rsplit_once("(`")
                .map(|(_, id)| id.trim_end_matches("`)").to_owned());
            continue;
        }
        let (Some(source), true) = (&source, line.starts_with("| ")) else {
            continue;
        };
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        let Some((place, rest)) = cells.last().unwrap().split_once(", ") else {
            continue;
        };
        let Some(stance) = STANCES.iter().find(|s| rest.starts_with(*s)) else {
            continue;
        };
        if place != "plan" && place.parse::<u32>().is_err() {
            continue;
        }
        let count = if rest.contains("(twice") { 2 } else { 1 };
        *tally
            .entry((source.clone(), place.to_owned(), (*stance).to_owned()))
            .or_default() += count;
    }
    tally
}

fn corpus_tally() -> Tally {
    #[derive(Deserialize)]
    struct Position {
        clause: Option<u32>,
        source: String,
        stance: String,
    }
    let positions: Vec<Position> = peaceplan(["positions", "--json"]).run().json();
    let mut tally = Tally::new();
    for position in positions {
        let place = position.clause.map_or("plan".to_owned(), |n| n.to_string());
        *tally
            .entry((position.source, place, position.stance))
            .or_default() += 1;
    }
    tally
}

#[test]
fn the_review_accounts_for_every_position_in_the_corpus() {
    let review = review_tally();
    let sources: std::collections::BTreeSet<&str> = review
        .keys()
        .map(|(source, _, _)| source.as_str())
        .collect();
    assert_eq!(
        sources.into_iter().collect::<Vec<_>>(),
        [
            "al-mayadeen",
            "california-insider",
            "kyiv-independent",
            "united24-media",
            "wsws"
        ]
    );
    assert_eq!(review, corpus_tally());
}
