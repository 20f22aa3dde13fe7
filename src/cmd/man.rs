//! `peaceplan man`: the manual page in roff. clap_mangen renders the sections it knows
//! (name, synopsis, description, options); the commands with their filters, the exit
//! status, the environment and examples are added here with `roff`, so the page names no
//! other page that does not exist.

use std::io::Write;

use clap::CommandFactory;
use clap_mangen::Man;
use roff::{Roff, bold, roman};

use super::Context;
use crate::cli::{Cli, OutputFormat};

/// Exit statuses and what they mean; kept in step with src/error.rs.
const EXIT_STATUSES: &[(&str, &str)] = &[
    (
        "0",
        "Success, including a query that matches nothing and output cut short by a closed pipe.",
    ),
    (
        "1",
        "A bad corpus (malformed YAML, unknown ids, a failed check), an archive miss in \
         validate --archive, or a file that cannot be read or written.",
    ),
    (
        "2",
        "A usage error: an unknown command or option, a bad value, or a format the command \
         does not write.",
    ),
];

/// Environment variables the program reads.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "PEACEPLAN_DATA",
        "Directory of the corpus (plan_28_points.yaml and sources.yaml), as --data. \
         Empty means the built-in corpus.",
    ),
    (
        "NO_COLOR",
        "When set to a value other than empty or 0, --color auto never colours.",
    ),
    (
        "CLICOLOR_FORCE",
        "When set to a value other than 0, --color auto colours even when stdout is not a terminal.",
    ),
    (
        "COLUMNS",
        "Width to wrap tables to when --width is not given and the terminal's width is \
         unknown (stdout is not a terminal).",
    ),
    (
        "COMPLETE",
        "Set to a shell (bash, zsh, fish, elvish, powershell) to print the completion \
         script that offers the corpus's topics, parties, sources, actors and clause \
         numbers, as in: source <(COMPLETE=bash peaceplan).",
    ),
];

pub fn run(context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    context.require_format(&[OutputFormat::Table])?;
    context.require_no_fields()?;
    let mut page = Vec::new();
    render_page(&mut page)?;
    out.write_all(escape_non_ascii(&String::from_utf8(page)?).as_bytes())?;
    Ok(())
}

/// The whole page, as roff that may still hold non-ASCII characters.
fn render_page(page: &mut Vec<u8>) -> std::io::Result<()> {
    let mut command = Cli::command();
    command.build();
    let man = Man::new(command.clone());
    man.render_title(page)?;
    man.render_name_section(page)?;
    man.render_synopsis_section(page)?;
    man.render_description_section(page)?;
    man.render_options_section(page)?;
    render_commands_section(&command, page)?;
    render_definitions_section("EXIT STATUS", EXIT_STATUSES, page)?;
    render_definitions_section("ENVIRONMENT", ENVIRONMENT, page)?;
    render_examples_section(&command, page)?;
    man.render_version_section(page)
}

/// COMMANDS: every subcommand with what it does and its own options (the filters).
fn render_commands_section(command: &clap::Command, page: &mut Vec<u8>) -> std::io::Result<()> {
    Roff::new().control("SH", ["COMMANDS"]).to_writer(page)?;
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
    {
        let mut heading = Roff::new();
        heading.control("SS", [format!("peaceplan {}", sub.get_name()).as_str()]);
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            heading.text([roman(about.to_string())]);
        }
        heading.to_writer(page)?;
        let local = sub.clone().mut_args(|arg| {
            let hidden = arg.is_global_set() || arg.get_id() == "help";
            arg.hide(hidden)
        });
        if local.get_arguments().any(|arg| !arg.is_hide_set()) {
            let mut options = Vec::new();
            Man::new(local).render_options_section(&mut options)?;
            page.extend_from_slice(demote_headings(&String::from_utf8_lossy(&options)).as_bytes());
        }
    }
    Ok(())
}

/// A command's options rendered as a page of their own, fitted into its subsection:
/// clap_mangen's `.SH OPTIONS` dropped, and each help heading (`.SH FILTERS`) made a
/// bold paragraph rather than a section of the whole page.
fn demote_headings(options: &str) -> String {
    let mut fitted = String::with_capacity(options.len());
    for line in options.lines() {
        match line.strip_prefix(".SH ") {
            Some("OPTIONS") => continue,
            Some(heading) => fitted.push_str(&format!(".PP\n.B {heading}\n")),
            None => {
                fitted.push_str(line);
                fitted.push('\n');
            }
        }
    }
    fitted
}

/// A section of tagged paragraphs, one per (term, meaning).
fn render_definitions_section(
    title: &str,
    definitions: &[(&str, &str)],
    page: &mut Vec<u8>,
) -> std::io::Result<()> {
    let mut roff = Roff::new();
    roff.control("SH", [title]);
    for (term, meaning) in definitions {
        roff.control("TP", [])
            .text([bold(*term)])
            .text([roman(*meaning)]);
    }
    roff.to_writer(page)
}

/// EXAMPLES: the command lines of `--help`'s epilogue, one per line.
fn render_examples_section(command: &clap::Command, page: &mut Vec<u8>) -> std::io::Result<()> {
    let Some(after_help) = command.get_after_help() else {
        return Ok(());
    };
    let mut roff = Roff::new();
    roff.control("SH", ["EXAMPLES"]);
    for line in after_help.to_string().lines().map(str::trim) {
        if !line.is_empty() && !line.ends_with(':') {
            roff.control("PP", []).text([bold(line)]);
        }
    }
    roff.to_writer(page)
}

/// Non-ASCII characters as groff's `\[uXXXX]` escapes, so the page renders the same
/// whatever input encoding `man` or `groff` assume.
fn escape_non_ascii(roff: &str) -> String {
    let mut escaped = String::with_capacity(roff.len());
    for character in roff.chars() {
        if character.is_ascii() {
            escaped.push(character);
        } else {
            escaped.push_str(&format!("\\[u{:04X}]", u32::from(character)));
        }
    }
    escaped
}
