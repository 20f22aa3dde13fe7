//! `peaceplan positions`: who took what position, on which clause, as which outlet reported.

use std::io::Write;

use super::{Context, emit};
use crate::cli::{OutputFormat, PositionsArgs};
use crate::query::PositionFilter;
use crate::records::PositionRecord;
use crate::records::fields_of;
use crate::render;

pub fn run(args: &PositionsArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    let filter = PositionFilter::new(&args.criteria(), corpus)?;
    let records: Vec<PositionRecord> = filter
        .select(corpus)
        .iter()
        .map(PositionRecord::new)
        .collect();
    if records.is_empty() && context.format == OutputFormat::Table {
        render::note("no positions match");
        return Ok(());
    }
    emit(
        context,
        out,
        &records,
        &fields_of::<PositionRecord>(),
        render::position_table,
    )
}
