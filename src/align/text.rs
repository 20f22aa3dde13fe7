//! Words and sentences of an article: Unicode sentence segmentation, and stemmed content
//! words for matching.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// One sentence of an article, as byte offsets into it (white space trimmed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// The sentences of `text` by the Unicode sentence-boundary rules (UAX #29), trimmed of
/// surrounding white space; empty ones are dropped.
pub fn sentences(text: &str) -> Vec<Sentence> {
    text.split_sentence_bound_indices()
        .filter_map(|(offset, sentence)| {
            let leading = sentence.len() - sentence.trim_start().len();
            let trimmed = sentence.trim();
            (!trimmed.is_empty()).then(|| Sentence {
                start: offset + leading,
                end: offset + leading + trimmed.len(),
            })
        })
        .collect()
}

/// Words too common to tell one clause from another.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "for",
    "with",
    "by",
    "at",
    "from",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "there",
    "their",
    "they",
    "them",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "us",
    "you",
    "your",
    "i",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "not",
    "no",
    "also",
    "than",
    "then",
    "so",
    "if",
    "into",
    "about",
    "such",
    "said",
    "says",
    "say",
    "according",
    "plan",
    "point",
    "points",
    "proposal",
    "draft",
];

/// Stems the content words of a text for matching.
pub struct Tokenizer {
    stemmer: Stemmer,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Tokenizer {
    /// The stemmed, lower-cased content words of `text`, in order (repeats kept). "US"
    /// and "U.S." both become `us-state` so the country is not lost as a stop word.
    pub fn terms(&self, text: &str) -> Vec<String> {
        text.unicode_words()
            .filter_map(|word| {
                if word == "US" || word == "U.S" || word == "U.S." {
                    return Some("us-state".to_owned());
                }
                let lower = word.to_lowercase().replace('’', "'");
                let lower = lower.trim_end_matches("'s");
                if lower.len() < 2 && !lower.chars().any(|c| c.is_ascii_digit()) {
                    return None;
                }
                if STOP_WORDS.contains(&lower) {
                    return None;
                }
                Some(self.stemmer.stem(lower).into_owned())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{Tokenizer, sentences};

    #[test]
    fn splits_sentences_by_unicode_rules_with_exact_offsets() {
        let text = "  NATO agrees. Troops stay out.\nNext line here ";
        let found: Vec<&str> = sentences(text)
            .iter()
            .map(|sentence| &text[sentence.start..sentence.end])
            .collect();
        assert_eq!(
            found,
            ["NATO agrees.", "Troops stay out.", "Next line here"]
        );
    }

    #[test]
    fn stems_content_words_and_keeps_the_us() {
        let terms = Tokenizer::default().terms("The U.S. will station troops, stationing them");
        assert_eq!(terms, ["us-state", "station", "troop", "station"]);
    }
}
