//! `peaceplan schema [corpus|output|sqlite]`: JSON Schema for the corpus files or the
//! outputs, or the SQL schema of the database `export` writes.

use std::io::Write;

use super::Context;
use crate::cli::{OutputFormat, SchemaArgs, SchemaKind};
use crate::publish;
use crate::records::schema;
use crate::render;

pub fn run(args: &SchemaArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    if args.kind == SchemaKind::Sqlite {
        context.require_format(&[OutputFormat::Table, OutputFormat::Sql])?;
        context.require_no_fields()?;
        out.write_all(publish::sql::schema().as_bytes())?;
        return Ok(());
    }
    context.require_format(&[OutputFormat::Table, OutputFormat::Json])?;
    context.require_no_fields()?;
    let schema = match args.kind {
        SchemaKind::Corpus => schema::corpus_schema(&context.corpus()?.topics),
        SchemaKind::Output | SchemaKind::Sqlite => schema::output_schema(),
    };
    render::write_json(out, &schema)
}
