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
pub mod stated;
pub mod subject;
pub mod text;

use std::collections::{HashMap, HashSet};

use crate::model::{Clause, Corpus};
use crate::records::align::{ClauseMatch, Passage};
use names::People;
use subject::Subject;
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
    /// Each term's clauses, in clause order: a sentence is scored only against these.
    clauses_using: HashMap<String, Vec<usize>>,
    idf: HashMap<String, f64>,
    /// Terms few enough clauses use to count as evidence (see `DISTINCTIVE_SHARE`).
    distinctive: HashSet<String>,
    tokenizer: Tokenizer,
    plan_words: departures::PlanWords,
    /// How many points the plan and each of its later versions have (`subject`).
    plan_sizes: Vec<u32>,
    /// Whether the corpus's clauses name Ukraine: only then is an article checked for
    /// being about the plan (`subject`), since a synthetic corpus is about no state.
    names_the_state: bool,
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
        let exemplars: Vec<Vec<Vector>> = raw
            .iter()
            .map(|exemplars| {
                exemplars
                    .iter()
                    .map(|terms| vector(terms, &idf))
                    .filter(|vector| !vector.is_empty())
                    .collect()
            })
            .collect();
        let mut clauses_using: HashMap<String, Vec<usize>> = HashMap::new();
        for (clause, vectors) in exemplars.iter().enumerate() {
            for term in vectors.iter().flat_map(|vector: &Vector| vector.keys()) {
                let users = clauses_using.entry(term.clone()).or_default();
                if users.last() != Some(&clause) {
                    users.push(clause);
                }
            }
        }
        let names_the_state = clauses_using.contains_key(subject::STATE);
        Self {
            clauses,
            clauses_using,
            exemplars,
            idf,
            distinctive,
            tokenizer,
            plan_words: departures::PlanWords::of(corpus),
            plan_sizes: plan_sizes(corpus),
            names_the_state,
        }
    }

    /// Whether `article` is about this plan at all (see `subject`); any article is, for a
    /// corpus whose clauses never name Ukraine.
    pub fn subject(&self, article: &str) -> Subject {
        if !self.names_the_state {
            return Subject::ThePlan;
        }
        subject::subject(&self.tokenizer, article, &self.plan_sizes)
    }

    /// Every clause with its best score and the passages that render it, in clause
    /// order; departures are detected for clauses with passages.
    ///
    /// A sentence (or a semicolon part of it) is scored only against the clauses that share
    /// a term with it, found through the index of the clauses' terms; the scores are kept
    /// sparse, one list per clause of the sentences that score for it. Time and memory
    /// grow with the article and with the clauses its sentences share terms with, not with
    /// sentences × clauses.
    ///
    /// An article that is not about the plan (`subject`) renders no clause: each clause
    /// keeps its best score, below the threshold, so that `--all` still shows it.
    pub fn align(&self, corpus: &Corpus, article: &str, min_score: f64) -> Vec<ClauseMatch> {
        let about_the_plan = self.subject(article).is_the_plan();
        // Per clause: its best score anywhere, and the units that render it, in article
        // order. Only these outlive the sentence they come from, so memory grows with
        // what is found, not with sentences × clauses.
        let mut best: Vec<f64> = vec![0.0; self.clauses.len()];
        let mut rendering: Vec<Vec<(Sentence, Sentence)>> = vec![Vec::new(); self.clauses.len()];
        let mut in_sentence: HashMap<usize, Candidate> = HashMap::new();
        for sentence in text::sentences(article) {
            in_sentence.clear();
            // The whole sentence first, then its parts: a part is kept for a clause only
            // when it scores higher than the sentence (or an earlier part).
            for unit in text::units(article, sentence) {
                if text::is_speech(&article[unit.start..unit.end]) {
                    continue;
                }
                let scores = self.sentence_scores(&article[unit.start..unit.end]);
                let unit_best = scores.iter().map(|&(_, score)| score).fold(0.0, f64::max);
                for (clause, score) in scores {
                    let candidate = Candidate {
                        unit,
                        score,
                        unit_best,
                    };
                    in_sentence
                        .entry(clause)
                        .and_modify(|kept| {
                            if score > kept.score {
                                *kept = candidate;
                            }
                        })
                        .or_insert(candidate);
                }
            }
            for (&clause, candidate) in &in_sentence {
                best[clause] = best[clause].max(candidate.score);
                if about_the_plan && candidate.renders(min_score) {
                    rendering[clause].push((candidate.unit, sentence));
                }
            }
        }
        let sentences: Vec<Vec<&str>> = rendering
            .iter()
            .map(|units| {
                units
                    .iter()
                    .map(|(_, sentence)| &article[sentence.start..sentence.end])
                    .collect()
            })
            .collect();
        let passages: Vec<Vec<Passage>> = rendering
            .into_iter()
            .map(|units| {
                units
                    .into_iter()
                    .map(|(unit, _)| passage(article, unit))
                    .collect()
            })
            .collect();
        self.clauses
            .iter()
            .zip(best.into_iter().zip(passages).zip(sentences))
            .map(|(clause, ((best, passages), sentences))| {
                // A clause with no passage of its own reports its best score below the
                // threshold, so that the score alone says whether it was found.
                let best = if passages.is_empty() {
                    best.min(min_score - 0.001).max(0.0)
                } else {
                    best
                };
                let findings =
                    departures::detect(corpus, &self.plan_words, clause, &passages, &sentences);
                ClauseMatch {
                    clause: clause.number,
                    title: clause.title.clone(),
                    score: (best * 1000.0).round() / 1000.0,
                    passages,
                    departures: findings.departures,
                    later_versions: findings.later_versions,
                }
            })
            .collect()
    }

    /// A sentence's non-zero scores, for the clauses that share a term with it, in
    /// clause order.
    fn sentence_scores(&self, sentence: &str) -> Vec<(usize, f64)> {
        let terms = self.tokenizer.terms(sentence);
        let sentence_vector = vector(&terms, &self.idf);
        let mut clauses: Vec<usize> = sentence_vector
            .keys()
            .filter_map(|term| self.clauses_using.get(term))
            .flatten()
            .copied()
            .collect();
        clauses.sort_unstable();
        clauses.dedup();
        clauses
            .into_iter()
            .map(|clause| {
                let score = self.exemplars[clause]
                    .iter()
                    .map(|exemplar| similarity(&sentence_vector, exemplar, &self.distinctive))
                    .fold(0.0, f64::max);
                (clause, score)
            })
            .filter(|&(_, score)| score > 0.0)
            .collect()
    }
}

/// A sentence's best-scoring unit for one clause.
#[derive(Clone, Copy)]
struct Candidate {
    unit: Sentence,
    score: f64,
    /// The unit's best score over every clause.
    unit_best: f64,
}

impl Candidate {
    /// Whether the unit renders the clause: it reaches the threshold and is close to its
    /// best clause.
    fn renders(&self, min_score: f64) -> bool {
        self.score >= min_score && self.score >= self.unit_best * SHARED_SENTENCE_RATIO
    }
}

/// The number of points of the plan and of each later version the corpus holds.
fn plan_sizes(corpus: &Corpus) -> Vec<u32> {
    let mut sizes: Vec<u32> = corpus
        .versions
        .versions
        .iter()
        .map(|version| version.declared_points)
        .collect();
    sizes.push(u32::try_from(corpus.clauses.len()).unwrap_or(u32::MAX));
    sizes
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
