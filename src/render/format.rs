//! The closed choices of how output is written: its format and when to colour it.

use crate::model::choice::closed_choice;

closed_choice! {
    /// How results are written.
    pub enum OutputFormat {
        /// A table sized to the terminal.
        Table,
        /// One pretty-printed JSON document.
        Json,
        /// JSON Lines: one compact JSON object per line.
        Jsonl,
        /// CSV with a header row; a list's items joined by `;` (a `;` or `\` inside an item
        /// escaped with a backslash).
        Csv,
        /// A Markdown table, ready to paste into an article.
        Markdown,
        /// One YAML document.
        Yaml,
        /// An SQLite database (`export` only): tables, keys, full-text indexes and views.
        Sqlite,
        /// The SQLite database as an SQL script (`export` only).
        Sql,
        /// W3C Web Annotations as JSON-LD (`align` only).
        Jsonld,
    }
}

impl OutputFormat {
    /// The name users type for it.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

closed_choice! {
    /// When to colour output.
    pub enum ColorChoice {
        Auto,
        Always,
        Never,
    }
}

/// The formats for scripts, spreadsheets and articles: every format but the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructuredFormat {
    Json,
    Jsonl,
    Csv,
    Markdown,
    Yaml,
}

/// The formats that rows flat by nature (one cell per column) are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlatFormat {
    Csv,
    Markdown,
    Jsonl,
}

impl OutputFormat {
    /// The format for scripts this is; `None` for the table.
    pub fn structured(self) -> Option<StructuredFormat> {
        match self {
            OutputFormat::Table => None,
            OutputFormat::Json => Some(StructuredFormat::Json),
            OutputFormat::Jsonl => Some(StructuredFormat::Jsonl),
            OutputFormat::Csv => Some(StructuredFormat::Csv),
            OutputFormat::Markdown => Some(StructuredFormat::Markdown),
            OutputFormat::Yaml => Some(StructuredFormat::Yaml),
            // Only `export` writes the first two and only `align` the last, each itself;
            // every other command refuses them before it renders anything.
            OutputFormat::Sqlite | OutputFormat::Sql | OutputFormat::Jsonld => None,
        }
    }

    /// The flat format this is; `None` for the table and the document formats.
    pub fn flat(self) -> Option<FlatFormat> {
        match self {
            OutputFormat::Csv => Some(FlatFormat::Csv),
            OutputFormat::Markdown => Some(FlatFormat::Markdown),
            OutputFormat::Jsonl => Some(FlatFormat::Jsonl),
            OutputFormat::Table
            | OutputFormat::Json
            | OutputFormat::Yaml
            | OutputFormat::Sqlite
            | OutputFormat::Sql
            | OutputFormat::Jsonld => None,
        }
    }
}
