//! Comparing two renderings of the plan clause by clause: each side is an outlet's
//! reports, or `text`, the plan's own wording. The word diff comes from `similar`.

use std::borrow::Cow;
use std::collections::BTreeSet;

use serde::Serialize;
use similar::{Algorithm, ChangeTag};

use crate::corpus::TEXT_SOURCE_ID;
use crate::error::UsageError;
use crate::figures;
use crate::model::{Clause, Corpus, Report, Stance};
use crate::query::ClauseFilter;
use crate::suggest;
use crate::textfold::fold;

/// One side of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side<'c> {
    /// The plan's own wording.
    Text,
    /// An outlet, by source id.
    Source(&'c str),
}

impl<'c> Side<'c> {
    /// The side named `id`: `text`, or a source of `corpus`.
    pub fn named(id: &str, corpus: &'c Corpus) -> Result<Self, UsageError> {
        if id == TEXT_SOURCE_ID {
            return Ok(Side::Text);
        }
        match corpus.sources.iter().find(|source| source.id == id) {
            Some(source) => Ok(Side::Source(&source.id)),
            None => {
                let mut choices = corpus.source_ids();
                choices.push(TEXT_SOURCE_ID);
                Err(UsageError(format!(
                    "unknown side `{id}` for diff: a source id or `text`; {}",
                    suggest::hint(id, choices)
                )))
            }
        }
    }

    pub fn id(&self) -> &'c str {
        match self {
            Side::Text => TEXT_SOURCE_ID,
            Side::Source(id) => id,
        }
    }

    /// This side's rendering of `clause`, as a report; `None` if it does not report it.
    pub fn rendering(&self, clause: &'c Clause) -> Option<Cow<'c, Report>> {
        match self {
            Side::Text => Some(Cow::Owned(Report {
                source: TEXT_SOURCE_ID.to_owned(),
                wording: clause.passages().map(str::to_owned).collect(),
                summary: "The plan's text as published.".to_owned(),
                positions: Vec::new(),
                discrepancies: Vec::new(),
                earlier_versions: Vec::new(),
            })),
            Side::Source(id) => clause.report_by(id).map(Cow::Borrowed),
        }
    }
}

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
    pub figures_only_in_a: Vec<String>,
    pub figures_only_in_b: Vec<String>,
    pub stance_differences: Vec<StanceDifference>,
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
}

/// Compare `a` with `b` on every clause either reports that `filter` keeps.
pub fn compare<'c>(
    corpus: &'c Corpus,
    a: Side<'c>,
    b: Side<'c>,
    filter: &ClauseFilter,
) -> Comparison<'c> {
    let clauses: Vec<ClauseComparison> = filter
        .select(corpus)
        .into_iter()
        .filter_map(|clause| compare_clause(clause, a, b))
        .collect();
    Comparison {
        a: a.id(),
        b: b.id(),
        summary: summarise(&clauses),
        clauses,
    }
}

fn compare_clause<'c>(
    clause: &'c Clause,
    a: Side<'c>,
    b: Side<'c>,
) -> Option<ClauseComparison<'c>> {
    let (a_report, b_report) = (a.rendering(clause), b.rendering(clause));
    let status = match (&a_report, &b_report) {
        (Some(_), Some(_)) => Presence::Both,
        (Some(_), None) => Presence::OnlyA,
        (None, Some(_)) => Presence::OnlyB,
        (None, None) => return None,
    };
    let a_text = joined_wording(a_report.as_deref());
    let b_text = joined_wording(b_report.as_deref());
    let a_figures = figures::figures(&a_text);
    let b_figures = figures::figures(&b_text);
    Some(ClauseComparison {
        number: clause.number,
        title: &clause.title,
        status,
        identical: status == Presence::Both && fold(&a_text) == fold(&b_text),
        word_diff: word_diff(&a_text, &b_text),
        figures_only_in_a: figures::only_in(&a_figures, &b_figures),
        figures_only_in_b: figures::only_in(&b_figures, &a_figures),
        stance_differences: stance_differences(a_report.as_deref(), b_report.as_deref()),
        a: a_report,
        b: b_report,
    })
}

/// A report's wording passages as one text, a line each; empty when there is no report.
pub fn joined_wording(report: Option<&Report>) -> String {
    report.map_or_else(String::new, |report| report.wording.join("\n"))
}

/// The word-level diff of `a` into `b`, with runs of the same operation merged.
pub fn word_diff(a: &str, b: &str) -> Vec<WordOp> {
    let mut ops: Vec<WordOp> = Vec::new();
    for (tag, text) in similar::utils::diff_unicode_words(Algorithm::Patience, a, b) {
        let op = match tag {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Delete => Op::Delete,
            ChangeTag::Insert => Op::Insert,
        };
        match ops.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => ops.push(WordOp {
                op,
                text: text.to_owned(),
            }),
        }
    }
    ops
}

/// Parties both sides report positions for, whose sets of stances differ.
fn stance_differences(a: Option<&Report>, b: Option<&Report>) -> Vec<StanceDifference> {
    let (Some(a), Some(b)) = (a, b) else {
        return Vec::new();
    };
    let stances = |report: &Report, party: &str| -> Vec<Stance> {
        let set: BTreeSet<Stance> = report
            .positions
            .iter()
            .filter(|position| position.party == party)
            .map(|position| position.stance)
            .collect();
        set.into_iter().collect()
    };
    let parties: BTreeSet<&str> = a
        .positions
        .iter()
        .map(|position| position.party.as_str())
        .collect();
    parties
        .into_iter()
        .filter_map(|party| {
            let (a_stances, b_stances) = (stances(a, party), stances(b, party));
            (!b_stances.is_empty() && a_stances != b_stances).then(|| StanceDifference {
                party: party.to_owned(),
                a: a_stances,
                b: b_stances,
            })
        })
        .collect()
}

fn summarise(clauses: &[ClauseComparison]) -> Summary {
    let mut summary = Summary::default();
    for clause in clauses {
        match clause.status {
            Presence::Both if clause.identical => {
                summary.both += 1;
                summary.identical += 1;
            }
            Presence::Both => {
                summary.both += 1;
                summary.different += 1;
            }
            Presence::OnlyA => summary.only_a += 1,
            Presence::OnlyB => summary.only_b += 1,
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::{Op, word_diff};

    fn apply(ops: &[super::WordOp], keep: Op) -> String {
        ops.iter()
            .filter(|op| op.op == Op::Equal || op.op == keep)
            .map(|op| op.text.as_str())
            .collect()
    }

    #[test]
    fn the_ops_spell_both_sides() {
        let a = "Russia will be invited to rejoin the G8.";
        let b = "Russia would eventually return to what is now the G7.";
        let ops = word_diff(a, b);
        assert_eq!(apply(&ops, Op::Delete), a);
        assert_eq!(apply(&ops, Op::Insert), b);
        assert!(
            ops.iter()
                .any(|op| op.op == Op::Delete && op.text.contains("G8"))
        );
    }

    #[test]
    fn identical_texts_are_one_equal_op() {
        let ops = word_diff(
            "NATO will not expand further.",
            "NATO will not expand further.",
        );
        assert_eq!(ops.len(), 1);
        assert_eq!(ops[0].op, Op::Equal);
    }
}
