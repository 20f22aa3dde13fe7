//! Following the plan through its versions: what became of each clause in each version
//! (kept, amended, merged, split, dropped), the points of a version, and the comparison
//! of two versions aligned by lineage. What it returns is in `records/versions.rs`.

use crate::error::UsageError;
use crate::model::versions::{
    Account, BASE_VERSION_ID, Drop, LineageKind, Point, Reference, TextStatus, Version,
};
use crate::model::{Clause, Corpus};
use crate::records::versions::independent_reports;
use crate::records::versions::{
    AccountRecord, Chain, Citation, ClauseFates, DropRecord, Fate, FateCount, LineageRecord,
    PointRecord, Step, VersionComparison, VersionMatrix, VersionMatrixCell, VersionMatrixRow,
    VersionRecord,
};
use crate::text::figures;
use crate::text::suggest;

/// A reference as the outputs cite it, with its outlets' names from the registry (their
/// ids where the registry does not have them).
pub fn citation<'c>(corpus: &'c Corpus, reference: &'c Reference) -> Citation<'c> {
    let outlet = corpus.outlets.outlet(&reference.outlet);
    let read_at = reference.read_at.as_deref();
    Citation {
        id: &reference.id,
        outlet: outlet.map_or(reference.outlet.as_str(), |outlet| outlet.name.as_str()),
        outlet_id: &reference.outlet,
        outlet_kind: outlet.map(|outlet| outlet.kind),
        read_at: read_at.map(|id| {
            corpus
                .outlets
                .outlet(id)
                .map_or(id, |relay| relay.name.as_str())
        }),
        read_at_id: read_at,
        headline: &reference.headline,
        date: reference.date.as_deref(),
        url: &reference.url,
    }
}

/// A version as the commands see it: the 28-point plan (its points are the clauses) or
/// a later version (its points are listed).
#[derive(Debug, Clone, Copy)]
pub struct VersionView<'c> {
    pub corpus: &'c Corpus,
    /// The file's entry; `None` for `us-28` in a corpus without a versions file.
    pub entry: Option<&'c Version>,
}

impl<'c> VersionView<'c> {
    /// Every version in date order; `us-28` first even when the corpus has no versions file.
    pub fn all(corpus: &'c Corpus) -> Vec<Self> {
        let mut views: Vec<Self> = corpus
            .versions
            .versions
            .iter()
            .map(|entry| Self {
                corpus,
                entry: Some(entry),
            })
            .collect();
        if corpus.versions.version(BASE_VERSION_ID).is_none() {
            views.insert(
                0,
                Self {
                    corpus,
                    entry: None,
                },
            );
        }
        views
    }

    /// The version with this id, or a usage error suggesting the nearest id.
    pub fn named(corpus: &'c Corpus, id: &str) -> Result<Self, UsageError> {
        let all = Self::all(corpus);
        let ids: Vec<&str> = all.iter().map(VersionView::id).collect();
        match all.iter().find(|view| view.id() == id) {
            Some(view) => Ok(*view),
            None => Err(UsageError(format!(
                "unknown version `{id}`; {}",
                suggest::hint(id, ids.iter().copied())
            ))),
        }
    }

    pub fn id(&self) -> &'c str {
        self.entry
            .map_or(BASE_VERSION_ID, |entry| entry.id.as_str())
    }

    pub fn is_base(&self) -> bool {
        self.id() == BASE_VERSION_ID
    }

    pub fn date(&self) -> Option<&'c str> {
        self.entry.map(|entry| entry.date.as_str())
    }

    pub fn text_status(&self) -> TextStatus {
        self.entry
            .map_or(TextStatus::FullText, |entry| entry.text_status)
    }

    /// The citations of the version itself.
    pub fn sources(&self) -> Vec<Citation<'c>> {
        self.entry
            .map_or_else(Vec::new, |entry| self.references(&entry.cite))
    }

    fn references(&self, ids: &[String]) -> Vec<Citation<'c>> {
        ids.iter()
            .filter_map(|id| self.corpus.versions.reference(id))
            .map(|reference| citation(self.corpus, reference))
            .collect()
    }

    fn accounts(&self, accounts: &'c [Account]) -> Vec<AccountRecord<'c>> {
        accounts
            .iter()
            .filter_map(|account| {
                Some(AccountRecord {
                    source: citation(self.corpus, self.corpus.versions.reference(&account.cite)?),
                    says: &account.says,
                    differs_in: account.differs_in,
                })
            })
            .collect()
    }

    /// Whether every point the version declares is recorded, so that a clause no point
    /// derives from is known to be absent rather than unreported.
    fn is_complete(&self) -> bool {
        match self.entry {
            None => true,
            Some(entry) if entry.is_base() => true,
            Some(entry) => entry.points.len() as u32 >= entry.declared_points,
        }
    }

    /// What became of `clause` in this version.
    pub fn fate_of(&self, clause: &'c Clause) -> Step<'c> {
        let entry = self.entry.filter(|entry| !entry.is_base());
        let (fate, points, drop) = match entry {
            None => (Fate::Original, Vec::new(), None),
            Some(entry) => {
                let points: Vec<&Point> = entry.points_from(clause.number).collect();
                let fate = match (entry.drop_of(clause.number), points.as_slice()) {
                    (Some(_), _) => Fate::Dropped,
                    (None, []) if self.is_complete() => Fate::Absent,
                    (None, []) => Fate::NotReported,
                    (None, [only]) => Fate::from(only.lineage.kind),
                    (None, several) => {
                        if several
                            .iter()
                            .all(|p| p.lineage.kind == LineageKind::Merged)
                        {
                            Fate::Merged
                        } else {
                            Fate::Split
                        }
                    }
                };
                (fate, points, entry.drop_of(clause.number))
            }
        };
        Step {
            version: self.id(),
            date: self.date(),
            text_status: self.text_status(),
            fate,
            points: points
                .into_iter()
                .map(|point| self.point_record(point))
                .collect(),
            drop: drop.map(|drop| self.drop_record(drop)),
            sources: self.sources(),
        }
    }

    /// A point of this version as `list --plan` prints it.
    pub fn point_record(&self, point: &'c Point) -> PointRecord<'c> {
        let sources = self.references(&point.cite);
        PointRecord {
            version: self.id(),
            number: point.number,
            title: &point.title,
            summary: &point.summary,
            figures: &point.figures,
            topics: &point.topics,
            parties: &point.parties,
            lineage: point.lineage.kind,
            from: &point.lineage.from,
            figures_changed: &point.lineage.figures_changed,
            note: point.lineage.note.as_deref(),
            reports: independent_reports(&sources),
            sources,
            accounts: self.accounts(&point.accounts),
        }
    }

    fn drop_record(&self, drop: &'c Drop) -> DropRecord<'c> {
        let sources = self.references(&drop.cite);
        DropRecord {
            clause: drop.clause,
            summary: &drop.summary,
            reports: independent_reports(&sources),
            sources,
        }
    }

    /// The version as `versions` prints it.
    pub fn record(&self) -> VersionRecord<'c> {
        let plan = &self.corpus.plan;
        match self.entry {
            Some(entry) => VersionRecord {
                id: &entry.id,
                title: &entry.title,
                date: Some(&entry.date),
                date_note: entry.date_note.as_deref(),
                drafted_by: entry.drafted_by.iter().map(String::as_str).collect(),
                relayed_by: entry.relayed_by.iter().map(String::as_str).collect(),
                text_status: entry.text_status,
                declared_points: entry.declared_points,
                points_recorded: if entry.is_base() {
                    self.corpus.clauses.len()
                } else {
                    entry.points.len()
                },
                drops: entry.drops.iter().map(|drop| drop.clause).collect(),
                without_counterpart: self.clauses_without_counterpart(),
                summary: Some(&entry.summary),
                sources: self.sources(),
                accounts: self.accounts(&entry.accounts),
            },
            None => VersionRecord {
                id: BASE_VERSION_ID,
                title: &plan.title,
                date: None,
                date_note: Some(&plan.presented),
                drafted_by: plan.drafted_by.iter().map(String::as_str).collect(),
                relayed_by: Vec::new(),
                text_status: TextStatus::FullText,
                declared_points: self.corpus.clauses.len() as u32,
                points_recorded: self.corpus.clauses.len(),
                drops: Vec::new(),
                without_counterpart: Vec::new(),
                summary: None,
                sources: Vec::new(),
                accounts: Vec::new(),
            },
        }
    }

    /// The clauses of the plan that no recorded point of this version derives from and
    /// that no report says it drops (none for `us-28`).
    fn clauses_without_counterpart(&self) -> Vec<u32> {
        let Some(entry) = self.entry.filter(|entry| !entry.is_base()) else {
            return Vec::new();
        };
        let derived: std::collections::HashSet<u32> = entry
            .points
            .iter()
            .flat_map(|point| point.lineage.from.iter().copied())
            .chain(entry.drops.iter().map(|drop| drop.clause))
            .collect();
        self.corpus
            .clauses
            .iter()
            .map(|clause| clause.number)
            .filter(|number| !derived.contains(number))
            .collect()
    }

    /// The points of this version (for `us-28`, none: its points are the clauses).
    pub fn points(&self) -> &'c [Point] {
        self.entry.map_or(&[], |entry| entry.points.as_slice())
    }

    /// The figures this version gives for `clause`: the clause's own for `us-28`, those of
    /// the points that derive from it otherwise.
    fn figures_for(&self, clause: &Clause) -> Vec<String> {
        if self.is_base() {
            return figures::figures(&clause.passages().collect::<Vec<_>>().join(" "));
        }
        let mut found: Vec<String> = Vec::new();
        for point in self
            .points()
            .iter()
            .filter(|point| point.lineage.from.contains(&clause.number))
        {
            for figure in point
                .figures
                .iter()
                .filter(|figure| figures::is_quantity(figure))
            {
                if !found.contains(figure) {
                    found.push(figure.clone());
                }
            }
        }
        found
    }
}

/// The chain of `clause` through every version.
pub fn chain<'c>(corpus: &'c Corpus, clause: &'c Clause) -> Chain<'c> {
    Chain {
        clause: clause.number,
        title: &clause.title,
        text: &clause.text,
        steps: VersionView::all(corpus)
            .iter()
            .map(|view| view.fate_of(clause))
            .collect(),
    }
}

/// What `lineage TARGET` asks for: a clause number, or `VERSION:N`.
pub fn lineage<'c>(corpus: &'c Corpus, target: &str) -> Result<LineageRecord<'c>, UsageError> {
    let (version_id, number) = match target.split_once(':') {
        Some((version, number)) => (Some(version), number),
        None => (None, target),
    };
    let number: u32 = number.trim().parse().map_err(|_| {
        UsageError(format!(
            "expected a clause number or VERSION:N (such as framework-20:3), got `{target}`"
        ))
    })?;
    let view = match version_id {
        Some(id) => VersionView::named(corpus, id)?,
        None => VersionView::named(corpus, BASE_VERSION_ID)?,
    };
    if view.is_base() {
        let clause = crate::query::require_clause(corpus, number)?;
        return Ok(LineageRecord {
            target: target.to_owned(),
            point: None,
            chains: vec![chain(corpus, clause)],
        });
    }
    let point = require_point(&view, number)?;
    let chains = point
        .lineage
        .from
        .iter()
        .filter_map(|&from| corpus.clause(from))
        .map(|clause| chain(corpus, clause))
        .collect();
    Ok(LineageRecord {
        target: target.to_owned(),
        point: Some(view.point_record(point)),
        chains,
    })
}

/// The point numbered `number` of a later version, or a usage error naming the numbers.
pub fn require_point<'c>(view: &VersionView<'c>, number: u32) -> Result<&'c Point, UsageError> {
    let entry = view.entry.filter(|entry| !entry.is_base());
    entry.and_then(|entry| entry.point(number)).ok_or_else(|| {
        let numbers: Vec<String> = view
            .points()
            .iter()
            .filter_map(|point| point.number)
            .map(|n| n.to_string())
            .collect();
        UsageError(format!(
            "version `{}` has no point {number} recorded; its recorded points are: {}",
            view.id(),
            if numbers.is_empty() {
                "none".to_owned()
            } else {
                numbers.join(", ")
            }
        ))
    })
}

/// Compare two versions clause by clause, over the clauses `keep` passes.
pub fn compare_versions<'c>(
    a: VersionView<'c>,
    b: VersionView<'c>,
    keep: impl Fn(&Clause) -> bool,
) -> VersionComparison<'c> {
    let corpus = a.corpus;
    let clauses: Vec<ClauseFates> = corpus
        .clauses
        .iter()
        .filter(|clause| keep(clause))
        .map(|clause| {
            let (in_a, in_b) = (a.figures_for(clause), b.figures_for(clause));
            ClauseFates {
                clause: clause.number,
                title: &clause.title,
                figures_only_in_a: figures::only_in(&in_a, &in_b),
                figures_only_in_b: figures::only_in(&in_b, &in_a),
                a: a.fate_of(clause),
                b: b.fate_of(clause),
            }
        })
        .collect();
    let mut summary: Vec<FateCount> = Vec::new();
    for entry in &clauses {
        match summary.iter_mut().find(|count| count.fate == entry.b.fate) {
            Some(count) => count.clauses += 1,
            None => summary.push(FateCount {
                fate: entry.b.fate,
                clauses: 1,
            }),
        }
    }
    let new_points = |view: &VersionView<'c>| -> Vec<PointRecord<'c>> {
        view.points()
            .iter()
            .filter(|point| point.lineage.kind == LineageKind::New)
            .map(|point| view.point_record(point))
            .collect()
    };
    VersionComparison {
        a: a.id(),
        b: b.id(),
        summary,
        new_in_a: new_points(&a),
        new_in_b: new_points(&b),
        clauses,
    }
}

impl<'c> VersionMatrix<'c> {
    pub fn new(corpus: &'c Corpus, clauses: &[&'c Clause]) -> Self {
        let views = VersionView::all(corpus);
        let mut rows: Vec<VersionMatrixRow> = clauses
            .iter()
            .map(|clause| VersionMatrixRow {
                clause: Some(clause.number),
                title: &clause.title,
                cells: views
                    .iter()
                    .map(|view| {
                        let step = view.fate_of(clause);
                        let points = if view.is_base() {
                            vec![Some(clause.number)]
                        } else {
                            step.points.iter().map(|point| point.number).collect()
                        };
                        VersionMatrixCell {
                            version: step.version,
                            fate: step.fate,
                            points,
                        }
                    })
                    .collect(),
            })
            .collect();
        for (column, view) in views.iter().enumerate() {
            for point in view
                .points()
                .iter()
                .filter(|point| point.lineage.kind == LineageKind::New)
            {
                let cells = views
                    .iter()
                    .enumerate()
                    .map(|(other, other_view)| VersionMatrixCell {
                        version: other_view.id(),
                        // A point new in a later version is absent from the 28 points,
                        // which are all known; of the other versions the reports say
                        // nothing, since lineage runs back to the 28 points only.
                        fate: if other == column {
                            Fate::New
                        } else if other_view.is_base() {
                            Fate::Absent
                        } else {
                            Fate::NotReported
                        },
                        points: if other == column {
                            vec![point.number]
                        } else {
                            Vec::new()
                        },
                    })
                    .collect();
                rows.push(VersionMatrixRow {
                    clause: None,
                    title: &point.title,
                    cells,
                });
            }
        }
        Self {
            versions: views.iter().map(VersionView::id).collect(),
            rows,
        }
    }
}
