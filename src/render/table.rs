//! The shared look of every table: borders, width, header style, and safe cell text.

use std::borrow::Cow;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, ContentArrangement, Table};

use super::Style;
use super::palette::{self, paint};
pub use crate::text::escape::visible;

/// An empty table with `headers`, sized and styled for `style`.
pub fn new_table(style: Style, headers: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    if !headers.is_empty() {
        table.set_header(headers.iter().map(|header| header_cell(style, header)));
    }
    table
}

fn header_cell(style: Style, text: &str) -> Cell {
    let cell = Cell::new(text);
    if style.color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

/// A cell holding data text, with control characters made visible so that no escape
/// sequence from a corpus reaches the terminal.
pub fn data_cell(text: &str) -> Cell {
    Cell::new(break_long_words(&visible(text)))
}

/// A cell of `text` with the byte ranges `highlights` finds painted as matches; each
/// piece is escaped as [`data_cell`] escapes it.
pub fn highlighted_cell(text: &str, highlights: impl Fn(&str) -> Vec<(usize, usize)>) -> Cell {
    let mut painted = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in highlights(text) {
        painted.push_str(&break_long_words(&visible(&text[last..start])));
        painted.push_str(&paint(
            &break_long_words(&visible(&text[start..end])),
            palette::MATCH,
        ));
        last = end;
    }
    painted.push_str(&break_long_words(&visible(&text[last..])));
    Cell::new(painted)
}

/// Characters of one word the table is given at once. The table splits a word wider
/// than its column in time that grows with the square of the word's length, so a longer
/// run is cut into lines of this many characters first; each line is then wrapped to the
/// column as before, and the time stays linear in the text.
const MAX_UNBROKEN_CHARS: usize = 200;

fn break_long_words(text: &str) -> Cow<'_, str> {
    let mut run = 0usize;
    let needs_breaking = text.chars().any(|c| {
        run = if c.is_whitespace() { 0 } else { run + 1 };
        run > MAX_UNBROKEN_CHARS
    });
    if !needs_breaking {
        return Cow::Borrowed(text);
    }
    let mut broken = String::with_capacity(text.len() + text.len() / MAX_UNBROKEN_CHARS + 1);
    let mut run = 0usize;
    for c in text.chars() {
        if c.is_whitespace() {
            run = 0;
        } else {
            if run == MAX_UNBROKEN_CHARS {
                broken.push('\n');
                run = 0;
            }
            run += 1;
        }
        broken.push(c);
    }
    Cow::Owned(broken)
}

#[cfg(test)]
mod tests {
    use super::{MAX_UNBROKEN_CHARS, break_long_words};

    #[test]
    fn cuts_only_runs_longer_than_the_limit() {
        assert_eq!(break_long_words("short words stay"), "short words stay");
        let long = "x".repeat(MAX_UNBROKEN_CHARS * 2 + 5);
        let broken = break_long_words(&long);
        let lines: Vec<usize> = broken.split('\n').map(str::len).collect();
        assert_eq!(lines, [MAX_UNBROKEN_CHARS, MAX_UNBROKEN_CHARS, 5]);
    }
}
