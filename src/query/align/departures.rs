//! Departures a passage makes from its clause that can be detected without reading it:
//! a figure the clause does not have, another party in a party's place, words put in
//! quotation marks that the plan never uses, and a stronger verb for a weaker one.

use crate::model::{Clause, Corpus, DiscrepancyKind};
use std::collections::HashSet;

use crate::records::align::{Departure, Passage};
use crate::text::figures;
use crate::text::fold::fold;

/// Quotations longer than this many words are taken to be someone's speech, not words
/// the article attributes to the plan.
const MAX_SCARE_QUOTE_WORDS: usize = 4;

/// Words that give away sovereignty outright, which a clause that only recognises
/// control (or freezes a line) does not say.
const TRANSFER_VERBS: &[&str] = &[
    "cede",
    "ceding",
    "cedes",
    "surrender",
    "hand over",
    "give up",
];

/// The words of the whole plan, folded as quotations are compared with them: built once
/// per corpus, not once per passage (a 10,000-clause plan is megabytes).
pub struct PlanWords(String);

impl PlanWords {
    pub fn of(corpus: &Corpus) -> Self {
        Self(
            corpus
                .clauses
                .iter()
                .flat_map(|clause| clause.passages())
                .map(bare_words)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// The departures of `passages` from `clause`, each once, in the order first found (a
/// set remembers the ones seen, so many distinct departures cost linear time).
pub fn detect(
    corpus: &Corpus,
    plan_words: &PlanWords,
    clause: &Clause,
    passages: &[Passage],
) -> Vec<Departure> {
    let mut found: Vec<Departure> = Vec::new();
    let mut seen: HashSet<Departure> = HashSet::new();
    for passage in passages {
        let candidates = figure_departures(clause, &passage.text)
            .into_iter()
            .chain(party_departures(corpus, clause, &passage.text))
            .chain(quoted_departures(plan_words, clause, &passage.text))
            .chain(modality_departures(clause, &passage.text));
        for departure in candidates {
            if seen.insert(departure.clone()) {
                found.push(departure);
            }
        }
    }
    found
}

/// What kind of quantity a figure is, so that only like is compared with like.
fn figure_kind(figure: &str) -> Option<String> {
    let currency = figure.starts_with(['$', '€', '£']);
    let percent = figure.ends_with('%');
    let unit = figure
        .split_once(' ')
        .map(|(_, unit)| unit.trim_end_matches('s'));
    let digits: String = figure.chars().filter(char::is_ascii_digit).collect();
    let year_like = unit.is_none()
        && !currency
        && digits.len() == 4
        && figure.len() == 4
        && (digits.starts_with("19") || digits.starts_with("20"));
    if year_like || (digits.len() < 2 && unit.is_none() && !currency && !percent) {
        return None;
    }
    Some(format!("{currency}{percent}{}", unit.unwrap_or("")))
}

/// Quantities in the passage of a kind the clause uses but with a value it does not have
/// (values compared normalised, so "$100bn" is "$100 billion"; names such as "G7" skipped).
fn figure_departures(clause: &Clause, passage: &str) -> Vec<Departure> {
    let clause_figures: Vec<(figures::Figure, &str)> = clause
        .passages()
        .flat_map(|sentence| {
            figures::extract(sentence)
                .into_iter()
                .filter(figures::Figure::is_quantity)
                .map(move |figure| (figure, sentence))
        })
        .collect();
    figures::extract(passage)
        .into_iter()
        .filter(figures::Figure::is_quantity)
        .filter_map(|figure| {
            let kind = figure_kind(&figure.written)?;
            if clause_figures
                .iter()
                .any(|(own, _)| own.value == figure.value)
            {
                return None;
            }
            let (_, sentence) = clause_figures
                .iter()
                .find(|(own, _)| figure_kind(&own.written).as_deref() == Some(kind.as_str()))?;
            Some(Departure {
                kind: DiscrepancyKind::Figure,
                text_says: (*sentence).to_owned(),
                outlet_says: figure.written,
            })
        })
        .collect()
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

/// Whether a word names a party, a group of states that stands in for one, or another
/// proper name or adjective ("American").
fn names_actor(corpus: &Corpus, word: &str) -> bool {
    let proper = word.len() >= 4 && word.chars().next().is_some_and(char::is_uppercase);
    proper || names_party(corpus, word) || COLLECTIVE_ACTORS.contains(&word.to_lowercase().as_str())
}

/// Where the clause puts a party before a word ("NATO troops") and the passage puts
/// another word before it ("foreign troops").
fn party_departures(corpus: &Corpus, clause: &Clause, passage: &str) -> Vec<Departure> {
    let clause_words: Vec<String> = std::iter::once(clause.title.as_str())
        .chain(clause.passages())
        .flat_map(words)
        .collect();
    let passage_words = words(passage);
    let mut found = Vec::new();
    for pair in clause_words.windows(2) {
        let (party, head) = (&pair[0], &pair[1]);
        if !names_party(corpus, party)
            || names_party(corpus, head)
            || head.len() < 4
            || super::text::STOP_WORDS.contains(&head.to_lowercase().as_str())
        {
            continue;
        }
        if passage_words
            .windows(2)
            .any(|other| same_word(&other[0], party) && same_word(&other[1], head))
        {
            continue;
        }
        for other in passage_words.windows(2) {
            let (before, noun) = (&other[0], &other[1]);
            let clause_has_it = clause_words
                .windows(2)
                .any(|own| same_word(&own[0], before) && same_word(&own[1], noun));
            if same_word(noun, head)
                && !same_word(before, party)
                && !clause_has_it
                && names_actor(corpus, before)
            {
                found.push(Departure {
                    kind: DiscrepancyKind::Party,
                    text_says: format!("{party} {head}"),
                    outlet_says: format!("{before} {noun}"),
                });
            }
        }
    }
    found
}

/// Whether two words are the same but for case and typography ("Ukraine's" and
/// "Ukraine’s" are).
fn same_word(a: &str, b: &str) -> bool {
    fold(a).to_lowercase() == fold(b).to_lowercase()
}

/// The words of a text, without surrounding punctuation.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Short quotations in the passage whose words the plan never uses.
fn quoted_departures(plan_words: &PlanWords, clause: &Clause, passage: &str) -> Vec<Departure> {
    let plan_text = &plan_words.0;
    quotations(passage)
        .into_iter()
        .filter(|quoted| {
            let count = quoted.split_whitespace().count();
            count > 0 && count <= MAX_SCARE_QUOTE_WORDS && !plan_text.contains(&bare_words(quoted))
        })
        .map(|quoted| Departure {
            kind: DiscrepancyKind::Wording,
            text_says: clause.text.clone(),
            outlet_says: quoted.trim_end_matches([',', '.', ';', ':']).to_owned(),
        })
        .collect()
}

/// Lower-cased words joined by single spaces, punctuation dropped (except inside words).
fn bare_words(text: &str) -> String {
    words(&fold(text).to_lowercase()).join(" ")
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

/// A verb of transfer ("cede") where the clause recognises or freezes, not transfers.
fn modality_departures(clause: &Clause, passage: &str) -> Vec<Departure> {
    let clause_text = clause
        .passages()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let lower = passage.to_lowercase();
    TRANSFER_VERBS
        .iter()
        .filter(|verb| !clause_text.contains(*verb))
        .filter_map(|verb| {
            let at = lower.find(verb)?;
            let sentence = clause
                .passages()
                .find(|text| text.contains("recogni") || text.contains("de facto"))?;
            Some(Departure {
                kind: DiscrepancyKind::Scope,
                text_says: sentence.to_owned(),
                outlet_says: passage[at..at + verb.len()].to_owned(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{figure_kind, quotations};

    #[test]
    fn a_curly_apostrophe_is_not_another_party() {
        let corpus = crate::corpus::load(None).expect("the built-in corpus loads");
        let clause = &corpus.clauses[13];
        let passage = "The money would fund Ukraine’s reconstruction under US leadership.";
        let found = super::party_departures(&corpus, clause, passage);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn compares_like_figures_only() {
        assert_eq!(figure_kind("$300 billion"), figure_kind("$100 billion"));
        assert_ne!(figure_kind("300 days"), figure_kind("$100 billion"));
        assert_eq!(figure_kind("2025"), None);
        assert_eq!(figure_kind("8"), None);
    }

    #[test]
    fn finds_straight_and_curly_quotations() {
        assert_eq!(
            quotations("a “buffer zone” and \"peace\" here"),
            ["buffer zone", "peace"]
        );
    }
}
