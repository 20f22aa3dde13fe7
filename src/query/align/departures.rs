//! Departures a passage makes from its clause that a careful sub-editor would raise and
//! that can be found without reading for sense: another figure (in digits, in words, or a
//! relative cut where the text sets an absolute one), another party in a party's place,
//! a quotation of the plan that differs from its words, a firm commitment where the text
//! only expects or invites, a recognition without the text's "de facto", and an
//! institution the text gives another clause. What is not a departure is left alone:
//! figures of today or of dates, a later version's figure the article attributes to it,
//! synonyms of a party's name, and people's words in quotation marks.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::names::fold_name;
use super::stated::{self, Stated};
use super::text::Sentence;
use crate::model::{Clause, Corpus, DiscrepancyKind};
use crate::records::align::{ClauseMatch, Departure, Passage, VersionMatch};
use crate::text::figures;
use crate::text::fold::fold;

/// A quotation shorter than this many words is a phrase, not a sentence of the plan.
const MIN_QUOTED_WORDS: usize = 2;

/// A quotation longer than this is someone's speech, not words attributed to the plan.
const MAX_QUOTED_WORDS: usize = 12;

/// A quotation is the plan's wording, misquoted, when at least this share of its words are
/// in one sentence of the clause (fewer: it is someone else's words).
const MISQUOTE_SHARE: f64 = 0.6;

/// What the checks know of the whole corpus, built once (a 10,000-clause plan is large).
pub struct PlanWords {
    /// The words of every clause, folded as quotations are compared with them.
    words: String,
    /// Every figure value any clause states.
    values: HashSet<String>,
    /// The plan's number of points (28): a passage that numbers it gives a figure as the
    /// plan's own.
    points: u32,
    /// Figures of later versions' points: (clause they come from, version, point, value).
    version_figures: Vec<(u32, String, Option<u32>, String)>,
    /// Institutions named in exactly one clause: (name, clause number, the clause's
    /// other long words, lower-cased).
    institutions: Vec<(String, u32, HashSet<String>)>,
}

impl PlanWords {
    pub fn of(corpus: &Corpus) -> Self {
        let words = corpus
            .clauses
            .iter()
            .flat_map(|clause| clause.passages())
            .map(bare_words)
            .collect::<Vec<_>>()
            .join(" ");
        let values = corpus
            .clauses
            .iter()
            .flat_map(|clause| clause.passages())
            .flat_map(figures::extract)
            .map(|figure| figure.value)
            .collect();
        let mut version_figures = Vec::new();
        for version in &corpus.versions.versions {
            for point in &version.points {
                for written in &point.figures {
                    let Some(figure) = figures::extract(written).into_iter().next() else {
                        continue;
                    };
                    for clause in &point.lineage.from {
                        version_figures.push((
                            *clause,
                            version.id.clone(),
                            point.number,
                            figure.value.clone(),
                        ));
                    }
                }
            }
        }
        Self {
            words,
            values,
            points: u32::try_from(corpus.clauses.len()).unwrap_or(u32::MAX),
            version_figures,
            institutions: institutions(corpus),
        }
    }
}

/// Institutions (upper-case abbreviations such as IAEA) that exactly one clause names,
/// with that clause's words of five letters or more.
fn institutions(corpus: &Corpus) -> Vec<(String, u32, HashSet<String>)> {
    let mut clauses_naming: std::collections::HashMap<String, Vec<u32>> =
        std::collections::HashMap::new();
    for clause in &corpus.clauses {
        for word in clause.passages().flat_map(words) {
            if word.len() >= 3 && word.chars().all(|c| c.is_ascii_uppercase()) {
                let owners = clauses_naming.entry(word).or_default();
                if owners.last() != Some(&clause.number) {
                    owners.push(clause.number);
                }
            }
        }
    }
    let mut once: Vec<(String, u32, HashSet<String>)> = clauses_naming
        .into_iter()
        .filter(|(_, owners)| owners.len() == 1)
        .filter_map(|(name, owners)| {
            let clause = corpus.clauses.iter().find(|c| c.number == owners[0])?;
            let own_words = clause
                .passages()
                .flat_map(words)
                .filter(|word| word.len() >= 5)
                .map(|word| word.to_lowercase())
                .collect();
            Some((name, owners[0], own_words))
        })
        .collect();
    once.sort_by(|a, b| a.0.cmp(&b.0));
    once
}

/// What the checks found for one clause: departures, and figures that a later version
/// has and the article attributes to it.
#[derive(Debug, Default)]
pub struct Findings {
    pub departures: Vec<Departure>,
    /// For each departure, the index of the passage (and so of the sentence) it was
    /// first found in.
    pub origins: Vec<usize>,
    pub later_versions: Vec<VersionMatch>,
}

/// The departures of `passages` from `clause`, each once, in the order first found (a set
/// remembers the ones seen, so many distinct departures cost linear time), and the later
/// versions' figures the passages attribute to them. Figures are read from the whole
/// sentence of each passage (`sentences`, in the same order): a sentence that renders two
/// clauses may give one clause's figure in the part that renders the other.
pub fn detect(
    corpus: &Corpus,
    plan: &PlanWords,
    clause: &Clause,
    passages: &[Passage],
    sentences: &[&str],
    versions_named: &[String],
) -> Findings {
    let mut findings = Findings::default();
    let mut seen: HashSet<Departure> = HashSet::new();
    let mut checked: HashSet<(&str, &str)> = HashSet::new();
    let parties = ClauseParties::of(corpus, clause);
    for (index, (passage, sentence)) in passages.iter().zip(sentences).enumerate() {
        // A passage repeated word for word (a quoted paragraph, a page printed twice)
        // departs as it did the first time.
        if !checked.insert((passage.text.as_str(), sentence)) {
            continue;
        }
        let (figure_departures, later) = figure_departures(plan, clause, sentence, versions_named);
        for found in later {
            if !findings.later_versions.contains(&found) {
                findings.later_versions.push(found);
            }
        }
        let candidates = figure_departures
            .into_iter()
            .chain(relative_departures(clause, sentence))
            .chain(party_departures(corpus, &parties, &passage.text))
            .chain(collective_departures(corpus, &parties, sentence))
            .chain(party_list_departures(&parties, sentence))
            .chain(quoted_departures(plan, clause, sentence))
            .chain(modality_departures(clause, &passage.text))
            .chain(recognition_departures(clause, &passage.text, sentence))
            .chain(institution_departures(plan, clause, &passage.text));
        for departure in candidates {
            if seen.insert(departure.clone()) {
                findings.departures.push(departure);
                findings.origins.push(index);
            }
        }
    }
    findings
}

/// Where a departure of a clause's match was found: its passage (an index into the
/// match's passages) and that passage's whole sentence.
#[derive(Debug, Clone, Copy)]
pub struct Origin {
    pub passage: usize,
    pub sentence: Sentence,
}

/// Drops each departure whose words belong to another clause's rendering in the same
/// sentence:
/// - a party departure whose words sit in a smaller passage of another clause, inside the
///   passage that gave the departure, when that clause takes them as its own party (no
///   party departure there): "… a demilitarized zone, … and prohibiting the deployment of
///   NATO forces on the territory of Ukraine" renders clause 21 as a whole and clause 8 in
///   its last part, so NATO's forces are clause 8's, not a departure from clause 21;
/// - a misquote found outside the clause's own passage, in a passage of another clause in
///   the same sentence: the quotation is that clause's words ("… never join NATO, while
///   "NATO agrees not to deploy troops in Ukraine."" is clause 8's quotation, not a
///   misquote of clause 7).
///
/// Each check is a binary search in the other clause's passages (article order), so that
/// many departures and passages cost no more than a few.
pub fn drop_other_clauses_words(found: &mut [(ClauseMatch, Vec<Origin>)]) {
    let Some(phrases) = PhrasesIn::of(found) else {
        return;
    };
    let party_words: Vec<HashSet<&str>> = found
        .iter()
        .map(|(clause_match, _)| {
            clause_match
                .departures
                .iter()
                .filter(|departure| departure.kind == DiscrepancyKind::Party)
                .map(|departure| departure.outlet_says.as_str())
                .collect()
        })
        .collect();
    let rendered: Vec<usize> = (0..found.len())
        .filter(|&index| !found[index].0.passages.is_empty())
        .collect();
    let mut dropped: Vec<HashSet<usize>> = vec![HashSet::new(); found.len()];
    for &index in &rendered {
        let (clause_match, origins) = &found[index];
        for (number, (departure, origin)) in clause_match.departures.iter().zip(origins).enumerate()
        {
            let words = departure.outlet_says.as_str();
            let own = &clause_match.passages[origin.passage];
            let mut others = rendered.iter().filter(|&&other| other != index);
            let belongs_elsewhere = match departure.kind {
                DiscrepancyKind::Party => {
                    phrases.has(own, words)
                        && others.any(|&other| {
                            !party_words[other].contains(words)
                                && has_passage_with(
                                    &found[other].0.passages,
                                    (own.start, own.end),
                                    Some(own),
                                    |passage| phrases.has(passage, words),
                                )
                        })
                }
                DiscrepancyKind::Wording => {
                    !phrases.has(own, words)
                        && others.any(|&other| {
                            has_passage_with(
                                &found[other].0.passages,
                                (origin.sentence.start, origin.sentence.end),
                                None,
                                |passage| phrases.has(passage, words),
                            )
                        })
                }
                _ => false,
            };
            if belongs_elsewhere {
                dropped[index].insert(number);
            }
        }
    }
    for ((clause_match, _), dropped) in found.iter_mut().zip(dropped) {
        if dropped.is_empty() {
            continue;
        }
        let mut number = 0;
        clause_match.departures.retain(|_| {
            number += 1;
            !dropped.contains(&(number - 1))
        });
    }
}

/// Which of the party and wording departures' words each passage contains, found in one
/// pass over each distinct passage for all of them at once (Aho–Corasick), so that many
/// departures in one long sentence cost no more than reading it.
struct PhrasesIn {
    ids: HashMap<String, usize>,
    contained: HashMap<(usize, usize), HashSet<usize>>,
}

impl PhrasesIn {
    /// `None` when no match has a party or wording departure.
    fn of(found: &[(ClauseMatch, Vec<Origin>)]) -> Option<Self> {
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (clause_match, _) in found {
            for departure in &clause_match.departures {
                if matches!(
                    departure.kind,
                    DiscrepancyKind::Party | DiscrepancyKind::Wording
                ) && !departure.outlet_says.is_empty()
                {
                    let next = ids.len();
                    ids.entry(departure.outlet_says.clone()).or_insert(next);
                }
            }
        }
        if ids.is_empty() {
            return None;
        }
        let mut patterns: Vec<&str> = vec![""; ids.len()];
        for (phrase, &id) in &ids {
            patterns[id] = phrase;
        }
        let automaton = AhoCorasick::new(&patterns).ok()?;
        // Only passages that contain some phrase are kept: most contain none.
        let mut contained: HashMap<(usize, usize), HashSet<usize>> = HashMap::new();
        let mut scanned: HashSet<(usize, usize)> = HashSet::new();
        for passage in found
            .iter()
            .flat_map(|(clause_match, _)| &clause_match.passages)
        {
            if !scanned.insert((passage.start, passage.end)) {
                continue;
            }
            let ids: HashSet<usize> = automaton
                .find_overlapping_iter(&passage.text)
                .map(|found| found.pattern().as_usize())
                .collect();
            if !ids.is_empty() {
                contained.insert((passage.start, passage.end), ids);
            }
        }
        Some(Self { ids, contained })
    }

    /// Whether `passage` contains `phrase` (one of the departures' words).
    fn has(&self, passage: &Passage, phrase: &str) -> bool {
        self.ids.get(phrase).is_some_and(|id| {
            self.contained
                .get(&(passage.start, passage.end))
                .is_some_and(|ids| ids.contains(id))
        })
    }
}

/// Whether `passages` (in article order) has one within `span` (other than `except`)
/// for which `contains` holds; found by a binary search.
fn has_passage_with(
    passages: &[Passage],
    span: (usize, usize),
    except: Option<&Passage>,
    contains: impl Fn(&Passage) -> bool,
) -> bool {
    let from = passages.partition_point(|passage| passage.start < span.0);
    passages[from..]
        .iter()
        .take_while(|passage| passage.start <= span.1)
        .any(|passage| {
            passage.end <= span.1
                && except.is_none_or(|own| (passage.start, passage.end) != (own.start, own.end))
                && contains(passage)
        })
}

/// Words by which an article attributes what it says to a later version of the plan, or
/// describes a change from the 28 points ("raises the cap to", "instead").
static LATER_VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(europe(an)?s?|e3|counter[- ]?(proposal|plan|offer)|revised|updated|amended|new(er)?|latest|later|19[- ]point|20[- ]point|geneva|framework|berlin|miami|rais(es|ed|ing)|increas(es|ed|ing)|lower(s|ed|ing)|instead|replac[a-z]*|up from|down from)(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// Figures in the passage that no clause of the plan states and that are of a kind the
/// clause uses (like is compared with like: money with money, days with days), or that a
/// later version states: a departure unless the passage attributes it to that version, or
/// the article names that version (`versions_named`, "the 20-point plan") and the passage
/// does not give the figure as the plan's own ("the 28-point plan").
fn figure_departures(
    plan: &PlanWords,
    clause: &Clause,
    passage: &str,
    versions_named: &[String],
) -> (Vec<Departure>, Vec<VersionMatch>) {
    let clause_figures: Vec<(figures::Figure, &str)> = clause
        .passages()
        .flat_map(|sentence| {
            figures::extract(sentence)
                .into_iter()
                .filter(figures::Figure::is_quantity)
                .map(move |figure| (figure, sentence))
        })
        .collect();
    let mut departures = Vec::new();
    let mut later = Vec::new();
    // Read once, not once per figure: a long passage of many figures stays linear.
    let passage_words = PassageWords::of(passage);
    for figure in stated::stated(passage) {
        if plan.values.contains(&figure.value) {
            continue;
        }
        let Some(kind) = figure_kind(&figure.value) else {
            continue;
        };
        // Of the clause's figures of this kind, the one in the sentence closest to the
        // passage ("Europe will add $100 billion", not the US's $100 billion).
        let Some((own, sentence)) = closest_to(
            &passage_words,
            clause_figures
                .iter()
                .filter(|(own, _)| figure_kind(&own.value).as_deref() == Some(kind.as_str()))
                .map(|found| (found.1, found)),
        ) else {
            continue;
        };
        // The later versions with this figure for the clause, one the article names first.
        let mut versions = plan
            .version_figures
            .iter()
            .filter(|(from, _, _, value)| *from == clause.number && *value == figure.value);
        let first = versions.clone().next();
        let version = versions
            .find(|(_, id, _, _)| versions_named.contains(id))
            .or(first);
        match version {
            Some((_, id, point, _))
                if LATER_VERSION.is_match(passage)
                    || (versions_named.contains(id)
                        && !super::subject::numbers_plan_of(passage, plan.points)) =>
            {
                later.push(VersionMatch {
                    version: id.clone(),
                    point: *point,
                    article_says: figure.written,
                });
            }
            Some((_, id, point, _)) => departures.push(figure_departure(
                &figure,
                sentence,
                format!(
                    "{} is the figure of {id}{}, not of this text, which says {}",
                    figure.written,
                    point.map(|n| format!(" point {n}")).unwrap_or_default(),
                    own.written
                ),
            )),
            None => departures.push(figure_departure(
                &figure,
                sentence,
                format!("the text says {}, not {}", own.written, figure.written),
            )),
        }
    }
    (departures, later)
}

fn figure_departure(figure: &Stated, sentence: &str, why: String) -> Departure {
    Departure {
        kind: DiscrepancyKind::Figure,
        text_says: sentence.to_owned(),
        outlet_says: figure.written.clone(),
        why,
    }
}

/// What kind of quantity a figure value is ("$", "£", "%", " days", or "" for a count), so
/// that only like is compared with like (pounds are a conversion of dollars, not another
/// figure); `None` for a year or a single digit, which say too
/// little to compare.
fn figure_kind(value: &str) -> Option<String> {
    // A range ("10–15") or anything else that is not one number or a ratio ("70:30") says
    // too little to compare.
    let number = value
        .split(' ')
        .next()
        .unwrap_or_default()
        .trim_start_matches(['$', '€', '£'])
        .trim_end_matches('%');
    let ratio = number
        .split_once(':')
        .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok());
    if number.parse::<f64>().is_err() && !ratio {
        return None;
    }
    let has_currency = value.starts_with(['$', '€', '£']);
    let percent = value.ends_with('%');
    let unit = value.split_once(' ').map(|(_, unit)| unit);
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let year_like = unit.is_none()
        && !has_currency
        && !percent
        && digits.len() == 4
        && (digits.starts_with("19") || digits.starts_with("20"));
    if year_like || (digits.len() < 2 && unit.is_none() && !has_currency && !percent) {
        return None;
    }
    let currency: String = value
        .chars()
        .take_while(|c| matches!(c, '$' | '€' | '£'))
        .collect();
    let percent = if percent { "%" } else { "" };
    Some(format!("{currency}{percent}{}", unit.unwrap_or("")))
}

/// A cut of the armed forces stated relative to their size ("halve", "by more than half")
/// where the clause sets an absolute figure.
fn relative_departures(clause: &Clause, passage: &str) -> Option<Departure> {
    let cut = stated::relative_cut(passage)?;
    let (own, sentence) = clause.passages().find_map(|sentence| {
        figures::extract(sentence)
            .into_iter()
            .find(|figure| {
                figure.is_quantity() && figure_kind(&figure.value).as_deref() == Some("")
            })
            .map(|figure| (figure, sentence))
    })?;
    Some(Departure {
        kind: DiscrepancyKind::Figure,
        text_says: sentence.to_owned(),
        outlet_says: cut.to_owned(),
        why: format!(
            "a cut relative to today's size; the text sets an absolute figure, {}",
            own.written
        ),
    })
}

/// Whether a word names a party of the vocabulary ("European" names Europe).
fn names_party(corpus: &Corpus, word: &str) -> bool {
    let lower = word.to_lowercase();
    corpus.parties.iter().any(|party| {
        let label = party.label.to_lowercase();
        let first = label.split_whitespace().next().unwrap_or_default();
        (first.len() >= 3 && !label.contains(' ') && lower.starts_with(first)) || lower == party.id
    })
}

/// Words that name a group of states or forces without naming a party.
const COLLECTIVE_ACTORS: &[&str] = &[
    "foreign",
    "western",
    "allied",
    "international",
    "multinational",
    "peacekeeping",
];

/// Suffixes that make a party's name an adjective ("US-led", "U.S.-facilitated").
const PARTY_SUFFIXES: &[&str] = &["-led", "-backed", "-facilitated", "-brokered", "-mediated"];

/// The state or institution a word names, folded ("Kremlin" and "Russian" are `russia`,
/// "Alliance" is `nato`), with a party-making suffix removed; `None` for other words.
fn folded_name(word: &str) -> Option<&'static str> {
    let mut lower = word.to_lowercase().replace('’', "'");
    lower = lower.trim_end_matches("'s").to_owned();
    for suffix in PARTY_SUFFIXES {
        if let Some(stem) = lower.strip_suffix(suffix) {
            lower = stem.to_owned();
        }
    }
    let capitals = word.chars().take(2).all(|c| c.is_uppercase());
    fold_name(&[lower.as_str()], capitals).map(|(term, _)| term)
}

/// Whether a word names a party, a state or institution, or a group of states.
fn names_actor(corpus: &Corpus, word: &str) -> bool {
    names_party(corpus, word)
        || folded_name(word).is_some()
        || COLLECTIVE_ACTORS.contains(&word.to_lowercase().as_str())
}

/// What the party check needs of a clause, worked out once per clause rather than once
/// per passage: the party-before-word pairs of its title and text ("NATO troops"), every
/// adjacent pair of its words, and every actor it names, all as comparison keys.
struct ClauseParties {
    /// (party as written, head word's key, head as written).
    pairs: Vec<(String, String, String)>,
    /// (key of a word, key of the word after it), for every adjacent pair.
    adjacent: HashSet<(String, String)>,
    /// Keys of every word of the clause's title and text.
    named: HashSet<String>,
    /// The lists of three or more parties its text gives ("Russia, Ukraine and Europe").
    lists: Vec<Vec<NamedParty>>,
}

impl ClauseParties {
    fn of(corpus: &Corpus, clause: &Clause) -> Self {
        let clause_words: Vec<String> = std::iter::once(clause.title.as_str())
            .chain(clause.passages())
            .flat_map(words)
            .collect();
        let pairs = clause_words
            .windows(2)
            .filter(|pair| {
                let (party, head) = (&pair[0], &pair[1]);
                names_party(corpus, party)
                    && !names_actor(corpus, head)
                    && head.len() >= 4
                    && !super::text::STOP_WORDS.contains(&head.to_lowercase().as_str())
            })
            .map(|pair| (pair[0].clone(), word_key(&pair[1]), pair[1].clone()))
            .collect();
        let adjacent = clause_words
            .windows(2)
            .map(|pair| (party_key(&pair[0]), word_key(&pair[1])))
            .collect();
        let named = clause_words.iter().map(|word| party_key(word)).collect();
        let lists = clause
            .passages()
            .flat_map(party_lists)
            .filter(|list| list.len() >= MIN_CLAUSE_LIST)
            .collect();
        Self {
            pairs,
            adjacent,
            named,
            lists,
        }
    }
}

/// The fewest parties a list in the clause's text needs for the list check: with two, one
/// shared party says too little to tell a substitution from another pair.
const MIN_CLAUSE_LIST: usize = 3;

/// A party as a text names it: its words as written ("the EU") and its key (`eu`).
#[derive(Debug, Clone, PartialEq)]
struct NamedParty {
    written: String,
    key: &'static str,
}

/// The runs of two or more parties in `text` joined by commas, "and" or "or" ("between
/// Russia, Ukraine and the EU"), each party once.
fn party_lists(text: &str) -> Vec<Vec<NamedParty>> {
    let written = words(text);
    let lower: Vec<String> = written
        .iter()
        .map(|word| {
            let lower = word.to_lowercase().replace('’', "'");
            lower.trim_end_matches("'s").to_owned()
        })
        .collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let mut lists = Vec::new();
    let mut current: Vec<NamedParty> = Vec::new();
    let mut article: Option<&str> = None;
    let mut index = 0;
    while index < lower.len() {
        let capitals = written[index].chars().take(2).all(char::is_uppercase);
        if let Some((key, span)) = fold_name(&lower[index..], capitals) {
            let name = written[index..index + span].join(" ");
            let written = article.map_or(name.clone(), |article| format!("{article} {name}"));
            if !current.iter().any(|party| party.key == key) {
                current.push(NamedParty { written, key });
            }
            article = None;
            index += span;
            continue;
        }
        match lower[index] {
            "the" => article = Some(written[index].as_str()),
            "and" | "or" if !current.is_empty() => article = None,
            _ => {
                if current.len() >= 2 {
                    lists.push(std::mem::take(&mut current));
                }
                current.clear();
                article = None;
            }
        }
        index += 1;
    }
    if current.len() >= 2 {
        lists.push(current);
    }
    lists
}

/// Where the clause lists parties ("between Russia, Ukraine and Europe") and the passage
/// gives the same list but for one party ("between Russia, Ukraine and the EU"): the
/// parties are folded first, so that "the Kremlin" for "Russia" is no departure.
fn party_list_departures(parties: &ClauseParties, passage: &str) -> Vec<Departure> {
    let mut found = Vec::new();
    for listed in party_lists(passage) {
        for list in &parties.lists {
            let missing: Vec<&NamedParty> = list
                .iter()
                .filter(|party| !listed.iter().any(|other| other.key == party.key))
                .collect();
            let added: Vec<&NamedParty> = listed
                .iter()
                .filter(|party| !list.iter().any(|other| other.key == party.key))
                .collect();
            let shared = listed.len() - added.len();
            if let ([missing], [added], 2..) = (missing.as_slice(), added.as_slice(), shared) {
                found.push(Departure {
                    kind: DiscrepancyKind::Party,
                    text_says: join_parties(list),
                    outlet_says: join_parties(&listed),
                    why: format!(
                        "the text names {}, the article {}",
                        missing.written, added.written
                    ),
                });
            }
        }
    }
    found
}

/// Parties as a list is written: "Russia, Ukraine and Europe".
fn join_parties(list: &[NamedParty]) -> String {
    let names: Vec<&str> = list.iter().map(|party| party.written.as_str()).collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// A word for comparison: folded typography, lower case.
fn word_key(word: &str) -> String {
    fold(word).to_lowercase()
}

/// A word as a party: the state or institution it names ("Kremlin" is `russia`), else the
/// word itself.
fn party_key(word: &str) -> String {
    folded_name(word).map_or_else(|| word_key(word), str::to_owned)
}

/// Where the clause (its title or text) puts a party before a word ("NATO troops") and
/// the passage puts another actor before it ("foreign troops"). An actor the clause itself
/// names ("US-led" on clause 14, "US-mediated" in clause 4's title) is no substitution.
/// Linear in the passage: its words are looked up by head, not compared pair by pair.
fn party_departures(corpus: &Corpus, parties: &ClauseParties, passage: &str) -> Vec<Departure> {
    if parties.pairs.is_empty() {
        return Vec::new();
    }
    let passage_words = words(passage);
    let keyed: Vec<(String, String)> = passage_words
        .iter()
        .map(|word| (party_key(word), word_key(word)))
        .collect();
    let mut found = Vec::new();
    for (party, head_key, head) in &parties.pairs {
        let party_as_key = party_key(party);
        let synonyms = head_synonyms(head_key);
        let follows_head = |index: usize| {
            keyed[index + 1].1 == *head_key || synonyms.contains(&keyed[index + 1].1)
        };
        let positions: Vec<usize> = (0..keyed.len().saturating_sub(1))
            .filter(|&index| follows_head(index))
            .collect();
        if positions
            .iter()
            .any(|&index| keyed[index].0 == party_as_key)
        {
            continue;
        }
        for index in positions {
            let (before, noun) = (&passage_words[index], &passage_words[index + 1]);
            let before_key = &keyed[index].0;
            // Another word for the head ("peacekeepers" for troops) is the same thing only
            // in the hands of a group or a party-led force; "Ukrainian forces" are not NATO's.
            let same_noun = keyed[index + 1].1 == *head_key;
            if !parties
                .adjacent
                .contains(&(before_key.clone(), keyed[index + 1].1.clone()))
                && !parties.named.contains(before_key)
                && names_actor(corpus, before)
                && (same_noun || (is_collective_or_led(before) && !synonyms.contains(before_key)))
            {
                found.push(Departure {
                    kind: DiscrepancyKind::Party,
                    text_says: format!("{party} {head}"),
                    outlet_says: format!("{before} {noun}"),
                    why: format!("the text names {party}, the article {before}"),
                });
            }
        }
    }
    found
}

/// [`party_departures`] of the whole sentence, kept only where the other actor is a
/// collective one ("foreign troops" for NATO troops): a sentence rendering several clauses
/// is split into parts, and the part scored for a clause may stop short of the words that
/// widen its party ("…abandon its NATO aspirations, and accept limits on foreign troops",
/// "forgo European-led peacekeepers"). A state named elsewhere in the sentence belongs to its
/// own part's clause.
fn collective_departures(
    corpus: &Corpus,
    parties: &ClauseParties,
    sentence: &str,
) -> Vec<Departure> {
    party_departures(corpus, parties, sentence)
        .into_iter()
        .filter(|departure| {
            departure
                .outlet_says
                .split_whitespace()
                .next()
                .is_some_and(is_collective_or_led)
        })
        .collect()
}

/// Whether an actor is a group ("foreign", "international") or a force led by a party
/// ("European-led"), rather than a state's own.
fn is_collective_or_led(actor: &str) -> bool {
    let lower = actor.to_lowercase();
    COLLECTIVE_ACTORS.contains(&lower.as_str())
        || PARTY_SUFFIXES.iter().any(|suffix| lower.ends_with(suffix))
}

/// Other words news uses for a clause's head noun when it means armed men ("troops":
/// "forces", "peacekeepers"), as comparison keys; none for any other head.
fn head_synonyms(head_key: &str) -> &'static [String] {
    static ARMED: LazyLock<Vec<String>> = LazyLock::new(|| {
        [
            "troops",
            "forces",
            "force",
            "soldiers",
            "peacekeepers",
            "peacekeeping",
            "contingent",
            "contingents",
        ]
        .iter()
        .map(|word| word_key(word))
        .collect()
    });
    if ARMED.iter().any(|key| key == head_key) {
        &ARMED
    } else {
        &[]
    }
}

/// The words of a text, without surrounding punctuation.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Quotations in the sentence that renders the clause (any of its parts: "Russia will be
/// "re-integrated into the world economy," …, and … will sign a long-term agreement" renders
/// clause 13 in its last part) that are close to a sentence of the clause (most of their
/// words are in it) but not the plan's words: a misquote, unless the sentence gives them as a
/// later version's ("in a later version, the clause was altered to …"). A quotation that shares few words
/// with the clause is someone's speech or a label, not the plan's wording; one whose
/// every word is in the sentence is the plan's words reordered or shortened.
fn quoted_departures(plan: &PlanWords, clause: &Clause, sentence: &str) -> Vec<Departure> {
    let mut found = Vec::new();
    // Read once, not once per quotation: a long sentence of many quotations stays linear.
    if LATER_VERSION.is_match(sentence) {
        return found;
    }
    let quoted_texts = quotations(sentence);
    if quoted_texts.is_empty() {
        return found;
    }
    // The clause's sentences, read once for every quotation.
    let clause_sentences: Vec<(PassageWords, &str)> = clause
        .passages()
        .map(|own| (PassageWords::of(own), own))
        .collect();
    for quoted in quoted_texts {
        let bare = bare_words(quoted);
        let count = bare.split(' ').filter(|word| !word.is_empty()).count();
        if !(MIN_QUOTED_WORDS..=MAX_QUOTED_WORDS).contains(&count) || plan.words.contains(&bare) {
            continue;
        }
        let closest = clause_sentences
            .iter()
            .map(|(words, own)| (words.share_of_bare(&bare), *own))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        // Every word the plan's, in another order or with words left out ("de facto
        // recognized as Russian"): the plan's words, not a misquote.
        if let Some((share, own)) = closest
            && (MISQUOTE_SHARE..1.0).contains(&share)
        {
            found.push(Departure {
                kind: DiscrepancyKind::Wording,
                text_says: own.to_owned(),
                outlet_says: quoted.trim_end_matches([',', '.', ';', ':']).to_owned(),
                why: "quoted as the plan's words, which differ".to_owned(),
            });
        }
    }
    found
}

/// Lower-cased words joined by single spaces, punctuation, hyphens and the full stops
/// after letters dropped ("co-ordinated" is "coordinated", "U.S.-Russian" is "usrussian",
/// as "US-Russian" is; "2.5" keeps its point).
fn bare_words(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut previous = ' ';
    for character in fold(text).to_lowercase().chars() {
        let after_letter = character == '.' && previous.is_alphabetic();
        if character != '-' && !after_letter {
            kept.push(character);
        }
        previous = character;
    }
    words(&kept).join(" ")
}

/// The texts between paired double quotation marks (straight or curly).
fn quotations(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (offset, character) in text.char_indices() {
        match (character, open) {
            ('“', _) => open = Some(offset + character.len_utf8()),
            ('"', None) => open = Some(offset + 1),
            ('”' | '"', Some(start)) => {
                found.push(text[start..offset].trim());
                open = None;
            }
            _ => {}
        }
    }
    found
}

/// Words by which a clause only expects, invites or offers.
static SOFT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(expect[a-z]*|invit[a-z]*|hope[a-z]*)(?-u:\b)")
        .expect("the pattern is valid")
});

/// Words by which an article makes it a firm commitment or a done deal.
static FIRM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(pledg[a-z]*|promis[a-z]*|oblig[a-z]*|commit[a-z]*|must|required?|bound|guarantee[sd]?|readmit[a-z]*|reinstat[a-z]*|restor[a-z]*)(?-u:\b)")
        .expect("the pattern is valid")
});

/// A firm commitment or a done deal ("Russia pledges not to invade", "readmitted to the
/// G8") where the clause's sentence only expects or invites ("It is expected that", "will
/// be invited to rejoin").
fn modality_departures(clause: &Clause, passage: &str) -> Option<Departure> {
    if SOFT.is_match(passage) {
        return None;
    }
    let firm = FIRM.find(passage)?;
    let sentence = closest_sentence(clause, passage).filter(|sentence| SOFT.is_match(sentence))?;
    let soft = SOFT.find(sentence)?;
    Some(Departure {
        kind: DiscrepancyKind::Wording,
        text_says: sentence.to_owned(),
        outlet_says: firm.as_str().to_owned(),
        why: format!(
            "a firm commitment where the text says only \"{}\"",
            soft.as_str()
        ),
    })
}

/// Recognition stated formally, or without the text's "de facto" anywhere in the
/// article's sentence, where the clause's sentence recognises only de facto. Recognising
/// Russia's control is de facto in other words, and no departure.
fn recognition_departures(clause: &Clause, passage: &str, sentence: &str) -> Option<Departure> {
    static RECOGNISES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?-u:\b)((?:formal(?:ly)?|legal(?:ly)?|official(?:ly)?|de jure)\s+)?recogni[sz][a-z]*",
        )
        .expect("the pattern is valid")
    });
    // The qualifier may sit in the next part of the sentence ("recognising Crimea and
    // occupied eastern Ukraine as de facto Russian").
    let lower = sentence.to_lowercase();
    if lower.contains("de facto") || lower.contains("de-facto") {
        return None;
    }
    // Recognising someone's control is recognising a fact, which is what "de facto" says
    // ("recognising Russian control of Crimea").
    static OF_CONTROL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s+(?:of\s+)?(?:russian|russia['’]s|moscow['’]s|the kremlin['’]s)?\s*(?:effective\s+)?control(?-u:\b)",
        )
        .expect("the pattern is valid")
    });
    // The first recognition that is formal or of more than control.
    let found = RECOGNISES.captures_iter(passage).find_map(|found| {
        let whole = found.get(0)?;
        let of_control = OF_CONTROL.is_match(&passage[whole.end()..]);
        (found.get(1).is_some() || !of_control).then_some(whole)
    })?;
    let sentence = clause
        .passages()
        .find(|sentence| sentence.to_lowercase().contains("de facto"))?;
    // Only recognition of what that sentence recognises (Crimea, Luhansk, Donetsk): the
    // clause may recognise other things outright (the withdrawal zone "internationally
    // recognized as territory belonging to" Russia).
    let places: Vec<String> = words(sentence)
        .into_iter()
        .filter(|word| {
            word.len() >= 4
                && word.chars().next().is_some_and(char::is_uppercase)
                && folded_name(word).is_none()
        })
        .collect();
    let passage_words = words(passage);
    if !places.iter().any(|place| passage_words.contains(place)) {
        return None;
    }
    Some(Departure {
        kind: DiscrepancyKind::Scope,
        text_says: sentence.to_owned(),
        outlet_says: found.as_str().to_owned(),
        why: "recognition without the text's \"de facto\"".to_owned(),
    })
}

/// An institution that exactly one other clause names (the IAEA of clause 19) put into
/// this clause's passage, when the passage shares hardly anything else with that clause
/// (an "IAEA-supervised buffer zone" is clause 21's zone, not clause 19's power plant).
fn institution_departures(plan: &PlanWords, clause: &Clause, passage: &str) -> Vec<Departure> {
    let passage_words: Vec<String> = words(passage)
        .into_iter()
        .flat_map(|word| word.split('-').map(str::to_owned).collect::<Vec<_>>())
        .collect();
    plan.institutions
        .iter()
        .filter(|(name, owner, _)| {
            *owner != clause.number && passage_words.iter().any(|word| word == name)
        })
        .filter(|(name, _, owner_words)| {
            let shared = passage_words
                .iter()
                .map(|word| word.to_lowercase())
                .filter(|word| *word != name.to_lowercase() && owner_words.contains(word))
                .count();
            shared < MIN_OWNER_WORDS
        })
        .map(|(name, owner, _)| Departure {
            kind: DiscrepancyKind::Party,
            text_says: closest_sentence(clause, passage)
                .unwrap_or(&clause.text)
                .to_owned(),
            outlet_says: name.clone(),
            why: format!("the text gives the {name} a part in clause {owner}, not in this clause"),
        })
        .collect()
}

/// Words of its own clause (beside its name) a passage must share for an institution in
/// it to be where the text puts it.
const MIN_OWNER_WORDS: usize = 2;

/// The sentence of the clause that shares the most words with the passage.
fn closest_sentence<'c>(clause: &'c Clause, passage: &str) -> Option<&'c str> {
    closest_to(
        &PassageWords::of(passage),
        clause.passages().map(|sentence| (sentence, sentence)),
    )
}

/// Of `candidates` (a clause sentence and what goes with it), what goes with the sentence
/// whose words the passage shares most of; the first such on a tie.
fn closest_to<'s, T>(
    passage: &PassageWords,
    candidates: impl Iterator<Item = (&'s str, T)>,
) -> Option<T> {
    candidates
        .map(|(sentence, item)| (passage.share_of(sentence), item))
        .fold(None, |best: Option<(f64, T)>, (share, item)| match best {
            Some((kept, _)) if kept >= share => best,
            _ => Some((share, item)),
        })
        .map(|(_, item)| item)
}

/// The words of a passage (`bare_words`), read once for comparing it with a clause's
/// sentences.
struct PassageWords(HashSet<String>);

impl PassageWords {
    fn of(passage: &str) -> Self {
        Self(
            bare_words(passage)
                .split(' ')
                .filter(|word| !word.is_empty())
                .map(str::to_owned)
                .collect(),
        )
    }

    /// The share of the words of `sentence` that the passage uses.
    fn share_of(&self, sentence: &str) -> f64 {
        self.share_of_bare(&bare_words(sentence))
    }

    /// `share_of` for words already made bare (`bare_words`).
    fn share_of_bare(&self, bare: &str) -> f64 {
        let words: Vec<&str> = bare.split(' ').filter(|word| !word.is_empty()).collect();
        let shared = words.iter().filter(|word| self.0.contains(**word)).count();
        shared as f64 / words.len().max(1) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::{figure_kind, quotations};

    #[test]
    fn a_curly_apostrophe_is_not_another_party() {
        let corpus = crate::corpus::load(None).expect("the built-in corpus loads");
        let clause = &corpus.clauses[13];
        let passage = "The money would fund Ukraine’s reconstruction under US leadership.";
        let parties = super::ClauseParties::of(&corpus, clause);
        let found = super::party_departures(&corpus, &parties, passage);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn compares_like_figures_only() {
        assert_eq!(figure_kind("$300000000000"), figure_kind("$100000000000"));
        assert_ne!(figure_kind("300 days"), figure_kind("$100000000000"));
        assert_eq!(figure_kind("2025"), None);
        assert_eq!(figure_kind("8"), None);
        assert_eq!(figure_kind("10–15"), None);
        assert_eq!(figure_kind("70:30"), Some(String::new()));
    }

    #[test]
    fn bare_words_join_abbreviations_and_keep_decimal_points() {
        assert_eq!(
            super::bare_words("U.S.-Russian vehicle"),
            "usrussian vehicle"
        );
        assert_eq!(super::bare_words("US-Russian vehicle"), "usrussian vehicle");
        assert_ne!(
            super::bare_words("2.5 billion"),
            super::bare_words("25 billion")
        );
    }

    #[test]
    fn finds_straight_and_curly_quotations() {
        assert_eq!(
            quotations("a “buffer zone” and \"peace\" here"),
            ["buffer zone", "peace"]
        );
    }
}
