//! `peaceplan compare N…`: the plan's text and every outlet's wording of a clause, side
//! by side, with shared wording and departures.

use std::io::Write;

use super::{Context, emit};
use crate::cli::{CompareArgs, OutputFormat};
use crate::query::{expand_spans, require_clause};
use crate::records::compare::RenderingRecord;
use crate::render;

pub fn run(args: &CompareArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    let clauses = expand_spans(&corpus, &args.numbers)?
        .into_iter()
        .map(|number| require_clause(&corpus, number))
        .collect::<Result<Vec<_>, _>>()?;
    let records: Vec<RenderingRecord> = clauses
        .into_iter()
        .flat_map(|clause| RenderingRecord::for_clause(&corpus, clause))
        .filter(|record| record.reported || !args.reported)
        .collect();
    if context.format == OutputFormat::Table {
        context.require_no_fields()?;
        write!(out, "{}", render::side_by_side(&records, context.style))?;
        return Ok(());
    }
    emit(context, out, &records, RenderingRecord::FIELDS, |_, _| {
        unreachable!("tables are drawn above")
    })
}
