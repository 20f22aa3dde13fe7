//! What `diff` and `compare` return: two renderings of the plan compared clause by
//! clause, and each rendering of one clause side by side.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::{Report, Stance};

/// Which sides report a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Both,
    OnlyA,
    OnlyB,
}

/// One step of a word diff: text kept, removed from A, or added in B.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct WordOp {
    pub op: Op,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A party whose stance on the clause the two sides report differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct StanceDifference {
    pub party: String,
    pub a: Vec<Stance>,
    pub b: Vec<Stance>,
}

/// How the two sides rendered one clause.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ClauseComparison<'c> {
    pub number: u32,
    pub title: &'c str,
    pub status: Presence,
    /// Both report it and their wordings are the same once typography is folded.
    pub identical: bool,
    pub a: Option<Cow<'c, Report>>,
    pub b: Option<Cow<'c, Report>>,
    /// A's wording turned into B's (a side that does not report the clause counts as
    /// empty): the `equal` and `delete` texts spell A, the `equal` and `insert` texts B.
    pub word_diff: Vec<WordOp>,
    /// How much of the two wordings is the same words, in percent: twice the shared
    /// words over the words of both sides (0 when one side does not report the clause).
    pub shared_percent: u32,
    pub figures_only_in_a: Vec<String>,
    pub figures_only_in_b: Vec<String>,
    pub stance_differences: Vec<StanceDifference>,
}

/// An actor whose positions on the plan as a whole the two sides report differently:
/// with different stances (`both`), or only one side reports them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ActorDifference {
    /// The actor as side A names them (as B does when only B reports them).
    pub actor: String,
    pub party: String,
    pub status: Presence,
    pub a: Vec<Stance>,
    pub b: Vec<Stance>,
}

/// Counts over the clauses compared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Summary {
    pub both: usize,
    pub only_a: usize,
    pub only_b: usize,
    /// Of the clauses both report, how many are worded the same.
    pub identical: usize,
    pub different: usize,
}

/// The whole comparison, as `diff --format json` prints it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Comparison<'c> {
    pub a: &'c str,
    pub b: &'c str,
    pub summary: Summary,
    pub clauses: Vec<ClauseComparison<'c>>,
    /// Positions on the plan as a whole: actors both sides report with different stances,
    /// and actors only one side reports (empty when a filter narrows the clauses).
    pub plan_stance_differences: Vec<ActorDifference>,
}

/// Which clauses and actors a comparison keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Narrowing {
    /// Only what both sides report.
    pub both: bool,
    /// Drop clauses both sides word the same.
    pub only_differences: bool,
}

/// One rendering of a clause, as `compare N` prints it: the plan's text, or an outlet's
/// wording with how much of it the text shares and the departures recorded for it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RenderingRecord<'c> {
    pub clause: u32,
    pub title: &'c str,
    /// A source id, or `text` for the plan's own wording.
    pub source: &'c str,
    /// The outlet's name, or “The plan's text”.
    pub outlet: &'c str,
    /// Whether this side renders the clause at all.
    pub reported: bool,
    /// The wording, its passages one per line; empty when not reported.
    pub wording: String,
    /// Of the outlet's and the text's words, how many are shared, in percent (as
    /// `diff` computes it); null for the text itself and when not reported.
    pub shared_percent: Option<u32>,
    /// The recorded departures from the text, one line each.
    pub departures: Vec<String>,
}
