//! The later versions of the plan: `data/versions.yaml` as types. The 28-point plan keeps
//! its own file; here it is the version `us-28` (its date and citations), and every later
//! version lists its points, each with its lineage back to the plan's clauses.
//!
//! Like `model`, these types know nothing of YAML (see `corpus::versions`), of querying
//! (see `lineage`) or of output (see `render`).

use crate::model::choice::closed_choice;
use serde::{Deserialize, Serialize};

/// The id of the 28-point plan as a version; its points are the plan's clauses.
pub const BASE_VERSION_ID: &str = "us-28";

/// `data/versions.yaml` as written. An absent file is the same as an empty one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VersionsFile {
    /// Every report cited, once; versions, points, drops and accounts cite them by id.
    #[serde(deserialize_with = "super::list")]
    pub references: Vec<Reference>,
    /// In date order, `us-28` first.
    #[serde(deserialize_with = "super::list")]
    pub versions: Vec<Version>,
}

/// One published report that the versions file cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Lowercase letters, digits and hyphens, such as `reuters-2025-11-23`.
    #[serde(deserialize_with = "super::text")]
    pub id: String,
    /// Who reported the fact: the id of an outlet in `outlets.yaml` (the wire, where a
    /// wire story was read at a relay).
    #[serde(deserialize_with = "super::text")]
    pub outlet: String,
    /// Where it was read, when that is a relay of `outlet`'s story: the relay's id in
    /// `outlets.yaml`. The address is then the relay's page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_at: Option<String>,
    #[serde(deserialize_with = "super::text")]
    pub headline: String,
    /// Publication date, YYYY-MM-DD; null where the page shows none.
    pub date: Option<String>,
    /// The report's web address (http or https).
    #[serde(deserialize_with = "super::text")]
    pub url: String,
}

/// One version of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// `us-28`, `e3-counter`, `geneva-19`, `framework-20`, …
    #[serde(deserialize_with = "super::text")]
    pub id: String,
    #[serde(deserialize_with = "super::text")]
    pub title: String,
    /// The version's date, YYYY-MM-DD (its first day where it spans several).
    #[serde(deserialize_with = "super::text")]
    pub date: String,
    /// What the reports say about the date, where one day does not say it all.
    #[serde(default)]
    pub date_note: Option<String>,
    /// Who drafted it, as the reports say.
    #[serde(deserialize_with = "super::list")]
    pub drafted_by: Vec<String>,
    /// Who published or relayed its text or its account.
    #[serde(default, deserialize_with = "super::list")]
    pub relayed_by: Vec<String>,
    pub text_status: TextStatus,
    /// How many points the version has, as reported.
    pub declared_points: u32,
    /// One neutral line of ours on what the version is.
    #[serde(deserialize_with = "super::text")]
    pub summary: String,
    /// Reference ids reporting the version.
    #[serde(deserialize_with = "super::list")]
    pub cite: Vec<String>,
    /// Where reports disagree about the version as a whole (such as its numbering).
    #[serde(default, deserialize_with = "super::list")]
    pub accounts: Vec<Account>,
    /// Its points (none for `us-28`, whose points are the plan's clauses).
    #[serde(default, deserialize_with = "super::list")]
    pub points: Vec<Point>,
    /// Clauses of the 28-point plan that reports say this version drops.
    #[serde(default, deserialize_with = "super::list")]
    pub drops: Vec<Drop>,
}

closed_choice! {
    /// How much of a version's text is public.
    pub enum TextStatus {
        /// The whole text is published.
        FullText,
        /// Someone read out or printed it point by point, without a published text.
        PointByPoint,
        /// Only reports of it: its number of points and some changes.
        ReportedOnly,
    }
}

/// One point of a later version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Its number in the version; absent where reports give none (a reported-only version).
    #[serde(default)]
    pub number: Option<u32>,
    #[serde(deserialize_with = "super::text")]
    pub title: String,
    /// What it says, in our words.
    #[serde(deserialize_with = "super::text")]
    pub summary: String,
    /// Figures it gives, exactly as reported (`800,000`, `100 days`).
    #[serde(default, deserialize_with = "super::list")]
    pub figures: Vec<String>,
    #[serde(deserialize_with = "super::list")]
    pub topics: Vec<String>,
    #[serde(deserialize_with = "super::list")]
    pub parties: Vec<String>,
    pub lineage: Lineage,
    /// Reference ids reporting the point.
    #[serde(deserialize_with = "super::list")]
    pub cite: Vec<String>,
    /// Where outlets' accounts of the point differ.
    #[serde(default, deserialize_with = "super::list")]
    pub accounts: Vec<Account>,
}

/// Where a point comes from in the 28-point plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lineage {
    pub kind: LineageKind,
    /// Clause numbers of the 28-point plan (none for `new`; two or more for `merged`).
    #[serde(default, deserialize_with = "super::list")]
    pub from: Vec<u32>,
    /// Figures that changed, where the point amends a clause.
    #[serde(default, deserialize_with = "super::list")]
    pub figures_changed: Vec<FigureChange>,
    /// What changed, in our words.
    #[serde(default)]
    pub note: Option<String>,
}

closed_choice! {
    /// How a point relates to the clause(s) it comes from.
    pub enum LineageKind {
        /// The clause, substantially unchanged.
        Kept,
        /// The clause, changed.
        Amended,
        /// Two or more clauses made one point.
        Merged,
        /// One clause made several points (this is one of them).
        Split,
        /// Nothing in the 28-point plan.
        New,
    }
}

/// A figure of a clause and what the point gives instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureChange {
    /// As the clause's text gives it.
    #[serde(deserialize_with = "super::text")]
    pub was: String,
    /// As the point gives it.
    #[serde(deserialize_with = "super::text")]
    pub now: String,
}

/// One outlet's account where accounts differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// The reference id of the outlet's report.
    #[serde(deserialize_with = "super::text")]
    pub cite: String,
    /// What it says, in our words.
    #[serde(deserialize_with = "super::text")]
    pub says: String,
    pub differs_in: AccountAspect,
}

closed_choice! {
    /// What differs between outlets' accounts.
    pub enum AccountAspect {
        Figure,
        Party,
        Scope,
        Wording,
        Numbering,
        Monitoring,
        Omission,
    }
}

/// A clause of the 28-point plan that a version drops.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Drop {
    pub clause: u32,
    /// What the reports say of its removal, in our words.
    #[serde(deserialize_with = "super::text")]
    pub summary: String,
    #[serde(deserialize_with = "super::list")]
    pub cite: Vec<String>,
}

impl VersionsFile {
    /// The version with this id.
    pub fn version(&self, id: &str) -> Option<&Version> {
        self.versions.iter().find(|version| version.id == id)
    }

    /// The reference with this id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|reference| reference.id == id)
    }

    /// The version ids, in file (date) order.
    pub fn version_ids(&self) -> Vec<&str> {
        self.versions
            .iter()
            .map(|version| version.id.as_str())
            .collect()
    }
}

impl Version {
    /// Whether this is the 28-point plan itself.
    pub fn is_base(&self) -> bool {
        self.id == BASE_VERSION_ID
    }

    /// The point numbered `number`.
    pub fn point(&self, number: u32) -> Option<&Point> {
        self.points
            .iter()
            .find(|point| point.number == Some(number))
    }

    /// The points that derive from clause `clause` of the 28-point plan.
    pub fn points_from(&self, clause: u32) -> impl Iterator<Item = &Point> {
        self.points
            .iter()
            .filter(move |point| point.lineage.from.contains(&clause))
    }

    /// The drop of clause `clause`, if this version drops it.
    pub fn drop_of(&self, clause: u32) -> Option<&Drop> {
        self.drops.iter().find(|drop| drop.clause == clause)
    }
}
