//! What `search` returns: each field of the corpus that matches.

use serde::Serialize;

/// One field that matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Hit {
    /// The clause, or null for the plan as a whole (positions on it) or an outlet's
    /// headline.
    pub clause: Option<u32>,
    /// `text` for the plan's own fields, an outlet's source id for its material, a
    /// version's id for its summary, accounts and drops, and `VERSION:N` for a point.
    pub source: String,
    /// What kind of field matched: `title`, `text`, `subpoint` (the plan's); `wording`,
    /// `summary` (an outlet's report); `actor`, `position` (our summary of it), `quote`;
    /// `outlet_says`, `explanation` (a departure); `earlier_version`; `headline`; and of
    /// the later versions `version_summary`, `drop`, `point_title`, `point_summary`,
    /// `point_note` and `account`.
    pub field: &'static str,
    /// The whole field's text.
    pub passage: String,
    /// For a hit on an actor's name, what the actor said there (the position's summary
    /// and quote); otherwise null.
    pub said: Option<String>,
    /// Each matched piece of the passage, in order.
    pub matches: Vec<String>,
}
