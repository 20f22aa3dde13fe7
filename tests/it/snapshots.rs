//! The tables a person reads, drawn at a fixed width (80 and 120 columns, no colour) and
//! kept as reviewed snapshots in `tests/it/snapshots/`: a layout change fails here until
//! someone looks at the new table and accepts it (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test it snapshots` and a read of the diff). Each
//! table must also fit its width, whatever the snapshot says.

use crate::support::peaceplan;

/// The commands whose tables people read, by a snapshot name.
const TABLES: &[(&str, &[&str])] = &[
    ("list", &["list"]),
    ("list_territory", &["list", "--topic", "territory"]),
    ("show_6", &["show", "6"]),
    ("positions_7", &["positions", "--clause", "7"]),
    ("matrix", &["matrix"]),
    ("compare_21", &["compare", "21"]),
    (
        "diff_kyiv_text_6_8",
        &["diff", "kyiv-independent", "text", "--clause", "6-8"],
    ),
    ("versions", &["versions"]),
    ("lineage_6", &["lineage", "6"]),
    (
        "show_framework_20_4",
        &["show", "--plan", "framework-20", "4"],
    ),
    ("departures", &["departures"]),
    ("search_kallas", &["search", "kallas"]),
];

fn check_tables_at(width: u16) {
    for (name, args) in TABLES {
        let mut all: Vec<String> = args.iter().map(|arg| (*arg).to_owned()).collect();
        all.extend(["--width".to_owned(), width.to_string()]);
        all.extend(["--color".to_owned(), "never".to_owned()]);
        let ran = peaceplan(&all).stderr_empty().run();
        for line in ran.stdout.lines() {
            assert!(
                line.chars().count() <= usize::from(width),
                "`peaceplan {}` has a line of {} characters:\n{line}",
                all.join(" "),
                line.chars().count()
            );
        }
        insta::assert_snapshot!(format!("{name}_{width}"), ran.stdout, &all.join(" "));
    }
}

#[test]
fn tables_at_80_columns_fit_and_match_their_snapshots() {
    check_tables_at(80);
}

#[test]
fn tables_at_120_columns_fit_and_match_their_snapshots() {
    check_tables_at(120);
}
