//! What `align` returns: each clause found in an article, its passages (byte-exact,
//! with offsets and context), its score and the departures detected.

use serde::Serialize;

use crate::model::DiscrepancyKind;

/// One clause found in an article.
#[derive(Debug, Clone, Serialize)]
pub struct ClauseMatch {
    pub clause: u32,
    pub title: String,
    /// Best sentence's score, between 0 and 1.
    pub score: f64,
    pub passages: Vec<Passage>,
    pub departures: Vec<Departure>,
}

/// A verbatim slice of the article, with W3C TextQuoteSelector-style context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// The exact text: `article[start..end]`.
    pub text: String,
    /// Byte offset where the passage starts.
    pub start: usize,
    /// Byte offset just past the passage.
    pub end: usize,
    pub prefix: String,
    pub suffix: String,
}

/// One detected departure.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Departure {
    pub kind: DiscrepancyKind,
    /// The plan's words (the clause sentence or phrase departed from).
    pub text_says: String,
    /// The article's words, copied from the passage.
    pub outlet_says: String,
}
