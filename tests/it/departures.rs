//! `peaceplan departures`: the recorded departures from the plan's text, filtered, in every
//! format, and the figure departures `--detected` finds by comparing figures.

use crate::support::{Fixture, peaceplan};
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Departure {
    clause: u32,
    source: String,
    kind: String,
    text_says: String,
    outlet_says: String,
    explanation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Detected {
    clause: u32,
    source: String,
    status: String,
    outlet_figures: Vec<String>,
    text_figures: Vec<String>,
    outlet_says: Vec<String>,
}

fn departures(args: &[&str]) -> Vec<Departure> {
    let mut all = vec!["departures", "--json"];
    all.extend_from_slice(args);
    peaceplan(all).run().json()
}

/// Every departure of the corpus as `export` writes it (no code of `departures`), kept
/// where `keep(kind, clause, source)` holds.
fn exported_departures(keep: impl Fn(&str, u64, &str) -> bool) -> Vec<Departure> {
    let corpus: Value = peaceplan(["export", "--json"]).run().json();
    let mut found = Vec::new();
    for clause in corpus["clauses"].as_array().unwrap() {
        let number = clause["number"].as_u64().unwrap();
        for report in clause["reports"].as_array().unwrap() {
            let source = report["source"].as_str().unwrap();
            for departure in report["discrepancies"].as_array().unwrap() {
                let kind = departure["kind"].as_str().unwrap();
                if keep(kind, number, source) {
                    found.push(Departure {
                        clause: number as u32,
                        source: source.to_owned(),
                        kind: kind.to_owned(),
                        text_says: departure["text_says"].as_str().unwrap().to_owned(),
                        outlet_says: departure["outlet_says"].as_str().unwrap().to_owned(),
                        explanation: departure["explanation"].as_str().unwrap().to_owned(),
                    });
                }
            }
        }
    }
    found
}

fn sorted(mut departures: Vec<Departure>) -> Vec<Departure> {
    departures.sort_by(|a, b| {
        (a.clause, &a.source, &a.outlet_says).cmp(&(b.clause, &b.source, &b.outlet_says))
    });
    departures
}

#[test]
fn kind_figure_lists_every_figure_departure_of_the_corpus() {
    let expected = exported_departures(|kind, _, _| kind == "figure");
    assert!(!expected.is_empty(), "the corpus records figure departures");
    assert_eq!(sorted(departures(&["--kind", "figure"])), sorted(expected));
    peaceplan(["departures", "--kind", "figure", "--width", "80"])
        .stdout_has("figure")
        .stdout_has("$300 billion")
        .stdout_lacks("omission")
        .run();
}

#[test]
fn without_filters_every_departure_is_listed_once() {
    let all = departures(&[]);
    assert_eq!(sorted(all), sorted(exported_departures(|_, _, _| true)));
}

#[test]
fn filters_combine_and_each_keeps_only_what_it_names() {
    let by_source = departures(&["--source", "wsws"]);
    assert_eq!(
        sorted(by_source),
        sorted(exported_departures(|_, _, source| source == "wsws"))
    );
    let by_clause = departures(&["--clause", "13,14"]);
    assert_eq!(
        sorted(by_clause),
        sorted(exported_departures(
            |_, clause, _| clause == 13 || clause == 14
        ))
    );
    let both = departures(&["--clause", "14", "--kind", "omission,figure"]);
    assert_eq!(
        sorted(both),
        sorted(exported_departures(
            |kind, clause, _| clause == 14 && (kind == "omission" || kind == "figure")
        ))
    );
    // Clause 6 (the 600,000 cap) is on the armed forces; clause 14 is not.
    let on_topic = departures(&["--topic", "armed-forces"]);
    assert!(on_topic.iter().any(|d| d.clause == 6), "{on_topic:?}");
    assert!(on_topic.iter().all(|d| d.clause != 14), "{on_topic:?}");
}

#[test]
fn an_unknown_filter_value_is_a_usage_error_with_a_suggestion() {
    peaceplan(["departures", "--source", "wsw"])
        .status(2)
        .stderr_has("unknown value `wsw` for --source")
        .stderr_has("wsws")
        .run();
    peaceplan(["departures", "--clause", "29"])
        .status(2)
        .stderr_has("there is no clause 29")
        .run();
    peaceplan(["departures", "--kind", "figures"])
        .status(2)
        .stderr_has("figure")
        .run();
    peaceplan(["departures", "--detected", "--kind", "figure"])
        .status(2)
        .run();
}

#[test]
fn no_match_says_so_on_stderr() {
    peaceplan(["departures", "--clause", "1", "--kind", "party"])
        .stdout_empty()
        .stderr_has("no departures match")
        .run();
}

#[test]
fn every_structured_format_writes_the_departures() {
    let count = departures(&["--kind", "scope"]).len();
    let csv = peaceplan(["departures", "--kind", "scope", "--format", "csv"]).run();
    assert!(
        csv.stdout
            .starts_with("clause,source,kind,text_says,outlet_says,explanation\n")
    );
    let jsonl = peaceplan(["departures", "--kind", "scope", "--format", "jsonl"]).run();
    assert_eq!(jsonl.stdout.lines().count(), count);
    for line in jsonl.stdout.lines() {
        let departure: Departure = serde_json::from_str(line).unwrap();
        assert_eq!(departure.kind, "scope");
    }
    let markdown = peaceplan(["departures", "--kind", "scope", "--format", "markdown"]).run();
    assert_eq!(markdown.stdout.lines().count(), count + 2);
    peaceplan(["departures", "--kind", "scope", "--format", "yaml"])
        .stdout_has("kind: scope")
        .run();
    let chosen: Vec<Value> = peaceplan(["departures", "--json", "--fields", "clause,kind"])
        .run()
        .json();
    assert!(
        chosen
            .iter()
            .all(|record| record.as_object().unwrap().len() == 2)
    );
}

#[test]
fn detected_lists_no_figure_on_the_shipped_corpus() {
    // The corpus records its one figure departure ($300 billion); "G7" is a name, and
    // "Point 26" and "600,000" (as the text has it) are no departures.
    let detected: Vec<Detected> = peaceplan(["departures", "--detected", "--json"])
        .run()
        .json();
    assert!(detected.is_empty(), "{detected:?}");
    peaceplan(["departures", "--detected"])
        .stdout_empty()
        .stderr_has("no figure departures detected")
        .run();
}

#[test]
fn detected_finds_a_planted_wrong_figure_and_skips_references_and_respellings() {
    let fixture = Fixture::shipped();
    fixture.replace(
        "plan_28_points.yaml",
        "\"Ukraine’s Armed Forces would be capped at 600,000.\"",
        "\"Ukraine’s Armed Forces would be capped at 800,000.\"",
    );
    fixture.replace(
        "plan_28_points.yaml",
        "\"restrict the size of the Ukrainian Armed Forces to 600,000\"",
        "\"restrict, under Point 6, the Ukrainian Armed Forces to 600 thousand\"",
    );
    let detected: Vec<Detected> = peaceplan(["departures", "--detected", "--json"])
        .data(fixture.path())
        .run()
        .json();
    assert_eq!(detected.len(), 1, "{detected:?}");
    let found = &detected[0];
    assert_eq!(
        (found.clause, found.source.as_str(), found.status.as_str()),
        (6, "kyiv-independent", "detected")
    );
    assert_eq!(found.outlet_figures, ["800,000"]);
    assert_eq!(found.text_figures, ["600,000"]);
    assert_eq!(
        found.outlet_says,
        ["Ukraine’s Armed Forces would be capped at 800,000."]
    );
    peaceplan(["departures", "--detected", "--width", "80"])
        .data(fixture.path())
        .stdout_has("Detected")
        .stdout_has("800,000")
        .stderr_has("not recorded")
        .run();
    peaceplan(["departures", "--detected", "--source", "wsws", "--json"])
        .data(fixture.path())
        .stdout_has("[]")
        .run();
}

#[test]
fn detected_leaves_out_figures_recorded_as_figure_departures_only() {
    let fixture = Fixture::shipped();
    fixture.replace(
        "plan_28_points.yaml",
        "- kind: figure\n            text_says: \"The remainder",
        "- kind: addition\n            text_says: \"The remainder",
    );
    let detected: Vec<Detected> = peaceplan(["departures", "--detected", "--json"])
        .data(fixture.path())
        .run()
        .json();
    assert_eq!(detected.len(), 1, "{detected:?}");
    assert_eq!(
        (detected[0].clause, detected[0].source.as_str()),
        (14, "united24-media")
    );
    assert_eq!(detected[0].outlet_figures, ["$300 billion"]);
}
