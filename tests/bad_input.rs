//! The bad-input suite: every malformed, hostile or unreadable corpus file gets exit 1 and
//! a message naming the file (and the line, where there is one), with no panic, no hang
//! and bounded memory. Each run is killed after 20 s and limited to 2 GiB of address
//! space, so a hang or a runaway allocation fails the test instead of the machine.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{Fixture, line_of};

const PLAN: &str = "plan_28_points.yaml";
const SOURCES: &str = "sources.yaml";

struct Outcome {
    status: Option<i32>,
    stderr: String,
}

/// Run `peaceplan ARGS --data DIR` under a memory limit and a time limit.
fn run_bounded(dir: &Path, args: &[&str]) -> Outcome {
    let binary = env!("CARGO_BIN_EXE_peaceplan");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 2097152; exec \"$@\"")
        .arg("sh")
        .arg(binary)
        .args(args)
        .arg("--data")
        .arg(dir)
        .env_remove("PEACEPLAN_DATA")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn peaceplan");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("peaceplan {args:?} hung on {}", dir.display());
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut stderr = String::new();
    use std::io::Read;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    Outcome {
        status: status.code(),
        stderr,
    }
}

/// Both `list` and `validate` refuse the corpus in `dir` with status 1 and a message
/// that names `file` (at `line`, when given) and contains `says`.
fn assert_refused(dir: &Path, file: &str, line: Option<usize>, says: &str) {
    for command in ["list", "validate"] {
        let outcome = run_bounded(dir, &[command]);
        let context = format!("peaceplan {command} on {file}:\n{}", outcome.stderr);
        assert_eq!(outcome.status, Some(1), "{context}");
        assert!(!outcome.stderr.contains("panicked"), "{context}");
        let named = match line {
            Some(line) => format!("{}:{line}:", dir.join(file).display()),
            None => dir.join(file).display().to_string(),
        };
        assert!(
            outcome.stderr.contains(&named),
            "expected {named:?} in {context}"
        );
        assert!(
            outcome.stderr.contains(says),
            "expected {says:?} in {context}"
        );
    }
}

fn fixture_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name)
}

/// The shipped corpus with its plan file replaced by the named fixture.
fn with_plan_fixture(name: &str) -> Fixture {
    let fixture = Fixture::shipped();
    std::fs::copy(fixture_file(name), fixture.file(PLAN)).unwrap();
    fixture
}

#[test]
fn truncated_yaml() {
    let fixture = with_plan_fixture("truncated.yaml");
    assert_refused(
        fixture.path(),
        PLAN,
        Some(14),
        "found unexpected end of stream",
    );
}

#[test]
fn tabs_for_indentation() {
    let fixture = with_plan_fixture("tabs.yaml");
    assert_refused(fixture.path(), PLAN, Some(13), "found a tab character");
}

#[test]
fn invalid_utf8() {
    let fixture = with_plan_fixture("invalid-utf8.yaml");
    assert_refused(fixture.path(), PLAN, Some(13), "invalid UTF-8: byte 0xff");
}

#[test]
fn a_nul_byte() {
    let fixture = with_plan_fixture("nul.yaml");
    assert_refused(fixture.path(), PLAN, Some(14), "control character U+0000");
}

#[test]
fn an_empty_file() {
    let fixture = with_plan_fixture("empty.yaml");
    assert_refused(fixture.path(), PLAN, Some(1), "the file is empty");
}

#[test]
fn a_duplicate_mapping_key_is_an_error_not_a_silent_overwrite() {
    let fixture = with_plan_fixture("duplicate-key.yaml");
    assert_refused(fixture.path(), PLAN, Some(17), "duplicate field `topics`");
    let fixture = with_plan_fixture("duplicate-top-level-key.yaml");
    assert_refused(fixture.path(), PLAN, Some(17), "duplicate field `plan`");
    let fixture = Fixture::shipped();
    let line = fixture.replace(
        SOURCES,
        "    language: en\n",
        "    language: en\n    language: uk\n",
    ) + 1;
    assert_refused(
        fixture.path(),
        SOURCES,
        Some(line),
        "duplicate field `language`",
    );
}

#[test]
fn an_alias_bomb() {
    let fixture = with_plan_fixture("alias-bomb.yaml");
    assert_refused(
        fixture.path(),
        PLAN,
        Some(4),
        "invalid type: sequence, expected a string",
    );
}

#[test]
fn nesting_a_thousand_levels_deep() {
    let fixture = with_plan_fixture("deep-nesting.yaml");
    assert_refused(fixture.path(), PLAN, Some(4), "invalid type: sequence");
    let block: String = (0..1000)
        .map(|level| format!("{}level{level}:\n", "  ".repeat(level + 1)))
        .collect();
    fixture.write(PLAN, format!("plan:\n{block}"));
    assert_refused(fixture.path(), PLAN, Some(2), "unknown field `level0`");
    fixture.write(
        PLAN,
        format!("plan:\n  drafted_by: {}\n", "[".repeat(200_000)),
    );
    assert_refused(
        fixture.path(),
        PLAN,
        Some(2),
        "brackets nest deeper than 1024 levels",
    );
}

#[test]
fn a_hundred_megabytes_of_random_bytes() {
    let fixture = Fixture::shipped();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let random: Vec<u8> = (0..100 * 1024 * 1024)
        .map(|_| {
            // xorshift: enough to make bytes that are not text.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    fixture.write(PLAN, &random);
    assert_refused(fixture.path(), PLAN, Some(1), "invalid UTF-8");
}

#[test]
fn a_file_that_is_a_directory() {
    let fixture = Fixture::shipped();
    std::fs::remove_file(fixture.file(SOURCES)).unwrap();
    std::fs::create_dir(fixture.file(SOURCES)).unwrap();
    assert_refused(fixture.path(), SOURCES, None, "is a directory");
}

#[test]
fn a_missing_file() {
    let fixture = Fixture::shipped();
    std::fs::remove_file(fixture.file(PLAN)).unwrap();
    assert_refused(fixture.path(), PLAN, None, "No such file or directory");
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let fixture = Fixture::shipped();
    std::fs::remove_file(fixture.file(PLAN)).unwrap();
    let made = Command::new("mkfifo")
        .arg(fixture.file(PLAN))
        .status()
        .unwrap();
    assert!(made.success());
    assert_refused(fixture.path(), PLAN, None, "is not a regular file");
}

#[test]
fn an_unreadable_file() {
    let fixture = Fixture::shipped();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        fixture.file(SOURCES),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    std::fs::set_permissions(fixture.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let is_root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    if !is_root {
        assert_refused(fixture.path(), SOURCES, None, "Permission denied");
        return;
    }
    // Root reads anything; run as `nobody` to see what a user without the right sees.
    let binary = env!("CARGO_BIN_EXE_peaceplan");
    let output = Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            binary,
            "validate",
            "--data",
        ])
        .arg(fixture.path())
        .output()
        .expect("setpriv (util-linux) runs the check as nobody");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&fixture.file(SOURCES).display().to_string()),
        "{stderr}"
    );
    assert!(
        stderr.contains("Permission denied") && stderr.contains("check the file's permissions"),
        "{stderr}"
    );
}

#[test]
fn a_wrong_type_in_every_kind_of_field() {
    // (file, text to replace, its replacement, what the message must say)
    let cases: &[(&str, &str, &str, &str)] = &[
        (PLAN, "  - number: 6\n", "  - number: [6]\n", "expected u32"),
        (PLAN, "  - number: 6\n", "  - number: -6\n", "-6"),
        (
            PLAN,
            "    title: \"Ukrainian Armed Forces capped at 600,000\"\n",
            "    title: [a, b]\n",
            "expected a string",
        ),
        (
            PLAN,
            "    topics: [armed-forces]\n",
            "    topics: armed-forces\n",
            "expected a sequence",
        ),
        (
            PLAN,
            "    topics: [armed-forces]\n",
            "    topics: [{id: armed-forces}]\n",
            "expected a string",
        ),
        (
            PLAN,
            "            stance: opposes\n",
            "            stance: against\n",
            "unknown variant `against`",
        ),
        (
            PLAN,
            "          - kind: scope\n",
            "          - kind: 7\n",
            "expected one of `figure`",
        ),
        (
            PLAN,
            "            quote: \"unverified information\"\n",
            "            quote: {text: x}\n",
            "expected a string",
        ),
        (
            PLAN,
            "  id: us-28-point-2025-11\n",
            "  id:\n    - x\n",
            "expected a string",
        ),
        (
            PLAN,
            "plan:\n  id:",
            "plan: 5\nplanx:\n  id:",
            "invalid type",
        ),
        (
            PLAN,
            "clauses:\n",
            "clauses: {}\nold_clauses:\n",
            "invalid type: map, expected a sequence",
        ),
        (
            SOURCES,
            "    kind: analysis\n",
            "    kind: opinion\n",
            "unknown variant `opinion`",
        ),
        (
            SOURCES,
            "    byline: Andre Damon\n",
            "    byline: [Andre, Damon]\n",
            "expected a string",
        ),
        (
            SOURCES,
            "    via: [The Wall Street Journal]\n",
            "    via: The Wall Street Journal\n",
            "expected a sequence",
        ),
        (
            SOURCES,
            "    published: 2025-11-20\n",
            "    published: {year: 2025}\n",
            "expected a string",
        ),
    ];
    for (file, from, to, says) in cases {
        let fixture = Fixture::shipped();
        let line = fixture.replace(file, from, to);
        let outcome = run_bounded(fixture.path(), &["validate"]);
        let context = format!("{from:?} -> {to:?}:\n{}", outcome.stderr);
        assert_eq!(outcome.status, Some(1), "{context}");
        assert!(
            outcome.stderr.contains(says),
            "expected {says:?}: {context}"
        );
        let named = format!("{}:", fixture.file(file).display());
        let reported_line: usize = outcome
            .stderr
            .split(&named)
            .nth(1)
            .and_then(|rest| rest.split(':').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no line: {context}"));
        assert!(
            (line..=line + 2).contains(&reported_line),
            "line {reported_line}, edit at {line}: {context}"
        );
    }
}

#[test]
fn a_clause_referring_to_an_unknown_source() {
    let fixture = Fixture::shipped();
    fixture.replace(
        PLAN,
        "      - source: wsws\n",
        "      - source: wsws-daily\n",
    );
    let line = line_of(&fixture.read(PLAN), "wsws-daily");
    assert_refused(
        fixture.path(),
        PLAN,
        Some(line),
        "unknown source `wsws-daily`",
    );
}
