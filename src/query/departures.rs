//! Departures from the plan's text: the ones the corpus records, chosen by filters, and
//! figure departures detected by comparing each outlet's wording with its clause's
//! figures, for a reviewer to check and record.

use crate::error::UsageError;
use crate::model::{Clause, Corpus, DiscrepancyKind, Report};
use crate::query::{ClauseSpan, any_or_unset, require_clause, require_known};
pub use crate::records::departures::{DetectedFigure, RecordedDeparture};
use crate::text::figures::{self, Figure};

/// A checked filter over departures; values combine as in `list` (OR within a flag,
/// AND across flags).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DepartureFilter {
    pub sources: Vec<String>,
    pub clauses: Vec<u32>,
    pub kinds: Vec<DiscrepancyKind>,
    pub topics: Vec<String>,
}

/// The departures a user asked for, as given, before they are checked against a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DepartureCriteria {
    pub sources: Vec<String>,
    pub clauses: Vec<ClauseSpan>,
    pub kinds: Vec<DiscrepancyKind>,
    pub topics: Vec<String>,
}

impl DepartureFilter {
    /// Check the criteria against `corpus`, suggesting the nearest valid value for any
    /// it does not know.
    pub fn new(criteria: &DepartureCriteria, corpus: &Corpus) -> Result<Self, UsageError> {
        require_known("--source", &criteria.sources, &corpus.source_ids())?;
        require_known("--topic", &criteria.topics, &corpus.topic_ids())?;
        let clauses: Vec<u32> = criteria
            .clauses
            .iter()
            .flat_map(|span| span.numbers())
            .collect();
        for &number in &clauses {
            require_clause(corpus, number)?;
        }
        Ok(Self {
            sources: criteria.sources.clone(),
            clauses,
            kinds: criteria.kinds.clone(),
            topics: criteria.topics.clone(),
        })
    }

    /// Whether the report of `source` on `clause` passes the clause, source and topic flags.
    fn keeps_report(&self, clause: &Clause, source: &str) -> bool {
        any_or_unset(&self.sources, |wanted| wanted == source)
            && any_or_unset(&self.clauses, |&number| number == clause.number)
            && any_or_unset(&self.topics, |topic| clause.topics.contains(topic))
    }

    /// The recorded departures that pass, clause by clause, then in the order of
    /// `sources.yaml`, then in the order the corpus lists them.
    pub fn recorded<'c>(&self, corpus: &'c Corpus) -> Vec<RecordedDeparture<'c>> {
        reports(corpus)
            .filter(|(clause, report)| self.keeps_report(clause, &report.source))
            .flat_map(|(clause, report)| {
                report
                    .discrepancies
                    .iter()
                    .map(move |departure| RecordedDeparture {
                        clause,
                        source: &report.source,
                        departure,
                    })
            })
            .filter(|recorded| any_or_unset(&self.kinds, |&kind| kind == recorded.departure.kind))
            .collect()
    }

    /// The figure departures detected in the reports that pass, in the order of
    /// [`DepartureFilter::recorded`], leaving out those already recorded as figure
    /// departures.
    pub fn detected<'c>(&self, corpus: &'c Corpus) -> Vec<DetectedFigure<'c>> {
        reports(corpus)
            .filter(|(clause, report)| self.keeps_report(clause, &report.source))
            .filter_map(|(clause, report)| detect_figures(clause, report))
            .collect()
    }
}

/// The figures of `report`'s wording that `clause` lacks and no recorded figure departure
/// of the report gives, or `None` when there are none.
pub fn detect_figures<'c>(clause: &'c Clause, report: &'c Report) -> Option<DetectedFigure<'c>> {
    let text: Vec<&str> = clause.passages().collect();
    let differences = figures::compare(&text.join("\n"), &report.wording.join("\n"));
    let recorded: Vec<String> = report
        .discrepancies
        .iter()
        .filter(|departure| departure.kind == DiscrepancyKind::Figure)
        .flat_map(|departure| figures::extract(&departure.outlet_says))
        .map(|figure| figure.value)
        .collect();
    let outlet_figures: Vec<Figure> = differences
        .only_in_rendering
        .into_iter()
        .filter(|figure| figure.is_quantity() && !recorded.contains(&figure.value))
        .collect();
    if outlet_figures.is_empty() {
        return None;
    }
    let passages = report
        .wording
        .iter()
        .filter(|passage| {
            figures::extract(passage)
                .iter()
                .any(|found| outlet_figures.iter().any(|f| f.value == found.value))
        })
        .map(String::as_str)
        .collect();
    Some(DetectedFigure {
        clause,
        source: &report.source,
        outlet_figures,
        text_figures: differences
            .only_in_text
            .into_iter()
            .filter(Figure::is_quantity)
            .collect(),
        passages,
    })
}

/// Every report of the corpus with its clause: clause by clause, then in the order of
/// `sources.yaml`.
fn reports(corpus: &Corpus) -> impl Iterator<Item = (&Clause, &Report)> {
    corpus.clauses.iter().flat_map(move |clause| {
        corpus
            .sources
            .iter()
            .filter_map(move |source| clause.report_by(&source.id))
            .map(move |report| (clause, report))
    })
}
