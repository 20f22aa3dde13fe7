//! `export --format sqlite|sql|csv` and `schema sqlite`, checked with real clients: the
//! `sqlite3` shell and Python's `sqlite3` and `csv` modules (both installed by `.ci/run`).
//! Expected figures come from other commands' JSON, computed in each test.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support::{Fixture, peaceplan};

/// Whether every client in `tools` is on PATH. A user's machine may lack one (the test
/// then says it skipped on stderr); CI installs them all, and there a missing one fails.
fn have(tools: &[&str]) -> bool {
    let missing: Vec<&str> = tools
        .iter()
        .copied()
        .filter(|tool| {
            !Command::new("sh")
                .arg("-c")
                .arg(format!("command -v {tool}"))
                .output()
                .is_ok_and(|output| output.status.success())
        })
        .collect();
    assert!(
        missing.is_empty() || std::env::var_os("CI").is_none(),
        "CI must have {missing:?} (installed by .ci/run)"
    );
    if !missing.is_empty() {
        eprintln!("skipped: needs {missing:?}, which this machine lacks");
    }
    missing.is_empty()
}

/// Run the `sqlite3` shell on `database` with `sql`; its stdout.
fn sqlite3(database: &Path, sql: &str) -> String {
    let output = Command::new("sqlite3")
        .arg(database)
        .arg(sql)
        .output()
        .expect("run sqlite3 (installed by .ci/run)");
    assert!(
        output.status.success(),
        "sqlite3 {sql}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Run `script` through the `sqlite3` shell into a new database at `database`.
fn run_script(database: &Path, script: &str) {
    use std::io::Write;
    let mut shell = Command::new("sqlite3")
        .arg(database)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("run sqlite3 (installed by .ci/run)");
    shell
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    assert!(
        shell.wait().unwrap().success(),
        "sqlite3 rejected the script"
    );
}

fn count(database: &Path, table: &str) -> u64 {
    sqlite3(database, &format!("SELECT count(*) FROM \"{table}\""))
        .trim()
        .parse()
        .unwrap()
}

/// Run a Python script with `args`; its stdout.
fn python(script: &str, args: &[&Path]) -> String {
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("run python3 (installed by .ci/run)");
    assert!(
        output.status.success(),
        "python3: {}\n{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Export the built-in corpus (or `data`) as a database in a new temporary directory.
fn exported(data: Option<&Path>) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("corpus.db");
    let mut test = peaceplan(["export", "--format", "sqlite", database.to_str().unwrap()]);
    if let Some(data) = data {
        test = test.data(data);
    }
    test.stdout_empty().stderr_empty().run();
    (dir, database)
}

/// The built-in corpus exported as `plan.db` with its Datasette metadata beside it, in a
/// new temporary directory.
fn exported_with_metadata() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("plan.db");
    let metadata = dir.path().join("metadata.json");
    peaceplan([
        "export",
        "--format",
        "sqlite",
        database.to_str().unwrap(),
        "--metadata",
        metadata.to_str().unwrap(),
    ])
    .stdout_empty()
    .stderr_empty()
    .run();
    (dir, database, metadata)
}

#[test]
fn the_database_passes_sqlites_integrity_and_foreign_key_checks() {
    if !have(&["sqlite3"]) {
        return;
    }
    let (_dir, database) = exported(None);
    assert_eq!(
        sqlite3(
            &database,
            "PRAGMA integrity_check; PRAGMA foreign_key_check;"
        ),
        "ok\n"
    );
    assert_eq!(sqlite3(&database, "PRAGMA user_version;"), "1\n");
}

#[test]
fn its_counts_equal_what_export_json_holds() {
    if !have(&["sqlite3"]) {
        return;
    }
    let (_dir, database) = exported(None);
    let export: Value = peaceplan(["export", "--json"]).run().json();
    let length = |key: &str| export[key].as_array().unwrap().len() as u64;
    let clauses = export["clauses"].as_array().unwrap();
    let reports: Vec<&Value> = clauses
        .iter()
        .flat_map(|clause| clause["reports"].as_array().unwrap())
        .collect();
    let within = |key: &str| -> u64 {
        reports
            .iter()
            .map(|report| report[key].as_array().map_or(0, Vec::len) as u64)
            .sum()
    };
    let versions = export["versions"].as_array().unwrap();
    let points: u64 = versions
        .iter()
        .map(|version| version["points"].as_array().map_or(0, Vec::len) as u64)
        .sum();
    for (table, expected) in [
        ("clauses", length("clauses")),
        ("topics", length("topics")),
        ("parties", length("parties")),
        ("sources", length("sources")),
        ("positions", length("positions")),
        ("reports", reports.len() as u64),
        ("wordings", within("wording")),
        ("departures", within("discrepancies")),
        ("report_earlier_versions", within("earlier_versions")),
        ("versions", versions.len() as u64),
        ("points", points),
        ("version_references", length("references")),
        ("outlets", length("outlets")),
    ] {
        assert_eq!(count(&database, table), expected, "rows of {table}");
    }
    assert!(count(&database, "wordings") > 0 && count(&database, "departures") > 0);
}

/// The clauses whose own text (title, text or a sub-point) `search --regex` finds.
fn clauses_search_finds_in_the_text(pattern: &str) -> BTreeSet<u64> {
    let hits: Value = peaceplan(["search", "--regex", pattern, "--json"])
        .run()
        .json();
    hits.as_array()
        .unwrap()
        .iter()
        .filter(|hit| hit["source"] == "text")
        .map(|hit| hit["clause"].as_u64().unwrap())
        .collect()
}

#[test]
fn a_full_text_query_finds_the_clauses_search_finds_in_the_plans_text() {
    if !have(&["sqlite3"]) {
        return;
    }
    let (_dir, database) = exported(None);
    // FTS5 matches whole words; `search` matches inside words (`nato` in
    // "discriminatory"), so it is asked for whole words here.
    for word in ["nato", "amnesty", "guarantee", "elections"] {
        let found: BTreeSet<u64> = sqlite3(
            &database,
            &format!(
                "SELECT rowid FROM clauses_fts WHERE clauses_fts MATCH '{word}' \
                 UNION SELECT s.clause_number FROM clause_subpoints_fts AS f \
                 JOIN clause_subpoints AS s ON s.id = f.rowid WHERE f.clause_subpoints_fts MATCH '{word}'"
            ),
        )
        .lines()
        .map(|line| line.parse().unwrap())
        .collect();
        assert!(!found.is_empty(), "{word}");
        assert_eq!(
            found,
            clauses_search_finds_in_the_text(&format!(r"\b{word}\b")),
            "{word}"
        );
    }
}

#[test]
fn the_clause_by_source_view_is_the_grid_matrix_draws() {
    if !have(&["sqlite3"]) {
        return;
    }
    let (_dir, database) = exported(None);
    let matrix: Value = peaceplan(["matrix", "--json"]).run().json();
    let mut expected = BTreeSet::new();
    for row in matrix["rows"].as_array().unwrap() {
        for cell in row["cells"].as_array().unwrap() {
            expected.insert(format!(
                "{}|{}|{}|{}",
                row["number"],
                cell["source"].as_str().unwrap(),
                cell["rendering"].as_str().unwrap(),
                cell["departures"]
            ));
        }
    }
    let viewed: BTreeSet<String> = sqlite3(
        &database,
        "SELECT * FROM clause_source_grid WHERE rendering <> 'not-reported'",
    )
    .lines()
    .map(str::to_owned)
    .collect();
    assert_eq!(viewed, expected);
    let clauses = count(&database, "clauses");
    let sources = count(&database, "sources");
    assert_eq!(count(&database, "clause_source_grid"), clauses * sources);
}

#[test]
fn the_clause_by_version_view_lists_each_point_under_the_clauses_it_comes_from() {
    if !have(&["sqlite3"]) {
        return;
    }
    let (_dir, database) = exported(None);
    let versions: Value = peaceplan(["export", "--json"]).run().json();
    let mut expected = BTreeSet::new();
    for version in versions["versions"].as_array().unwrap() {
        for (place, point) in version["points"].as_array().unwrap().iter().enumerate() {
            let id = match point["number"].as_u64() {
                Some(number) => format!("{}:{number}", version["id"].as_str().unwrap()),
                None => format!("{}:p{}", version["id"].as_str().unwrap(), place + 1),
            };
            for clause in point["lineage"]["from"].as_array().unwrap() {
                expected.insert(format!("{clause}|{id}"));
            }
        }
    }
    let listed: BTreeSet<String> = sqlite3(
        &database,
        "SELECT clause_number, points FROM clause_version_grid WHERE points IS NOT NULL",
    )
    .lines()
    .flat_map(|line| {
        let (clause, points) = line.split_once('|').unwrap();
        points
            .split(' ')
            .map(|point| format!("{clause}|{point}"))
            .collect::<Vec<_>>()
    })
    .collect();
    assert_eq!(listed, expected);
    // The fate of each clause in each later version is what `lineage` says.
    let mut fates = BTreeSet::new();
    for number in 1..=28 {
        let lineage: Value = peaceplan(["lineage", &number.to_string(), "--json"])
            .run()
            .json();
        for step in lineage["chains"][0]["steps"].as_array().unwrap() {
            if step["version"] != "us-28" {
                fates.insert(format!(
                    "{number}|{}|{}",
                    step["version"].as_str().unwrap(),
                    step["fate"].as_str().unwrap()
                ));
            }
        }
    }
    let viewed: BTreeSet<String> = sqlite3(
        &database,
        "SELECT clause_number, version_id, fate FROM clause_version_grid",
    )
    .lines()
    .map(str::to_owned)
    .collect();
    assert_eq!(viewed, fates);
}

/// Python's sqlite3, read-only: no row anywhere refers to a row that is not there, and
/// every full-text table is found the way Datasette and sqlite-utils look for it.
const PYTHON_CHECKS: &str = r#"
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%' AND name NOT LIKE '%_fts%'")]
joins = 0
for table in tables:
    keys = {}
    for (id, seq, parent, child_column, parent_column) in db.execute(f'SELECT "id", "seq", "table", "from", "to" FROM pragma_foreign_key_list("{table}")'):
        keys.setdefault(id, (parent, []))[1].append((child_column, parent_column))
    for parent, columns in keys.values():
        on = " AND ".join(f'p."{p}" = c."{c}"' for c, p in columns)
        present = " AND ".join(f'c."{c}" IS NOT NULL' for c, p in columns)
        orphans = db.execute(f'SELECT count(*) FROM "{table}" AS c WHERE {present} AND NOT EXISTS (SELECT 1 FROM "{parent}" AS p WHERE {on})').fetchone()[0]
        assert orphans == 0, (table, parent, columns, orphans)
        joins += 1
detected = []
for table in tables:
    sql = f'''SELECT name FROM sqlite_master WHERE rootpage = 0 AND (sql LIKE '%VIRTUAL TABLE%USING FTS%content="{table}"%' OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[{table}]%')'''
    detected += [(table, r[0]) for r in db.execute(sql)]
for table, fts in detected:
    rows = db.execute(f'SELECT count(*) FROM "{fts}"').fetchone()[0]
    assert rows == db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0], (table, fts)
try:
    db.execute("DELETE FROM metadata")
    raise SystemExit("a read-only connection could write")
except sqlite3.OperationalError:
    pass
print(joins, " ".join(sorted(f for _, f in detected)))
"#;

#[test]
fn python_opens_it_read_only_finds_no_orphan_in_any_join_and_detects_every_full_text_table() {
    if !have(&["python3"]) {
        return;
    }
    let (_dir, database) = exported(None);
    let printed = python(PYTHON_CHECKS, &[&database]);
    let (joins, detected) = printed.trim().split_once(' ').unwrap();
    assert!(joins.parse::<u32>().unwrap() >= 40, "{printed}");
    assert_eq!(
        detected,
        "clause_subpoints_fts clauses_fts departures_fts points_fts positions_fts wordings_fts"
    );
}

#[test]
fn the_same_corpus_gives_the_same_bytes_built_in_or_from_its_directory() {
    let (_first, one) = exported(None);
    let (_second, two) = exported(None);
    assert_eq!(std::fs::read(&one).unwrap(), std::fs::read(&two).unwrap());
    let (_third, from_dir) = exported(Some(&crate::support::shipped_data()));
    assert_eq!(
        std::fs::read(&one).unwrap(),
        std::fs::read(&from_dir).unwrap()
    );
}

#[test]
fn the_sql_script_builds_a_database_with_the_same_rows() {
    if !have(&["sqlite3"]) {
        return;
    }
    let (dir, database) = exported(None);
    let script = peaceplan(["export", "--format", "sql"]).run().stdout;
    assert!(script.starts_with("BEGIN;\n") && script.ends_with("COMMIT;\n"));
    let rebuilt = dir.path().join("rebuilt.db");
    run_script(&rebuilt, &script);
    let every_table = "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE '%_fts%' ORDER BY name";
    let names = sqlite3(&database, every_table);
    assert_eq!(names, sqlite3(&rebuilt, every_table));
    for name in names.lines() {
        let dump = format!("SELECT * FROM \"{name}\"");
        let sorted = |text: String| {
            let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
            lines.sort();
            lines
        };
        assert_eq!(
            sorted(sqlite3(&database, &dump)),
            sorted(sqlite3(&rebuilt, &dump)),
            "{name}"
        );
    }
    // `schema sqlite` prints the schema of that script.
    let schema = peaceplan(["schema", "sqlite"]).run().stdout;
    assert!(script.contains(&schema));
}

#[test]
fn a_data_corpus_exports_too_and_quotes_survive_in_every_format() {
    if !have(&["sqlite3", "python3"]) {
        return;
    }
    let fixture = Fixture::shipped();
    let tricky = r#"It's "quoted"; a, comma
and a line"#;
    fixture.replace(
        "plan_28_points.yaml",
        "title: \"Ukraine's sovereignty confirmed\"",
        &format!("title: {}", serde_json::to_string(tricky).unwrap()),
    );
    let (dir, database) = exported(Some(fixture.path()));
    assert_eq!(
        sqlite3(&database, "SELECT title FROM clauses WHERE number = 1"),
        format!("{tricky}\n")
    );
    let package = dir.path().join("package");
    peaceplan(["export", "--format", "csv", package.to_str().unwrap()])
        .data(fixture.path())
        .stdout_empty()
        .run();
    let title = python(
        "import csv, sys\nrows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\nprint(rows[0]['title'], end='')",
        &[&package.join("clauses.csv")],
    );
    assert_eq!(title, tricky);
}

/// Python over the package: each CSV's header is its descriptor's fields, the row
/// counts, primary keys unique, every foreign key resolved, every value in its enum.
const PACKAGE_CHECKS: &str = r#"
import csv, json, os, sys
root = sys.argv[1]
package = json.load(open(os.path.join(root, "datapackage.json")))
tables = {}
for resource in package["resources"]:
    with open(os.path.join(root, resource["path"]), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    fields = resource["schema"]["fields"]
    assert rows[0] == [f["name"] for f in fields], resource["name"]
    records = [dict(zip(rows[0], row)) for row in rows[1:]]
    for record in records:
        for field in fields:
            value = record[field["name"]]
            constraints = field.get("constraints", {})
            if constraints.get("required"):
                assert value != "", (resource["name"], field["name"])
            if value and "enum" in constraints:
                assert value in constraints["enum"], (resource["name"], field["name"], value)
            if value and field["type"] == "integer":
                int(value)
    key = resource["schema"]["primaryKey"]
    keys = [tuple(r[k] for k in key) for r in records]
    assert len(keys) == len(set(keys)), resource["name"]
    tables[resource["name"]] = (resource, records)
for name, (resource, records) in tables.items():
    for fk in resource["schema"].get("foreignKeys", []):
        parent = tables[fk["reference"]["resource"]][1]
        present = {tuple(r[c] for c in fk["reference"]["fields"]) for r in parent}
        for r in records:
            value = tuple(r[c] for c in fk["fields"])
            if all(value):
                assert value in present, (name, fk, value)
print(json.dumps({name: len(records) for name, (_, records) in tables.items()}))
"#;

#[test]
fn the_csv_package_holds_every_table_with_the_databases_rows_and_keys_that_resolve() {
    if !have(&["sqlite3", "python3"]) {
        return;
    }
    let (dir, database) = exported(None);
    let package = dir.path().join("package");
    peaceplan(["export", "--format", "csv", package.to_str().unwrap()])
        .stdout_empty()
        .stderr_empty()
        .run();
    let counts: Value = serde_json::from_str(&python(PACKAGE_CHECKS, &[&package])).unwrap();
    let counts = counts.as_object().unwrap();
    assert!(counts.len() >= 30);
    for (table, rows) in counts {
        assert_eq!(count(&database, table), rows.as_u64().unwrap(), "{table}");
    }
    for file in ["CODEBOOK.md", "README.md", "datapackage.json"] {
        assert!(package.join(file).is_file(), "{file}");
    }
    let first = std::fs::read(package.join("positions.csv")).unwrap();
    assert!(
        first.windows(2).any(|pair| pair == b"\r\n"),
        "RFC 4180 line ends"
    );
}

#[test]
fn the_datasette_metadata_describes_every_table_with_its_search_and_label() {
    if !have(&["sqlite3"]) {
        return;
    }
    let (_dir, database, metadata) = exported_with_metadata();
    let metadata: Value =
        serde_json::from_str(&std::fs::read_to_string(metadata).unwrap()).unwrap();
    let tables = metadata["databases"]["plan"]["tables"].as_object().unwrap();
    let in_database: BTreeSet<String> = sqlite3(
        &database,
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE '%_fts%'",
    )
    .lines()
    .map(str::to_owned)
    .collect();
    assert_eq!(tables.keys().cloned().collect::<BTreeSet<_>>(), in_database);
    assert_eq!(tables["clauses"]["fts_table"], "clauses_fts");
    assert_eq!(tables["clauses"]["label_column"], "title");
    assert_eq!(
        tables["clause_version_grid"]["facets"],
        serde_json::json!(["fate", "version_id"])
    );
    assert!(
        tables["positions"]["columns"]["stance"]
            .as_str()
            .unwrap()
            .contains("stance")
    );
}

#[test]
fn database_formats_are_refused_elsewhere_and_export_needs_a_place_to_write() {
    peaceplan(["list", "--format", "sqlite"])
        .status(2)
        .stdout_empty()
        .stderr_has("`list` cannot be written as sqlite; only `export`")
        .run();
    peaceplan(["export", "--format", "sqlite"])
        .status(2)
        .stderr_has("needs the FILE")
        .run();
    peaceplan(["export", "--format", "csv"])
        .status(2)
        .stderr_has("needs the DIR")
        .run();
    peaceplan(["export", "--format", "sql", "out.sql"])
        .status(2)
        .stderr_has("takes no PATH")
        .run();
    peaceplan(["export", "--json", "--metadata", "m.json"])
        .status(2)
        .stderr_has("--metadata describes the database")
        .run();
}

#[test]
fn a_failed_export_leaves_no_file_and_keeps_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("corpus.db");
    std::fs::write(&target, "the previous export").unwrap();
    let fixture = Fixture::shipped();
    fixture.write("sources.yaml", "sources: [");
    peaceplan(["export", "--format", "sqlite", target.to_str().unwrap()])
        .data(fixture.path())
        .status(1)
        .stderr_has("sources.yaml")
        .run();
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "the previous export"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the previous file: {left:?}");
    let package = dir.path().join("package");
    std::fs::create_dir(&package).unwrap();
    std::fs::write(package.join("keep.txt"), "mine").unwrap();
    peaceplan(["export", "--format", "csv", package.to_str().unwrap()])
        .status(1)
        .stderr_has("a directory with files in it")
        .run();
    assert_eq!(std::fs::read_dir(&package).unwrap().count(), 1);
    peaceplan(["export", "--format", "sqlite", "/nonexistent-dir/corpus.db"])
        .status(1)
        .stderr_has("/nonexistent-dir")
        .run();
}

/// The Python that has Datasette, sqlite-utils and frictionless: `PEACEPLAN_TEST_PYTHON`,
/// which `.ci/run` sets after installing them into a virtual environment from the
/// package registry. Without it a user's machine skips (saying so); CI fails.
fn client_python() -> Option<std::path::PathBuf> {
    match std::env::var_os("PEACEPLAN_TEST_PYTHON") {
        Some(python) if !python.is_empty() => Some(python.into()),
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must set PEACEPLAN_TEST_PYTHON to a Python with datasette, sqlite-utils and frictionless (.ci/run does)"
            );
            eprintln!(
                "skipped: set PEACEPLAN_TEST_PYTHON to a Python with datasette, sqlite-utils and frictionless"
            );
            None
        }
    }
}

fn run_python(python: &Path, script: &str, args: &[&Path]) -> String {
    let output = Command::new(python)
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("run the clients' Python");
    assert!(
        output.status.success(),
        "{}: {}\n{}",
        python.display(),
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// sqlite-utils' own detection of each table's full-text index, and Datasette's
/// in-process client (no port opened): a `_search` (the index found by Datasette itself,
/// no metadata given) and a facet, then the same with the metadata file loaded.
const DATASETTE_CHECKS: &str = r#"
import asyncio, json, sys
import sqlite_utils
from datasette.app import Datasette
path, metadata = sys.argv[1], sys.argv[2]
db = sqlite_utils.Database(path)
detected = {t: db[t].detect_fts() for t in db.table_names() if not t.endswith(("_fts", "_data", "_idx", "_docsize", "_config"))}
async def query(datasette):
    await datasette.invoke_startup()
    found = await datasette.client.get("/plan/clauses.json?_search=nato&_shape=array")
    assert found.status_code == 200, found.text
    faceted = await datasette.client.get("/plan/positions.json?_facet=stance&_size=0")
    assert faceted.status_code == 200, faceted.text
    facets = faceted.json()["facet_results"]
    facets = facets.get("results", facets)
    counts = {item["value"]: item["count"] for item in facets["stance"]["results"]}
    return [row["number"] for row in found.json()], counts
plain = asyncio.run(query(Datasette([path])))
described = asyncio.run(query(Datasette([path], metadata=json.load(open(metadata)))))
assert plain == described, (plain, described)
print(json.dumps({"detected": {t: f for t, f in detected.items() if f}, "search": plain[0], "stances": plain[1]}))
"#;

#[test]
fn sqlite_utils_and_datasette_find_the_search_indexes_and_answer_a_search_and_a_facet() {
    let Some(python) = client_python() else {
        return;
    };
    let (_dir, database, metadata) = exported_with_metadata();
    let answer: Value = serde_json::from_str(&run_python(
        &python,
        DATASETTE_CHECKS,
        &[&database, &metadata],
    ))
    .unwrap();
    let detected: BTreeSet<String> = answer["detected"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(table, index)| format!("{table}:{}", index.as_str().unwrap()))
        .collect();
    let expected: BTreeSet<String> = [
        "clause_subpoints",
        "clauses",
        "departures",
        "points",
        "positions",
        "wordings",
    ]
    .iter()
    .map(|table| format!("{table}:{table}_fts"))
    .collect();
    assert_eq!(detected, expected);
    // The clauses whose title or text has the word, as `search` finds them there.
    let hits: Value = peaceplan(["search", "--regex", r"\bnato\b", "--json"])
        .run()
        .json();
    let in_title_or_text: BTreeSet<u64> = hits
        .as_array()
        .unwrap()
        .iter()
        .filter(|hit| hit["source"] == "text" && hit["field"] != "subpoint")
        .map(|hit| hit["clause"].as_u64().unwrap())
        .collect();
    let searched: BTreeSet<u64> = answer["search"]
        .as_array()
        .unwrap()
        .iter()
        .map(|number| number.as_u64().unwrap())
        .collect();
    assert_eq!(searched, in_title_or_text);
    // The facet counts what `positions` lists, stance by stance.
    let positions: Value = peaceplan(["positions", "--json"]).run().json();
    for (stance, count) in answer["stances"].as_object().unwrap() {
        let listed = positions
            .as_array()
            .unwrap()
            .iter()
            .filter(|position| position["stance"] == stance.as_str())
            .count() as u64;
        assert_eq!(count.as_u64().unwrap(), listed, "{stance}");
    }
}

#[test]
fn frictionless_validates_the_package_and_rejects_a_broken_foreign_key() {
    let Some(python) = client_python() else {
        return;
    };
    let frictionless = python.with_file_name("frictionless");
    let dir = tempfile::tempdir().unwrap();
    let package = dir.path().join("package");
    peaceplan(["export", "--format", "csv", package.to_str().unwrap()]).run();
    let validate = || {
        Command::new(&frictionless)
            .args(["validate", "--json"])
            .arg(package.join("datapackage.json"))
            .output()
            .expect("run frictionless")
    };
    let valid = validate();
    assert!(
        valid.status.success(),
        "{}",
        String::from_utf8_lossy(&valid.stdout)
    );
    let reports = package.join("reports.csv");
    let text = std::fs::read_to_string(&reports).unwrap();
    let broken = text.replacen(",al-mayadeen,", ",no-such-source,", 1);
    assert_ne!(broken, text);
    std::fs::write(&reports, broken).unwrap();
    let invalid = validate();
    assert!(!invalid.status.success());
    assert!(String::from_utf8_lossy(&invalid.stdout).contains("foreign-key"));
}

#[test]
fn metadata_never_costs_the_database_and_is_refused_where_it_would() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("plan.db");
    std::fs::write(&database, "the previous database").unwrap();
    peaceplan([
        "export",
        "--format",
        "sqlite",
        database.to_str().unwrap(),
        "--metadata",
        database.to_str().unwrap(),
    ])
    .status(2)
    .stderr_has("is the database's own FILE")
    .run();
    for (path, metadata) in [("-", "m.json"), (database.to_str().unwrap(), "-")] {
        peaceplan(["export", "--format", "sqlite", path, "--metadata", metadata])
            .status(2)
            .stderr_has("--metadata needs the database written to a FILE")
            .run();
    }
    // The metadata cannot be written: the database is not replaced either.
    peaceplan([
        "export",
        "--format",
        "sqlite",
        database.to_str().unwrap(),
        "--metadata",
        "/nonexistent-dir/metadata.json",
    ])
    .status(1)
    .stderr_has("there is no directory /nonexistent-dir")
    .run();
    assert_eq!(
        std::fs::read_to_string(&database).unwrap(),
        "the previous database"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left: {left:?}");
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_mode_and_an_empty_directory_stays_itself() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("private.db");
    std::fs::write(&database, "old").unwrap();
    std::fs::set_permissions(&database, std::fs::Permissions::from_mode(0o600)).unwrap();
    peaceplan(["export", "--format", "sqlite", database.to_str().unwrap()]).run();
    let mode = std::fs::metadata(&database).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let package = dir.path().join("package");
    std::fs::create_dir(&package).unwrap();
    std::fs::set_permissions(&package, std::fs::Permissions::from_mode(0o750)).unwrap();
    let inode = std::fs::metadata(&package).unwrap().ino();
    // Written from inside the directory, as `.`.
    let ran = peaceplan(["export", "--format", "csv", "."])
        .command()
        .current_dir(&package)
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let after = std::fs::metadata(&package).unwrap();
    assert_eq!(
        (after.ino(), after.permissions().mode() & 0o777),
        (inode, 0o750)
    );
    assert!(package.join("datapackage.json").is_file());
    let leftovers = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".peaceplan")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn a_carriage_return_survives_the_sql_script() {
    if !have(&["sqlite3"]) {
        return;
    }
    let fixture = Fixture::shipped();
    fixture.replace(
        "plan_28_points.yaml",
        "title: \"Ukraine's sovereignty confirmed\"",
        "title: \"one\\r\\ntwo\\rthree\"",
    );
    let (dir, database) = exported(Some(fixture.path()));
    let script = peaceplan(["export", "--format", "sql"])
        .data(fixture.path())
        .run()
        .stdout;
    let rebuilt = dir.path().join("rebuilt.db");
    run_script(&rebuilt, &script);
    let title = "SELECT hex(title) FROM clauses WHERE number = 1";
    assert_eq!(sqlite3(&database, title), sqlite3(&rebuilt, title));
    assert_eq!(
        sqlite3(&database, title).trim(),
        "6F6E650D0A74776F0D7468726565"
    );
}

#[test]
fn an_empty_required_value_is_a_corpus_error_not_a_published_gap() {
    let fixture = Fixture::shipped();
    fixture.replace(
        "sources.yaml",
        "    date_note: \"Printed as 20 November 2025.\"",
        "    date_note: \"\"",
    );
    // The entry is named by where it starts.
    let entry = crate::support::line_of(&fixture.read("sources.yaml"), "  - id: wsws");
    peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has(&format!("sources.yaml:{entry}:5: sources[4]:"))
        .stderr_has("found an empty string")
        .run();
}
