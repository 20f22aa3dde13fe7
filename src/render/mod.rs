//! Writing results: the output style (colour, width), JSON documents, and the table
//! layouts of each kind of record.

mod align;
mod diff;
mod format;
mod grid;
mod layouts;
mod marks;
mod palette;
mod side_by_side;
mod structured;
mod table;
mod versions;
mod yaml;

use std::io::{IsTerminal, Write};

use serde::Serialize;

pub use crate::text::escape::visible;
pub use align::alignment_text;
pub use diff::{
    DIFF_CSV_COLUMNS, diff_clause_rows, diff_details, diff_left_out, diff_markdown,
    diff_plan_stances, diff_stat_lines, diff_summary, wrapped_lines,
};
pub use layouts::{actor_table, departure_table, detected_figure_table};
pub use layouts::{
    clause_details, clause_table, matrix_columns_key, matrix_legend, matrix_table, position_table,
    search_table, source_table, vocabulary_table,
};
pub use side_by_side::side_by_side;
pub use structured::{
    FlatCell, RecordShape, check_fields, chosen_fields, project, write_flat_rows, write_json_lines,
    write_records, write_yaml,
};
pub use versions::{
    lineage_text, point_details, point_table, version_diff_text, version_matrix_legend,
    version_matrix_table, version_text,
};

pub use format::{ColorChoice, FlatFormat, OutputFormat, StructuredFormat};
pub use table::{PARALLEL_FROM_ROWS, Table};

/// Width for tables when stdout is not a terminal and neither --width nor COLUMNS says.
pub const DEFAULT_WIDTH: u16 = 100;

/// How tables are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub width: u16,
}

impl Style {
    /// The style for stdout, from the flags (`--color`, `--width`) and the environment.
    pub fn detect(color: ColorChoice, width: Option<u16>) -> Self {
        let is_terminal = std::io::stdout().is_terminal();
        Self {
            color: wants_color(color, is_terminal, |name| std::env::var_os(name)),
            width: width
                .or_else(|| is_terminal.then(terminal_width).flatten())
                .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
                .unwrap_or(DEFAULT_WIDTH),
        }
    }
}

/// Whether to colour: `always` and `never` win; `auto` honours NO_COLOR (any non-empty
/// value, as no-color.org says), then CLICOLOR_FORCE (any value but `0`), then whether
/// stdout is a terminal.
pub fn wants_color(
    choice: ColorChoice,
    is_terminal: bool,
    env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> bool {
    let non_empty = |name: &str| env(name).is_some_and(|value| !value.is_empty());
    let forced = || env("CLICOLOR_FORCE").is_some_and(|value| !value.is_empty() && value != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if non_empty("NO_COLOR") => false,
        ColorChoice::Auto if forced() => true,
        ColorChoice::Auto => is_terminal,
    }
}

fn terminal_width() -> Option<u16> {
    comfy_table::Table::new().width()
}

/// `value` as one pretty-printed JSON document and a newline.
pub fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> anyhow::Result<()> {
    // Through io::Error, so that a closed pipe is still recognisable as one.
    crate::text::escape::json_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// A one-line note for people on stderr (never mixed into stdout's data).
pub fn note(message: &str) {
    let _ = writeln!(std::io::stderr(), "peaceplan: {}", visible(message));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| OsString::from(value))
        }
    }

    #[test]
    fn colour_follows_the_terminal_unless_told() {
        assert!(wants_color(ColorChoice::Auto, true, env(&[])));
        assert!(!wants_color(ColorChoice::Auto, false, env(&[])));
        assert!(!wants_color(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(wants_color(
            ColorChoice::Auto,
            false,
            env(&[("CLICOLOR_FORCE", "1")])
        ));
        assert!(!wants_color(
            ColorChoice::Auto,
            false,
            env(&[("CLICOLOR_FORCE", "0")])
        ));
        assert!(wants_color(
            ColorChoice::Always,
            false,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(!wants_color(ColorChoice::Never, true, env(&[])));
        // no-color.org: any non-empty value, `0` included, turns colour off.
        assert!(!wants_color(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "0")])
        ));
        assert!(wants_color(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "")])
        ));
    }
}
