//! The `peaceplan` binary: parse the arguments, dispatch, and turn the outcome into an
//! exit status.

use std::process::ExitCode;

use clap::Parser;
use peaceplan::{cli::Cli, cmd, error};

fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(cli) => error::exit_status(cmd::dispatch(&cli)),
        Err(usage) => error::argument_error(usage),
    }
}
