//! The shapes of the JSON output, built from the model. Field names here are the
//! documented, stable keys (see README.md, "JSON output"); the model may change alone.


pub mod schema;

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use crate::model::rendering::Rendering;
use crate::corpus::Problem;
use crate::query::departures::{DetectedFigure, RecordedDeparture};
use crate::model::{
    Clause, Corpus, DiscrepancyKind, Party, Plan, PlanReport, Report, Source, SourceKind, Stance,
    Topic,
};
use crate::query::{ReportedPosition, all_positions};
use crate::corpus::archive::QuoteMiss;
use crate::render::FlatCell;
use crate::text::fold::lookup_key;

/// One clause as `list` prints it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
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
    pub const FIELDS: &'static [&'static str] = &[
        "number",
        "title",
        "text",
        "subpoints",
        "topics",
        "parties",
        "sources",
    ];

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
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ClauseDetail<'c> {
    #[serde(flatten)]
    pub clause: ClauseRecord<'c>,
    pub reports: &'c [Report],
}

impl<'c> ClauseDetail<'c> {
    pub const FIELDS: &'static [&'static str] = &[
        "number",
        "title",
        "text",
        "subpoints",
        "topics",
        "parties",
        "sources",
        "reports",
    ];

    pub fn new(corpus: &'c Corpus, clause: &'c Clause) -> Self {
        Self {
            clause: ClauseRecord::new(corpus, clause),
            reports: &clause.reports,
        }
    }
}

/// A vocabulary entry (topic or party) with how many clauses use it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VocabularyRecord<'c> {
    pub id: &'c str,
    pub label: &'c str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'c str>,
    pub clauses: usize,
}

impl<'c> VocabularyRecord<'c> {
    pub const TOPIC_FIELDS: &'static [&'static str] = &["id", "label", "description", "clauses"];
    pub const PARTY_FIELDS: &'static [&'static str] = &["id", "label", "clauses"];

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
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
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
    pub const FIELDS: &'static [&'static str] = &[
        "id",
        "name",
        "publisher",
        "headline",
        "byline",
        "published",
        "date_note",
        "language",
        "kind",
        "via",
        "clauses",
    ];

    pub fn all(corpus: &'c Corpus) -> Vec<Self> {
        // Counted in one pass over the reports: once per source would be quadratic in a
        // corpus with many sources.
        let mut reported: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for clause in &corpus.clauses {
            let mut sources: Vec<&str> = clause
                .reports
                .iter()
                .map(|report| report.source.as_str())
                .collect();
            sources.sort_unstable();
            sources.dedup();
            for source in sources {
                *reported.entry(source).or_default() += 1;
            }
        }
        corpus
            .sources
            .iter()
            .map(|source| {
                Self::new(
                    source,
                    reported.get(source.id.as_str()).copied().unwrap_or(0),
                )
            })
            .collect()
    }

    fn new(source: &'c Source, clauses: usize) -> Self {
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
            clauses,
        }
    }
}

/// One reported position, as `positions` prints it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
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
    pub const FIELDS: &'static [&'static str] = &[
        "clause", "source", "actor", "party", "stance", "summary", "quote", "via",
    ];

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
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixRecord<'c> {
    /// Source ids, in column order.
    pub sources: Vec<&'c str>,
    pub rows: Vec<MatrixRow<'c>>,
    /// One per source, in column order.
    pub totals: Vec<MatrixTotal<'c>>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixRow<'c> {
    pub number: u32,
    pub title: &'c str,
    /// How each source rendered the clause, in column order (for tables and flat rows).
    #[serde(skip)]
    pub renderings: Vec<Rendering>,
    /// How many departures each source's report records, in column order.
    #[serde(skip)]
    pub departures: Vec<usize>,
    /// The sources that report the clause and how; a source not listed did not report it.
    pub cells: Vec<MatrixCell<'c>>,
    /// How many outlets report the clause.
    pub reported: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixCell<'c> {
    pub source: &'c str,
    pub rendering: Rendering,
    /// How many departures from the text the report records; a reproduced clause can
    /// have some when the article departs elsewhere (in a gloss or a later sentence).
    pub departures: usize,
}

/// How a source rendered the clauses of the grid, counted by kind of rendering.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixTotal<'c> {
    pub source: &'c str,
    pub reported: usize,
    pub reproduced: usize,
    pub paraphrased: usize,
    pub departs: usize,
    pub not_reported: usize,
    /// Of the reproduced clauses, how many have a departure recorded elsewhere in the
    /// article.
    pub reproduced_with_departures: usize,
}

impl<'c> MatrixRecord<'c> {
    /// The grid as flat rows for csv, markdown and jsonl, cells in the order of
    /// [`MatrixRecord::flat_fields`]: `number`, `title`, one column per source holding
    /// its rendering (`not-reported` included), and `reported`; made one at a time.
    pub fn flat_rows(&self) -> impl Iterator<Item = Vec<FlatCell<'c>>> + '_ {
        self.rows.iter().map(|row| {
            let mut cells = Vec::with_capacity(self.sources.len() + 3);
            cells.push(FlatCell::Number(u64::from(row.number)));
            cells.push(FlatCell::Text(Cow::Borrowed(row.title)));
            cells.extend(
                row.renderings
                    .iter()
                    .map(|rendering| FlatCell::Text(Cow::Borrowed(rendering.name()))),
            );
            cells.push(FlatCell::Number(row.reported as u64));
            cells
        })
    }

    /// The column names of [`MatrixRecord::flat_rows`].
    pub fn flat_fields(&self) -> Vec<&'c str> {
        let mut fields = vec!["number", "title"];
        fields.extend(self.sources.iter().copied());
        fields.push("reported");
        fields
    }

    pub fn new(corpus: &'c Corpus, clauses: &[&'c Clause]) -> Self {
        let sources = corpus.source_ids();
        let columns: HashMap<&str, usize> = sources
            .iter()
            .enumerate()
            .map(|(column, &source)| (source, column))
            .collect();
        let rows: Vec<MatrixRow> = clauses
            .iter()
            .map(|clause| MatrixRow::new(clause, &sources, &columns))
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
    fn new(clause: &'c Clause, sources: &[&'c str], columns: &HashMap<&str, usize>) -> Self {
        let mut renderings = vec![Rendering::NotReported; sources.len()];
        let mut departures = vec![0; sources.len()];
        for report in &clause.reports {
            if let Some(&column) = columns.get(report.source.as_str()) {
                renderings[column] = Rendering::of(clause, &report.source);
                departures[column] = report.discrepancies.len();
            }
        }
        let cells: Vec<MatrixCell> = sources
            .iter()
            .zip(renderings.iter().zip(&departures))
            .filter(|(_, (rendering, _))| **rendering != Rendering::NotReported)
            .map(|(&source, (&rendering, &departures))| MatrixCell {
                source,
                rendering,
                departures,
            })
            .collect();
        Self {
            number: clause.number,
            title: &clause.title,
            reported: cells.len(),
            renderings,
            departures,
            cells,
        }
    }
}

impl<'c> MatrixTotal<'c> {
    fn new(source: &'c str, rows: &[MatrixRow], column: usize) -> Self {
        let count = |wanted: Rendering| {
            rows.iter()
                .filter(|row| row.renderings[column] == wanted)
                .count()
        };
        Self {
            source,
            reported: rows.len() - count(Rendering::NotReported),
            reproduced: count(Rendering::Reproduced),
            paraphrased: count(Rendering::Paraphrased),
            departs: count(Rendering::Departs),
            not_reported: count(Rendering::NotReported),
            reproduced_with_departures: rows
                .iter()
                .filter(|row| {
                    row.renderings[column] == Rendering::Reproduced && row.departures[column] > 0
                })
                .count(),
        }
    }
}

/// The outcome of a validation, as `validate --format json` prints it.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ValidationRecord {
    pub valid: bool,
    pub clauses: Option<usize>,
    pub sources: Option<usize>,
    pub topics: Option<usize>,
    pub parties: Option<usize>,
    pub problems: Vec<ProblemRecord>,
    /// With `--archive`: how many quotations were looked for, and those not found.
    pub quotes_checked: Option<usize>,
    pub quote_misses: Vec<QuoteMissRecord>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ProblemRecord {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct QuoteMissRecord {
    pub clause: Option<u32>,
    pub source: String,
    pub field: &'static str,
    pub passage: String,
    pub closest: String,
    pub article: String,
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

impl From<&QuoteMiss> for QuoteMissRecord {
    fn from(miss: &QuoteMiss) -> Self {
        Self {
            clause: miss.clause,
            source: miss.source.clone(),
            field: miss.field,
            passage: miss.passage.clone(),
            closest: miss.closest.clone(),
            article: miss.article.display().to_string(),
        }
    }
}

/// The whole corpus as one document, as `export` writes it: the plan, its vocabularies,
/// the outlets, every clause with its reports, and every position flattened.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExportRecord<'c> {
    pub plan: &'c Plan,
    pub topics: &'c [Topic],
    pub parties: &'c [Party],
    pub sources: &'c [Source],
    pub clauses: &'c [Clause],
    pub plan_reports: &'c [PlanReport],
    /// Every reported position, clause by clause then plan-level, as `positions` lists them.
    pub positions: Vec<PositionRecord<'c>>,
}

impl<'c> ExportRecord<'c> {
    pub fn new(corpus: &'c Corpus) -> Self {
        Self {
            plan: &corpus.plan,
            topics: &corpus.topics,
            parties: &corpus.parties,
            sources: &corpus.sources,
            clauses: &corpus.clauses,
            plan_reports: &corpus.plan_reports,
            positions: all_positions(corpus)
                .iter()
                .map(PositionRecord::new)
                .collect(),
        }
    }
}

fn count_clauses(corpus: &Corpus, test: impl Fn(&Clause) -> bool) -> usize {
    corpus.clauses.iter().filter(|clause| test(clause)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;

    fn keys<T: Serialize>(record: &T) -> Vec<String> {
        match serde_json::to_value(record).unwrap() {
            serde_json::Value::Object(object) => object.keys().cloned().collect(),
            other => panic!("not an object: {other}"),
        }
    }

    #[test]
    fn field_lists_match_what_records_serialise() {
        let corpus = corpus::load(None).unwrap();
        let clause = &corpus.clauses[0];
        assert_eq!(
            keys(&ClauseRecord::new(&corpus, clause)),
            ClauseRecord::FIELDS
        );
        assert_eq!(
            keys(&ClauseDetail::new(&corpus, clause)),
            ClauseDetail::FIELDS
        );
        assert_eq!(
            keys(&VocabularyRecord::topics(&corpus)[0]),
            VocabularyRecord::TOPIC_FIELDS
        );
        assert_eq!(
            keys(&VocabularyRecord::parties(&corpus)[0]),
            VocabularyRecord::PARTY_FIELDS
        );
        assert_eq!(keys(&SourceRecord::all(&corpus)[0]), SourceRecord::FIELDS);
        assert_eq!(
            keys(&PositionRecord::new(&all_positions(&corpus)[0])),
            PositionRecord::FIELDS
        );
        let matrix = MatrixRecord::new(&corpus, &[clause]);
        let flat = matrix.flat_rows().next().unwrap();
        assert_eq!(flat.len(), matrix.flat_fields().len());
    }
}

/// One recorded departure from the plan's text, as `departures` prints it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DepartureRecord<'c> {
    pub clause: u32,
    pub source: &'c str,
    pub kind: DiscrepancyKind,
    /// The plan's words, copied from the clause.
    pub text_says: &'c str,
    /// The outlet's words, copied from the article.
    pub outlet_says: &'c str,
    pub explanation: &'c str,
}

impl<'c> DepartureRecord<'c> {
    pub const FIELDS: &'static [&'static str] = &[
        "clause",
        "source",
        "kind",
        "text_says",
        "outlet_says",
        "explanation",
    ];

    pub fn new(recorded: &RecordedDeparture<'c>) -> Self {
        let departure = recorded.departure;
        Self {
            clause: recorded.clause.number,
            source: recorded.source,
            kind: departure.kind,
            text_says: &departure.text_says,
            outlet_says: &departure.outlet_says,
            explanation: &departure.explanation,
        }
    }
}

/// A figure departure found by comparing figures, not recorded in the corpus, as
/// `departures --detected` prints it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DetectedFigureRecord<'c> {
    pub clause: u32,
    pub source: &'c str,
    /// Always `detected`: found by the tool, not recorded by a reviewer.
    pub status: &'static str,
    /// The figures the outlet gives that the clause does not, as the outlet writes them.
    pub outlet_figures: Vec<String>,
    /// The clause's figures the outlet's wording does not give, as the plan writes them.
    pub text_figures: Vec<String>,
    /// The outlet's wording passages that hold its figures.
    pub outlet_says: Vec<&'c str>,
}

impl<'c> DetectedFigureRecord<'c> {
    pub const FIELDS: &'static [&'static str] = &[
        "clause",
        "source",
        "status",
        "outlet_figures",
        "text_figures",
        "outlet_says",
    ];

    pub fn new(detected: &DetectedFigure<'c>) -> Self {
        let written = |figures: &[crate::text::figures::Figure]| -> Vec<String> {
            figures
                .iter()
                .map(|figure| figure.written.clone())
                .collect()
        };
        Self {
            clause: detected.clause.number,
            source: detected.source,
            status: "detected",
            outlet_figures: written(&detected.outlet_figures),
            text_figures: written(&detected.text_figures),
            outlet_says: detected.passages.clone(),
        }
    }
}

/// One actor whose positions outlets reported, as `actors` prints it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ActorRecord<'c> {
    /// Who, as the articles name them, with their role.
    pub actor: &'c str,
    /// The party id the actor speaks for.
    pub party: &'c str,
    /// How many reported positions are the actor's.
    pub positions: usize,
    /// The outlets that report them, in the order of `sources.yaml`.
    pub sources: Vec<&'c str>,
}

impl<'c> ActorRecord<'c> {
    pub const FIELDS: &'static [&'static str] = &["actor", "party", "positions", "sources"];

    /// One record per actor and party among `positions`, ordered by actor, ignoring case
    /// and accents; `sources` in the order of `corpus`'s outlets.
    pub fn all(corpus: &'c Corpus, positions: &[ReportedPosition<'c>]) -> Vec<Self> {
        let mut actors: Vec<Self> = Vec::new();
        for reported in positions {
            let position = reported.position;
            let index = actors
                .iter()
                .position(|known| known.actor == position.actor && known.party == position.party)
                .unwrap_or_else(|| {
                    actors.push(Self {
                        actor: &position.actor,
                        party: &position.party,
                        positions: 0,
                        sources: Vec::new(),
                    });
                    actors.len() - 1
                });
            let actor = &mut actors[index];
            actor.positions += 1;
            if !actor.sources.contains(&reported.source) {
                actor.sources.push(reported.source);
            }
        }
        for actor in &mut actors {
            actor
                .sources
                .sort_by_key(|source| corpus.source_ids().iter().position(|id| id == source));
        }
        actors.sort_by_cached_key(|record| (lookup_key(record.actor), record.party));
        actors
    }
}
