//! `peaceplan compare N…`: the plan's text and every outlet's wording of a clause, side
//! by side, with shared wording and departures.

use std::io::Write;

use super::{Context, emit_text};
use crate::cli::CompareArgs;
use crate::query::{expand_spans, require_clause};
use crate::records::compare::RenderingRecord;
use crate::records::fields_of;
use crate::render;

pub fn run(args: &CompareArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    let clauses = expand_spans(corpus, &args.numbers)?
        .into_iter()
        .map(|number| require_clause(corpus, number))
        .collect::<Result<Vec<_>, _>>()?;
    let records: Vec<RenderingRecord> = clauses
        .into_iter()
        .flat_map(|clause| RenderingRecord::for_clause(corpus, clause))
        .filter(|record| record.reported || !args.reported)
        .collect();
    emit_text(
        context,
        out,
        &records,
        &fields_of::<RenderingRecord>(),
        |records| render::side_by_side(records, context.style),
    )
}
