//! The quote check: every passage the corpus says an outlet printed (report wording,
//! position quotes, what a discrepancy says the outlet says) must appear word for word in
//! that outlet's archived article, after folding typography (see `textfold`).

use std::path::{Path, PathBuf};

use crate::corpus::{Problem, read_text};
use crate::model::{Corpus, Position};
use crate::textfold::fold;

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
    /// How many passages were looked for.
    pub checked: usize,
    pub misses: Vec<QuoteMiss>,
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
/// Articles that cannot be read are problems; passages not found are misses.
pub fn check(corpus: &Corpus, archive: &Path) -> Result<QuoteCheck, Vec<Problem>> {
    if !archive.is_dir() {
        let message = if archive.exists() {
            "is not a directory"
        } else {
            "does not exist"
        };
        return Err(vec![
            Problem::new(&archive.display().to_string(), None, message).with_hint(
                "--archive takes the directory holding each outlet's article as <source-id>.txt",
            ),
        ]);
    }
    let passages = attributed_passages(corpus);
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for source in &corpus.sources {
        let path = archive.join(format!("{}.txt", source.id));
        match read_text(&path) {
            Ok(article) => articles.push((source.id.as_str(), path, fold(&article.text))),
            Err(problem) if passages.iter().any(|p| p.source == source.id) => {
                problems.push(problem)
            }
            Err(_) => {}
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let misses = passages
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
    Ok(QuoteCheck {
        checked: passages.len(),
        misses,
    })
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

/// The run of the article's words, as many as the passage has, that is nearest to it by
/// normalised edit distance.
fn closest_passage(article: &str, passage: &str) -> String {
    let words: Vec<&str> = article.split(' ').collect();
    let width = passage.split(' ').count().clamp(1, words.len().max(1));
    (0..=words.len().saturating_sub(width))
        .map(|start| words[start..start + width].join(" "))
        .map(|window| (strsim::normalized_levenshtein(&window, passage), window))
        .max_by(|(a, _), (b, _)| a.total_cmp(b))
        .map(|(_, window)| window)
        .unwrap_or_default()
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
