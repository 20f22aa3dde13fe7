//! The subcommands, one module each with its own `run`, and the dispatch between them.

mod diff;
mod list;
mod matrix;
mod parties;
mod positions;
mod show;
mod sources;
mod topics;
mod validate;

use std::io::{BufWriter, Write};

use comfy_table::Table;
use serde::Serialize;

use crate::cli::{Cli, Command, GlobalArgs, OutputFormat};
use crate::corpus;
use crate::model::Corpus;
use crate::render::{self, Style};

/// What every command needs besides its own arguments.
pub struct Context<'a> {
    pub global: &'a GlobalArgs,
    pub format: OutputFormat,
    pub style: Style,
}

impl Context<'_> {
    /// The corpus chosen by `--data` (or the built-in one), fully checked.
    pub fn corpus(&self) -> anyhow::Result<Corpus> {
        Ok(corpus::load(self.global.data.as_deref())?)
    }
}

/// Write `records` as one JSON array, or as the table `layout` draws of them.
pub fn emit<T: Serialize>(
    context: &Context,
    out: &mut dyn Write,
    records: &[T],
    layout: impl FnOnce(&[T], Style) -> Table,
) -> anyhow::Result<()> {
    match context.format {
        OutputFormat::Json => render::write_json(out, records),
        OutputFormat::Table => Ok(writeln!(out, "{}", layout(records, context.style))?),
    }
}

/// Run the command `cli` asks for, writing its output to stdout.
pub fn dispatch(cli: &Cli) -> anyhow::Result<()> {
    let context = Context {
        global: &cli.global,
        format: cli.global.output_format(),
        style: Style::detect(&cli.global),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    match &cli.command {
        Command::List(args) => list::run(args, &context, &mut out)?,
        Command::Show(args) => show::run(args, &context, &mut out)?,
        Command::Topics => topics::run(&context, &mut out)?,
        Command::Parties => parties::run(&context, &mut out)?,
        Command::Sources => sources::run(&context, &mut out)?,
        Command::Positions(args) => positions::run(args, &context, &mut out)?,
        Command::Matrix(args) => matrix::run(args, &context, &mut out)?,
        Command::Diff(args) => diff::run(args, &context, &mut out)?,
        Command::Validate(args) => validate::run(args, &context, &mut out)?,
    }
    out.flush()?;
    Ok(())
}
