//! `peaceplan matrix`: a clause × outlet grid of how each outlet rendered each clause.

use std::io::Write;

use super::{Context, emit_values};
use crate::cli::{MatrixArgs, OutputFormat};
use crate::query::ClauseFilter;
use crate::records::MatrixRecord;
use crate::render;

pub fn run(args: &MatrixArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    let filter = ClauseFilter::from_args(&args.filter, &corpus)?;
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
            writeln!(out, "{}", render::matrix_legend())?;
        }
        OutputFormat::Jsonl | OutputFormat::Csv | OutputFormat::Markdown => {
            emit_values(context, out, record.flat_rows(), &record.flat_fields())?;
        }
    }
    Ok(())
}
