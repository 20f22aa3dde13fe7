//! `peaceplan versions`: the versions of the plan in date order, with their status,
//! number of points and sources.

use std::io::Write;

use super::{Context, emit_text};
use crate::query::lineage::VersionView;
use crate::records::fields_of;
use crate::records::versions::VersionRecord;
use crate::render;

pub fn run(context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    let records: Vec<VersionRecord> = VersionView::all(corpus)
        .iter()
        .map(VersionView::record)
        .collect();
    emit_text(
        context,
        out,
        &records,
        &fields_of::<VersionRecord>(),
        |records| render::version_text(records, context.style),
    )
}
