//! What `export` returns: the whole corpus as one document.

use serde::Serialize;

use crate::model::{Clause, Corpus, Party, Plan, PlanReport, Source, Topic, all_positions};

use super::PositionRecord;

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
