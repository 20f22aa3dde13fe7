//! `peaceplan search QUERY`: every field of the corpus that matches, with the match.

use std::io::Write;

use super::{Context, emit};
use crate::cli::{OutputFormat, SearchArgs};
use crate::corpus::TEXT_SOURCE_ID;
use crate::query::search::{self, Matcher};
use crate::query::{ClauseFilter, require_known};
use crate::records::fields_of;
use crate::records::search::Hit;
use crate::render;

pub fn run(args: &SearchArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let matcher = Matcher::new(&args.query, args.regex, args.case_sensitive)?;
    let corpus = context.corpus()?;
    let mut known_sources = vec![TEXT_SOURCE_ID];
    known_sources.extend(corpus.source_ids());
    known_sources.extend(
        corpus
            .versions
            .versions
            .iter()
            .filter(|version| !version.is_base())
            .map(|version| version.id.as_str()),
    );
    require_known("--source", &args.source, &known_sources)?;
    let filter = ClauseFilter::new(&args.scope.criteria(), corpus)?;
    let hits = search::search(corpus, &filter, &args.source, &matcher);
    if context.format != OutputFormat::Table {
        return emit(context, out, &hits, &fields_of::<Hit>(), |hits, style| {
            render::search_table(hits, style, &|text| matcher.highlights(text))
        });
    }
    context.require_no_fields()?;
    if hits.is_empty() {
        render::note(&format!("no matches for `{}`", args.query));
        return Ok(());
    }
    let table = render::search_table(&hits, context.style, &|text| matcher.highlights(text));
    writeln!(out, "{table}")?;
    Ok(())
}
