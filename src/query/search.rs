//! Full-text search over everything a user can read: clause titles, texts and sub-points;
//! each outlet's wording and summary; every position's actor, summary and quote; every
//! departure's outlet words and explanation; earlier versions; and the outlets' headlines.
//!
//! A plain query matches its words in any order, each anywhere in the field; a query in
//! double quotes matches as one phrase. Plain queries ignore accents and the difference
//! between curly and straight quotes and dashes; `--regex` patterns match the text as it is.

use std::collections::{HashMap, VecDeque};

use rayon::prelude::*;
use regex::{Regex, RegexBuilder};

use crate::error::UsageError;
use crate::model::TEXT_SOURCE_ID;
use crate::model::{Clause, Corpus, Position};
use crate::query::ClauseFilter;
use crate::records::search::Hit;
use crate::text::fold::{Folded, fold_for_lookup};

/// The longest search text, in characters: every field is searched for it.
pub const MAX_QUERY_CHARS: usize = 1_000;

/// The most different words one search looks for, each in every field.
pub const MAX_QUERY_WORDS: usize = 32;

/// What to look for.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Each must match somewhere in a field for the field to match.
    terms: Vec<Regex>,
    /// Whether the terms are matched against the text folded for lookup.
    folds: bool,
}

impl Matcher {
    /// A matcher for `query`: its words in any order (one phrase when the query is in
    /// double quotes) unless `is_regex`, ignoring case unless `case_sensitive`. A bad
    /// pattern or an empty query is a usage error.
    pub fn new(query: &str, is_regex: bool, case_sensitive: bool) -> Result<Self, UsageError> {
        if query.trim().is_empty() {
            return Err(UsageError("the search query is empty".into()));
        }
        let length = query.chars().count();
        if length > MAX_QUERY_CHARS {
            return Err(UsageError(format!(
                "the search text is too long to search for ({length} characters, at most {MAX_QUERY_CHARS}); search for a shorter piece of it"
            )));
        }
        let sources: Vec<String> = if is_regex {
            vec![query.to_owned()]
        } else {
            let mut terms: Vec<String> = Vec::new();
            for term in literal_terms(query) {
                let term = regex::escape(&fold_for_lookup(term).text);
                if !terms.contains(&term) {
                    terms.push(term);
                }
            }
            if terms.len() > MAX_QUERY_WORDS {
                return Err(UsageError(format!(
                    "the search text has {} different words, at most {MAX_QUERY_WORDS} are searched for; put a phrase in double quotes, or search for fewer words",
                    terms.len()
                )));
            }
            terms
        };
        let terms = sources
            .iter()
            .map(|source| {
                RegexBuilder::new(source)
                    .case_insensitive(!case_sensitive)
                    .size_limit(1 << 20)
                    .build()
                    .map_err(|error| match (is_regex, error) {
                        (true, error) => UsageError(format!("invalid --regex pattern: {error}")),
                        (false, regex::Error::CompiledTooBig(_)) => UsageError(format!(
                            "the search text is too long to search for ({} characters); search for a shorter piece of it",
                            query.chars().count()
                        )),
                        (false, error) => {
                            UsageError(format!("the search text cannot be searched for: {error}"))
                        }
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            terms,
            folds: !is_regex,
        })
    }

    /// Byte ranges of every match in `text`, in order, when every term matches; none
    /// otherwise.
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        let folded = self.folded(text);
        let haystack = folded.as_ref().map_or(text, |folded| folded.text.as_ref());
        // Most fields lack some term: stop at the first one missing.
        if !self.terms.iter().all(|term| term.is_match(haystack)) {
            return Vec::new();
        }
        merged(self.matches_per_term(text, folded.as_ref()))
    }

    /// Byte ranges of every match of any term in `text`, for highlighting a piece of a
    /// field that may not hold every term.
    pub fn highlights(&self, text: &str) -> Vec<(usize, usize)> {
        merged(self.matches_per_term(text, self.folded(text).as_ref()))
    }

    /// `text` folded for matching, when this matcher folds (a literal query).
    fn folded<'t>(&self, text: &'t str) -> Option<Folded<'t>> {
        self.folds.then(|| fold_for_lookup(text))
    }

    /// Each term's matches in `text` (searched in `folded`, when given), as byte ranges
    /// of `text`.
    fn matches_per_term(&self, text: &str, folded: Option<&Folded>) -> Vec<Vec<(usize, usize)>> {
        let haystack = folded.map_or(text, |folded| folded.text.as_ref());
        self.terms
            .iter()
            .map(|term| {
                term.find_iter(haystack)
                    .filter(|found| !found.is_empty())
                    .map(|found| match folded {
                        Some(folded) => folded.original_range(found.start(), found.end()),
                        None => (found.start(), found.end()),
                    })
                    .collect()
            })
            .collect()
    }
}

/// The terms of a literal query: the phrase inside double quotes, or each word.
fn literal_terms(query: &str) -> Vec<&str> {
    let phrase = query
        .strip_prefix(['"', '“', '”'])
        .and_then(|rest| rest.strip_suffix(['"', '“', '”']))
        .filter(|phrase| !phrase.trim().is_empty());
    match phrase {
        Some(phrase) => vec![phrase],
        None => query.split_whitespace().collect(),
    }
}

/// The ranges of every term, sorted, overlapping ones joined.
fn merged(per_term: Vec<Vec<(usize, usize)>>) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = per_term.into_iter().flatten().collect();
    ranges.sort_unstable();
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match joined.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => joined.push((start, end)),
        }
    }
    joined
}

/// Clauses matched by one task: a search of fewer than twice this many runs on one core
/// (starting the threads, about a millisecond, would cost more than matching them).
const CLAUSES_PER_TASK: usize = 64;

/// Every matching field of the clauses `filter` keeps, from the sources in `sources`
/// (every one when empty; `text` is the plan's own wording); positions on the plan as a
/// whole and headlines too when the filter keeps every clause.
pub fn search(
    corpus: &Corpus,
    filter: &ClauseFilter,
    sources: &[String],
    matcher: &Matcher,
) -> Vec<Hit> {
    let wanted = |source: &str| sources.is_empty() || sources.iter().any(|s| s == source);
    // Each clause's fields are listed and matched by the task that takes the clause, so
    // the fields of the whole corpus are never held at once; the hits keep its order.
    let clause_hits = |clause: &&Clause| {
        clause_fields(clause)
            .into_iter()
            .filter(|(source, _, _)| wanted(source))
            .filter_map(|(source, field, passage)| {
                hit(matcher, Some(clause.number), source, field, passage)
            })
            .collect::<Vec<_>>()
    };
    let clauses = filter.select(corpus);
    let mut hits: Vec<Hit> = if clauses.len() < 2 * CLAUSES_PER_TASK {
        clauses.iter().flat_map(clause_hits).collect()
    } else {
        clauses
            .par_iter()
            .with_min_len(CLAUSES_PER_TASK)
            .flat_map_iter(clause_hits)
            .collect()
    };
    if filter.keeps_everything() {
        hits.extend(
            whole_plan_fields(corpus)
                .into_iter()
                .filter(|(source, _, _)| wanted(source))
                .filter_map(|(source, field, passage)| hit(matcher, None, source, field, passage)),
        );
    }
    attach_what_actors_said(corpus, &mut hits);
    hits.extend(version_hits(corpus, filter, sources, matcher));
    hits
}

/// For each hit on an actor's name, what that actor said there: the position's summary,
/// and the quote where there is one (a search for a person should show their words).
fn attach_what_actors_said(corpus: &Corpus, hits: &mut [Hit]) {
    if !hits.iter().any(|hit| hit.field == "actor") {
        return;
    }
    // The same actor may take several positions in one report: the hits come in the
    // corpus's order, so each hit on a name takes the next position under it.
    let mut positions: HashMap<(Option<u32>, &str, &str), VecDeque<&Position>> = HashMap::new();
    let plan = corpus.plan_reports.iter().flat_map(|report| {
        report
            .positions
            .iter()
            .map(move |p| (None, report.source.as_str(), p))
    });
    let clauses = corpus.clauses.iter().flat_map(|clause| {
        clause.reports.iter().flat_map(move |report| {
            report
                .positions
                .iter()
                .map(move |p| (Some(clause.number), report.source.as_str(), p))
        })
    });
    for (clause, source, position) in plan.chain(clauses) {
        positions
            .entry((clause, source, position.actor.as_str()))
            .or_default()
            .push_back(position);
    }
    for hit in hits.iter_mut().filter(|hit| hit.field == "actor") {
        let key = (hit.clause, hit.source.as_str(), hit.passage.as_str());
        hit.said = positions
            .get_mut(&key)
            .and_then(VecDeque::pop_front)
            .map(|position| match &position.quote {
                Some(quote) => format!("{} “{quote}”", position.summary),
                None => position.summary.clone(),
            });
    }
}

/// Every matching field of the later versions: a version's summary, accounts and drops
/// (its `source` the version's id), and each point's title, summary, lineage note and
/// accounts (`VERSION:N`, as `lineage` takes it), kept by the clause filter through the
/// clauses they derive from, and by `--source` through the version's id.
fn version_hits(
    corpus: &Corpus,
    filter: &ClauseFilter,
    sources: &[String],
    matcher: &Matcher,
) -> Vec<Hit> {
    let everything = filter.keeps_everything();
    let keeps_clause = |number: u32| corpus.clause(number).is_some_and(|c| filter.matches(c));
    let mut hits = Vec::new();
    for version in corpus.versions.versions.iter().filter(|v| !v.is_base()) {
        let id = version.id.as_str();
        if !sources.is_empty() && !sources.iter().any(|source| source == id) {
            continue;
        }
        let mut fields: Vec<(Option<u32>, String, &'static str, &str)> = Vec::new();
        if everything {
            fields.push((None, id.to_owned(), "version_summary", &version.summary));
            fields.extend(
                version
                    .accounts
                    .iter()
                    .map(|account| (None, id.to_owned(), "account", account.says.as_str())),
            );
        }
        for drop in version
            .drops
            .iter()
            .filter(|drop| keeps_clause(drop.clause))
        {
            fields.push((Some(drop.clause), id.to_owned(), "drop", &drop.summary));
        }
        for point in &version.points {
            let from = &point.lineage.from;
            if !(everything || from.iter().any(|&number| keeps_clause(number))) {
                continue;
            }
            let place = point
                .number
                .map_or_else(|| id.to_owned(), |number| format!("{id}:{number}"));
            let clause = from.first().copied();
            fields.push((clause, place.clone(), "point_title", &point.title));
            fields.push((clause, place.clone(), "point_summary", &point.summary));
            fields.extend(
                point
                    .lineage
                    .note
                    .as_deref()
                    .map(|note| (clause, place.clone(), "point_note", note)),
            );
            fields.extend(
                point
                    .accounts
                    .iter()
                    .map(|account| (clause, place.clone(), "account", account.says.as_str())),
            );
        }
        hits.extend(
            fields
                .into_iter()
                .filter_map(|(clause, source, field, passage)| {
                    hit(matcher, clause, &source, field, passage)
                }),
        );
    }
    hits
}

/// The searchable fields that belong to no clause, with their source and kind: every
/// position on the plan as a whole, then every outlet's headline.
fn whole_plan_fields(corpus: &Corpus) -> Vec<(&str, &'static str, &str)> {
    let mut fields = Vec::new();
    for plan_report in &corpus.plan_reports {
        fields.extend(sourced_position_fields(
            &plan_report.source,
            &plan_report.positions,
        ));
    }
    for source in &corpus.sources {
        fields.push((source.id.as_str(), "headline", source.headline.as_str()));
    }
    fields
}

/// The searchable fields of `positions`, each with `source` and its kind.
fn sourced_position_fields<'c>(
    source: &'c str,
    positions: &'c [Position],
) -> impl Iterator<Item = (&'c str, &'static str, &'c str)> {
    positions.iter().flat_map(move |position| {
        position_fields(position)
            .into_iter()
            .map(move |(field, passage)| (source, field, passage))
    })
}

/// Every searchable field of a clause and its reports, with its source and kind.
fn clause_fields(clause: &Clause) -> Vec<(&str, &'static str, &str)> {
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
        fields.extend(sourced_position_fields(source, &report.positions));
        for departure in &report.discrepancies {
            fields.push((source, "outlet_says", departure.outlet_says.as_str()));
            fields.push((source, "explanation", departure.explanation.as_str()));
        }
        fields.extend(
            report
                .earlier_versions
                .iter()
                .map(|earlier| (source, "earlier_version", earlier.was.as_str())),
        );
    }
    fields
}

/// The searchable fields of one position: who, our summary, and their words.
fn position_fields(position: &Position) -> Vec<(&'static str, &str)> {
    let mut fields = vec![
        ("actor", position.actor.as_str()),
        ("position", position.summary.as_str()),
    ];
    fields.extend(position.quote.as_deref().map(|quote| ("quote", quote)));
    fields
}

fn hit(
    matcher: &Matcher,
    clause: Option<u32>,
    source: &str,
    field: &'static str,
    passage: &str,
) -> Option<Hit> {
    let found = matcher.find_all(passage);
    if found.is_empty() {
        return None;
    }
    Some(Hit {
        clause,
        source: source.to_owned(),
        field,
        passage: passage.to_owned(),
        said: None,
        matches: found
            .iter()
            .map(|&(start, end)| passage[start..end].to_owned())
            .collect(),
    })
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
    fn words_match_in_any_order_and_quotes_ask_for_the_phrase() {
        let words = Matcher::new("immunity legal", false, false).unwrap();
        assert_eq!(
            words.find_all("legal immunity for all"),
            vec![(0, 5), (6, 14)]
        );
        assert_eq!(words.find_all("immunity, but not legal").len(), 2);
        assert!(words.find_all("immunity alone").is_empty());
        assert_eq!(words.highlights("immunity alone"), vec![(0, 8)]);
        let phrase = Matcher::new("\"legal immunity\"", false, false).unwrap();
        assert_eq!(phrase.find_all("legal immunity for all"), vec![(0, 14)]);
        assert!(phrase.find_all("immunity, but not legal").is_empty());
        let curly = Matcher::new("“legal immunity”", false, false).unwrap();
        assert_eq!(curly.find_all("full legal immunity"), vec![(5, 19)]);
    }

    #[test]
    fn accents_and_curly_quotes_are_folded_and_matches_are_the_original_text() {
        let matcher = Matcher::new("noel barrot's", false, false).unwrap();
        let text = "Jean-Noël Barrot’s words";
        let found: Vec<&str> = matcher
            .find_all(text)
            .iter()
            .map(|&(start, end)| &text[start..end])
            .collect();
        assert_eq!(found, ["Noël", "Barrot’s"]);
        let accented = Matcher::new("NOËL", false, false).unwrap();
        assert_eq!(accented.find_all("Jean-Noel"), vec![(5, 9)]);
    }

    #[test]
    fn regex_queries_and_bad_patterns() {
        let matcher = Matcher::new(r"\d+ days", true, false).unwrap();
        assert_eq!(matcher.find_all("in 100 days."), vec![(3, 11)]);
        assert!(Matcher::new("(unclosed", true, false).is_err());
        assert!(Matcher::new("  ", false, false).is_err());
        assert!(
            Matcher::new("NATO", false, true)
                .unwrap()
                .find_all("nato")
                .is_empty()
        );
    }
}
