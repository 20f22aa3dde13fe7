//! Checks the built-in corpus when the binary is built, and stores it as JSON for the
//! binary to read at start-up.
//!
//! The corpus's own loader and checks are compiled into this script from `src/` (the
//! model, the corpus module's parsing and checking, the text folding they use), so a
//! built-in corpus that fails a check fails the build with the message a run with
//! `--data data` would print, file, line and column included. The binary then reads the
//! checked corpus from JSON without checking it again.

// This script compiles parts of the library that it does not call all of.
#![allow(dead_code, unused_imports)]

use std::path::Path;
use std::process::ExitCode;

#[path = "src/model/mod.rs"]
mod model;

#[path = "src/text"]
mod text {
    pub mod fold;
    pub mod suggest;
}

#[path = "src/corpus"]
mod corpus {
    pub mod check;
    pub mod limits;
    pub mod locate;
    pub mod outlets;
    pub mod problem;
    pub mod read;
    pub mod versions;
    pub mod yaml;
}

use corpus::problem::Problem;
use corpus::read::CorpusFiles;
use corpus::{check, outlets, versions, yaml};
use model::SourcesFile;

fn main() -> ExitCode {
    for watched in ["data", "src/model", "src/corpus", "src/text"] {
        println!("cargo::rerun-if-changed={watched}");
    }
    println!(
        "cargo::rustc-env=PEACEPLAN_CODE_FINGERPRINT={:016x}",
        code_fingerprint()
    );
    match checked_corpus_as_json() {
        Ok(files) => {
            let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
            for (name, json) in files {
                std::fs::write(Path::new(&out_dir).join(format!("{name}.json")), json)
                    .expect("write the checked corpus");
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprintln!(
                "the built-in corpus (data/) fails {} check(s), so it cannot be built in:",
                problems.len()
            );
            for problem in problems {
                eprintln!("error: {problem}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The four files of the built-in corpus, parsed, checked and written as JSON, or every
/// problem found in them.
fn checked_corpus_as_json() -> Result<Vec<(&'static str, String)>, Vec<Problem>> {
    let files = CorpusFiles::embedded();
    let registry_file = outlets::embedded();
    let versions_file = versions::embedded();
    let plan = yaml::parse_plan(
        &files.plan,
        "a mapping with plan, topics, parties and clauses",
    );
    let sources = yaml::parse::<SourcesFile>(&files.sources, "a mapping with a sources list");
    let registry = outlets::parse(&registry_file);
    let later = versions::parse(&versions_file);
    let (plan, sources, registry, later) = match (plan, sources, registry, later) {
        (Ok(plan), Ok(sources), Ok(registry), Ok(later)) => (plan, sources, registry, later),
        (plan, sources, registry, later) => {
            let mut problems = plan.err().unwrap_or_default();
            problems.extend(sources.err());
            problems.extend(registry.err());
            problems.extend(later.err());
            return Err(problems);
        }
    };
    let mut problems = check::check(&files, &plan, &sources);
    problems.extend(outlets::check(&registry_file, &registry));
    problems.extend(versions::check(
        &versions_file,
        &later,
        versions::Plan::of_files(&plan, &sources),
        versions::Registry::Loaded(&registry),
    ));
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(vec![
        ("plan_28_points", to_json(&plan)),
        ("sources", to_json(&sources)),
        ("versions", to_json(&later)),
        ("outlets", to_json(&registry)),
    ])
}

/// A hash of the code that decides what a parsed corpus is and whether it passes (the
/// model, the corpus module, the text folding): the cache of large corpora keys its
/// entries with it, so a binary whose parsing or checks differ never reads another's.
fn code_fingerprint() -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut paths = Vec::new();
    for dir in ["src/model", "src/corpus", "src/text"] {
        for entry in std::fs::read_dir(dir)
            .expect("read the source tree")
            .flatten()
        {
            paths.push(entry.path());
        }
    }
    paths.sort();
    let mut hasher = DefaultHasher::new();
    for path in paths {
        path.hash(&mut hasher);
        std::fs::read(&path)
            .expect("read a source file")
            .hash(&mut hasher);
    }
    hasher.finish()
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("a parsed corpus serialises to JSON")
}
