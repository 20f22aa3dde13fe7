//! The shapes of the JSON output, built from the model. Field names here are the
//! documented, stable keys (see README.md, "JSON output"); the model may change alone.

use serde::Serialize;

use crate::analysis::Rendering;
use crate::model::{Clause, Corpus, Report, Source, SourceKind, Stance};
use crate::query::ReportedPosition;

/// One clause as `list` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct ClauseRecord<'c> {
    pub number: u32,
    pub title: &'c str,
    pub text: &'c str,
    pub subpoints: &'c [String],
    pub topics: &'c [String],
    pub parties: &'c [String],
    /// Ids of the outlets that report the clause, in the order of `sources.yaml`.
    pub sources: Vec<&'c str>,
}

impl<'c> ClauseRecord<'c> {
    pub fn new(corpus: &'c Corpus, clause: &'c Clause) -> Self {
        Self {
            number: clause.number,
            title: &clause.title,
            text: &clause.text,
            subpoints: &clause.subpoints,
            topics: &clause.topics,
            parties: &clause.parties,
            sources: corpus.reporting_sources(clause),
        }
    }
}

/// One clause as `show` prints it: the list record and every outlet's report.
#[derive(Debug, Clone, Serialize)]
pub struct ClauseDetail<'c> {
    #[serde(flatten)]
    pub clause: ClauseRecord<'c>,
    pub reports: &'c [Report],
}

impl<'c> ClauseDetail<'c> {
    pub fn new(corpus: &'c Corpus, clause: &'c Clause) -> Self {
        Self {
            clause: ClauseRecord::new(corpus, clause),
            reports: &clause.reports,
        }
    }
}

/// A vocabulary entry (topic or party) with how many clauses use it.
#[derive(Debug, Clone, Serialize)]
pub struct VocabularyRecord<'c> {
    pub id: &'c str,
    pub label: &'c str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'c str>,
    pub clauses: usize,
}

impl<'c> VocabularyRecord<'c> {
    /// Topics with the number of clauses that touch each.
    pub fn topics(corpus: &'c Corpus) -> Vec<Self> {
        corpus
            .topics
            .iter()
            .map(|topic| Self {
                id: &topic.id,
                label: &topic.label,
                description: Some(&topic.description),
                clauses: count_clauses(corpus, |clause| clause.topics.contains(&topic.id)),
            })
            .collect()
    }

    /// Parties with the number of clauses that bind or name each.
    pub fn parties(corpus: &'c Corpus) -> Vec<Self> {
        corpus
            .parties
            .iter()
            .map(|party| Self {
                id: &party.id,
                label: &party.label,
                description: None,
                clauses: count_clauses(corpus, |clause| clause.parties.contains(&party.id)),
            })
            .collect()
    }
}

/// An outlet with how many clauses it reports.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRecord<'c> {
    pub id: &'c str,
    pub name: &'c str,
    pub publisher: &'c str,
    pub headline: &'c str,
    pub byline: Option<&'c str>,
    pub published: Option<&'c str>,
    pub date_note: &'c str,
    pub language: &'c str,
    pub kind: SourceKind,
    pub via: &'c [String],
    /// How many clauses the outlet reports.
    pub clauses: usize,
}

impl<'c> SourceRecord<'c> {
    pub fn all(corpus: &'c Corpus) -> Vec<Self> {
        corpus
            .sources
            .iter()
            .map(|source| Self::new(corpus, source))
            .collect()
    }

    fn new(corpus: &'c Corpus, source: &'c Source) -> Self {
        Self {
            id: &source.id,
            name: &source.name,
            publisher: &source.publisher,
            headline: &source.headline,
            byline: source.byline.as_deref(),
            published: source.published.as_deref(),
            date_note: &source.date_note,
            language: &source.language,
            kind: source.kind,
            via: &source.via,
            clauses: count_clauses(corpus, |clause| clause.report_by(&source.id).is_some()),
        }
    }
}

/// One reported position, as `positions` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct PositionRecord<'c> {
    /// The clause number, or null for a position on the plan as a whole.
    pub clause: Option<u32>,
    pub source: &'c str,
    pub actor: &'c str,
    pub party: &'c str,
    pub stance: Stance,
    pub summary: &'c str,
    pub quote: Option<&'c str>,
    pub via: Option<&'c str>,
}

impl<'c> PositionRecord<'c> {
    pub fn new(reported: &ReportedPosition<'c>) -> Self {
        let position = reported.position;
        Self {
            clause: reported.clause.map(|clause| clause.number),
            source: reported.source,
            actor: &position.actor,
            party: &position.party,
            stance: position.stance,
            summary: &position.summary,
            quote: position.quote.as_deref(),
            via: position.via.as_deref(),
        }
    }
}

/// The clause × outlet grid that `matrix` prints.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixRecord<'c> {
    /// Source ids, in column order.
    pub sources: Vec<&'c str>,
    pub rows: Vec<MatrixRow<'c>>,
    /// One per source, in column order.
    pub totals: Vec<MatrixTotal<'c>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow<'c> {
    pub number: u32,
    pub title: &'c str,
    pub cells: Vec<MatrixCell<'c>>,
    /// How many outlets report the clause.
    pub reported: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixCell<'c> {
    pub source: &'c str,
    pub rendering: Rendering,
}

/// How a source rendered the clauses of the grid, counted by kind of rendering.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixTotal<'c> {
    pub source: &'c str,
    pub reported: usize,
    pub reproduced: usize,
    pub paraphrased: usize,
    pub departs: usize,
    pub not_reported: usize,
}

impl<'c> MatrixRecord<'c> {
    pub fn new(corpus: &'c Corpus, clauses: &[&'c Clause]) -> Self {
        let sources = corpus.source_ids();
        let rows: Vec<MatrixRow> = clauses
            .iter()
            .map(|clause| MatrixRow::new(clause, &sources))
            .collect();
        let totals = sources
            .iter()
            .enumerate()
            .map(|(column, &source)| MatrixTotal::new(source, &rows, column))
            .collect();
        Self {
            sources,
            rows,
            totals,
        }
    }
}

impl<'c> MatrixRow<'c> {
    fn new(clause: &'c Clause, sources: &[&'c str]) -> Self {
        let cells: Vec<MatrixCell> = sources
            .iter()
            .map(|&source| MatrixCell {
                source,
                rendering: Rendering::of(clause, source),
            })
            .collect();
        Self {
            number: clause.number,
            title: &clause.title,
            reported: cells
                .iter()
                .filter(|cell| cell.rendering != Rendering::NotReported)
                .count(),
            cells,
        }
    }
}

impl<'c> MatrixTotal<'c> {
    fn new(source: &'c str, rows: &[MatrixRow], column: usize) -> Self {
        let count = |wanted: Rendering| {
            rows.iter()
                .filter(|row| row.cells[column].rendering == wanted)
                .count()
        };
        Self {
            source,
            reported: rows.len() - count(Rendering::NotReported),
            reproduced: count(Rendering::Reproduced),
            paraphrased: count(Rendering::Paraphrased),
            departs: count(Rendering::Departs),
            not_reported: count(Rendering::NotReported),
        }
    }
}

fn count_clauses(corpus: &Corpus, test: impl Fn(&Clause) -> bool) -> usize {
    corpus.clauses.iter().filter(|clause| test(clause)).count()
}
