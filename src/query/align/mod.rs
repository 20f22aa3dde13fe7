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
pub mod lexicon;
pub mod names;
pub mod text;

use std::collections::{HashMap, HashSet};

use crate::model::{Clause, Corpus};
use crate::records::align::{ClauseMatch, Passage};
use names::People;
use text::{Sentence, Tokenizer};

/// The default `--min-score`: the lowest score at which a clause counts as reported.
pub const DEFAULT_MIN_SCORE: f64 = 0.33;

/// Bytes (at most, on character boundaries) of context kept before and after a passage.
const CONTEXT_BYTES: usize = 32;

/// A sentence also renders a second clause only if it scores at least this share of its
/// best clause's score for it.
const SHARED_SENTENCE_RATIO: f64 = 0.65;

/// Distinctive terms a sentence must share with an exemplar for its full similarity to
/// count; with fewer, the similarity is scaled by `FEW_SHARED_TERMS_FACTOR`.
const MIN_SHARED_TERMS: usize = 2;

/// What a similarity resting on fewer than `MIN_SHARED_TERMS` distinctive terms keeps.
const FEW_SHARED_TERMS_FACTOR: f64 = 0.4;

/// A term is distinctive when at most this share of the clauses use it: "Ukraine" or
/// "Russia", in most clauses, say nothing about which one a sentence renders.
const DISTINCTIVE_SHARE: f64 = 0.25;

/// A sparse TF-IDF vector, normalised to unit length.
type Vector = HashMap<String, f64>;

/// What the matcher learned from the corpus: each clause's exemplars as vectors.
pub struct Aligner<'c> {
    clauses: Vec<&'c Clause>,
    exemplars: Vec<Vec<Vector>>,
    idf: HashMap<String, f64>,
    /// Terms few enough clauses use to count as evidence (see `DISTINCTIVE_SHARE`).
    distinctive: HashSet<String>,
    tokenizer: Tokenizer,
    plan_words: departures::PlanWords,
}

impl<'c> Aligner<'c> {
    /// A matcher that learns from the plan's text and from every report in the corpus
    /// except those of `leave_out` (for leave-one-out evaluation).
    pub fn new(corpus: &'c Corpus, leave_out: Option<&str>) -> Self {
        let tokenizer = Tokenizer::new(People::from_actors(actors(corpus, leave_out)));
        let clauses: Vec<&Clause> = corpus.clauses.iter().collect();
        let raw: Vec<Vec<Vec<String>>> = clauses
            .iter()
            .map(|clause| exemplar_terms(clause, leave_out, &tokenizer))
            .collect();
        let document_frequency = document_frequency(&raw);
        let count = clauses.len() as f64;
        let idf: HashMap<String, f64> = document_frequency
            .iter()
            .map(|(term, frequency)| {
                let weight = ((count + 1.0) / (*frequency as f64 + 0.5)).ln();
                (term.clone(), weight)
            })
            .collect();
        let distinctive = document_frequency
            .into_iter()
            .filter(|(_, frequency)| *frequency as f64 <= count * DISTINCTIVE_SHARE)
            .map(|(term, _)| term)
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
            distinctive,
            tokenizer,
            plan_words: departures::PlanWords::of(corpus),
        }
    }

    /// Every clause with its best score and the passages that render it, in clause
    /// order; departures are detected for clauses with passages.
    pub fn align(&self, corpus: &Corpus, article: &str, min_score: f64) -> Vec<ClauseMatch> {
        let sentences = text::sentences(article);
        let units: Vec<Vec<(Sentence, Vec<f64>)>> = sentences
            .iter()
            .map(|sentence| {
                text::units(article, *sentence)
                    .into_iter()
                    .map(|unit| (unit, self.sentence_scores(&article[unit.start..unit.end])))
                    .collect()
            })
            .collect();
        self.clauses
            .iter()
            .enumerate()
            .map(|(index, clause)| {
                let best_units: Vec<&(Sentence, Vec<f64>)> = units
                    .iter()
                    .filter_map(|candidates| {
                        // The whole sentence (first) unless a part scores higher.
                        candidates.iter().reduce(|best, unit| {
                            if unit.1[index] > best.1[index] {
                                unit
                            } else {
                                best
                            }
                        })
                    })
                    .collect();
                let best = best_units
                    .iter()
                    .map(|(_, row)| row[index])
                    .fold(0.0, f64::max);
                let passages: Vec<Passage> = best_units
                    .iter()
                    .filter(|(_, row)| renders(row, index, min_score))
                    .map(|(unit, _)| passage(article, *unit))
                    .collect();
                // A clause with no passage of its own reports its best score below the
                // threshold, so that the score alone says whether it was found.
                let best = if passages.is_empty() {
                    best.min(min_score - 0.001).max(0.0)
                } else {
                    best
                };
                let departures = departures::detect(corpus, &self.plan_words, clause, &passages);
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
                    .map(|exemplar| similarity(&sentence_vector, exemplar, &self.distinctive))
                    .fold(0.0, f64::max)
            })
            .collect()
    }
}

/// The terms of each exemplar of `clause`: its title, its text and sub-points, and the
/// wording of every report except `leave_out`'s.
fn exemplar_terms(
    clause: &Clause,
    leave_out: Option<&str>,
    tokenizer: &Tokenizer,
) -> Vec<Vec<String>> {
    let mut texts: Vec<&str> = vec![clause.title.as_str()];
    texts.extend(clause.passages());
    for report in &clause.reports {
        if Some(report.source.as_str()) != leave_out {
            texts.extend(report.wording.iter().map(String::as_str));
        }
    }
    texts.iter().map(|text| tokenizer.terms(text)).collect()
}

/// How many clauses use each term, in any of their exemplars.
fn document_frequency(clauses: &[Vec<Vec<String>>]) -> HashMap<String, usize> {
    let mut frequency: HashMap<String, usize> = HashMap::new();
    for exemplars in clauses {
        let mut seen: Vec<&String> = exemplars.iter().flatten().collect();
        seen.sort_unstable();
        seen.dedup();
        for term in seen {
            *frequency.entry(term.clone()).or_default() += 1;
        }
    }
    frequency
}

/// The actors of every position in the corpus, except those `leave_out` reported.
fn actors<'c>(corpus: &'c Corpus, leave_out: Option<&'c str>) -> impl Iterator<Item = &'c str> {
    let clause_positions = corpus
        .clauses
        .iter()
        .flat_map(|clause| &clause.reports)
        .filter(move |report| Some(report.source.as_str()) != leave_out)
        .flat_map(|report| &report.positions);
    let plan_positions = corpus
        .plan_reports
        .iter()
        .filter(move |report| Some(report.source.as_str()) != leave_out)
        .flat_map(|report| &report.positions);
    clause_positions
        .chain(plan_positions)
        .map(|position| position.actor.as_str())
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

/// Cosine similarity, scaled down when fewer than two distinctive terms are shared: one
/// distinctive word (a caption's "Global", a quote's "ceasefire") is not yet a
/// paraphrase, and "Ukraine" beside it adds nothing.
fn similarity(a: &Vector, b: &Vector, distinctive: &HashSet<String>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut shared_distinctive = 0;
    let cosine: f64 = small
        .iter()
        .filter_map(|(term, weight)| large.get(term).map(|other| (term, weight * other)))
        .inspect(|(term, _)| shared_distinctive += usize::from(distinctive.contains(*term)))
        .map(|(_, product)| product)
        .sum();
    let cosine = cosine.clamp(0.0, 1.0);
    if shared_distinctive < MIN_SHARED_TERMS {
        cosine * FEW_SHARED_TERMS_FACTOR
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
