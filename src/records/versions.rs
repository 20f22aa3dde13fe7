//! What the version commands return: `versions`, `lineage`, the points of a version
//! (`list --plan`, `show --plan`), `diff --plans` and `matrix --versions`.

use serde::Serialize;

use crate::model::outlets::OutletKind;
use crate::model::versions::{AccountAspect, FigureChange, LineageKind, TextStatus};

/// What became of a clause in one version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Fate {
    /// The 28-point plan itself.
    Original,
    Kept,
    Amended,
    Merged,
    Split,
    /// Reports say the version drops it.
    Dropped,
    /// Every point of the version is recorded, and none derives from it.
    Absent,
    /// The reports recorded do not say (a version known only in part).
    NotReported,
    /// A point with no clause behind it (`matrix --versions` rows only).
    New,
}

impl Fate {
    pub fn name(self) -> &'static str {
        match self {
            Fate::Original => "original",
            Fate::Kept => "kept",
            Fate::Amended => "amended",
            Fate::Merged => "merged",
            Fate::Split => "split",
            Fate::Dropped => "dropped",
            Fate::Absent => "absent",
            Fate::NotReported => "not-reported",
            Fate::New => "new",
        }
    }
}

impl From<LineageKind> for Fate {
    fn from(kind: LineageKind) -> Self {
        match kind {
            LineageKind::Kept => Fate::Kept,
            LineageKind::Amended => Fate::Amended,
            LineageKind::Merged => Fate::Merged,
            LineageKind::Split => Fate::Split,
            LineageKind::New => Fate::New,
        }
    }
}

/// One version as `versions` prints it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VersionRecord<'c> {
    pub id: &'c str,
    pub title: &'c str,
    /// YYYY-MM-DD; null for `us-28` in a corpus without a versions file.
    pub date: Option<&'c str>,
    pub date_note: Option<&'c str>,
    pub drafted_by: Vec<&'c str>,
    pub relayed_by: Vec<&'c str>,
    pub text_status: TextStatus,
    /// How many points the version has, as reported.
    pub declared_points: u32,
    /// How many of them the corpus records.
    pub points_recorded: usize,
    /// Clauses of the 28-point plan that reports say it drops.
    pub drops: Vec<u32>,
    /// Clauses that no recorded point derives from and no report says it drops. When
    /// every point is recorded (`points_recorded` = `declared_points`), the version leaves
    /// them out; when not, they may be among the points not recorded.
    pub without_counterpart: Vec<u32>,
    pub summary: Option<&'c str>,
    pub sources: Vec<Citation<'c>>,
    /// Where reports disagree about the version as a whole.
    pub accounts: Vec<AccountRecord<'c>>,
}

/// One outlet's differing account, with its citation.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AccountRecord<'c> {
    pub source: Citation<'c>,
    pub says: &'c str,
    pub differs_in: AccountAspect,
}

/// One point of a later version.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PointRecord<'c> {
    pub version: &'c str,
    /// Null where reports give the point no number.
    pub number: Option<u32>,
    pub title: &'c str,
    pub summary: &'c str,
    pub figures: &'c [String],
    pub topics: &'c [String],
    pub parties: &'c [String],
    /// How it relates to the clauses in `from`: kept, amended, merged, split or new.
    pub lineage: LineageKind,
    /// Clause numbers of the 28-point plan it derives from.
    pub from: &'c [u32],
    pub figures_changed: &'c [FigureChange],
    pub note: Option<&'c str>,
    pub sources: Vec<Citation<'c>>,
    /// How many independent reports carry it: the outlets that reported it, each once
    /// (a wire story read at two relays is one report).
    pub reports: usize,
    pub accounts: Vec<AccountRecord<'c>>,
}

/// A clause a version drops, with the reports that say so.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DropRecord<'c> {
    pub clause: u32,
    pub summary: &'c str,
    pub sources: Vec<Citation<'c>>,
    /// How many independent reports say so (see `PointRecord::reports`).
    pub reports: usize,
}

/// What became of a clause in one version.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Step<'c> {
    pub version: &'c str,
    pub date: Option<&'c str>,
    pub text_status: TextStatus,
    pub fate: Fate,
    /// The version's points that derive from the clause.
    pub points: Vec<PointRecord<'c>>,
    /// Where the version drops it: what the reports say.
    pub drop: Option<DropRecord<'c>>,
    /// The version's own citations.
    pub sources: Vec<Citation<'c>>,
}

/// A clause of the 28-point plan followed through every version.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Chain<'c> {
    pub clause: u32,
    pub title: &'c str,
    pub text: &'c str,
    pub steps: Vec<Step<'c>>,
}

/// `lineage`: the clause (or a point's clauses) through every version.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LineageRecord<'c> {
    /// What was asked for: `6`, or `framework-20:3`.
    pub target: String,
    /// The point asked for, when the target is `VERSION:N`.
    pub point: Option<PointRecord<'c>>,
    /// One chain per clause the target derives from (none for a new point).
    pub chains: Vec<Chain<'c>>,
}

/// One clause in a comparison of two versions.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ClauseFates<'c> {
    pub clause: u32,
    pub title: &'c str,
    /// Its fate in A and in B, with the points that derive from it.
    pub a: Step<'c>,
    pub b: Step<'c>,
    pub figures_only_in_a: Vec<String>,
    pub figures_only_in_b: Vec<String>,
}

/// `diff --plans A B`: every clause's fate in both, and the points with no clause.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VersionComparison<'c> {
    pub a: &'c str,
    pub b: &'c str,
    /// How many clauses have each fate in B.
    pub summary: Vec<FateCount>,
    pub clauses: Vec<ClauseFates<'c>>,
    /// Points of A and of B that derive from no clause.
    pub new_in_a: Vec<PointRecord<'c>>,
    pub new_in_b: Vec<PointRecord<'c>>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FateCount {
    pub fate: Fate,
    pub clauses: usize,
}

/// `matrix --versions`: one row per clause (then one per new point), one column per
/// version.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VersionMatrix<'c> {
    /// Version ids, in column (date) order.
    pub versions: Vec<&'c str>,
    pub rows: Vec<VersionMatrixRow<'c>>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VersionMatrixRow<'c> {
    /// The clause number; null for a new point's row.
    pub clause: Option<u32>,
    pub title: &'c str,
    /// One per version, in column order.
    pub cells: Vec<VersionMatrixCell<'c>>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VersionMatrixCell<'c> {
    pub version: &'c str,
    pub fate: Fate,
    /// The numbers of the version's points in this row (null where unnumbered).
    pub points: Vec<Option<u32>>,
}

/// A report the versions file cites, as the outputs give it: who reported it and where
/// it was read, by name and by registry id.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Citation<'c> {
    pub id: &'c str,
    /// Who reported it (the wire, for a wire story read at a relay): the outlet's name.
    pub outlet: &'c str,
    /// Its id in `outlets.yaml`.
    pub outlet_id: &'c str,
    /// Its kind in `outlets.yaml` (`wire`, `newspaper`, …).
    pub outlet_kind: Option<OutletKind>,
    /// The relay whose page was read, by name; null where the outlet's own page was.
    pub read_at: Option<&'c str>,
    pub read_at_id: Option<&'c str>,
    pub headline: &'c str,
    /// YYYY-MM-DD; null where the page shows none.
    pub date: Option<&'c str>,
    pub url: &'c str,
}

/// How many independent reports the citations are: their reporting outlets, each once.
pub fn independent_reports(sources: &[Citation]) -> usize {
    let mut outlets: Vec<&str> = sources.iter().map(|source| source.outlet_id).collect();
    outlets.sort_unstable();
    outlets.dedup();
    outlets.len()
}
