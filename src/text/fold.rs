//! Text folding for word-for-word comparison: what typography may change without changing
//! the words (runs of white space, curly quotes and apostrophes, dash styles, ellipses);
//! and, for looking things up, accents too ("Podolyak" finds "Podolják").

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` with white space runs collapsed to one space, typographic quotes, apostrophes and
/// dashes replaced by their plain ASCII forms, and `…` spelt `...`; trimmed at both ends.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut pending_space = false;
    for character in text.chars() {
        if character.is_whitespace() {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        match plain_typography(character) {
            Some(plain) => folded.push_str(plain),
            None => folded.push(character),
        }
    }
    folded
}

/// The ASCII spelling of a typographic quote, apostrophe, dash or ellipsis.
fn plain_typography(character: char) -> Option<&'static str> {
    match character {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => Some("'"),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Some("\""),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Some("-"),
        '\u{2026}' => Some("..."),
        _ => None,
    }
}

/// A text folded for looking things up, with where each of its bytes came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded<'t> {
    /// The text without accents, with plain quotes, apostrophes, dashes and ellipses
    /// (the original itself when folding changes nothing).
    pub text: Cow<'t, str>,
    /// For each byte of `text`, the byte range of the original character it comes from;
    /// `None` when folding changed nothing, so each byte comes from the same byte.
    origins: Option<Vec<(usize, usize)>>,
}

impl Folded<'_> {
    /// The byte range of the original text that the folded range `start..end` comes from.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.origins {
            Some(origins) => (origins[start].0, origins[end - 1].1),
            None => (start, end),
        }
    }
}

/// `text` folded for looking things up: accents dropped, typographic quotes, apostrophes,
/// dashes and ellipses made ASCII; case and white space kept.
pub fn fold_for_lookup(text: &str) -> Folded<'_> {
    // ASCII has no accents and no typography to replace but the backtick: most text
    // folds to itself, and needs no map back.
    if text.is_ascii() && !text.contains('`') {
        return Folded {
            text: Cow::Borrowed(text),
            origins: None,
        };
    }
    let mut folded = String::with_capacity(text.len());
    let mut origins = Vec::with_capacity(text.len());
    for (start, character) in text.char_indices() {
        let origin = (start, start + character.len_utf8());
        let before = folded.len();
        match plain_typography(character) {
            Some(plain) => folded.push_str(plain),
            None if character.is_ascii() => folded.push(character),
            None => folded.extend(character.nfd().filter(|c| !is_combining_mark(*c))),
        }
        let added = folded.len() - before;
        origins.extend(std::iter::repeat_n(origin, added));
    }
    Folded {
        text: Cow::Owned(folded),
        origins: Some(origins),
    }
}

/// `text` folded for looking things up and lowercased: what a case- and accent-insensitive
/// substring test compares.
pub fn lookup_key(text: &str) -> String {
    fold_for_lookup(text).text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_typography_but_not_words() {
        assert_eq!(
            fold("  “Peace  cannot\n be capitulation,”  — Barrot’s words…  "),
            "\"Peace cannot be capitulation,\" - Barrot's words..."
        );
        assert_ne!(fold("600,000 personnel"), fold("600 000 personnel"));
    }

    #[test]
    fn lookup_folding_drops_accents_and_keeps_track_of_the_original() {
        assert_eq!(
            super::lookup_key("Mykhailo Podolják’s “NO”"),
            "mykhailo podoljak's \"no\""
        );
        let original = "Zelensky — Podolják";
        let folded = super::fold_for_lookup(original);
        assert_eq!(folded.text, "Zelensky - Podoljak");
        let start = folded.text.find("Podoljak").unwrap();
        let (from, to) = folded.original_range(start, start + "Podoljak".len());
        assert_eq!(&original[from..to], "Podolják");
        let dash = folded.text.find('-').unwrap();
        assert_eq!(folded.original_range(dash, dash + 1), (9, 12));
    }

    #[test]
    fn plain_ascii_folds_to_itself_and_maps_back_byte_for_byte() {
        let folded = super::fold_for_lookup("Article 5-like guarantees");
        assert_eq!(folded.text, "Article 5-like guarantees");
        assert_eq!(folded.original_range(8, 14), (8, 14));
        let backtick = super::fold_for_lookup("a `b`");
        assert_eq!(backtick.text, "a 'b'");
        assert_eq!(backtick.original_range(2, 5), (2, 5));
    }
}
