//! "Did you mean …?": the nearest valid id to a misspelt one, by edit distance.

/// The candidate closest to `input`, if any is close enough to be a plausible typo.
///
/// Closeness is the optimal-string-alignment distance (transpositions count once),
/// compared case-insensitively; a candidate qualifies when it is within a third of the
/// input's length (at least 2 edits) or when one string is a prefix of the other.
pub fn nearest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted = input.to_lowercase();
    let allowed = (wanted.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .filter_map(|candidate| {
            let lowered = candidate.to_lowercase();
            let distance = strsim::osa_distance(&wanted, &lowered);
            let is_prefix = !wanted.is_empty()
                && (lowered.starts_with(&wanted) || wanted.starts_with(&lowered));
            (distance <= allowed || is_prefix).then_some((distance, candidate))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// How many valid values a hint lists before it counts the rest, so that a corpus with
/// thousands of ids still gets a one-paragraph message.
const MAX_LISTED: usize = 20;

/// A sentence offering the nearest candidate, or listing the valid values (the first
/// [`MAX_LISTED`], then how many more) when none is near.
pub fn hint<'a, I>(input: &str, candidates: I) -> String
where
    I: IntoIterator<Item = &'a str> + Clone,
{
    match nearest(input, candidates.clone()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => {
            let all: Vec<&str> = candidates.into_iter().collect();
            if all.len() <= MAX_LISTED {
                return format!("valid values: {}", all.join(", "));
            }
            format!(
                "valid values: {}, and {} more",
                all[..MAX_LISTED].join(", "),
                all.len() - MAX_LISTED
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOPICS: [&str; 4] = ["sovereignty", "nato", "territory", "frozen-assets"];

    #[test]
    fn finds_a_transposition_and_a_dropped_letter() {
        assert_eq!(nearest("sovereignity", TOPICS), Some("sovereignty"));
        assert_eq!(nearest("natl", TOPICS), Some("nato"));
        assert_eq!(nearest("frozen", TOPICS), Some("frozen-assets"));
    }

    #[test]
    fn lists_twenty_values_and_counts_the_rest() {
        let ids: Vec<String> = (1..=1000).map(|n| format!("outlet-{n:04}")).collect();
        let hint = hint("zzzzzzzzzzzzzzzz", ids.iter().map(String::as_str));
        assert!(hint.starts_with("valid values: outlet-0001, outlet-0002,"));
        assert!(hint.ends_with("outlet-0020, and 980 more"), "{hint}");
    }

    #[test]
    fn offers_nothing_for_an_unrelated_word() {
        assert_eq!(nearest("weather", TOPICS), None);
        assert_eq!(
            hint("weather", TOPICS),
            "valid values: sovereignty, nato, territory, frozen-assets"
        );
    }
}
