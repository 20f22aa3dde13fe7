//! `peaceplan export`: the whole corpus as one JSON or YAML document.

use std::io::Write;

use super::Context;
use crate::cli::OutputFormat;
use crate::records::ExportRecord;
use crate::render;

pub fn run(context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    // A table cannot hold the whole corpus: no --format means JSON here, and an explicit
    // `--format table` is refused rather than answered with JSON.
    if context.global.format == Some(OutputFormat::Table) {
        Context {
            format: OutputFormat::Table,
            ..*context
        }
        .require_format(&[OutputFormat::Json, OutputFormat::Yaml])?;
    }
    context.require_format(&[OutputFormat::Table, OutputFormat::Json, OutputFormat::Yaml])?;
    context.require_no_fields()?;
    let corpus = context.corpus()?;
    let record = ExportRecord::new(corpus);
    match context.format {
        OutputFormat::Yaml => render::write_yaml(out, &record),
        _ => render::write_json(out, &record),
    }
}
