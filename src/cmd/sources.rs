//! `peaceplan sources`: the outlets of the archive and how many clauses each reports.

use std::io::Write;

use super::{Context, emit};
use crate::records::SourceRecord;
use crate::render;

pub fn run(context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    emit(
        context,
        out,
        &SourceRecord::all(&corpus),
        SourceRecord::FIELDS,
        render::source_table,
    )
}
