//! The corpus data model: the plan, its clauses, the vocabularies and the outlets' reports.
//!
//! These types mirror `data/plan_28_points.yaml` and `data/sources.yaml` one to one. They
//! know nothing of YAML (see `corpus`), of filtering (see `query`), of the command line
//! (see `cli`) or of output (see `records` and `render`); serde derives let those layers
//! read or write them.

pub(crate) mod choice;
pub mod outlets;
pub mod rendering;
pub mod versions;

use choice::closed_choice;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// Everything the tool knows: the plan file and the sources file, checked and joined.
/// The pseudo-source that stands for the plan's own text in comparisons.
pub const TEXT_SOURCE_ID: &str = "text";

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Corpus {
    pub plan: Plan,
    pub topics: Vec<Topic>,
    pub parties: Vec<Party>,
    pub clauses: Vec<Clause>,
    pub plan_reports: Vec<PlanReport>,
    pub sources: Vec<Source>,
    /// Each source id's position in `sources`, for ordering reports by outlet.
    #[serde(skip)]
    #[schemars(skip)]
    source_order: HashMap<String, usize>,
    /// The later versions (`data/versions.yaml`); empty when a corpus has none.
    #[serde(skip)]
    #[schemars(skip)]
    pub versions: crate::model::versions::VersionsFile,
    /// The outlets the versions file's references may name (`data/outlets.yaml`).
    #[serde(skip)]
    #[schemars(skip)]
    pub outlets: crate::model::outlets::OutletsFile,
}

/// `data/plan_28_points.yaml` as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    pub plan: Plan,
    #[serde(deserialize_with = "list")]
    pub topics: Vec<Topic>,
    #[serde(deserialize_with = "list")]
    pub parties: Vec<Party>,
    #[serde(deserialize_with = "list")]
    pub clauses: Vec<Clause>,
    #[serde(default, deserialize_with = "list")]
    pub plan_reports: Vec<PlanReport>,
}

/// `data/sources.yaml` as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    #[serde(deserialize_with = "list")]
    pub sources: Vec<Source>,
}

/// What the plan is, who drafted and presented it, and where its text comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[serde(deserialize_with = "text")]
    pub title: String,
    #[serde(deserialize_with = "list")]
    pub drafted_by: Vec<String>,
    #[serde(deserialize_with = "text")]
    pub presented: String,
    #[serde(deserialize_with = "text")]
    pub text_source: String,
    /// How many clauses the plan has; when given, a file holding another number of
    /// clauses (one cut short, say) is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause_count: Option<u32>,
}

/// One entry of the topic vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[serde(deserialize_with = "text")]
    pub label: String,
    #[serde(deserialize_with = "text")]
    pub description: String,
}

/// One entry of the party vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[serde(deserialize_with = "text")]
    pub label: String,
}

/// One numbered point of the plan, with what each outlet reported about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub number: u32,
    #[serde(deserialize_with = "text")]
    pub title: String,
    #[serde(deserialize_with = "text")]
    pub text: String,
    #[serde(default, deserialize_with = "list")]
    pub subpoints: Vec<String>,
    #[serde(deserialize_with = "list")]
    pub topics: Vec<String>,
    #[serde(deserialize_with = "list")]
    pub parties: Vec<String>,
    #[serde(default, deserialize_with = "list")]
    pub reports: Vec<Report>,
}

impl Clause {
    /// The point's text followed by its sub-points: the plan's own rendering of it.
    pub fn passages(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str()).chain(self.subpoints.iter().map(String::as_str))
    }

    /// The report of one outlet on this clause, if that outlet reported it.
    pub fn report_by(&self, source_id: &str) -> Option<&Report> {
        self.reports
            .iter()
            .find(|report| report.source == source_id)
    }
}

/// How one outlet rendered one clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    #[serde(deserialize_with = "text")]
    pub source: String,
    #[serde(deserialize_with = "list")]
    pub wording: Vec<String>,
    #[serde(deserialize_with = "text")]
    pub summary: String,
    #[serde(default, deserialize_with = "list")]
    pub positions: Vec<Position>,
    #[serde(default, deserialize_with = "list")]
    pub discrepancies: Vec<Discrepancy>,
    #[serde(default, deserialize_with = "list")]
    pub earlier_versions: Vec<EarlierVersion>,
}

/// Positions on the plan as a whole that one outlet reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanReport {
    #[serde(deserialize_with = "text")]
    pub source: String,
    #[serde(deserialize_with = "list")]
    pub positions: Vec<Position>,
}

/// A position an outlet reports someone took, on one clause or on the whole plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Who, as the article names them, with their role.
    #[serde(deserialize_with = "text")]
    pub actor: String,
    /// The party id the actor speaks for.
    #[serde(deserialize_with = "text")]
    pub party: String,
    pub stance: Stance,
    /// One neutral line of ours on what the actor said or did.
    #[serde(deserialize_with = "text")]
    pub summary: String,
    /// The actor's words, copied from the article, where it quotes them.
    #[serde(default)]
    pub quote: Option<String>,
    /// The outlet the article attributes this to, where it relays another outlet.
    #[serde(default)]
    pub via: Option<String>,
}

closed_choice! {
    /// Where an actor stands on what the plan or a clause proposes.
    pub enum Stance {
        Supports,
        Opposes,
        Conditional,
        Noncommittal,
    }
}

/// A way an outlet's rendering departs from the plan's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    /// The plan's words, copied from the clause.
    #[serde(deserialize_with = "text")]
    pub text_says: String,
    /// The outlet's words, copied from the article.
    #[serde(deserialize_with = "text")]
    pub outlet_says: String,
    #[serde(deserialize_with = "text")]
    pub explanation: String,
}

closed_choice! {
    /// What sort of departure a discrepancy is.
    pub enum DiscrepancyKind {
        // A number, amount, date or count that differs from the text's (`number` in corpora
        // written before this kind was named `figure`).
        #[serde(alias = "number")]
        #[strum(to_string = "figure", serialize = "number")]
        Figure,
        Scope,
        Party,
        Wording,
        Omission,
        Addition,
    }
}

/// An earlier wording of a clause that an outlet reports, and who changed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EarlierVersion {
    /// What the clause said before, as the outlet describes it.
    #[serde(deserialize_with = "text")]
    pub was: String,
    /// Who the outlet says changed it, if it says.
    #[serde(default)]
    pub changed_by: Option<String>,
    /// The outlet the article attributes this to, where it relays another outlet.
    #[serde(default)]
    pub via: Option<String>,
}

/// One news outlet's article in the archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[serde(deserialize_with = "text")]
    pub name: String,
    #[serde(deserialize_with = "text")]
    pub publisher: String,
    #[serde(deserialize_with = "text")]
    pub headline: String,
    pub byline: Option<String>,
    /// Publication date (YYYY-MM-DD) where the article prints one.
    pub published: Option<String>,
    /// What the article shows about its date.
    #[serde(deserialize_with = "text")]
    pub date_note: String,
    #[serde(deserialize_with = "text")]
    pub language: String,
    pub kind: SourceKind,
    /// Outlets whose reporting the article relays.
    #[serde(default, deserialize_with = "list")]
    pub via: Vec<String>,
    /// Where the article was published (an `http` or `https` address), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

closed_choice! {
    /// What sort of article a source is.
    pub enum SourceKind {
        FullText,
        Report,
        Analysis,
    }
}

impl Corpus {
    /// A corpus from the two files' parts.
    pub fn new(plan: PlanFile, sources: SourcesFile) -> Self {
        let source_order = sources
            .sources
            .iter()
            .enumerate()
            .map(|(index, source)| (source.id.clone(), index))
            .collect();
        Self {
            plan: plan.plan,
            topics: plan.topics,
            parties: plan.parties,
            clauses: plan.clauses,
            plan_reports: plan.plan_reports,
            sources: sources.sources,
            source_order,
            versions: crate::model::versions::VersionsFile::default(),
            outlets: crate::model::outlets::OutletsFile::default(),
        }
    }

    /// The corpus with its later versions (already checked against it).
    pub fn with_versions(self, versions: crate::model::versions::VersionsFile) -> Self {
        Self { versions, ..self }
    }

    /// The corpus with its registry of outlets (already checked).
    pub fn with_outlets(self, outlets: crate::model::outlets::OutletsFile) -> Self {
        Self { outlets, ..self }
    }

    /// The clause with this number, if there is one.
    pub fn clause(&self, number: u32) -> Option<&Clause> {
        self.clauses.iter().find(|clause| clause.number == number)
    }

    /// The topic ids, in vocabulary order.
    pub fn topic_ids(&self) -> Vec<&str> {
        self.topics.iter().map(|topic| topic.id.as_str()).collect()
    }

    /// The party ids, in vocabulary order.
    pub fn party_ids(&self) -> Vec<&str> {
        self.parties.iter().map(|party| party.id.as_str()).collect()
    }

    /// The source ids, in the order of `sources.yaml`.
    pub fn source_ids(&self) -> Vec<&str> {
        self.sources
            .iter()
            .map(|source| source.id.as_str())
            .collect()
    }

    /// A source's position in `sources.yaml`, or `None` for an id it does not list.
    pub fn source_rank(&self, source_id: &str) -> Option<usize> {
        self.source_order.get(source_id).copied()
    }

    /// The ids of the sources that report a clause, in the order of `sources.yaml`.
    pub fn reporting_sources<'c>(&self, clause: &'c Clause) -> Vec<&'c str> {
        let mut ranked: Vec<(usize, &str)> = clause
            .reports
            .iter()
            .filter_map(|report| {
                let rank = *self.source_order.get(&report.source)?;
                Some((rank, report.source.as_str()))
            })
            .collect();
        ranked.sort_unstable();
        ranked.dedup();
        ranked.into_iter().map(|(_, id)| id).collect()
    }
}

/// A position as reported: by which outlet, on which clause (`None`: the whole plan).
#[derive(Debug, Clone, Copy)]
pub struct ReportedPosition<'c> {
    pub clause: Option<&'c Clause>,
    pub source: &'c str,
    pub position: &'c Position,
}

/// Every reported position in the corpus, in the order [`PositionFilter::select`] gives.
pub fn all_positions(corpus: &Corpus) -> Vec<ReportedPosition<'_>> {
    let mut positions = Vec::new();
    for clause in &corpus.clauses {
        // The clause's own reports, in the order of sources.yaml: one sort per clause,
        // not a search of its reports per source (quadratic with many sources).
        for report in in_source_order(corpus, &clause.reports, |report| &report.source) {
            positions.extend(report.positions.iter().map(|position| ReportedPosition {
                clause: Some(clause),
                source: &report.source,
                position,
            }));
        }
    }
    for plan_report in in_source_order(corpus, &corpus.plan_reports, |report| &report.source) {
        positions.extend(
            plan_report
                .positions
                .iter()
                .map(|position| ReportedPosition {
                    clause: None,
                    source: &plan_report.source,
                    position,
                }),
        );
    }
    positions
}

/// `reports` whose source the corpus lists, ordered as `sources.yaml` orders their sources
/// (reports of one source keep their order), in O(n log n).
fn in_source_order<'c, T>(
    corpus: &Corpus,
    reports: &'c [T],
    source_of: impl Fn(&T) -> &String,
) -> Vec<&'c T> {
    let mut ranked: Vec<(usize, &T)> = reports
        .iter()
        .filter_map(|report| Some((corpus.source_rank(source_of(report))?, report)))
        .collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, report)| report).collect()
}

/// A required text field: `null` (or nothing) is an error, not the text "null".
fn text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = Option::<String>::deserialize(deserializer)?.ok_or_else(|| {
        serde::de::Error::custom("expected text, found null (nothing after the key)")
    })?;
    // A required field says something: an empty one would be published as a value
    // missing where every export promises one.
    if text.trim().is_empty() {
        return Err(serde::de::Error::custom(
            "expected text, found an empty string; write the value",
        ));
    }
    Ok(text)
}

/// A list field: present but `null` (a key with nothing after it) is an error, not an
/// empty list; write `[]` for an empty list, or leave an optional key out.
fn list<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    Option::<Vec<T>>::deserialize(deserializer)?.ok_or_else(|| {
        serde::de::Error::custom(
            "expected a list, found null (nothing after the key); write [] for an empty list",
        )
    })
}
