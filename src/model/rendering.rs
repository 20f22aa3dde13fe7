//! What can be said of a rendering compared with the plan's text: whether an outlet
//! reproduced a clause, paraphrased it, or departed from it.

use crate::model::choice::closed_choice;

use crate::model::{Clause, Report};
use crate::text::fold::fold;

closed_choice! {
    /// How one outlet rendered one clause, as a matrix cell.
    pub enum Rendering {
        /// Every passage is the clause's own wording (a departure recorded elsewhere in the
        /// article is counted apart, see `MatrixCell::departures`).
        Reproduced,
        /// In the outlet's own words, with no recorded departure from the text.
        Paraphrased,
        /// Not the text's wording, with at least one recorded discrepancy with the text.
        Departs,
        /// The outlet does not discuss the clause.
        NotReported,
    }
}

impl Rendering {
    /// How `source_id` rendered `clause`.
    pub fn of(clause: &Clause, source_id: &str) -> Self {
        match clause.report_by(source_id) {
            None => Rendering::NotReported,
            Some(report) => Self::of_report(&ClauseText::of(clause), report),
        }
    }

    /// How `report` renders the clause whose folded text is `text` (fold it once per
    /// clause when rendering many reports of it).
    pub fn of_report(text: &ClauseText, report: &Report) -> Self {
        if report
            .wording
            .iter()
            .all(|passage| text.0.contains(&fold(passage)))
        {
            Rendering::Reproduced
        } else if !report.discrepancies.is_empty() {
            Rendering::Departs
        } else {
            Rendering::Paraphrased
        }
    }

    /// The name used in JSON and flat formats (`not-reported`, …).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// A one-character mark for narrow tables.
    pub fn mark(self) -> &'static str {
        match self {
            Rendering::Reproduced => "=",
            Rendering::Paraphrased => "~",
            Rendering::Departs => "≠",
            Rendering::NotReported => "·",
        }
    }
}

/// A clause's text and sub-points, folded as wordings are compared with them.
pub struct ClauseText(String);

impl ClauseText {
    pub fn of(clause: &Clause) -> Self {
        Self(fold(&clause.passages().collect::<Vec<_>>().join(" ")))
    }
}

/// Whether every passage of the report is, word for word, part of the clause's text.
pub fn reproduces_text(clause: &Clause, report: &Report) -> bool {
    Rendering::of_report(&ClauseText::of(clause), report) == Rendering::Reproduced
}
