//! Words and sentences of an article: Unicode sentence segmentation, and stemmed content
//! words for matching.

use foldhash::{HashMap, HashMapExt, HashSet};
use rayon::prelude::*;
use std::cell::RefCell;
use std::sync::LazyLock;

use regex::Regex;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use super::lexicon::Lexicon;
use super::names::{People, fold_name};

/// One sentence of an article, as byte offsets into it (white space trimmed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// The sentences of `text` by the Unicode sentence-boundary rules (UAX #29), trimmed of
/// surrounding white space; empty ones are dropped. A long text is cut into pieces after
/// a line feed, where those rules always end a sentence, and the pieces are read on every
/// core.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let pieces = pieces_after_line_feeds(text, SENTENCES_PIECE_BYTES);
    if pieces.len() == 1 {
        return sentences_from(text, 0);
    }
    pieces
        .par_iter()
        .map(|&(start, end)| sentences_from(&text[start..end], start))
        .collect::<Vec<Vec<Sentence>>>()
        .concat()
}

/// Bytes of a text its sentences are found in on one core at a time.
const SENTENCES_PIECE_BYTES: usize = 256 * 1024;

/// The sentences of `piece`, whose offsets in the whole text start at `offset`. A
/// sentence the rules end after an abbreviation ("Nov. 22", "Gen. Grynkewich") runs on
/// into the next one.
fn sentences_from(piece: &str, offset: usize) -> Vec<Sentence> {
    let mut found: Vec<Sentence> = Vec::new();
    for (at, sentence) in piece.split_sentence_bound_indices() {
        let leading = sentence.len() - sentence.trim_start().len();
        let trimmed = sentence.trim();
        if trimmed.is_empty() {
            continue;
        }
        let (start, end) = (at + leading, at + leading + trimmed.len());
        match found.last_mut() {
            Some(previous)
                if ends_with_abbreviation(
                    &piece[previous.start - offset..previous.end - offset],
                ) && !piece[previous.end - offset..start].contains('\n') =>
            {
                previous.end = offset + end;
            }
            _ => found.push(Sentence {
                start: offset + start,
                end: offset + end,
            }),
        }
    }
    found
}

/// Abbreviations a full stop follows inside a sentence: months before a day, titles
/// before a name.
const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Gen",
    "Lt", "Col", "Maj", "Capt", "Adm", "Sgt", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov",
    "St", "No",
];

/// Whether `sentence` ends with one of `ABBREVIATIONS` and its full stop.
fn ends_with_abbreviation(sentence: &str) -> bool {
    sentence.strip_suffix('.').is_some_and(|body| {
        let last = body
            .rsplit(|character: char| !character.is_alphabetic())
            .next()
            .unwrap_or_default();
        ABBREVIATIONS.contains(&last)
    })
}

/// `text` as (start, end) pieces of about `size` bytes, each but the last ending just
/// after a line feed; one piece when there is no line feed to cut at.
fn pieces_after_line_feeds(text: &str, size: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let Some(line_feed) = text.as_bytes()[start + size..]
            .iter()
            .position(|&byte| byte == b'\n')
        else {
            break;
        };
        let end = start + size + line_feed + 1;
        pieces.push((start, end));
        start = end;
    }
    pieces.push((start, text.len()));
    pieces
}

/// The units a sentence is scored as: the sentence itself (always first) and its parts,
/// each trimmed: its lines when it runs over several (a list of bullet fragments), the
/// parts semicolons join, the parts joined by "and", a dash, "while" or "without"
/// (one sentence that renders two clauses, "shrink its army … and write NATO into the
/// constitution"), and the items of a comma list of actions ("such as giving up territory,
/// not joining NATO, and agreeing to a cap"). A part ends before the words that join it to
/// the next.
/// A part of fewer than `MIN_PART_WORDS` words is not a unit of its own.
pub fn units(text: &str, sentence: Sentence) -> Vec<Sentence> {
    let mut units = vec![sentence];
    for pattern in [&*LINE_BREAK, &*SEMICOLON, &*CONJUNCTION, &*COMMA] {
        for part in parts(text, sentence, pattern) {
            if !units.contains(&part) {
                units.push(part);
            }
        }
    }
    units
}

/// The parts of `sentence` between matches of `separator`, trimmed, when there are two to
/// `MAX_PARTS` of them and each has at least `MIN_PART_WORDS` words (shorter ones join the
/// part before them, so that "Russia, Ukraine and Europe" stays whole).
fn parts(text: &str, sentence: Sentence, separator: &Regex) -> Vec<Sentence> {
    let body = &text[sentence.start..sentence.end];
    // Each part's start, and where the separator before the next part begins: a part
    // ends before its joining words ("not joining NATO", not "not joining NATO, and").
    let mut starts: Vec<usize> = vec![0];
    let mut ends: Vec<usize> = Vec::new();
    for found in separator.find_iter(body) {
        // A separator that ends on the next part's first letter (`LINE_BREAK`) cuts
        // before that letter.
        let cut = found.start()
            + found
                .as_str()
                .trim_end_matches(|c: char| c.is_alphanumeric())
                .len();
        let last = *starts.last().unwrap_or(&0);
        // Words are counted only up to the few a part needs, so that a sentence of a
        // thousand "and"s costs linear time, not quadratic.
        let has_words =
            |text: &str| text.split_whitespace().take(MIN_PART_WORDS).count() >= MIN_PART_WORDS;
        if has_words(&body[last..found.start()]) && has_words(&body[cut..]) {
            starts.push(cut);
            ends.push(found.start());
            if starts.len() > MAX_PARTS {
                return Vec::new();
            }
        }
    }
    if !(2..=MAX_PARTS).contains(&starts.len()) {
        return Vec::new();
    }
    ends.push(body.len());
    starts
        .into_iter()
        .zip(ends)
        .filter_map(|(start, end)| {
            let part = &body[start..end];
            let leading = part.len() - part.trim_start().len();
            let trimmed = part.trim();
            trimmed
                .chars()
                .any(char::is_alphanumeric)
                .then(|| Sentence {
                    start: sentence.start + start + leading,
                    end: sentence.start + start + leading + trimmed.len(),
                })
        })
        .collect()
}

/// A sentence with more parts than this is scored whole only.
const MAX_PARTS: usize = 8;

/// The fewest words a part of a sentence needs to be scored on its own.
const MIN_PART_WORDS: usize = 3;

/// A line break before a list item (a bullet, a dash or a number) or before a line that
/// starts with a capital letter: a list of fragments, not prose wrapped by hand (a line
/// that starts in lower case goes on the sentence before it).
static LINE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\n\s*(?:[•▪●◦*\-–—]\s*|[0-9]{1,2}[.)]\s+)?[A-Z0-9]").expect("the pattern is valid")
});

/// A line that starts with a bullet, a dash or a number ("1." or "1)") and then words.
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:[•▪●◦*\-–—]|[0-9]{1,2}[.)])[ \t]+\S").expect("the pattern is valid")
});

/// How many lines of `article` are items of a list (`LIST_ITEM`).
pub fn list_items(article: &str) -> usize {
    LIST_ITEM.find_iter(article).count()
}

/// Whether `unit` of `article` is one whole line that is an item of a list: its line
/// starts with a bullet, a dash or a number, and the unit does not run over a line break.
/// Only the `MAX_ITEM_MARKER_BYTES` before the unit are looked at for its line's start, so
/// that the units of one long line cost no more than the line itself.
pub fn is_list_item(article: &str, unit: Sentence) -> bool {
    let mut window = unit.start.saturating_sub(MAX_ITEM_MARKER_BYTES);
    while !article.is_char_boundary(window) {
        window += 1;
    }
    let line_start = match article[window..unit.start].rfind('\n') {
        Some(at) => window + at + 1,
        None if window == 0 => 0,
        None => return false,
    };
    let line = &article[line_start..unit.end];
    !article[unit.start..unit.end].contains('\n')
        && LIST_ITEM.find(line).is_some_and(|found| found.start() == 0)
}

/// The most bytes a list item's marker (indent, bullet or number, spaces) takes before
/// its words.
const MAX_ITEM_MARKER_BYTES: usize = 16;

/// A comma before an item that starts with a word in "-ing" or with "not" (", and" or ", or"
/// may join it): the items of a list of actions, each of which may render its own clause
/// ("giving up territory, not joining NATO, and agreeing to a cap"). Other "-ing" words
/// cut too (", including", ", according"); a comma before anything else (an apposition,
/// a place) does not cut.
static COMMA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",\s+(?:(?:and|or)\s+)?(?:[a-z]+ing|not)(?-u:\b)").expect("the pattern is valid")
});

/// A semicolon.
static SEMICOLON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r";").expect("the pattern is valid"));

/// "and", ", and", a dash between spaces, ", while" or ", without": where one sentence
/// often joins the renderings of two clauses ("abandon its NATO hopes, without allowing
/// foreign troops in").
static CONJUNCTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",?\s+(?:and|while|as well as)\s+|,\s+without\s+|\s+[—–]\s+|\s+-\s+")
        .expect("the pattern is valid")
});

/// Words by which a quotation is attributed to the plan rather than to a speaker.
static NAMES_THE_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(plan|draft|document|proposal|points?|framework|blueprint|text)(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// The end of someone's direct speech: a closing quotation mark after a comma or a mark,
/// then the speaker and a verb of saying ("…sustainable," the statement reads).
static SPEECH_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[,!?]["”’]\s+[^.;"“”]{0,80}?(?-u:\b)(said|says|say|reads|read|added|adds|told|stated|wrote|noted|insisted|warned|stressed)(?-u:\b)[^"“”]*$"#)
        .expect("the pattern is valid")
});

/// The start of someone's direct speech: a verb of saying, a comma or a colon, then a
/// quotation that runs to the end of the sentence (the official added, "I object …").
static SPEECH_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?-u:\b)(?:said|says|added|adds|told|wrote|noted|insisted|warned|stressed|explained|argued|declared|stated|replied|tweeted|posted)(?-u:\b)[^"“”.;]{0,60}?[,:]\s*(["“])[^"“”]+["”]\s*$"#)
        .expect("the pattern is valid")
});

/// Whether a sentence is someone's direct speech: it opens with a quotation mark, or ends
/// with the speaker after a closing one ("We are ready to engage," the statement reads),
/// and its words outside the quotation do not name the plan or its text ("…," the plan
/// reads). An official's words are not a rendering of a clause, even when they mention
/// "this plan".
pub fn is_speech(sentence: &str) -> bool {
    let quoted = sentence.starts_with(['"', '“', '‘', '«', '„'])
        || (closes_a_quotation_after_a_mark(sentence) && SPEECH_TAIL.is_match(sentence));
    quoted && !NAMES_THE_PLAN.is_match(&outside_quotations(sentence))
}

/// Where the direct speech that ends a sentence opens, when a speaker other than the plan
/// introduces it ("Referring to the proposed limit of 600,000 troops, he said: "…""): the
/// words before it may render a clause, the speech does not. `None` when the sentence
/// does not end so, or when the plan is what speaks ("its first point states: "…"").
pub fn speech_at_end(sentence: &str) -> Option<usize> {
    let lead = SPEECH_LEAD.captures(sentence)?;
    let verb = lead.get(0)?.start();
    (!NAMES_THE_PLAN.is_match(&sentence[..verb]))
        .then(|| lead.get(1).map_or(verb, |quote| quote.start()))
}

/// Words by which a sentence presents what it says as the plan's: a modal ("Ukraine
/// would cede", "NATO will not expand"), the plan or a part of it named ("the draft",
/// "one of its points"), or a verb that sets out terms ("calls for", "envisages").
static FRAMES_THE_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(would|will|shall|must|should|could|might|won['’]t|wouldn['’]t|'ll|’ll|'d|’d|plans?|proposals?|propos(e|es|ed|ing)|drafts?|deals?|framework|blueprint|documents?|points?|clauses?|provisions?|provid(e|es|ed|ing)|terms|conditions|calls? for|called for|requir(e|es|ed|ing)|envisag(e|es|ed|ing)|stipulat(e|es|ed|ing)|outlin(e|es|ed|ing)|sets? out|under (it|the))(?-u:\b)",
    )
    .expect("the pattern is valid")
});

/// Whether a sentence presents its content as the plan's (`FRAMES_THE_PLAN`), rather
/// than telling of events: "Russia invaded its neighbour in 2022" or "Washington imposed
/// new sanctions" shares words with clauses 3 and 27 but reports neither.
pub fn frames_the_plan(sentence: &str) -> bool {
    FRAMES_THE_PLAN.is_match(sentence)
}

/// Whether a sentence is a headline in title case ("Ukrainian Soldiers Decry US Peace
/// Plan, Fear Concessions in Donbas"): at least four words, no closing full stop, and
/// most of its longer words capitalised. A headline names the story's subject ("Peace
/// Plan") without presenting what follows as the plan's terms.
pub fn is_title_case_headline(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    let unquoted = trimmed.trim_end_matches(['"', '”', '’', '\'', ')']);
    if unquoted.ends_with(['.', '!', '?', ':', ';', ',']) {
        return false;
    }
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let longer: Vec<&str> = words
        .iter()
        .map(|word| word.trim_start_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = longer
        .iter()
        .filter(|word| word.starts_with(char::is_uppercase))
        .count();
    words.len() >= 4 && !longer.is_empty() && capitalised * 4 >= longer.len() * 3
}

/// Whether a sentence asks a question ("What did Poland object to?"): an explainer's
/// heading or a rhetorical question, not a rendering of a clause. The answer that
/// follows it is.
pub fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|character: char| {
            character.is_whitespace() || matches!(character, '"' | '”' | '’' | '»' | ')')
        })
        .ends_with('?')
}

/// Whether a closing quotation mark follows a comma, "!" or "?" somewhere in `sentence`:
/// what `SPEECH_TAIL` needs, checked first because most sentences have none.
fn closes_a_quotation_after_a_mark(sentence: &str) -> bool {
    sentence
        .chars()
        .zip(sentence.chars().skip(1))
        .any(|(mark, quote)| matches!(mark, ',' | '!' | '?') && matches!(quote, '"' | '”' | '’'))
}

/// `sentence` without the words inside double quotation marks (straight, curly,
/// German or guillemets); an unclosed quotation runs to the end.
fn outside_quotations(sentence: &str) -> String {
    let mut inside = false;
    let mut outside = String::with_capacity(sentence.len());
    for character in sentence.chars() {
        match character {
            '"' => inside = !inside,
            '“' | '„' | '«' if !inside => inside = true,
            '“' | '”' | '»' => inside = false,
            _ if !inside => outside.push(character),
            _ => {}
        }
    }
    outside
}

/// Whether `word` (lower case) is one of `STOP_WORDS`, looked up in a set built once.
pub fn is_stop_word(word: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| STOP_WORDS.iter().copied().collect());
    SET.contains(word)
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

/// Stems the content words of a text for matching, folding names first.
pub struct Tokenizer {
    stemmer: Stemmer,
    people: People,
    lexicon: Lexicon,
}

/// The most stems a thread remembers (stems already computed: a corpus and an article
/// repeat their words, and stemming was a tenth of `align`'s time on a large corpus), so
/// that an article of endless distinct words cannot grow the memory without bound (a few
/// MB).
const MAX_REMEMBERED: usize = 50_000;

impl Default for Tokenizer {
    fn default() -> Self {
        Self::new(People::default())
    }
}

impl Tokenizer {
    /// A tokenizer that also folds these people's names to their surnames.
    pub fn new(people: People) -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let lexicon = Lexicon::builtin(&stemmer);
        Self {
            stemmer,
            people,
            lexicon,
        }
    }

    /// The stem of `word` (lower-cased already), from this thread's cache where it is
    /// there: the English stem of a word is the same for every tokenizer, and a cache per
    /// thread is not fought over when an article's sentences are scored on every core.
    fn stem(&self, word: &str) -> String {
        thread_local! {
            static REMEMBERED: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
        }
        REMEMBERED.with_borrow_mut(|remembered| {
            if let Some(stem) = remembered.get(word) {
                return stem.clone();
            }
            let stem = self.stemmer.stem(word).into_owned();
            if remembered.len() < MAX_REMEMBERED {
                remembered.insert(word.to_owned(), stem.clone());
            }
            stem
        })
    }

    /// Terms a clause may be the only one to use while sharing them says little about
    /// whether a sentence renders it: the stems of the thousand commonest English words
    /// ("day", "hold", "state", "change"), the surnames of people, who are named in
    /// every kind of story about the plan ("Trump's plan"), and verbs of undertaking
    /// (`UNDERTAKINGS`).
    pub fn weak_terms(&self) -> HashSet<String> {
        top_english_words::get_words::<&str>()
            .into_iter()
            .map(|word| self.stem(word))
            .chain(self.people.surnames().cloned())
            .chain(UNDERTAKINGS.iter().map(|word| self.stem(word)))
            .collect()
    }

    /// The stemmed, lower-cased content words of `text`, in order (repeats kept). Names
    /// of states, institutions and people are folded first (see [`super::names`]):
    /// "U.S.", "America" and "Washington" all become `us-state`, so the country is not
    /// lost as the pronoun "us".
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.located_terms(text)
            .into_iter()
            .map(|(term, _)| term)
            .collect()
    }

    /// The terms of `text` as [`Self::terms`] gives them, each with the byte offset in
    /// `text` of its first word, so that the terms of any part of it are a slice of
    /// these: a sentence is read once however many parts it is scored as.
    pub fn located_terms(&self, text: &str) -> Vec<(String, usize)> {
        let (offsets, original): (Vec<usize>, Vec<&str>) = text.unicode_word_indices().unzip();
        let lower: Vec<String> = original.iter().map(|word| normalise(word)).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let stemmed: Vec<String> = lower.iter().map(|word| self.stem(word)).collect();
        let mut terms = Vec::new();
        let mut index = 0;
        while index < lower.len() {
            let at = offsets[index];
            let us_in_capitals = matches!(original[index], "US" | "U.S" | "U.S.");
            if let Some(idiom) = IDIOMS
                .iter()
                .find(|idiom| lower[index..].starts_with(idiom))
            {
                index += idiom.len();
                continue;
            }
            if let Some((term, span)) = fold_name(&lower[index..], us_in_capitals) {
                terms.push((term.to_owned(), at));
                index += span;
                continue;
            }
            if let Some((surname, span)) = self.people.fold(&lower[index..]) {
                terms.push((surname, at));
                index += span;
                continue;
            }
            if let Some((term, span)) = self.lexicon.fold(&stemmed[index..]) {
                terms.push((term.to_owned(), at));
                index += span;
                continue;
            }
            let word = lower[index];
            index += 1;
            if word.len() < 2 && !word.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            if is_stop_word(word) {
                continue;
            }
            terms.push((stemmed[index - 1].clone(), at));
        }
        terms
    }
}

/// Phrases whose words mean nothing of their own ("in return" returns nothing), skipped
/// whole so that none of them is read as a term.
const IDIOMS: &[&[&str]] = &[&["in", "return"], &["in", "turn"]];

/// Verbs of undertaking: news uses them for any clause ("Russia would commit to no more
/// attacks", "Russia pledges not to invade"), so they are weak evidence for the one clause
/// whose text happens to use them (clause 22's "commit").
const UNDERTAKINGS: &[&str] = &["commit", "pledge", "promise", "vow", "undertake"];

/// A word lower-cased, with a possessive "'s" (straight or curly) removed.
fn normalise(word: &str) -> String {
    let mut lower = word.to_lowercase();
    if lower.contains('’') {
        lower = lower.replace('’', "'");
    }
    while let Some(stem) = lower.strip_suffix("'s") {
        lower.truncate(stem.len());
    }
    lower
}

#[cfg(test)]
mod tests {
    use super::{
        People, Tokenizer, frames_the_plan, is_question, is_speech, is_title_case_headline,
        outside_quotations, sentences, speech_at_end,
    };

    #[test]
    fn a_sentence_runs_on_after_a_month_or_a_title() {
        let text =
            "Brussels, Nov. 22 (Jiji Press)--Leaders met. NATO's Gen. Smith spoke.\nNo. 5 next.";
        let found: Vec<&str> = sentences(text)
            .into_iter()
            .map(|sentence| &text[sentence.start..sentence.end])
            .collect();
        assert_eq!(
            found,
            [
                "Brussels, Nov. 22 (Jiji Press)--Leaders met.",
                "NATO's Gen. Smith spoke.",
                "No. 5 next."
            ]
        );
    }

    #[test]
    fn a_headline_is_a_line_of_capitalised_words_without_a_full_stop() {
        assert!(is_title_case_headline(
            "Soldiers Decry US Peace Plan as 'Surrender,' Fear Concessions in Donbas"
        ));
        assert!(!is_title_case_headline(
            "Soldiers decry the US peace plan as a surrender"
        ));
        assert!(!is_title_case_headline(
            "Ukraine Would Cede Donbas Under The Plan."
        ));
        assert!(!is_title_case_headline(
            "He Called It “A Plan For Surrender.”"
        ));
        assert!(!is_title_case_headline("Jets in Poland"));
    }

    #[test]
    fn a_sentence_frames_the_plan_by_a_modal_a_plan_word_or_a_verb_of_terms() {
        for framed in [
            "Ukraine would cede the rest of Donetsk.",
            "Kyiv won't join NATO.",
            "The draft caps the army.",
            "It calls for elections.",
            "The proposal envisages a fund.",
        ] {
            assert!(frames_the_plan(framed), "{framed}");
        }
        for events in [
            "Russia invaded its neighbour in 2022.",
            "Washington imposed new sanctions on oil companies.",
            "Officials met envoys, including the general.",
            "Russia won territory in the east.",
            "Donbas includes the Donetsk and Luhansk regions.",
            "The region involves heavy fighting.",
        ] {
            assert!(!frames_the_plan(events), "{events}");
        }
    }

    #[test]
    fn sentences_found_piece_by_piece_are_those_of_the_whole_text() {
        let text = "One sentence. Another one\nthat runs on.\r\n\nA third; and more.\n".repeat(500);
        let pieces = super::pieces_after_line_feeds(&text, 100);
        assert!(pieces.len() > 100);
        let pieced: Vec<_> = pieces
            .iter()
            .flat_map(|&(start, end)| super::sentences_from(&text[start..end], start))
            .collect();
        assert_eq!(pieced, super::sentences_from(&text, 0));
        assert_eq!(sentences(&text), pieced);
    }

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
    fn a_list_item_is_a_line_that_starts_with_a_marker() {
        use super::{Sentence, is_list_item};
        let article = format!(
            "{}\n  - Elections in 100 days\n12. Jets",
            "x. ".repeat(1000)
        );
        let at = |words: &str| {
            let start = article.find(words).unwrap();
            Sentence {
                start,
                end: start + words.len(),
            }
        };
        assert!(is_list_item(&article, at("Elections in 100 days")));
        assert!(is_list_item(&article, at("Jets")));
        assert!(!is_list_item(&article, at("x. x.")));
        assert!(is_list_item("- Jets", Sentence { start: 2, end: 6 }));
    }

    #[test]
    fn speech_is_told_from_the_plan_by_the_words_outside_the_quotation() {
        assert!(is_speech(
            "“No European state has been consulted about this plan,” the minister said."
        ));
        assert!(!is_speech(
            "“Ukraine will receive reliable security guarantees,” the draft reads."
        ));
        assert!(!is_speech("The plan says Ukraine will hold elections."));
        let lead = "Asked about the cap of 600,000 troops, the officer added, ";
        let officer = format!("{lead}\"I object to giving up the land we still hold.\"");
        assert_eq!(speech_at_end(&officer), Some(lead.len()));
        let analyst = "An analyst warned against the plan: “If we withdraw, it will be worse.”";
        assert_eq!(speech_at_end(analyst), analyst.find('“'));
        assert_eq!(
            speech_at_end("Its first sub-point says: “Crimea will be de facto Russian.”"),
            None
        );
        assert_eq!(
            speech_at_end("The plan says: “Ukraine will hold elections.”"),
            None
        );
        assert_eq!(speech_at_end("He said the plan would fail."), None);
        assert!(is_question("What did Poland say about the jets? "));
        assert!(!is_question("Poland said the jets would stay."));
        assert_eq!(
            outside_quotations("a „b“ c «d» e \"f\" g “h"),
            "a  c  e  g "
        );
    }

    #[test]
    fn stems_content_words_and_keeps_the_us() {
        let terms = Tokenizer::default().terms("The U.S. will send observers, sending them");
        assert_eq!(terms, ["us-state", "send", "observ", "send"]);
    }

    #[test]
    fn skips_idioms_whose_words_mean_nothing_of_their_own() {
        let terms = Tokenizer::default().terms("In return, prisoners are returned; in turn");
        assert_eq!(terms, ["~prisoners", "~returned"]);
    }

    #[test]
    fn folds_names_of_states_and_institutions() {
        let tokenizer = Tokenizer::default();
        assert_eq!(
            tokenizer.terms("the Kremlin and Kyiv's European Union bid"),
            tokenizer.terms("Russia and Ukraine EU bid")
        );
        assert_eq!(tokenizer.terms("give us the US"), ["give", "us-state"]);
    }

    #[test]
    fn folds_a_known_person_with_title_and_initials_to_the_surname() {
        let people = People::from_actors([
            "Donald Trump, President of the United States",
            "Kyiv and Europe",
            "A senior EU official",
        ]);
        let tokenizer = Tokenizer::new(people);
        for text in [
            "President Donald J. Trump",
            "Donald Trump",
            "Trump",
            "President Trump",
        ] {
            assert_eq!(tokenizer.terms(text), ["trump"], "{text}");
        }
        assert_eq!(tokenizer.terms("the president spoke"), ["presid", "spoke"]);
        assert_eq!(tokenizer.terms("Kyiv and Europe"), ["ukraine", "europe"]);
    }

    #[test]
    fn verbs_of_undertaking_are_weak_in_every_form() {
        let tokenizer = Tokenizer::new(People::from_actors(["Donald Trump"]));
        let weak = tokenizer.weak_terms();
        for text in ["would commit", "committed", "pledges", "pledged", "vows"] {
            let terms = tokenizer.terms(text);
            let verb = terms.last().expect("a term");
            assert!(weak.contains(verb), "{text}: {verb}");
        }
        assert!(!weak.contains(&tokenizer.terms("arrangements")[0]));
    }
}
