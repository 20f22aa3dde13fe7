//! Values for shell completion, from the corpus: topics, parties, sources, actors and
//! clause numbers. clap_complete's dynamic completion (`COMPLETE=bash peaceplan`) calls
//! these; the corpus is the one in PEACEPLAN_DATA, or the built-in one. A corpus that
//! does not load gives no candidates, never an error on the user's prompt.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap_complete::CompletionCandidate;
use clap_complete::env::Shells;

use crate::corpus;
use crate::error::UsageError;
use crate::model::Corpus;
use crate::query::all_positions;
use crate::text::escape::visible;

/// Topic ids, with their labels as help.
pub fn topics() -> Vec<CompletionCandidate> {
    with_corpus(|corpus| {
        corpus
            .topics
            .iter()
            .map(|topic| {
                CompletionCandidate::new(for_the_shell(&topic.id))
                    .help(Some(for_the_shell(&topic.label).into()))
            })
            .collect()
    })
}

/// Party ids, with their labels as help.
pub fn parties() -> Vec<CompletionCandidate> {
    with_corpus(|corpus| {
        corpus
            .parties
            .iter()
            .map(|party| {
                CompletionCandidate::new(for_the_shell(&party.id))
                    .help(Some(for_the_shell(&party.label).into()))
            })
            .collect()
    })
}

/// Source ids, with the outlet's name as help.
pub fn sources() -> Vec<CompletionCandidate> {
    with_corpus(|corpus| {
        corpus
            .sources
            .iter()
            .map(|source| {
                CompletionCandidate::new(for_the_shell(&source.id))
                    .help(Some(for_the_shell(&source.name).into()))
            })
            .collect()
    })
}

/// Every actor whose position an outlet reported, once each.
pub fn actors() -> Vec<CompletionCandidate> {
    with_corpus(|corpus| {
        let actors: BTreeSet<&str> = all_positions(corpus)
            .iter()
            .map(|reported| reported.position.actor.as_str())
            .collect();
        actors
            .into_iter()
            .map(|actor| CompletionCandidate::new(for_the_shell(actor)))
            .collect()
    })
}

/// Clause numbers, with the clause's title as help.
pub fn clauses() -> Vec<CompletionCandidate> {
    with_corpus(|corpus| {
        corpus
            .clauses
            .iter()
            .map(|clause| {
                CompletionCandidate::new(clause.number.to_string())
                    .help(Some(for_the_shell(&clause.title).into()))
            })
            .collect()
    })
}

/// `candidates` of the corpus completion reads, or none when it does not load.
fn with_corpus(
    candidates: impl Fn(&Corpus) -> Vec<CompletionCandidate>,
) -> Vec<CompletionCandidate> {
    let dir = std::env::var_os("PEACEPLAN_DATA")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from);
    match corpus::load(dir.as_deref()) {
        Ok(corpus) => candidates(&corpus),
        Err(_) => Vec::new(),
    }
}

/// With `COMPLETE` set to a shell (`source <(COMPLETE=bash peaceplan)`), write that shell's
/// completion script, or the candidates for the words after `--`, to `out`, and say so;
/// `None` when `COMPLETE` is unset, empty or `0` (a normal run). clap_complete does the
/// shell's part; the write is the tool's own, so that a closed pipe or a full disk ends as
/// they do for every command (0 quietly, 1 with a message) and not as clap's exit 2.
pub fn respond_to_shell(
    command: impl FnOnce() -> clap::Command,
    out: &mut dyn Write,
) -> Option<anyhow::Result<()>> {
    let shell_name =
        std::env::var_os(COMPLETE_VAR).filter(|name| !name.is_empty() && name != "0")?;
    Some(write_completion(command(), &shell_name, out))
}

/// The environment variable that asks for completion.
const COMPLETE_VAR: &str = "COMPLETE";

fn write_completion(
    mut command: clap::Command,
    shell_name: &std::ffi::OsStr,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let shells = Shells::builtins();
    let name = Path::new(shell_name)
        .file_stem()
        .unwrap_or(shell_name)
        .to_string_lossy()
        .into_owned();
    let Some(shell) = shells.completer(&name) else {
        let known: Vec<String> = shells.names().map(|name| format!("`{name}`")).collect();
        return Err(UsageError(format!(
            "unknown shell `{}` in {COMPLETE_VAR}, expected one of {}",
            visible(&name),
            known.join(", ")
        ))
        .into());
    };
    command.build();
    let mut args: Vec<OsString> = std::env::args_os().collect();
    let program = if args.is_empty() {
        OsString::from(command.get_name())
    } else {
        args.remove(0)
    };
    let words_from = args
        .iter()
        .position(|arg| arg == "--")
        .map_or(args.len(), |at| at + 1);
    let words: Vec<OsString> = args.drain(words_from..).collect();
    let mut buffer = Vec::new();
    if words.is_empty() {
        let bin = command
            .get_bin_name()
            .unwrap_or(command.get_name())
            .to_owned();
        let program = program_path(program);
        shell.write_registration(
            COMPLETE_VAR,
            command.get_name(),
            &bin,
            &program,
            &mut buffer,
        )?;
    } else {
        let current_dir = std::env::current_dir().ok();
        shell.write_complete(&mut command, words, current_dir.as_deref(), &mut buffer)?;
    }
    out.write_all(&buffer)?;
    Ok(())
}

/// The program as the registration script should call it: a relative path made absolute.
fn program_path(program: OsString) -> String {
    let mut path = PathBuf::from(program);
    if path.components().count() > 1
        && let Ok(current_dir) = std::env::current_dir()
    {
        path = current_dir.join(path);
    }
    path.to_string_lossy().into_owned()
}

/// Text a shell shows or inserts: escaped as every output is, and on one line, since a
/// tab, carriage return or newline would break the shells' `value<TAB>help` protocols.
fn for_the_shell(text: &str) -> String {
    visible(text).replace(['\n', '\t', '\r'], " ")
}
