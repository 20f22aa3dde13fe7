//! `peaceplan report --html FILE`: the clauses the filters keep, as one self-contained
//! HTML page.

use std::io::Write;
use std::path::Path;

use super::Context;
use crate::cli::ReportArgs;
use crate::error::UsageError;
use crate::publish;
use crate::query::ClauseFilter;

pub fn run(args: &ReportArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    // The page is the format: --format has nothing to choose here.
    if context.global.format.is_some() || context.global.json {
        return Err(UsageError(format!(
            "`report` writes one HTML page to its --html FILE; --format {} does not apply \
             (for data, use `peaceplan export`)",
            context.format.name()
        ))
        .into());
    }
    context.require_no_fields()?;
    let corpus = context.corpus()?;
    let clauses = ClauseFilter::new(&args.filter.criteria(), corpus)?.select(corpus);
    if clauses.is_empty() {
        crate::render::note("no clauses match; the report shows none");
    }
    if let Some(why) = publish::html::grid_left_out(clauses.len(), corpus.sources.len()) {
        crate::render::note(&why);
    }
    let page = publish::html::page(corpus, &clauses, env!("CARGO_PKG_VERSION"));
    if args.html == Path::new("-") {
        out.write_all(page.as_bytes())?;
        return Ok(());
    }
    publish::write_atomically(&args.html, page.as_bytes())
}
