//! Small faults found while answering the journalist's questions, one test each.

mod support;

use serde::Deserialize;
use support::peaceplan;

#[derive(Debug, Deserialize)]
struct Numbered {
    number: u32,
}

fn list_numbers(args: &[&str]) -> Vec<u32> {
    let mut all = vec!["list", "--json"];
    all.extend_from_slice(args);
    let records: Vec<Numbered> = peaceplan(all).run().json();
    records.into_iter().map(|record| record.number).collect()
}

#[test]
fn everyday_party_names_are_aliases_of_the_ids() {
    for (alias, id) in [
        ("us", "united-states"),
        ("usa", "united-states"),
        ("US", "united-states"),
        ("eu", "european-union"),
    ] {
        let by_id = list_numbers(&["--party", id]);
        assert!(!by_id.is_empty(), "{id}");
        assert_eq!(list_numbers(&["--party", alias]), by_id, "{alias}");
    }
    // No clause names the United Kingdom, but Starmer speaks for it.
    peaceplan(["list", "--party", "uk"])
        .stderr_has("no clauses match")
        .run();
    peaceplan(["positions", "--party", "uk", "--json"])
        .stdout_has("\"party\": \"united-kingdom\"")
        .run();
    // An unknown party is still an error, and never suggests `g8` for a country.
    let ran = peaceplan(["list", "--party", "america"])
        .status(2)
        .stderr_has("unknown value `america` for --party")
        .run();
    assert!(!ran.stderr.contains("did you mean `g8`"), "{}", ran.stderr);
}

#[test]
fn quotations_that_are_already_quoted_are_not_quoted_twice() {
    for args in [
        vec!["show", "26"],
        vec!["compare", "26"],
        vec!["diff", "text", "united24-media", "--clause", "26"],
        vec!["diff", "text", "kyiv-independent", "--clause", "26"],
    ] {
        peaceplan(&args).stdout_lacks("““").stdout_lacks("””").run();
    }
    peaceplan(["show", "26", "--width", "250"])
        .stdout_has("“full amnesty for actions during the war”")
        .run();
}
