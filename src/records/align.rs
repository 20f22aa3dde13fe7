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
    /// Figures the article gives that a later version of the plan has, attributed to
    /// that version: reported correctly, not departures.
    pub later_versions: Vec<VersionMatch>,
}

/// A figure of the article that matches a point of a later version of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct VersionMatch {
    /// The version's id (`e3-counter`).
    pub version: String,
    /// The point's number in that version, where it has one.
    pub point: Option<u32>,
    /// The article's words for the figure.
    pub article_says: String,
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
    /// Why this is a departure, in a sentence.
    pub why: String,
}

/// The columns of `align`'s flat output (`--format csv` or `markdown`): one row per
/// passage, departure and later-version figure.
pub const FLAT_COLUMNS: &[&str] = &[
    "clause",
    "title",
    "score",
    "finding",
    "article_says",
    "text_says",
    "why",
];

/// One row of `align`'s flat output.
pub fn flat_rows(matches: &[ClauseMatch]) -> Vec<[String; 7]> {
    let mut rows = Vec::new();
    for found in matches {
        let row = |finding: String, article: &str, text: &str, why: String| {
            [
                found.clause.to_string(),
                found.title.clone(),
                format!("{:.2}", found.score),
                finding,
                article.to_owned(),
                text.to_owned(),
                why,
            ]
        };
        if found.passages.is_empty() {
            rows.push(row("best score only".into(), "", "", String::new()));
        }
        for passage in &found.passages {
            rows.push(row(
                format!("passage {}..{}", passage.start, passage.end),
                &passage.text,
                "",
                String::new(),
            ));
        }
        for departure in &found.departures {
            rows.push(row(
                format!("{} departure", departure.kind),
                &departure.outlet_says,
                &departure.text_says,
                departure.why.clone(),
            ));
        }
        for later in &found.later_versions {
            rows.push(row(
                "later version".into(),
                &later.article_says,
                "",
                later.describe(),
            ));
        }
    }
    rows
}

impl VersionMatch {
    /// "matches e3-counter point 6".
    pub fn describe(&self) -> String {
        match self.point {
            Some(point) => format!("matches {} point {point}", self.version),
            None => format!("matches {}", self.version),
        }
    }
}
