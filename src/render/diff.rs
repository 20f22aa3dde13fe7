//! The text layout of a comparison: a summary, then each clause's word diff, figures,
//! stance differences and recorded departures, or one line per clause with `--stat`.

use std::fmt::Write as _;

use super::FlatCell;
use super::Style;
use super::palette::{self, paint};
use crate::model::Report;
use crate::query::compare::joined_wording;
use crate::records::compare::{
    ActorDifference, ClauseComparison, Comparison, Op, Presence, WordOp,
};
use crate::text::escape::{quoted, visible};

/// The opening lines: which clauses each side reports and how many read the same.
pub fn diff_summary(comparison: &Comparison, style: Style) -> String {
    let summary = comparison.summary;
    let (a, b) = (comparison.a, comparison.b);
    let text = format!(
        "diff {a} {b}: {} compared\n  reported by both: {}; only by {a}: {}; only by {b}: {}\n  of those both report: {} identical, {} different\n",
        plural(comparison.clauses.len(), "clause"),
        summary.both,
        summary.only_a,
        summary.only_b,
        summary.identical,
        summary.different
    );
    wrap_lines(&text, usize::from(style.width))
}

/// The line saying how many clauses only the text has were left out of a diff against it.
pub fn diff_left_out(count: usize) -> String {
    format!(
        "left out: {} only the text has (--all shows them)",
        plural(count, "clause")
    )
}

/// `block` with each line wrapped to the style's width, continuation lines indented two
/// more spaces than the line's own indent.
pub fn wrapped_lines(block: &str, style: Style) -> String {
    wrap_lines(block, usize::from(style.width))
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
    let heading = wrap_lines(&heading, usize::from(style.width));
    let _ = writeln!(
        text,
        "{}",
        emphasised(heading.trim_end(), palette::HEADING, style)
    );
    let mut notes = String::new();
    let diff_width = usize::from(style.width).saturating_sub(2).max(20);
    for line in render_word_diff(&clause.word_diff, style, diff_width).lines() {
        let _ = writeln!(text, "  {line}");
    }
    if clause.status == Presence::Both && !clause.identical {
        let _ = writeln!(
            notes,
            "  {}% of the wording is shared",
            clause.shared_percent
        );
    }
    if !clause.figures_only_in_a.is_empty() || !clause.figures_only_in_b.is_empty() {
        let _ = writeln!(
            notes,
            "  figures only in {}: {}; only in {}: {}",
            comparison.a,
            visible(or_none(&clause.figures_only_in_a.join(", "))),
            comparison.b,
            visible(or_none(&clause.figures_only_in_b.join(", ")))
        );
    }
    for difference in &clause.stance_differences {
        let _ = writeln!(
            notes,
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
            notes.push_str(&departures(side, report));
        }
    }
    text.push_str(&wrap_lines(&notes, usize::from(style.width)));
    text
}

fn departures(side: &str, report: &Report) -> String {
    let mut text = String::new();
    for discrepancy in &report.discrepancies {
        let _ = writeln!(
            text,
            "  {side} departs from the text ({}): text says {}; {side} says {}",
            discrepancy.kind,
            quoted(&visible(&discrepancy.text_says)),
            quoted(&visible(&discrepancy.outlet_says))
        );
    }
    text
}

/// The word diff wrapped to `width` columns, coloured on a terminal (with a space
/// between a deleted and an inserted run so they never touch, as
/// `git diff --word-diff=color` does), else marked as `git diff --word-diff=plain` does:
/// `[-removed-]{+added+}`. A run that wraps is closed at the end of the line and reopened
/// on the next, so every line reads on its own.
pub fn render_word_diff(ops: &[WordOp], style: Style, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = Line::default();
    for token in word_tokens(ops) {
        if token.breaks_line {
            lines.push(line.finish(style));
            line = Line::default();
        }
        let separated = token.spaced
            || (style.color
                && line.last_op.is_some_and(|last| {
                    last != token.op && last != Op::Equal && token.op != Op::Equal
                }));
        if !line.fits(&token, separated, style, width) && line.width > 0 {
            lines.push(line.finish(style));
            line = Line::default();
        }
        line.push(&token, separated, style);
    }
    lines.push(line.finish(style));
    lines.join("\n")
}

/// One word of a word diff, with what separated it from the word before.
struct Token {
    op: Op,
    text: String,
    /// White space came before it.
    spaced: bool,
    /// A line break came before it.
    breaks_line: bool,
}

fn word_tokens(ops: &[WordOp]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let (mut spaced, mut breaks_line) = (false, false);
    for op in ops {
        let mut word = String::new();
        for character in visible(&op.text).chars() {
            if character.is_whitespace() {
                if !word.is_empty() {
                    tokens.push(Token {
                        op: op.op,
                        text: std::mem::take(&mut word),
                        spaced,
                        breaks_line,
                    });
                    breaks_line = false;
                }
                spaced = true;
                breaks_line |= character == '\n';
            } else {
                word.push(character);
            }
        }
        if !word.is_empty() {
            tokens.push(Token {
                op: op.op,
                text: word,
                spaced,
                breaks_line,
            });
            (spaced, breaks_line) = (false, false);
        }
    }
    tokens
}

/// A line of a word diff being filled: finished runs, and the run still open.
#[derive(Default)]
struct Line {
    text: String,
    run: String,
    last_op: Option<Op>,
    width: usize,
}

impl Line {
    fn marker_width(op: Op, style: Style) -> usize {
        if style.color || op == Op::Equal { 0 } else { 4 }
    }

    fn fits(&self, token: &Token, separated: bool, style: Style, width: usize) -> bool {
        let opens_run = self.last_op != Some(token.op);
        let added = usize::from(separated && self.width > 0)
            + token.text.chars().count()
            + if opens_run {
                Self::marker_width(token.op, style)
            } else {
                0
            };
        self.width + added <= width
    }

    fn push(&mut self, token: &Token, separated: bool, style: Style) {
        let separator = if separated && self.width > 0 { " " } else { "" };
        if self.last_op == Some(token.op) {
            self.run.push_str(separator);
            self.width += separator.len();
        } else {
            self.close_run(style);
            self.text.push_str(separator);
            self.width += separator.len() + Self::marker_width(token.op, style);
            self.last_op = Some(token.op);
        }
        self.run.push_str(&token.text);
        self.width += token.text.chars().count();
    }

    fn close_run(&mut self, style: Style) {
        let run = std::mem::take(&mut self.run);
        let marked = match (self.last_op, style.color) {
            (None, _) => return,
            (Some(Op::Equal), _) => run,
            (Some(Op::Delete), true) => paint(&run, palette::DELETED),
            (Some(Op::Insert), true) => paint(&run, palette::INSERTED),
            (Some(Op::Delete), false) => format!("[-{run}-]"),
            (Some(Op::Insert), false) => format!("{{+{run}+}}"),
        };
        self.text.push_str(&marked);
    }

    fn finish(mut self, style: Style) -> String {
        self.close_run(style);
        self.text
    }
}

/// Each line of `block` wrapped to `width` columns, continuation lines indented two
/// columns deeper than the line they continue.
fn wrap_lines(block: &str, width: usize) -> String {
    let mut wrapped = String::new();
    for line in block.lines() {
        let indent = &line[..line.len() - line.trim_start().len()];
        let continuation = format!("{indent}  ");
        let options = textwrap::Options::new(width)
            .initial_indent(indent)
            .subsequent_indent(&continuation)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(true);
        for piece in textwrap::wrap(line.trim_start(), options) {
            let _ = writeln!(wrapped, "{piece}");
        }
    }
    wrapped
}

/// Positions on the plan as a whole that the two sides report differently, wrapped to
/// the style's width.
pub fn diff_plan_stances(comparison: &Comparison, style: Style) -> String {
    let mut text = String::new();
    if comparison.plan_stance_differences.is_empty() {
        return text;
    }
    let _ = writeln!(
        text,
        "\nPositions on the plan as a whole, reported differently"
    );
    for actor in &comparison.plan_stance_differences {
        let _ = writeln!(
            text,
            "  {} ({}): {}",
            visible(&actor.actor),
            actor.party,
            actor_stances(comparison, actor)
        );
    }
    wrap_lines(&text, usize::from(style.width))
}

fn actor_stances(comparison: &Comparison, actor: &ActorDifference) -> String {
    match actor.status {
        Presence::Both => format!(
            "{} per {}, {} per {}",
            join_stances(&actor.a),
            comparison.a,
            join_stances(&actor.b),
            comparison.b
        ),
        Presence::OnlyA => format!("{}, only per {}", join_stances(&actor.a), comparison.a),
        Presence::OnlyB => format!("{}, only per {}", join_stances(&actor.b), comparison.b),
    }
}

/// The columns of [`diff_clause_rows`].
pub const DIFF_CSV_COLUMNS: &[&str] = &[
    "number",
    "title",
    "status",
    "verdict",
    "shared_percent",
    "a_wording",
    "b_wording",
    "word_diff",
    "figures_only_in_a",
    "figures_only_in_b",
];

/// One flat row per clause for CSV: both wordings, and the word diff marked as
/// `git diff --word-diff=plain` does.
pub fn diff_clause_rows<'a>(comparison: &'a Comparison) -> Vec<Vec<FlatCell<'a>>> {
    let plain = Style {
        color: false,
        width: u16::MAX,
    };
    comparison
        .clauses
        .iter()
        .map(|clause| {
            vec![
                FlatCell::Number(clause.number.into()),
                FlatCell::Text(clause.title.into()),
                FlatCell::Text(status_word(comparison, clause).into()),
                FlatCell::Text(verdict(clause).into()),
                FlatCell::Number(clause.shared_percent.into()),
                FlatCell::Text(joined_wording(clause.a.as_deref()).into()),
                FlatCell::Text(joined_wording(clause.b.as_deref()).into()),
                FlatCell::Text(render_word_diff(&clause.word_diff, plain, usize::MAX).into()),
                FlatCell::Text(clause.figures_only_in_a.join(", ").into()),
                FlatCell::Text(clause.figures_only_in_b.join(", ").into()),
            ]
        })
        .collect()
}

/// A comparison as Markdown to paste into an article: the summary, a table of clauses
/// with the word diff written `~~deleted~~ **inserted**`, and a table of the positions on
/// the plan the two sides report differently.
pub fn diff_markdown(comparison: &Comparison) -> String {
    let (a, b) = (comparison.a, comparison.b);
    let summary = comparison.summary;
    let mut text = format!(
        "**{a}** compared with **{b}**: {} compared; reported by both: {}; only by {a}: {}; only by {b}: {}; of those both report, {} identical and {} different.\n\n",
        plural(comparison.clauses.len(), "clause"),
        summary.both,
        summary.only_a,
        summary.only_b,
        summary.identical,
        summary.different
    );
    if !comparison.clauses.is_empty() {
        text.push_str(
            "| Clause | Reported by | Shared wording | Word diff | Departures from the text |\n|---|---|---|---|---|\n",
        );
        for clause in &comparison.clauses {
            let departures: Vec<String> = [(a, &clause.a), (b, &clause.b)]
                .into_iter()
                .filter_map(|(side, report)| Some((side, report.as_ref()?)))
                .flat_map(|(side, report)| {
                    report.discrepancies.iter().map(move |discrepancy| {
                        markdown_escaped(&format!(
                            "{side} ({}): text says “{}”; {side} says “{}”",
                            discrepancy.kind, discrepancy.text_says, discrepancy.outlet_says
                        ))
                    })
                })
                .collect();
            let _ = writeln!(
                text,
                "| {} · {} | {} | {} | {} | {} |",
                clause.number,
                markdown_escaped(clause.title),
                status_word(comparison, clause),
                if clause.status == Presence::Both {
                    format!("{}%", clause.shared_percent)
                } else {
                    "–".to_owned()
                },
                markdown_word_diff(&clause.word_diff),
                if departures.is_empty() {
                    "–".to_owned()
                } else {
                    departures.join("<br>")
                }
            );
        }
    }
    if !comparison.plan_stance_differences.is_empty() {
        let _ = write!(
            text,
            "\n| Actor (on the plan as a whole) | Party | {a} | {b} |\n|---|---|---|---|\n"
        );
        for actor in &comparison.plan_stance_differences {
            let _ = writeln!(
                text,
                "| {} | {} | {} | {} |",
                markdown_escaped(&actor.actor),
                actor.party,
                or_dash(&join_stances(&actor.a)),
                or_dash(&join_stances(&actor.b))
            );
        }
    }
    text
}

/// A word diff as one Markdown table cell: `~~deleted~~ **inserted**`, with the
/// emphasis kept tight against the words (Markdown ignores `** word**`) and a space
/// between a deleted and an inserted run.
pub fn markdown_word_diff(ops: &[WordOp]) -> String {
    let mut text = String::new();
    let mut pending_space = false;
    for op in ops {
        let (marker, separate) = match op.op {
            Op::Equal => {
                let escaped = markdown_escaped(&op.text);
                if pending_space && !op.text.starts_with(char::is_whitespace) {
                    text.push(' ');
                }
                text.push_str(&escaped);
                pending_space = false;
                continue;
            }
            Op::Delete => ("~~", false),
            Op::Insert => ("**", text.ends_with("~~")),
        };
        let raw = op.text.as_str();
        let core = markdown_escaped(raw.trim());
        let leading = markdown_escaped(&raw[..raw.len() - raw.trim_start().len()]);
        let trailing = markdown_escaped(&raw[raw.trim_end().len()..]);
        if core.is_empty() {
            let _ = write!(text, "{leading}{trailing}");
            continue;
        }
        // Set each run off by a space, so that Markdown sees the markers as opening and
        // closing ones even next to punctuation (`economy~~, …` would not strike through).
        let glued =
            !text.is_empty() && !text.ends_with(char::is_whitespace) && !text.ends_with("<br>");
        if leading.is_empty() && (glued || separate) {
            text.push(' ');
        }
        let _ = write!(text, "{leading}{marker}{core}{marker}{trailing}");
        pending_space = trailing.is_empty();
    }
    text
}

/// Text safe inside a Markdown table cell: emphasis and code characters and pipes
/// escaped, line breaks as `<br>`.
fn markdown_escaped(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in visible(text).chars() {
        match character {
            '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' | '<' | '>' => {
                escaped.push('\\');
                escaped.push(character);
            }
            '\n' => escaped.push_str("<br>"),
            other => escaped.push(other),
        }
    }
    escaped
}

fn or_dash(text: &str) -> &str {
    if text.is_empty() { "–" } else { text }
}

fn emphasised(text: &str, ansi: anstyle::Style, style: Style) -> String {
    if !style.color {
        return text.to_owned();
    }
    // Colour each line on its own so that a pager or a wrapped line keeps it.
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                paint(line, ansi)
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

#[cfg(test)]
mod tests {
    use super::markdown_word_diff;
    use crate::query::compare::word_diff;

    #[test]
    fn markdown_escapes_what_would_turn_into_markup() {
        let cell = markdown_word_diff(&word_diff("a *b* c", "a _b_ | c"));
        assert!(!cell.contains(" | "), "{cell}");
        assert!(cell.contains("\\*b\\*"), "{cell}");
        assert!(cell.contains("\\_b\\_"), "{cell}");
    }
}
