//! The `peaceplan` binary: parse the arguments, dispatch, and turn the outcome into an
//! exit status.

use std::process::ExitCode;

use clap::Parser;
use peaceplan::{cli::Cli, cmd, error};

fn main() -> ExitCode {
    let cli = Cli::parse();
    error::exit_status(cmd::dispatch(&cli))
}
