//! The versions of the plan: loader errors in versions.yaml (one fixture per kind of
//! error, in tests/fixtures/versions/), the commands `versions` and `lineage`, the
//! version-aware `list`, `show`, `diff` and `matrix`, and the shipped versions data.

// Output structs declare every field so that deny_unknown_fields pins the shape; not
// every test reads every field.
#![allow(dead_code)]

use std::path::Path;

use crate::support::{Fixture, line_of, peaceplan};
use serde::Deserialize;
use serde_json::Value;

const VERSIONS: &str = "versions.yaml";

/// A copy of the shipped plan and sources with `tests/fixtures/versions/<name>.yaml` as
/// its versions file.
fn corpus_with(name: &str) -> Fixture {
    let fixture = Fixture::shipped();
    fixture.write(VERSIONS, fixture_text(name));
    fixture.write("outlets.yaml", fixture_text("outlets"));
    fixture
}

fn fixture_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/versions")
        .join(format!("{name}.yaml"));
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("read {}", path.display()))
}

// ---- loader errors ----------------------------------------------------------------------

/// Each fixture, the text on the line the error must name, and what the message says.
const BROKEN: &[(&str, &str, &str)] = &[
    ("unknown-field", "colour: red", "unknown field `colour`"),
    (
        "unknown-lineage-kind",
        "kind: invented",
        "unknown variant `invented`",
    ),
    (
        "invalid-date",
        "date: 23 November",
        "`23 November 2025`, which is not YYYY-MM-DD",
    ),
    (
        "lineage-unknown-clause",
        "from: [12, 41]",
        "derives from clause 41, which the plan does not have",
    ),
    (
        "point-without-citation",
        "cite: []",
        "point 2 cites no report",
    ),
    (
        "unknown-reference",
        "cite: [r-tow]",
        "unknown reference `r-tow`, which is not in the references list; did you mean `r-two`?",
    ),
    (
        "url-not-web-address",
        "url: two.example.org",
        "url `two.example.org/second`, which is not a web address",
    ),
    (
        "duplicate-point-number",
        "title: \"Free trade\"",
        "has two points numbered 2",
    ),
    (
        "dates-out-of-order",
        "date: 2025-11-22",
        "is dated 2025-11-22, before `v-two`",
    ),
    (
        "unknown-topic",
        "topics: [reconstrution]",
        "unknown topic `reconstrution`, which is not in the plan's topic list; did you mean `reconstruction`?",
    ),
    (
        "unknown-party",
        "united-statse",
        "unknown party `united-statse`, which is not in the plan's party list; did you mean `united-states`?",
    ),
    (
        "figure-not-in-clause",
        "700,000",
        "says figure “700,000” changed, but clause(s) 6 do not give it",
    ),
    (
        "merged-from-one-clause",
        "kind: merged",
        "has lineage `merged` from 1 clause(s)",
    ),
    (
        "dropped-and-derived",
        "clause: 6",
        "drop of clause 6: but its point “Bigger army” derives from clause 6",
    ),
    (
        "more-points-than-declared",
        "declared_points: 1",
        "declares 1 points but lists 3",
    ),
    ("base-not-first", "id: us-28-old", "must start with `us-28`"),
    (
        "uncited-reference",
        "id: r-three",
        "reference `r-three` is cited nowhere",
    ),
];

#[test]
fn every_kind_of_broken_versions_file_is_refused_with_file_line_and_value() {
    for (name, on_line, message) in BROKEN {
        let fixture = corpus_with(name);
        // The duplicate number is named where the second point numbered 2 starts.
        let line = if *name == "duplicate-point-number" {
            line_of(&fixture.read(VERSIONS), on_line) - 1
        } else {
            line_of(&fixture.read(VERSIONS), on_line)
        };
        let place = format!("{}:{line}:", fixture.file(VERSIONS).display());
        peaceplan(["versions"])
            .data(fixture.path())
            .status(1)
            .stdout_empty()
            .stderr_has(&place)
            .stderr_has(message)
            .run();
        peaceplan(["validate"])
            .data(fixture.path())
            .status(1)
            .stdout_has("invalid:")
            .stderr_has(&place)
            .stderr_has(message)
            .run();
    }
}

#[test]
fn a_broken_versions_file_fails_every_command_not_only_the_version_ones() {
    let fixture = corpus_with("unknown-topic");
    peaceplan(["list"])
        .data(fixture.path())
        .status(1)
        .stdout_empty()
        .stderr_has("unknown topic `reconstrution`")
        .run();
}

#[test]
fn the_valid_fixture_and_a_corpus_without_versions_load() {
    peaceplan(["validate"])
        .data(corpus_with("valid").path())
        .stdout_has("ok: 28 clauses")
        .stderr_empty()
        .run();
    // No versions.yaml: no later versions; us-28 stands alone, built from the plan file.
    let fixture = Fixture::shipped();
    let versions: Vec<VersionRow> = peaceplan(["versions", "--json"])
        .data(fixture.path())
        .run()
        .json();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].id, "us-28");
    assert_eq!(versions[0].date, None);
    assert_eq!(versions[0].declared_points, 28);
    peaceplan(["lineage", "6", "--json"])
        .data(fixture.path())
        .stdout_has("\"fate\": \"original\"")
        .run();
}

#[test]
fn a_versions_path_that_is_a_directory_is_an_error_naming_it() {
    let fixture = Fixture::shipped();
    std::fs::create_dir(fixture.file(VERSIONS)).unwrap();
    peaceplan(["versions"])
        .data(fixture.path())
        .status(1)
        .stderr_has(&format!(
            "{}: cannot read",
            fixture.file(VERSIONS).display()
        ))
        .run();
}

#[test]
fn garbage_bytes_in_the_versions_file_are_an_error_naming_it() {
    let fixture = Fixture::shipped();
    fixture.write(VERSIONS, b"references: []\nversions: [\xff\xfe]\n");
    peaceplan(["versions"])
        .data(fixture.path())
        .status(1)
        .stderr_has(&format!("{}:2:", fixture.file(VERSIONS).display()))
        .stderr_has("invalid UTF-8")
        .run();
}

// ---- JSON shapes ------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Reference {
    id: String,
    outlet: String,
    outlet_id: String,
    outlet_kind: Option<String>,
    read_at: Option<String>,
    read_at_id: Option<String>,
    headline: String,
    date: Option<String>,
    url: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountRow {
    source: Reference,
    says: String,
    differs_in: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionRow {
    id: String,
    title: String,
    date: Option<String>,
    date_note: Option<String>,
    drafted_by: Vec<String>,
    relayed_by: Vec<String>,
    text_status: String,
    declared_points: u32,
    points_recorded: usize,
    drops: Vec<u32>,
    without_counterpart: Vec<u32>,
    summary: Option<String>,
    sources: Vec<Reference>,
    accounts: Vec<AccountRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureChange {
    was: String,
    now: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PointRow {
    version: String,
    number: Option<u32>,
    title: String,
    summary: String,
    figures: Vec<String>,
    topics: Vec<String>,
    parties: Vec<String>,
    lineage: String,
    from: Vec<u32>,
    figures_changed: Vec<FigureChange>,
    note: Option<String>,
    sources: Vec<Reference>,
    reports: usize,
    accounts: Vec<AccountRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DropRow {
    clause: u32,
    summary: String,
    sources: Vec<Reference>,
    reports: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    version: String,
    date: Option<String>,
    text_status: String,
    fate: String,
    points: Vec<PointRow>,
    drop: Option<DropRow>,
    sources: Vec<Reference>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Chain {
    clause: u32,
    title: String,
    text: String,
    steps: Vec<Step>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Lineage {
    target: String,
    point: Option<PointRow>,
    chains: Vec<Chain>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClauseFates {
    clause: u32,
    title: String,
    a: Step,
    b: Step,
    figures_only_in_a: Vec<String>,
    figures_only_in_b: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FateCount {
    fate: String,
    clauses: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionDiff {
    a: String,
    b: String,
    summary: Vec<FateCount>,
    clauses: Vec<ClauseFates>,
    new_in_a: Vec<PointRow>,
    new_in_b: Vec<PointRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MatrixCell {
    version: String,
    fate: String,
    points: Vec<Option<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MatrixRow {
    clause: Option<u32>,
    title: String,
    cells: Vec<MatrixCell>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Matrix {
    versions: Vec<String>,
    rows: Vec<MatrixRow>,
}

// ---- commands on the fixture -----------------------------------------------------------

#[test]
fn versions_lists_the_fixture_in_date_order_with_counts_and_sources() {
    let fixture = corpus_with("valid");
    let rows: Vec<VersionRow> = peaceplan(["versions", "--json"])
        .data(fixture.path())
        .run()
        .json();
    let ids: Vec<&str> = rows.iter().map(|row| row.id.as_str()).collect();
    assert_eq!(ids, ["us-28", "v-two", "v-three"]);
    assert_eq!(rows[1].date.as_deref(), Some("2025-11-23"));
    assert_eq!(rows[1].drops, [26]);
    assert_eq!((rows[2].declared_points, rows[2].points_recorded), (5, 1));
    assert_eq!(rows[2].text_status, "reported-only");
    assert_eq!(rows[1].sources[1].url, "https://two.example.org/second");
    assert_eq!(rows[1].sources[1].date, None);
    assert_eq!(
        rows[1].without_counterpart.len(),
        28 - 3 - 1,
        "points from 6, 12, 14; 26 dropped"
    );
    assert_eq!(rows[2].without_counterpart.len(), 27);
    peaceplan(["versions", "--width", "120"])
        .data(fixture.path())
        .stdout_has("v-three")
        .stdout_has("5 (1 recorded)")
        .stdout_has("Outlet One, Outlet Two")
        .stdout_has("dropped: 26; absent: 1–5, 7–11,")
        .stdout_has("not in the points recorded: 2–28")
        .run();
    peaceplan(["versions", "--format", "csv", "--fields", "id,date"])
        .data(fixture.path())
        .stdout_has("id,date\nus-28,2025-11-20\nv-two,2025-11-23\nv-three,2025-11-24\n")
        .run();
}

#[test]
fn lineage_follows_a_clause_through_every_version_with_figures_and_sources() {
    let fixture = corpus_with("valid");
    let lineage: Lineage = peaceplan(["lineage", "6", "--json"])
        .data(fixture.path())
        .run()
        .json();
    assert_eq!(lineage.target, "6");
    let chain = &lineage.chains[0];
    assert_eq!(chain.clause, 6);
    let fates: Vec<(&str, &str)> = chain
        .steps
        .iter()
        .map(|step| (step.version.as_str(), step.fate.as_str()))
        .collect();
    assert_eq!(
        fates,
        [
            ("us-28", "original"),
            ("v-two", "amended"),
            ("v-three", "not-reported")
        ]
    );
    let point = &chain.steps[1].points[0];
    assert_eq!(
        (
            point.figures_changed[0].was.as_str(),
            point.figures_changed[0].now.as_str()
        ),
        ("600,000", "800,000")
    );
    assert_eq!(point.sources[0].url, "https://one.example.org/first");
    assert_eq!(point.accounts[0].says, "Says 850,000.");
    // The table names each figure's change, and gives each account a row of its own
    // with its outlet.
    let table = peaceplan(["lineage", "6", "--width", "120"])
        .data(fixture.path())
        .stdout_has("[600,000 → 800,000]")
        .run()
        .stdout;
    let account = table
        .lines()
        .find(|line| line.contains("figure: Says 850,000."))
        .unwrap_or_else(|| panic!("no row for the account:\n{table}"));
    assert!(
        account.contains("undated")
            && account.contains("account")
            && account.contains("Outlet Two"),
        "{account}"
    );
}

#[test]
fn lineage_tells_dropped_absent_merged_and_unreported_apart() {
    let fixture = corpus_with("valid");
    let fate = |clause: &str, version: usize| -> String {
        let lineage: Lineage = peaceplan(["lineage", clause, "--json"])
            .data(fixture.path())
            .run()
            .json();
        lineage.chains[0].steps[version].fate.clone()
    };
    assert_eq!(fate("26", 1), "dropped");
    assert_eq!(fate("3", 1), "absent"); // v-two lists all 3 of its points
    assert_eq!(fate("3", 2), "not-reported"); // v-three is known only in part
    assert_eq!(fate("14", 1), "merged");
    assert_eq!(fate("1", 2), "kept");
    let dropped: Lineage = peaceplan(["lineage", "26", "--json"])
        .data(fixture.path())
        .run()
        .json();
    let drop = dropped.chains[0].steps[1].drop.as_ref().unwrap();
    assert_eq!((drop.clause, drop.sources[0].id.as_str()), (26, "r-two"));
}

#[test]
fn lineage_of_a_point_follows_its_clauses() {
    let fixture = corpus_with("valid");
    let merged: Lineage = peaceplan(["lineage", "v-two:2", "--json"])
        .data(fixture.path())
        .run()
        .json();
    assert_eq!(merged.point.as_ref().unwrap().title, "Funds");
    let clauses: Vec<u32> = merged.chains.iter().map(|chain| chain.clause).collect();
    assert_eq!(clauses, [12, 14]);
    let new: Lineage = peaceplan(["lineage", "v-two:3", "--json"])
        .data(fixture.path())
        .run()
        .json();
    assert!(new.chains.is_empty());
    assert_eq!(new.point.unwrap().lineage, "new");
}

#[test]
fn lineage_refuses_what_does_not_exist_as_a_usage_error() {
    let fixture = corpus_with("valid");
    let cases: &[(&str, &str)] = &[
        ("29", "there is no clause 29; clauses are numbered 1–28"),
        ("v-too:1", "unknown version `v-too`; did you mean `v-two`?"),
        (
            "v-two:9",
            "version `v-two` has no point 9 recorded; its recorded points are: 1, 2, 3",
        ),
        ("six", "expected a clause number or VERSION:N"),
    ];
    for (target, message) in cases {
        peaceplan(["lineage", target])
            .data(fixture.path())
            .status(2)
            .stdout_empty()
            .stderr_has(message)
            .run();
    }
    peaceplan(["lineage", "6", "--format", "csv"])
        .data(fixture.path())
        .status(2)
        .stderr_has("supports --format table, json, yaml")
        .run();
}

#[test]
fn list_and_show_take_a_version_and_every_filter_that_applies() {
    let fixture = corpus_with("valid");
    let all: Vec<PointRow> = peaceplan(["list", "--plan", "v-two", "--json"])
        .data(fixture.path())
        .run()
        .json();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].version, "v-two");
    let filtered = |args: &[&str]| -> Vec<Option<u32>> {
        let mut all = vec!["list", "--plan", "v-two", "--json"];
        all.extend(args);
        let rows: Vec<PointRow> = peaceplan(all).data(fixture.path()).run().json();
        rows.iter().map(|row| row.number).collect()
    };
    assert_eq!(
        filtered(&["--topic", "trade,reconstruction"]),
        [Some(2), Some(3)]
    );
    assert_eq!(filtered(&["--party", "united-states"]), [Some(3)]);
    assert_eq!(filtered(&["--source", "r-two"]), [Some(2)]);
    assert_eq!(filtered(&["--text", "ARMY"]), [Some(1)]);
    assert_eq!(filtered(&["--clause", "3"]), [Some(3)]);
    assert_eq!(
        filtered(&["--topic", "trade", "--party", "russia"]),
        Vec::<Option<u32>>::new()
    );
    peaceplan(["list", "--plan", "v-two", "--topic", "trde"])
        .data(fixture.path())
        .status(2)
        .stderr_has("did you mean `trade`?")
        .run();
    peaceplan(["list", "--plan", "v-twoo"])
        .data(fixture.path())
        .status(2)
        .stderr_has("unknown version `v-twoo`; did you mean `v-two`?")
        .run();
    peaceplan(["list", "--plan", "us-28"])
        .data(fixture.path())
        .status(2)
        .stderr_has("leave out --plan")
        .run();
    let shown: Vec<PointRow> = peaceplan(["show", "--plan", "v-two", "1", "--json"])
        .data(fixture.path())
        .run()
        .json();
    assert_eq!(shown[0].from, [6]);
    assert_eq!(shown[0].figures, ["800,000"]);
    peaceplan(["show", "--plan", "v-two", "1", "--width", "100"])
        .data(fixture.path())
        .stdout_has("v-two point 1 · Bigger army")
        .stdout_has("600,000 → 800,000")
        .stdout_has("https://two.example.org/second")
        .run();
    peaceplan(["show", "--plan", "v-two", "4"])
        .data(fixture.path())
        .status(2)
        .stderr_has("has no point 4 recorded")
        .run();
}

#[test]
fn diff_of_two_versions_gives_every_clause_its_fate_and_the_new_points() {
    let fixture = corpus_with("valid");
    for args in [
        &["diff", "--plans", "us-28", "v-two", "--json"][..],
        &["diff", "us-28", "v-two", "--json"],
    ] {
        let diff: VersionDiff = peaceplan(args).data(fixture.path()).run().json();
        assert_eq!((diff.a.as_str(), diff.b.as_str()), ("us-28", "v-two"));
        let numbers: Vec<u32> = diff.clauses.iter().map(|clause| clause.clause).collect();
        assert_eq!(numbers, (1..=28).collect::<Vec<_>>());
        let six = &diff.clauses[5];
        assert_eq!(
            (six.a.fate.as_str(), six.b.fate.as_str()),
            ("original", "amended")
        );
        assert_eq!(six.figures_only_in_a, ["600,000"]);
        assert_eq!(six.figures_only_in_b, ["800,000"]);
        assert_eq!(diff.clauses[25].b.fate, "dropped");
        let counted: usize = diff.summary.iter().map(|count| count.clauses).sum();
        assert_eq!(counted, 28);
        assert_eq!(diff.new_in_b[0].title, "Free trade");
        assert!(diff.new_in_a.is_empty());
    }
    peaceplan(["diff", "us-28", "v-two", "--width", "100"])
        .data(fixture.path())
        .stdout_has("diff us-28 v-two: 28 clauses")
        .stdout_has("600,000 → 800,000")
        .stdout_has("new in v-two: point 3 · Free trade")
        .run();
    peaceplan(["diff", "--plans", "us-28", "v-tw"])
        .data(fixture.path())
        .status(2)
        .stderr_has("did you mean `v-two`?")
        .run();
    peaceplan(["diff", "us-28", "v-two", "--stat"])
        .data(fixture.path())
        .status(2)
        .stderr_has("--stat applies to comparing outlets")
        .run();
    // A version beside anything but a version is a usage error naming the versions.
    peaceplan(["diff", "v-two", "wsws"])
        .data(fixture.path())
        .status(2)
        .stderr_has("unknown version `wsws`")
        .run();
    // Outlets are still compared as before.
    peaceplan(["diff", "text", "wsws", "--stat"])
        .data(fixture.path())
        .stdout_has("diff text wsws")
        .run();
}

#[test]
fn matrix_of_versions_is_a_clause_by_version_grid() {
    let fixture = corpus_with("valid");
    let matrix: Matrix = peaceplan(["matrix", "--versions", "--json"])
        .data(fixture.path())
        .run()
        .json();
    assert_eq!(matrix.versions, ["us-28", "v-two", "v-three"]);
    assert_eq!(matrix.rows.len(), 29, "28 clauses and one new point");
    let six = &matrix.rows[5];
    assert_eq!(six.clause, Some(6));
    assert_eq!(six.cells[1].fate, "amended");
    assert_eq!(six.cells[1].points, [Some(1)]);
    let new = &matrix.rows[28];
    assert_eq!((new.clause, new.title.as_str()), (None, "Free trade"));
    assert_eq!(new.cells[1].fate, "new");
    peaceplan([
        "matrix",
        "--versions",
        "--topic",
        "amnesty",
        "--width",
        "80",
    ])
    .data(fixture.path())
    .stdout_has("│ 26  ┆ =     ┆ x     ┆ ?       ┆ Full amnesty")
    .run();
}

// ---- the shipped versions -------------------------------------------------------------

#[test]
fn the_shipped_corpus_has_the_four_versions_with_dates_and_sources() {
    let rows: Vec<VersionRow> = peaceplan(["versions", "--json"]).run().json();
    let ids: Vec<&str> = rows.iter().map(|row| row.id.as_str()).collect();
    assert_eq!(ids, ["us-28", "e3-counter", "geneva-19", "framework-20"]);
    let dates: Vec<&str> = rows
        .iter()
        .map(|row| row.date.as_deref().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    for row in &rows {
        assert!(!row.sources.is_empty(), "{} cites nothing", row.id);
    }
    // Issue #19: framework-20 has 20 points, of which citable reports give 17; AFP
    // reports that it drops the NATO bar (clause 7), and no recorded point derives from
    // the clauses on NATO expansion, the G8, the amnesty and the rest listed here.
    let framework = &rows[3];
    assert_eq!(
        (framework.declared_points, framework.points_recorded),
        (20, 17)
    );
    assert_eq!(framework.drops, [7]);
    for clause in [3, 4, 8, 9, 13, 15, 17, 26] {
        assert!(
            framework.without_counterpart.contains(&clause),
            "clause {clause}: {:?}",
            framework.without_counterpart
        );
    }
    peaceplan(["versions"])
        .stdout_has("dropped: 7")
        .stdout_lacks("Drops")
        .run();
}

#[test]
fn every_shipped_point_cites_a_web_address() {
    let rows: Vec<VersionRow> = peaceplan(["versions", "--json"]).run().json();
    let mut points = 0;
    for row in rows.iter().filter(|row| row.id != "us-28") {
        let listed: Vec<PointRow> = peaceplan(["list", "--plan", &row.id, "--json"])
            .run()
            .json();
        assert_eq!(listed.len(), row.points_recorded);
        for point in &listed {
            assert!(!point.sources.is_empty(), "{} {:?}", row.id, point.number);
            for source in point
                .sources
                .iter()
                .chain(point.accounts.iter().map(|a| &a.source))
            {
                assert!(source.url.starts_with("https://"), "{}", source.url);
            }
        }
        points += listed.len();
    }
    assert!(points >= 20, "only {points} points");
}

#[test]
fn the_shipped_army_cap_and_amnesty_lineages() {
    let six: Lineage = peaceplan(["lineage", "6", "--json"]).run().json();
    let steps = &six.chains[0].steps;
    assert_eq!(steps.len(), 4);
    assert!(six.chains[0].text.contains("600,000"));
    for step in &steps[1..] {
        assert_eq!(step.fate, "amended", "{}", step.version);
        assert!(!step.points[0].sources.is_empty());
        let figures: Vec<&str> = step.points[0]
            .figures_changed
            .iter()
            .map(|change| change.now.as_str())
            .chain(
                step.points[0]
                    .accounts
                    .iter()
                    .map(|account| account.says.as_str()),
            )
            .collect();
        assert!(
            figures.iter().any(|figure| figure.contains("800,000")),
            "{}: {figures:?}",
            step.version
        );
    }
    let amnesty: Lineage = peaceplan(["lineage", "26", "--json"]).run().json();
    let fates: Vec<&str> = amnesty.chains[0]
        .steps
        .iter()
        .map(|step| step.fate.as_str())
        .collect();
    assert_eq!(fates[0], "original");
    // Geneva dropped the amnesty (DW's interview); no later version is reported to keep
    // it, and the framework's recorded points do not derive from it.
    assert_eq!(fates[2], "dropped", "{fates:?}");
    assert!(
        fates[1..]
            .iter()
            .all(|fate| ["dropped", "absent", "not-reported"].contains(fate)),
        "{fates:?}"
    );
}

#[test]
fn the_shipped_diff_gives_the_fate_of_all_28_clauses_in_the_framework() {
    let diff: VersionDiff = peaceplan(["diff", "--plans", "us-28", "framework-20", "--json"])
        .run()
        .json();
    assert_eq!(diff.clauses.len(), 28);
    let fate_of = |number: u32| {
        diff.clauses
            .iter()
            .find(|clause| clause.clause == number)
            .map(|clause| clause.b.fate.as_str())
            .unwrap()
    };
    assert_eq!(fate_of(7), "dropped");
    assert_eq!(fate_of(6), "amended");
    // With 17 of its 20 points recorded, a clause no recorded point derives from is not
    // reported either way, never "absent".
    assert_eq!(fate_of(26), "not-reported");
    for clause in &diff.clauses {
        assert_ne!(clause.b.fate, "absent", "clause {}", clause.clause);
    }
}

#[test]
fn the_versions_file_points_at_the_corpus_schema_and_fits_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("data").join(VERSIONS);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=../schema/corpus.schema.json\n"));
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schema/corpus.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let file = peaceplan::corpus::read_text(&path).unwrap();
    let value = peaceplan::corpus::file_as_json(&file).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let broken =
        peaceplan::corpus::read_text(&corpus_with("unknown-field").file(VERSIONS)).unwrap();
    assert!(!validator.is_valid(&peaceplan::corpus::file_as_json(&broken).unwrap()));
}

#[test]
fn the_new_json_outputs_fit_the_output_schema() {
    let schema: Value =
        serde_json::from_str(&peaceplan(["schema", "output"]).run().stdout).unwrap();
    let outputs: &[(&str, &[&str])] = &[
        ("versions", &["versions"]),
        ("lineage", &["lineage", "6"]),
        ("list_version", &["list", "--plan", "framework-20"]),
        (
            "diff_version",
            &["diff", "--plans", "us-28", "framework-20"],
        ),
        ("matrix_versions", &["matrix", "--versions"]),
    ];
    for (name, args) in outputs {
        let mut rooted = schema.clone();
        rooted["$ref"] = Value::String(format!("#/$defs/output_{name}"));
        rooted.as_object_mut().unwrap().remove("anyOf");
        let validator = jsonschema::validator_for(&rooted).unwrap();
        let mut all = args.to_vec();
        all.push("--json");
        let instance: Value = serde_json::from_str(&peaceplan(all).run().stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

// ---- one filter, one text matcher, and the plan version's own name (issue #19) ----------

#[test]
fn the_version_path_takes_the_party_aliases_and_folds_typography() {
    let by_alias: Vec<PointRow> =
        peaceplan(["list", "--plan", "e3-counter", "--party", "us", "--json"])
            .run()
            .json();
    let by_id: Vec<PointRow> = peaceplan([
        "list",
        "--plan",
        "e3-counter",
        "--party",
        "united-states",
        "--json",
    ])
    .run()
    .json();
    assert!(!by_id.is_empty());
    assert_eq!(
        by_alias.iter().map(|p| p.number).collect::<Vec<_>>(),
        by_id.iter().map(|p| p.number).collect::<Vec<_>>()
    );
    // A curly apostrophe finds the straight one, in clauses and in points alike.
    let curly: Vec<serde_json::Value> = peaceplan(["list", "--text", "Ukraine’s", "--json"])
        .run()
        .json();
    let straight: Vec<serde_json::Value> = peaceplan(["list", "--text", "Ukraine's", "--json"])
        .run()
        .json();
    assert!(!straight.is_empty());
    assert_eq!(curly, straight);
    let points: Vec<PointRow> = peaceplan([
        "list",
        "--plan",
        "framework-20",
        "--text",
        "UKRAINE’S",
        "--json",
    ])
    .run()
    .json();
    assert!(!points.is_empty());
}

#[test]
fn the_plan_version_is_named_plan_and_the_old_spelling_still_works_with_a_note() {
    let new: Vec<PointRow> = peaceplan(["list", "--plan", "framework-20", "--json"])
        .stderr_empty()
        .run()
        .json();
    let old = peaceplan(["list", "--version", "framework-20", "--json"])
        .stderr_has("`--version ID` is now `--plan ID`")
        .run();
    let old: Vec<PointRow> = old.json();
    assert_eq!(new.len(), old.len());
    peaceplan(["diff", "--version", "us-28", "framework-20", "--stat"])
        .status(2)
        .stderr_has("`diff --version` is now `diff --plans`")
        .run();
    peaceplan(["list", "--plan", "framework-20", "--version", "e3-counter"])
        .status(2)
        .stderr_has("cannot be used with")
        .run();
    // The program's own version is still `--version` alone.
    peaceplan(["--version"]).stdout_has("peaceplan ").run();
}

#[test]
fn search_export_and_validate_cover_the_versions() {
    let hits: Vec<serde_json::Value> = peaceplan(["search", "Stefanishyna", "--json"]).run().json();
    assert!(
        hits.iter()
            .any(|hit| hit["source"] == "geneva-19" && hit["field"] == "drop"),
        "{hits:?}"
    );
    let hits: Vec<serde_json::Value> = peaceplan(["search", "800,000", "--json"]).run().json();
    assert!(
        hits.iter().any(|hit| hit["source"] == "e3-counter:6"),
        "{hits:?}"
    );
    let only: Vec<serde_json::Value> =
        peaceplan(["search", "800,000", "--source", "framework-20", "--json"])
            .run()
            .json();
    assert!(!only.is_empty());
    assert!(
        only.iter()
            .all(|hit| hit["source"].as_str().unwrap().starts_with("framework-20"))
    );
    let export: serde_json::Value = peaceplan(["export"]).run().json();
    assert_eq!(export["versions"].as_array().unwrap().len(), 4);
    assert!(export["references"].as_array().unwrap().len() >= 30);
    assert!(export["outlets"].as_array().unwrap().len() >= 30);
    let validation: serde_json::Value = peaceplan(["validate", "--json"]).run().json();
    assert_eq!(validation["versions"], 4);
    assert_eq!(
        validation["references"].as_u64().unwrap() as usize,
        export["references"].as_array().unwrap().len()
    );
    peaceplan(["validate"])
        .stdout_has("; 4 versions, ")
        .stdout_has(" references, ")
        .run();
}

#[test]
fn a_figure_is_changed_only_where_the_data_says_it_counts_the_same_thing() {
    // Clause 19's 50:50 is the plant's power split between Russia and Ukraine; the
    // framework's 50/50 is a Ukraine–US joint venture: side by side, never `→`.
    let ran = peaceplan([
        "diff",
        "--plans",
        "us-28",
        "framework-20",
        "--clause",
        "19",
        "--width",
        "200",
    ])
    .stdout_has("us-28: 50:50; framework-20: 33% each")
    .run();
    let row = ran
        .stdout
        .lines()
        .find(|line| line.contains("│ 19 "))
        .unwrap();
    assert!(!row.contains('→'), "{row}");
    // The army cap's change is recorded, so it is a change.
    peaceplan([
        "diff",
        "--plans",
        "us-28",
        "framework-20",
        "--clause",
        "6",
        "--width",
        "200",
    ])
    .stdout_has("600,000 → 800,000")
    .run();
}

#[test]
fn a_new_point_is_absent_from_the_28_points_and_unreported_elsewhere() {
    let ran = peaceplan(["matrix", "--versions", "--width", "200"]).run();
    let row = ran
        .stdout
        .lines()
        .find(|line| line.contains("US–Ukraine free trade"))
        .expect("framework-20's new point 10");
    let cells: Vec<&str> = row.split('┆').map(str::trim).collect();
    assert_eq!(cells[1], "-", "{row}");
    assert_eq!(cells[4], "+ 10", "{row}");
}

#[test]
fn a_fact_resting_on_one_report_says_so() {
    let point: Vec<PointRow> = peaceplan(["show", "--plan", "framework-20", "16", "--json"])
        .run()
        .json();
    assert_eq!(point[0].reports, 1);
    peaceplan(["show", "--plan", "framework-20", "16", "--width", "120"])
        .stdout_has("(one report)")
        .run();
    // The army cap in the framework is reported by several outlets.
    let points: Vec<PointRow> = peaceplan(["list", "--plan", "framework-20", "--json"])
        .run()
        .json();
    let four = points.iter().find(|p| p.number == Some(4)).unwrap();
    assert!(four.reports >= 2, "{}", four.reports);
    peaceplan(["show", "--plan", "framework-20", "4", "--width", "120"])
        .stdout_lacks("(one report)")
        .run();
}

// ---- the versions file as strict as the plan (issue #22, items 15, 16, 19) -------------

/// The valid fixture with one edit, and what `validate` must then say, at which line.
fn refused_edit(from: &str, to: &str, says: &str) {
    let fixture = corpus_with("valid");
    let line = fixture.replace(VERSIONS, from, to);
    peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has(&format!("{}:{line}:", fixture.file(VERSIONS).display()))
        .stderr_has(says)
        .run();
}

#[test]
fn a_null_where_text_or_a_list_is_required_is_refused_not_stored() {
    refused_edit(
        "        title: \"Bigger army\"\n",
        "        title: null\n",
        "expected text, found null",
    );
    refused_edit(
        "        title: \"Bigger army\"\n",
        "        title: ~\n",
        "expected text, found null",
    );
    refused_edit(
        "    outlet: outlet-one\n",
        "    outlet:\n",
        "expected text, found null",
    );
}

#[test]
fn a_clause_named_twice_in_from_and_an_empty_figure_are_refused() {
    refused_edit(
        "        lineage: { kind: merged, from: [12, 14] }",
        "        lineage: { kind: merged, from: [12, 12] }",
        "derives from clause 12 more than once",
    );
    refused_edit(
        "          figures_changed: [{ was: \"600,000\", now: \"800,000\" }]",
        "          figures_changed: [{ was: \"\", now: \"800,000\" }]",
        "figures_changed[0]: expected text, found an empty string",
    );
}

#[test]
fn a_version_may_not_take_an_outlets_id_or_text() {
    for taken in ["wsws", "text"] {
        let fixture = corpus_with("valid");
        let text = fixture.read(VERSIONS).replace("v-two", taken);
        fixture.write(VERSIONS, text);
        peaceplan(["validate"])
            .data(fixture.path())
            .status(1)
            .stderr_has(&format!(
                "version id `{taken}` is also an outlet's id (or `text`)"
            ))
            .run();
    }
}

#[test]
fn a_point_named_twice_is_shown_once_as_a_clause_is() {
    let shown: Vec<PointRow> = peaceplan(["show", "--plan", "framework-20", "4,4,3-4", "--json"])
        .run()
        .json();
    let numbers: Vec<Option<u32>> = shown.iter().map(|point| point.number).collect();
    assert_eq!(numbers, [Some(4), Some(3)]);
}
