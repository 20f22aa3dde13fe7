//! `peaceplan schema [corpus|output]`: JSON Schema for the corpus files or the outputs.

use std::io::Write;

use super::Context;
use crate::cli::{OutputFormat, SchemaArgs, SchemaKind};
use crate::records::schema;
use crate::render;

pub fn run(args: &SchemaArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    context.require_format(&[OutputFormat::Table, OutputFormat::Json])?;
    context.require_no_fields()?;
    let schema = match args.kind {
        SchemaKind::Corpus => schema::corpus_schema(&context.corpus()?.topics),
        SchemaKind::Output => schema::output_schema(),
    };
    render::write_json(out, &schema)
}
