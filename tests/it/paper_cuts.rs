//! Small faults found while answering the journalist's questions, one test each.

use crate::shapes::Matrix;
use crate::support::{archive, peaceplan};
use serde::Deserialize;

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

/// "N of M quotations found word for word" → M.
fn quotations_checked(summary: &str) -> usize {
    let before = summary
        .split(" quotations found word for word")
        .next()
        .unwrap();
    before.rsplit(' ').next().unwrap().parse().unwrap()
}

#[test]
#[ignore = "needs the archived articles: PEACEPLAN_ARCHIVE=DIR cargo test -- --ignored"]
fn an_archive_missing_one_article_checks_the_others_and_names_the_missing_one() {
    let archive = archive();
    let full = peaceplan(["validate", "--archive", &archive.display().to_string()]).run();
    let all = quotations_checked(&full.stdout);
    let partial = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&archive).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.ends_with(".txt") && name != "wsws.txt" {
            std::fs::copy(&path, partial.path().join(&name)).unwrap();
        }
    }
    let ran = peaceplan([
        "validate",
        "--archive",
        &partial.path().display().to_string(),
    ])
    .status(1)
    .stdout_has("invalid: 1 problem;")
    .stderr_has("wsws.txt: the archived article of `wsws` is missing, so its ")
    .stderr_has("save the article's text as wsws.txt in the archive directory")
    .run();
    assert!(
        !ran.stderr.contains("plan_28_points.yaml"),
        "{}",
        ran.stderr
    );
    let unchecked: usize = ran
        .stderr
        .split("so its ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .unwrap()
        .parse()
        .unwrap();
    let checked = quotations_checked(&ran.stdout);
    assert!(unchecked > 0 && checked > 0);
    assert_eq!(checked + unchecked, all);
    assert!(
        ran.stdout
            .contains(&format!("{checked} of {checked} quotations found"))
    );
}

#[test]
fn help_separates_filters_from_global_options() {
    let help = peaceplan(["list", "--help"]).run().stdout;
    let filters = help.find("\nFilters:\n").expect("a Filters heading");
    let global = help
        .find("\nGlobal options:\n")
        .expect("a Global options heading");
    let position = |flag: &str| {
        help.find(flag)
            .unwrap_or_else(|| panic!("{flag} in {help}"))
    };
    for flag in ["--topic", "--party", "--clause", "--source"] {
        let at = position(flag);
        assert!(filters < at && at < global, "{flag} is not under Filters");
    }
    for flag in ["--data", "--format", "--fields", "--color", "--width"] {
        assert!(
            position(flag) > global,
            "{flag} is not under Global options"
        );
    }
    peaceplan(["diff", "--help"])
        .stdout_has("\nFilters:\n")
        .stdout_has("\nGlobal options:\n")
        .run();
}

#[test]
fn a_verbatim_full_text_is_reproduced_and_its_departures_counted_apart() {
    let grid: Matrix = peaceplan(["matrix", "--json"]).run().json();
    let cell = |number: u32, source: &str| {
        grid.rows
            .iter()
            .find(|row| row.number == number)
            .and_then(|row| row.cells.iter().find(|cell| cell.source == source))
            .unwrap()
    };
    // Al Mayadeen prints clause 7 word for word, and departs from it in a gloss elsewhere.
    let full_text = cell(7, "al-mayadeen");
    assert_eq!(full_text.rendering, "reproduced");
    assert!(full_text.departures > 0);
    // A paraphrase with departures still departs.
    assert_eq!(cell(8, "kyiv-independent").rendering, "departs");
    for total in &grid.totals {
        let counted = grid
            .rows
            .iter()
            .flat_map(|row| &row.cells)
            .filter(|c| c.source == total.source && c.rendering == "reproduced" && c.departures > 0)
            .count();
        assert_eq!(
            total.reproduced_with_departures, counted,
            "{}",
            total.source
        );
    }
    peaceplan(["matrix", "--clause", "7", "--width", "200"])
        .stdout_has("┆ =*       ┆")
        .stdout_has("=* reproduced, with a departure recorded elsewhere in the article")
        .run();
}

#[test]
fn the_matrix_legend_fits_the_width() {
    for width in ["40", "60", "100"] {
        let ran = peaceplan(["matrix", "--topic", "nato", "--width", width]).run();
        let legend_start = ran.stdout.find("= reproduced the text").unwrap();
        for line in ran.stdout[legend_start..].lines() {
            assert!(
                line.chars().count() <= width.parse().unwrap(),
                "wider than {width}: {line}"
            );
        }
    }
}

#[test]
fn show_headings_fit_the_width() {
    for width in [30usize, 40, 60] {
        let ran = peaceplan(["show", "13", "--width", &width.to_string()]).run();
        for line in ran.stdout.lines() {
            assert!(line.chars().count() <= width, "wider than {width}: {line}");
        }
        // The heading is wrapped, not cut: the outlet's name is all there.
        let joined = ran.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(joined.contains("Reported by al-mayadeen (Al Mayadeen English)"));
    }
}

#[derive(Debug, Deserialize)]
struct WithParties {
    parties: Vec<String>,
}

#[test]
fn party_ids_are_never_cut_in_a_narrow_list_table() {
    let records: Vec<WithParties> = peaceplan(["list", "--json"]).run().json();
    let listed: std::collections::BTreeSet<String> = records
        .into_iter()
        .flat_map(|record| record.parties)
        .collect();
    assert!(listed.contains("united-states"));
    for width in ["60", "80"] {
        let table = peaceplan(["list", "--width", width]).run().stdout;
        let mut seen = std::collections::BTreeSet::new();
        // The Parties column is the fourth; `┆` separates the inner columns. An id too
        // wide for the column may wrap after its hyphen (`united-` / `states`), never
        // inside a word.
        let column: Vec<&str> = table
            .lines()
            .filter_map(|line| line.split('┆').nth(3))
            .map(str::trim)
            .collect();
        let column = column.join("\n").replace("-\n", "-");
        for line in column.lines() {
            for word in line.split([',', ' ']).filter(|word| !word.is_empty()) {
                if word == "Parties" {
                    continue;
                }
                assert!(
                    listed.contains(word),
                    "`{word}` at --width {width} is a piece of a party id:\n{table}"
                );
                seen.insert(word.to_owned());
            }
        }
        assert_eq!(seen, listed, "--width {width}");
    }
}

/// A grid too wide for any table is refused with the formats that take it, instead of
/// drawing tens of thousands of columns in gigabytes (issue #22, item 14).
#[test]
fn matrix_refuses_a_table_wider_than_any_terminal_and_writes_it_flat() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("wide");
    let data = data.to_str().unwrap();
    peaceplan(["synth", "--clauses", "3", "--sources", "201", data]).run();
    peaceplan(["matrix", "--data", data])
        .status(2)
        .stderr_has("the grid has 201 outlets, more than the 200 a table can show")
        .stderr_has("--format csv")
        .run();
    let csv = peaceplan(["matrix", "--format", "csv", "--data", data])
        .run()
        .stdout;
    assert_eq!(csv.lines().count(), 4, "a header and 3 clauses");
    assert_eq!(csv.lines().next().unwrap().split(',').count(), 201 + 3);
    peaceplan([
        "synth",
        "--clauses",
        "3",
        "--sources",
        "200",
        &format!("{data}-200"),
    ])
    .run();
    peaceplan(["matrix", "--data", &format!("{data}-200")]).run();
}

/// A grid of more cells than a table can hold is refused before it is drawn (100,000
/// clauses by 200 outlets took 24 s and 2.3 GB), with the ways to get it.
#[test]
fn matrix_refuses_a_table_of_more_cells_than_it_can_hold() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("long");
    let data = data.to_str().unwrap();
    peaceplan(["synth", "--clauses", "10001", "--sources", "200", data]).run();
    peaceplan(["matrix", "--data", data])
        .status(2)
        .stderr_has("the grid has 2000200 cells (10001 clauses by 200 outlets)")
        .stderr_has("--format csv")
        .stdout_empty()
        .run();
    peaceplan([
        "matrix",
        "--data",
        data,
        "--source",
        "outlet-0001,outlet-0002",
    ])
    .stdout_has("outlet-0001")
    .run();
}
