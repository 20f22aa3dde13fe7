//! Reading the corpus files, built in or from a directory, into checked UTF-8 text.

use std::io::{self, Read};
use std::path::Path;

use super::problem::Problem;

/// The name of the plan file inside a corpus directory.
pub const PLAN_FILE: &str = "plan_28_points.yaml";
/// The name of the sources file inside a corpus directory.
pub const SOURCES_FILE: &str = "sources.yaml";

/// Files larger than this are refused before they are read. A plan file written as a
/// block list of clauses is parsed a batch at a time, in about four times its size (a
/// 100,000-clause plan is about 170 MB); see `limits::MAX_WHOLE_PARSE_BYTES` for files
/// parsed whole.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// How much of a file is read and checked for text before the rest is read, so that a
/// binary file is refused without being read whole.
const PROBE_BYTES: usize = 64 * 1024;

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

    /// Both files from bytes in memory (named as if in `dir`), checked as when read.
    pub fn from_bytes(plan: Vec<u8>, sources: Vec<u8>) -> Result<Self, Vec<Problem>> {
        let plan = text_from_bytes(PLAN_FILE, plan);
        let sources = text_from_bytes(SOURCES_FILE, sources);
        match (plan, sources) {
            (Ok(plan), Ok(sources)) => Ok(Self {
                plan: SourceText {
                    name: PLAN_FILE.to_owned(),
                    text: plan,
                },
                sources: SourceText {
                    name: SOURCES_FILE.to_owned(),
                    text: sources,
                },
            }),
            (plan, sources) => Err([plan.err(), sources.err()].into_iter().flatten().collect()),
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
    let io_error = |error: io::Error| io_problem(&name, path, &error);
    let (mut file, size) = open_regular(path).map_err(io_error)?;
    let mut bytes = Vec::with_capacity(PROBE_BYTES.min(size as usize));
    (&mut file)
        .take(PROBE_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    // A binary file fails here, after one small read; a sequence cut at the probe's
    // end is finished by the full check below.
    if let Err(error) = std::str::from_utf8(&bytes)
        && error.error_len().is_some()
    {
        return Err(not_utf8(&name, &bytes, error.valid_up_to()));
    }
    bytes.reserve((size as usize).saturating_sub(bytes.len()));
    file.take(MAX_FILE_BYTES)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    let text = text_from_bytes(&name, bytes)?;
    Ok(SourceText { name, text })
}

/// `bytes` as the text of a corpus file named `name`: UTF-8 without the control
/// characters YAML forbids, or a problem located at the first offending byte.
pub fn text_from_bytes(name: &str, bytes: Vec<u8>) -> Result<String, Problem> {
    let mut text = String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        not_utf8(name, error.as_bytes(), valid)
    })?;
    // A byte-order mark is allowed before the text and is not part of it.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    // Control characters are single bytes, so a byte scan finds them fastest.
    if let Some(offset) = text.bytes().position(is_forbidden_control) {
        let character = char::from(text.as_bytes()[offset]);
        return Err(Problem::new(
            name,
            Some(place_of_byte(text.as_bytes(), offset)),
            format!(
                "control character U+{:04X} is not allowed in a YAML file",
                u32::from(character)
            ),
        )
        .with_hint("remove it; only tab, line feed and carriage return may appear"));
    }
    Ok(text)
}

/// Control characters YAML does not allow (all C0 controls but tab, LF and CR, and DEL).
fn is_forbidden_control(byte: u8) -> bool {
    byte.is_ascii_control() && !matches!(byte, b'\t' | b'\n' | b'\r')
}

fn not_utf8(name: &str, bytes: &[u8], valid: usize) -> Problem {
    Problem::new(
        name,
        Some(place_of_byte(bytes, valid)),
        format!(
            "invalid UTF-8: byte 0x{:02x} at offset {valid} is not valid text",
            bytes[valid]
        ),
    )
    .with_hint("corpus files must be UTF-8 text; re-save the file as UTF-8")
}

/// The file opened for reading and its size, if it is a regular file within the size
/// limit. A FIFO or device is refused before it is opened, since opening or reading one
/// could block forever.
pub(super) fn open_regular(path: &Path) -> io::Result<(std::fs::File, u64)> {
    let metadata = std::fs::metadata(path)?;
    if metadata.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    if !metadata.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is not a regular file (a FIFO, socket or device)",
        ));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!(
                "is {} MiB, larger than the {} MiB limit",
                metadata.len() >> 20,
                MAX_FILE_BYTES >> 20
            ),
        ));
    }
    Ok((std::fs::File::open(path)?, metadata.len()))
}

fn io_problem(name: &str, path: &Path, error: &io::Error) -> Problem {
    let problem = Problem::new(name, None, format!("cannot read: {error}"));
    match error.kind() {
        // A symbolic link that points nowhere is there but cannot be read.
        io::ErrorKind::NotFound if std::fs::symlink_metadata(path).is_ok() => problem
            .with_hint("it is a symbolic link to a file that does not exist; point it at the file or remove it"),
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
        io::ErrorKind::InvalidInput => problem.with_hint("point --data at ordinary files"),
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
