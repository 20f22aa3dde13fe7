//! The figures an article states in a passage, as `align` checks them against the plan:
//! written in digits ("600,000", "$100bn") or in words ("sixty days", "six hundred
//! thousand"), and relative cuts ("halve", "by more than half", "a fifth") that stand in
//! for an absolute figure. Figures about something else are left out: the present or the
//! past ("currently 880,000", "from 900,000 to"), and dates ("13 December").

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use text2num::{Language, text2digits};

use crate::text::figures::{self, Figure};

/// A figure the passage states as the plan's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    /// The article's words for it.
    pub written: String,
    /// Its value, spelt as `figures` spells values ("600000", "$100000000000", "60 days").
    pub value: String,
}

/// Words that, shortly before a figure, put it in the present or the past: it describes
/// how things are, not what the plan says.
const CONTEXT_BEFORE: &[&str] = &[
    "currently",
    "current",
    "now",
    "today",
    "presently",
    "present",
    "existing",
    "pre-war",
    "prewar",
    "was",
    "had",
    "stood",
    "numbered",
    "numbers",
];

/// Words that hedge a figure ("roughly 880,000"), read past when looking for the word
/// before it.
const APPROXIMATIONS: &[&str] = &[
    "about",
    "around",
    "roughly",
    "some",
    "nearly",
    "almost",
    "approximately",
    "over",
];

/// Words that, shortly after a figure, put it in the present or the past.
const CONTEXT_AFTER: &[&str] = &["now", "currently", "today", "at present", "before"];

/// Month names: a number beside one is a date, not a figure of the plan.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// How many words before a figure are searched for `CONTEXT_BEFORE`.
const CONTEXT_WINDOW: usize = 3;

/// The quantities `passage` states as the plan's, in order, each value once.
pub fn stated(passage: &str) -> Vec<Stated> {
    let words: Vec<&str> = passage.split_whitespace().collect();
    let mut found: Vec<Stated> = Vec::new();
    let mut values: HashSet<String> = HashSet::new();
    let mut push = |figure: Figure, at: usize| {
        if !is_context(&words, at) && values.insert(figure.value.clone()) {
            found.push(Stated {
                written: figure.written,
                value: figure.value,
            });
        }
    };
    // `figures` splits the passage at whitespace as `words` does: a figure's `word` is
    // the index of the word it starts at here too.
    for figure in figures::extract(passage)
        .into_iter()
        .filter(Figure::is_quantity)
    {
        let at = figure.word;
        push(figure, at);
    }
    for (at, figure) in spelled_out(&words) {
        push(figure, at);
    }
    found
}

/// Numbers written in words, with the unit words after them, and where each starts.
fn spelled_out(words: &[&str]) -> Vec<(usize, Figure)> {
    static ENGLISH: LazyLock<Language> = LazyLock::new(Language::english);
    let mut found = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let longest = (1..=MAX_NUMBER_WORDS.min(words.len() - index))
            .rev()
            .find_map(|length| {
                let run = &words[index..index + length];
                if run.iter().any(|word| !is_number_word(word)) {
                    return None;
                }
                let phrase: Vec<String> =
                    run.iter().map(|word| bare(word).to_lowercase()).collect();
                let digits = text2digits(&phrase.join(" "), &*ENGLISH).ok()?;
                Some((length, digits))
            });
        // "800 thousand", "0.6 million": the scale word belongs to the digits before it,
        // which `figures` has read already.
        let after_digits = index > 0 && words[index - 1].chars().any(|c| c.is_ascii_digit());
        let Some((length, digits)) = longest.filter(|_| !after_digits) else {
            index += 1;
            continue;
        };
        let rest = &words[index + length..(index + length + 2).min(words.len())];
        let as_digits = std::iter::once(digits.as_str())
            .chain(rest.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(figure) = figures::extract(&as_digits).into_iter().next()
            && figure.value.chars().filter(char::is_ascii_digit).count() >= 2
        {
            let unit_words = figure.written.split_whitespace().count() - 1;
            let written = words[index..index + length + unit_words]
                .iter()
                .map(|word| bare(word))
                .collect::<Vec<_>>()
                .join(" ");
            found.push((index, Figure { written, ..figure }));
        }
        index += length;
    }
    found
}

/// The most words a number written in words is read from ("six hundred and fifty thousand").
const MAX_NUMBER_WORDS: usize = 6;

/// Whether a word can be part of a number written in words (letters and hyphens only, not
/// "a", which text2num would read as one).
fn is_number_word(word: &str) -> bool {
    let bare = bare(word);
    bare.len() > 1
        && bare.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        && !bare.eq_ignore_ascii_case("an")
}

/// Whether the figure at word `at` describes the present, the past or a date.
fn is_context(words: &[&str], at: usize) -> bool {
    let lower = |index: usize| bare(words[index]).to_lowercase();
    let before = at.saturating_sub(CONTEXT_WINDOW)..at;
    if before
        .clone()
        .any(|index| CONTEXT_BEFORE.contains(&lower(index).as_str()))
    {
        return true;
    }
    // "from 880,000 to 600,000", "from roughly 880,000": the figure after "from" is
    // where a change starts.
    let from = match at.checked_sub(1) {
        Some(previous) if APPROXIMATIONS.contains(&lower(previous).as_str()) => {
            previous.checked_sub(1)
        }
        previous => previous,
    };
    if from.is_some_and(|index| lower(index) == "from") {
        return true;
    }
    let beside = [at.checked_sub(1), Some(at + 1), Some(at + 2)];
    if beside
        .into_iter()
        .flatten()
        .filter(|&index| index < words.len())
        .any(|index| MONTHS.contains(&lower(index).as_str()))
    {
        return true;
    }
    let after: Vec<String> = (at + 1..(at + 4).min(words.len())).map(lower).collect();
    let after = format!(" {} ", after.join(" "));
    CONTEXT_AFTER
        .iter()
        .any(|marker| after.contains(&format!(" {marker} ")))
}

/// A cut stated relative to today's size rather than as the plan's absolute figure.
static RELATIVE_CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?-u:\b)(halv(?:e|es|ed|ing)|(?:by|in|to|(?:reduction|cut|drop|decrease) of) [“"]?(?:more than |less than |about |roughly |nearly |almost )?(?:half|a half|one half|a third|one third|a quarter|a fifth|two[- ]thirds|[0-9]{1,2} ?(?:%|per ?cent))|(?:two|three|four) and a half times|(?:a|one) (?:third|quarter|fifth) of)(?-u:\b)"#,
    )
    .expect("the pattern is valid")
});

/// Words for armed forces: a relative cut is a figure departure only when it is of these.
static FORCES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(army|armies|military|armed forces|forces|troops|personnel|soldiers)(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// The words of a relative cut of the armed forces in `passage` ("halve its army", "cut its
/// military by more than half"), if it states one.
pub fn relative_cut(passage: &str) -> Option<&str> {
    if !FORCES.is_match(passage) {
        return None;
    }
    RELATIVE_CUT.find(passage).map(|found| found.as_str())
}

/// `word` without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '$' | '€' | '£' | '%'))
}

#[cfg(test)]
mod tests {
    use super::{relative_cut, stated};

    fn values(passage: &str) -> Vec<String> {
        stated(passage)
            .into_iter()
            .map(|figure| figure.value)
            .collect()
    }

    #[test]
    fn a_figure_is_read_in_its_own_place_not_where_its_digits_first_appear() {
        // "28" first appears in "28-point", whose next word is "now": the days are not
        // today's figure for that.
        assert_eq!(
            values("The 28-point plan now in Kyiv would hold elections in 28 days."),
            ["28 days"]
        );
        // "35" also appears inside "F-35"; the 35 brigades are what the army had: context.
        assert!(values("denied F-35 jets, though it had 35 brigades").is_empty());
    }

    #[test]
    fn reads_figures_in_digits_and_in_words() {
        assert_eq!(values("cap the army at 600,000 troops"), ["600000"]);
        assert_eq!(values("elections within sixty days"), ["60 days"]);
        assert_eq!(values("an army of six hundred thousand"), ["600000"]);
        let spelled = stated("elections within sixty days");
        assert_eq!(spelled[0].written, "sixty days");
        assert_eq!(values("an army of 800 thousand"), ["800000"]);
    }

    #[test]
    fn leaves_out_the_present_the_past_and_dates() {
        assert!(values("the army, currently 800,000–850,000 strong").is_empty());
        assert!(values("cut from 880,000 to 600,000").contains(&"600000".to_owned()));
        assert!(!values("cut from 880,000 to 600,000").contains(&"880000".to_owned()));
        let hedged = values("a reduction from roughly 880,000 to around 600,000");
        assert_eq!(hedged, ["600000"]);
        assert!(values("the talks on 13 December").is_empty());
        assert!(values("by December 13, the parties").is_empty());
    }

    #[test]
    fn finds_relative_cuts_of_the_armed_forces_only() {
        assert_eq!(relative_cut("Ukraine would halve its army"), Some("halve"));
        assert_eq!(
            relative_cut("cut its military by more than half"),
            Some("by more than half")
        );
        assert_eq!(
            relative_cut("its military cut to 600,000, a reduction of nearly half"),
            Some("reduction of nearly half")
        );
        assert_eq!(relative_cut("a fifth of the territory"), None);
    }
}
