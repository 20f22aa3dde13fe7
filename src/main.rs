//! The `peaceplan` binary: parse the arguments, dispatch, and turn the outcome into an
//! exit status.

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use peaceplan::cli::{Cli, completion};
use peaceplan::{cmd, error};

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
        Err(usage) => error::argument_error(&usage.render().to_string(), usage.exit_code()),
    }
}
