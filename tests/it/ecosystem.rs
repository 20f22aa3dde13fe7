//! Fitting the ecosystem: every output format read back by a real client (jq, the csv
//! crate, a JSON Schema validator), --fields, search, export, completions, the man page,
//! the schemas, and terminal hygiene.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::shapes::Hit;
use crate::support::{Fixture, peaceplan};
use serde::Deserialize;
use serde_json::Value;

/// Whether `tool` is on PATH. Missing tools skip a check on a user's machine, but CI
/// (`CI` set) installs them, so there a missing tool is a failure.
fn have(tool: &str) -> bool {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI must have `{tool}` installed"
    );
    if !found {
        eprintln!("skipped: `{tool}` is not installed");
    }
    found
}

/// Every command that prints JSON, with the name of its output in `schema output`.
const JSON_COMMANDS: &[(&str, &[&str])] = &[
    ("list", &["list"]),
    ("show", &["show", "8", "26"]),
    ("topics", &["topics"]),
    ("parties", &["parties"]),
    ("sources", &["sources"]),
    ("positions", &["positions"]),
    ("matrix", &["matrix"]),
    ("search", &["search", "capitulation"]),
    ("diff", &["diff", "text", "kyiv-independent"]),
    ("validate", &["validate"]),
    ("export", &["export"]),
    ("departures", &["departures"]),
    ("departures-detected", &["departures", "--detected"]),
    ("actors", &["actors"]),
    ("compare", &["compare", "21"]),
];

fn json_of(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.push("--json");
    peaceplan(all).run().stdout
}

#[test]
fn every_json_output_parses_with_jq() {
    if !have("jq") {
        return;
    }
    for (_, args) in JSON_COMMANDS {
        let mut jq = Command::new("jq")
            .args(["-e", "type"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        jq.stdin
            .take()
            .unwrap()
            .write_all(json_of(args).as_bytes())
            .unwrap();
        let output = jq.wait_with_output().unwrap();
        assert!(output.status.success(), "jq rejects `{}`", args.join(" "));
        let kind = String::from_utf8(output.stdout).unwrap();
        assert!(
            kind.trim() == "\"array\"" || kind.trim() == "\"object\"",
            "{args:?}: {kind}"
        );
    }
}

#[test]
fn every_json_output_validates_against_the_output_schema() {
    let schema: Value =
        serde_json::from_str(&peaceplan(["schema", "output"]).run().stdout).unwrap();
    for (name, args) in JSON_COMMANDS {
        let mut rooted = schema.clone();
        rooted["$ref"] = Value::String(format!("#/$defs/output_{name}"));
        rooted.as_object_mut().unwrap().remove("anyOf");
        let validator = jsonschema::validator_for(&rooted).expect("a valid schema");
        let instance: Value = serde_json::from_str(&json_of(args)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "`{}` does not fit output_{name}: {errors:#?}",
            args.join(" ")
        );
    }
    // The schema is not a rubber stamp: a record with a wrong type fails it.
    let mut rooted = schema.clone();
    rooted["$ref"] = Value::String("#/$defs/output_list".into());
    rooted.as_object_mut().unwrap().remove("anyOf");
    let validator = jsonschema::validator_for(&rooted).unwrap();
    let mut list: Value = serde_json::from_str(&json_of(&["list"])).unwrap();
    list[0]["number"] = Value::String("six".into());
    assert!(!validator.is_valid(&list));
}

#[test]
fn jsonl_is_the_json_array_one_record_a_line() {
    for args in [&["list"][..], &["positions"], &["search", "NATO"]] {
        let array: Vec<Value> = serde_json::from_str(&json_of(args)).unwrap();
        let mut all = args.to_vec();
        all.extend(["--format", "jsonl"]);
        let lines: Vec<Value> = peaceplan(all)
            .run()
            .stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(lines, array, "{args:?}");
    }
}

#[derive(Debug, Deserialize, PartialEq)]
struct CsvClause {
    number: u32,
    title: String,
    text: String,
    subpoints: String,
    topics: String,
    parties: String,
    sources: String,
}

#[test]
fn csv_parses_back_into_the_same_records() {
    #[derive(Deserialize)]
    struct JsonClause {
        number: u32,
        title: String,
        text: String,
        subpoints: Vec<String>,
        topics: Vec<String>,
        parties: Vec<String>,
        sources: Vec<String>,
    }
    let csv_text = peaceplan(["list", "--format", "csv"]).run().stdout;
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "number",
            "title",
            "text",
            "subpoints",
            "topics",
            "parties",
            "sources"
        ]
    );
    let from_csv: Vec<CsvClause> = reader.deserialize().map(Result::unwrap).collect();
    let from_json: Vec<JsonClause> = serde_json::from_str(&json_of(&["list"])).unwrap();
    assert_eq!(from_csv.len(), 28);
    for (csv_row, json_row) in from_csv.iter().zip(&from_json) {
        assert_eq!(csv_row.number, json_row.number);
        assert_eq!(csv_row.title, json_row.title);
        assert_eq!(csv_row.text, json_row.text);
        assert_eq!(split_list(&csv_row.subpoints), json_row.subpoints);
        assert_eq!(split_list(&csv_row.topics), json_row.topics);
        assert_eq!(split_list(&csv_row.parties), json_row.parties);
        assert_eq!(split_list(&csv_row.sources), json_row.sources);
    }
    // Clauses 10 and 14 have sub-points holding `;`: the case the escaping is for.
    let with_semicolons: Vec<u32> = from_json
        .iter()
        .filter(|clause| clause.subpoints.iter().any(|item| item.contains(';')))
        .map(|clause| clause.number)
        .collect();
    assert!(
        with_semicolons.contains(&10) && with_semicolons.contains(&14),
        "{with_semicolons:?}"
    );
}

/// A CSV list cell split into its items as the README says: items are separated by `;`,
/// and a backslash makes the next character (a `;` or a backslash) part of the item.
fn split_list(cell: &str) -> Vec<String> {
    if cell.is_empty() {
        return Vec::new();
    }
    let mut items = vec![String::new()];
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => items.last_mut().unwrap().extend(chars.next()),
            ';' => items.push(String::new()),
            other => items.last_mut().unwrap().push(other),
        }
    }
    items
}

#[test]
fn csv_of_positions_and_the_matrix() {
    let text = peaceplan([
        "positions",
        "--format",
        "csv",
        "--clause",
        "plan",
        "--source",
        "wsws",
    ])
    .run()
    .stdout;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Barrot, Sikorski, Kallas (twice: a condition, then no Russian concession), a
    // Ukrainian official, Podolyak, Kostenko, Zelensky, US officials (FT), European
    // officials and Yelisieiev.
    assert_eq!(rows.len(), 11);
    assert!(
        rows.iter()
            .all(|row| row[0].is_empty() && &row[1] == "wsws")
    );

    let text = peaceplan(["matrix", "--format", "csv", "--clause", "8"])
        .run()
        .stdout;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "number",
            "title",
            "al-mayadeen",
            "california-insider",
            "kyiv-independent",
            "united24-media",
            "wsws",
            "reported"
        ]
    );
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(
        row.iter().collect::<Vec<_>>(),
        [
            "8",
            "No NATO troops in Ukraine",
            "reproduced",
            "not-reported",
            "departs",
            "not-reported",
            "reproduced",
            "3"
        ]
    );
}

#[test]
fn fields_choose_and_order_columns_and_reject_unknown_ones() {
    peaceplan([
        "list",
        "--format",
        "csv",
        "--fields",
        "sources,number",
        "--topic",
        "amnesty",
    ])
    .stdout_has("sources,number\nal-mayadeen;kyiv-independent;united24-media,26\n")
    .run();
    let rows: Vec<Value> = serde_json::from_str(
        &peaceplan([
            "positions",
            "--json",
            "--fields",
            "actor,stance",
            "--clause",
            "19",
        ])
        .run()
        .stdout,
    )
    .unwrap();
    assert!(
        rows.iter()
            .all(|row| row.as_object().unwrap().keys().collect::<Vec<_>>() == ["actor", "stance"])
    );
    peaceplan(["list", "--json", "--fields", "number,colour"])
        .status(2)
        .stdout_empty()
        .stderr_has("unknown field `colour` for `list`; available fields: number, title, text, subpoints, topics, parties, sources")
        .run();
    peaceplan(["list", "--fields", "number"])
        .status(2)
        .stderr_has("--fields does not apply to `list` with --format table")
        .run();
}

#[test]
fn nested_fields_cannot_be_csv_or_markdown() {
    peaceplan(["show", "6", "--format", "csv"])
        .status(2)
        .stdout_empty()
        .stderr_has("field `reports` of `show` is nested and cannot be written as csv")
        .run();
    peaceplan(["show", "6", "--format", "csv", "--fields", "number,title"])
        .stdout_has("number,title\n6,\"Ukrainian Armed Forces capped at 600,000\"\n")
        .run();
    peaceplan(["completions", "bash", "--format", "csv"])
        .status(2)
        .stderr_has("`completions` cannot be written as csv; it supports --format table")
        .run();
    peaceplan(["validate", "--format", "markdown"])
        .status(2)
        .run();
}

#[test]
fn markdown_tables_are_ready_to_paste() {
    let ran = peaceplan([
        "positions",
        "--format",
        "markdown",
        "--fields",
        "clause,actor,stance",
        "--clause",
        "19",
    ])
    .run();
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert!(lines[0].starts_with("| clause") && lines[0].ends_with('|'));
    assert!(lines[1].starts_with("|--") && lines[1].chars().all(|c| "|-".contains(c)));
    assert_eq!(lines.len(), 4, "{}", ran.stdout);
    assert!(lines[2].contains("Ukrainian authorities") && lines[2].contains("opposes"));
    // A pipe in the data cannot break the table.
    let fixture = Fixture::shipped();
    fixture.replace(
        "plan_28_points.yaml",
        "title: \"Ceasefire on agreement\"",
        "title: \"Ceasefire | on agreement\"",
    );
    peaceplan([
        "list",
        "--format",
        "markdown",
        "--fields",
        "number,title",
        "--clause",
        "28",
    ])
    .data(fixture.path())
    .stdout_has("| 28     | Ceasefire \\| on agreement |")
    .run();
}

#[test]
fn yaml_output_reads_back_like_the_json() {
    if !have("yq") {
        return;
    }
    let yaml = peaceplan(["topics", "--format", "yaml"]).run().stdout;
    let mut yq = Command::new("yq")
        .args(["-o=json", "."])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    yq.stdin.take().unwrap().write_all(yaml.as_bytes()).unwrap();
    let output = yq.wait_with_output().unwrap();
    let converted: Value = if output.status.success() {
        serde_json::from_slice(&output.stdout).unwrap()
    } else {
        // The Python yq takes jq syntax and prints JSON by default.
        let mut yq = Command::new("yq")
            .arg(".")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        yq.stdin.take().unwrap().write_all(yaml.as_bytes()).unwrap();
        serde_json::from_slice(&yq.wait_with_output().unwrap().stdout).unwrap()
    };
    let json: Value = serde_json::from_str(&json_of(&["topics"])).unwrap();
    assert_eq!(converted, json);
}

// ---- search -------------------------------------------------------------------------

fn search(args: &[&str]) -> Vec<Hit> {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    peaceplan(all).run().json()
}

#[test]
fn search_finds_text_reports_and_quotes_ignoring_case() {
    // The Kyiv Independent's wording, our summary of it, and the explanation of a
    // departure that quotes it.
    let hits = search(&["G7"]);
    assert_eq!(hits.len(), 3);
    assert_eq!(hits[1].field, "summary");
    assert_eq!(hits[2].field, "explanation");
    assert_eq!(
        (
            hits[0].clause,
            hits[0].source.as_str(),
            hits[0].field.as_str()
        ),
        (Some(13), "kyiv-independent", "wording")
    );
    assert_eq!(hits[0].matches, ["G7"]);

    let hits = search(&["CAPITULATION"]);
    // Positions on the plan as a whole: the quotes, and our summaries of them.
    assert!(
        hits.iter()
            .all(|h| (h.field == "quote" || h.field == "position") && h.clause.is_none())
    );
    assert!(
        hits.iter()
            .any(|h| h.source == "wsws" && h.passage.starts_with("Peace cannot be capitulation."))
    );
    assert!(hits.iter().all(|h| {
        h.matches
            .iter()
            .all(|m| m.eq_ignore_ascii_case("capitulation"))
    }));

    let fields: std::collections::BTreeSet<String> =
        search(&["nato"]).into_iter().map(|h| h.field).collect();
    for field in ["title", "text", "wording", "summary"] {
        assert!(
            fields.contains(field),
            "no `{field}` hit for nato: {fields:?}"
        );
    }
    let quote_hits = search(&["unverified information"]);
    assert_eq!(quote_hits.len(), 1);
    assert_eq!(
        (quote_hits[0].clause, quote_hits[0].field.as_str()),
        (Some(26), "quote")
    );
}

#[test]
fn search_regex_case_and_filters() {
    let hits = search(&["--regex", r"\$\d+ billion", "--clause", "14"]);
    assert!(
        hits.iter()
            .any(|h| h.matches == ["$300 billion"] && h.source == "united24-media")
    );
    assert!(hits.iter().all(|h| h.clause == Some(14)));
    assert!(search(&["--case-sensitive", "\"nato will\""]).is_empty());
    assert!(!search(&["--case-sensitive", "\"NATO will\""]).is_empty());
    // Clause filters leave out plan-level quotes.
    assert!(search(&["capitulation", "--topic", "territory"]).is_empty());
    let hits = search(&["elections", "--source", "wsws"]);
    assert!(hits.iter().all(|h| h.clause == Some(25)));
}

#[test]
fn search_errors_and_empty_results() {
    peaceplan(["search", "--regex", "(unclosed"])
        .status(2)
        .stderr_has("invalid --regex pattern")
        .run();
    peaceplan(["search", ""])
        .status(2)
        .stderr_has("the search query is empty")
        .run();
    peaceplan(["search", "zzzz-not-there"])
        .stdout_empty()
        .stderr_has("no matches for `zzzz-not-there`")
        .run();
    peaceplan(["search", "zzzz-not-there", "--json"])
        .stdout_has("[]")
        .run();
}

#[test]
fn search_highlights_matches_only_in_colour() {
    peaceplan(["search", "G7", "--color", "always", "--width", "200"])
        .stdout_has("\u{1b}[1m\u{1b}[33mG7\u{1b}[0m")
        .run();
    peaceplan(["search", "G7", "--width", "200"])
        .stdout_has("Russia would eventually return to what is now the G7.")
        .stdout_lacks("\u{1b}[")
        .run();
}

// ---- export, schema -----------------------------------------------------------------

#[test]
fn export_writes_the_whole_corpus_as_one_document() {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Export {
        plan: Value,
        topics: Vec<Value>,
        parties: Vec<Value>,
        sources: Vec<Value>,
        clauses: Vec<Value>,
        plan_reports: Vec<Value>,
        positions: Vec<Value>,
        references: Vec<Value>,
        versions: Vec<Value>,
        outlets: Vec<Value>,
    }
    let export: Export = peaceplan(["export"]).run().json();
    assert_eq!(export.plan["id"], "us-28-point-2025-11");
    assert_eq!(
        (
            export.topics.len(),
            export.parties.len(),
            export.sources.len(),
            export.clauses.len()
        ),
        (20, 14, 5, 28)
    );
    assert_eq!(export.plan_reports.len(), 5);
    // The later versions come whole: as many as `versions` lists, with every reference
    // and the registry.
    let versions: Vec<Value> = serde_json::from_str(&json_of(&["versions"])).unwrap();
    assert_eq!(export.versions.len(), versions.len());
    let validation: crate::shapes::Validation = peaceplan(["validate", "--json"]).run().json();
    assert_eq!(Some(export.references.len()), validation.references);
    assert_eq!(Some(export.outlets.len()), validation.outlets);
    let positions: Vec<Value> = serde_json::from_str(&json_of(&["positions"])).unwrap();
    assert_eq!(export.positions, positions);
    peaceplan(["export", "--format", "yaml"])
        .stdout_has("plan:\n  id: us-28-point-2025-11\n")
        .run();
    peaceplan(["export", "--format", "csv"])
        .status(2)
        .stderr_has("`export --format csv` needs the DIR to write the package into")
        .run();
    peaceplan(["export", "--format", "jsonl"])
        .status(2)
        .stderr_has("supports --format json, yaml, sqlite, sql, csv")
        .run();
}

#[test]
fn the_shipped_corpus_schema_is_current_and_the_data_files_point_at_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shipped = std::fs::read_to_string(root.join("schema/corpus.schema.json")).unwrap();
    assert_eq!(
        shipped,
        peaceplan(["schema", "corpus"]).run().stdout,
        "regenerate with `peaceplan schema corpus > schema/corpus.schema.json`"
    );
    let schema: Value = serde_json::from_str(&shipped).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for name in [
        "plan_28_points.yaml",
        "sources.yaml",
        "versions.yaml",
        "outlets.yaml",
    ] {
        let path = root.join("data").join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=../schema/corpus.schema.json\n"),
            "{name}"
        );
        let file = peaceplan::corpus::read_text(&path).unwrap();
        let value = peaceplan::corpus::file_as_json(&file).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    // A misspelt key is caught by the schema, as an editor would show it.
    let fixture = Fixture::shipped();
    fixture.replace(
        "sources.yaml",
        "    byline: Andre Damon\n",
        "    by_line: Andre Damon\n",
    );
    let file = peaceplan::corpus::read_text(&fixture.file("sources.yaml")).unwrap();
    assert!(!validator.is_valid(&peaceplan::corpus::file_as_json(&file).unwrap()));
}

// ---- completions and man page ---------------------------------------------------------

#[test]
fn completion_scripts_load_in_their_shells() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = peaceplan(["completions", shell]).run().stdout;
        assert!(script.contains("peaceplan"), "{shell}");
        assert!(
            script.contains("diff") && script.contains("matrix"),
            "{shell} lacks subcommands"
        );
    }
    let check = |shell: &str, args: &[&str]| {
        if !have(shell) {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("peaceplan-completion");
        std::fs::write(&path, peaceplan(["completions", shell]).run().stdout).unwrap();
        let status = Command::new(shell).args(args).arg(&path).status().unwrap();
        assert!(status.success(), "{shell} rejects its completion script");
    };
    check("bash", &["-n"]);
    if Command::new("sh")
        .arg("-c")
        .arg("command -v zsh")
        .stdout(Stdio::null())
        .status()
        .unwrap()
        .success()
    {
        check("zsh", &["-n"]);
    }
    peaceplan(["completions", "tcsh"])
        .status(2)
        .stderr_has("possible values: bash")
        .run();
}

/// The candidates the dynamic completion (`source <(COMPLETE=bash peaceplan)`) offers
/// for the last word of `words`, run as bash's completion function runs the binary.
fn completion_candidates(words: &[&str], data: Option<&str>) -> Vec<String> {
    let index = words.len().to_string();
    let mut args = vec!["--", "peaceplan"];
    args.extend_from_slice(words);
    let mut test = peaceplan(args)
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", &index)
        .env("_CLAP_IFS", "\n")
        .stderr_empty();
    if let Some(dir) = data {
        test = test.env("PEACEPLAN_DATA", dir);
    }
    test.run().stdout.lines().map(str::to_owned).collect()
}

#[test]
fn dynamic_completion_offers_values_from_the_corpus() {
    let topics = completion_candidates(&["list", "--topic", ""], None);
    assert!(
        topics.contains(&"nato".into()) && topics.contains(&"armed-forces".into()),
        "{topics:?}"
    );
    let parties = completion_candidates(&["matrix", "--party", "uni"], None);
    assert_eq!(parties, ["united-states", "united-kingdom"]);
    let sources = completion_candidates(&["positions", "--source", ""], None);
    assert!(
        sources.contains(&"kyiv-independent".into()) && sources.contains(&"wsws".into()),
        "{sources:?}"
    );
    let actors = completion_candidates(&["positions", "--actor", ""], None);
    let positions: Vec<Value> = serde_json::from_str(&json_of(&["positions"])).unwrap();
    assert!(!actors.is_empty());
    for position in &positions {
        let actor = position["actor"].as_str().unwrap();
        assert!(
            actors.iter().any(|candidate| candidate == actor),
            "{actor} not offered"
        );
    }
    // An empty word also offers the options; the values are the plan's clause numbers.
    let clauses: Vec<String> = completion_candidates(&["show", ""], None)
        .into_iter()
        .filter(|candidate| !candidate.starts_with('-'))
        .collect();
    let expected: Vec<String> = (1..=28).map(|number| number.to_string()).collect();
    assert_eq!(clauses, expected);
    let clauses = completion_candidates(&["list", "--clause", "2"], None);
    assert_eq!(clauses.first().map(String::as_str), Some("2"));
    assert!(clauses.contains(&"28".into()) && !clauses.contains(&"3".into()));
    // From the corpus completion reads: another corpus gives its own values.
    let fixture = Fixture::shipped();
    for name in ["sources.yaml", "plan_28_points.yaml"] {
        let renamed = fixture.read(name).replace("kyiv-independent", "kyiv-post");
        fixture.write(name, renamed);
    }
    let dir = fixture.path().display().to_string();
    let sources = completion_candidates(&["list", "--source", "kyiv"], Some(&dir));
    assert_eq!(sources, ["kyiv-post"]);
}

#[test]
fn dynamic_completion_with_a_bad_corpus_offers_nothing_and_says_nothing() {
    let fixture = Fixture::shipped();
    fixture.write("plan_28_points.yaml", "clauses: [\u{0}garbage");
    let dir = fixture.path().display().to_string();
    assert!(completion_candidates(&["list", "--topic", ""], Some(&dir)).is_empty());
    let missing = "/nonexistent/peaceplan-corpus";
    assert!(completion_candidates(&["list", "--party", ""], Some(missing)).is_empty());
}

#[test]
fn dynamic_completion_script_registers_the_binary() {
    let script = peaceplan::<[&str; 0], &str>([])
        .env("COMPLETE", "bash")
        .run()
        .stdout;
    assert!(
        script.contains("complete ") && script.contains("peaceplan"),
        "{script}"
    );
    if have("bash") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dynamic-completion");
        std::fs::write(&path, &script).unwrap();
        let status = Command::new("bash").arg("-n").arg(&path).status().unwrap();
        assert!(
            status.success(),
            "bash rejects the dynamic completion script"
        );
    }
}

#[test]
fn the_man_page_renders_without_a_warning_and_documents_what_it_must() {
    let roff = peaceplan(["man"]).run().stdout;
    assert!(roff.contains(".TH peaceplan 1"));
    assert!(roff.contains("\\-\\-format"));
    assert!(roff.is_ascii(), "non-ASCII reaches groff raw");
    if !have("groff") {
        return;
    }
    let mut groff = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    groff
        .stdin
        .take()
        .unwrap()
        .write_all(roff.as_bytes())
        .unwrap();
    let output = groff.wait_with_output().unwrap();
    assert!(output.status.success());
    let warnings = String::from_utf8_lossy(&output.stderr);
    assert!(warnings.is_empty(), "groff warns:\n{warnings}");
    let page = String::from_utf8_lossy(&output.stdout);
    for needed in [
        "NAME",
        "COMMANDS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "PEACEPLAN_DATA",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "--archive",
        "--topic <TOPIC>",
        "--actor",
        "jsonl",
        "markdown",
    ] {
        assert!(page.contains(needed), "the page lacks {needed:?}:\n{page}");
    }
    // The only page it names is its own: no SEE ALSO to peaceplan-list(1) and the like.
    let named_pages = page.matches("(1)").count();
    let own_page = page.matches("peaceplan(1)").count();
    assert_eq!(
        named_pages, own_page,
        "names a page that does not exist:\n{page}"
    );
    assert!(!page.contains("SEE ALSO"));
}

// ---- terminal hygiene -----------------------------------------------------------------

#[test]
fn escape_sequences_in_data_never_reach_the_terminal_raw() {
    let fixture = Fixture::shipped();
    fixture.replace(
        "plan_28_points.yaml",
        "title: \"Ceasefire on agreement\"",
        "title: \"Ceasefire \\e[31mon\\u0007 agreement\"",
    );
    for args in [
        &["list", "--clause", "28"][..],
        &["show", "28"],
        &["matrix", "--clause", "28", "--width", "200"],
        &["list", "--clause", "28", "--format", "markdown"],
        &["search", "Ceasefire", "--clause", "28"],
        &["diff", "text", "al-mayadeen", "--clause", "28"],
    ] {
        let ran = peaceplan(args.to_vec()).data(fixture.path()).run();
        assert!(
            !ran.stdout.contains('\u{1b}') && !ran.stdout.contains('\u{7}'),
            "{args:?} wrote a raw control character"
        );
        assert!(
            ran.stdout.contains("\\u{1b}[31mon") || args[0] == "diff" || args[0] == "search",
            "{args:?}:\n{}",
            ran.stdout
        );
    }
    // JSON escapes them as JSON does.
    peaceplan(["list", "--json", "--clause", "28"])
        .data(fixture.path())
        .stdout_has("\\u001b[31mon\\u0007")
        .run();
}

#[test]
fn escape_sequences_in_values_never_reach_stderr_raw() {
    let ran = peaceplan(["list", "--topic", "nato\u{1b}[2J"])
        .status(2)
        .run();
    assert!(!ran.stderr.contains('\u{1b}'), "{}", ran.stderr);
    assert!(ran.stderr.contains("nato\\u{1b}[2J"), "{}", ran.stderr);
    let fixture = Fixture::shipped();
    fixture.replace(
        "plan_28_points.yaml",
        "topics: [armed-forces]",
        "topics: [\"armed\\e[31m\"]",
    );
    let ran = peaceplan(["validate"]).data(fixture.path()).status(1).run();
    assert!(
        !ran.stderr.contains('\u{1b}') && ran.stderr.contains("armed\\u{1b}[31m"),
        "{}",
        ran.stderr
    );
}

/// Completion is output like any other (issue #22, items 3 to 5): a hostile corpus's
/// labels reach the shell escaped and on one line each; a closed pipe ends quietly with
/// 0, a full disk with 1 and a message; an unknown shell is a usage error.
#[test]
fn dynamic_completion_escapes_and_ends_as_every_command_does() {
    let fixture = Fixture::shipped();
    let hostile = "Evil \\e]0;owned\\a \\u202egnp\\u202c tab\\there\\rcr\\u0085nel";
    fixture.replace(
        "plan_28_points.yaml",
        "  - { id: nato, label: NATO,",
        &format!("  - {{ id: nato, label: \"{hostile}\","),
    );
    fixture.replace(
        "plan_28_points.yaml",
        "          - actor: \"Ukrainian officials\"\n",
        &format!("          - actor: \"{hostile}\"\n"),
    );
    let dir = fixture.path().display().to_string();
    for shell in ["bash", "zsh", "fish"] {
        for words in [
            &["list", "--topic", "na"][..],
            &["positions", "--actor", "Ev"],
        ] {
            let mut args = vec!["--", "peaceplan"];
            args.extend_from_slice(words);
            let ran = peaceplan(&args)
                .env("COMPLETE", shell)
                .env("_CLAP_COMPLETE_INDEX", &words.len().to_string())
                .env("_CLAP_IFS", "\n")
                .env("PEACEPLAN_DATA", &dir)
                .stderr_empty()
                .run();
            crate::support::assert_no_unsafe_bytes(ran.stdout.as_bytes(), shell);
            assert!(!ran.stdout.contains('\r'), "{shell}: {:?}", ran.stdout);
            for line in ran.stdout.lines() {
                // fish's protocol is `value<TAB>help`: one tab at most.
                assert!(line.matches('\t').count() <= 1, "{shell}: {line:?}");
            }
        }
    }
    peaceplan::<[&str; 0], &str>([])
        .env("COMPLETE", "tcsh")
        .status(2)
        .stderr_has("unknown shell `tcsh` in COMPLETE")
        .run();
    let binary = env!("CARGO_BIN_EXE_peaceplan");
    let full = std::fs::File::create("/dev/full").unwrap();
    let output = Command::new(binary)
        .env("COMPLETE", "bash")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("No space left on device"));
    let mut reader = Command::new("true").stdin(Stdio::piped()).spawn().unwrap();
    let closed = reader.stdin.take().unwrap();
    reader.wait().unwrap();
    let output = Command::new(binary)
        .env("COMPLETE", "bash")
        .stdout(closed)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
