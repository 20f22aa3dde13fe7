//! Comparing two renderings of the plan clause by clause: each side is an outlet's
//! reports, or `text`, the plan's own wording. The word diff comes from `similar`.

use std::borrow::Cow;
use std::collections::BTreeSet;

use similar::{Algorithm, ChangeTag};

use crate::error::UsageError;
use crate::model::TEXT_SOURCE_ID;
use crate::model::{Clause, Corpus, Position, Report, Stance};
use crate::query::ClauseFilter;
use crate::records::compare::{
    ActorDifference, ClauseComparison, Comparison, Narrowing, Op, Presence, RenderingRecord,
    StanceDifference, Summary, WordOp,
};
use crate::text::figures;
use crate::text::fold::fold;
use crate::text::suggest;

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

impl<'c> Comparison<'c> {
    /// The comparison with only the clauses and actors `narrowing` keeps, recounted.
    pub fn narrowed(mut self, narrowing: Narrowing) -> Self {
        if narrowing.both {
            self.clauses
                .retain(|clause| clause.status == Presence::Both);
            self.plan_stance_differences
                .retain(|actor| actor.status == Presence::Both);
        }
        if narrowing.only_differences {
            self.clauses.retain(|clause| !clause.identical);
        }
        self.summary = summarise(&self.clauses);
        self
    }
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
        plan_stance_differences: if filter.keeps_everything() {
            plan_stance_differences(corpus, a, b)
        } else {
            Vec::new()
        },
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
        shared_percent: if status == Presence::Both {
            shared_percent(&a_text, &b_text)
        } else {
            0
        },
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

/// The word-level diff of `a` into `b`, with runs of the same operation merged, and
/// made readable on paraphrase as `git diff --word-diff` is: one or two short unchanged
/// words between two changes are folded into the change, so a rewording reads as one
/// deleted and one inserted run rather than a scatter of “the”s and “of”s.
pub fn word_diff(a: &str, b: &str) -> Vec<WordOp> {
    merge_short_equal_runs(raw_word_diff(a, b))
}

/// The diff as `similar` gives it, runs of one operation merged.
fn raw_word_diff(a: &str, b: &str) -> Vec<WordOp> {
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

/// At most this many unchanged words between two changes are folded into them…
const MAX_BRIDGED_WORDS: usize = 2;
/// …when each is at most this many characters long.
const MAX_BRIDGED_WORD_CHARS: usize = 4;

/// Whether an unchanged run is short enough to fold into the changes around it.
fn is_bridgeable(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= MAX_BRIDGED_WORDS
        && words
            .iter()
            .all(|word| word.chars().count() <= MAX_BRIDGED_WORD_CHARS)
}

/// Fold short unchanged runs that sit between two changes into those changes; each
/// change comes out as its deleted run, then its inserted run.
fn merge_short_equal_runs(ops: Vec<WordOp>) -> Vec<WordOp> {
    let is_change = |op: Option<&WordOp>| op.is_some_and(|op| op.op != Op::Equal);
    let mut merged: Vec<WordOp> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let flush = |merged: &mut Vec<WordOp>, deleted: &mut String, inserted: &mut String| {
        for (op, text) in [(Op::Delete, deleted), (Op::Insert, inserted)] {
            if !text.is_empty() {
                merged.push(WordOp {
                    op,
                    text: std::mem::take(text),
                });
            }
        }
    };
    for (index, op) in ops.iter().enumerate() {
        match op.op {
            Op::Delete => deleted.push_str(&op.text),
            Op::Insert => inserted.push_str(&op.text),
            Op::Equal
                if index > 0
                    && is_change(ops.get(index - 1))
                    && is_change(ops.get(index + 1))
                    && is_bridgeable(&op.text) =>
            {
                deleted.push_str(&op.text);
                inserted.push_str(&op.text);
            }
            Op::Equal => {
                flush(&mut merged, &mut deleted, &mut inserted);
                merged.push(op.clone());
            }
        }
    }
    flush(&mut merged, &mut deleted, &mut inserted);
    merged
}

/// Twice the words the two texts share over the words of both, in percent (rounded
/// down, so that only identical wordings reach 100).
pub fn shared_percent(a: &str, b: &str) -> u32 {
    let words = |text: &str| text.split_whitespace().count();
    let total = words(a) + words(b);
    if total == 0 {
        return 100;
    }
    let shared: usize = raw_word_diff(a, b)
        .iter()
        .filter(|op| op.op == Op::Equal)
        .map(|op| words(&op.text))
        .sum();
    u32::try_from(200 * shared / total).unwrap_or(100).min(100)
}

/// An actor's name without the role after the comma, folded, for matching the same
/// person across outlets that describe them differently.
fn actor_key(actor: &str) -> String {
    let name = actor.split([',', '(']).next().unwrap_or(actor);
    fold(name).to_lowercase()
}

/// The same actor: equal names, or names one spelling apart (Zelensky, Zelenskyy).
fn same_actor(a: &str, b: &str) -> bool {
    a == b || strsim::normalized_levenshtein(a, b) >= 0.9
}

/// The stances a side reports on the plan as a whole, per actor, in report order.
fn plan_stances<'c>(corpus: &'c Corpus, side: Side<'c>) -> Vec<(String, &'c Position)> {
    corpus
        .plan_reports
        .iter()
        .filter(|report| report.source == side.id())
        .flat_map(|report| &report.positions)
        .map(|position| (actor_key(&position.actor), position))
        .collect()
}

/// Actors both sides report on the plan with different stances, then actors only one
/// side reports.
fn plan_stance_differences(corpus: &Corpus, a: Side, b: Side) -> Vec<ActorDifference> {
    let (a_positions, b_positions) = (plan_stances(corpus, a), plan_stances(corpus, b));
    let stances_of = |positions: &[(String, &Position)], key: &str| -> Vec<Stance> {
        let set: BTreeSet<Stance> = positions
            .iter()
            .filter(|(other, _)| same_actor(other, key))
            .map(|(_, position)| position.stance)
            .collect();
        set.into_iter().collect()
    };
    let mut differences = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (positions, others, own) in [
        (&a_positions, &b_positions, Presence::OnlyA),
        (&b_positions, &a_positions, Presence::OnlyB),
    ] {
        for (key, position) in positions.iter() {
            if seen.iter().any(|done| same_actor(done, key)) {
                continue;
            }
            seen.push(key);
            let (mine, theirs) = (stances_of(positions, key), stances_of(others, key));
            let status = if theirs.is_empty() {
                own
            } else {
                Presence::Both
            };
            if status == Presence::Both && mine == theirs {
                continue;
            }
            let (a_stances, b_stances) = if own == Presence::OnlyA {
                (mine, theirs)
            } else {
                (theirs, mine)
            };
            differences.push(ActorDifference {
                actor: position.actor.clone(),
                party: position.party.clone(),
                status,
                a: a_stances,
                b: b_stances,
            });
        }
    }
    differences.sort_by_key(|difference| difference.status != Presence::Both);
    differences
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

impl<'c> RenderingRecord<'c> {
    /// The text first, then every outlet in the order of `sources.yaml`, reporting it or
    /// not.
    pub fn for_clause(corpus: &'c Corpus, clause: &'c Clause) -> Vec<Self> {
        let text = joined_wording(Side::Text.rendering(clause).as_deref());
        let mut records = vec![Self {
            clause: clause.number,
            title: &clause.title,
            source: TEXT_SOURCE_ID,
            outlet: "The plan's text",
            reported: true,
            wording: text.clone(),
            shared_percent: None,
            departures: Vec::new(),
        }];
        for source in &corpus.sources {
            let report = clause.report_by(&source.id);
            let wording = joined_wording(report);
            records.push(Self {
                clause: clause.number,
                title: &clause.title,
                source: &source.id,
                outlet: &source.name,
                reported: report.is_some(),
                shared_percent: report.map(|_| shared_percent(&text, &wording)),
                wording,
                departures: report
                    .map(|report| {
                        report
                            .discrepancies
                            .iter()
                            .map(describe_departure)
                            .collect()
                    })
                    .unwrap_or_default(),
            });
        }
        records
    }
}

/// A departure in one line: its kind, the outlet's words and the text's.
fn describe_departure(discrepancy: &crate::model::Discrepancy) -> String {
    format!(
        "{}: says {} where the text says {}",
        discrepancy.kind,
        crate::text::escape::quoted(&discrepancy.outlet_says),
        crate::text::escape::quoted(&discrepancy.text_says)
    )
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
