//! Paraphrases of the plan's key words: groups of words and short phrases that news
//! reports use interchangeably with the plan's own ("capped" for "limited to", "truce"
//! for "ceasefire"), each folded to one term. The groups (`lexicon.txt`) were written
//! from the plan's text alone, by a reviewer who had read none of the archived
//! articles, so that leave-one-out evaluation is not flattered by them.

use foldhash::{HashMap, HashMapExt};

use rust_stemmers::Stemmer;
use unicode_segmentation::UnicodeSegmentation;

/// The groups, one per line: `canonical: member, member`.
const LEXICON: &str = include_str!("lexicon.txt");

/// Every phrase of every group as stemmed words, with the term it folds to, indexed by
/// its first word; under each first word, longer phrases come first so that the longest
/// match wins.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    phrases: HashMap<String, Vec<(Vec<String>, String)>>,
}

impl Lexicon {
    /// The built-in lexicon, stemmed with `stemmer`. A phrase listed in two groups folds
    /// to the first.
    pub fn builtin(stemmer: &Stemmer) -> Self {
        let mut phrases: HashMap<String, Vec<(Vec<String>, String)>> = HashMap::new();
        for (canonical, members) in groups(LEXICON) {
            let term = format!("~{canonical}");
            for phrase in std::iter::once(canonical).chain(members) {
                let words = stems(stemmer, phrase);
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                let entries = phrases.entry(first).or_default();
                if !entries.iter().any(|(known, _)| *known == words) {
                    entries.push((words, term.clone()));
                }
            }
        }
        for entries in phrases.values_mut() {
            entries.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        Self { phrases }
    }

    /// The term for the phrase starting at `stemmed[0]`, and how many words it spans.
    pub fn fold(&self, stemmed: &[String]) -> Option<(&str, usize)> {
        let entries = self.phrases.get(stemmed.first()?)?;
        entries.iter().find_map(|(words, term)| {
            stemmed
                .starts_with(words)
                .then_some((term.as_str(), words.len()))
        })
    }
}

/// The groups of a lexicon text: each non-comment line's canonical phrase and members.
fn groups(text: &str) -> impl Iterator<Item = (&str, impl Iterator<Item = &str>)> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once(':'))
        .map(|(canonical, members)| (canonical.trim(), members.split(',').map(str::trim)))
}

/// The stemmed, lower-cased words of a phrase.
fn stems(stemmer: &Stemmer, phrase: &str) -> Vec<String> {
    phrase
        .unicode_words()
        .map(|word| stemmer.stem(&word.to_lowercase()).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use rust_stemmers::{Algorithm, Stemmer};

    use super::{LEXICON, Lexicon, stems};

    #[test]
    fn every_line_is_a_comment_or_a_group_with_members() {
        for line in LEXICON.lines().filter(|line| !line.trim().is_empty()) {
            if line.starts_with('#') {
                continue;
            }
            let (canonical, members) = line.split_once(':').expect(line);
            assert!(!canonical.trim().is_empty(), "{line}");
            assert!(
                members.split(',').all(|member| !member.trim().is_empty()),
                "{line}"
            );
        }
    }

    #[test]
    fn folds_a_paraphrase_and_the_plan_word_to_one_term_longest_first() {
        let stemmer = Stemmer::create(Algorithm::English);
        let lexicon = Lexicon::builtin(&stemmer);
        let fold = |phrase: &str| {
            lexicon
                .fold(&stems(&stemmer, phrase))
                .map(|(term, span)| (term.to_owned(), span))
        };
        assert_eq!(fold("truce"), fold("ceasefire"));
        assert_eq!(fold("capped at"), Some(("~limited to".to_owned(), 1)));
        assert_eq!(
            fold("prisoners of war held"),
            Some(("~prisoners".to_owned(), 3))
        );
        assert_eq!(fold("weather"), None);
    }
}
