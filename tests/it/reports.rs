//! What each outlet reported: `positions`, `matrix`, `show` with reports, the quote check,
//! and, for each outlet, the clauses its article discusses.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::shapes::{Matrix, Position};
use crate::support::{Fixture, peaceplan};
use serde::Deserialize;

fn positions(args: &[&str]) -> Vec<Position> {
    let mut all = vec!["positions", "--json"];
    all.extend_from_slice(args);
    peaceplan(all).run().json()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    source: String,
    wording: Vec<String>,
    summary: String,
    positions: Vec<ReportPosition>,
    discrepancies: Vec<Discrepancy>,
    earlier_versions: Vec<EarlierVersion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportPosition {
    actor: String,
    party: String,
    stance: String,
    summary: String,
    quote: Option<String>,
    via: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Discrepancy {
    kind: String,
    text_says: String,
    outlet_says: String,
    explanation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EarlierVersion {
    was: String,
    changed_by: Option<String>,
    via: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ShownClause {
    number: u32,
    text: String,
    subpoints: Vec<String>,
    reports: Vec<Report>,
}

fn shown(number: u32) -> ShownClause {
    let mut clauses: Vec<ShownClause> = peaceplan(["show", &number.to_string(), "--json"])
        .run()
        .json();
    clauses.remove(0)
}

fn reported_by(source: &str) -> BTreeSet<u32> {
    #[derive(Deserialize)]
    struct Listed {
        number: u32,
    }
    peaceplan(["list", "--json", "--source", source])
        .run()
        .json::<Vec<Listed>>()
        .into_iter()
        .map(|clause| clause.number)
        .collect()
}

// ---- which clauses each outlet discusses, from reading each article -------------------

#[test]
fn al_mayadeen_prints_the_full_text_of_all_28() {
    assert_eq!(reported_by("al-mayadeen"), (1..=28).collect());
}

#[test]
fn california_insider_reports_the_first_three_points_territory_nato_eu_army_and_g8() {
    assert_eq!(
        reported_by("california-insider"),
        BTreeSet::from([1, 2, 3, 6, 7, 11, 13, 21])
    );
}

#[test]
fn kyiv_independent_reports_eleven_clauses() {
    assert_eq!(
        reported_by("kyiv-independent"),
        BTreeSet::from([6, 7, 8, 10, 13, 14, 16, 18, 19, 21, 26])
    );
}

/// Points 15 and 27 because the article says the plan "lacks concrete enforcement
/// mechanisms", which they provide (CODEBOOK.md, "Reporting a clause"); not point 28,
/// which it mentions only as "in exchange for a ceasefire".
#[test]
fn united24_reports_fourteen_clauses_including_point_26() {
    assert_eq!(
        reported_by("united24-media"),
        BTreeSet::from([6, 7, 10, 11, 13, 14, 15, 16, 19, 21, 24, 25, 26, 27])
    );
}

#[test]
fn wsws_quotes_six_clauses() {
    assert_eq!(reported_by("wsws"), BTreeSet::from([3, 7, 8, 13, 21, 25]));
}

#[test]
fn sources_counts_follow_the_reports() {
    #[derive(Deserialize)]
    struct Source {
        id: String,
        clauses: usize,
    }
    let sources: Vec<Source> = peaceplan(["sources", "--json"]).run().json();
    for source in sources {
        assert_eq!(
            source.clauses,
            reported_by(&source.id).len(),
            "{}",
            source.id
        );
    }
}

// ---- discrepancies journalists look for ----------------------------------------------

#[test]
fn kyiv_independent_moves_the_troop_ban_from_nato_to_kyiv() {
    let report = shown(8)
        .reports
        .into_iter()
        .find(|r| r.source == "kyiv-independent")
        .unwrap();
    let kinds: Vec<&str> = report
        .discrepancies
        .iter()
        .map(|d| d.kind.as_str())
        .collect();
    assert_eq!(kinds, ["party", "scope"]);
    assert!(
        report
            .discrepancies
            .iter()
            .all(|d| d.text_says == "NATO agrees not to station troops in Ukraine.")
    );
}

/// The codebook files each departure under the first kind that fits, and `party` (who is
/// bound, acts or benefits) comes before `scope` and `addition`: Al Mayadeen names
/// guarantors point 5 does not, and The Kyiv Independent says who recognises the regions.
#[test]
fn departures_about_who_acts_are_party_departures() {
    for (number, source, outlet_says) in [
        (
            5,
            "al-mayadeen",
            "from the United States and other guarantors",
        ),
        (
            21,
            "kyiv-independent",
            "not by Ukraine, but by the United States",
        ),
    ] {
        let report = shown(number)
            .reports
            .into_iter()
            .find(|r| r.source == source)
            .unwrap();
        let departure = report
            .discrepancies
            .iter()
            .find(|d| d.outlet_says.contains(outlet_says))
            .unwrap_or_else(|| panic!("clause {number}, {source}: no departure"));
        assert_eq!(departure.kind, "party", "clause {number}, {source}");
    }
}

/// "What is now the G7" is an accurate gloss of the G8; the departures are "return" for
/// "invited to rejoin" and the added "eventually".
#[test]
fn kyiv_independent_has_russia_return_where_the_text_invites_it() {
    let report = shown(13)
        .reports
        .into_iter()
        .find(|r| r.source == "kyiv-independent")
        .unwrap();
    let on_the_g8: Vec<(&str, &str)> = report
        .discrepancies
        .iter()
        .filter(|d| d.text_says == "Russia will be invited to rejoin the G8.")
        .map(|d| (d.kind.as_str(), d.outlet_says.as_str()))
        .collect();
    assert_eq!(
        on_the_g8,
        [
            ("wording", "Russia would eventually return"),
            ("addition", "would eventually return")
        ]
    );
    assert!(
        report
            .discrepancies
            .iter()
            .all(|d| !d.outlet_says.contains("G7"))
    );
}

#[test]
fn the_amnesty_clause_records_its_earlier_version() {
    let clause = shown(26);
    let report = clause
        .reports
        .iter()
        .find(|r| r.source == "kyiv-independent")
        .unwrap();
    let [earlier] = report.earlier_versions.as_slice() else {
        panic!("one earlier version")
    };
    assert!(
        earlier
            .was
            .contains("audit of all international aid to Ukraine")
    );
    assert_eq!(earlier.via.as_deref(), Some("The Wall Street Journal"));
    assert!(earlier.changed_by.as_deref().unwrap().contains("Umerov"));
    let umerov = report
        .positions
        .iter()
        .find(|p| p.actor.starts_with("Rustem Umerov"))
        .unwrap();
    assert_eq!(
        (umerov.party.as_str(), umerov.stance.as_str()),
        ("ukraine", "noncommittal")
    );
    assert_eq!(umerov.quote.as_deref(), Some("unverified information"));
    assert!(umerov.via.is_none() && !umerov.summary.is_empty());
}

#[test]
fn every_discrepancy_quotes_its_clause() {
    for number in 1..=28 {
        let clause = shown(number);
        assert_eq!(clause.number, number);
        let whole_text = std::iter::once(&clause.text)
            .chain(&clause.subpoints)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        for report in &clause.reports {
            assert!(!report.summary.is_empty() && !report.wording.is_empty());
            for discrepancy in &report.discrepancies {
                assert!(!discrepancy.explanation.is_empty() && !discrepancy.outlet_says.is_empty());
                assert!(
                    whole_text.contains(&discrepancy.text_says),
                    "clause {number}, {}: {:?}",
                    report.source,
                    discrepancy.text_says
                );
            }
        }
    }
}

// ---- show --------------------------------------------------------------------------

#[test]
fn show_prints_each_report_in_full() {
    peaceplan(["show", "26", "--width", "200"])
        .stdout_has("Reported by kyiv-independent (The Kyiv Independent)")
        .stdout_has("Earlier versions")
        .stdout_has("an audit of all international aid to Ukraine")
        .stdout_has("Departs from text")
        .stdout_has("• wording: text says “full amnesty for their actions during the war”")
        .stdout_has("noncommittal — Rustem Umerov")
        .stdout_has("Reported by united24-media (UNITED24 Media)")
        .run();
}

// ---- positions ------------------------------------------------------------------------

#[test]
fn positions_lists_clause_and_plan_level_positions() {
    let all = positions(&[]);
    assert!(all.iter().any(|p| p.clause.is_none()));
    assert!(all.iter().any(|p| p.clause == Some(26)));
    let barrot = all
        .iter()
        .find(|p| p.actor.starts_with("Jean-Noël Barrot"))
        .unwrap();
    assert_eq!(
        (
            barrot.clause,
            barrot.source.as_str(),
            barrot.party.as_str(),
            barrot.stance.as_str()
        ),
        (None, "wsws", "france", "opposes")
    );
    assert_eq!(
        barrot.quote.as_deref(),
        Some("Peace cannot be capitulation. We do not want the capitulation of Ukraine")
    );
    let dmitriev = all
        .iter()
        .find(|p| p.actor.starts_with("Kirill Dmitriev"))
        .unwrap();
    assert_eq!(dmitriev.via.as_deref(), Some("Axios"));
    assert!(all.iter().all(|p| !p.summary.is_empty()));
}

#[test]
fn position_filters_agree_with_a_naive_reading() {
    let all = positions(&[]);
    let check = |args: &[&str], keep: &dyn Fn(&Position) -> bool| {
        let expected: Vec<String> = all
            .iter()
            .filter(|p| keep(p))
            .map(|p| format!("{p:?}"))
            .collect();
        let actual: Vec<String> = positions(args).iter().map(|p| format!("{p:?}")).collect();
        assert!(!expected.is_empty(), "{args:?} should match something");
        assert_eq!(actual, expected, "{args:?}");
    };
    check(&["--party", "european-union"], &|p| {
        p.party == "european-union"
    });
    check(&["--stance", "opposes,conditional"], &|p| {
        p.stance == "opposes" || p.stance == "conditional"
    });
    check(&["--source", "wsws", "--stance", "opposes"], &|p| {
        p.source == "wsws" && p.stance == "opposes"
    });
    check(&["--clause", "plan"], &|p| p.clause.is_none());
    check(&["--clause", "19,25"], &|p| {
        matches!(p.clause, Some(19 | 25))
    });
    check(&["--clause", "26,plan", "--party", "ukraine"], &|p| {
        (p.clause.is_none() || p.clause == Some(26)) && p.party == "ukraine"
    });
    // Topics belong to clauses, so a topic filter leaves no plan-level position.
    check(&["--topic", "nuclear"], &|p| p.clause == Some(19));
}

#[test]
fn positions_reject_unknown_values() {
    peaceplan(["positions", "--stance", "against"])
        .status(2)
        .stderr_has("possible values: supports")
        .run();
    peaceplan(["positions", "--clause", "whole"])
        .status(2)
        .stderr_has("expected a clause number or a range such as `6-8`, got `whole`, or `plan`")
        .run();
    peaceplan(["positions", "--party", "eurozone"])
        .status(2)
        .stderr_has("unknown value `eurozone` for --party")
        .run();
    peaceplan(["positions", "--clause", "30"])
        .status(2)
        .stderr_has("no clause 30")
        .run();
}

#[test]
fn positions_table_shows_quotes_and_relays() {
    peaceplan([
        "positions",
        "--source",
        "kyiv-independent",
        "--clause",
        "plan",
        "--width",
        "200",
    ])
    .stdout_has("“But Thursday is it.”")
    .stdout_has("(via Fox News)")
    .stdout_has("[united-states]")
    .run();
    peaceplan(["positions", "--party", "poland", "--stance", "supports"])
        .stdout_empty()
        .stderr_has("no positions match")
        .run();
}

// ---- matrix ---------------------------------------------------------------------------

fn matrix(args: &[&str]) -> Matrix {
    let mut all = vec!["matrix", "--json"];
    all.extend_from_slice(args);
    peaceplan(all).run().json()
}

/// A source missing from a row's cells did not report the clause.
fn cell<'m>(matrix: &'m Matrix, number: u32, source: &str) -> &'m str {
    let row = matrix.rows.iter().find(|row| row.number == number).unwrap();
    row.cells
        .iter()
        .find(|cell| cell.source == source)
        .map_or("not-reported", |cell| cell.rendering.as_str())
}

#[test]
fn matrix_classifies_each_rendering() {
    let grid = matrix(&[]);
    assert_eq!(
        grid.sources,
        [
            "al-mayadeen",
            "california-insider",
            "kyiv-independent",
            "united24-media",
            "wsws"
        ]
    );
    assert_eq!(grid.rows.len(), 28);
    assert_eq!(cell(&grid, 21, "wsws"), "reproduced");
    assert_eq!(cell(&grid, 8, "kyiv-independent"), "departs");
    assert_eq!(cell(&grid, 6, "california-insider"), "paraphrased");
    assert_eq!(cell(&grid, 4, "wsws"), "not-reported");
    assert_eq!(cell(&grid, 1, "al-mayadeen"), "reproduced");
    assert!(grid.rows.iter().all(|row| !row.title.is_empty()));
}

#[test]
fn matrix_totals_add_up() {
    let grid = matrix(&[]);
    for row in &grid.rows {
        assert!(row.cells.iter().all(|c| c.rendering != "not-reported"));
        assert_eq!(row.reported, row.cells.len(), "row {}", row.number);
    }
    for (column, total) in grid.totals.iter().enumerate() {
        assert_eq!(total.source, grid.sources[column]);
        let count = |kind: &str| {
            grid.rows
                .iter()
                .filter(|r| cell(&grid, r.number, &total.source) == kind)
                .count()
        };
        assert_eq!(total.reproduced, count("reproduced"));
        assert_eq!(total.paraphrased, count("paraphrased"));
        assert_eq!(total.departs, count("departs"));
        assert_eq!(total.not_reported, count("not-reported"));
        let reproduced_departing = grid
            .rows
            .iter()
            .flat_map(|row| &row.cells)
            .filter(|c| c.source == total.source && c.rendering == "reproduced" && c.departures > 0)
            .count();
        assert_eq!(total.reproduced_with_departures, reproduced_departing);
        assert_eq!(total.reported, 28 - total.not_reported);
        assert_eq!(total.reported, reported_by(&total.source).len());
    }
}

#[test]
fn matrix_takes_list_filters() {
    let grid = matrix(&["--topic", "territory", "--source", "wsws"]);
    assert_eq!(
        grid.rows.iter().map(|r| r.number).collect::<Vec<_>>(),
        vec![21]
    );
    assert_eq!(grid.totals[0].reported, 1);
    peaceplan(["matrix", "--clause", "21,26", "--width", "120"])
        .stdout_has("≠ departs from the text")
        .stdout_has("Territories")
        .run();
}

// ---- the quote check ------------------------------------------------------------------

fn fixture_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/quotecheck")
        .join(name)
}

/// A copy of the quote-check fixture corpus, for editing.
fn quote_fixture() -> Fixture {
    let fixture = Fixture::shipped();
    for name in ["plan_28_points.yaml", "sources.yaml"] {
        std::fs::copy(fixture_dir("data").join(name), fixture.file(name)).unwrap();
    }
    fixture
}

#[test]
fn quote_check_passes_a_clean_corpus() {
    let archive = fixture_dir("archive");
    peaceplan(["validate", "--archive", archive.to_str().unwrap()])
        .data(&fixture_dir("data"))
        .stdout_has(
            "ok: 2 clauses, 2 sources, 2 topics, 2 parties; 6 of 6 quotations found word for word",
        )
        .stderr_empty()
        .run();
}

#[test]
fn quote_check_names_an_altered_quote_and_the_closest_passage() {
    let fixture = quote_fixture();
    fixture.replace(
        "plan_28_points.yaml",
        "This is a good day for our farmers",
        "This is a great day for our farmers",
    );
    let archive = fixture_dir("archive");
    peaceplan(["validate", "--archive", archive.to_str().unwrap()])
        .data(fixture.path())
        .status(1)
        .stdout_has("invalid: 1 problem")
        .stderr_has("clause 1, source `beta`: quote “This is a great day for our farmers” is not in")
        .stderr_has("beta.txt word for word; the closest passage there is “\"This is a good day for our farmers,\"")
        .run();
}

#[test]
fn quote_check_covers_wording_outlet_says_and_plan_level_quotes() {
    for (from, to, field) in [
        (
            "the river would be open to all trade",
            "the river would open to all trade",
            "clause 1, source `beta`: wording",
        ),
        (
            "outlet_says: \"open to all trade\"",
            "outlet_says: \"open to every trade\"",
            "clause 1, source `beta`: outlet_says",
        ),
        (
            "We have nothing to add at this stage.",
            "We have nothing more to add.",
            "plan_reports, source `beta`: quote",
        ),
    ] {
        let fixture = quote_fixture();
        fixture.replace("plan_28_points.yaml", from, to);
        let archive = fixture_dir("archive");
        peaceplan(["validate", "--archive", archive.to_str().unwrap()])
            .data(fixture.path())
            .status(1)
            .stderr_has(field)
            .run();
    }
}

#[test]
fn quote_check_folds_whitespace_and_typography_only() {
    // The archive spells "South’s" with a curly apostrophe and breaks a line mid-passage;
    // the clean run above already depends on both. A changed word is still a miss:
    let fixture = quote_fixture();
    fixture.replace(
        "plan_28_points.yaml",
        "wording: [\"North will not prevent South",
        "wording: [\"North shall not prevent South",
    );
    peaceplan([
        "validate",
        "--archive",
        fixture_dir("archive").to_str().unwrap(),
    ])
    .data(fixture.path())
    .status(1)
    .stderr_has("clause 1, source `alpha`: wording “North shall not prevent South")
    .run();
}

#[test]
fn quote_check_reports_a_missing_article() {
    let empty = tempfile::tempdir().unwrap();
    peaceplan(["validate", "--archive", empty.path().to_str().unwrap()])
        .data(&fixture_dir("data"))
        .status(1)
        .stderr_has("alpha.txt: the archived article of `alpha` is missing")
        .run();
}

#[test]
fn quote_check_json_lists_misses() {
    use crate::shapes::Validation;
    let fixture = quote_fixture();
    fixture.replace(
        "plan_28_points.yaml",
        "We have nothing to add at this stage.",
        "We have nothing more to add.",
    );
    let result: Validation = peaceplan([
        "validate",
        "--json",
        "--archive",
        fixture_dir("archive").to_str().unwrap(),
    ])
    .data(fixture.path())
    .status(1)
    .run()
    .json();
    assert!(!result.valid && result.problems.is_empty());
    assert_eq!(
        (
            result.clauses,
            result.sources,
            result.topics,
            result.parties
        ),
        (Some(2), Some(2), Some(2), Some(2))
    );
    assert_eq!(result.quotes_checked, Some(6));
    let [miss] = result.quote_misses.as_slice() else {
        panic!("one miss")
    };
    assert_eq!(
        (miss.clause, miss.source.as_str(), miss.field.as_str()),
        (None, "beta", "quote")
    );
    assert_eq!(miss.passage, "We have nothing more to add.");
    assert!(miss.closest.contains("We have nothing to add"));
    assert!(miss.article.ends_with("beta.txt"));
}

// ---- the second reading (issue #11), coded by data/CODEBOOK.md --------------------------

fn position<'p>(all: &'p [Position], source: &str, actor: &str, quote: &str) -> &'p Position {
    all.iter()
        .find(|p| {
            p.source == source
                && p.actor.starts_with(actor)
                && p.quote.as_deref().unwrap_or("").starts_with(quote)
        })
        .unwrap_or_else(|| panic!("{source}: no position of {actor} quoting {quote:?}"))
}

#[test]
fn california_insider_shows_goncharenkos_claim() {
    peaceplan([
        "positions",
        "--source",
        "california-insider",
        "--width",
        "250",
    ])
    .stdout_has("Oleksiy Goncharenko")
    .stdout_has("“I can confirm that this is indeed true”")
    .run();
    let all = positions(&["--source", "california-insider"]);
    let goncharenko = position(&all, "california-insider", "Oleksiy Goncharenko", "I can");
    assert_eq!(goncharenko.clause, None);
    assert_eq!(goncharenko.party, "ukraine");
    assert!(goncharenko.summary.contains("27 November"));
}

/// Each stance as the codebook grades it: a remark that names no condition is not
/// `conditional`; a description of how the plan was drafted, a concern voiced before the
/// plan and acceptance as a starting point for talks are `noncommittal`.
#[test]
fn stances_are_graded_by_the_codebook() {
    let all = positions(&[]);
    let graded = [
        ("al-mayadeen", "Kaja Kallas", "So we haven't", "opposes"),
        (
            "california-insider",
            "Kaja Kallas",
            "Russia has no",
            "opposes",
        ),
        (
            "kyiv-independent",
            "Kaja Kallas",
            "We have not heard",
            "opposes",
        ),
        ("wsws", "Kaja Kallas", "any concession", "opposes"),
        (
            "wsws",
            "Kaja Kallas",
            "Different peace plans",
            "conditional",
        ),
        ("wsws", "Volodymyr Zelensky", "Our teams", "noncommittal"),
        (
            "california-insider",
            "Karoline Leavitt",
            "quietly",
            "noncommittal",
        ),
        (
            "united24-media",
            "International Atomic Energy Agency",
            "",
            "noncommittal",
        ),
        // A claim about who agreed to the plan, not said to defend it.
        (
            "kyiv-independent",
            "A senior U.S. official",
            "This plan was drawn up",
            "noncommittal",
        ),
        // Interest in resolving the issues, voiced before the plan: no condition, no backing.
        ("united24-media", "Ukraine", "", "noncommittal"),
    ];
    for (source, actor, quote, stance) in graded {
        assert_eq!(
            position(&all, source, actor, quote).stance,
            stance,
            "{source}: {actor}"
        );
    }
    // The WSJ's forecast that European leaders "are likely to resist" is not a position.
    assert!(!all.iter().any(|p| p.actor.starts_with("European leaders")));
}

#[test]
fn each_speaker_gets_the_words_and_the_parties_that_are_theirs() {
    let all = positions(&[]);
    let scandalous = position(&all, "united24-media", "", "scandalous");
    assert_eq!(scandalous.actor, "A senior EU official");
    let officials: BTreeSet<&str> = all
        .iter()
        .filter(|p| p.source == "al-mayadeen" && p.actor == "European and US officials")
        .map(|p| p.party.as_str())
        .collect();
    assert_eq!(officials, BTreeSet::from(["europe", "united-states"]));
    let yelisieiev = position(&all, "wsws", "Kostiantyn Yelisieiev", "Ukraine’s position");
    assert_eq!(
        (yelisieiev.party.as_str(), yelisieiev.via.as_deref()),
        ("ukraine", Some("The New York Times"))
    );
}

/// UNITED24 opens by reporting, from the WSJ, that Trump presented the plan "aiming to
/// secure Kyiv's agreement by Thanksgiving": a named person pressing for acceptance.
#[test]
fn united24_records_trumps_push_for_agreement_by_thanksgiving() {
    let all = positions(&["--source", "united24-media", "--clause", "plan"]);
    let trump = position(&all, "united24-media", "Donald Trump", "");
    assert_eq!(
        (
            trump.party.as_str(),
            trump.stance.as_str(),
            trump.via.as_deref()
        ),
        ("united-states", "supports", Some("The Wall Street Journal"))
    );
    assert!(trump.summary.contains("Thanksgiving"));
}

#[test]
fn summaries_say_no_more_than_their_article() {
    let reconstruction = shown(12);
    let al_mayadeen = &reconstruction.reports[0];
    assert_eq!(al_mayadeen.source, "al-mayadeen");
    assert!(!al_mayadeen.summary.contains("US-run"));
    assert!(
        al_mayadeen
            .summary
            .contains("the US and Ukraine jointly rebuild and operate")
    );
    let constitution = shown(7);
    let united24 = constitution
        .reports
        .iter()
        .find(|r| r.source == "united24-media")
        .unwrap();
    assert!(united24.summary.contains("relays the WSJ's note"));
    #[derive(Deserialize)]
    struct Export {
        plan: Plan,
    }
    #[derive(Deserialize)]
    struct Plan {
        presented: String,
    }
    let export: Export = peaceplan(["export", "--json"]).run().json();
    // The Kyiv Independent reports a meeting with Driscoll, not that he presented the plan.
    assert!(!export.plan.presented.contains("Kyiv Independent"));
    assert!(export.plan.presented.contains("Al Mayadeen English"));
}

fn departures(number: u32, source: &str) -> Vec<Discrepancy> {
    shown(number)
        .reports
        .into_iter()
        .find(|r| r.source == source)
        .unwrap_or_else(|| panic!("{source} does not report clause {number}"))
        .discrepancies
}

#[test]
fn dropped_obligations_shares_and_parties_are_recorded_as_omissions() {
    let omissions = [
        (
            11,
            "california-insider",
            "preferential access to the European market",
        ),
        (
            14,
            "united24-media",
            "Frozen European funds will be unfrozen.",
        ),
        (14, "kyiv-independent", "50% of the profits"),
        (24, "united24-media", "hostages"),
        (24, "united24-media", "'all for all'"),
        (15, "united24-media", "ensure compliance"),
        (
            27,
            "united24-media",
            "Sanctions will be imposed for violations.",
        ),
    ];
    for (number, source, dropped) in omissions {
        assert!(
            departures(number, source)
                .iter()
                .any(|d| d.kind == "omission" && d.text_says.contains(dropped)),
            "clause {number}, {source}: {dropped:?}"
        );
    }
}

#[test]
fn words_quoted_as_the_plans_that_it_does_not_contain_are_departures() {
    let plan_text: String = (1..=28)
        .map(|n| {
            let clause = shown(n);
            format!("{} {}", clause.text, clause.subpoints.join(" "))
        })
        .collect();
    for (number, quoted) in [
        (16, "non-aggression commitments"),
        (10, "coordinated responses"),
    ] {
        assert!(!plan_text.contains(quoted), "{quoted:?} is in the plan");
        assert!(
            departures(number, "united24-media")
                .iter()
                .any(|d| d.kind == "wording" && d.outlet_says.contains(quoted)),
            "{quoted:?}"
        );
    }
}

#[test]
fn a_figure_the_text_does_not_give_is_filed_as_a_figure() {
    let total = departures(14, "united24-media")
        .into_iter()
        .find(|d| d.outlet_says.contains("$300 billion"))
        .unwrap();
    assert_eq!(total.kind, "figure");
}
