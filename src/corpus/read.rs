//! Reading the corpus files, built in or from a directory, into checked UTF-8 text.

use std::io::{self, Read};
use std::path::Path;

use super::problem::Problem;

/// The name of the plan file inside a corpus directory.
pub const PLAN_FILE: &str = "plan_28_points.yaml";
/// The name of the sources file inside a corpus directory.
pub const SOURCES_FILE: &str = "sources.yaml";

/// Files larger than this are refused before they are read: no corpus comes near it, and
/// reading one whole would only spend memory on a message that it is not YAML.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One corpus file's text and the name to show for it in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

/// The two files that make a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusFiles {
    pub plan: SourceText,
    pub sources: SourceText,
}

impl CorpusFiles {
    /// The corpus compiled into the binary from `data/`.
    pub fn embedded() -> Self {
        Self {
            plan: SourceText {
                name: format!("data/{PLAN_FILE} (built in)"),
                text: include_str!("../../data/plan_28_points.yaml").to_owned(),
            },
            sources: SourceText {
                name: format!("data/{SOURCES_FILE} (built in)"),
                text: include_str!("../../data/sources.yaml").to_owned(),
            },
        }
    }

    /// Both files from `dir`, or every problem met reading them.
    pub fn read_dir(dir: &Path) -> Result<Self, Vec<Problem>> {
        if !dir.is_dir() {
            let message = if dir.exists() {
                "is not a directory"
            } else {
                "does not exist"
            };
            return Err(vec![Problem::new(&dir.display().to_string(), None, message)
                .with_hint(format!(
                    "--data (or PEACEPLAN_DATA) takes a directory holding {PLAN_FILE} and {SOURCES_FILE}"
                ))]);
        }
        let plan = read_text(&dir.join(PLAN_FILE));
        let sources = read_text(&dir.join(SOURCES_FILE));
        match (plan, sources) {
            (Ok(plan), Ok(sources)) => Ok(Self { plan, sources }),
            (plan, sources) => Err([plan.err(), sources.err()].into_iter().flatten().collect()),
        }
    }
}

/// A file's contents as UTF-8 text, or a problem that says why it cannot be.
pub fn read_text(path: &Path) -> Result<SourceText, Problem> {
    let name = path.display().to_string();
    let bytes = read_bounded(path).map_err(|error| io_problem(&name, path, &error))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        let valid = error.utf8_error().valid_up_to();
        Problem::new(
            &name,
            Some(place_of_byte(bytes, valid)),
            format!(
                "invalid UTF-8: byte 0x{:02x} at offset {valid} is not valid text",
                bytes[valid]
            ),
        )
        .with_hint("corpus files must be UTF-8 text; re-save the file as UTF-8")
    })?;
    Ok(SourceText { name, text })
}

fn read_bounded(path: &Path) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    let mut bytes = Vec::with_capacity(metadata.len().min(MAX_FILE_BYTES) as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("larger than the {} MiB limit", MAX_FILE_BYTES >> 20),
        ));
    }
    Ok(bytes)
}

fn io_problem(name: &str, path: &Path, error: &io::Error) -> Problem {
    let problem = Problem::new(name, None, format!("cannot read: {error}"));
    match error.kind() {
        io::ErrorKind::NotFound => {
            let expected = path.file_name().map_or_else(String::new, |file_name| {
                file_name.to_string_lossy().into_owned()
            });
            problem.with_hint(format!(
                "a corpus directory must hold {PLAN_FILE} and {SOURCES_FILE}; {expected} is missing"
            ))
        }
        io::ErrorKind::PermissionDenied => problem.with_hint("check the file's permissions"),
        io::ErrorKind::IsADirectory => {
            problem.with_hint("expected a YAML file here, found a directory")
        }
        _ => problem,
    }
}

/// 1-based line and column (in characters) of a byte offset into `bytes`.
pub fn place_of_byte(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&byte| byte == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |newline| newline + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}
