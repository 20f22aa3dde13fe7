//! Highlights inside table cells: a cell's text carries zero-width marks around what is
//! highlighted while the table is laid out and drawn, and the drawn table has them turned
//! into colour, line by line and cell by cell, so a highlight that wraps onto the next
//! line of its cell is coloured there too and never runs into a border or the next cell.
//!
//! The table library then never sees an escape sequence, and measures plain text only.

use unicode_width::UnicodeWidthChar;

use super::palette;

/// Where a highlight starts, and where it ends. They are characters `visible` always
/// escapes (invisible separator and invisible plus), so no text from a corpus carries
/// them raw, and the table library gives them no width.
pub const START: char = '\u{2063}';
pub const END: char = '\u{2064}';

/// `text` with `START` and `END` around it.
pub fn marked(text: &str) -> String {
    format!("{START}{text}{END}")
}

/// Whether `c` is a mark.
pub fn is_mark(c: char) -> bool {
    c == START || c == END
}

/// Whether `text` holds a mark.
pub fn has_marks(text: &str) -> bool {
    text.contains([START, END])
}

/// `text` without its marks.
pub fn unmarked(text: &str) -> String {
    text.replace([START, END], "")
}

/// A drawn table, each of whose lines has a border at the display columns `borders`
/// (the first at 0), with its marks painted in the highlight colour: a highlight is
/// closed at the end of the text on its line, reopened before the text of its cell on
/// the next line, and ended at its `END`.
pub fn paint(drawn: &str, borders: &[usize]) -> String {
    let start = palette::MATCH.render().to_string();
    let reset = palette::MATCH.render_reset().to_string();
    let mut open = vec![false; borders.len()];
    let mut painted = String::with_capacity(drawn.len() + drawn.len() / 8);
    for (index, line) in drawn.split('\n').enumerate() {
        if index > 0 {
            painted.push('\n');
        }
        if !has_marks(line) && !open.contains(&true) {
            painted.push_str(line);
            continue;
        }
        paint_line(line, borders, &mut open, (&start, &reset), &mut painted);
    }
    painted
}

/// One line of [`paint`], the highlight of each cell carried over in `open`.
fn paint_line(
    line: &str,
    borders: &[usize],
    open: &mut [bool],
    (start, reset): (&str, &str),
    painted: &mut String,
) {
    let mut column = 0usize;
    let mut x = 0usize;
    // Whether the cell's highlight is shown on this line yet, and where in `painted` its
    // last visible character ends (a reset goes there, before the padding).
    let mut shown = false;
    let mut text_end: Option<usize> = None;
    // Inside an escape sequence the library wrote (a bold cell): it takes no room.
    let mut in_escape = false;
    for c in line.chars() {
        if c == '\u{1b}' || in_escape {
            in_escape = c == '\u{1b}' || c == '[' || !c.is_ascii_alphabetic();
            painted.push(c);
            continue;
        }
        if let Some(border) = borders.iter().position(|&at| at == x)
            && c != START
            && c != END
        {
            if shown && let Some(end) = text_end {
                painted.insert_str(end, reset);
            }
            column = border;
            shown = false;
            text_end = None;
            painted.push(c);
            x += c.width().unwrap_or(0);
            continue;
        }
        match c {
            START => {
                open[column] = true;
            }
            END => {
                if shown {
                    painted.push_str(reset);
                }
                open[column] = false;
                shown = false;
                text_end = None;
            }
            _ => {
                if open[column] && !shown && !c.is_whitespace() {
                    painted.push_str(start);
                    shown = true;
                }
                painted.push(c);
                if shown && !c.is_whitespace() {
                    text_end = Some(painted.len());
                }
            }
        }
        x += c.width().unwrap_or(0);
    }
    if shown && let Some(end) = text_end {
        painted.insert_str(end, reset);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colour(text: &str) -> String {
        format!(
            "{}{text}{}",
            palette::MATCH.render(),
            palette::MATCH.render_reset()
        )
    }

    #[test]
    fn a_highlight_is_painted_within_its_cell() {
        let line = format!("│ a {START}b{END} c │ d │");
        assert_eq!(
            paint(&line, &[0, 8, 12]),
            format!("│ a {} c │ d │", colour("b"))
        );
    }

    #[test]
    fn a_wrapped_highlight_stops_at_the_border_and_resumes_on_the_next_line() {
        let drawn = format!("│ x {START}two │ y │\n│ words{END} │   │");
        // Borders at 0, 8 and 12 on both lines.
        assert_eq!(
            paint(&drawn, &[0, 8, 12]),
            format!("│ x {} │ y │\n│ {} │   │", colour("two"), colour("words"))
        );
    }

    #[test]
    fn a_bold_cell_before_a_highlight_takes_no_room() {
        // Borders at 0, 4 and 12: the bold codes of the first cell are not counted, so
        // the wrapped highlight is closed before the last border and reopened after the
        // second on the next line.
        let drawn =
            format!("│\u{1b}[1m a \u{1b}[0m┆ x {START}two │\n│\u{1b}[1m   \u{1b}[0m┆ words{END} │");
        assert_eq!(
            paint(&drawn, &[0, 4, 12]),
            format!(
                "│\u{1b}[1m a \u{1b}[0m┆ x {} │\n│\u{1b}[1m   \u{1b}[0m┆ {} │",
                colour("two"),
                colour("words")
            )
        );
    }

    #[test]
    fn lines_without_marks_are_left_as_they_are() {
        let drawn = "┌───┐\n│ a │\n└───┘";
        assert_eq!(paint(drawn, &[0, 4]), drawn);
    }
}
