//! Fuzz argument handling: arbitrary argument lists against the built-in corpus. Parsing
//! may fail, a command may report a usage error, but nothing may panic.
#![no_main]

use clap::Parser;
use libfuzzer_sys::fuzz_target;
use peaceplan::cli::Cli;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let args: Vec<&str> = std::iter::once("peaceplan").chain(text.split('\0')).collect();
    // Commands that write files or read other corpora are not for a fuzzer to run.
    if args.iter().any(|arg| {
        arg.contains("synth") || arg.contains("data") || arg.contains("archive") || arg.starts_with('@')
    }) {
        return;
    }
    let Ok(cli) = Cli::try_parse_from(&args) else {
        return;
    };
    let mut sink = std::io::sink();
    let _ = peaceplan::cmd::run(&cli, &mut sink);
});
