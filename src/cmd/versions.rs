//! `peaceplan versions`: the versions of the plan in date order, with their status,
//! number of points and sources.

use std::io::Write;

use super::{Context, emit};
use crate::query::lineage::VersionView;
use crate::records::fields_of;
use crate::records::versions::VersionRecord;
use crate::render;

pub fn run(context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    let records: Vec<VersionRecord> = VersionView::all(&corpus)
        .iter()
        .map(VersionView::record)
        .collect();
    emit(
        context,
        out,
        &records,
        &fields_of::<VersionRecord>(),
        render::version_table,
    )
}
