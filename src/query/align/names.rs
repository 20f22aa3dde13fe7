//! Names of places, parties and institutions, folded to one term each: a country's
//! adjective, capital and seat of government ("Russian", "Moscow", "the Kremlin") stand
//! for the country, and an institution's abbreviation for its full name ("EU", "European
//! Union"). This is general knowledge of how news writes about states, not a rule for
//! any outlet or article. People are folded too: a person's title, given names and
//! initials with their surname ("President Donald J. Trump", "Donald Trump", "Trump")
//! are one term, the surname, so that a name mentioned in passing counts once as
//! evidence; the people are the actors the corpus records.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::LazyLock;

/// Each name (as lower-case words) and the term it folds to. Longer names come first so
/// that "european union" is read before "european".
const NAMES: &[(&[&str], &str)] = &[
    (&["north", "atlantic", "treaty", "organization"], "nato"),
    (&["international", "atomic", "energy", "agency"], "iaea"),
    (&["russian", "federation"], "russia"),
    (&["peace", "council"], "peace-council"),
    (&["board", "of", "peace"], "peace-council"),
    // The US Army and its secretary are the United States, not the army the plan caps.
    (&["secretary", "of", "the", "army"], "us-state"),
    (&["united", "states", "army"], "us-state"),
    (&["us", "army"], "us-state"),
    (&["u.s", "army"], "us-state"),
    (&["u.s.", "army"], "us-state"),
    (&["army", "secretary"], "us-state"),
    (&["united", "states"], "us-state"),
    (&["white", "house"], "us-state"),
    (&["european", "union"], "eu"),
    (&["european", "commission"], "eu"),
    (&["eu"], "eu"),
    (&["nato"], "nato"),
    (&["alliance"], "nato"),
    (&["us"], "us-state"),
    (&["u.s"], "us-state"),
    (&["u.s."], "us-state"),
    (&["usa"], "us-state"),
    (&["america"], "us-state"),
    (&["american"], "us-state"),
    (&["americans"], "us-state"),
    (&["washington"], "us-state"),
    (&["russia"], "russia"),
    (&["russian"], "russia"),
    (&["russians"], "russia"),
    (&["moscow"], "russia"),
    (&["kremlin"], "russia"),
    (&["ukraine"], "ukraine"),
    (&["ukrainian"], "ukraine"),
    (&["ukrainians"], "ukraine"),
    (&["kyiv"], "ukraine"),
    (&["kiev"], "ukraine"),
    (&["europe"], "europe"),
    (&["european"], "europe"),
    (&["europeans"], "europe"),
];

/// The folded term for the name starting at `words[0]`, and how many words it spans.
/// `words` are lower-case; "US" is only the country when written in capitals, which the
/// caller tells with `us_in_capitals` (lower-case "us" is the pronoun).
pub fn fold_name(words: &[&str], us_in_capitals: bool) -> Option<(&'static str, usize)> {
    /// `NAMES` by first word, in their order, so that a word is looked up once.
    static BY_FIRST_WORD: LazyLock<HashMap<&'static str, Vec<NameEntry>>> = LazyLock::new(|| {
        let mut index: HashMap<&'static str, Vec<NameEntry>> = HashMap::new();
        for entry in NAMES {
            index.entry(entry.0[0]).or_default().push(*entry);
        }
        index
    });
    BY_FIRST_WORD
        .get(words.first()?)?
        .iter()
        .find_map(|(name, term)| {
            let matches = words.len() >= name.len()
                && name.iter().zip(words).all(|(want, word)| want == word)
                && (name != &["us"] || us_in_capitals);
            matches.then_some((*term, name.len()))
        })
}

/// A name as lower-case words, and the term it folds to.
type NameEntry = (&'static [&'static str], &'static str);

/// Words that stand before a person's name as their office.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "secretary",
    "envoy",
    "special",
    "spokesman",
    "spokeswoman",
    "senator",
    "general",
];

/// At most this many titles before a name ("Vice President"), so that a run of titles
/// costs linear time.
const MAX_TITLES: usize = 3;

/// At most this many initials between the parts of a name.
const MAX_INITIALS: usize = 2;

/// People whose names fold to their surname, indexed by their first given name and by
/// their surname so that folding costs the same with ten people or a hundred thousand.
#[derive(Debug, Default, Clone)]
pub struct People {
    /// Full names by their first word, then by their second (the name a mention must
    /// continue with), so a mention looks at the people it could be and no others: fifty
    /// thousand Johns cost a mention of "John said" nothing.
    by_first_name: HashMap<String, HashMap<String, Vec<Vec<String>>>>,
    surnames: HashSet<String>,
}

impl People {
    /// People from actor labels such as "Donald Trump, President of the United States":
    /// the part before the first comma, when it is two to four capitalised words with no
    /// state or institution among them (so "Kyiv and Europe" or "A senior EU official"
    /// are not taken for people).
    pub fn from_actors<'a>(actors: impl IntoIterator<Item = &'a str>) -> Self {
        let mut people = Self::default();
        let mut seen: HashSet<&str> = HashSet::new();
        for actor in actors {
            let name = actor.split(',').next().unwrap_or_default();
            if !seen.insert(name) {
                continue;
            }
            let words: Vec<&str> = name.split_whitespace().collect();
            let capitalised = words
                .iter()
                .all(|word| word.chars().next().is_some_and(char::is_uppercase));
            if !(2..=4).contains(&words.len()) || !capitalised {
                continue;
            }
            let lower: Vec<String> = words.iter().map(|word| word.to_lowercase()).collect();
            let names_a_state = (0..lower.len()).any(|index| {
                let rest: Vec<&str> = lower[index..].iter().map(String::as_str).collect();
                fold_name(&rest, false).is_some()
            });
            if names_a_state {
                continue;
            }
            people.surnames.insert(lower[lower.len() - 1].clone());
            people
                .by_first_name
                .entry(lower[0].clone())
                .or_default()
                .entry(lower[1].clone())
                .or_default()
                .push(lower);
        }
        people
    }

    /// Every person's surname, the term their names fold to.
    pub fn surnames(&self) -> impl Iterator<Item = &String> {
        self.surnames.iter()
    }

    /// The surname for the person named at `words[0]` (after any titles), and how many
    /// words the name spans; single-letter initials may stand between the names.
    pub fn fold(&self, words: &[&str]) -> Option<(String, usize)> {
        let titles = words
            .iter()
            .take(MAX_TITLES)
            .take_while(|word| TITLES.contains(word))
            .count();
        let rest = &words[titles..];
        let first = rest.first()?;
        let full = self.by_first_name.get(*first).and_then(|by_second| {
            // The second part follows the first, after up to MAX_INITIALS initials.
            (1..=1 + MAX_INITIALS)
                .take_while(|&at| {
                    at <= rest.len() && rest[1..at].iter().all(|word| word.chars().count() == 1)
                })
                .filter_map(|at| by_second.get(*rest.get(at)?))
                .flatten()
                .find_map(|name| {
                    let span = full_name_span(name, rest)?;
                    Some((name.last()?.clone(), titles + span))
                })
        });
        full.or_else(|| {
            self.surnames
                .contains(*first)
                .then(|| ((*first).to_owned(), titles + 1))
        })
    }
}

/// How many words of `words` the full `name` spans (initials between its parts allowed).
fn full_name_span(name: &[String], words: &[&str]) -> Option<usize> {
    let mut position = 0;
    for part in name {
        let mut initials = 0;
        while initials < MAX_INITIALS
            && words
                .get(position)
                .is_some_and(|word| word.chars().count() == 1 && word != part)
        {
            position += 1;
            initials += 1;
        }
        if words.get(position) != Some(&part.as_str()) {
            return None;
        }
        position += 1;
    }
    Some(position)
}

#[cfg(test)]
mod tests {
    use super::People;

    #[test]
    fn a_mention_finds_its_person_among_many_sharing_a_first_name() {
        let names: Vec<String> = (0..1000)
            .map(|index| format!("John Surname{index}"))
            .chain(["John Kennedy".to_owned(), "Mary Jane Smith".to_owned()])
            .collect();
        let people = People::from_actors(names.iter().map(String::as_str));
        assert_eq!(
            people.fold(&["john", "f", "kennedy", "said"]),
            Some(("kennedy".to_owned(), 3))
        );
        assert_eq!(
            people.fold(&["john", "surname999"]),
            Some(("surname999".to_owned(), 2))
        );
        assert_eq!(
            people.fold(&["mary", "jane", "smith"]),
            Some(("smith".to_owned(), 3))
        );
        assert_eq!(people.fold(&["john", "said"]), None);
        assert_eq!(people.fold(&["john"]), None);
        assert_eq!(
            people.fold(&["kennedy", "said"]),
            Some(("kennedy".to_owned(), 1))
        );
    }
}
