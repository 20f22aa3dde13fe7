//! What `search` returns: each field of the corpus that matches.

use serde::Serialize;

/// One field that matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Hit {
    /// The clause, or null for the plan as a whole (positions on it) or an outlet's
    /// headline.
    pub clause: Option<u32>,
    /// `text` for the plan's own fields, else the outlet's source id.
    pub source: String,
    /// What kind of field matched: `title`, `text`, `subpoint` (the plan's); `wording`,
    /// `summary` (an outlet's report); `actor`, `position` (our summary of it), `quote`;
    /// `outlet_says`, `explanation` (a departure); `earlier_version`; `headline`.
    pub field: &'static str,
    /// The whole field's text.
    pub passage: String,
    /// Each matched piece of the passage, in order.
    pub matches: Vec<String>,
}
