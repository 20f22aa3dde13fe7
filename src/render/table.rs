//! The shared look of every table: borders, width, header style, and safe cell text.
//! A table is drawn only when it is shown, once its columns are sized so that no word is
//! cut (`grid`).

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use rayon::prelude::*;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, ColumnConstraint, ContentArrangement, Width};

use super::Style;
use super::grid;
use super::marks;
use super::palette::{self, paint};
pub use crate::text::escape::visible;

/// One cell: its text and whether it is bold. The text can only come in through
/// [`Cell::new`], which escapes it, or through this module's painting of text it has
/// escaped itself, so no cell carries a control character from a corpus to the terminal.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    text: String,
    bold: bool,
}

impl Cell {
    fn is_marked(&self) -> bool {
        marks::has_marks(&self.text)
    }
}

impl Cell {
    /// A cell of `content`, its control and reordering characters made visible.
    pub fn new(content: impl ToString) -> Self {
        Self::escaped(visible(&content.to_string()))
    }

    /// A cell of text already escaped (and perhaps painted) here.
    fn escaped(text: String) -> Self {
        Self { text, bold: false }
    }

    /// The cell in bold.
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
}

/// How a column may be sized, beyond keeping its words whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sizing {
    /// Never wrapped: as wide as its content.
    Whole,
    /// At least this many characters of text.
    AtLeast(usize),
}

/// A table being built: a header, rows, and how its columns are sized.
#[derive(Debug, Clone)]
pub struct Table {
    style: Style,
    header: Option<Vec<Cell>>,
    rows: Vec<Vec<Cell>>,
    sizing: Vec<(usize, Sizing)>,
    one_line_rows: Vec<usize>,
    truncation: Option<&'static str>,
    marked: bool,
}

/// An empty table with `headers`, sized and styled for `style`.
pub fn new_table(style: Style, headers: &[&str]) -> Table {
    let mut table = Table {
        style,
        header: None,
        rows: Vec::new(),
        sizing: Vec::new(),
        one_line_rows: Vec::new(),
        truncation: None,
        marked: false,
    };
    if !headers.is_empty() {
        table.set_header(headers.iter().map(|header| header_cell(style, header)));
    }
    table
}

impl Table {
    pub fn set_header(&mut self, cells: impl IntoIterator<Item = Cell>) -> &mut Self {
        self.header = Some(cells.into_iter().collect());
        self
    }

    pub fn add_row(&mut self, cells: impl IntoIterator<Item = Cell>) -> &mut Self {
        let row: Vec<Cell> = cells.into_iter().collect();
        self.marked |= row.iter().any(Cell::is_marked);
        self.rows.push(row);
        self
    }

    /// Add `rows`, in their order.
    pub fn add_rows(&mut self, rows: Vec<Vec<Cell>>) -> &mut Self {
        self.marked |= rows.iter().flatten().any(Cell::is_marked);
        self.rows.extend(rows);
        self
    }

    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Never wrap these columns (ids and short values): they keep their content's width.
    pub fn keep_whole(&mut self, columns: &[usize]) -> &mut Self {
        self.sizing
            .extend(columns.iter().map(|&index| (index, Sizing::Whole)));
        self
    }

    /// Give column `index` at least `width` characters of text.
    pub fn at_least(&mut self, index: usize, width: usize) -> &mut Self {
        self.sizing.push((index, Sizing::AtLeast(width)));
        self
    }

    /// Mark a cell cut to its row's height with `indicator`.
    pub fn set_truncation_indicator(&mut self, indicator: &'static str) -> &mut Self {
        self.truncation = Some(indicator);
        self
    }

    /// Cut the last row to one line.
    pub fn last_row_on_one_line(&mut self) -> &mut Self {
        if let Some(last) = self.rows.len().checked_sub(1) {
            self.one_line_rows.push(last);
        }
        self
    }

    fn column_count(&self) -> usize {
        self.header
            .iter()
            .chain(&self.rows)
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }

    fn sizing_of(&self, column: usize) -> Option<Sizing> {
        self.sizing
            .iter()
            .rev()
            .find(|(index, _)| *index == column)
            .map(|(_, sizing)| *sizing)
    }

    /// What each column needs to keep its words whole, with its sizing applied; the
    /// rows of a long table are measured a chunk at a time on every core.
    fn needs(&self) -> Vec<grid::ColumnNeed> {
        let columns = self.column_count();
        let tally_of = |rows: &[Vec<Cell>]| {
            let mut tallies = vec![grid::ColumnTally::default(); columns];
            for row in rows {
                for (tally, cell) in tallies.iter_mut().zip(row) {
                    tally.add(&cell.text);
                }
            }
            tallies
        };
        let merge = |a: Vec<grid::ColumnTally>, b: Vec<grid::ColumnTally>| {
            a.into_iter().zip(b).map(|(a, b)| a.merge(b)).collect()
        };
        let header = tally_of(self.header.as_slice());
        let tallies = if self.rows.len() < PARALLEL_FROM_ROWS {
            tally_of(&self.rows)
        } else {
            self.rows
                .par_chunks(ROWS_PER_CHUNK)
                .map(tally_of)
                .reduce(|| vec![grid::ColumnTally::default(); columns], merge)
        };
        merge(header, tallies)
            .into_iter()
            .enumerate()
            .map(|(column, tally)| {
                let mut need = tally.need();
                match self.sizing_of(column) {
                    Some(Sizing::Whole) => {
                        need.widest_word = need.widest_line;
                        need.widest_piece = need.widest_line;
                    }
                    Some(Sizing::AtLeast(width)) => {
                        need.widest_word = need.widest_word.max(width);
                        need.widest_piece = need.widest_piece.max(width);
                        need.widest_line = need.widest_line.max(width);
                    }
                    None => {}
                }
                need
            })
            .collect()
    }

    /// The characters of text the table has across its columns: its width less the
    /// borders (one between each pair of columns and one at each side) and the padding
    /// (a space on each side of each cell).
    fn text_width(&self) -> usize {
        let columns = self.column_count();
        usize::from(self.style.width).saturating_sub(columns + 1 + 2 * columns)
    }

    /// Each column's width, and whether its wide words must be wrapped to it: sized so
    /// that no word is cut.
    fn layout(&self) -> Layout {
        let needs = self.needs();
        let (widths, whole) = grid::allocate(&needs, self.text_width());
        // Only a column that keeps its words whole and has a word wider than itself has
        // words to wrap; the cells of the others are not looked at again.
        let wraps = whole
            .iter()
            .zip(&needs)
            .zip(&widths)
            .map(|((&whole, need), &width)| whole && need.widest_word > width)
            .collect();
        Layout { widths, wraps }
    }

    /// The rows `rows` (and the header, when `with_header`) as the library draws them,
    /// in columns of `layout`'s widths, wide words wrapped at their separators.
    fn drawn(&self, layout: &Layout, rows: Range<usize>, with_header: bool) -> comfy_table::Table {
        let Layout { widths, wraps } = layout;
        let wrap_at = |column: usize| {
            wraps
                .get(column)
                .copied()
                .unwrap_or(false)
                .then(|| widths[column])
        };
        let to_cell = |column: usize, cell: &Cell| {
            let text = match wrap_at(column) {
                Some(width) => grid::wrap_wide_words(&cell.text, width),
                None => Cow::Borrowed(cell.text.as_str()),
            };
            let drawn = comfy_table::Cell::new(text);
            if cell.bold {
                drawn.add_attribute(Attribute::Bold)
            } else {
                drawn
            }
        };
        let mut table = comfy_table::Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(self.style.width);
        if let Some(indicator) = self.truncation {
            table.set_truncation_indicator(indicator);
        }
        if self.style.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        if let Some(header) = self.header.as_ref().filter(|_| with_header) {
            table.set_header(
                header
                    .iter()
                    .enumerate()
                    .map(|(column, cell)| to_cell(column, cell)),
            );
        }
        for row in &self.rows[rows.clone()] {
            table.add_row(
                row.iter()
                    .enumerate()
                    .map(|(column, cell)| to_cell(column, cell)),
            );
        }
        // The width counts the cell's padding as well as its text.
        for (index, width) in widths.iter().enumerate() {
            if let Some(column) = table.column_mut(index) {
                let width = u16::try_from(width + 2).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(width)));
            }
        }
        for &index in self
            .one_line_rows
            .iter()
            .filter(|index| rows.contains(index))
        {
            if let Some(row) = table.row_mut(index - rows.start) {
                row.max_height(1);
            }
        }
        table
    }
}

impl Table {
    /// The rows `rows` drawn (with the header when they are the first), their
    /// highlights painted when the style has colour and left out when it has none.
    fn finished(&self, layout: &Layout, rows: Range<usize>) -> String {
        let drawn = self
            .drawn(layout, rows.clone(), rows.start == 0)
            .to_string();
        match (self.marked, self.style.color) {
            (false, _) => drawn,
            (true, true) => marks::paint(&drawn, &layout.borders()),
            (true, false) => marks::unmarked(&drawn),
        }
    }
}

/// How a table's columns are sized: each one's width, and whether it has words wider
/// than that to wrap to it (at their separators, so that no word is cut).
struct Layout {
    widths: Vec<usize>,
    wraps: Vec<bool>,
}

impl Layout {
    /// The display column of each vertical border of a drawn line: one at the start and
    /// one after each column (its text and a space of padding on either side).
    fn borders(&self) -> Vec<usize> {
        std::iter::once(0)
            .chain(self.widths.iter().scan(0, |x, width| {
                *x += width + 3;
                Some(*x)
            }))
            .collect()
    }
}

/// Rows the library draws at a time. A longer table is drawn in chunks of this many
/// rows, on every core, with its columns sized once for all of them and the chunks
/// joined without their inner borders: the library's cost per row grows with the rows
/// it holds (a 300,000-row table took 10 s and 1 GB whole).
const ROWS_PER_CHUNK: usize = 2000;

/// Tables of fewer rows than this are made and measured on one thread: starting the
/// threads (about a millisecond) costs more than such a table takes.
pub const PARALLEL_FROM_ROWS: usize = ROWS_PER_CHUNK;

/// The row `row` makes of each of `items`, in order: on every core when there are at
/// least [`PARALLEL_FROM_ROWS`] of them.
pub fn rows_of<T: Sync>(
    items: &[T],
    row: impl Fn(&T) -> Vec<Cell> + Sync + Send,
) -> Vec<Vec<Cell>> {
    if items.len() < PARALLEL_FROM_ROWS {
        items.iter().map(row).collect()
    } else {
        items.par_iter().map(row).collect()
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let layout = self.layout();
        let rows = self.rows.len();
        if rows <= ROWS_PER_CHUNK {
            return f.write_str(&self.finished(&layout, 0..rows));
        }
        let chunks: Vec<Range<usize>> = (0..rows)
            .step_by(ROWS_PER_CHUNK)
            .map(|start| start..(start + ROWS_PER_CHUNK).min(rows))
            .collect();
        // A few chunks per core at a time, written in order, so memory stays bounded.
        let at_a_time = 4 * rayon::current_num_threads().max(1);
        for group in chunks.chunks(at_a_time) {
            let drawn: Vec<String> = group
                .par_iter()
                .map(|range| self.finished(&layout, range.clone()))
                .collect();
            for (range, text) in group.iter().zip(&drawn) {
                let first = range.start == 0;
                let last = range.end == rows;
                // Each chunk is drawn as a table of its own: its top border is left out
                // unless it is the first, and its bottom border unless it is the last.
                let mut body = text.as_str();
                if !last {
                    body = body.rsplit_once('\n').map_or("", |(above, _)| above);
                }
                if !first {
                    body = body.split_once('\n').map_or("", |(_, below)| below);
                    f.write_str("\n")?;
                }
                f.write_str(body)?;
            }
        }
        Ok(())
    }
}

fn header_cell(style: Style, text: &str) -> Cell {
    let cell = Cell::new(text);
    if style.color { cell.bold() } else { cell }
}

/// A cell holding data text, with control characters made visible so that no escape
/// sequence from a corpus reaches the terminal.
pub fn data_cell(text: &str) -> Cell {
    let shown = visible(text);
    match break_long_words(&shown) {
        Cow::Borrowed(_) => Cell::escaped(shown),
        Cow::Owned(broken) => Cell::escaped(broken),
    }
}

/// A cell of `text` with the byte ranges `highlights` finds marked as matches (painted
/// when the table is drawn in colour); each piece is escaped as [`data_cell`] escapes it.
pub fn highlighted_cell(text: &str, highlights: impl Fn(&str) -> Vec<(usize, usize)>) -> Cell {
    let mut painted = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in highlights(text) {
        painted.push_str(&break_long_words(&visible(&text[last..start])));
        painted.push_str(&marks::marked(&break_long_words(&visible(
            &text[start..end],
        ))));
        last = end;
    }
    painted.push_str(&break_long_words(&visible(&text[last..])));
    Cell::escaped(painted)
}

/// Characters of one word the table is given at once. The table splits a word wider
/// than its column in time that grows with the square of the word's length, so a longer
/// run is cut into lines of this many characters first; each line is then wrapped to the
/// column as before, and the time stays linear in the text.
const MAX_UNBROKEN_CHARS: usize = 200;

fn break_long_words(text: &str) -> Cow<'_, str> {
    // A run of more characters than that needs more bytes than that.
    if text.len() <= MAX_UNBROKEN_CHARS {
        return Cow::Borrowed(text);
    }
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
    // The last separator of the run: where in `broken` the text after it starts, and
    // how many characters follow it. A cut goes there when there is one, so that an id
    // or an address is cut only where the table could wrap it anyway. The insertion
    // moves at most a run's tail, so the time stays linear.
    let mut after_separator: Option<(usize, usize)> = None;
    for c in text.chars() {
        if c.is_whitespace() {
            run = 0;
            after_separator = None;
            broken.push(c);
            continue;
        }
        if run == MAX_UNBROKEN_CHARS {
            match after_separator.take() {
                Some((at, following)) => {
                    broken.insert(at, '\n');
                    run = following;
                }
                None => {
                    broken.push('\n');
                    run = 0;
                }
            }
        }
        broken.push(c);
        run += 1;
        if grid::is_separator(c) {
            after_separator = Some((broken.len(), 0));
        } else if let Some((_, following)) = &mut after_separator {
            *following += 1;
        }
    }
    Cow::Owned(broken)
}

/// A heading wrapped to the style's width (continuation lines keep its indent), bold on
/// a terminal, line by line.
pub fn heading(text: &str, style: Style) -> String {
    let indent = &text[..text.len() - text.trim_start().len()];
    let options = textwrap::Options::new(usize::from(style.width))
        .initial_indent(indent)
        .subsequent_indent(indent)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text.trim_start(), options)
        .iter()
        .map(|line| {
            if style.color {
                paint(line, palette::HEADING)
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::{MAX_UNBROKEN_CHARS, break_long_words};

    #[test]
    fn a_long_run_is_cut_after_its_last_separator_where_it_has_one() {
        let word = "abcd-".repeat(60);
        let broken = break_long_words(&word);
        for line in broken.split('\n') {
            assert!(line.chars().count() <= MAX_UNBROKEN_CHARS, "{line}");
            assert!(line.ends_with('-') || Some(line) == broken.rsplit('\n').next());
        }
        assert_eq!(broken.replace('\n', ""), word);
    }

    #[test]
    fn cuts_only_runs_longer_than_the_limit() {
        assert_eq!(break_long_words("short words stay"), "short words stay");
        let long = "x".repeat(MAX_UNBROKEN_CHARS * 2 + 5);
        let broken = break_long_words(&long);
        let lines: Vec<usize> = broken.split('\n').map(str::len).collect();
        assert_eq!(lines, [MAX_UNBROKEN_CHARS, MAX_UNBROKEN_CHARS, 5]);
    }
}
