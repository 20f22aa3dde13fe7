//! `peaceplan lineage N|VERSION:N`: a clause of the 28-point plan through every version.

use std::io::Write;

use super::{Context, emit_document};
use crate::cli::{LineageArgs, OutputFormat};
use crate::query::lineage;
use crate::render;

pub fn run(args: &LineageArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    context.require_format(&[OutputFormat::Table, OutputFormat::Json, OutputFormat::Yaml])?;
    context.require_no_fields()?;
    let corpus = context.corpus()?;
    let record = lineage::lineage(corpus, &args.target)?;
    if emit_document(context, out, &record)? {
        return Ok(());
    }
    if record.chains.is_empty() {
        render::note("the point derives from no clause of the 28-point plan");
    }
    write!(out, "{}", render::lineage_text(&record, context.style))?;
    Ok(())
}
