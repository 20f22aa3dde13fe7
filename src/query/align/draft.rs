//! Draft corpus entries from an alignment: one `reports:` entry per clause found, with the
//! passages as wording, a summary to write, and the departures as draft discrepancies.

use serde::Serialize;

use crate::model::{Discrepancy, Report};
use crate::records::align::ClauseMatch;

/// The summary a person must replace before the draft is accepted.
pub const SUMMARY_TODO: &str = "TODO";

/// A drafted report, with the clause it belongs under.
#[derive(Debug, Clone, Serialize)]
pub struct DraftReport {
    pub clause: u32,
    pub title: String,
    pub reports: Vec<Report>,
}

/// One draft per clause that has passages, for source `source`.
pub fn reports(matches: &[ClauseMatch], source: &str) -> Vec<DraftReport> {
    matches
        .iter()
        .filter(|found| !found.passages.is_empty())
        .map(|found| DraftReport {
            clause: found.clause,
            title: found.title.clone(),
            reports: vec![Report {
                source: source.to_owned(),
                wording: found.passages.iter().map(|p| p.text.clone()).collect(),
                summary: SUMMARY_TODO.to_owned(),
                positions: Vec::new(),
                discrepancies: found
                    .departures
                    .iter()
                    .map(|departure| Discrepancy {
                        kind: departure.kind,
                        text_says: departure.text_says.clone(),
                        outlet_says: departure.outlet_says.clone(),
                        explanation: format!(
                            "TODO: confirm; align detected a {} departure: {}",
                            departure.kind, departure.why
                        ),
                    })
                    .collect(),
                earlier_versions: Vec::new(),
            }],
        })
        .collect()
}
