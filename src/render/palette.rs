//! The colours of the output, as anstyle styles, in one place; every coloured piece of
//! text is painted through `paint`, and only when the output style asks for colour.

use anstyle::{AnsiColor, Color, Style as Ansi};

/// Words a diff removes from side A.
pub const DELETED: Ansi = Ansi::new().fg_color(Some(Color::Ansi(AnsiColor::Red)));
/// Words a diff adds on side B.
pub const INSERTED: Ansi = Ansi::new().fg_color(Some(Color::Ansi(AnsiColor::Green)));
/// Headings.
pub const HEADING: Ansi = Ansi::new().bold();
/// What a search matched.
pub const MATCH: Ansi = Ansi::new()
    .bold()
    .fg_color(Some(Color::Ansi(AnsiColor::Yellow)));

/// `text` in `ansi`, reset after it.
pub fn paint(text: &str, ansi: Ansi) -> String {
    format!("{}{text}{}", ansi.render(), ansi.render_reset())
}
