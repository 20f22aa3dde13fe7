//! Tables read in a terminal 80 and 120 columns wide (a pseudo-terminal made by
//! `script`, so the width is the terminal's, not a flag): no id and no web address is
//! cut inside a word. A word too wide for its column may wrap only after a separator
//! (`kyiv-` / `independent`, `https://host/` / `path`), and every line fits the terminal.

use std::collections::BTreeSet;
use std::process::Command;

use crate::support::peaceplan;

/// The commands whose tables people read.
const COMMANDS: &[&str] = &[
    "list",
    "show 6",
    "positions",
    "matrix",
    "compare 21",
    "diff kyiv-independent text",
    "versions",
    "lineage 6",
    "show --plan framework-20 4",
    "lineage framework-20:4",
    "departures",
    "search kallas",
    "align tests/fixtures/align/planted-troops.txt",
];

/// Every id (`kyiv-independent`, `framework-20`) and web address in the built-in corpus.
fn ids_and_addresses() -> BTreeSet<String> {
    let export: serde_json::Value = peaceplan(["export", "--format", "json"]).run().json();
    let mut found = BTreeSet::new();
    collect(&export, &mut found);
    found
}

fn collect(value: &serde_json::Value, found: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::String(text) => {
            let is_id = text.contains('-')
                && text.split('-').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                });
            let is_address = text.starts_with("https://") || text.starts_with("http://");
            if (is_id || is_address) && !text.contains(' ') {
                found.insert(text.clone());
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| collect(item, found)),
        serde_json::Value::Object(fields) => fields.values().for_each(|item| collect(item, found)),
        _ => {}
    }
}

/// `peaceplan ARGS` in a pseudo-terminal `columns` wide, colour off, its output with
/// carriage returns removed.
fn in_terminal(args: &str, columns: u16) -> String {
    let binary = env!("CARGO_BIN_EXE_peaceplan");
    let script = format!("stty cols {columns} rows 50; exec {binary} --color never {args}");
    let output = Command::new("script")
        .args(["-qec", &script, "/dev/null"])
        .env_remove("COLUMNS")
        .env_remove("PEACEPLAN_DATA")
        .output()
        .expect("`script` (util-linux) runs");
    assert!(
        output.status.success(),
        "`peaceplan {args}` in a terminal failed: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8(output.stdout).unwrap().replace('\r', "")
}

/// The text of each column of the output, line by line: a table line is cut at its
/// borders (`│`, `┆`); any other line is column 0 of its own kind.
fn columns(output: &str) -> Vec<Vec<String>> {
    let mut columns: Vec<Vec<String>> = vec![Vec::new()];
    for line in output.lines() {
        if line.contains('│') {
            let cells: Vec<&str> = line.split(['│', '┆']).collect();
            for (index, cell) in cells
                .iter()
                .enumerate()
                .skip(1)
                .take(cells.len().saturating_sub(2))
            {
                if columns.len() <= index {
                    columns.resize(index + 1, Vec::new());
                }
                columns[index].push(cell.trim().to_owned());
            }
        } else if !line.starts_with(['┌', '└', '╞', '├']) {
            columns[0].push(line.trim().to_owned());
        }
    }
    columns
}

/// The cuts in `output`: a line ending inside a word that the next line of the same
/// column continues, where the two halves make part of an id or a web address.
fn cuts(output: &str, tokens: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for column in columns(output) {
        for pair in column.windows(2) {
            let (Some(end), Some(start)) = (
                pair[0].split_whitespace().last(),
                pair[1].split_whitespace().next(),
            ) else {
                continue;
            };
            let ends_in_word = end.chars().last().is_some_and(char::is_alphanumeric);
            let starts_in_word = start.chars().next().is_some_and(char::is_alphanumeric);
            let joined = format!("{end}{start}");
            // Digits meeting across rows of a number column are not a cut.
            let wordlike = joined.chars().any(char::is_alphabetic) && joined.chars().count() >= 4;
            if wordlike
                && ends_in_word
                && starts_in_word
                && tokens.iter().any(|token| token.contains(&joined))
            {
                found.push(format!("{end}|{start}"));
            }
        }
    }
    found
}

#[test]
fn the_checker_finds_a_cut_id_and_passes_a_wrap_at_a_separator() {
    let tokens: BTreeSet<String> = ["california-insider".to_owned()].into();
    let cut = "│ al-mayadeen, cal │\n│ ifornia-insider  │\n";
    assert_eq!(cuts(cut, &tokens), ["cal|ifornia-insider"]);
    let wrapped = "│ al-mayadeen, california- │\n│ insider                  │\n";
    assert!(cuts(wrapped, &tokens).is_empty());
}

#[test]
fn no_id_or_web_address_is_cut_at_80_or_120_columns() {
    let tokens = ids_and_addresses();
    assert!(
        tokens.contains("kyiv-independent") && tokens.iter().any(|t| t.starts_with("https://"))
    );
    let mut failures = Vec::new();
    for columns in [80, 120] {
        for args in COMMANDS {
            let output = in_terminal(args, columns);
            for line in output.lines() {
                if line.chars().count() > usize::from(columns) {
                    failures.push(format!(
                        "`{args}` at {columns}: a line of {} characters",
                        line.chars().count()
                    ));
                }
            }
            for cut in cuts(&output, &tokens) {
                failures.push(format!("`{args}` at {columns}: {cut}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_line_fits_any_width_from_40_to_130() {
    // A table too narrow for its columns' words gives up the wordiest column's bound
    // first; it must never draw lines wider than it was asked for.
    let commands: &[&[&str]] = &[
        &["list"],
        &["positions"],
        &["search", "nato"],
        &["actors"],
        &["topics"],
        &["sources"],
        &["versions"],
        &["matrix"],
        &["lineage", "6"],
        &["show", "6"],
        &["compare", "21"],
        &["departures"],
    ];
    let mut failures = Vec::new();
    for args in commands {
        for width in (40..=130).step_by(7) {
            let width_text = width.to_string();
            let mut all = args.to_vec();
            all.extend(["--width", &width_text, "--color", "never"]);
            let ran = peaceplan(&all).run();
            if let Some(line) = ran.stdout.lines().find(|line| line.chars().count() > width) {
                failures.push(format!("`{}`: {line}", all.join(" ")));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
