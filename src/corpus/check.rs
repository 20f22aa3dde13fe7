//! The checks a parsed corpus must pass beyond its YAML shape: ids that exist in their
//! vocabularies, unique ids, clause numbers 1..=N in order, and reports that refer to
//! known outlets and quote the clause they claim to.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::locate::Locator;
use super::problem::Problem;
use super::read::CorpusFiles;
use crate::model::{Clause, PlanFile, Position, SourceKind, SourcesFile, TEXT_SOURCE_ID};
use crate::text::fold::fold;
use crate::text::suggest;

/// Every problem in a parsed corpus; empty when it is valid.
pub fn check(files: &CorpusFiles, plan: &PlanFile, sources: &SourcesFile) -> Vec<Problem> {
    check_parsed(files, Some(plan), Some(sources))
}

/// Every problem in whichever of the two files parsed: a file that did not parse still
/// leaves the other's own checks to run (only the checks that join the two are skipped).
pub fn check_parsed(
    files: &CorpusFiles,
    plan: Option<&PlanFile>,
    sources: Option<&SourcesFile>,
) -> Vec<Problem> {
    let mut checker = Checker {
        plan_file: &files.plan.name,
        sources_file: &files.sources.name,
        plan_text: Locator::new(&files.plan.text),
        sources_text: Locator::new(&files.sources.text),
        topic_ids: Ids::new(
            plan.iter()
                .flat_map(|plan| plan.topics.iter().map(|topic| topic.id.as_str())),
        ),
        party_ids: Ids::new(
            plan.iter()
                .flat_map(|plan| plan.parties.iter().map(|party| party.id.as_str())),
        ),
        source_ids: Ids::new(
            sources
                .iter()
                .flat_map(|sources| sources.sources.iter().map(|source| source.id.as_str())),
        ),
        sources_known: sources.is_some(),
        reported_places: HashMap::new(),
        problems: Vec::new(),
    };
    if let Some(sources) = sources {
        checker.check_sources(sources);
    }
    let Some(plan) = plan else {
        return checker.problems;
    };
    checker.check_vocabularies(plan);
    checker.check_clause_count(plan);
    checker.check_clause_numbers(&plan.clauses);
    let mut seen_numbers: HashMap<u32, usize> = HashMap::new();
    for clause in &plan.clauses {
        let occurrence = seen_numbers.entry(clause.number).or_default();
        checker.check_clause(clause, *occurrence);
        *occurrence += 1;
    }
    if let Some(sources) = sources {
        checker.check_full_text_coverage(plan, sources);
    }
    checker.check_plan_reports(plan);
    checker.problems
}

/// A vocabulary's ids: in order, for suggestions, and hashed, for membership tests (a
/// corpus may have thousands of sources).
struct Ids<'a> {
    list: Vec<&'a str>,
    set: HashSet<&'a str>,
}

impl<'a> Ids<'a> {
    fn new(ids: impl Iterator<Item = &'a str>) -> Self {
        let list: Vec<&str> = ids.collect();
        let set = list.iter().copied().collect();
        Self { list, set }
    }
}

/// Which vocabulary an id must belong to.
#[derive(Clone, Copy)]
enum Vocabulary {
    Topic,
    Party,
    Source,
}

impl Vocabulary {
    fn kind(self) -> &'static str {
        match self {
            Vocabulary::Topic => "topic",
            Vocabulary::Party => "party",
            Vocabulary::Source => "source",
        }
    }
}

struct Checker<'a> {
    plan_file: &'a str,
    sources_file: &'a str,
    plan_text: Locator<'a>,
    sources_text: Locator<'a>,
    topic_ids: Ids<'a>,
    party_ids: Ids<'a>,
    source_ids: Ids<'a>,
    /// Whether the sources file parsed, so that source ids can be checked at all.
    sources_known: bool,
    /// How many problems each (first line, value) has been reported at, so that the
    /// next problem about the same value points at its next appearance.
    reported_places: HashMap<(usize, String), usize>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn check_sources(&mut self, sources: &SourcesFile) {
        let mut seen = HashSet::new();
        for source in &sources.sources {
            let id = source.id.as_str();
            let occurrence = usize::from(!seen.insert(id));
            let place = self.sources_text.id_entry(id, occurrence);
            if occurrence > 0 {
                self.problems.push(Problem::new(
                    self.sources_file,
                    place,
                    format!("source id `{id}` is used twice"),
                ));
            }
            if !is_valid_id(id) {
                self.problems.push(
                    Problem::new(self.sources_file, place, format!("source id `{id}` is not a valid id"))
                        .with_hint("ids are lowercase letters, digits and single hyphens, like `kyiv-independent`"),
                );
            }
            if id == TEXT_SOURCE_ID {
                self.problems.push(
                    Problem::new(self.sources_file, place, "source id `text` is reserved")
                        .with_hint("`text` stands for the plan's own wording; choose another id"),
                );
            }
            if let Some(url) = &source.url
                && super::versions::web_host(url).is_none()
            {
                let place = self
                    .sources_text
                    .token_or_start(self.sources_text.everything(), url);
                self.problems.push(
                        Problem::new(
                            self.sources_file,
                            place,
                            format!("source `{id}` has url `{url}`, which is not a web address"),
                        )
                        .with_hint("give the article's address, starting https:// or http://, or null where it is not known"),
                    );
            }
            if let Some(date) = &source.published
                && !is_iso_date(date)
            {
                let place = self
                    .sources_text
                    .token_or_start(self.sources_text.everything(), date);
                self.problems.push(
                    Problem::new(
                        self.sources_file,
                        place,
                        format!(
                            "source `{id}` has published date `{date}`, which is not YYYY-MM-DD"
                        ),
                    )
                    .with_hint(
                        "write the date as 2025-11-21, or null with the date shown in date_note",
                    ),
                );
            }
        }
    }

    fn check_vocabularies(&mut self, plan: &PlanFile) {
        let topic_ids: Vec<&str> = plan.topics.iter().map(|topic| topic.id.as_str()).collect();
        let party_ids: Vec<&str> = plan.parties.iter().map(|party| party.id.as_str()).collect();
        self.check_vocabulary("topic", &topic_ids);
        self.check_vocabulary("party", &party_ids);
    }

    fn check_vocabulary(&mut self, kind: &str, ids: &[&str]) {
        let mut seen = HashSet::new();
        for &id in ids {
            let occurrence = usize::from(!seen.insert(id));
            if occurrence > 0 {
                self.problems.push(Problem::new(
                    self.plan_file,
                    self.plan_text.id_entry(id, occurrence),
                    format!("{kind} id `{id}` is defined twice"),
                ));
            }
            if !is_valid_id(id) {
                self.problems.push(
                    Problem::new(
                        self.plan_file,
                        self.plan_text.id_entry(id, 0),
                        format!("{kind} id `{id}` is not a valid id"),
                    )
                    .with_hint("ids are lowercase letters, digits and single hyphens"),
                );
            }
        }
    }

    /// The plan must have clauses, and as many as it declares (`plan.clause_count`), so
    /// that a file cut short at a clause boundary is not taken for a smaller plan.
    fn check_clause_count(&mut self, plan: &PlanFile) {
        let held = plan.clauses.len();
        if held == 0 {
            self.problems.push(
                Problem::new(
                    self.plan_file,
                    self.plan_text
                        .token(self.plan_text.section("clauses"), "clauses", 0, |_| true),
                    "the plan has no clauses",
                )
                .with_hint("list the plan's clauses under `clauses:`, numbered from 1"),
            );
        }
        match plan.plan.clause_count {
            Some(declared) if declared as usize != held => {
                self.problems.push(
                    Problem::new(
                        self.plan_file,
                        self.plan_text.token(
                            self.plan_text.section("plan"),
                            "clause_count",
                            0,
                            |_| true,
                        ),
                        format!(
                            "the plan declares {declared} clauses (plan.clause_count) but the file holds {held}"
                        ),
                    )
                    .with_hint(if held < declared as usize {
                        "the file may have been cut short; restore the missing clauses"
                    } else {
                        "correct plan.clause_count, or remove the extra clauses"
                    }),
                );
            }
            _ => {}
        }
    }

    fn check_clause_numbers(&mut self, clauses: &[Clause]) {
        let count = clauses.len() as u32;
        let mut seen = HashSet::new();
        let mut numbering_broken = false;
        for clause in clauses {
            let number = clause.number;
            let occurrence = usize::from(seen.contains(&number));
            let place = self.clause_place(number, occurrence);
            if number == 0 || number > count {
                numbering_broken = true;
                self.problems.push(
                    Problem::new(
                        self.plan_file,
                        place,
                        format!("clause number {number} is out of range: this corpus has {count} clauses, numbered 1–{count}"),
                    )
                    .with_hint("number the clauses 1, 2, 3, … in the order of the published text"),
                );
            } else if !seen.insert(number) {
                numbering_broken = true;
                self.problems.push(Problem::new(
                    self.plan_file,
                    place,
                    format!("clause number {number} is repeated"),
                ));
            }
        }
        for missing in (1..=count).filter(|number| !seen.contains(number)) {
            numbering_broken = true;
            let place =
                self.plan_text
                    .token(self.plan_text.section("clauses"), "clauses", 0, |_| true);
            self.problems.push(Problem::new(
                self.plan_file,
                place,
                format!(
                    "clause number {missing} is missing: {count} clauses must be numbered 1–{count}"
                ),
            ));
        }
        if numbering_broken {
            return;
        }
        let out_of_order = clauses
            .windows(2)
            .find(|pair| pair[1].number != pair[0].number + 1);
        if let Some(pair) = out_of_order {
            self.problems.push(
                Problem::new(
                    self.plan_file,
                    self.clause_place(pair[1].number, 0),
                    format!(
                        "clause {} follows clause {}",
                        pair[1].number, pair[0].number
                    ),
                )
                .with_hint("list the clauses in the order of the published text, 1 to N"),
            );
        }
    }

    fn check_clause(&mut self, clause: &Clause, occurrence: usize) {
        let lines = self.plan_text.clause(clause.number, occurrence);
        let number = clause.number;
        if clause.title.trim().is_empty() || clause.text.trim().is_empty() {
            self.problems.push(Problem::new(
                self.plan_file,
                self.clause_place(number, occurrence),
                format!("clause {number} has an empty title or text"),
            ));
        }
        if clause.topics.is_empty() {
            self.problems.push(
                Problem::new(
                    self.plan_file,
                    self.clause_place(number, occurrence),
                    format!("clause {number} has no topics"),
                )
                .with_hint("give it at least one topic id from the topics list"),
            );
        }
        for topic in &clause.topics {
            self.check_reference(
                Vocabulary::Topic,
                topic,
                &lines,
                &format!("clause {number}"),
            );
        }
        for party in &clause.parties {
            self.check_reference(
                Vocabulary::Party,
                party,
                &lines,
                &format!("clause {number}"),
            );
        }
        let mut reported_by = HashSet::new();
        // The clause's folded text, made once, when a discrepancy first needs it.
        let mut folded_text: Option<String> = None;
        for report in &clause.reports {
            let context = format!("clause {number}");
            self.check_reference(Vocabulary::Source, &report.source, &lines, &context);
            if !reported_by.insert(report.source.as_str()) {
                self.problems.push(Problem::new(
                    self.plan_file,
                    self.plan_text
                        .token(lines.clone(), &report.source, 1, |_| true),
                    format!(
                        "clause {number} has two reports from source `{}`",
                        report.source
                    ),
                ));
            }
            if report.wording.is_empty()
                || report
                    .wording
                    .iter()
                    .any(|passage| passage.trim().is_empty())
            {
                self.problems.push(Problem::new(
                    self.plan_file,
                    self.plan_text.token_or_start(lines.clone(), &report.source),
                    format!("clause {number}: the report from `{}` needs at least one non-empty wording passage", report.source),
                ));
            }
            self.check_positions(&report.positions, &lines, &context);
            for discrepancy in &report.discrepancies {
                let clause_text = folded_text
                    .get_or_insert_with(|| fold(&clause.passages().collect::<Vec<_>>().join(" ")));
                if !clause_text.contains(&fold(&discrepancy.text_says)) {
                    self.problems.push(
                        Problem::new(
                            self.plan_file,
                            self.plan_text.token_or_start(lines.clone(), "text_says"),
                            format!(
                                "clause {number}: a discrepancy from `{}` says the text says \"{}\", which is not in the clause",
                                report.source, discrepancy.text_says
                            ),
                        )
                        .with_hint("copy text_says word for word from the clause's text or sub-points"),
                    );
                }
            }
        }
    }

    fn check_positions(&mut self, positions: &[Position], lines: &Range<usize>, context: &str) {
        for position in positions {
            self.check_reference(Vocabulary::Party, &position.party, lines, context);
        }
    }

    fn check_full_text_coverage(&mut self, plan: &PlanFile, sources: &SourcesFile) {
        for source in sources
            .sources
            .iter()
            .filter(|source| source.kind == SourceKind::FullText)
        {
            let missing: Vec<String> = plan
                .clauses
                .iter()
                .filter(|clause| clause.report_by(&source.id).is_none())
                .map(|clause| clause.number.to_string())
                .collect();
            if !missing.is_empty() {
                self.problems.push(
                    Problem::new(
                        self.sources_file,
                        self.sources_text.id_entry(&source.id, 0),
                        format!(
                            "source `{}` is a full-text source but reports no wording for clause(s) {}",
                            source.id,
                            missing.join(", ")
                        ),
                    )
                    .with_hint("add its printed text as a report under each clause, or make its kind `report`"),
                );
            }
        }
    }

    fn check_plan_reports(&mut self, plan: &PlanFile) {
        let lines = self.plan_text.section("plan_reports");
        let mut seen = HashSet::new();
        for plan_report in &plan.plan_reports {
            self.check_reference(
                Vocabulary::Source,
                &plan_report.source,
                &lines,
                "plan_reports",
            );
            if !seen.insert(plan_report.source.as_str()) {
                self.problems.push(
                    Problem::new(
                        self.plan_file,
                        self.plan_text
                            .token(lines.clone(), &plan_report.source, 1, |_| true),
                        format!("plan_reports lists source `{}` twice", plan_report.source),
                    )
                    .with_hint("merge its positions into one entry"),
                );
            }
            self.check_positions(&plan_report.positions, &lines, "plan_reports");
        }
    }

    /// A problem if `value` is not in `vocabulary`, with the nearest known id as a hint.
    fn check_reference(
        &mut self,
        vocabulary: Vocabulary,
        value: &str,
        lines: &Range<usize>,
        context: &str,
    ) {
        if matches!(vocabulary, Vocabulary::Source) && !self.sources_known {
            return;
        }
        let known = match vocabulary {
            Vocabulary::Topic => &self.topic_ids,
            Vocabulary::Party => &self.party_ids,
            Vocabulary::Source => &self.source_ids,
        };
        if known.set.contains(value) {
            return;
        }
        let kind = vocabulary.kind();
        let listed_in = match vocabulary {
            Vocabulary::Source => format!("the sources in {}", self.sources_file),
            _ => format!("the {kind} list"),
        };
        let hint = suggest::hint(value, known.list.iter().copied());
        let place = self.next_place(lines, value);
        self.problems.push(
            Problem::new(
                self.plan_file,
                place,
                format!("{context} names unknown {kind} `{value}`, which is not in {listed_in}"),
            )
            .with_hint(hint),
        );
    }

    /// Where `value` stands in `lines` for the next problem about it: its first
    /// appearance the first time, its second the second time, and so on (the start of
    /// `lines` when there is no such appearance).
    fn next_place(&mut self, lines: &Range<usize>, value: &str) -> Option<(usize, usize)> {
        let seen = self
            .reported_places
            .entry((lines.start, value.to_owned()))
            .or_default();
        let occurrence = *seen;
        *seen += 1;
        self.plan_text
            .token(lines.clone(), value, occurrence, |_| true)
            .or_else(|| self.plan_text.token_or_start(lines.clone(), value))
    }

    fn clause_place(&self, number: u32, occurrence: usize) -> Option<(usize, usize)> {
        let lines = self.plan_text.clause(number, occurrence);
        self.plan_text.token(lines, &number.to_string(), 0, |line| {
            line.contains("number")
        })
    }
}

/// Lowercase ASCII letters and digits in hyphen-separated words.
/// Whether `id` is lowercase letters and digits in words joined by single hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Whether `date` is YYYY-MM-DD and a day of the calendar (`2025-02-30` is not).
pub(super) fn is_iso_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let digits =
        |part: &str, width: usize| part.len() == width && part.chars().all(|c| c.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod date_tests {
    use super::is_iso_date;

    #[test]
    fn a_date_is_a_day_of_the_calendar() {
        for good in ["2025-11-30", "2024-02-29", "2000-02-29", "2025-12-31"] {
            assert!(is_iso_date(good), "{good}");
        }
        for bad in [
            "2025-11-31",
            "2025-02-30",
            "2025-02-29",
            "1900-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "2025-1-01",
            "2025-+1-01",
            "25-11-30",
            "2025-11-30-",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }
}
