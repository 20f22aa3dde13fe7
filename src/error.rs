//! Error kinds and how each becomes an exit status, in one place.
//!
//! Exit 0: success, including an empty result and a closed output pipe.
//! Exit 1: a bad corpus, an archive miss, or an I/O failure.
//! Exit 2: a usage error: a bad flag (clap's own) or a value the corpus does not know.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::text::escape::visible;

/// A command-line value that is well-formed but names nothing in the corpus.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// A failure already reported on stderr; only its exit status remains to be given.
#[derive(Debug, thiserror::Error)]
#[error("{0} problem(s) reported above")]
pub struct AlreadyReported(pub usize);

/// The exit status for a command's outcome, printing the error (if any) on stderr.
pub fn exit_status(result: anyhow::Result<()>) -> ExitCode {
    let Err(error) = result else {
        return ExitCode::SUCCESS;
    };
    if is_broken_pipe(&error) {
        return ExitCode::SUCCESS;
    }
    if error.downcast_ref::<AlreadyReported>().is_some() {
        return ExitCode::from(1);
    }
    let status = if error.downcast_ref::<UsageError>().is_some() {
        2
    } else {
        1
    };
    // If stderr is gone too there is nobody left to tell.
    let message = visible(&error_paragraph(&error));
    let _ = writeln!(io::stderr(), "peaceplan: error: {message}");
    ExitCode::from(status)
}

/// The exit status for arguments that could not be parsed, printing the parser's
/// message (`message`, ending in a newline) on stderr. The message quotes the arguments
/// given, so it is printed with control and reordering characters escaped, like every
/// other message.
pub fn argument_error(message: &str, status: i32) -> ExitCode {
    let _ = write!(io::stderr(), "{}", visible(message));
    ExitCode::from(u8::try_from(status).unwrap_or(2))
}

/// The error and its causes, joined into one paragraph.
fn error_paragraph(error: &anyhow::Error) -> String {
    error
        .chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ")
}

/// Whether the error comes from writing into a pipe whose reader has gone.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|io_error| io_error.kind() == io::ErrorKind::BrokenPipe)
}
