//! `peaceplan show N…`: everything about the named clauses, with each outlet's report.

use std::io::Write;

use super::{Context, emit_each};
use crate::cli::ShowArgs;
use crate::query::{expand_spans, require_clause};
use crate::records::ClauseDetail;
use crate::records::fields_of;
use crate::render;

pub fn run(args: &ShowArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    if let Some(version) = args.plan_version() {
        return super::versioned::show(args, version, context, out);
    }
    let corpus = context.corpus()?;
    let clauses = expand_spans(corpus, &args.numbers)?
        .into_iter()
        .map(|number| require_clause(corpus, number))
        .collect::<Result<Vec<_>, _>>()?;
    let details: Vec<ClauseDetail> = clauses
        .into_iter()
        .map(|clause| ClauseDetail::new(corpus, clause))
        .collect();
    emit_each(
        context,
        out,
        &details,
        &fields_of::<ClauseDetail>(),
        |detail| render::clause_details(corpus, detail, context.style),
    )
}
