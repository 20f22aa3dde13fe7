//! Figures in a rendering: counts, amounts, percentages, ratios, durations and dates, so
//! that a diff can say which numbers one outlet gives and another does not.

/// Words that complete a figure when they follow a number ("100 days", "$100 billion").
const UNITS: &[&str] = &[
    "billion",
    "million",
    "trillion",
    "thousand",
    "percent",
    "per",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "hours",
    "kilometers",
    "kilometres",
    "km",
    "miles",
];

/// The figures in `text`, in order of first appearance, each once: every word that
/// holds a digit (with its `$`, `%` or other attached signs, but not trailing
/// punctuation), joined to a unit word that follows it.
pub fn figures(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut found: Vec<String> = Vec::new();
    for (index, word) in words.iter().enumerate() {
        if !word.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let number = trim_punctuation(word);
        let unit = words
            .get(index + 1)
            .map(|next| trim_punctuation(next).to_lowercase())
            .filter(|next| UNITS.contains(&next.as_str()) && !word.ends_with([',', ';', '.']));
        let figure = match unit {
            Some(unit) => format!("{number} {unit}"),
            None => number.to_owned(),
        };
        if !found.contains(&figure) {
            found.push(figure);
        }
    }
    found
}

/// The figures of `a` that `b` does not have.
pub fn only_in(a: &[String], b: &[String]) -> Vec<String> {
    a.iter()
        .filter(|figure| !b.contains(figure))
        .cloned()
        .collect()
}

fn trim_punctuation(word: &str) -> &str {
    word.trim_start_matches(['(', '"', '\'', '“', '‘', '[', '—', '-'])
        .trim_end_matches([
            ',', '.', ';', ':', ')', '"', '\'', '”', '’', ']', '?', '!', '—', '-',
        ])
}

#[cfg(test)]
mod tests {
    use super::{figures, only_in};

    #[test]
    fn finds_amounts_percentages_durations_ratios_and_names_with_digits() {
        assert_eq!(
            figures(
                "$100 billion in frozen assets; the US will receive 50% of the profits, 50:50, in 100 days. G8."
            ),
            ["$100 billion", "50%", "50:50", "100 days", "G8"]
        );
        assert_eq!(figures("limited to 600,000 personnel."), ["600,000"]);
        assert_eq!(figures("capped at 600,000."), ["600,000"]);
    }

    #[test]
    fn reports_what_one_side_lacks() {
        let text = figures("rejoin the G8 within 100 days");
        let outlet = figures("return to the G7 within 100 days");
        assert_eq!(only_in(&text, &outlet), ["G8"]);
        assert_eq!(only_in(&outlet, &text), ["G7"]);
    }
}
