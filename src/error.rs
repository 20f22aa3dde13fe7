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
    let _ = writeln!(
        io::stderr(),
        "peaceplan: error: {}",
        visible(&one_paragraph(message))
    );
    ExitCode::from(u8::try_from(status).unwrap_or(2))
}

/// The argument parser's message (`error: …`, a `tip:`, `Usage: …`, `For more
/// information, try '--help'.` on lines of their own) as one paragraph in the tool's own
/// style, so that every error reads alike.
pub fn one_paragraph(message: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for line in message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        let part = if let Some(rest) = line.strip_prefix("error: ") {
            rest.to_owned()
        } else if let Some(rest) = line.strip_prefix("tip: ") {
            rest.to_owned()
        } else if let Some(rest) = line.strip_prefix("Usage: ") {
            format!("usage: {rest}")
        } else if line.starts_with("For more information") {
            "more with --help".to_owned()
        } else if let Some(last) = parts.last_mut() {
            // A continuation, such as the arguments a "not provided" line lists.
            last.push(' ');
            last.push_str(line);
            continue;
        } else {
            line.to_owned()
        };
        parts.push(part);
    }
    parts.join("; ")
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

#[cfg(test)]
mod tests {
    use super::one_paragraph;

    #[test]
    fn the_parsers_message_becomes_one_paragraph() {
        let message = "error: the following required arguments were not provided:\n  <N|N-M>...\n\nUsage: peaceplan show <N|N-M>...\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_paragraph(message),
            "the following required arguments were not provided: <N|N-M>...; usage: peaceplan show <N|N-M>...; more with --help"
        );
        let message = "error: unrecognized subcommand 'lst'\n\n  tip: some similar subcommands exist: 'ls', 'list'\n\nUsage: peaceplan [OPTIONS] <COMMAND>\n";
        assert_eq!(
            one_paragraph(message),
            "unrecognized subcommand 'lst'; some similar subcommands exist: 'ls', 'list'; usage: peaceplan [OPTIONS] <COMMAND>"
        );
    }
}
