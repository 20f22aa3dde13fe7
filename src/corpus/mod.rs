//! Loading a corpus: reading its two files (built in, or from `--data DIR`), parsing them
//! strictly, and checking them. Every YAML call in the project lives under this module.

pub mod archive;
mod cache;
mod check;
mod limits;
mod locate;
mod outlets;
mod problem;
mod read;
pub mod synth;
mod versions;
mod yaml;

use std::path::Path;

pub use crate::model::TEXT_SOURCE_ID;
pub use cache::{CACHE_DIR_ENV, CACHE_FROM_BYTES, CachePolicy};
pub use check::is_valid_id;
pub use limits::{MAX_ALIASES, MAX_EXPANDED_BYTES, MAX_FLOW_DEPTH, MAX_WHOLE_PARSE_BYTES};
pub use outlets::OUTLETS_FILE;
pub use problem::{Problem, Problems};
pub use read::{CorpusFiles, MAX_FILE_BYTES, PLAN_FILE, SOURCES_FILE, SourceText, read_text};
pub use versions::VERSIONS_FILE;
pub use yaml::{to_json_value as file_as_json, to_string as to_yaml};

use crate::model::outlets::OutletsFile;
use crate::model::versions::VersionsFile;
use crate::model::{Corpus, PlanFile, SourcesFile};

/// The corpus in `dir`, or the built-in one when `dir` is `None`, fully checked.
pub fn load(dir: Option<&Path>) -> Result<Corpus, Problems> {
    check(dir).into_result()
}

/// [`load`], reading and writing the cache `cache` chooses for a large `dir`.
pub fn load_cached(dir: Option<&Path>, cache: &CachePolicy) -> Result<Corpus, Problems> {
    check_cached(dir, cache).into_result()
}

/// Read and check the corpus in `dir`, or the built-in one when `dir` is `None`,
/// collecting every problem (files that cannot be read included).
pub fn check(dir: Option<&Path>) -> Checked {
    check_cached(dir, &CachePolicy::Off)
}

/// [`check`], answered from the cache when `dir` holds a large corpus whose files and
/// binary match a stored entry; a corpus that passes every check is stored for the
/// next run, under the key of the very bytes that were parsed.
pub fn check_cached(dir: Option<&Path>, cache: &CachePolicy) -> Checked {
    let Some(dir) = dir else {
        return check_built_in();
    };
    let Some(entry) = cache::entry_for(cache, dir) else {
        return check_dir(dir, false).0;
    };
    if let Some(corpus) = cache::read(&entry, dir) {
        return Checked {
            corpus: Some(corpus),
            problems: Vec::new(),
        };
    }
    let (checked, key) = check_dir(dir, true);
    if let (Some(key), Some(corpus)) = (key, &checked.corpus)
        && checked.problems.is_empty()
    {
        cache::write(&entry, key, corpus);
    }
    checked
}

/// Read and check the corpus in `dir`; with `key_wanted`, also the cache key of the
/// files' text as read (when every file was read).
fn check_dir(dir: &Path, key_wanted: bool) -> (Checked, Option<cache::Key>) {
    let files = match CorpusFiles::read_dir(dir) {
        Ok(files) => files,
        Err(problems) => {
            let checked = Checked {
                corpus: None,
                problems,
            };
            return (checked, None);
        }
    };
    let versions_file = versions::read_dir(dir);
    let outlets_file = outlets::read_dir(dir);
    let key = match (key_wanted, &versions_file, &outlets_file) {
        (true, Ok(versions), Ok(outlets)) => {
            cache::key_of_texts(&files, versions.as_ref(), outlets.as_ref())
        }
        _ => None,
    };
    let checked = add_versions(check_files(&files), versions_file, outlets_file);
    (checked, key)
}

/// The built-in corpus, checked.
fn check_built_in() -> Checked {
    match prebuilt() {
        Some(corpus) => Checked {
            corpus: Some(corpus),
            problems: Vec::new(),
        },
        None => {
            let files = CorpusFiles::embedded();
            add_versions(
                check_files(&files),
                Ok(Some(versions::embedded())),
                Ok(Some(outlets::embedded())),
            )
        }
    }
}

/// The built-in corpus from the JSON that `build.rs` wrote once the corpus passed every
/// check (a corpus that fails one fails the build); `None` only if that JSON does not
/// parse, and the YAML is then parsed and checked to say why.
fn prebuilt() -> Option<Corpus> {
    const PLAN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/plan_28_points.json"));
    const SOURCES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/sources.json"));
    const VERSIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/versions.json"));
    const OUTLETS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/outlets.json"));
    let plan: PlanFile = serde_json::from_str(PLAN_JSON).ok()?;
    let sources: SourcesFile = serde_json::from_str(SOURCES_JSON).ok()?;
    let later: VersionsFile = serde_json::from_str(VERSIONS_JSON).ok()?;
    let registry: OutletsFile = serde_json::from_str(OUTLETS_JSON).ok()?;
    Some(
        Corpus::new(plan, sources)
            .with_versions(later)
            .with_outlets(registry),
    )
}

/// Read, parse and check the registry of outlets (if the corpus has one).
fn read_registry(
    problems: &mut Vec<Problem>,
    outlets_file: Result<Option<SourceText>, Problem>,
) -> (Option<OutletsFile>, bool) {
    let file = match outlets_file {
        Ok(Some(file)) => file,
        Ok(None) => return (None, false),
        Err(problem) => {
            problems.push(problem);
            return (None, true);
        }
    };
    match outlets::parse(&file) {
        Ok(registry) => {
            problems.extend(outlets::check(&file, &registry));
            (Some(registry), false)
        }
        Err(problem) => {
            problems.push(problem);
            (None, true)
        }
    }
}

/// Read, parse and check the versions file (if the corpus has one) against a corpus
/// whose plan and sources files parsed, and against its registry of outlets; their
/// problems join the others.
fn add_versions(
    mut checked: Checked,
    versions_file: Result<Option<SourceText>, Problem>,
    outlets_file: Result<Option<SourceText>, Problem>,
) -> Checked {
    let (registry, unreadable) = read_registry(&mut checked.problems, outlets_file);
    let registry_state = match (&registry, unreadable) {
        (Some(registry), _) => versions::Registry::Loaded(registry),
        (None, true) => versions::Registry::Unreadable,
        (None, false) => versions::Registry::Missing,
    };
    let later = read_versions(&mut checked, versions_file, registry_state);
    if let Some(corpus) = checked.corpus.take() {
        let corpus = match later {
            Some(later) => corpus.with_versions(later),
            None => corpus,
        };
        checked.corpus = Some(match registry {
            Some(registry) => corpus.with_outlets(registry),
            None => corpus,
        });
    }
    checked
}

/// The versions file, parsed and checked against the corpus (when it parsed) and the
/// registry; `None` when there is none or it does not parse, its problem recorded.
fn read_versions(
    checked: &mut Checked,
    versions_file: Result<Option<SourceText>, Problem>,
    registry: versions::Registry,
) -> Option<VersionsFile> {
    let file = match versions_file {
        Ok(file) => file?,
        Err(problem) => {
            checked.problems.push(problem);
            return None;
        }
    };
    let parsed = match versions::parse(&file) {
        Ok(parsed) => parsed,
        Err(problem) => {
            checked.problems.push(problem);
            return None;
        }
    };
    let corpus = checked.corpus.as_ref()?;
    checked.problems.extend(versions::check(
        &file,
        &parsed,
        versions::Plan::of_corpus(corpus),
        registry,
    ));
    Some(parsed)
}

/// Parse and check both files; the corpus, or every problem found.
pub fn parse(files: &CorpusFiles) -> Result<Corpus, Problems> {
    check_files(files).into_result()
}

/// A corpus as far as it could be read, and everything wrong with it.
#[derive(Debug)]
pub struct Checked {
    /// The corpus, when both files parsed (even if other checks found problems).
    pub corpus: Option<Corpus>,
    pub problems: Vec<Problem>,
}

impl Checked {
    /// The corpus if nothing is wrong with it, else every problem.
    pub fn into_result(self) -> Result<Corpus, Problems> {
        match self.corpus {
            Some(corpus) if self.problems.is_empty() => Ok(corpus),
            _ => Err(Problems(self.problems)),
        }
    }
}

/// Parse both files and run every check, collecting all problems rather than stopping at
/// the first. A file that does not parse stops the checks that need it, but the other
/// file is still parsed, so a run reports what it can about both.
pub fn check_files(files: &CorpusFiles) -> Checked {
    let plan = yaml::parse_plan(
        &files.plan,
        "a mapping with plan, topics, parties and clauses",
    );
    let sources = yaml::parse::<SourcesFile>(&files.sources, "a mapping with a sources list");
    let (plan, sources) = match (plan, sources) {
        (Ok(plan), Ok(sources)) => (plan, sources),
        (plan, sources) => {
            let mut problems =
                check::check_parsed(files, plan.as_ref().ok(), sources.as_ref().ok());
            let mut unparsed: Vec<Problem> = plan.err().unwrap_or_default();
            unparsed.extend(sources.err());
            unparsed.append(&mut problems);
            return Checked {
                corpus: None,
                problems: unparsed,
            };
        }
    };
    let problems = check::check(files, &plan, &sources);
    let corpus = Corpus::new(plan, sources);
    Checked {
        corpus: Some(corpus),
        problems,
    }
}
