//! What `sources` returns: an outlet of the archive and what it reports.

use serde::Serialize;

use crate::model::{Corpus, Source, SourceKind};

/// An outlet with how many clauses it reports.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SourceRecord<'c> {
    pub id: &'c str,
    pub name: &'c str,
    pub publisher: &'c str,
    pub headline: &'c str,
    pub byline: Option<&'c str>,
    pub published: Option<&'c str>,
    pub date_note: &'c str,
    pub language: &'c str,
    pub kind: SourceKind,
    pub via: &'c [String],
    /// Where the article was published, where known (null otherwise).
    pub url: Option<&'c str>,
    /// How many clauses the outlet reports.
    pub clauses: usize,
}

impl<'c> SourceRecord<'c> {
    pub fn all(corpus: &'c Corpus) -> Vec<Self> {
        // Counted in one pass over the reports: once per source would be quadratic in a
        // corpus with many sources.
        let mut reported: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for clause in &corpus.clauses {
            let mut sources: Vec<&str> = clause
                .reports
                .iter()
                .map(|report| report.source.as_str())
                .collect();
            sources.sort_unstable();
            sources.dedup();
            for source in sources {
                *reported.entry(source).or_default() += 1;
            }
        }
        corpus
            .sources
            .iter()
            .map(|source| {
                Self::new(
                    source,
                    reported.get(source.id.as_str()).copied().unwrap_or(0),
                )
            })
            .collect()
    }

    fn new(source: &'c Source, clauses: usize) -> Self {
        Self {
            id: &source.id,
            name: &source.name,
            publisher: &source.publisher,
            headline: &source.headline,
            byline: source.byline.as_deref(),
            published: source.published.as_deref(),
            date_note: &source.date_note,
            language: &source.language,
            kind: source.kind,
            via: &source.via,
            url: source.url.as_deref(),
            clauses,
        }
    }
}
