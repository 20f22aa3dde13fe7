//! Replays the inputs kept in tests/fixtures/fuzz/ (crashes the fuzzers found, once
//! fixed, and seeds) against the real binary: none may panic.
//!
//! `loader/*`: the first byte chooses the file (even: the plan file, odd: sources.yaml),
//! the rest is its contents; the other file is the shipped one.
//! `cli/*`: arguments separated by NUL bytes, run against the built-in corpus.

use std::path::{Path, PathBuf};

use crate::support::{Fixture, peaceplan};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    files
}

fn assert_no_panic(input: &Path, status: Option<i32>, stderr: &str, allowed: &[i32]) {
    assert!(
        !stderr.contains("panicked"),
        "{} panics:\n{stderr}",
        input.display()
    );
    let status = status.unwrap_or_else(|| panic!("{} died of a signal", input.display()));
    assert!(
        allowed.contains(&status),
        "{} exits {status}:\n{stderr}",
        input.display()
    );
}

#[test]
fn loader_inputs_load_or_fail_cleanly() {
    for input in inputs("loader") {
        let bytes = std::fs::read(&input).unwrap();
        let Some((&which, contents)) = bytes.split_first() else {
            continue;
        };
        let fixture = Fixture::shipped();
        let name = if which % 2 == 0 {
            "plan_28_points.yaml"
        } else {
            "sources.yaml"
        };
        fixture.write(name, contents);
        let output = peaceplan(["validate"])
            .data(fixture.path())
            .command()
            .output()
            .unwrap();
        assert_no_panic(
            &input,
            output.status.code(),
            &String::from_utf8_lossy(&output.stderr),
            &[0, 1],
        );
    }
}

#[test]
fn cli_inputs_run_or_fail_cleanly() {
    for input in inputs("cli") {
        let text = String::from_utf8_lossy(&std::fs::read(&input).unwrap()).into_owned();
        let args: Vec<&str> = text.split('\0').collect();
        let output = peaceplan(args).command().output().unwrap();
        assert_no_panic(
            &input,
            output.status.code(),
            &String::from_utf8_lossy(&output.stderr),
            &[0, 1, 2],
        );
    }
}
