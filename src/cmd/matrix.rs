//! `peaceplan matrix`: a clause × outlet grid of how each outlet rendered each clause.

use std::io::Write;

use super::{Context, emit_document};
use crate::cli::MatrixArgs;
use crate::error::UsageError;
use crate::query::ClauseFilter;
use crate::records::MatrixRecord;
use crate::render::{self, FlatFormat};

/// The most outlets the table draws a column for: no terminal shows more, and drawing
/// tens of thousands of columns takes gigabytes; the flat formats take any number.
const MAX_TABLE_OUTLETS: usize = 200;

/// The most cells a grid drawn as a table may have. Each one is a cell of the table
/// library, which draws a million in about a second and holds them all: 100,000 clauses
/// by 200 outlets took 24 s and 2.3 GB for a table no screen shows.
const MAX_TABLE_CELLS: usize = 2_000_000;

pub fn run(args: &MatrixArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    if args.versions {
        return super::versioned::matrix(args, context, out);
    }
    let corpus = context.corpus()?;
    let filter = ClauseFilter::new(&args.filter.criteria(), corpus)?;
    let clauses = filter.select(corpus);
    let record = MatrixRecord::new(corpus, &clauses);
    if let Some(flat) = context.format.flat() {
        return write_flat(&record, flat, context, out);
    }
    context.require_no_fields()?;
    if emit_document(context, out, &record)? {
        return Ok(());
    }
    if clauses.is_empty() {
        render::note("no clauses match");
        return Ok(());
    }
    if record.sources.len() > MAX_TABLE_OUTLETS {
        return Err(UsageError(format!(
            "the grid has {} outlets, more than the {MAX_TABLE_OUTLETS} a table can show; write it with --format csv, jsonl or json",
            record.sources.len()
        ))
        .into());
    }
    let cells = record.sources.len() * clauses.len();
    if cells > MAX_TABLE_CELLS {
        return Err(UsageError(format!(
            "the grid has {cells} cells ({} clauses by {} outlets), more than the \
             {MAX_TABLE_CELLS} a table can show; write it with --format csv, jsonl or json, \
             or narrow it with --source, --topic or --party",
            clauses.len(),
            record.sources.len()
        ))
        .into());
    }
    let table = render::matrix_table(&record, context.style).to_string();
    let widest = table
        .lines()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0);
    if widest > usize::from(context.style.width) {
        // Drawn anyway (a pager with -S scrolls it), with a word on what fits.
        render::note(&format!(
            "the grid of {} outlets is {widest} columns wide, wider than the {} it was \
             asked to fit; --source keeps fewer outlets, --format csv writes it flat",
            record.sources.len(),
            context.style.width
        ));
    }
    writeln!(out, "{table}")?;
    if let Some(key) = render::matrix_columns_key(&record, context.style) {
        writeln!(out, "{key}")?;
    }
    writeln!(out, "{}", render::matrix_legend(context.style))?;
    Ok(())
}

/// The grid as flat rows, with the `--fields` chosen.
fn write_flat(
    record: &MatrixRecord,
    format: FlatFormat,
    context: &Context,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let fields: Vec<String> = record
        .flat_fields()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let shape = render::RecordShape {
        command: context.command,
        fields: &fields,
    };
    let chosen = &render::chosen_fields(&context.global.fields);
    render::check_fields(chosen, &shape)?;
    let picked: Vec<usize> = if chosen.is_empty() {
        (0..fields.len()).collect()
    } else {
        chosen
            .iter()
            .filter_map(|name| fields.iter().position(|field| field == name))
            .collect()
    };
    let columns: Vec<String> = picked.iter().map(|&index| fields[index].clone()).collect();
    let rows = record
        .flat_rows()
        .map(|cells| picked.iter().map(|&index| cells[index].clone()).collect());
    render::write_flat_rows(out, format, &columns, rows)
}
