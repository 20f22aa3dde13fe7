//! Property tests over the shipped corpus: the filter algebra against a naive reference,
//! and invariants of search and diff, for randomly chosen filters, queries and sides; and
//! over hostile corpora: random control, C1, bidi, combining and wide characters in every
//! text field, through every command in every format, never reach the output raw.

use std::collections::BTreeSet;

use peaceplan::model::{Clause, Corpus};
use peaceplan::query::compare::{self, Side};
use peaceplan::query::search::{self, Matcher};
use peaceplan::query::{ClauseFilter, TextNeedle};
use peaceplan::records::compare::Op;
use peaceplan::text::fold::lookup_key;
use proptest::prelude::*;
use proptest::sample::subsequence;
use serde_json::Value;

fn corpus() -> &'static Corpus {
    static CORPUS: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| peaceplan::corpus::load(None).expect("the shipped corpus loads"))
}

fn ids(items: impl Iterator<Item = String>) -> Vec<String> {
    items.collect()
}

/// Random filters drawn from the corpus's own vocabularies.
fn filters() -> impl Strategy<Value = ClauseFilter> {
    let corpus = corpus();
    let topics = ids(corpus.topics.iter().map(|t| t.id.clone()));
    let parties = ids(corpus.parties.iter().map(|p| p.id.clone()));
    let sources = ids(corpus.sources.iter().map(|s| s.id.clone()));
    let texts = prop_oneof![
        Just(None),
        Just(Some("russia".to_owned())),
        Just(Some("will".to_owned())),
        Just(Some("nato".to_owned())),
        Just(Some("100 days".to_owned())),
        Just(Some("zzz".to_owned())),
    ];
    (
        subsequence(topics.clone(), 0..=3),
        subsequence(parties.clone(), 0..=3),
        subsequence(sources.clone(), 0..=2),
        texts,
        subsequence((1..=28).collect::<Vec<u32>>(), 0..=4),
    )
        .prop_map(|(topics, parties, sources, text, numbers)| ClauseFilter {
            topics,
            parties,
            sources,
            text: text.as_deref().map(TextNeedle::new),
            numbers,
        })
}

/// The filter's meaning, written out plainly.
fn naive(filter: &ClauseFilter, clause: &Clause) -> bool {
    let topic_ok =
        filter.topics.is_empty() || filter.topics.iter().any(|t| clause.topics.contains(t));
    let party_ok =
        filter.parties.is_empty() || filter.parties.iter().any(|p| clause.parties.contains(p));
    let source_ok = filter.sources.is_empty()
        || filter
            .sources
            .iter()
            .any(|s| clause.reports.iter().any(|r| &r.source == s));
    let number_ok = filter.numbers.is_empty() || filter.numbers.contains(&clause.number);
    let text_ok = filter.text.as_ref().is_none_or(|needle| {
        let mut fields = vec![clause.title.to_lowercase(), clause.text.to_lowercase()];
        fields.extend(clause.subpoints.iter().map(|s| s.to_lowercase()));
        fields.iter().any(|field| field.contains(needle.as_str()))
    });
    topic_ok && party_ok && source_ok && number_ok && text_ok
}

fn numbers(clauses: &[&Clause]) -> BTreeSet<u32> {
    clauses.iter().map(|clause| clause.number).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn filters_equal_a_naive_reference(filter in filters()) {
        let corpus = corpus();
        let expected: Vec<u32> = corpus.clauses.iter().filter(|c| naive(&filter, c)).map(|c| c.number).collect();
        let actual: Vec<u32> = filter.select(corpus).iter().map(|c| c.number).collect();
        prop_assert_eq!(actual, expected);
    }

    #[test]
    fn flags_intersect_and_values_unite(filter in filters()) {
        let corpus = corpus();
        // AND across flags: the result is the intersection of each flag alone.
        let alone = [
            ClauseFilter { topics: filter.topics.clone(), ..ClauseFilter::default() },
            ClauseFilter { parties: filter.parties.clone(), ..ClauseFilter::default() },
            ClauseFilter { sources: filter.sources.clone(), ..ClauseFilter::default() },
            ClauseFilter { text: filter.text.clone(), ..ClauseFilter::default() },
            ClauseFilter { numbers: filter.numbers.clone(), ..ClauseFilter::default() },
        ];
        let mut intersection: BTreeSet<u32> = corpus.clauses.iter().map(|c| c.number).collect();
        for single in &alone {
            let kept = numbers(&single.select(corpus));
            intersection = intersection.intersection(&kept).copied().collect();
        }
        prop_assert_eq!(numbers(&filter.select(corpus)), intersection);
        // OR within a flag: the result is the union of each value alone.
        if !filter.topics.is_empty() {
            let union: BTreeSet<u32> = filter.topics.iter().flat_map(|topic| {
                numbers(&ClauseFilter { topics: vec![topic.clone()], ..ClauseFilter::default() }.select(corpus))
            }).collect();
            let together = ClauseFilter { topics: filter.topics.clone(), ..ClauseFilter::default() };
            prop_assert_eq!(numbers(&together.select(corpus)), union);
        }
    }

    #[test]
    fn a_piece_of_a_clause_is_found_in_that_clause(number in 1u32..=28, start in 0usize..200, length in 3usize..25) {
        let corpus = corpus();
        let clause = corpus.clause(number).unwrap();
        let chars: Vec<char> = clause.text.chars().collect();
        let start = start.min(chars.len().saturating_sub(1));
        let piece: String = chars[start..(start + length).min(chars.len())].iter().collect();
        prop_assume!(!piece.trim().is_empty());
        // In double quotes, as one phrase; plain queries match their words in any order.
        let matcher = Matcher::new(&format!("\"{}\"", piece.to_uppercase()), false, false).unwrap();
        let hits = search::search(corpus, &ClauseFilter::default(), &[], &matcher);
        prop_assert!(hits.iter().any(|hit| hit.clause == Some(number) && hit.field == "text" && hit.source == "text"));
        for hit in &hits {
            prop_assert!(!hit.matches.is_empty());
            for found in &hit.matches {
                prop_assert!(hit.passage.contains(found.as_str()));
                // Accents, curly quotes and dashes are folded: "'" finds "’"; a match
                // covers whole characters of the text, so "." found in "…" is "…".
                prop_assert!(lookup_key(found).contains(&lookup_key(&piece)), "{:?} for {:?}", found, piece);
            }
        }
    }

    #[test]
    fn diffs_rebuild_both_sides_and_count_right(a in 0usize..6, b in 0usize..6, filter in filters()) {
        let corpus = corpus();
        let ids: Vec<&str> = std::iter::once("text").chain(corpus.sources.iter().map(|s| s.id.as_str())).collect();
        let side_a = Side::named(ids[a], corpus).unwrap();
        let side_b = Side::named(ids[b], corpus).unwrap();
        let filter = ClauseFilter { sources: Vec::new(), ..filter };
        let comparison = compare::compare(corpus, side_a, side_b, &filter);
        for clause in &comparison.clauses {
            let spelled = |kept: Op| -> String {
                clause.word_diff.iter().filter(|op| op.op == Op::Equal || op.op == kept).map(|op| op.text.as_str()).collect()
            };
            prop_assert_eq!(spelled(Op::Delete), compare::joined_wording(clause.a.as_deref()));
            prop_assert_eq!(spelled(Op::Insert), compare::joined_wording(clause.b.as_deref()));
            if a == b {
                prop_assert!(clause.identical);
            }
        }
        let summary = comparison.summary;
        prop_assert_eq!(summary.both + summary.only_a + summary.only_b, comparison.clauses.len());
        prop_assert_eq!(summary.identical + summary.different, summary.both);
        // The scope is every clause the filter keeps that either side reports.
        let expected: Vec<u32> = filter.select(corpus).iter()
            .filter(|c| side_a.rendering(c).is_some() || side_b.rendering(c).is_some())
            .map(|c| c.number).collect();
        prop_assert_eq!(comparison.clauses.iter().map(|c| c.number).collect::<Vec<_>>(), expected);
    }
}

/// Characters an attacker would choose, and ordinary ones around them.
const HOSTILE_CHARS: &[char] = &[
    '\u{1b}', '\u{7}', '\u{8}', '\r', '\t', '\u{7f}', '\u{80}', '\u{85}', '\u{9b}', '\u{9d}',
    '\u{9f}', '\u{202a}', '\u{202b}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200b}',
    '\u{200e}', '\u{200f}', '\u{2028}', '\u{2029}', '\u{feff}', '\u{0301}', '\u{0336}', '中', '😀',
    '\u{ff21}', 'a', 'Z', ' ', ';', ',', '"', '\'', '\\', '|', ':', '#', '[', '&', '*', '\n',
];

fn hostile_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(HOSTILE_CHARS), 1..16)
        .prop_map(|chars| std::iter::once('x').chain(chars).collect())
}

/// The keys whose values are free text (not ids, enums, numbers or dates).
const TEXT_KEYS: &[&str] = &[
    "title",
    "text",
    "subpoints",
    "label",
    "description",
    "wording",
    "summary",
    "actor",
    "quote",
    "outlet_says",
    "explanation",
    "was",
    "changed_by",
    "via",
    "name",
    "publisher",
    "headline",
    "byline",
    "date_note",
    "drafted_by",
    "presented",
    "text_source",
];

/// Replace every text value under a text key with the next of `texts` (cycling).
fn fill_text(value: &mut Value, texts: &[String], next: &mut usize, under_text_key: bool) {
    match value {
        Value::String(text) if under_text_key => {
            *text = texts[*next % texts.len()].clone();
            *next += 1;
        }
        Value::Array(items) => {
            for item in items {
                fill_text(item, texts, next, under_text_key);
            }
        }
        Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                fill_text(field, texts, next, TEXT_KEYS.contains(&key.as_str()));
            }
        }
        _ => {}
    }
}

/// A small synthetic corpus with `texts` in every text field, written to a directory.
fn hostile_corpus_dir(texts: &[String]) -> tempfile::TempDir {
    use peaceplan::corpus::synth::{SynthSpec, generate};
    let (plan, sources) = generate(SynthSpec {
        clauses: 3,
        sources: 3,
        seed: 7,
    });
    let mut next = 0;
    let mut plan = serde_json::to_value(plan).unwrap();
    let mut sources = serde_json::to_value(sources).unwrap();
    fill_text(&mut plan, texts, &mut next, false);
    fill_text(&mut sources, texts, &mut next, false);
    // A departure must quote its clause; keep that true with the new text.
    for clause in plan["clauses"].as_array_mut().unwrap() {
        let text = clause["text"].clone();
        for report in clause["reports"].as_array_mut().unwrap() {
            for discrepancy in report["discrepancies"].as_array_mut().unwrap() {
                discrepancy["text_says"] = text.clone();
            }
        }
    }
    let plan: peaceplan::model::PlanFile = serde_json::from_value(plan).unwrap();
    let sources: peaceplan::model::SourcesFile = serde_json::from_value(sources).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan_28_points.yaml"),
        peaceplan::corpus::to_yaml(&plan).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("sources.yaml"),
        peaceplan::corpus::to_yaml(&sources).unwrap(),
    )
    .unwrap();
    dir
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn no_hostile_character_reaches_any_command_in_any_format(
        texts in proptest::collection::vec(hostile_text(), 4..12)
    ) {
        let dir = hostile_corpus_dir(&texts);
        let data = dir.path().to_str().unwrap();
        // The hostile text is really in the corpus, and comes back whole through JSON.
        let listed = std::process::Command::new(env!("CARGO_BIN_EXE_peaceplan"))
            .args(["list", "--json", "--data", data])
            .output()
            .unwrap();
        let clauses: Vec<Value> = serde_json::from_slice(&listed.stdout).unwrap();
        for clause in &clauses {
            prop_assert!(texts.contains(&clause["title"].as_str().unwrap().to_owned()));
        }
        let commands: &[&[&str]] = &[
            &["list"], &["show", "1"], &["topics"], &["parties"], &["sources"], &["positions"],
            &["matrix"], &["search", "x"], &["diff", "outlet-0001", "outlet-0002"],
            &["diff", "text", "outlet-0001"], &["validate"], &["export"],
        ];
        for command in commands {
            for format in ["table", "json", "jsonl", "csv", "markdown", "yaml"] {
                let output = std::process::Command::new(env!("CARGO_BIN_EXE_peaceplan"))
                    .args(*command)
                    .args(["--format", format, "--color", "never", "--data", data])
                    .env_remove("PEACEPLAN_DATA")
                    .output()
                    .unwrap();
                let stderr = String::from_utf8_lossy(&output.stderr);
                let what = format!("{command:?} --format {format} on {texts:?}");
                match output.status.code() {
                    Some(0) => {}
                    Some(2) if stderr.contains("cannot be written as") => {}
                    // A CSV package is a directory: `export --format csv` asks for one.
                    Some(2) if stderr.contains("needs the DIR") => {}
                    other => panic!("{what} exited {other:?}: {stderr}"),
                }
                crate::support::assert_no_unsafe_bytes(&output.stdout, &format!("stdout of {what}"));
                crate::support::assert_no_unsafe_bytes(&output.stderr, &format!("stderr of {what}"));
            }
        }
    }
}
