//! `peaceplan list`: one row per clause, filtered by topic, party, source, text or number.

use std::io::Write;

use rayon::prelude::*;

use super::{Context, emit};
use crate::cli::{ListArgs, OutputFormat};
use crate::model::Clause;
use crate::query::ClauseFilter;
use crate::records::ClauseRecord;
use crate::records::fields_of;
use crate::render;

pub fn run(args: &ListArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    if let Some(version) = args.plan_version() {
        return super::versioned::list(args, version, context, out);
    }
    let corpus = context.corpus()?;
    let filter = ClauseFilter::new(&args.filter.criteria(), corpus)?;
    let selected = filter.select(corpus);
    let record = |clause: &&'static Clause| ClauseRecord::new(corpus, clause);
    let records: Vec<ClauseRecord> = if selected.len() < render::PARALLEL_FROM_ROWS {
        selected.iter().map(record).collect()
    } else {
        selected.par_iter().map(record).collect()
    };
    if records.is_empty() && context.format == OutputFormat::Table {
        render::note("no clauses match");
        return Ok(());
    }
    emit(
        context,
        out,
        &records,
        &fields_of::<ClauseRecord>(),
        render::clause_table,
    )
}
