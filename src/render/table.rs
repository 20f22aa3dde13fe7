//! The shared look of every table: borders, width, header style, and safe cell text.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, ContentArrangement, Table};

use super::Style;
pub use super::escape::visible;

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
    Cell::new(visible(text))
}
