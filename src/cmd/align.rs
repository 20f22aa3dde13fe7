//! `peaceplan align ARTICLE`: which clauses a new article reports, its verbatim passages,
//! and the departures it makes from the text.

use std::io::Write;

use super::Context;
use crate::cli::Style;
use crate::cli::{AlignArgs, OutputFormat};
use crate::model::Corpus;
use crate::query::align::subject::Subject;
use crate::query::align::{ANCHOR_SCORE, Aligner, article};
use crate::records::FlatCell;
use crate::records::align::{ClauseMatch, FLAT_COLUMNS, flat_rows};
use crate::records::annotations::{Article, annotation_page};
use crate::render;

/// The formats `align` writes.
pub const FORMATS: &[OutputFormat] = &[
    OutputFormat::Table,
    OutputFormat::Json,
    OutputFormat::Yaml,
    OutputFormat::Jsonld,
    OutputFormat::Markdown,
    OutputFormat::Csv,
];

pub fn run(args: &AlignArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    context.require_format(FORMATS)?;
    context.require_no_fields()?;
    let corpus = context.corpus()?;
    let text = article::read(&args.article)?;
    let aligner = Aligner::new(corpus, None);
    // Told to people only, as "no clause scores …" is: a script reads an empty result.
    let subject = aligner.subject(&text);
    let off_subject = subject.reason();
    if context.format == OutputFormat::Table
        && let Some(reason) = &off_subject
    {
        render::note(&format!(
            "{} does not look like an article about the plan ({reason}), so no clause is \
             reported; --all shows each clause's best score",
            args.article.display()
        ));
    }
    let matches = matches_to_show(&aligner, corpus, &text, &subject, args);
    if context.format == OutputFormat::Table && matches.is_empty() && off_subject.is_some() {
        // The note on what the article is about has said why there is nothing.
        return Ok(());
    }
    write_matches(&matches, &text, context.format, context.style, args, out)
}

/// The clauses `args` asks to see: those scoring at least `--min-score`, or all with `--all`,
/// in the article `text` about `subject` (`Aligner::subject`).
pub fn matches_to_show(
    aligner: &Aligner,
    corpus: &Corpus,
    text: &str,
    subject: &Subject,
    args: &AlignArgs,
) -> Vec<ClauseMatch> {
    aligner
        .align_about(corpus, text, subject, args.min_score)
        .into_iter()
        .filter(|found| args.all || found.score >= args.min_score)
        .collect()
}

/// Why no clause is reported: none reaches `--min-score`, or none reaches the anchor an
/// article needs before its weaker matches count (`ANCHOR_SCORE`).
fn nothing_reported(args: &AlignArgs) -> String {
    let article = args.article.display();
    let all = "--all shows every clause's best score";
    if ANCHOR_SCORE > args.min_score {
        format!(
            "no clause is reported in {article}: none scores {ANCHOR_SCORE} or more, which \
             an article needs before its matches from {} up count; {all}",
            args.min_score
        )
    } else {
        format!(
            "no clause scores {} or more in {article}; {all}",
            args.min_score
        )
    }
}

/// Write `matches`, found in the article `text`, in `format` (one of `FORMATS`): JSON,
/// draft reports as YAML, W3C Web Annotations as JSON-LD, one row per passage, departure
/// and later-version figure as CSV or Markdown, or the passages as text wrapped to
/// `style`'s width (a note on stderr when there are none).
pub fn write_matches(
    matches: &[ClauseMatch],
    text: &str,
    format: OutputFormat,
    style: Style,
    args: &AlignArgs,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Json => render::write_json(out, &matches)?,
        OutputFormat::Yaml => {
            let drafts = crate::query::align::draft::reports(matches, &args.source);
            render::write_yaml(out, &drafts)?;
        }
        OutputFormat::Jsonld => {
            let article = Article::at(&args.article)?;
            render::write_json(out, &annotation_page(matches, text, &article))?;
        }
        OutputFormat::Markdown | OutputFormat::Csv => {
            let columns: Vec<String> = FLAT_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
            let rows = flat_rows(matches);
            let flat = format.flat().expect("markdown and csv are flat formats");
            render::write_flat_rows(
                out,
                flat,
                &columns,
                rows.iter()
                    .map(|row| row.iter().map(|cell| FlatCell::Text(cell.into())).collect()),
            )?;
        }
        _ if matches.is_empty() => render::note(&nothing_reported(args)),
        _ => write!(out, "{}", render::alignment_text(matches, style))?,
    }
    Ok(())
}
