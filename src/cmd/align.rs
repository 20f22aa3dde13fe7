//! `peaceplan align ARTICLE`: which clauses a new article reports, its verbatim passages,
//! and the departures it makes from the text.

use std::io::Write;

use super::Context;
use crate::cli::{AlignArgs, OutputFormat};
use crate::query::align::{Aligner, article};
use crate::records::align::ClauseMatch;
use crate::render;

pub fn run(args: &AlignArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    context.require_format(&[OutputFormat::Table, OutputFormat::Json, OutputFormat::Yaml])?;
    context.require_no_fields()?;
    let corpus = context.corpus()?;
    let text = article::read(&args.article)?;
    let aligner = Aligner::new(&corpus, None);
    let matches: Vec<ClauseMatch> = aligner
        .align(&corpus, &text, args.min_score)
        .into_iter()
        .filter(|found| args.all || found.score >= args.min_score)
        .collect();
    match context.format {
        OutputFormat::Json => render::write_json(out, &matches)?,
        OutputFormat::Yaml => {
            let drafts = crate::query::align::draft::reports(&matches, &args.source);
            render::write_yaml(out, &drafts)?;
        }
        _ if matches.is_empty() => render::note(&format!(
            "no clause scores {} or more in {}; --all shows every clause's best score",
            args.min_score,
            args.article.display()
        )),
        _ => write!(out, "{}", render::alignment_text(&matches))?,
    }
    Ok(())
}
