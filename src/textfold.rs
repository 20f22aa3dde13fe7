//! Text folding for word-for-word comparison: what typography may change without changing
//! the words (runs of white space, curly quotes and apostrophes, dash styles, ellipses).

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
        match character {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => {
                folded.push('\'')
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => folded.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => folded.push('-'),
            '\u{2026}' => folded.push_str("..."),
            other => folded.push(other),
        }
    }
    folded
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
}
