//! The `peaceplan` binary: parse the arguments, dispatch, and turn the outcome into an
//! exit status.

use std::io::Write;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};
use peaceplan::cli::{Cli, completion};
use peaceplan::{cmd, error};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // With COMPLETE set (`source <(COMPLETE=bash peaceplan)`), print the shell's dynamic
    // completion script or the candidates for the word being completed, and exit.
    let mut stdout = std::io::stdout().lock();
    if let Some(completed) = completion::respond_to_shell(Cli::command, &mut stdout) {
        return error::exit_status(completed.and_then(|()| Ok(stdout.flush()?)));
    }
    drop(stdout);
    match Cli::try_parse() {
        Ok(cli) => error::exit_status(cmd::dispatch(&cli)),
        // --help and --version: the tool's own text on stdout, whose write is checked
        // like any command's output.
        Err(usage) if !usage.use_stderr() => error::exit_status(usage.print().map_err(Into::into)),
        // `peaceplan` alone: the help, as clap gives it, on stderr (if stderr is gone
        // too there is nobody left to tell), and the usage-error status.
        Err(usage) if usage.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = usage.print();
            ExitCode::from(2)
        }
        Err(usage) => error::argument_error(&unstyled_message(&usage), usage.exit_code()),
    }
}

/// The parser's message for `usage` as plain text that keeps the arguments as given:
/// rendered without styling, so that an escape sequence in an argument reaches
/// `argument_error` (which shows it escaped) instead of being stripped with the styling.
fn unstyled_message(usage: &clap::Error) -> String {
    let plain = Cli::command()
        .styles(clap::builder::Styles::plain())
        .try_get_matches_from(std::env::args_os());
    match plain {
        Err(again) if again.kind() == usage.kind() => again.render().ansi().to_string(),
        _ => usage.render().to_string(),
    }
}
