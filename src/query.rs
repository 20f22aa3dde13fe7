//! Choosing clauses: turning filter flags into a checked filter and applying it.
//!
//! Within one flag the values are alternatives (OR); across flags every one given must
//! hold (AND). A value the corpus does not know is a usage error, never an empty result.

use crate::cli::FilterArgs;
use crate::error::UsageError;
use crate::model::{Clause, Corpus};
use crate::suggest;

/// A filter whose ids are all known to the corpus it was checked against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClauseFilter {
    pub topics: Vec<String>,
    pub parties: Vec<String>,
    pub sources: Vec<String>,
    /// Lowercased search text.
    pub text: Option<String>,
    pub numbers: Vec<u32>,
}

impl ClauseFilter {
    /// Check the flags' values against `corpus`, suggesting the nearest valid value for
    /// any it does not know.
    pub fn from_args(args: &FilterArgs, corpus: &Corpus) -> Result<Self, UsageError> {
        let topic_ids: Vec<&str> = corpus
            .topics
            .iter()
            .map(|topic| topic.id.as_str())
            .collect();
        let party_ids: Vec<&str> = corpus
            .parties
            .iter()
            .map(|party| party.id.as_str())
            .collect();
        let source_ids: Vec<&str> = corpus
            .sources
            .iter()
            .map(|source| source.id.as_str())
            .collect();
        require_known("--topic", &args.topic, &topic_ids)?;
        require_known("--party", &args.party, &party_ids)?;
        require_known("--source", &args.source, &source_ids)?;
        for &number in &args.clause {
            require_clause(corpus, number)?;
        }
        Ok(Self {
            topics: args.topic.clone(),
            parties: args.party.clone(),
            sources: args.source.clone(),
            text: args.text.as_ref().map(|text| text.to_lowercase()),
            numbers: args.clause.clone(),
        })
    }

    /// Whether `clause` passes every flag given.
    pub fn matches(&self, clause: &Clause) -> bool {
        any_or_unset(&self.topics, |topic| clause.topics.contains(topic))
            && any_or_unset(&self.parties, |party| clause.parties.contains(party))
            && any_or_unset(&self.sources, |source| clause.report_by(source).is_some())
            && any_or_unset(&self.numbers, |number| clause.number == *number)
            && self
                .text
                .as_ref()
                .is_none_or(|needle| mentions(clause, needle))
    }

    /// The clauses of `corpus` that pass, in clause order.
    pub fn select<'c>(&self, corpus: &'c Corpus) -> Vec<&'c Clause> {
        corpus
            .clauses
            .iter()
            .filter(|clause| self.matches(clause))
            .collect()
    }
}

/// The clause numbered `number`, or a usage error naming the valid range.
pub fn require_clause(corpus: &Corpus, number: u32) -> Result<&Clause, UsageError> {
    corpus.clause(number).ok_or_else(|| {
        UsageError(format!(
            "there is no clause {number}; clauses are numbered 1–{}",
            corpus.clauses.len()
        ))
    })
}

/// A usage error for the first of `values` not in `known`.
pub fn require_known(flag: &str, values: &[String], known: &[&str]) -> Result<(), UsageError> {
    match values.iter().find(|value| !known.contains(&value.as_str())) {
        None => Ok(()),
        Some(unknown) => Err(UsageError(format!(
            "unknown value `{unknown}` for {flag}; {}",
            suggest::hint(unknown, known.iter().copied())
        ))),
    }
}

fn any_or_unset<T>(wanted: &[T], test: impl Fn(&T) -> bool) -> bool {
    wanted.is_empty() || wanted.iter().any(test)
}

/// Whether the clause's title, text or a sub-point contains `needle` (already lowercased).
fn mentions(clause: &Clause, needle: &str) -> bool {
    std::iter::once(clause.title.as_str())
        .chain(clause.passages())
        .any(|field| field.to_lowercase().contains(needle))
}
