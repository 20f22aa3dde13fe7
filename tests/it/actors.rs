//! Actors as first-class: `positions --actor` and the `actors` command.

use crate::shapes::Position;
use crate::support::peaceplan;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Actor {
    actor: String,
    party: String,
    positions: usize,
    sources: Vec<String>,
}

fn positions(args: &[&str]) -> Vec<Position> {
    let mut all = vec!["positions", "--json"];
    all.extend_from_slice(args);
    peaceplan(all).run().json()
}

#[test]
fn actor_filter_finds_every_position_of_kallas() {
    let everyone = positions(&[]);
    let expected: Vec<&Position> = everyone
        .iter()
        .filter(|p| p.actor.contains("Kallas"))
        .collect();
    assert!(expected.len() >= 5, "the corpus holds Kallas's positions");
    let found = positions(&["--actor", "kallas"]);
    assert_eq!(found.len(), expected.len());
    assert!(found.iter().all(|p| p.actor.contains("Kallas")));
    // Case and accents do not matter.
    assert_eq!(positions(&["--actor", "KALLÁS"]).len(), expected.len());
}

#[test]
fn actor_filter_ignores_accents_in_the_corpus_too() {
    let found = positions(&["--actor", "noel barrot"]);
    assert!(!found.is_empty());
    assert!(found.iter().all(|p| p.actor.contains("Jean-Noël Barrot")));
    assert_eq!(positions(&["--actor", "Noël"]).len(), found.len());
}

#[test]
fn actor_filter_combines_with_the_others_and_says_when_nothing_matches() {
    let from_wsws = positions(&["--actor", "kallas", "--source", "wsws"]);
    assert!(!from_wsws.is_empty());
    assert!(
        from_wsws
            .iter()
            .all(|p| p.source == "wsws" && p.actor.contains("Kallas"))
    );
    peaceplan(["positions", "--actor", "nobody-by-this-name"])
        .stdout_empty()
        .stderr_has("no positions match")
        .run();
}

#[test]
fn actors_counts_positions_and_outlets_per_actor() {
    let everyone = positions(&[]);
    let actors: Vec<Actor> = peaceplan(["actors", "--json"]).run().json();
    assert_eq!(
        actors.iter().map(|a| a.positions).sum::<usize>(),
        everyone.len()
    );
    for actor in &actors {
        let theirs: Vec<&Position> = everyone
            .iter()
            .filter(|p| p.actor == actor.actor && p.party == actor.party)
            .collect();
        assert_eq!(actor.positions, theirs.len(), "{actor:?}");
        let mut outlets: Vec<&str> = theirs.iter().map(|p| p.source.as_str()).collect();
        outlets.dedup();
        let mut listed = actor.sources.clone();
        listed.sort();
        let mut expected: Vec<String> = outlets.iter().map(|s| s.to_string()).collect();
        expected.sort();
        expected.dedup();
        assert_eq!(listed, expected, "{actor:?}");
    }
    let kallas = actors
        .iter()
        .find(|a| a.actor.starts_with("Kaja Kallas"))
        .expect("Kallas is an actor");
    assert_eq!(kallas.party, "european-union");
}

#[test]
fn actors_takes_the_position_filters() {
    let russians: Vec<Actor> = peaceplan(["actors", "--party", "russia", "--json"])
        .run()
        .json();
    assert!(!russians.is_empty());
    assert!(russians.iter().all(|a| a.party == "russia"));
    peaceplan(["actors", "--actor", "peskov", "--width", "80"])
        .stdout_has("Dmitry Peskov")
        .stdout_has("california-insider")
        .stdout_lacks("Kallas")
        .run();
    peaceplan(["actors", "--party", "rusia"])
        .status(2)
        .stderr_has("russia")
        .run();
}
