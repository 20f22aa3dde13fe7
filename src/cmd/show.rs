//! `peaceplan show N…`: everything about the named clauses, with each outlet's report.

use std::io::Write;

use super::{Context, emit_values};
use crate::cli::{OutputFormat, ShowArgs};
use crate::query::{expand_spans, require_clause};
use crate::records::ClauseDetail;
use crate::render;

pub fn run(args: &ShowArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    if let Some(version) = &args.version {
        return super::versioned::show(args, version, context, out);
    }
    let corpus = context.corpus()?;
    let clauses = expand_spans(&corpus, &args.numbers)?
        .into_iter()
        .map(|number| require_clause(&corpus, number))
        .collect::<Result<Vec<_>, _>>()?;
    let details: Vec<ClauseDetail> = clauses
        .into_iter()
        .map(|clause| ClauseDetail::new(&corpus, clause))
        .collect();
    match context.format {
        OutputFormat::Table => {
            context.require_no_fields()?;
            for (index, detail) in details.iter().enumerate() {
                if index > 0 {
                    writeln!(out)?;
                }
                let text = render::clause_details(&corpus, detail, context.style);
                write!(out, "{text}")?;
            }
        }
        _ => {
            let values = details
                .iter()
                .map(serde_json::to_value)
                .collect::<Result<Vec<_>, _>>()?;
            emit_values(context, out, values, ClauseDetail::FIELDS)?;
        }
    }
    Ok(())
}
