//! `peaceplan actors`: who took positions, for which party, how often, by which outlets.

use std::io::Write;

use super::{Context, emit};
use crate::cli::{OutputFormat, PositionsArgs};
use crate::query::PositionFilter;
use crate::records::ActorRecord;
use crate::records::fields_of;
use crate::render;

pub fn run(args: &PositionsArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    let filter = PositionFilter::new(&args.criteria(), corpus)?;
    let records = ActorRecord::all(corpus, &filter.select(corpus));
    if records.is_empty() && context.format == OutputFormat::Table {
        render::note("no actors match");
        return Ok(());
    }
    emit(
        context,
        out,
        &records,
        &fields_of::<ActorRecord>(),
        render::actor_table,
    )
}
