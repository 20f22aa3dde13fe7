//! What `list` and `show` return: a clause, and a clause with every outlet's report.

use serde::Serialize;

use crate::model::{Clause, Corpus, Report};

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
    pub fn new(corpus: &'c Corpus, clause: &'c Clause) -> Self {
        Self {
            clause: ClauseRecord::new(corpus, clause),
            reports: &clause.reports,
        }
    }
}
