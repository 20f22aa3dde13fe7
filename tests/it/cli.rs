//! The real binary: every command, global flag and exit status, and the filter algebra.

use crate::support::{Fixture, peaceplan};
use serde::Deserialize;

/// `list --json` rows, pinned field by field.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListedClause {
    number: u32,
    title: String,
    text: String,
    subpoints: Vec<String>,
    topics: Vec<String>,
    parties: Vec<String>,
    sources: Vec<String>,
}

fn listed(args: &[&str]) -> Vec<ListedClause> {
    let mut all = vec!["list", "--json"];
    all.extend_from_slice(args);
    peaceplan(all).run().json()
}

fn numbers(clauses: &[ListedClause]) -> Vec<u32> {
    clauses.iter().map(|clause| clause.number).collect()
}

#[test]
fn list_prints_all_28_clauses_as_a_table() {
    let ran = peaceplan(["list"])
        .stdout_has("Reported by")
        .stderr_empty()
        .run();
    for number in 1..=28 {
        assert!(
            ran.stdout
                .lines()
                .any(|line| line.starts_with(&format!("│ {number} "))),
            "row {number} missing:\n{}",
            ran.stdout
        );
    }
}

#[test]
fn list_table_fits_the_requested_width() {
    for width in [60, 80, 120] {
        let ran = peaceplan(["list", "--width", &width.to_string()]).run();
        let widest = ran
            .stdout
            .lines()
            .map(|line| line.chars().count())
            .max()
            .unwrap();
        assert!(
            widest <= width,
            "a line is {widest} wide at --width {width}"
        );
    }
}

#[test]
fn columns_sets_the_width_when_not_a_terminal() {
    let ran = peaceplan(["list"]).env("COLUMNS", "80").run();
    assert!(ran.stdout.lines().all(|line| line.chars().count() <= 80));
}

#[test]
fn list_json_has_28_clauses_numbered_in_order() {
    let clauses = listed(&[]);
    assert_eq!(numbers(&clauses), (1..=28).collect::<Vec<_>>());
    assert!(
        clauses
            .iter()
            .all(|clause| !clause.title.is_empty() && !clause.topics.is_empty())
    );
}

#[test]
fn json_shorthand_equals_format_json() {
    let short = peaceplan(["topics", "--json"]).run().stdout;
    let long = peaceplan(["topics", "--format", "json"]).run().stdout;
    assert_eq!(short, long);
}

#[test]
fn json_and_format_table_conflict() {
    peaceplan(["list", "--json", "--format", "table"])
        .status(2)
        .stderr_has("cannot be used with")
        .run();
}

#[test]
fn topic_filter_keeps_clauses_on_that_topic() {
    assert_eq!(numbers(&listed(&["--topic", "nato"])), vec![3, 4, 7, 8]);
}

#[test]
fn values_within_one_flag_are_alternatives() {
    let comma = numbers(&listed(&["--topic", "nato,amnesty"]));
    let repeated = numbers(&listed(&["--topic", "nato", "--topic", "amnesty"]));
    assert_eq!(comma, vec![3, 4, 7, 8, 26]);
    assert_eq!(comma, repeated);
}

#[test]
fn different_flags_must_all_hold() {
    assert_eq!(
        numbers(&listed(&["--topic", "nato", "--party", "russia"])),
        vec![3, 4]
    );
    assert_eq!(
        numbers(&listed(&["--topic", "nuclear", "--text", "ZAPORIZHZHIA"])),
        vec![19]
    );
}

/// Filter arguments and the naive test a clause must pass to be listed by them.
type FilterCase = (&'static [&'static str], fn(&ListedClause) -> bool);

#[test]
fn filters_agree_with_a_naive_reading_of_the_full_list() {
    let all = listed(&[]);
    let cases: [FilterCase; 5] = [
        (&["--party", "united-states"], |c| {
            c.parties.iter().any(|p| p == "united-states")
        }),
        (&["--topic", "territory,sanctions"], |c| {
            c.topics
                .iter()
                .any(|t| t == "territory" || t == "sanctions")
        }),
        (&["--party", "ukraine", "--topic", "nuclear"], |c| {
            c.parties.iter().any(|p| p == "ukraine") && c.topics.iter().any(|t| t == "nuclear")
        }),
        (&["--text", "sanctions"], |c| {
            std::iter::once(&c.title)
                .chain(std::iter::once(&c.text))
                .chain(&c.subpoints)
                .any(|field| field.to_lowercase().contains("sanctions"))
        }),
        (&["--source", "al-mayadeen", "--clause", "2,5,9"], |c| {
            c.sources.iter().any(|s| s == "al-mayadeen") && [2, 5, 9].contains(&c.number)
        }),
    ];
    for (args, keep) in cases {
        let expected: Vec<u32> = all.iter().filter(|c| keep(c)).map(|c| c.number).collect();
        assert!(!expected.is_empty(), "{args:?} should match something");
        assert_eq!(numbers(&listed(args)), expected, "filter {args:?}");
    }
}

#[test]
fn text_filter_searches_subpoints() {
    // "START I Treaty" is in clause 17's text; "G8" only in a sub-point of clause 13.
    assert_eq!(numbers(&listed(&["--text", "g8"])), vec![13]);
}

#[test]
fn full_text_source_reports_every_clause() {
    assert_eq!(numbers(&listed(&["--source", "al-mayadeen"])).len(), 28);
}

#[test]
fn an_empty_result_is_success() {
    peaceplan(["list", "--json", "--topic", "amnesty", "--party", "poland"])
        .stdout_has("[]")
        .run();
    peaceplan(["list", "--topic", "amnesty", "--party", "poland"])
        .stdout_empty()
        .stderr_has("no clauses match")
        .run();
}

#[test]
fn unknown_topic_is_a_usage_error_with_the_nearest_match() {
    peaceplan(["list", "--topic", "sovereignity"])
        .status(2)
        .stdout_empty()
        .stderr_has("unknown value `sovereignity` for --topic; did you mean `sovereignty`?")
        .run();
}

#[test]
fn unknown_party_and_source_are_usage_errors() {
    peaceplan(["list", "--party", "rusia"])
        .status(2)
        .stderr_has("did you mean `russia`?")
        .run();
    peaceplan(["list", "--source", "kyiv"])
        .status(2)
        .stderr_has("did you mean `kyiv-independent`?")
        .run();
    peaceplan(["list", "--source", "bbc"])
        .status(2)
        .stderr_has("valid values: al-mayadeen, california-insider")
        .run();
}

#[test]
fn unknown_clause_number_is_a_usage_error() {
    peaceplan(["show", "29"])
        .status(2)
        .stderr_has("there is no clause 29; clauses are numbered 1–28")
        .run();
    peaceplan(["list", "--clause", "0"])
        .status(2)
        .stderr_has("no clause 0")
        .run();
    peaceplan(["show", "six"])
        .status(2)
        .stderr_has("invalid value 'six'")
        .run();
}

#[test]
fn show_prints_text_subpoints_and_reports() {
    peaceplan(["show", "10", "--width", "200"])
        .stdout_has("Clause 10 · The US guarantee and how it is lost")
        .stdout_has("• If Ukraine invades Russia, it will lose the guarantee;")
        .stdout_has("Reported by al-mayadeen (Al Mayadeen English)")
        .run();
}

#[test]
fn show_json_gives_reports_for_each_clause_asked_for() {
    #[derive(Deserialize)]
    struct Shown {
        number: u32,
        reports: Vec<serde_json::Value>,
    }
    let shown: Vec<Shown> = peaceplan(["show", "6", "21", "--json"]).run().json();
    assert_eq!(
        shown.iter().map(|s| s.number).collect::<Vec<_>>(),
        vec![6, 21]
    );
    assert!(shown.iter().all(|s| !s.reports.is_empty()));
}

#[test]
fn show_needs_a_number() {
    peaceplan(["show"]).status(2).stderr_has("<N|N-M>...").run();
}

#[test]
fn topics_parties_and_sources_count_clauses() {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Topic {
        id: String,
        label: String,
        description: String,
        clauses: usize,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Party {
        id: String,
        label: String,
        clauses: usize,
    }
    let topics: Vec<Topic> = peaceplan(["topics", "--json"]).run().json();
    assert_eq!(topics.len(), 20);
    let nato = topics.iter().find(|t| t.id == "nato").unwrap();
    assert_eq!((nato.label.as_str(), nato.clauses), ("NATO", 4));
    assert!(topics.iter().all(|t| !t.description.is_empty()));

    let parties: Vec<Party> = peaceplan(["parties", "--json"]).run().json();
    for required in [
        "ukraine",
        "russia",
        "united-states",
        "europe",
        "european-union",
        "nato",
        "poland",
        "iaea",
        "world-bank",
        "france",
        "germany",
        "united-kingdom",
    ] {
        assert!(
            parties
                .iter()
                .any(|p| p.id == required && !p.label.is_empty()),
            "{required}"
        );
    }
    let poland = parties.iter().find(|p| p.id == "poland").unwrap();
    assert_eq!(poland.clauses, 1);

    peaceplan(["topics"])
        .stdout_has("frozen-assets")
        .stdout_has("Description")
        .run();
    peaceplan(["parties"]).stdout_has("world-bank").run();
    peaceplan(["sources"])
        .stdout_has("Al Mayadeen English")
        .stdout_has("full-text")
        .run();
}

#[test]
fn validate_reports_the_shipped_corpus_valid() {
    peaceplan(["validate"])
        .stdout_has("ok: 28 clauses, 5 sources, 20 topics, 14 parties")
        .stderr_empty()
        .run();
}

#[test]
fn data_flag_and_environment_variable_choose_the_corpus() {
    let fixture = Fixture::shipped();
    fixture.replace(
        "plan_28_points.yaml",
        "title: \"Ceasefire on agreement\"",
        "title: \"Ceasefire from the fixture\"",
    );
    peaceplan(["show", "28"])
        .data(fixture.path())
        .stdout_has("Ceasefire from the fixture")
        .run();
    peaceplan(["show", "28"])
        .env("PEACEPLAN_DATA", &fixture.path().display().to_string())
        .stdout_has("Ceasefire from the fixture")
        .run();
    peaceplan(["show", "28"])
        .stdout_has("Ceasefire on agreement")
        .run();
}

#[test]
fn works_from_any_directory_with_the_built_in_corpus() {
    let elsewhere = tempfile::tempdir().unwrap();
    let mut command = peaceplan(["list", "--json"]).command();
    let output = command.current_dir(elsewhere.path()).output().unwrap();
    assert!(output.status.success());
    let clauses: Vec<ListedClause> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(clauses.len(), 28);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let escape = "\u{1b}[";
    peaceplan(["list"]).stdout_lacks(escape).run();
    peaceplan(["list", "--color", "always"])
        .stdout_has(escape)
        .run();
    peaceplan(["list"])
        .env("CLICOLOR_FORCE", "1")
        .stdout_has(escape)
        .run();
    peaceplan(["list"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .stdout_lacks(escape)
        .run();
    peaceplan(["list", "--color", "never"])
        .env("CLICOLOR_FORCE", "1")
        .stdout_lacks(escape)
        .run();
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    use std::process::Stdio;
    // Ask for far more than a pipe buffer holds, then close the pipe unread.
    let mut args = vec!["show".to_owned(), "--json".to_owned()];
    args.extend(std::iter::repeat_n("14".to_owned(), 400));
    let mut child = peaceplan(args)
        .command()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn help_and_version_exit_zero() {
    peaceplan(["--help"]).stdout_has("Usage: peaceplan").run();
    peaceplan(["list", "--help"])
        .stdout_has("--topic <TOPIC>")
        .run();
    peaceplan(["--version"])
        .stdout_has(env!("CARGO_PKG_VERSION"))
        .run();
}

#[test]
fn an_unknown_subcommand_or_flag_is_a_usage_error() {
    peaceplan(["lisst"])
        .status(2)
        .stderr_has("similar subcommand")
        .run();
    peaceplan(["list", "--topics", "nato"])
        .status(2)
        .stderr_has("--topic")
        .run();
}

#[test]
fn fields_is_taken_by_exactly_the_listings_the_refusal_names() {
    let listings: &[&[&str]] = &[
        &["list"],
        &["show", "6"],
        &["compare", "6"],
        &["departures"],
        &["search", "nato"],
        &["positions"],
        &["actors"],
        &["versions"],
        &["topics"],
        &["parties"],
        &["sources"],
    ];
    let names: Vec<&str> = listings.iter().map(|args| args[0]).collect();
    assert_eq!(names, peaceplan::cmd::COMMANDS_WITH_FIELDS);
    for args in listings {
        let mut all = args.to_vec();
        all.extend(["--json", "--fields", "zzz"]);
        crate::support::peaceplan(&all)
            .status(2)
            .stderr_has(&format!("unknown field `zzz` for `{}`", args[0]))
            .run();
    }
    let refusal = format!(
        "it chooses the fields of the listings ({}, and matrix's flat formats)",
        names.join(", ")
    );
    for args in [
        &["diff", "wsws", "text"][..],
        &["lineage", "6"],
        &["validate"],
        &["export"],
        &["matrix"],
    ] {
        let mut all = args.to_vec();
        all.extend(["--json", "--fields", "number"]);
        crate::support::peaceplan(&all)
            .status(2)
            .stderr_has(&refusal)
            .run();
    }
}

#[test]
fn no_command_prints_the_help_on_stderr_with_the_usage_status() {
    let ran = peaceplan(Vec::<&str>::new()).status(2).stdout_empty().run();
    assert!(ran.stderr.contains("Usage: peaceplan"), "{}", ran.stderr);
    assert!(!ran.stderr.contains("peaceplan: error:"), "{}", ran.stderr);
}

#[test]
fn argument_errors_are_one_paragraph_and_show_escapes_instead_of_dropping_them() {
    for (args, shows) in [
        (
            vec!["\u{1b}[31mred"],
            "unrecognized subcommand '\\u{1b}[31mred'",
        ),
        (
            vec!["--format", "\u{1b}[2J", "list"],
            "invalid value '\\u{1b}[2J' for '--format",
        ),
        (vec!["lst"], "some similar subcommands exist: 'ls', 'list'"),
    ] {
        let ran = peaceplan(&args).status(2).stdout_empty().run();
        assert!(
            ran.stderr.starts_with("peaceplan: error: "),
            "{}",
            ran.stderr
        );
        assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
        assert!(ran.stderr.contains(shows), "{}", ran.stderr);
        assert!(!ran.stderr.contains('\u{1b}'), "{}", ran.stderr);
    }
}

#[test]
fn the_tools_refuse_fields_too() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("s");
    let target = target.to_str().unwrap();
    for args in [
        vec!["man", "--fields", "number"],
        vec!["completions", "bash", "--fields", "number"],
        vec![
            "synth",
            "--clauses",
            "2",
            "--sources",
            "2",
            target,
            "--fields",
            "number",
        ],
    ] {
        peaceplan(&args)
            .status(2)
            .stderr_has("--fields does not apply")
            .run();
    }
}
