//! The subcommands, one module each with its own `run`, and the dispatch between them.

mod actors;
pub mod align;
mod compare;
mod completions;
mod departures;
mod diff;
mod export;
mod lineage;
mod list;
mod man;
mod matrix;
mod parties;
mod positions;
mod report;
mod schema;
mod search;
mod show;
mod sources;
mod synth;
mod topics;
mod validate;
mod versioned;
mod versions;

use std::io::{BufWriter, Write};

use crate::render::Table;
use serde::Serialize;

use crate::cli::{Cli, Command, GlobalArgs, OutputFormat};
use crate::corpus;
use crate::error::UsageError;
use crate::model::Corpus;
use crate::render::{self, StructuredFormat, Style};

/// What every command needs besides its own arguments.
pub struct Context<'a> {
    pub global: &'a GlobalArgs,
    /// The subcommand's name, for messages.
    pub command: &'static str,
    pub format: OutputFormat,
    pub style: Style,
}

/// `corpus`, kept until the process ends, which then need not free it piece by piece (a
/// 100,000-clause corpus took a fifth of a second to free).
pub fn kept(corpus: Corpus) -> &'static Corpus {
    Box::leak(Box::new(corpus))
}

impl Context<'_> {
    /// The corpus chosen by `--data` (or the built-in one), fully checked, [`kept`].
    pub fn corpus(&self) -> anyhow::Result<&'static Corpus> {
        let corpus = corpus::load_cached(self.global.data_dir(), &self.cache())?;
        Ok(kept(corpus))
    }

    /// The cache of large corpora that `--no-cache` and the environment choose.
    pub fn cache(&self) -> corpus::CachePolicy {
        corpus::CachePolicy::from_environment(self.global.no_cache)
    }

    /// A usage error unless the chosen format is one of `supported`.
    pub fn require_format(&self, supported: &[OutputFormat]) -> Result<(), UsageError> {
        if supported.contains(&self.format) {
            return Ok(());
        }
        let names: Vec<&str> = supported.iter().map(|format| format.name()).collect();
        Err(UsageError(format!(
            "`{}` cannot be written as {}; it supports --format {}",
            self.command,
            self.format.name(),
            names.join(", ")
        )))
    }

    /// A usage error if `--fields` was given with a format it does not apply to.
    pub fn require_no_fields(&self) -> Result<(), UsageError> {
        if self.global.fields.is_empty() {
            return Ok(());
        }
        Err(UsageError(format!(
            "--fields does not apply to `{}` with --format {}; it chooses the fields of \
             the listings ({}, and matrix's flat formats) in json, jsonl, csv, markdown or yaml",
            self.command,
            self.format.name(),
            COMMANDS_WITH_FIELDS.join(", ")
        )))
    }
}

/// The commands whose records `--fields` chooses from (with `matrix` in its flat formats).
pub const COMMANDS_WITH_FIELDS: &[&str] = &[
    "list",
    "show",
    "compare",
    "departures",
    "search",
    "positions",
    "actors",
    "versions",
    "topics",
    "parties",
    "sources",
];

/// Write `records` as the table `layout` draws of them, or in the structured format
/// chosen, with the `--fields` chosen from `fields` (every field a record can have).
pub fn emit<T: Serialize>(
    context: &Context,
    out: &mut dyn Write,
    records: &[T],
    fields: &[String],
    layout: impl FnOnce(&[T], Style) -> Table,
) -> anyhow::Result<()> {
    emit_drawn(context, out, records, fields, |out, records| {
        writeln!(out, "{}", layout(records, context.style))?;
        Ok(())
    })
}

/// Write `records` as the text `draw` gives of them all, or in the structured format
/// chosen, as [`emit`] does.
pub fn emit_text<T: Serialize>(
    context: &Context,
    out: &mut dyn Write,
    records: &[T],
    fields: &[String],
    draw: impl FnOnce(&[T]) -> String,
) -> anyhow::Result<()> {
    emit_drawn(context, out, records, fields, |out, records| {
        write!(out, "{}", draw(records))?;
        Ok(())
    })
}

/// Write each record as the text `details` gives of it, a blank line between two, or
/// all of them in the structured format chosen, as [`emit`] does.
pub fn emit_each<T: Serialize>(
    context: &Context,
    out: &mut dyn Write,
    records: &[T],
    fields: &[String],
    details: impl Fn(&T) -> String,
) -> anyhow::Result<()> {
    emit_drawn(context, out, records, fields, |out, records| {
        for (index, record) in records.iter().enumerate() {
            if index > 0 {
                writeln!(out)?;
            }
            write!(out, "{}", details(record))?;
        }
        Ok(())
    })
}

/// Write `records` as `draw` draws them for people, or in the structured format chosen.
fn emit_drawn<T: Serialize>(
    context: &Context,
    out: &mut dyn Write,
    records: &[T],
    fields: &[String],
    draw: impl FnOnce(&mut dyn Write, &[T]) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let Some(format) = context.format.structured() else {
        context.require_no_fields()?;
        return draw(out, records);
    };
    // Whole records as one JSON document need no detour through JSON values (a
    // 100,000-clause list is written in half the time).
    if format == render::StructuredFormat::Json
        && render::chosen_fields(&context.global.fields).is_empty()
    {
        return render::write_json(out, records);
    }
    let values = records
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<Vec<_>, _>>()?;
    emit_values(context, out, format, values, fields)
}

/// Write records already turned into JSON objects in `format`, with the `--fields` chosen.
fn emit_values(
    context: &Context,
    out: &mut dyn Write,
    format: StructuredFormat,
    values: impl IntoIterator<Item = serde_json::Value>,
    fields: &[String],
) -> anyhow::Result<()> {
    let shape = render::RecordShape {
        command: context.command,
        fields,
    };
    let chosen = &render::chosen_fields(&context.global.fields);
    render::check_fields(chosen, &shape)?;
    let columns: Vec<String> = if chosen.is_empty() {
        fields.to_vec()
    } else {
        chosen.clone()
    };
    let records = values
        .into_iter()
        .map(|value| render::project(value, chosen));
    render::write_records(out, format, records, &columns, context.command)
}

/// Write `document` as one JSON or YAML document when either was asked for, and say
/// whether it was; when not, the command draws it in the format chosen.
pub fn emit_document<T: Serialize + ?Sized>(
    context: &Context,
    out: &mut dyn Write,
    document: &T,
) -> anyhow::Result<bool> {
    match context.format {
        OutputFormat::Json => render::write_json(out, document)?,
        OutputFormat::Yaml => render::write_yaml(out, document)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// A usage error for a format only one command writes, given to another: --format sqlite
/// or sql anywhere but `export` (and `schema sqlite`, which prints SQL), since no other
/// command has a database to write; --format jsonld anywhere but `align`, the one command
/// whose results are annotations of a text.
fn refuse_formats_of_one_command(command: &Command, context: &Context) -> Result<(), UsageError> {
    let (allowed, only) = match context.format {
        OutputFormat::Sqlite | OutputFormat::Sql => (
            matches!(command, Command::Export(_) | Command::Schema(_)),
            "only `export` writes the corpus as a database \
             (`peaceplan export --format sqlite FILE`)",
        ),
        OutputFormat::Jsonld => (
            matches!(command, Command::Align(_)),
            "only `align` writes annotations",
        ),
        _ => return Ok(()),
    };
    if allowed {
        return Ok(());
    }
    Err(UsageError(format!(
        "`{}` cannot be written as {}; {only}",
        context.command,
        context.format.name()
    )))
}

/// Run the command `cli` asks for, writing its output to stdout.
pub fn dispatch(cli: &Cli) -> anyhow::Result<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    run(cli, &mut out)?;
    out.flush()?;
    Ok(())
}

/// Run the command `cli` asks for, writing its output to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write) -> anyhow::Result<()> {
    let context = Context {
        global: &cli.global,
        command: cli.command.name(),
        format: cli.global.output_format(),
        style: Style::detect(cli.global.color, cli.global.width),
    };
    refuse_formats_of_one_command(&cli.command, &context)?;
    match &cli.command {
        Command::List(args) => list::run(args, &context, out)?,
        Command::Show(args) => show::run(args, &context, out)?,
        Command::Topics => topics::run(&context, out)?,
        Command::Parties => parties::run(&context, out)?,
        Command::Sources => sources::run(&context, out)?,
        Command::Positions(args) => positions::run(args, &context, out)?,
        Command::Matrix(args) => matrix::run(args, &context, out)?,
        Command::Search(args) => search::run(args, &context, out)?,
        Command::Diff(args) => diff::run(args, &context, out)?,
        Command::Validate(args) => validate::run(args, &context, out)?,
        Command::Export(args) => export::run(args, &context, out)?,
        Command::Report(args) => report::run(args, &context, out)?,
        Command::Schema(args) => schema::run(args, &context, out)?,
        Command::Completions(args) => completions::run(args, &context, out)?,
        Command::Man => man::run(&context, out)?,
        Command::Synth(args) => synth::run(args, &context, out)?,
        Command::Versions => versions::run(&context, out)?,
        Command::Lineage(args) => lineage::run(args, &context, out)?,
        Command::Departures(args) => departures::run(args, &context, out)?,
        Command::Actors(args) => actors::run(args, &context, out)?,
        Command::Compare(args) => compare::run(args, &context, out)?,
        Command::Align(args) => align::run(args, &context, out)?,
    }
    Ok(())
}
