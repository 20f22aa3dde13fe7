//! What `export` returns: the whole corpus as one document.

use serde::Serialize;

use crate::model::outlets::Outlet;
use crate::model::versions::{Reference, Version};
use crate::model::{Clause, Corpus, Party, Plan, PlanReport, Source, Topic, all_positions};

use super::PositionRecord;

/// The whole corpus as one document, as `export` writes it: the plan, its vocabularies,
/// the outlets, every clause with its reports, every position flattened, and the later
/// versions with their references and the registry of outlets.
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
    /// The later versions (`versions.yaml`): every reference they cite, and each version
    /// with its points, lineage, drops and accounts, as the file has them.
    pub references: &'c [Reference],
    pub versions: &'c [Version],
    /// The registry of outlets the references name (`outlets.yaml`).
    pub outlets: &'c [Outlet],
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
            references: &corpus.versions.references,
            versions: &corpus.versions.versions,
            outlets: &corpus.outlets.outlets,
        }
    }
}
