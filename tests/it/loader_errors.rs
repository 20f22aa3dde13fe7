//! One malformed corpus per loader error class: each must fail with status 1 and a message
//! that names the file, the line and the offending value.

use crate::support::{Fixture, line_of, peaceplan};

const PLAN: &str = "plan_28_points.yaml";
const SOURCES: &str = "sources.yaml";

/// Run `list` and `validate` on the fixture; both must fail naming `file:line` and `value`.
fn assert_rejected(fixture: &Fixture, file: &str, line: usize, value: &str) {
    let place = format!("{}:{line}:", fixture.file(file).display());
    peaceplan(["list"])
        .data(fixture.path())
        .status(1)
        .stdout_empty()
        .stderr_has(&place)
        .stderr_has(value)
        .run();
    peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has(&place)
        .stderr_has(value)
        .stdout_has("invalid:")
        .run();
}

#[test]
fn unknown_field() {
    let fixture = Fixture::shipped();
    let line = fixture.replace(
        PLAN,
        "    topics: [armed-forces]\n",
        "    topics: [armed-forces]\n    colour: red\n",
    ) + 1;
    assert_rejected(&fixture, PLAN, line, "unknown field `colour`");
}

#[test]
fn wrong_type() {
    let fixture = Fixture::shipped();
    let line = fixture.replace(PLAN, "  - number: 6\n", "  - number: six\n");
    assert_rejected(&fixture, PLAN, line, "six");
}

#[test]
fn missing_required_field() {
    let fixture = Fixture::shipped();
    fixture.replace(
        PLAN,
        "    title: \"Ukrainian Armed Forces capped at 600,000\"\n",
        "",
    );
    // The parser notices at the end of the clause's mapping; it names the field.
    let text = fixture.read(PLAN);
    let line = line_of(&text, "  - number: 6");
    let ran = peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has("missing field `title`")
        .run();
    let named_line: usize = ran
        .stderr
        .split(&format!("{}:", fixture.file(PLAN).display()))
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|line| line.parse().ok())
        .expect("a line number");
    assert!(
        named_line >= line && named_line <= line + 12,
        "line {named_line} is not in clause 6 (starts {line})"
    );
}

#[test]
fn duplicate_key() {
    let fixture = Fixture::shipped();
    let line = fixture.replace(
        PLAN,
        "    topics: [armed-forces]\n",
        "    topics: [armed-forces]\n    topics: [nato]\n",
    ) + 1;
    assert_rejected(&fixture, PLAN, line, "duplicate field `topics`");
}

#[test]
fn clause_number_out_of_range() {
    let fixture = Fixture::shipped();
    let line = fixture.replace(PLAN, "  - number: 28\n", "  - number: 29\n");
    assert_rejected(&fixture, PLAN, line, "clause number 29 is out of range");
    peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has("clause number 28 is missing")
        .run();
}

#[test]
fn clause_number_repeated() {
    let fixture = Fixture::shipped();
    let line = fixture.replace(PLAN, "  - number: 28\n", "  - number: 27\n");
    assert_rejected(&fixture, PLAN, line, "clause number 27 is repeated");
}

#[test]
fn unknown_topic_with_suggestion() {
    let fixture = Fixture::shipped();
    let line = fixture.replace(PLAN, "topics: [armed-forces]", "topics: [armed-forcs]");
    assert_rejected(&fixture, PLAN, line, "unknown topic `armed-forcs`");
    peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has("did you mean `armed-forces`?")
        .run();
}

#[test]
fn unknown_party_with_suggestion() {
    let fixture = Fixture::shipped();
    let line = fixture.replace(
        PLAN,
        "parties: [europe, poland]",
        "parties: [europe, polnad]",
    );
    assert_rejected(&fixture, PLAN, line, "unknown party `polnad`");
    peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has("did you mean `poland`?")
        .run();
}

#[test]
fn report_from_an_unknown_source() {
    let fixture = Fixture::shipped();
    fixture.replace(PLAN, "  - number: 9\n", "  - number: 9\n");
    let text = fixture.read(PLAN);
    let clause_nine = text.find("  - number: 9\n").unwrap();
    let report = clause_nine
        + text[clause_nine..]
            .find("      - source: al-mayadeen")
            .unwrap();
    let edited = format!(
        "{}      - source: al-mayadeeen{}",
        &text[..report],
        &text[report + "      - source: al-mayadeen".len()..]
    );
    fixture.write(PLAN, &edited);
    let line = line_of(&edited, "al-mayadeeen");
    assert_rejected(&fixture, PLAN, line, "unknown source `al-mayadeeen`");
}

#[test]
fn duplicate_vocabulary_id() {
    let fixture = Fixture::shipped();
    let line = fixture.replace(
        PLAN,
        "  - { id: poland, label: Poland }\n",
        "  - { id: poland, label: Poland }\n  - { id: poland, label: Polska }\n",
    ) + 1;
    assert_rejected(&fixture, PLAN, line, "party id `poland` is defined twice");
}

#[test]
fn duplicate_source_id() {
    let fixture = Fixture::shipped();
    let line = fixture.replace(SOURCES, "  - id: wsws\n", "  - id: kyiv-independent\n");
    assert_rejected(
        &fixture,
        SOURCES,
        line,
        "source id `kyiv-independent` is used twice",
    );
}

#[test]
fn malformed_yaml() {
    let fixture = Fixture::shipped();
    let line = fixture.replace(
        PLAN,
        "    topics: [armed-forces]\n",
        "    topics: [armed-forces\n",
    );
    let ran = peaceplan(["list"]).data(fixture.path()).status(1).run();
    let named = format!("{}:", fixture.file(PLAN).display());
    assert!(ran.stderr.contains(&named), "{}", ran.stderr);
    // The parser reports where it gave up: on or after the broken line, never before.
    let named_line: usize = ran
        .stderr
        .split(&named)
        .nth(1)
        .unwrap()
        .split(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        named_line >= line,
        "named line {named_line} is before the error at {line}"
    );
}

#[test]
fn invalid_utf8() {
    let fixture = Fixture::shipped();
    let mut bytes = std::fs::read(fixture.file(SOURCES)).unwrap();
    let offset = bytes.windows(5).position(|w| w == b"wsws\n").unwrap();
    bytes[offset + 1] = 0xff;
    let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    fixture.write(SOURCES, &bytes);
    assert_rejected(&fixture, SOURCES, line, "invalid UTF-8: byte 0xff");
}

#[test]
fn empty_file() {
    let fixture = Fixture::shipped();
    fixture.write(SOURCES, "");
    assert_rejected(&fixture, SOURCES, 1, "the file is empty");
}

#[test]
fn missing_file_names_the_path_and_what_a_corpus_needs() {
    let fixture = Fixture::shipped();
    std::fs::remove_file(fixture.file(SOURCES)).unwrap();
    peaceplan(["list"])
        .data(fixture.path())
        .status(1)
        .stderr_has(&fixture.file(SOURCES).display().to_string())
        .stderr_has("sources.yaml is missing")
        .run();
}

#[test]
fn missing_directory() {
    peaceplan(["list", "--data", "/no/such/corpus"])
        .status(1)
        .stderr_has("/no/such/corpus: does not exist")
        .stderr_has("--data (or PEACEPLAN_DATA) takes a directory")
        .run();
}

#[test]
fn a_directory_where_a_file_should_be() {
    let fixture = Fixture::shipped();
    std::fs::remove_file(fixture.file(PLAN)).unwrap();
    std::fs::create_dir(fixture.file(PLAN)).unwrap();
    peaceplan(["list"])
        .data(fixture.path())
        .status(1)
        .stderr_has("found a directory")
        .run();
}

#[test]
fn validate_reports_every_problem_not_only_the_first() {
    let fixture = Fixture::shipped();
    fixture.replace(PLAN, "topics: [armed-forces]", "topics: [armed-forcs]");
    fixture.replace(
        PLAN,
        "parties: [europe, poland]",
        "parties: [europe, polnad]",
    );
    fixture.replace(
        SOURCES,
        "published: 2025-11-20",
        "published: 20 November 2025",
    );
    let ran = peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stdout_has("invalid: 3 problems; 28 clauses, 5 sources, 20 topics, 14 parties")
        .run();
    assert_eq!(
        ran.stderr
            .lines()
            .filter(|l| l.starts_with("peaceplan: error: "))
            .count(),
        3
    );
    assert!(ran.stderr.contains("is not YYYY-MM-DD"));
}

#[test]
fn validate_json_lists_problems_with_places() {
    use crate::shapes::Validation;
    let fixture = Fixture::shipped();
    let line = fixture.replace(PLAN, "topics: [armed-forces]", "topics: [armed-forcs]");
    let validation: Validation = peaceplan(["validate", "--json"])
        .data(fixture.path())
        .status(1)
        .run()
        .json();
    assert!(!validation.valid);
    assert!(validation.quotes_checked.is_none() && validation.quote_misses.is_empty());
    assert_eq!(
        (
            validation.clauses,
            validation.sources,
            validation.topics,
            validation.parties
        ),
        (Some(28), Some(5), Some(20), Some(14))
    );
    let [problem] = validation.problems.as_slice() else {
        panic!("one problem expected")
    };
    assert!(problem.file.ends_with(PLAN));
    assert_eq!(problem.line, Some(line));
    assert!(problem.column.is_some());
    assert!(problem.message.contains("armed-forcs"));
    assert_eq!(
        problem.hint.as_deref(),
        Some("did you mean `armed-forces`?")
    );

    let ok: Validation = peaceplan(["validate", "--json"]).run().json();
    assert!(ok.valid && ok.problems.is_empty());
}

/// A raw C1 control character is reported at its own line and column, not at 1:1 with a
/// byte position (issue #22, item 19).
#[test]
fn a_raw_control_character_is_reported_where_it_is() {
    let fixture = Fixture::shipped();
    let line = fixture.replace(
        PLAN,
        "European fighter jets will be stationed in Poland.",
        "European fight\u{9b}er jets will be stationed in Poland.",
    );
    let ran = peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has(&format!("{}:{line}:", fixture.file(PLAN).display()))
        .stderr_has("control characters are not allowed")
        .stderr_lacks(":1:1:")
        .run();
    assert!(!ran.stderr.contains("at position"), "{}", ran.stderr);
}

/// The built-in corpus is checked when the binary is built: a copy of the project whose
/// `data/` fails a check does not build, and cargo shows the check's message with the
/// file, line and column a run with `--data` gives.
#[test]
#[ignore = "builds the build script of a copy of the project (about a minute on 2 cores)"]
fn a_built_in_corpus_that_fails_a_check_fails_the_build_with_its_message() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = tempfile::tempdir().unwrap();
    for file in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        std::fs::copy(root.join(file), copy.path().join(file)).unwrap();
    }
    for dir in ["src", "data"] {
        copy_tree(&root.join(dir), &copy.path().join(dir));
    }
    let plan = copy.path().join("data/plan_28_points.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let broken = "topics: [non-aggression, natoo]";
    let edited = text.replacen("topics: [non-aggression, nato]", broken, 1);
    assert_ne!(edited, text, "the edit found its line");
    std::fs::write(&plan, &edited).unwrap();
    let line = line_of(&edited, broken);
    // What the tool itself says of the same edit, read with --data.
    let from_data = peaceplan(["validate"])
        .data(&copy.path().join("data"))
        .status(1)
        .run()
        .stderr;
    assert!(
        from_data.contains(&format!(
            "plan_28_points.yaml:{line}:30: clause 3 names unknown topic `natoo`"
        )),
        "{from_data}"
    );
    let built = std::process::Command::new(env!("CARGO"))
        .args(["check", "--locked", "--quiet", "--manifest-path"])
        .arg(copy.path().join("Cargo.toml"))
        .env(
            "CARGO_TARGET_DIR",
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("built-in-check"),
        )
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(!built.status.success(), "the build passed:\n{stderr}");
    assert!(
        stderr.contains(&format!(
            "data/plan_28_points.yaml (built in):{line}:30: clause 3 names unknown topic `natoo`, which is not in the topic list; did you mean `nato`?"
        )),
        "{stderr}"
    );
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A registry that is a symbolic link to nothing is named as one, not as a missing file
/// of the two every corpus needs.
#[test]
fn a_dangling_symbolic_link_is_named_as_one() {
    let fixture = Fixture::shipped();
    let outlets = fixture.file("outlets.yaml");
    std::os::unix::fs::symlink(fixture.path().join("gone.yaml"), &outlets).unwrap();
    peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has("outlets.yaml: cannot read")
        .stderr_has("a symbolic link to a file that does not exist")
        .stderr_lacks("must hold plan_28_points.yaml and sources.yaml")
        .run();
}
