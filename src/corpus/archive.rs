//! The quote check: every passage the corpus says an outlet printed (report wording,
//! position quotes, what a discrepancy says the outlet says) must appear word for word in
//! that outlet's archived article, after folding typography (see `textfold`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::corpus::{Problem, read_text};
use crate::model::{Corpus, Position};
use crate::text::fold::fold;

/// One passage that is not in its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMiss {
    /// The clause it is reported under; `None` for plan-level positions.
    pub clause: Option<u32>,
    pub source: String,
    /// Which field holds it: `wording`, `quote` or `outlet_says`.
    pub field: &'static str,
    pub passage: String,
    /// The article's passage most like it, as a hint for the fix.
    pub closest: String,
    /// The article file that was searched.
    pub article: PathBuf,
}

/// The outcome of a quote check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCheck {
    /// How many passages were looked for (in the articles that could be read).
    pub checked: usize,
    pub misses: Vec<QuoteMiss>,
    /// Articles that are missing or unreadable, one problem each, naming how many
    /// passages could not be checked for want of them.
    pub unreadable: Vec<Problem>,
}

/// A passage of the corpus attributed to one outlet.
struct Attributed<'c> {
    clause: Option<u32>,
    source: &'c str,
    field: &'static str,
    passage: &'c str,
}

/// Check every attributed passage against `archive/<source-id>.txt`.
///
/// Passages not found are misses. An archive that is not a directory, or an article that
/// is missing or cannot be read, is a problem, and the passages attributed to it go
/// unchecked; the others are still checked.
pub fn check(corpus: &Corpus, archive: &Path) -> QuoteCheck {
    if !archive.is_dir() {
        let message = if archive.exists() {
            "is not a directory"
        } else {
            "does not exist"
        };
        return QuoteCheck {
            checked: 0,
            misses: Vec::new(),
            unreadable: vec![
                Problem::new(&archive.display().to_string(), None, message).with_hint(
                    "--archive takes the directory holding each outlet's article as <source-id>.txt",
                ),
            ],
        };
    }
    let passages = attributed_passages(corpus);
    let mut articles = Vec::new();
    let mut unreadable = Vec::new();
    for source in &corpus.sources {
        let path = archive.join(format!("{}.txt", source.id));
        let attributed = passages.iter().filter(|p| p.source == source.id).count();
        if !path.exists() {
            if attributed > 0 {
                unreadable.push(missing_article(&path, &source.id, attributed));
            }
            continue;
        }
        match read_text(&path) {
            Ok(article) => articles.push((source.id.as_str(), path, fold(&article.text))),
            Err(problem) if attributed > 0 => unreadable.push(problem),
            Err(_) => {}
        }
    }
    let checkable: Vec<&Attributed> = passages
        .iter()
        .filter(|attributed| articles.iter().any(|(id, _, _)| *id == attributed.source))
        .collect();
    let misses = checkable
        .iter()
        .filter_map(|attributed| {
            let (_, path, article) = articles
                .iter()
                .find(|(id, _, _)| *id == attributed.source)?;
            let wanted = fold(attributed.passage);
            (!article.contains(&wanted)).then(|| QuoteMiss {
                clause: attributed.clause,
                source: attributed.source.to_owned(),
                field: attributed.field,
                passage: attributed.passage.to_owned(),
                closest: closest_passage(article, &wanted),
                article: path.clone(),
            })
        })
        .collect();
    QuoteCheck {
        checked: checkable.len(),
        misses,
        unreadable,
    }
}

/// The problem for an archive that lacks the article of `source`.
fn missing_article(path: &Path, source: &str, unchecked: usize) -> Problem {
    let quotations = if unchecked == 1 {
        "1 quotation".to_owned()
    } else {
        format!("{unchecked} quotations")
    };
    Problem::new(
        &path.display().to_string(),
        None,
        format!(
            "the archived article of `{source}` is missing, so its {quotations} went unchecked"
        ),
    )
    .with_hint(format!(
        "save the article's text as {source}.txt in the archive directory"
    ))
}

fn attributed_passages(corpus: &Corpus) -> Vec<Attributed<'_>> {
    let mut passages = Vec::new();
    for clause in &corpus.clauses {
        for report in &clause.reports {
            let at = |field, passage| Attributed {
                clause: Some(clause.number),
                source: &report.source,
                field,
                passage,
            };
            passages.extend(report.wording.iter().map(|passage| at("wording", passage)));
            passages.extend(quotes(&report.positions).map(|quote| at("quote", quote)));
            passages.extend(
                report
                    .discrepancies
                    .iter()
                    .map(|discrepancy| at("outlet_says", &discrepancy.outlet_says)),
            );
        }
    }
    for plan_report in &corpus.plan_reports {
        passages.extend(quotes(&plan_report.positions).map(|quote| Attributed {
            clause: None,
            source: &plan_report.source,
            field: "quote",
            passage: quote,
        }));
    }
    passages
}

fn quotes(positions: &[Position]) -> impl Iterator<Item = &str> {
    positions
        .iter()
        .filter_map(|position| position.quote.as_deref())
}

/// How many runs of words, those sharing the most words with the passage, are measured by
/// edit distance.
const CANDIDATE_RUNS: usize = 8;

/// How much of a run and of the passage the edit distance compares, in characters: it
/// grows with the square of the length.
const COMPARED_CHARS: usize = 600;

/// The run of the article's words, as many as the passage has, that is nearest to it by
/// normalised edit distance. Every run is first scored by the words it shares with the
/// passage (a sliding count, linear in the article); only the best few are measured by
/// edit distance, on their first `COMPARED_CHARS` characters, so the time stays linear in
/// the article and bounded in the passage.
fn closest_passage(article: &str, passage: &str) -> String {
    let words: Vec<&str> = article.split(' ').collect();
    let width = passage.split(' ').count().clamp(1, words.len().max(1));
    let starts = shared_word_leaders(&words, passage, width);
    let prefix = |text: &str| -> String { text.chars().take(COMPARED_CHARS).collect() };
    let wanted = prefix(passage);
    starts
        .into_iter()
        .map(|start| words[start..start + width].join(" "))
        .map(|window| {
            let score = strsim::normalized_levenshtein(&prefix(&window), &wanted);
            (score, window)
        })
        .max_by(|(a, _), (b, _)| a.total_cmp(b))
        .map(|(_, window)| window)
        .unwrap_or_default()
}

/// The starts of the `CANDIDATE_RUNS` runs of `width` words that share the most words with
/// `passage` (counted with multiplicity), in article order.
fn shared_word_leaders<'a>(words: &[&'a str], passage: &str, width: usize) -> Vec<usize> {
    let mut wanted: HashMap<&str, usize> = HashMap::new();
    for word in passage.split(' ') {
        *wanted.entry(word).or_default() += 1;
    }
    let mut held: HashMap<&'a str, usize> = HashMap::new();
    let mut shared = 0usize;
    let mut scores: Vec<(usize, usize)> = Vec::new();
    for (end, &word) in words.iter().enumerate() {
        let count = held.entry(word).or_default();
        if *count < wanted.get(word).copied().unwrap_or(0) {
            shared += 1;
        }
        *count += 1;
        if end >= width {
            let gone = words[end - width];
            let count = held.get_mut(gone).expect("a word of the window");
            *count -= 1;
            if *count < wanted.get(gone).copied().unwrap_or(0) {
                shared -= 1;
            }
        }
        if end + 1 >= width {
            scores.push((shared, end + 1 - width));
        }
    }
    // Most shared words first, earlier runs first among equals; keep the best few.
    scores.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut starts: Vec<usize> = scores
        .into_iter()
        .take(CANDIDATE_RUNS)
        .map(|(_, start)| start)
        .collect();
    starts.sort_unstable();
    starts
}

#[cfg(test)]
mod tests {
    use super::closest_passage;

    #[test]
    fn finds_the_nearest_run_of_words() {
        let article = "The size of the Ukrainian Armed Forces will be limited to 600,000 personnel. NATO agrees.";
        assert_eq!(
            closest_passage(
                article,
                "Armed Forces will be limited to 500,000 personnel."
            ),
            "Armed Forces will be limited to 600,000 personnel."
        );
    }
}
