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

use foldhash::{HashMap, HashMapExt};

use rayon::prelude::*;

use crate::model::{Clause, Corpus};
use crate::records::align::{ClauseMatch, Passage};
use names::People;
use subject::Subject;
use text::{Sentence, Tokenizer};

/// The default `--min-score`: the lowest score at which a clause counts as reported.
pub const DEFAULT_MIN_SCORE: f64 = 0.33;

/// The score at least one clause must reach (or `--min-score`, when higher) for an
/// article's weaker matches to count: a story that states none of the plan's points
/// clearly, such as a reaction that names the plan and brushes its topics ("a working
/// group for security guarantees", "a ceasefire arrangement"), reports no clause.
pub const ANCHOR_SCORE: f64 = 0.5;

/// Bytes (at most, on character boundaries) of context kept before and after a passage.
const CONTEXT_BYTES: usize = 32;

/// From this many sentences on, an article's sentences are scored on every core.
const PARALLEL_FROM_SENTENCES: usize = 2_000;

/// Sentences scored together before what they render is collected.
const SENTENCES_PER_CHUNK: usize = 512;

/// A sentence also renders a second clause only if it scores at least this share of its
/// best clause's score for it.
const SHARED_SENTENCE_RATIO: f64 = 0.65;

/// The evidence (see `Terms::evidence`) a sentence's terms shared with an exemplar must
/// add up to for its full similarity to count: two distinctive terms, or one and two weak
/// ones; with less, the similarity is scaled by `FEW_SHARED_TERMS_FACTOR`.
const MIN_EVIDENCE: u16 = DISTINCTIVE_EVIDENCE + 2;

/// The evidence a distinctive term gives; a weak one (see `Tokenizer::weak_terms`) gives 1.
const DISTINCTIVE_EVIDENCE: u16 = 4;

/// The lines starting with a bullet, a dash or a number an article needs for them to be
/// taken as a list of the plan's points (see `Aligner::candidates`).
const MIN_LIST_ITEMS: usize = 3;

/// The evidence a line of a list of the plan's points needs: one distinctive term.
const LIST_ITEM_EVIDENCE: u16 = DISTINCTIVE_EVIDENCE;

/// What a similarity resting on less than `MIN_EVIDENCE` keeps.
const FEW_SHARED_TERMS_FACTOR: f64 = 0.4;

/// A term is distinctive when at most this share of the clauses use it: "Ukraine" or
/// "Russia", in most clauses, say nothing about which one a sentence renders.
const DISTINCTIVE_SHARE: f64 = 0.25;

/// The most words a line of a list has for the list rule (`LIST_ITEM_EVIDENCE`, no
/// `UNFRAMED_FACTOR`): a plan's point in a list is a phrase or a short sentence
/// ("- Recognition of Ukraine's sovereignty"); a story's bulleted summary of the news runs
/// to whole sentences of twenty-five words and more, and is read as prose.
const MAX_LIST_ITEM_WORDS: usize = 20;

/// What a sentence's scores are multiplied by when it does not present its content as the
/// plan's (`text::frames_the_plan`) and is not a line of a list of points: a story's
/// account of events ("since Russia invaded its neighbour") needs a closer match.
const UNFRAMED_FACTOR: f64 = 0.7;

/// A sparse TF-IDF vector, normalised to unit length: (term id, weight), sorted by id, so
/// that two vectors are compared without hashing a word.
type Vector = Vec<(u32, f64)>;

/// The terms the corpus uses, each with an id, its IDF weight and the evidence it gives
/// that a sentence sharing it renders a clause that has it, indexed by id:
/// `DISTINCTIVE_EVIDENCE` for a distinctive term (see `DISTINCTIVE_SHARE`), 1 for a
/// distinctive term that is weak (a common word or a person's surname, see
/// `Tokenizer::weak_terms`), 0 for a term many clauses use.
struct Terms {
    ids: HashMap<String, u32>,
    idf: Vec<f64>,
    evidence: Vec<u16>,
}

/// What the matcher learned from the corpus: each clause's exemplars as vectors.
pub struct Aligner<'c> {
    clauses: Vec<&'c Clause>,
    /// The clause (index) of each exemplar, by exemplar id.
    exemplar_clause: Vec<usize>,
    /// Each term's exemplars (by term id): (exemplar id, the term's weight in it). A
    /// sentence is scored only against the exemplars sharing a term with it, by adding up
    /// its terms' postings.
    postings: Vec<Vec<(u32, f64)>>,
    terms: Terms,
    tokenizer: Tokenizer,
    plan_words: departures::PlanWords,
    /// How many points the plan and each of its later versions have (`subject`).
    plan_sizes: subject::Sizes,
    /// Per clause (by index), the later versions with a point that comes from it.
    counterparts: Vec<Vec<String>>,
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
        let weak = tokenizer.weak_terms();
        let mut ordered: Vec<(String, usize)> = document_frequency.into_iter().collect();
        ordered.sort_unstable();
        let terms = Terms {
            ids: ordered
                .iter()
                .enumerate()
                .map(|(id, (term, _))| (term.clone(), id as u32))
                .collect(),
            idf: ordered
                .iter()
                .map(|(_, frequency)| ((count + 1.0) / (*frequency as f64 + 0.5)).ln())
                .collect(),
            evidence: ordered
                .iter()
                .map(
                    |(term, frequency)| match *frequency as f64 <= count * DISTINCTIVE_SHARE {
                        false => 0,
                        true if weak.contains(term) => 1,
                        true => DISTINCTIVE_EVIDENCE,
                    },
                )
                .collect(),
        };
        let exemplars: Vec<Vec<Vector>> = raw
            .iter()
            .map(|exemplars| {
                exemplars
                    .iter()
                    .map(|words| vector(words.iter().map(String::as_str), &terms))
                    .filter(|vector| !vector.is_empty())
                    .collect()
            })
            .collect();
        let mut exemplar_clause: Vec<usize> = Vec::new();
        let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); terms.idf.len()];
        for (clause, vectors) in exemplars.iter().enumerate() {
            for vector in vectors {
                let exemplar = exemplar_clause.len() as u32;
                exemplar_clause.push(clause);
                for &(term, weight) in vector {
                    postings[term as usize].push((exemplar, weight));
                }
            }
        }
        let names_the_state = terms.ids.contains_key("ukraine");
        Self {
            clauses,
            exemplar_clause,
            postings,
            terms,
            tokenizer,
            plan_words: departures::PlanWords::of(corpus),
            plan_sizes: plan_sizes(corpus),
            counterparts: counterparts(corpus),
            names_the_state,
        }
    }

    /// Whether `article` is about this plan at all (see `subject`); any article is, for a
    /// corpus whose clauses never name Ukraine.
    pub fn subject(&self, article: &str) -> Subject {
        if !self.names_the_state {
            return Subject::ThePlan;
        }
        subject::subject(article, &self.plan_sizes)
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
    /// An article that is not about the plan (`subject`), or in which no clause reaches
    /// `ANCHOR_SCORE` (see `anchored`), renders no clause: each clause keeps its best
    /// score, below the threshold, so that `--all` still shows it.
    pub fn align(&self, corpus: &Corpus, article: &str, min_score: f64) -> Vec<ClauseMatch> {
        self.align_about(corpus, article, &self.subject(article), min_score)
    }

    /// `align`, for an article whose `subject` the caller has already read (to tell a
    /// person why nothing is reported), so that it is not read twice.
    pub fn align_about(
        &self,
        corpus: &Corpus,
        article: &str,
        subject: &Subject,
        min_score: f64,
    ) -> Vec<ClauseMatch> {
        let about_the_plan = subject.is_the_plan();
        // Per clause: its best score anywhere, and the units that render it, in article
        // order. Only these outlive the sentence they come from, so memory grows with
        // what is found, not with sentences × clauses.
        let mut best: Vec<f64> = vec![0.0; self.clauses.len()];
        let mut rendering: Vec<Vec<Rendering>> = vec![Vec::new(); self.clauses.len()];
        let sentences: Vec<Sentence> = text::sentences(article)
            .into_iter()
            .map(|sentence| without_speech_at_end(article, sentence))
            .collect();
        let listed = text::list_items(article) >= MIN_LIST_ITEMS;
        let mut take = |sentence: Sentence, candidates: Vec<(usize, Candidate)>| {
            for (clause, candidate) in candidates {
                best[clause] = best[clause].max(candidate.score);
                if about_the_plan && candidate.renders(min_score) {
                    rendering[clause].push(Rendering {
                        unit: candidate.unit,
                        sentence,
                        score: candidate.score,
                    });
                }
            }
        };
        if sentences.len() >= PARALLEL_FROM_SENTENCES {
            // Many sentences: scored a chunk at a time on every core, what they render
            // then taken in article order. A sentence's candidates can run to every
            // clause of a large corpus, so a chunk is small enough to hold them all.
            for chunk in sentences.chunks(SENTENCES_PER_CHUNK) {
                let found: Vec<Vec<(usize, Candidate)>> = chunk
                    .par_iter()
                    .map_init(Scratch::default, |scratch, &sentence| {
                        self.candidates(article, sentence, listed, min_score, scratch)
                    })
                    .collect();
                for (&sentence, candidates) in chunk.iter().zip(found) {
                    take(sentence, candidates);
                }
            }
        } else {
            let mut scratch = Scratch::default();
            for &sentence in &sentences {
                take(
                    sentence,
                    self.candidates(article, sentence, listed, min_score, &mut scratch),
                );
            }
        }
        // The plans the article numbers, read once for both uses below.
        let numbered = subject::plan_numbers(article);
        self.keep_the_plans_own(article, &numbered, &mut rendering);
        if !anchored(&rendering, min_score) {
            rendering.iter_mut().for_each(Vec::clear);
        }
        let parallel = sentences.len() >= PARALLEL_FROM_SENTENCES;
        let sentences: Vec<Vec<Sentence>> = rendering
            .iter()
            .map(|units| units.iter().map(|rendering| rendering.sentence).collect())
            .collect();
        let passages: Vec<Vec<Passage>> = rendering
            .into_iter()
            .map(|units| {
                units
                    .into_iter()
                    .map(|rendering| passage(article, rendering.unit))
                    .collect()
            })
            .collect();
        let found: Vec<Rendered> = self
            .clauses
            .iter()
            .zip(best.into_iter().zip(passages).zip(sentences))
            .map(|(clause, ((best, passages), sentences))| Rendered {
                clause,
                best,
                passages,
                sentences,
                article,
            })
            .collect();
        // Later versions the article numbers: a figure of theirs is attributed to them.
        let versions_named = subject::later_versions_named(&numbered, &self.plan_sizes);
        let finish = |rendered: Rendered| {
            rendered.into_match(corpus, &self.plan_words, &versions_named, min_score)
        };
        // Each clause's departures are checked on its own, on every core for a long article.
        let mut matches: Vec<(ClauseMatch, Vec<departures::Origin>)> = if parallel {
            found.into_par_iter().map(finish).collect()
        } else {
            found.into_iter().map(finish).collect()
        };
        departures::drop_other_clauses_words(&mut matches);
        matches.into_iter().map(|(found, _)| found).collect()
    }

    /// In a story about a later version (`subject::later_versions_told`), a sentence gives
    /// that version's terms unless it speaks of the plan itself ("the earlier 28-point
    /// draft"): it renders no clause the version has a point from.
    fn keep_the_plans_own(
        &self,
        article: &str,
        numbered: &[u32],
        rendering: &mut [Vec<Rendering>],
    ) {
        let told = subject::later_versions_told(numbered, &self.plan_sizes);
        if told.is_empty() {
            return;
        }
        for (clause, units) in rendering.iter_mut().enumerate() {
            if self.counterparts[clause]
                .iter()
                .any(|version| told.contains(version))
            {
                units.retain(|rendering| {
                    let sentence = rendering.sentence;
                    subject::refers_to_the_plan(
                        &article[sentence.start..sentence.end],
                        self.plan_sizes.plan,
                    )
                });
            }
        }
    }

    /// Each clause a sentence scores for, with the sentence's best unit for it: the
    /// whole sentence first, then its parts, a part kept for a clause only when it scores
    /// higher than the sentence (or an earlier part). Someone's direct speech, whole or in
    /// part, and a question are skipped: they render no clause. When the article `listed`
    /// its points, a line of the list needs only `LIST_ITEM_EVIDENCE` (one distinctive
    /// term, "- Recognition of Ukraine's sovereignty"), not `MIN_EVIDENCE`: the list says
    /// the line is a point of the plan.
    fn candidates(
        &self,
        article: &str,
        sentence: Sentence,
        listed: bool,
        min_score: f64,
        scratch: &mut Scratch,
    ) -> Vec<(usize, Candidate)> {
        let mut kept: Vec<(usize, Candidate)> = Vec::new();
        let whole = &article[sentence.start..sentence.end];
        if text::is_speech(whole) || text::is_question(whole) {
            return kept;
        }
        let terms = self.tokenizer.located_terms(whole);
        let framed = text::frames_the_plan(whole) && !text::is_title_case_headline(whole);
        let point_sized = whole.split_whitespace().count() <= MAX_LIST_ITEM_WORDS;
        for unit in text::units(article, sentence) {
            // The whole sentence (the first unit) was checked above.
            if unit != sentence && text::is_speech(&article[unit.start..unit.end]) {
                continue;
            }
            let list_item = listed && point_sized && text::is_list_item(article, unit);
            let evidence_needed = if list_item {
                LIST_ITEM_EVIDENCE
            } else {
                MIN_EVIDENCE
            };
            let factor = if framed || list_item {
                1.0
            } else {
                UNFRAMED_FACTOR
            };
            let within = (unit.start - sentence.start)..(unit.end - sentence.start);
            let unit_terms = terms
                .iter()
                .filter(|(_, at)| within.contains(at))
                .map(|(term, _)| term.as_str());
            let mut scores = self.sentence_scores(unit_terms, evidence_needed, scratch);
            for scored in &mut scores {
                scored.score *= factor;
            }
            let unit_best = scores.iter().map(|scored| scored.score).fold(0.0, f64::max);
            let candidates = scores.into_iter().map(|scored| {
                let candidate = Candidate {
                    unit,
                    score: scored.score,
                    unit_best,
                    terms: scored.terms,
                    echo: false,
                };
                (scored.clause, candidate)
            });
            kept = merge_better(kept, candidates);
        }
        mark_echoes(&mut kept, min_score);
        kept
    }

    /// A sentence's non-zero scores, for the clauses that share a term with it, in
    /// clause order: each exemplar's cosine is the sum, over the sentence's terms, of
    /// their weight times the exemplar's (its postings), scaled down when the shared
    /// terms' evidence is less than `evidence_needed`; a clause scores its best
    /// exemplar's. `scratch` holds the sums between calls, so that no sentence allocates
    /// them anew.
    fn sentence_scores<'t>(
        &self,
        terms: impl Iterator<Item = &'t str>,
        evidence_needed: u16,
        scratch: &mut Scratch,
    ) -> Vec<Scored> {
        let sentence_vector = vector(terms, &self.terms);
        scratch.prepare(self.exemplar_clause.len());
        for &(term, weight) in &sentence_vector {
            let evidence = self.terms.evidence[term as usize];
            for &(exemplar, exemplar_weight) in &self.postings[term as usize] {
                scratch.add(exemplar as usize, weight * exemplar_weight, evidence);
            }
        }
        // Exemplar ids run in clause order, so sorted exemplars come clause by clause.
        scratch.touched.sort_unstable();
        // (clause, score, its best exemplar)
        let mut best: Vec<(usize, f64, usize)> = Vec::new();
        for &exemplar in &scratch.touched {
            let cosine = scratch.dot[exemplar].clamp(0.0, 1.0);
            let score = if scratch.evidence[exemplar] < evidence_needed {
                cosine * FEW_SHARED_TERMS_FACTOR
            } else {
                cosine
            };
            let clause = self.exemplar_clause[exemplar];
            match best.last_mut() {
                Some((known, kept, _)) if *known == clause => {
                    if score > *kept {
                        *kept = score;
                        best.last_mut().expect("just matched").2 = exemplar;
                    }
                }
                _ => best.push((clause, score, exemplar)),
            }
        }
        scratch.clear();
        best.retain(|&(_, score, _)| score > 0.0);
        let top_score = best.iter().map(|&(_, score, _)| score).fold(0.0, f64::max);
        best.into_iter()
            .map(|(clause, score, exemplar)| Scored {
                clause,
                score,
                // Only a clause close enough to the best to render the unit needs them,
                // so that a sentence of a large corpus costs no more than before.
                terms: if score >= top_score * SHARED_SENTENCE_RATIO {
                    self.distinctive_shared(&sentence_vector, exemplar)
                } else {
                    Vec::new()
                },
            })
            .collect()
    }

    /// The distinctive terms (ids) of `sentence_vector` that `exemplar` has too.
    fn distinctive_shared(&self, sentence_vector: &Vector, exemplar: usize) -> Vec<u32> {
        sentence_vector
            .iter()
            .map(|&(term, _)| term)
            .filter(|&term| self.terms.evidence[term as usize] >= DISTINCTIVE_EVIDENCE)
            .filter(|&term| {
                self.postings[term as usize]
                    .binary_search_by_key(&(exemplar as u32), |&(id, _)| id)
                    .is_ok()
            })
            .collect()
    }
}

/// Per-exemplar sums for one sentence at a time: the dot product so far, the evidence of
/// the terms shared, and which exemplars were touched (so that clearing
/// costs what the sentence touched, not the whole corpus).
#[derive(Default)]
struct Scratch {
    dot: Vec<f64>,
    evidence: Vec<u16>,
    touched: Vec<usize>,
    seen: Vec<bool>,
}

impl Scratch {
    fn prepare(&mut self, exemplars: usize) {
        if self.dot.len() < exemplars {
            self.dot.resize(exemplars, 0.0);
            self.evidence.resize(exemplars, 0);
            self.seen.resize(exemplars, false);
        }
    }

    fn add(&mut self, exemplar: usize, product: f64, evidence: u16) {
        if !self.seen[exemplar] {
            self.seen[exemplar] = true;
            self.touched.push(exemplar);
        }
        self.dot[exemplar] += product;
        self.evidence[exemplar] = self.evidence[exemplar].saturating_add(evidence);
    }

    fn clear(&mut self) {
        for &exemplar in &self.touched {
            self.dot[exemplar] = 0.0;
            self.evidence[exemplar] = 0;
            self.seen[exemplar] = false;
        }
        self.touched.clear();
    }
}

/// Two lists of candidates sorted by clause merged into one, keeping the higher-scoring
/// candidate (the earlier on a tie) where both have a clause, with the distinctive terms
/// of both: a clause's evidence in a sentence is what any of its units shares with it.
fn merge_better(
    kept: Vec<(usize, Candidate)>,
    new: impl Iterator<Item = (usize, Candidate)>,
) -> Vec<(usize, Candidate)> {
    let mut merged = Vec::with_capacity(kept.len());
    let mut kept = kept.into_iter().peekable();
    let mut new = new.peekable();
    loop {
        let take_kept = match (kept.peek(), new.peek()) {
            (None, None) => break,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some(old), Some(fresh)) if old.0 == fresh.0 => {
                let (old, fresh) = (kept.next().unwrap(), new.next().unwrap());
                let (mut better, other) = if fresh.1.score > old.1.score {
                    (fresh, old)
                } else {
                    (old, fresh)
                };
                // The sentence's evidence for the clause is every unit's.
                for term in other.1.terms {
                    if !better.1.terms.contains(&term) {
                        better.1.terms.push(term);
                    }
                }
                merged.push(better);
                continue;
            }
            (Some(old), Some(fresh)) => old.0 < fresh.0,
        };
        merged.extend(if take_kept { kept.next() } else { new.next() });
    }
    merged
}

/// A unit of a sentence that renders a clause, with its score for the clause.
#[derive(Clone, Copy)]
struct Rendering {
    unit: Sentence,
    /// The whole sentence the unit is part of (for the departure checks).
    sentence: Sentence,
    score: f64,
}

/// What the article renders of one clause, before its departures are checked.
struct Rendered<'c, 'a> {
    clause: &'c Clause,
    /// The clause's best score anywhere in the article.
    best: f64,
    passages: Vec<Passage>,
    /// The whole sentence of each passage.
    sentences: Vec<Sentence>,
    article: &'a str,
}

impl Rendered<'_, '_> {
    /// The clause's match: a clause with no passage of its own reports its best score
    /// below the threshold, so that the score alone says whether it was found.
    fn into_match(
        self,
        corpus: &Corpus,
        plan: &departures::PlanWords,
        versions_named: &[String],
        min_score: f64,
    ) -> (ClauseMatch, Vec<departures::Origin>) {
        let best = if self.passages.is_empty() {
            self.best.min(min_score - 0.001).max(0.0)
        } else {
            self.best
        };
        let sentences: Vec<&str> = self
            .sentences
            .iter()
            .map(|sentence| &self.article[sentence.start..sentence.end])
            .collect();
        let findings = departures::detect(
            corpus,
            plan,
            self.clause,
            &self.passages,
            &sentences,
            versions_named,
        );
        let origins = findings
            .origins
            .iter()
            .map(|&passage| departures::Origin {
                passage,
                sentence: self.sentences[passage],
            })
            .collect();
        let found = ClauseMatch {
            clause: self.clause.number,
            title: self.clause.title.clone(),
            score: (best * 1000.0).round() / 1000.0,
            passages: self.passages,
            departures: findings.departures,
            later_versions: findings.later_versions,
        };
        (found, origins)
    }
}

/// A unit's score for one clause, with the distinctive terms it shares with the clause's
/// best exemplar (left empty when the clause is too far below the unit's best to render it).
struct Scored {
    clause: usize,
    score: f64,
    terms: Vec<u32>,
}

/// A sentence's best-scoring unit for one clause.
#[derive(Clone)]
struct Candidate {
    unit: Sentence,
    score: f64,
    /// The unit's best score over every clause.
    unit_best: f64,
    /// The distinctive terms the unit shares with the clause (see `Scored`).
    terms: Vec<u32>,
    /// Whether the clause's evidence in the sentence only echoes better clauses'
    /// (see `mark_echoes`).
    echo: bool,
}

impl Candidate {
    /// Whether the unit renders the clause: it reaches the threshold, is close to its
    /// best clause, and is no echo.
    fn renders(&self, min_score: f64) -> bool {
        self.score >= min_score
            && self.score >= self.unit_best * SHARED_SENTENCE_RATIO
            && !self.echo
    }
}

/// Marks the clauses whose evidence in the sentence is an echo of other clauses': every
/// distinctive term the sentence shares with such a clause it also shares with a better
/// one, or with a clause that has a term of its own ("Russia pledges not to invade its
/// neighbours" is clause 3, not also clause 16, which mentions invasion too; "scale down
/// its military and abandon any NATO membership" is clauses 6, with the cut, and 7, with
/// the membership, not also clause 8, whose NATO and troops the two already account for,
/// even where clause 8 scores higher). A clause with a term no other clause in the
/// sentence shares is no echo. Only clauses that reach `min_score` and are close to their
/// unit's best are looked at: no other renders anything, nor accounts for another's words.
fn mark_echoes(candidates: &mut [(usize, Candidate)], min_score: f64) {
    let mut order: Vec<usize> = (0..candidates.len())
        .filter(|&index| {
            let candidate = &candidates[index].1;
            candidate.score >= min_score
                && candidate.score >= candidate.unit_best * SHARED_SENTENCE_RATIO
        })
        .collect();
    order.sort_by(|&a, &b| candidates[b].1.score.total_cmp(&candidates[a].1.score));
    let has_own = |index: usize| {
        candidates[index].1.terms.iter().any(|term| {
            order
                .iter()
                .filter(|&&other| other != index)
                .all(|&other| !candidates[other].1.terms.contains(term))
        })
    };
    let own: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&index| has_own(index))
        .collect();
    let mut explained: Vec<u32> = own
        .iter()
        .flat_map(|&index| candidates[index].1.terms.iter().copied())
        .collect();
    for (rank, index) in order.into_iter().enumerate() {
        let is_own = own.contains(&index);
        let candidate = &mut candidates[index].1;
        if (rank > 0 || !explained.is_empty())
            && !is_own
            && candidate.terms.iter().all(|term| explained.contains(term))
        {
            candidate.echo = true;
        } else {
            explained.extend(&candidate.terms);
        }
    }
}

/// `sentence` without the direct speech it ends with (`text::speech_at_end`): a speaker's
/// words render no clause, the words that introduce them may ("Referring to the proposed
/// limit of 600,000 troops, he said: "…"").
fn without_speech_at_end(article: &str, sentence: Sentence) -> Sentence {
    let whole = &article[sentence.start..sentence.end];
    match text::speech_at_end(whole) {
        Some(at) => Sentence {
            start: sentence.start,
            end: sentence.start + whole[..at].trim_end().len(),
        },
        None => sentence,
    }
}

/// Whether a unit the article still renders (after `keep_the_plans_own`) scores at least
/// `ANCHOR_SCORE` (or `min_score`, when higher), so that the weaker ones count too.
fn anchored(rendering: &[Vec<Rendering>], min_score: f64) -> bool {
    let anchor = ANCHOR_SCORE.max(min_score);
    rendering
        .iter()
        .flatten()
        .any(|rendering| rendering.score >= anchor)
}

/// Per clause of the corpus, the later versions with a point that comes from it.
fn counterparts(corpus: &Corpus) -> Vec<Vec<String>> {
    corpus
        .clauses
        .iter()
        .map(|clause| {
            corpus
                .versions
                .versions
                .iter()
                .filter(|version| {
                    version
                        .points
                        .iter()
                        .any(|point| point.lineage.from.contains(&clause.number))
                })
                .map(|version| version.id.clone())
                .collect()
        })
        .collect()
}

/// The number of points of the plan and of each later version the corpus holds.
fn plan_sizes(corpus: &Corpus) -> subject::Sizes {
    subject::Sizes {
        plan: u32::try_from(corpus.clauses.len()).unwrap_or(u32::MAX),
        later: corpus
            .versions
            .versions
            .iter()
            .map(|version| (version.declared_points, version.id.clone()))
            .collect(),
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

/// The unit-length TF-IDF vector of `words`; words the corpus never uses are dropped.
fn vector<'w>(words: impl IntoIterator<Item = &'w str>, terms: &Terms) -> Vector {
    let mut weights: Vector = words
        .into_iter()
        .filter_map(|word| terms.ids.get(word))
        .map(|&id| (id, terms.idf[id as usize]))
        .collect();
    weights.sort_unstable_by_key(|&(id, _)| id);
    // Repeated terms add up.
    weights.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
        }
        same
    });
    let norm = weights.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        weights.iter_mut().for_each(|(_, w)| *w /= norm);
    }
    weights
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
