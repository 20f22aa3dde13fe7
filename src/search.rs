//! Full-text search over the corpus: clause titles, texts and sub-points, and each
//! outlet's wording, summary and position quotes.

use regex::{Regex, RegexBuilder};
use serde::Serialize;

use crate::corpus::TEXT_SOURCE_ID;
use crate::error::UsageError;
use crate::model::{Clause, Corpus};
use crate::query::ClauseFilter;

/// What to look for.
#[derive(Debug, Clone)]
pub struct Matcher {
    pattern: Regex,
}

impl Matcher {
    /// A matcher for `query`: a literal unless `is_regex`, ignoring case unless
    /// `case_sensitive`. A bad pattern is a usage error.
    pub fn new(query: &str, is_regex: bool, case_sensitive: bool) -> Result<Self, UsageError> {
        if query.is_empty() {
            return Err(UsageError("the search query is empty".into()));
        }
        let source = if is_regex {
            query.to_owned()
        } else {
            regex::escape(query)
        };
        let pattern = RegexBuilder::new(&source)
            .case_insensitive(!case_sensitive)
            .size_limit(1 << 20)
            .build()
            .map_err(|error| UsageError(format!("invalid --regex pattern: {error}")))?;
        Ok(Self { pattern })
    }

    /// Byte ranges of every match in `text`.
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        self.pattern
            .find_iter(text)
            .filter(|found| !found.is_empty())
            .map(|found| (found.start(), found.end()))
            .collect()
    }
}

/// One field that matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Hit {
    /// The clause, or null for a position on the plan as a whole.
    pub clause: Option<u32>,
    /// `text` for the plan's own fields, else the outlet's source id.
    pub source: String,
    /// `title`, `text`, `subpoint`, `wording`, `summary` or `quote`.
    pub field: &'static str,
    /// The whole field's text.
    pub passage: String,
    /// Each matched piece of the passage, in order.
    pub matches: Vec<String>,
}

impl Hit {
    pub const FIELDS: &'static [&'static str] =
        &["clause", "source", "field", "passage", "matches"];
}

/// Every matching field of the clauses `filter` keeps; plan-level quotes too when the
/// filter keeps every clause.
pub fn search(corpus: &Corpus, filter: &ClauseFilter, matcher: &Matcher) -> Vec<Hit> {
    let mut hits = Vec::new();
    for clause in filter.select(corpus) {
        for (source, field, passage) in searchable_fields(clause) {
            push_hit(
                &mut hits,
                matcher,
                Some(clause.number),
                source,
                field,
                passage,
            );
        }
    }
    if filter.keeps_everything() {
        for plan_report in &corpus.plan_reports {
            for quote in plan_report
                .positions
                .iter()
                .filter_map(|p| p.quote.as_deref())
            {
                push_hit(
                    &mut hits,
                    matcher,
                    None,
                    &plan_report.source,
                    "quote",
                    quote,
                );
            }
        }
    }
    hits
}

fn searchable_fields(clause: &Clause) -> Vec<(&str, &'static str, &str)> {
    let mut fields = vec![
        (TEXT_SOURCE_ID, "title", clause.title.as_str()),
        (TEXT_SOURCE_ID, "text", clause.text.as_str()),
    ];
    fields.extend(
        clause
            .subpoints
            .iter()
            .map(|point| (TEXT_SOURCE_ID, "subpoint", point.as_str())),
    );
    for report in &clause.reports {
        let source = report.source.as_str();
        fields.extend(
            report
                .wording
                .iter()
                .map(|passage| (source, "wording", passage.as_str())),
        );
        fields.push((source, "summary", report.summary.as_str()));
        fields.extend(
            report
                .positions
                .iter()
                .filter_map(|position| position.quote.as_deref())
                .map(|quote| (source, "quote", quote)),
        );
    }
    fields
}

fn push_hit(
    hits: &mut Vec<Hit>,
    matcher: &Matcher,
    clause: Option<u32>,
    source: &str,
    field: &'static str,
    passage: &str,
) {
    let found = matcher.find_all(passage);
    if found.is_empty() {
        return;
    }
    hits.push(Hit {
        clause,
        source: source.to_owned(),
        field,
        passage: passage.to_owned(),
        matches: found
            .iter()
            .map(|&(start, end)| passage[start..end].to_owned())
            .collect(),
    });
}

#[cfg(test)]
mod tests {
    use super::Matcher;

    #[test]
    fn literal_queries_ignore_case_and_escape_regex_syntax() {
        let matcher = Matcher::new("g8.", false, false).unwrap();
        assert_eq!(matcher.find_all("rejoin the G8."), vec![(11, 14)]);
        assert!(matcher.find_all("rejoin the G8x").is_empty());
    }

    #[test]
    fn regex_queries_and_bad_patterns() {
        let matcher = Matcher::new(r"\d+ days", true, false).unwrap();
        assert_eq!(matcher.find_all("in 100 days."), vec![(3, 11)]);
        assert!(Matcher::new("(unclosed", true, false).is_err());
        assert!(
            Matcher::new("NATO", false, true)
                .unwrap()
                .find_all("nato")
                .is_empty()
        );
    }
}
