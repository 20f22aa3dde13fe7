//! The closed choices of how output is written: its format and when to colour it.

/// How results are written.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::EnumMessage,
)]
#[strum(serialize_all = "kebab-case")]
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
}

impl OutputFormat {
    /// The name users type for it.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// When to colour output.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::EnumMessage,
)]
#[strum(serialize_all = "kebab-case")]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
