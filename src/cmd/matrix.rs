//! `peaceplan matrix`: a clause × outlet grid of how each outlet rendered each clause.

use std::io::Write;

use super::Context;
use crate::cli::{MatrixArgs, OutputFormat};
use crate::query::ClauseFilter;
use crate::records::MatrixRecord;
use crate::render;

pub fn run(args: &MatrixArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    if args.versions {
        return super::versioned::matrix(args, context, out);
    }
    let corpus = context.corpus()?;
    let filter = ClauseFilter::new(&args.filter.criteria(), &corpus)?;
    let clauses = filter.select(&corpus);
    let record = MatrixRecord::new(&corpus, &clauses);
    match context.format {
        OutputFormat::Json | OutputFormat::Yaml => {
            context.require_no_fields()?;
            if context.format == OutputFormat::Json {
                render::write_json(out, &record)?;
            } else {
                render::write_yaml(out, &record)?;
            }
        }
        OutputFormat::Table if clauses.is_empty() => render::note("no clauses match"),
        OutputFormat::Table => {
            context.require_no_fields()?;
            writeln!(out, "{}", render::matrix_table(&record, context.style))?;
            writeln!(out, "{}", render::matrix_legend(context.style))?;
        }
        OutputFormat::Jsonl | OutputFormat::Csv | OutputFormat::Markdown => {
            write_flat(&record, context, out)?;
        }
    }
    Ok(())
}

/// The grid as flat rows, with the `--fields` chosen.
fn write_flat(record: &MatrixRecord, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let fields = record.flat_fields();
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
    let columns: Vec<String> = picked
        .iter()
        .map(|&index| fields[index].to_owned())
        .collect();
    let rows = record
        .flat_rows()
        .map(|cells| picked.iter().map(|&index| cells[index].clone()).collect());
    render::write_flat_rows(out, context.format, &columns, rows)
}
