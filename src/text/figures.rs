//! Figures in a rendering: counts, amounts, percentages, ratios, durations and dates, so
//! that a diff can say which numbers one outlet gives and another does not, and so that an
//! outlet's wording can be checked against the figures of the clause it renders.
//!
//! Figures are compared by value, not spelling: "600,000" is "600 thousand", "$100bn" is
//! "$100 billion", "50%" is "50 per cent", "26th" is "26", "100-day" is "100 days".
//! Numbers that refer to a part of a text ("Point 26", "Article 5", "clause 12", "the
//! 28-point plan") are references, not figures, and are skipped.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

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
    "kilometer",
    "kilometre",
    "km",
    "miles",
    "mile",
];

/// Words after which a number names a part of a text rather than a quantity.
const REFERENCE_WORDS: &[&str] = &[
    "point",
    "points",
    "article",
    "articles",
    "clause",
    "clauses",
    "paragraph",
    "paragraphs",
    "section",
    "sections",
    "item",
    "items",
    "no",
    "number",
];

/// A number as written: an optional currency sign, digits with thousands separators and
/// decimals, an optional magnitude, percent or ordinal suffix, and an optional hyphenated
/// unit ("100-day").
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<currency>us\$|\$|€|£)?(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?(?P<suffix>%|bn|tn|mn|m|k|st|nd|rd|th)?(?:-(?P<unit>[a-z]+))?$",
    )
    .expect("the number pattern is valid")
});

/// One figure of a text: as the text writes it, and its value in one spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The words of the text that make up the figure ("$100bn", "600 thousand").
    pub written: String,
    /// Its value, spelt the same whatever the writing ("$100000000000", "600000").
    pub value: String,
    /// Whether it is a quantity or a name that holds digits.
    pub kind: FigureKind,
    /// The index of the word it starts at, among the text's words split at whitespace.
    pub word: usize,
}

/// What a figure is: the codebook counts only quantities as figures; a name that holds
/// digits ("G8", "G7") is worth showing in a diff but is no figure departure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// A count, amount, percentage, ratio, duration or date.
    Quantity,
    /// A word of letters and digits that names something ("G8").
    Name,
}

impl Figure {
    /// Whether the figure is a quantity rather than a name.
    pub fn is_quantity(&self) -> bool {
        self.kind == FigureKind::Quantity
    }
}

/// How a rendering's figures differ from the figures of the text it renders.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FigureDifferences {
    /// Figures of the text the rendering does not give: omissions, not errors.
    pub only_in_text: Vec<Figure>,
    /// Figures of the rendering the text does not give: changed or added figures.
    pub only_in_rendering: Vec<Figure>,
}

impl FigureDifferences {
    /// True when the rendering gives no figure the text lacks and omits none.
    pub fn is_empty(&self) -> bool {
        self.only_in_text.is_empty() && self.only_in_rendering.is_empty()
    }
}

/// The figures of `text`, in order of first appearance, each value once, references
/// skipped.
pub fn extract(text: &str) -> Vec<Figure> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut found: Vec<Figure> = Vec::new();
    // A set, not a scan of `found`: a text of many distinct figures stays linear.
    let mut values: HashSet<String> = HashSet::new();
    for (index, word) in words.iter().enumerate() {
        if !word.chars().any(|c| c.is_ascii_digit()) || is_reference(&words, index) {
            continue;
        }
        let figure = read_figure(&words, index);
        if values.insert(figure.value.clone()) {
            found.push(figure);
        }
    }
    found
}

/// The quantities in `text` as the text writes them, in order of first appearance, each
/// value once, references skipped. Names that hold digits (the G8) are not figures (the
/// codebook, section 5), so they are left out.
pub fn figures(text: &str) -> Vec<String> {
    extract(text)
        .into_iter()
        .filter(Figure::is_quantity)
        .map(|figure| figure.written)
        .collect()
}

/// Whether a figure as recorded (`800,000`, `G8`, `33% each (…)`) begins with a quantity.
pub fn is_quantity(recorded: &str) -> bool {
    extract(recorded).first().is_some_and(Figure::is_quantity)
}

/// The figures of `a` whose value none of `b` has, in linear time (a set of `b`'s values).
pub fn only_in(a: &[String], b: &[String]) -> Vec<String> {
    let b_values: HashSet<String> = b.iter().map(|figure| value_of(figure)).collect();
    a.iter()
        .filter(|figure| !b_values.contains(&value_of(figure)))
        .cloned()
        .collect()
}

/// The figures that differ between `text` and a `rendering` of it, omissions kept apart
/// from figures the rendering changed or added.
pub fn compare(text: &str, rendering: &str) -> FigureDifferences {
    let text_figures = extract(text);
    let rendering_figures = extract(rendering);
    let lacking = |figures: &[Figure], others: &[Figure]| -> Vec<Figure> {
        figures
            .iter()
            .filter(|figure| !others.iter().any(|other| other.value == figure.value))
            .cloned()
            .collect()
    };
    FigureDifferences {
        only_in_text: lacking(&text_figures, &rendering_figures),
        only_in_rendering: lacking(&rendering_figures, &text_figures),
    }
}

/// The value of one figure as written (the words of a figure, or any short text).
fn value_of(written: &str) -> String {
    extract(written)
        .into_iter()
        .next()
        .map_or_else(|| written.to_lowercase(), |figure| figure.value)
}

/// Whether the number at `index` names a part of a text ("Point 26", "28-point plan").
fn is_reference(words: &[&str], index: usize) -> bool {
    let before = index
        .checked_sub(1)
        .filter(|&previous| {
            !ends_clause(words[previous]) || words[previous].eq_ignore_ascii_case("no.")
        })
        .map(|previous| bare(words[previous]).to_lowercase());
    if before.is_some_and(|word| REFERENCE_WORDS.contains(&word.as_str())) {
        return true;
    }
    let word = bare(words[index]).to_lowercase();
    if word.ends_with("-point") || word.ends_with("-points") {
        return true;
    }
    let after = words.get(index + 1).map(|next| bare(next).to_lowercase());
    !ends_clause(words[index]) && after.is_some_and(|word| word == "point" || word == "points")
}

/// The figure that starts at `index`, taking the unit words that follow it.
fn read_figure(words: &[&str], index: usize) -> Figure {
    let number = bare(words[index]);
    let mut written = vec![number.to_owned()];
    let mut next = index + 1;
    let mut units: Vec<String> = Vec::new();
    let mut last = words[index];
    while !ends_clause(last) && units.len() < 2 {
        let Some(word) = words.get(next) else { break };
        let unit = bare(word).to_lowercase();
        let percent_spelt_apart =
            unit == "per" && words.get(next + 1).is_some_and(|w| bare(w) == "cent");
        if !UNITS.contains(&unit.as_str()) || (unit == "per" && !percent_spelt_apart) {
            break;
        }
        written.push(bare(word).to_owned());
        last = word;
        next += 1;
        if percent_spelt_apart {
            let cent = words[next];
            written.push(bare(cent).to_owned());
            last = cent;
            next += 1;
        }
        units.push(unit);
    }
    let kind =
        if NUMBER.is_match(&number.to_lowercase()) || !number.chars().any(char::is_alphabetic) {
            FigureKind::Quantity
        } else {
            FigureKind::Name
        };
    Figure {
        value: normalise(number, &units),
        written: written.join(" "),
        kind,
        word: index,
    }
}

/// One spelling of the value of `number` followed by the unit words `units`.
fn normalise(number: &str, units: &[String]) -> String {
    let lowered = number.to_lowercase();
    let Some(parts) = NUMBER.captures(&lowered) else {
        return lowered;
    };
    let digits = format!(
        "{}{}",
        parts["digits"].replace(',', ""),
        parts.name("decimals").map_or("", |m| m.as_str())
    );
    let Ok(mut amount) = digits.parse::<f64>() else {
        return lowered;
    };
    let mut currency = parts
        .name("currency")
        .map_or("", |m| m.as_str().trim_start_matches("us"))
        .to_owned();
    let mut suffix = String::new();
    let mut unit_words: Vec<&str> = units.iter().map(String::as_str).collect();
    match parts.name("suffix").map(|m| m.as_str()) {
        Some("%") => suffix = "%".into(),
        Some("k") => amount *= 1e3,
        Some("m" | "mn") => amount *= 1e6,
        Some("bn") => amount *= 1e9,
        Some("tn") => amount *= 1e12,
        _ => {}
    }
    if let Some(unit) = parts.name("unit") {
        unit_words.insert(0, unit.as_str());
    }
    for unit in unit_words {
        match unit {
            "thousand" => amount *= 1e3,
            "million" => amount *= 1e6,
            "billion" => amount *= 1e9,
            "trillion" => amount *= 1e12,
            "percent" | "per" => suffix = "%".into(),
            "dollar" | "dollars" => currency = "$".into(),
            other => suffix = format!(" {}", plural(other)),
        }
    }
    let value = if amount.fract() == 0.0 {
        format!("{amount:.0}")
    } else {
        format!("{amount}")
    };
    format!("{currency}{value}{suffix}")
}

/// The plural of a unit word, so that "1 day" and "100-day" read as days.
fn plural(unit: &str) -> String {
    match unit {
        "km" | "kilometers" | "kilometres" | "kilometer" | "kilometre" => "km".into(),
        unit if unit.ends_with('s') => unit.into(),
        unit => format!("{unit}s"),
    }
}

/// Whether `word` ends a clause of its sentence, so that what follows is not its unit.
fn ends_clause(word: &str) -> bool {
    word.ends_with([',', ';', '.', ':', '—'])
}

/// `word` without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_start_matches(['(', '"', '\'', '“', '‘', '[', '—', '-'])
        .trim_end_matches([
            ',', '.', ';', ':', ')', '"', '\'', '”', '’', ']', '?', '!', '—', '-',
        ])
}

#[cfg(test)]
mod tests {
    use super::{compare, figures, is_quantity, only_in};

    fn values(text: &str) -> Vec<String> {
        super::extract(text)
            .into_iter()
            .map(|figure| figure.value)
            .collect()
    }

    #[test]
    fn finds_amounts_percentages_durations_and_ratios_but_not_names_with_digits() {
        assert_eq!(
            figures(
                "$100 billion in frozen assets; the US will receive 50% of the profits, 50:50, in 100 days. G8."
            ),
            ["$100 billion", "50%", "50:50", "100 days"]
        );
        // The name is still found, as a name, by `extract`.
        assert!(
            super::extract("the G8")
                .iter()
                .any(|figure| !figure.is_quantity())
        );
        assert!(is_quantity("33% each (the US three-way proposal)"));
        assert!(!is_quantity("G8"));
        assert_eq!(figures("limited to 600,000 personnel."), ["600,000"]);
        assert_eq!(figures("capped at 600,000."), ["600,000"]);
    }

    #[test]
    fn spellings_of_one_value_are_one_figure() {
        assert_eq!(values("600,000"), values("600 thousand"));
        assert_eq!(values("600k troops"), values("600,000 troops"));
        assert_eq!(values("$100bn"), values("$100 billion"));
        assert_eq!(values("US$100 billion"), values("$100 billion"));
        assert_eq!(values("1.5 million"), values("1,500,000"));
        assert_eq!(values("50%"), values("50 percent"));
        assert_eq!(values("50 per cent of it"), values("50%"));
        assert_eq!(values("the 26th"), values("26"));
        assert_eq!(values("a 100-day deadline"), values("within 100 days"));
        assert_eq!(values("one day"), Vec::<String>::new());
        assert_eq!(values("in 1 day"), values("1 days"));
        assert_eq!(values("$100bn"), ["$100000000000"]);
        assert_eq!(figures("$100bn and $100 billion"), ["$100bn"]);
    }

    #[test]
    fn names_that_hold_digits_are_told_from_quantities() {
        let kinds = |text: &str| -> Vec<bool> {
            super::extract(text)
                .iter()
                .map(super::Figure::is_quantity)
                .collect()
        };
        assert_eq!(
            kinds("the G8, $100bn, 50:50, 26th, 2025-11-20, 100-day"),
            [false, true, true, true, true, true]
        );
    }

    #[test]
    fn different_values_stay_apart() {
        assert_ne!(values("$100 billion"), values("$300 billion"));
        assert_ne!(values("$100 billion"), values("100 billion"));
        assert_ne!(values("50%"), values("50"));
        assert_ne!(values("100 days"), values("100 months"));
        assert_ne!(values("G8"), values("G7"));
        assert_ne!(values("1,5"), values("15"));
    }

    #[test]
    fn references_to_parts_of_a_text_are_not_figures() {
        assert!(figures("Point 26 offers amnesty under point 3 and clause 12.").is_empty());
        assert!(figures("NATO's Article 5 and the 28-point plan; the 28 points").is_empty());
        assert!(figures("section 2, paragraph 4, item 7, No. 9").is_empty());
        assert_eq!(figures("Point 26 mentions 100 days"), ["100 days"]);
        assert_eq!(figures("at the point. 26 states agree"), ["26"]);
    }

    #[test]
    fn reports_what_one_side_lacks() {
        let text = figures("rejoin the G8 within 100 days");
        let outlet = figures("return to the G7 within 60 days");
        assert_eq!(only_in(&text, &outlet), ["100 days"]);
        assert_eq!(only_in(&outlet, &text), ["60 days"]);
        let spelt = figures("a 100-day return to the G8");
        assert!(only_in(&text, &spelt).is_empty());
    }

    #[test]
    fn comparison_keeps_omissions_apart_from_changed_figures() {
        let differences = compare(
            "The US will receive 50% of the profit from $100 billion, in 100 days.",
            "Point 14: $100bn, estimated at $300 billion in total",
        );
        let written = |figures: &[super::Figure]| -> Vec<String> {
            figures
                .iter()
                .map(|figure| figure.written.clone())
                .collect()
        };
        assert_eq!(written(&differences.only_in_text), ["50%", "100 days"]);
        assert_eq!(written(&differences.only_in_rendering), ["$300 billion"]);
        assert!(!differences.is_empty());
        assert!(compare("limited to 600,000 personnel", "capped at 600 thousand").is_empty());
    }
}
