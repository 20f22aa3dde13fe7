//! `peaceplan validate`: check a corpus, report every problem, and summarise it in a line.

use std::io::Write;

use serde::Serialize;

use super::Context;
use crate::cli::{OutputFormat, ValidateArgs};
use crate::corpus::{self, CorpusFiles, Problem};
use crate::error::AlreadyReported;
use crate::model::Corpus;

/// The outcome of a validation, as `--format json` prints it.
#[derive(Debug, Serialize)]
struct ValidationRecord {
    valid: bool,
    clauses: Option<usize>,
    sources: Option<usize>,
    topics: Option<usize>,
    parties: Option<usize>,
    problems: Vec<ProblemRecord>,
}

#[derive(Debug, Serialize)]
struct ProblemRecord {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
    hint: Option<String>,
}

pub fn run(_args: &ValidateArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let (corpus, problems) = match &context.global.data {
        Some(dir) => match CorpusFiles::read_dir(dir) {
            Ok(files) => checked(&files),
            Err(problems) => (None, problems),
        },
        None => checked(&CorpusFiles::embedded()),
    };
    let record = ValidationRecord {
        valid: problems.is_empty(),
        clauses: corpus.as_ref().map(|corpus| corpus.clauses.len()),
        sources: corpus.as_ref().map(|corpus| corpus.sources.len()),
        topics: corpus.as_ref().map(|corpus| corpus.topics.len()),
        parties: corpus.as_ref().map(|corpus| corpus.parties.len()),
        problems: problems.iter().map(ProblemRecord::from).collect(),
    };
    match context.format {
        OutputFormat::Json => crate::render::write_json(out, &record)?,
        OutputFormat::Table => write_summary(out, &record, &problems)?,
    }
    if problems.is_empty() {
        Ok(())
    } else {
        out.flush()?;
        Err(AlreadyReported(problems.len()).into())
    }
}

fn checked(files: &CorpusFiles) -> (Option<Corpus>, Vec<Problem>) {
    let checked = corpus::check_files(files);
    (checked.corpus, checked.problems)
}

/// Problems on stderr, one paragraph each, and the one-line summary on stdout.
fn write_summary(
    out: &mut dyn Write,
    record: &ValidationRecord,
    problems: &[Problem],
) -> anyhow::Result<()> {
    let mut stderr = std::io::stderr().lock();
    for problem in problems {
        writeln!(stderr, "peaceplan: error: {problem}")?;
    }
    let counts = match (
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
    match problems.len() {
        0 => writeln!(out, "ok: {counts}")?,
        1 => writeln!(out, "invalid: 1 problem; {counts}")?,
        count => writeln!(out, "invalid: {count} problems; {counts}")?,
    }
    Ok(())
}

impl From<&Problem> for ProblemRecord {
    fn from(problem: &Problem) -> Self {
        Self {
            file: problem.file.clone(),
            line: problem.place.map(|(line, _)| line),
            column: problem.place.map(|(_, column)| column),
            message: problem.message.clone(),
            hint: problem.hint.clone(),
        }
    }
}
