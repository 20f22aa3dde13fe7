//! `align`'s output for people: each clause found, its passages with byte offsets, and
//! the departures detected.

use std::fmt::Write;

use super::Style;
use super::grid;
use crate::records::align::ClauseMatch;
use crate::text::escape::visible;

/// `line` wrapped to `width`, its continuation lines indented by six spaces; a word wider
/// than a line is wrapped at its separators (`grid::wrap_wide_words`), never inside.
fn wrapped(line: &str, width: usize) -> String {
    let room = width.saturating_sub(6).max(20);
    let line = grid::wrap_wide_words(line, room);
    let options = textwrap::Options::new(width.max(26))
        .subsequent_indent("      ")
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    line.lines()
        .flat_map(|part| textwrap::wrap(part, &options))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One block per clause: number, title and score; then each passage with its offsets;
/// then each departure (`!`) and each figure of a later version the article attributes to
/// it (`=`); every line wrapped to the style's width.
pub fn alignment_text(matches: &[ClauseMatch], style: Style) -> String {
    let width = usize::from(style.width);
    let mut text = String::new();
    for (index, found) in matches.iter().enumerate() {
        if index > 0 {
            text.push('\n');
        }
        let heading = format!(
            "{:>2}. {} (score {:.2})",
            found.clause,
            visible(&found.title),
            found.score
        );
        let _ = writeln!(text, "{}", wrapped(&heading, width));
        for passage in &found.passages {
            let line = format!(
                "    [{}..{}] {}",
                passage.start,
                passage.end,
                visible(&passage.text)
            );
            let _ = writeln!(text, "{}", wrapped(&line, width));
        }
        for departure in &found.departures {
            let line = format!(
                "    ! {} departure: article says {:?}; text says {:?} ({})",
                departure.kind,
                visible(&departure.outlet_says),
                departure.text_says,
                departure.why
            );
            let _ = writeln!(text, "{}", wrapped(&line, width));
        }
        for later in &found.later_versions {
            let line = format!(
                "    = {:?} {}, a later version, as the article says",
                visible(&later.article_says),
                later.describe()
            );
            let _ = writeln!(text, "{}", wrapped(&line, width));
        }
    }
    text
}
