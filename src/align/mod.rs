//! `align`'s matcher: which clauses of the plan an article reports, the passages that
//! render them (byte-exact, with offsets and TextQuoteSelector context), a score, and the
//! departures from the clause's text it can detect.
//!
//! How it matches: the article is cut into sentences (Unicode rules); each sentence and
//! each *exemplar* of a clause (its title, text, each sub-point, and each wording the
//! corpus's outlets used for it) becomes a TF-IDF vector of stemmed content words, figures
//! and names, with IDF taken across the 28 clauses, so that a word many clauses share
//! ("Ukraine") counts for little and a word only one clause uses ("jets") for much. A
//! sentence's score for a clause is its best cosine similarity with any of the clause's
//! exemplars; a clause's score is its best sentence's.

pub mod article;
pub mod departures;
pub mod draft;
pub mod text;

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Clause, Corpus};
use text::{Sentence, Tokenizer};

/// The default `--min-score`: the lowest score at which a clause counts as reported.
pub const DEFAULT_MIN_SCORE: f64 = 0.40;

/// Bytes (at most, on character boundaries) of context kept before and after a passage.
const CONTEXT_BYTES: usize = 32;

/// A sentence also renders a second clause only if it scores at least this share of its
/// best clause's score for it.
const SHARED_SENTENCE_RATIO: f64 = 0.75;

/// Terms a sentence must share with an exemplar for its full similarity to count.
const MIN_SHARED_TERMS: usize = 2;

/// A sparse TF-IDF vector, normalised to unit length.
type Vector = HashMap<String, f64>;

/// What the matcher learned from the corpus: each clause's exemplars as vectors.
pub struct Aligner<'c> {
    clauses: Vec<&'c Clause>,
    exemplars: Vec<Vec<Vector>>,
    idf: HashMap<String, f64>,
    tokenizer: Tokenizer,
}

/// One clause found in an article.
#[derive(Debug, Clone, Serialize)]
pub struct ClauseMatch {
    pub clause: u32,
    pub title: String,
    /// Best sentence's score, between 0 and 1.
    pub score: f64,
    pub passages: Vec<Passage>,
    pub departures: Vec<departures::Departure>,
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

impl<'c> Aligner<'c> {
    /// A matcher that learns from the plan's text and from every report in the corpus
    /// except those of `leave_out` (for leave-one-out evaluation).
    pub fn new(corpus: &'c Corpus, leave_out: Option<&str>) -> Self {
        let tokenizer = Tokenizer::default();
        let clauses: Vec<&Clause> = corpus.clauses.iter().collect();
        let raw: Vec<Vec<Vec<String>>> = clauses
            .iter()
            .map(|clause| {
                let mut texts: Vec<&str> = vec![clause.title.as_str()];
                texts.extend(clause.passages());
                for report in &clause.reports {
                    if Some(report.source.as_str()) != leave_out {
                        texts.extend(report.wording.iter().map(String::as_str));
                    }
                }
                texts.iter().map(|text| tokenizer.terms(text)).collect()
            })
            .collect();
        let mut document_frequency: HashMap<&str, usize> = HashMap::new();
        for exemplars in &raw {
            let mut seen: Vec<&str> = exemplars.iter().flatten().map(String::as_str).collect();
            seen.sort_unstable();
            seen.dedup();
            for term in seen {
                *document_frequency.entry(term).or_default() += 1;
            }
        }
        let count = clauses.len() as f64;
        let idf: HashMap<String, f64> = document_frequency
            .into_iter()
            .map(|(term, frequency)| {
                let weight = ((count + 1.0) / (frequency as f64 + 0.5)).ln();
                (term.to_owned(), weight)
            })
            .collect();
        let exemplars = raw
            .iter()
            .map(|exemplars| {
                exemplars
                    .iter()
                    .map(|terms| vector(terms, &idf))
                    .filter(|vector| !vector.is_empty())
                    .collect()
            })
            .collect();
        Self {
            clauses,
            exemplars,
            idf,
            tokenizer,
        }
    }

    /// Every clause with its best score and the passages that render it, in clause
    /// order; departures are detected for clauses with passages.
    pub fn align(&self, corpus: &Corpus, article: &str, min_score: f64) -> Vec<ClauseMatch> {
        let sentences = text::sentences(article);
        let scores: Vec<Vec<f64>> = sentences
            .iter()
            .map(|sentence| self.sentence_scores(&article[sentence.start..sentence.end]))
            .collect();
        self.clauses
            .iter()
            .enumerate()
            .map(|(index, clause)| {
                let best = scores.iter().map(|row| row[index]).fold(0.0, f64::max);
                let passages: Vec<Passage> = sentences
                    .iter()
                    .zip(&scores)
                    .filter(|(_, row)| renders(row, index, min_score))
                    .map(|(sentence, _)| passage(article, *sentence))
                    .collect();
                // A clause with no passage of its own reports its best score below the
                // threshold, so that the score alone says whether it was found.
                let best = if passages.is_empty() {
                    best.min(min_score - 0.001).max(0.0)
                } else {
                    best
                };
                let departures = departures::detect(corpus, clause, &passages);
                ClauseMatch {
                    clause: clause.number,
                    title: clause.title.clone(),
                    score: (best * 1000.0).round() / 1000.0,
                    passages,
                    departures,
                }
            })
            .collect()
    }

    /// A sentence's score for every clause, in clause order.
    fn sentence_scores(&self, sentence: &str) -> Vec<f64> {
        let terms = self.tokenizer.terms(sentence);
        let sentence_vector = vector(&terms, &self.idf);
        self.exemplars
            .iter()
            .map(|exemplars| {
                exemplars
                    .iter()
                    .map(|exemplar| similarity(&sentence_vector, exemplar))
                    .fold(0.0, f64::max)
            })
            .collect()
    }
}

/// Whether a sentence with these clause scores renders clause `index`: it reaches the
/// threshold and is close to the sentence's best clause.
fn renders(row: &[f64], index: usize, min_score: f64) -> bool {
    let best = row.iter().copied().fold(0.0, f64::max);
    row[index] >= min_score && row[index] >= best * SHARED_SENTENCE_RATIO
}

/// The unit-length TF-IDF vector of `terms`; terms the corpus never uses are dropped.
fn vector(terms: &[String], idf: &HashMap<String, f64>) -> Vector {
    let mut weights: Vector = HashMap::new();
    for term in terms {
        if let Some(weight) = idf.get(term) {
            *weights.entry(term.clone()).or_default() += weight;
        }
    }
    let norm = weights.values().map(|w| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        weights.values_mut().for_each(|w| *w /= norm);
    }
    weights
}

/// Cosine similarity, halved when only one term is shared: one distinctive word (a
/// caption's "Global") is not yet a paraphrase.
fn similarity(a: &Vector, b: &Vector) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut shared = 0;
    let cosine: f64 = small
        .iter()
        .filter_map(|(term, weight)| large.get(term).map(|other| weight * other))
        .inspect(|_| shared += 1)
        .sum();
    let cosine = cosine.clamp(0.0, 1.0);
    if shared < MIN_SHARED_TERMS {
        cosine * 0.5
    } else {
        cosine
    }
}

/// The sentence as a passage, with up to `CONTEXT_BYTES` of context each side.
pub fn passage(article: &str, sentence: Sentence) -> Passage {
    let mut before = sentence.start.saturating_sub(CONTEXT_BYTES);
    while !article.is_char_boundary(before) {
        before += 1;
    }
    let mut after = (sentence.end + CONTEXT_BYTES).min(article.len());
    while !article.is_char_boundary(after) {
        after -= 1;
    }
    Passage {
        text: article[sentence.start..sentence.end].to_owned(),
        start: sentence.start,
        end: sentence.end,
        prefix: article[before..sentence.start].to_owned(),
        suffix: article[sentence.end..after].to_owned(),
    }
}
