//! What `departures` returns: the departures the corpus records, and the figures an
//! outlet gives that its clause does not.

use serde::Serialize;

use crate::model::{Clause, Discrepancy, DiscrepancyKind};
use crate::text::figures::Figure;

/// One recorded departure with the clause and outlet it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct RecordedDeparture<'c> {
    pub clause: &'c Clause,
    pub source: &'c str,
    pub departure: &'c Discrepancy,
}

/// Figures (quantities, not names such as "G7") an outlet's wording gives that its clause
/// does not, and that no recorded figure departure of that report accounts for.
#[derive(Debug, Clone)]
pub struct DetectedFigure<'c> {
    pub clause: &'c Clause,
    pub source: &'c str,
    /// The outlet's figures that the clause does not have.
    pub outlet_figures: Vec<Figure>,
    /// The clause's figures that the outlet's wording does not give.
    pub text_figures: Vec<Figure>,
    /// The wording passages that hold the outlet's figures.
    pub passages: Vec<&'c str>,
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
