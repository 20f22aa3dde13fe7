//! The text layout of a comparison: a summary, then each clause's word diff, figures,
//! stance differences and recorded departures, or one line per clause with `--stat`.

use std::fmt::Write as _;

use super::Style;
use super::table::visible;
use crate::compare::{ClauseComparison, Comparison, Op, Presence, WordOp};
use crate::model::Report;

const RED: &str = "\u{1b}[31m";
const GREEN: &str = "\u{1b}[32m";
const BOLD: &str = "\u{1b}[1m";
const RESET: &str = "\u{1b}[0m";

/// The opening lines: which clauses each side reports and how many read the same.
pub fn diff_summary(comparison: &Comparison) -> String {
    let summary = comparison.summary;
    let (a, b) = (comparison.a, comparison.b);
    format!(
        "diff {a} {b}: {} compared\n  reported by both: {}; only by {a}: {}; only by {b}: {}\n  of those both report: {} identical, {} different\n",
        plural(comparison.clauses.len(), "clause"),
        summary.both,
        summary.only_a,
        summary.only_b,
        summary.identical,
        summary.different
    )
}

/// `--stat`: one line per clause.
pub fn diff_stat_lines(comparison: &Comparison) -> String {
    let statuses: Vec<String> = comparison
        .clauses
        .iter()
        .map(|clause| status_word(comparison, clause))
        .collect();
    let status_width = statuses
        .iter()
        .map(|status| status.chars().count())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for (clause, status) in comparison.clauses.iter().zip(&statuses) {
        let changes = format!(
            "-{} +{}",
            word_count(&clause.word_diff, Op::Delete),
            word_count(&clause.word_diff, Op::Insert)
        );
        let _ = writeln!(
            text,
            "{:>3}  {status:<status_width$}  {:<9}  {changes:>9} words  {}",
            clause.number,
            verdict(clause),
            visible(clause.title)
        );
    }
    text
}

/// Every clause in full.
pub fn diff_details(comparison: &Comparison, style: Style) -> String {
    let mut text = String::new();
    for clause in &comparison.clauses {
        text.push('\n');
        text.push_str(&clause_block(comparison, clause, style));
    }
    text
}

fn clause_block(comparison: &Comparison, clause: &ClauseComparison, style: Style) -> String {
    let mut text = String::new();
    let heading = format!(
        "Clause {} · {}  [{}, {}]",
        clause.number,
        visible(clause.title),
        status_word(comparison, clause),
        verdict(clause)
    );
    let _ = writeln!(text, "{}", emphasised(&heading, BOLD, style));
    for line in render_word_diff(&clause.word_diff, style).lines() {
        let _ = writeln!(text, "  {line}");
    }
    if !clause.figures_only_in_a.is_empty() || !clause.figures_only_in_b.is_empty() {
        let _ = writeln!(
            text,
            "  figures only in {}: {}; only in {}: {}",
            comparison.a,
            or_none(&clause.figures_only_in_a.join(", ")),
            comparison.b,
            or_none(&clause.figures_only_in_b.join(", "))
        );
    }
    for difference in &clause.stance_differences {
        let _ = writeln!(
            text,
            "  stance of {}: {} per {}, {} per {}",
            difference.party,
            join_stances(&difference.a),
            comparison.a,
            join_stances(&difference.b),
            comparison.b
        );
    }
    for (side, report) in [(comparison.a, &clause.a), (comparison.b, &clause.b)] {
        if let Some(report) = report {
            text.push_str(&departures(side, report));
        }
    }
    text
}

fn departures(side: &str, report: &Report) -> String {
    let mut text = String::new();
    for discrepancy in &report.discrepancies {
        let _ = writeln!(
            text,
            "  {side} departs from the text ({}): text says “{}”; {side} says “{}”",
            discrepancy.kind,
            visible(&discrepancy.text_says),
            visible(&discrepancy.outlet_says)
        );
    }
    text
}

/// The word diff, coloured on a terminal, else marked as `git diff --word-diff=plain`
/// does: `[-removed-]{+added+}`.
pub fn render_word_diff(ops: &[WordOp], style: Style) -> String {
    ops.iter()
        .map(|op| {
            let text = visible(&op.text);
            match (op.op, style.color) {
                (Op::Equal, _) => text,
                (Op::Delete, true) => emphasised(&text, RED, style),
                (Op::Insert, true) => emphasised(&text, GREEN, style),
                (Op::Delete, false) => format!("[-{text}-]"),
                (Op::Insert, false) => format!("{{+{text}+}}"),
            }
        })
        .collect()
}

fn emphasised(text: &str, code: &str, style: Style) -> String {
    if !style.color {
        return text.to_owned();
    }
    // Colour each line on its own so that a pager or a wrapped line keeps it.
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{code}{line}{RESET}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn status_word(comparison: &Comparison, clause: &ClauseComparison) -> String {
    match clause.status {
        Presence::Both => "both".to_owned(),
        Presence::OnlyA => format!("only {}", comparison.a),
        Presence::OnlyB => format!("only {}", comparison.b),
    }
}

fn verdict(clause: &ClauseComparison) -> &'static str {
    match clause.status {
        Presence::Both if clause.identical => "identical",
        Presence::Both => "different",
        Presence::OnlyA | Presence::OnlyB => "one-sided",
    }
}

fn word_count(ops: &[WordOp], wanted: Op) -> usize {
    ops.iter()
        .filter(|op| op.op == wanted)
        .map(|op| op.text.split_whitespace().count())
        .sum()
}

fn join_stances(stances: &[crate::model::Stance]) -> String {
    stances
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" and ")
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { "none" } else { text }
}
