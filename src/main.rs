//! The `peaceplan` binary: parse the arguments, dispatch, and turn the outcome into an
//! exit status.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use peaceplan::{cli::Cli, cmd, error};

fn main() -> ExitCode {
    // With COMPLETE set (`source <(COMPLETE=bash peaceplan)`), print the shell's dynamic
    // completion script or the candidates for the word being completed, and exit.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    match Cli::try_parse() {
        Ok(cli) => error::exit_status(cmd::dispatch(&cli)),
        // --help and --version: the tool's own text on stdout, whose write is checked
        // like any command's output.
        Err(usage) if !usage.use_stderr() => error::exit_status(usage.print().map_err(Into::into)),
        Err(usage) => error::argument_error(&usage.render().to_string(), usage.exit_code()),
    }
}
