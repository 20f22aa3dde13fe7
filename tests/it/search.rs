//! `peaceplan search` over everything a user can read: actors, positions, departures,
//! earlier versions and headlines, each hit naming its field; `--source` keeps an
//! outlet's own material; words in any order, phrases in quotes, accents folded.

use crate::shapes::Hit;
use crate::support::{Fixture, peaceplan};
use serde::Deserialize;
use serde_json::Value;

fn search(args: &[&str]) -> Vec<Hit> {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    peaceplan(all).run().json()
}

#[derive(Debug, Deserialize)]
struct Position {
    clause: Option<u32>,
    source: String,
    actor: String,
}

#[test]
fn search_kallas_finds_every_position_of_hers_by_its_actor_field() {
    let positions: Vec<Position> = peaceplan(["positions", "--json"]).run().json();
    let hers: Vec<&Position> = positions
        .iter()
        .filter(|p| p.actor.contains("Kallas"))
        .collect();
    assert!(hers.len() >= 5);
    let hits = search(&["Kallas"]);
    let actor_hits: Vec<&Hit> = hits.iter().filter(|h| h.field == "actor").collect();
    assert_eq!(actor_hits.len(), hers.len(), "{hits:?}");
    for position in hers {
        assert!(
            actor_hits.iter().any(|h| h.clause == position.clause
                && h.source == position.source
                && h.passage == position.actor),
            "no hit for {position:?}"
        );
    }
    assert!(hits.iter().all(|h| h.matches == ["Kallas"]));
    peaceplan(["search", "kallas", "--width", "80"])
        .stdout_has("actor")
        .stdout_has("Kaja Kallas")
        .run();
}

#[test]
fn search_legal_immunity_finds_every_field_that_holds_it() {
    // Read the corpus independently: every wording, summary and departure of every
    // report that holds the phrase.
    let corpus: Value = peaceplan(["export", "--json"]).run().json();
    let mut expected: Vec<(u64, String, &str)> = Vec::new();
    for clause in corpus["clauses"].as_array().unwrap() {
        let number = clause["number"].as_u64().unwrap();
        for report in clause["reports"].as_array().unwrap() {
            let source = report["source"].as_str().unwrap().to_owned();
            let mut fields: Vec<(&str, &str)> = report["wording"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| ("wording", w.as_str().unwrap()))
                .collect();
            fields.push(("summary", report["summary"].as_str().unwrap()));
            for departure in report["discrepancies"].as_array().unwrap() {
                fields.push(("outlet_says", departure["outlet_says"].as_str().unwrap()));
                fields.push(("explanation", departure["explanation"].as_str().unwrap()));
            }
            for (field, text) in fields {
                if text.to_lowercase().contains("legal immunity") {
                    expected.push((number, source.clone(), field));
                }
            }
        }
    }
    assert!(expected.len() >= 3, "{expected:?}");
    for query in ["legal immunity", "immunity legal", "\"legal immunity\""] {
        let hits = search(&[query]);
        let found: Vec<(u64, String, &str)> = hits
            .iter()
            .map(|h| (h.clause.unwrap() as u64, h.source.clone(), h.field.as_str()))
            .collect();
        assert_eq!(found, expected, "{query}");
    }
    let phrase = search(&["\"legal immunity\""]);
    assert!(phrase.iter().all(|h| {
        h.matches
            .iter()
            .all(|m| m.eq_ignore_ascii_case("legal immunity"))
    }));
    // In quotes, the words must be next to each other in that order.
    assert!(search(&["\"immunity legal\""]).is_empty());
}

#[test]
fn search_reads_headlines_departures_and_earlier_versions() {
    let headlines = search(&["--source", "kyiv-independent", "know about"]);
    assert!(
        headlines.iter().any(|h| h.field == "headline"
            && h.clause.is_none()
            && h.passage == "Everything we know about Trump’s 28-point peace plan for Ukraine"),
        "{headlines:?}"
    );
    peaceplan(["search", "Everything we know", "--width", "80"])
        .stdout_has("headline")
        .run();
    let corpus: Value = peaceplan(["export", "--json"]).run().json();
    let earlier = corpus["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["reports"].as_array().unwrap())
        .flat_map(|r| r["earlier_versions"].as_array().unwrap())
        .map(|e| e["was"].as_str().unwrap().to_owned())
        .next()
        .expect("the corpus records an earlier version");
    let hits = search(&[&format!("\"{earlier}\"")]);
    assert!(
        hits.iter()
            .any(|h| h.field == "earlier_version" && h.passage == earlier),
        "{hits:?}"
    );
}

#[test]
fn source_keeps_that_outlets_material_and_text_keeps_the_plans() {
    let wsws = search(&["elections", "--source", "wsws"]);
    assert!(!wsws.is_empty());
    assert!(wsws.iter().all(|h| h.source == "wsws"));
    let text = search(&["elections", "--source", "text"]);
    assert!(!text.is_empty());
    assert!(text.iter().all(|h| h.source == "text"));
    let both = search(&["elections", "--source", "text,wsws"]);
    assert_eq!(both.len(), wsws.len() + text.len());
    peaceplan(["search", "elections", "--source", "wsw"])
        .status(2)
        .stderr_has("unknown value `wsw` for --source")
        .stderr_has("wsws")
        .run();
}

#[test]
fn accents_and_curly_quotes_are_folded() {
    let plain = search(&["noel barrot"]);
    assert!(
        plain
            .iter()
            .any(|h| h.field == "actor" && h.matches == ["Noël", "Barrot"]),
        "{plain:?}"
    );
    assert_eq!(search(&["NOËL"]).len(), search(&["noel"]).len());
    // An apostrophe typed straight finds the corpus's curly one.
    let fixture = Fixture::shipped();
    fixture.replace(
        "plan_28_points.yaml",
        "Russia would eventually return to what is now the G7.",
        "Russia’s “return” to what is now the G7.",
    );
    let phrase: Vec<Hit> = peaceplan(["search", "--json", "\"russia's \"return\"\""])
        .data(fixture.path())
        .run()
        .json();
    assert!(
        phrase
            .iter()
            .any(|h| h.field == "wording" && h.matches == ["Russia’s “return”"]),
        "{phrase:?}"
    );
    let hits: Vec<Hit> = peaceplan(["search", "--json", "russia's \"return\""])
        .data(fixture.path())
        .run()
        .json();
    assert!(
        hits.iter()
            .any(|h| h.field == "wording" && h.matches == ["Russia’s", "“return”"]),
        "{hits:?}"
    );
}

#[test]
fn colour_highlights_each_word_of_a_query_in_any_order() {
    peaceplan([
        "search",
        "immunity legal",
        "--source",
        "united24-media",
        "--clause",
        "26",
        "--color",
        "always",
        "--width",
        "200",
    ])
    .stdout_has("\u{1b}[1m\u{1b}[33mlegal\u{1b}[0m \u{1b}[1m\u{1b}[33mimmunity\u{1b}[0m")
    .run();
}

/// A match the table wraps onto two lines is painted on both, the words aligned as in
/// the plain table (the colour is inside the cell, not laid over the drawn table).
#[test]
fn colour_follows_a_match_that_the_table_wraps() {
    let args = [
        "search",
        "\"what is now the G7\"",
        "--source",
        "kyiv-independent",
    ];
    let plain = peaceplan(args.iter().chain(&["--width", "60"])).run();
    let coloured = peaceplan(args.iter().chain(&["--width", "60", "--color", "always"]))
        .stdout_has("\u{1b}[33mwhat\u{1b}[0m")
        .stdout_has("G7\u{1b}[0m")
        .run();
    let line_with = |text: &str, needle: &str| {
        text.lines()
            .position(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?}:\n{text}"))
    };
    let first = line_with(&coloured.stdout, "\u{1b}[33mwhat");
    let last = line_with(&coloured.stdout, "G7\u{1b}[0m");
    assert!(first < last, "the match is not wrapped at this width");
    // The line the match continues on opens the colour again, inside its cell.
    let continued = coloured.stdout.lines().nth(last).unwrap_or_default();
    assert!(continued.contains("┆ \u{1b}[1m\u{1b}[33m"), "{continued}");
    let unpainted = coloured
        .stdout
        .replace("\u{1b}[1m", "")
        .replace("\u{1b}[33m", "")
        .replace("\u{1b}[0m", "");
    assert_eq!(unpainted, plain.stdout);
}
