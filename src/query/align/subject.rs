//! Whether an article is about this plan at all, before any clause is matched: a story
//! on coral reefs or on the Gaza plan shares words with some clauses ("zone", "board of
//! peace") but reports none of them.
//!
//! An article is taken to be about the plan when it names Ukraine (its capital, adjective
//! and president count), speaks of a plan, proposal, draft or framework in a sentence about
//! the war or peace (a US one, if it gives one to another party: "Putin's proposal", "the
//! plan proposed by Prabowo"), and does not number only
//! another plan: one the corpus does not hold ("the 7-point plan", "the 100-day plan"),
//! or a later version without the plan itself ("the 20-point framework"). A corpus
//! whose clauses never name Ukraine (a synthetic one) is not this plan, and every article
//! is taken to be about it.

use std::sync::LazyLock;

use regex::Regex;

/// What an article is about, as far as `align` can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// It names Ukraine and a plan, a US one if another party's is named, and no other
    /// numbered plan only.
    ThePlan,
    /// It never names the state the plan is about (`"Ukraine"`).
    Unnamed(&'static str),
    /// It names Ukraine but no plan, proposal, draft or framework: talks, a deal or an
    /// agreement alone are other events.
    NoPeacePlan,
    /// It speaks of another party's plan ("Putin's proposal") and never of a US one.
    AnothersPlan(String),
    /// The latest year it names is before the war the plan would end began (2014): a
    /// story of the 1990s on Ukraine's nuclear weapons shares clause 18's words.
    Earlier(u32),
    /// It names only a numbered plan the corpus does not hold ("7-point", "100-day").
    AnotherPlan(String),
    /// It numbers only later versions the corpus holds, never the plan itself: its terms
    /// are that version's, not renderings of the plan's clauses.
    LaterVersion { named: String, version: String },
}

impl Subject {
    /// Whether clauses may be reported for the article.
    pub fn is_the_plan(&self) -> bool {
        *self == Self::ThePlan
    }

    /// Why the article is not taken to be about the plan, as a clause for a note.
    pub fn reason(&self) -> Option<String> {
        match self {
            Self::ThePlan => None,
            Self::Unnamed(state) => Some(format!("it never names {state}")),
            Self::NoPeacePlan => Some(
                "it names no plan, proposal, draft or framework in a sentence about the war or peace"
                    .to_owned(),
            ),
            Self::AnothersPlan(named) => Some(format!(
                "it speaks of {named} and never of a US plan or proposal"
            )),
            Self::Earlier(year) => Some(format!(
                "the latest year it names is {year}, before the war the plan would end began"
            )),
            Self::AnotherPlan(named) => Some(format!(
                "the only plan it numbers is a {named} plan, which is not a version the corpus holds"
            )),
            Self::LaterVersion { named, version } => Some(format!(
                "the only plan it numbers is the {named} version ({version}), a later version \
                 whose points `peaceplan show --version {version}` lists"
            )),
        }
    }
}

/// Words that show an article is about a plan: talks, a deal or an agreement alone are
/// other events (a round of negotiations on prisoners, the Black Sea grain deal).
static PLAN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(plans?|proposals?|drafts?|frameworks?|blueprints?|roadmaps?|initiatives?|[0-9]{1,3}[- ‑–]points?)(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// A plan the article gives to the United States: "the US peace plan", "the U.S.-backed
/// proposal", "Trump's draft", "the Trump administration's plan", "the 28-point plan". "US"
/// is matched in capitals only, so that "let us plan" is not the country.
static US_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?-u:\b)US(?-u:\b)|U\.S\.|(?i:(?-u:\b)(?:american|america['’]s|washington['’]s|white house|trump(?:['’]s)?|trump administration['’]s|united states(?:['’]s?)?|witkoff['’]s|28[- ‑–]point)(?-u:\b)))(?:\W+\w+){0,2}?\W+(?i:(?:peace )?(?:plans?|proposals?|drafts?|frameworks?|blueprints?|initiatives?|points))(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// A plan the article gives to a party other than the United States and Ukraine:
/// "Putin's proposal", "China's peace plan", "the Kremlin's memorandum".
static ANOTHERS_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:Putin|Kremlin|Russia|Moscow|China|Beijing|Xi|Brazil|Erdogan|Erdoğan|Türkiye|Turkey|Vatican|Africa)['’]s (?:peace )?(?:plan|proposal|initiative|formula|memorandum)(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// A plan the article gives to its author by name: "the peace plan proposed by Defense
/// Minister Prabowo Subianto", "a proposal put forward by the Secretary of State". The
/// author (`Authors`) is the capitalised words after
/// "by", with "of", "the" or "and" between them.
static PLAN_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:(?-u:\b)(?:peace )?(?:plans?|proposals?|initiatives?|drafts?|formulas?))\s+(?i:proposed|put forward|floated|unveiled|drafted|presented|offered|tabled|advanced|outlined)\s+by\s+(?:the\s+)?([A-Z][\w’'-]*(?:\.[A-Z])*\.?(?:[ \t]+(?:(?:of|the|and)[ \t]+)*[A-Z][\w’'-]*(?:\.[A-Z])*\.?){0,5})",
    )
    .expect("the pattern is valid")
});

/// Names that make an author the United States or the plan's own drafters: a plan
/// "drafted by Witkoff and Dmitriev" or "by the State Department" is this plan.
static US_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:US|U\.S\.?|United States|American|Americans|Washington|White House|State Department|Pentagon|Congress|Trump|Witkoff|Kushner|Rubio|Vance|Driscoll|Dmitriev)(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// The plans `article` gives to an author by name (`PLAN_BY`), read once: whether one is
/// the United States or the plan's drafters ("the plan drafted by Steve Witkoff"), and the
/// first that is not ("the peace plan proposed by Defense Minister Prabowo Subianto").
struct Authors {
    the_us: bool,
    another: Option<String>,
}

impl Authors {
    fn of(article: &str) -> Self {
        let mut authors = Self {
            the_us: false,
            another: None,
        };
        for found in PLAN_BY.captures_iter(article) {
            if US_AUTHOR.is_match(&found[1]) {
                authors.the_us = true;
                break;
            }
            if authors.another.is_none() {
                authors.another =
                    Some(format!("the {}", found[0].trim_end().trim_end_matches('.')));
            }
        }
        authors
    }
}

/// Words that put a plan word in the context of a war and its ending, so that a page's
/// "Monthly Plan" or "sooka plan" subscription offer does not count as a plan.
static PEACE_OR_WAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:peace|war|ukrain\w*|kyiv|kiev|russia\w*|moscow|kremlin|putin|zelensk\w*|trump|washington|ceasefire|cease-fire|truce|settlement|points?|nato|europe\w*|negotiat\w*)(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// Where a sentence or a line ends: a full stop, "!" or "?" before a capital letter (not
/// the "." of "U.S. draft" or of "2.5"), or a line break before anything but a lower-case
/// letter (a hand-wrapped sentence runs on).
static PIECE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[.!?]["'”’)]*\s+[A-Z]|\n\s*[^a-z\s]"#).expect("the pattern is valid")
});

/// Whether `article` speaks of a plan, proposal, draft or framework in a sentence (or a
/// line) that also speaks of the war, peace or its parties.
fn names_a_peace_plan(article: &str) -> bool {
    let mut start = 0;
    let ends = PIECE_END
        .find_iter(article)
        .map(|found| found.start() + 1)
        .chain(std::iter::once(article.len()));
    for end in ends {
        // The match starts at an ASCII mark, so one byte on is a character boundary.
        let piece = &article[start..end];
        if PLAN_WORDS.is_match(piece) && PEACE_OR_WAR.is_match(piece) {
            return true;
        }
        start = end;
    }
    false
}

/// A numbered plan: "28-point", "20 point", "seven-point".
static NUMBERED_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)([0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)[- ‑–]points?(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// The year the war the plan would end began (Crimea, 2014): no story whose latest year
/// is earlier can report the plan.
const WAR_BEGAN: u32 = 2014;

/// A year from 1900 to 2099, as a word of its own.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(19[0-9]{2}|20[0-9]{2})(?-u:\b)").expect("the pattern is valid")
});

/// The latest year `article` names, if it names any.
fn latest_year(article: &str) -> Option<u32> {
    YEAR.find_iter(article)
        .filter_map(|year| year.as_str().parse().ok())
        .max()
}

/// A plan numbered by days: "the 100-day plan", "a hundred-day peace plan".
static DAYS_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)([0-9]{1,3}|hundred|thirty|sixty|ninety)[- ‑–]days?[- ‑–](peace[- ])?plan(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// Ukraine as news names it: the state, its adjective, its capital (both spellings) and
/// its president's surname (both spellings), as the start of a word.
static NAMES_UKRAINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(ukrain|kyiv|kiev|zelensk)").expect("the pattern is valid")
});

/// The plan's number of points, and each later version the corpus holds with its
/// number of points, for telling which plan an article numbers.
pub struct Sizes {
    pub plan: u32,
    pub later: Vec<(u32, String)>,
}

/// What `article` is about, given the numbers of points of the plan and of its later
/// versions (`sizes`). Found by patterns, not by the matcher's tokenizer, so that a long
/// article is read once more, quickly.
pub fn subject(article: &str, sizes: &Sizes) -> Subject {
    if !NAMES_UKRAINE.is_match(article) {
        return Subject::Unnamed("Ukraine");
    }
    if let Some(latest) = latest_year(article)
        && latest < WAR_BEGAN
    {
        return Subject::Earlier(latest);
    }
    if !names_a_peace_plan(article) {
        return Subject::NoPeacePlan;
    }
    if !US_PLAN.is_match(article) {
        let authors = Authors::of(article);
        if !authors.the_us {
            if let Some(another) = ANOTHERS_PLAN.captures(article) {
                return Subject::AnothersPlan(another[0].to_owned());
            }
            if let Some(another) = authors.another {
                return Subject::AnothersPlan(another);
            }
        }
    }
    let numbered: Vec<String> = NUMBERED_PLAN
        .captures_iter(article)
        .map(|found| found[1].to_lowercase())
        .collect();
    if numbered
        .iter()
        .any(|number| number_value(number) == Some(sizes.plan))
    {
        return Subject::ThePlan;
    }
    let later = numbered.iter().find_map(|number| {
        let points = number_value(number)?;
        let (_, version) = sizes.later.iter().find(|(size, _)| *size == points)?;
        Some((number, version))
    });
    if let Some((number, version)) = later {
        return Subject::LaterVersion {
            named: format!("{number}-point"),
            version: version.clone(),
        };
    }
    if let Some(first) = numbered.first() {
        return Subject::AnotherPlan(format!("{first}-point"));
    }
    match DAYS_PLAN.captures(article) {
        Some(days) => Subject::AnotherPlan(format!("{}-day", days[1].to_lowercase())),
        None => Subject::ThePlan,
    }
}

/// The numbers of points of every plan `text` numbers, in order ("the 20-point plan", "28
/// points"): read once per article, for `later_versions_named` and `later_versions_told`.
pub fn plan_numbers(text: &str) -> Vec<u32> {
    NUMBERED_PLAN
        .captures_iter(text)
        .filter_map(|found| number_value(&found[1].to_lowercase()))
        .collect()
}

/// The later versions (ids) whose number of points an article names (its `plan_numbers`,
/// "the 20-point plan"), leaving out any with as many points as the plan itself, which its
/// number names too.
pub fn later_versions_named(numbers: &[u32], sizes: &Sizes) -> Vec<String> {
    sizes
        .later
        .iter()
        .filter(|(points, _)| *points != sizes.plan && numbers.contains(points))
        .map(|(_, version)| version.clone())
        .collect()
}

/// The later versions an article numbers (its `plan_numbers`) at least as often as the plan
/// itself ("the 20-point plan" three times, "the 28-point plan" twice): a story about that
/// version, whose sentences give its terms unless they say they are the plan's
/// (`refers_to_the_plan`).
pub fn later_versions_told(numbers: &[u32], sizes: &Sizes) -> Vec<String> {
    let count = |points: u32| numbers.iter().filter(|&&number| number == points).count();
    let plan = count(sizes.plan);
    sizes
        .later
        .iter()
        .filter(|(points, _)| *points != sizes.plan && count(*points) > 0 && count(*points) >= plan)
        .map(|(_, version)| version.clone())
        .collect()
}

/// Words by which a sentence in a story about a later version speaks of the plan itself:
/// "the earlier draft", "the original proposal".
static THE_ORIGINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(earlier|original|originally|initial|first|previous|prior|old)(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// Whether `sentence` speaks of the plan itself rather than a later version: it numbers the
/// plan ("the 28-point plan") or calls it the earlier or original one.
pub fn refers_to_the_plan(sentence: &str, points: u32) -> bool {
    numbers_plan_of(sentence, points) || THE_ORIGINAL.is_match(sentence)
}

/// Whether `text` numbers a plan of `points` points ("the 28-point plan", "28 points").
pub fn numbers_plan_of(text: &str, points: u32) -> bool {
    plan_numbers(text).contains(&points)
}

/// The value of a number written in digits or as one of `NUMBERED_PLAN`'s words.
fn number_value(number: &str) -> Option<u32> {
    const WORDS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    number
        .parse()
        .ok()
        .or_else(|| {
            WORDS
                .iter()
                .position(|word| *word == number)
                .map(|at| at as u32)
        })
        .or(match number {
            "fifteen" => Some(15),
            "twenty" => Some(20),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::{
        Sizes, Subject, later_versions_named, later_versions_told, numbers_plan_of, plan_numbers,
        refers_to_the_plan, subject,
    };

    #[test]
    fn a_story_tells_a_later_version_when_it_numbers_it_as_often_as_the_plan() {
        let sizes = Sizes {
            plan: 28,
            later: vec![(20, "framework-20".to_owned())],
        };
        let told = "The 20-point plan replaced the 28-point draft; the 20-point plan was agreed.";
        assert_eq!(
            later_versions_told(&plan_numbers(told), &sizes),
            ["framework-20"]
        );
        let aside = "The 28-point plan, unlike Gaza's 20 points, is the 28-point draft.";
        assert!(later_versions_told(&plan_numbers(aside), &sizes).is_empty());
        assert!(refers_to_the_plan(
            "The earlier draft required a withdrawal.",
            28
        ));
        assert!(refers_to_the_plan("The 28-point plan required it.", 28));
        assert!(!refers_to_the_plan(
            "Under it, the army stays at 800,000.",
            28
        ));
    }

    fn about(article: &str) -> Subject {
        let sizes = Sizes {
            plan: 28,
            later: vec![
                (19, "geneva-19".to_owned()),
                (20, "framework-20".to_owned()),
            ],
        };
        subject(article, &sizes)
    }

    #[test]
    fn a_story_about_the_plan_is_about_the_plan() {
        let story =
            "Kyiv was handed a 28-point draft; the Kremlin said it could be a basis for peace.";
        assert_eq!(about(story), Subject::ThePlan);
        let unnumbered = "Zelensky met envoys to discuss the US peace proposal; Putin welcomed it.";
        assert_eq!(about(unnumbered), Subject::ThePlan);
        let both = "Putin's proposal differs from Trump's plan for Ukraine on Crimea.";
        assert_eq!(about(both), Subject::ThePlan);
        for us in [
            "Putin's proposal differs from the U.S. peace plan for Ukraine.",
            "Putin's proposal differs from the U.S.-backed plan for Ukraine.",
            "Putin's proposal differs from the Trump plan for Ukraine.",
            "Putin's proposal differs from the Trump administration's draft for Ukraine.",
            "Putin's proposal differs from the United States' plan for Ukraine.",
        ] {
            assert_eq!(about(us), Subject::ThePlan, "{us}");
        }
        // Russia's terms and Kyiv's own proposals are told beside the plan, not instead of it.
        let terms =
            "The US plan for Ukraine largely mirrors Russia's terms; Kyiv's proposal differs.";
        assert_eq!(about(terms), Subject::ThePlan);
    }

    #[test]
    fn a_story_of_talks_a_deal_or_another_partys_plan_is_not() {
        let talks =
            "Ukraine and Russia agreed to exchange prisoners at peace negotiations in Istanbul.";
        assert_eq!(about(talks), Subject::NoPeacePlan);
        let grain = "Ukraine and Russia signed a deal to ship grain; the agreement runs 120 days.";
        assert_eq!(about(grain), Subject::NoPeacePlan);
        let alaska =
            "After Alaska, Putin's proposal required Ukraine to cede Donetsk; Trump listened.";
        assert_eq!(
            about(alaska),
            Subject::AnothersPlan("Putin's proposal".to_owned())
        );
        for not_a_us_plan in [
            "After Alaska, Putin's proposal required Ukraine to cede Donetsk; let us plan.",
            "Putin's proposal for Ukraine was what the US planned to discuss.",
        ] {
            assert_eq!(
                about(not_a_us_plan),
                Subject::AnothersPlan("Putin's proposal".to_owned()),
                "{not_a_us_plan}"
            );
        }
    }

    #[test]
    fn a_plan_given_by_name_to_another_author_is_anothers() {
        let indonesia = "Kyiv slammed the peace plan proposed by Defense Minister Prabowo Subianto for Ukraine.";
        assert_eq!(
            about(indonesia),
            Subject::AnothersPlan(
                "the peace plan proposed by Defense Minister Prabowo Subianto".to_owned()
            )
        );
        let britain = "Kyiv weighed the peace plan proposed by the United Kingdom and France.";
        assert_eq!(
            about(britain),
            Subject::AnothersPlan(
                "the peace plan proposed by the United Kingdom and France".to_owned()
            )
        );
        for ours in [
            "Kyiv weighed the plan drafted by Witkoff and Dmitriev for Ukraine.",
            "Kyiv weighed the plan put forward by the U.S. for Ukraine.",
            "Kyiv weighed the plan drafted by Steve Witkoff for Ukraine.",
            "Kyiv weighed the peace plan proposed by Secretary of State Marco Rubio.",
            "Kyiv weighed the plan drafted by the State Department for Ukraine.",
            "Kyiv weighed the plan drafted by Steve Witkoff and a counter-proposal put forward \
             by European leaders.",
            "Zelensky said Kyiv would study the U.S. draft and hold elections in 2025.",
            "Zelensky said that the\nproposal would be studied and elections held in 2025.",
        ] {
            assert_eq!(about(ours), Subject::ThePlan, "{ours}");
        }
    }

    #[test]
    fn a_plan_word_outside_any_talk_of_war_or_peace_is_no_plan() {
        let subscription =
            "Ukraine and Russia traded fire at the border.\nMonthly Plan\nAnnual Plan";
        assert_eq!(about(subscription), Subject::NoPeacePlan);
        let peace = "Ukraine and Russia traded fire.\nThe peace plan was discussed.";
        assert_eq!(about(peace), Subject::ThePlan);
    }

    #[test]
    fn stories_that_do_not_name_both_states_or_a_plan_are_not() {
        assert_eq!(
            about("A buffer zone of coral reefs will be protected by the agency."),
            Subject::Unnamed("Ukraine")
        );
        assert_eq!(
            about("Hamas must accept the 20-point plan for Gaza, Israel's envoy said."),
            Subject::Unnamed("Ukraine")
        );
        assert_eq!(
            about("Russia must pay Ukraine damages for the war, the G7 said."),
            Subject::NoPeacePlan
        );
    }

    #[test]
    fn a_story_about_another_numbered_plan_is_not() {
        let story = "Washington floated a seven-point peace plan: Russia keeps Crimea, Ukraine stays out of NATO.";
        assert_eq!(about(story), Subject::AnotherPlan("seven-point".to_owned()));
        let both = "The 20-point framework replaced the 28-point plan for Ukraine and Russia.";
        assert_eq!(about(both), Subject::ThePlan);
        let days = "Kyiv called the leaked 100-day plan to end the war in Ukraine a fake.";
        assert_eq!(about(days), Subject::AnotherPlan("100-day".to_owned()));
        let elections = "Ukraine would hold elections in 100 days under the peace plan.";
        assert_eq!(about(elections), Subject::ThePlan);
    }

    #[test]
    fn the_later_versions_a_story_names_are_those_it_numbers() {
        let sizes = Sizes {
            plan: 28,
            later: vec![
                (28, "e3-counter".to_owned()),
                (20, "framework-20".to_owned()),
            ],
        };
        let story = "The 20-point plan replaced the 28-point draft.";
        assert_eq!(
            later_versions_named(&plan_numbers(story), &sizes),
            ["framework-20"]
        );
        assert!(numbers_plan_of(story, 28));
        assert!(!numbers_plan_of("The army stays at 800,000.", 28));
    }

    #[test]
    fn a_story_whose_latest_year_is_before_the_war_is_not_about_the_plan() {
        let nineties = "In 1993 Ukraine balked at the treaty talks; Kyiv keeps its warheads.";
        assert_eq!(about(nineties), Subject::Earlier(1993));
        let crimea = "Kyiv lost Crimea in 2014; the 28-point plan would recognise it.";
        assert_eq!(about(crimea), Subject::ThePlan);
    }

    #[test]
    fn a_story_that_numbers_only_a_later_version_is_about_that_version() {
        let story = "Zelensky and Trump discussed the 20-point peace plan for Ukraine.";
        assert_eq!(
            about(story),
            Subject::LaterVersion {
                named: "20-point".to_owned(),
                version: "framework-20".to_owned()
            }
        );
    }
}
