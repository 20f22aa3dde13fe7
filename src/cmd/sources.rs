//! `peaceplan sources`: the outlets of the archive and how many clauses each reports.

use std::io::Write;

use super::{Context, emit};
use crate::records::SourceRecord;
use crate::records::fields_of;
use crate::render;

pub fn run(context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    emit(
        context,
        out,
        &SourceRecord::all(corpus),
        &fields_of::<SourceRecord>(),
        render::source_table,
    )
}
