//! `peaceplan validate`: check a corpus (and, with `--archive`, its quotations), report
//! every problem, and summarise it in a line.

use std::io::Write;
use std::path::Path;

use super::Context;
use crate::cli::{OutputFormat, ValidateArgs};
use crate::corpus::archive::{self as quote_check, QuoteMiss};
use crate::corpus::{self, Problem};
use crate::error::AlreadyReported;
use crate::model::Corpus;
use crate::records::{ProblemRecord, QuoteMissRecord, ValidationRecord};
use crate::render;

pub fn run(args: &ValidateArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    context.require_format(&[OutputFormat::Table, OutputFormat::Json])?;
    context.require_no_fields()?;
    let corpus::Checked {
        corpus,
        mut problems,
    } = corpus::check_cached(context.global.data_dir(), &context.cache());
    let corpus = corpus.map(super::kept);
    let (quotes_checked, misses) = match (&corpus, &args.archive) {
        (Some(corpus), Some(archive)) => check_quotes(corpus, archive, &mut problems),
        _ => (None, Vec::new()),
    };
    let record = ValidationRecord {
        valid: problems.is_empty() && misses.is_empty(),
        clauses: corpus.as_ref().map(|corpus| corpus.clauses.len()),
        sources: corpus.as_ref().map(|corpus| corpus.sources.len()),
        topics: corpus.as_ref().map(|corpus| corpus.topics.len()),
        parties: corpus.as_ref().map(|corpus| corpus.parties.len()),
        versions: corpus.as_ref().map(|corpus| corpus.versions.versions.len()),
        points: corpus.as_ref().map(|corpus| {
            corpus
                .versions
                .versions
                .iter()
                .map(|version| version.points.len())
                .sum()
        }),
        references: corpus
            .as_ref()
            .map(|corpus| corpus.versions.references.len()),
        outlets: corpus.as_ref().map(|corpus| corpus.outlets.outlets.len()),
        problems: problems.iter().map(ProblemRecord::from).collect(),
        quotes_checked,
        quote_misses: misses.iter().map(QuoteMissRecord::from).collect(),
    };
    match context.format {
        OutputFormat::Json => render::write_json(out, &record)?,
        _ => write_summary(out, &record, &problems, &misses)?,
    }
    let failures = problems.len() + misses.len();
    if failures == 0 {
        Ok(())
    } else {
        out.flush()?;
        Err(AlreadyReported(failures).into())
    }
}

/// Run the quote check on the articles there are; missing or unreadable ones join
/// `problems`.
fn check_quotes(
    corpus: &Corpus,
    archive: &Path,
    problems: &mut Vec<Problem>,
) -> (Option<usize>, Vec<QuoteMiss>) {
    let check = quote_check::check(corpus, archive);
    problems.extend(check.unreadable);
    (Some(check.checked), check.misses)
}

/// Problems and misses on stderr, one paragraph each, and the one-line summary on stdout.
fn write_summary(
    out: &mut dyn Write,
    record: &ValidationRecord,
    problems: &[Problem],
    misses: &[QuoteMiss],
) -> anyhow::Result<()> {
    let mut stderr = std::io::stderr().lock();
    for problem in problems {
        writeln!(
            stderr,
            "peaceplan: error: {}",
            render::visible(&problem.to_string())
        )?;
    }
    for miss in misses {
        writeln!(
            stderr,
            "peaceplan: error: {}",
            render::visible(&describe_miss(miss))
        )?;
    }
    let mut counts = match (
        record.clauses,
        record.sources,
        record.topics,
        record.parties,
    ) {
        (Some(clauses), Some(sources), Some(topics), Some(parties)) => {
            format!("{clauses} clauses, {sources} sources, {topics} topics, {parties} parties")
        }
        _ => "the corpus could not be read".to_owned(),
    };
    if let (Some(versions @ 1..), Some(points), Some(references), Some(outlets)) = (
        record.versions,
        record.points,
        record.references,
        record.outlets,
    ) {
        counts.push_str(&format!(
            "; {versions} versions, {points} points, {references} references, {outlets} outlets"
        ));
    }
    if let Some(checked) = record.quotes_checked {
        let found = checked - misses.len();
        counts.push_str(&format!(
            "; {found} of {checked} quotations found word for word"
        ));
    }
    match problems.len() + misses.len() {
        0 => writeln!(out, "ok: {counts}")?,
        1 => writeln!(out, "invalid: 1 problem; {counts}")?,
        count => writeln!(out, "invalid: {count} problems; {counts}")?,
    }
    Ok(())
}

fn describe_miss(miss: &QuoteMiss) -> String {
    let place = match miss.clause {
        Some(number) => format!("clause {number}"),
        None => "plan_reports".to_owned(),
    };
    format!(
        "{place}, source `{}`: {} “{}” is not in {} word for word; the closest passage there is “{}”",
        miss.source,
        miss.field,
        miss.passage,
        miss.article.display(),
        miss.closest
    )
}
