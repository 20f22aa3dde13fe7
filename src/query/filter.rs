//! Choosing clauses: turning filter flags into a checked filter and applying it.
//!
//! Within one flag the values are alternatives (OR); across flags every one given must
//! hold (AND). A value the corpus does not know is a usage error, never an empty result.

use super::{ClauseRef, ClauseSpan};
use crate::error::UsageError;
use crate::model::versions::Point;
use crate::model::{Clause, Corpus, Stance};
pub use crate::model::{ReportedPosition, all_positions};
use crate::text::fold::lookup_key;
use crate::text::suggest;

/// A filter whose ids are all known to the corpus it was checked against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClauseFilter {
    pub topics: Vec<String>,
    pub parties: Vec<String>,
    pub sources: Vec<String>,
    /// The `--text` asked for, folded for lookup.
    pub text: Option<TextNeedle>,
    pub numbers: Vec<u32>,
}

/// The clauses a user asked for, as given (`--topic`, `--party`, `--source`, `--text`,
/// `--clause`), before they are checked against a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClauseCriteria {
    pub topics: Vec<String>,
    pub parties: Vec<String>,
    pub sources: Vec<String>,
    pub text: Option<String>,
    pub clauses: Vec<ClauseSpan>,
}

/// The positions a user asked for, as given, before they are checked against a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PositionCriteria {
    pub parties: Vec<String>,
    pub sources: Vec<String>,
    pub clauses: Vec<ClauseRef>,
    pub stances: Vec<Stance>,
    pub topics: Vec<String>,
    pub actor: Option<String>,
}

impl ClauseFilter {
    /// Check the criteria against `corpus`, suggesting the nearest valid value for any
    /// it does not know.
    pub fn new(criteria: &ClauseCriteria, corpus: &Corpus) -> Result<Self, UsageError> {
        require_known("--source", &criteria.sources, &corpus.source_ids())?;
        require_known("--topic", &criteria.topics, &corpus.topic_ids())?;
        let parties = with_party_aliases(&criteria.parties, corpus);
        require_known("--party", &parties, &corpus.party_ids())?;
        Ok(Self {
            topics: criteria.topics.clone(),
            parties,
            sources: criteria.sources.clone(),
            text: criteria.text.as_deref().map(TextNeedle::new),
            numbers: expand_spans(corpus, &criteria.clauses)?,
        })
    }

    /// Whether no flag was given, so that every clause passes.
    pub fn keeps_everything(&self) -> bool {
        *self == Self::default()
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

/// A checked filter over reported positions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PositionFilter {
    pub parties: Vec<String>,
    pub sources: Vec<String>,
    pub clauses: Vec<ClauseRef>,
    pub stances: Vec<Stance>,
    pub topics: Vec<String>,
    /// The `--actor` text, folded for lookup.
    pub actor: Option<TextNeedle>,
}

impl PositionFilter {
    /// Check the criteria against `corpus`, as [`ClauseFilter::new`] does.
    pub fn new(criteria: &PositionCriteria, corpus: &Corpus) -> Result<Self, UsageError> {
        require_known("--topic", &criteria.topics, &corpus.topic_ids())?;
        let parties = with_party_aliases(&criteria.parties, corpus);
        require_known("--party", &parties, &corpus.party_ids())?;
        require_known("--source", &criteria.sources, &corpus.source_ids())?;
        for clause in &criteria.clauses {
            match clause {
                ClauseRef::Plan => {}
                ClauseRef::Number(number) => {
                    require_clause(corpus, *number)?;
                }
                ClauseRef::Span(span) => {
                    require_span(corpus, *span)?;
                }
            }
        }
        Ok(Self {
            parties,
            sources: criteria.sources.clone(),
            clauses: criteria.clauses.clone(),
            stances: criteria.stances.clone(),
            topics: criteria.topics.clone(),
            actor: criteria.actor.as_deref().map(TextNeedle::new),
        })
    }

    /// Whether a reported position passes every flag given.
    pub fn matches(&self, reported: &ReportedPosition) -> bool {
        let clause_ref = reported
            .clause
            .map_or(ClauseRef::Plan, |clause| ClauseRef::Number(clause.number));
        any_or_unset(&self.parties, |party| reported.position.party == *party)
            && any_or_unset(&self.sources, |source| reported.source == source)
            && any_or_unset(&self.clauses, |wanted| match (wanted, clause_ref) {
                (ClauseRef::Span(span), ClauseRef::Number(number)) => {
                    span.numbers().contains(&number)
                }
                _ => *wanted == clause_ref,
            })
            && any_or_unset(&self.stances, |stance| reported.position.stance == *stance)
            && any_or_unset(&self.topics, |topic| {
                reported
                    .clause
                    .is_some_and(|clause| clause.topics.contains(topic))
            })
            && self
                .actor
                .as_ref()
                .is_none_or(|actor| actor.is_in(&reported.position.actor))
    }

    /// The positions of `corpus` that pass: clause by clause in order, then plan-level
    /// ones; within each, in the order of `sources.yaml`.
    pub fn select<'c>(&self, corpus: &'c Corpus) -> Vec<ReportedPosition<'c>> {
        all_positions(corpus)
            .into_iter()
            .filter(|reported| self.matches(reported))
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

/// Everyday names for party ids, accepted wherever a party is: `us`, `usa`, `eu`, `uk`.
pub const PARTY_ALIASES: &[(&str, &str)] = &[
    ("us", "united-states"),
    ("usa", "united-states"),
    ("eu", "european-union"),
    ("uk", "united-kingdom"),
];

/// `values` with each alias in [`PARTY_ALIASES`] replaced by the id it stands for, when
/// the corpus has that id and no party of its own by the alias's name.
pub fn with_party_aliases(values: &[String], corpus: &Corpus) -> Vec<String> {
    let ids = corpus.party_ids();
    values
        .iter()
        .map(|value| {
            let lowered = value.to_lowercase();
            PARTY_ALIASES
                .iter()
                .find(|(alias, id)| {
                    *alias == lowered && ids.contains(id) && !ids.contains(&value.as_str())
                })
                .map_or_else(|| value.clone(), |(_, id)| (*id).to_owned())
        })
        .collect()
}

/// A usage error unless both ends of `span` are clauses of `corpus`.
pub fn require_span(corpus: &Corpus, span: ClauseSpan) -> Result<(), UsageError> {
    require_clause(corpus, span.first)?;
    require_clause(corpus, span.last)?;
    Ok(())
}

/// The clause numbers `spans` cover, in the order given, each once; a usage error for a
/// number the corpus does not have.
pub fn expand_spans(corpus: &Corpus, spans: &[ClauseSpan]) -> Result<Vec<u32>, UsageError> {
    let mut numbers: Vec<u32> = Vec::new();
    for &span in spans {
        require_span(corpus, span)?;
        for number in span.numbers() {
            if !numbers.contains(&number) {
                numbers.push(number);
            }
        }
    }
    Ok(numbers)
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

/// Whether a filter flag passes: no values given, or any value passes `test` (OR within a
/// flag; every flag must pass, AND across).
pub fn any_or_unset<T>(wanted: &[T], test: impl Fn(&T) -> bool) -> bool {
    wanted.is_empty() || wanted.iter().any(test)
}

/// Whether the clause's title, text or a sub-point contains `needle`.
fn mentions(clause: &Clause, needle: &TextNeedle) -> bool {
    std::iter::once(clause.title.as_str())
        .chain(clause.passages())
        .any(|field| needle.is_in(field))
}

/// The one notion of "contains" every filter uses (`--text`, `--actor`): a substring,
/// ignoring case, accents and typography (curly or straight quotes and apostrophes, dash
/// styles, runs of white space), so `Ukraine’s` finds `Ukraine's` and `podolyak` finds
/// `Podolják`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextNeedle(String);

impl TextNeedle {
    pub fn new(text: &str) -> Self {
        Self(lookup_key(text))
    }

    /// The needle as folded.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `field` contains the needle.
    pub fn is_in(&self, field: &str) -> bool {
        lookup_key(field).contains(&self.0)
    }
}

/// The points of a later version a user asked for: the clause criteria, with `--clause`
/// naming the version's point numbers and `--source` the ids of the references they cite.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PointFilter {
    pub topics: Vec<String>,
    pub parties: Vec<String>,
    pub references: Vec<String>,
    pub numbers: Vec<u32>,
    pub text: Option<TextNeedle>,
}

impl PointFilter {
    /// Check the criteria against `corpus` (topics, parties with their aliases, reference
    /// ids) and every point number against `require_point`.
    pub fn new(
        criteria: &ClauseCriteria,
        corpus: &Corpus,
        require_point: impl Fn(u32) -> Result<(), UsageError>,
    ) -> Result<Self, UsageError> {
        require_known("--topic", &criteria.topics, &corpus.topic_ids())?;
        let parties = with_party_aliases(&criteria.parties, corpus);
        require_known("--party", &parties, &corpus.party_ids())?;
        let reference_ids: Vec<&str> = corpus
            .versions
            .references
            .iter()
            .map(|reference| reference.id.as_str())
            .collect();
        require_known("--source", &criteria.sources, &reference_ids)?;
        let numbers: Vec<u32> = criteria
            .clauses
            .iter()
            .flat_map(|span| span.numbers())
            .collect();
        for &number in &numbers {
            require_point(number)?;
        }
        Ok(Self {
            topics: criteria.topics.clone(),
            parties,
            references: criteria.sources.clone(),
            numbers,
            text: criteria.text.as_deref().map(TextNeedle::new),
        })
    }

    /// Whether `point` passes every criterion given.
    pub fn matches(&self, point: &Point) -> bool {
        any_or_unset(&self.topics, |topic| point.topics.contains(topic))
            && any_or_unset(&self.parties, |party| point.parties.contains(party))
            && any_or_unset(&self.references, |reference| point.cite.contains(reference))
            && any_or_unset(&self.numbers, |&number| point.number == Some(number))
            && self
                .text
                .as_ref()
                .is_none_or(|needle| needle.is_in(&point.title) || needle.is_in(&point.summary))
    }
}
