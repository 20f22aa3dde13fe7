//! Synthetic corpora of any size and the same shape as the real one, for benchmarks and
//! load tests. Deterministic: the same sizes and seed always give the same files.

use std::path::Path;

use anyhow::Context as _;

use crate::corpus::{self, PLAN_FILE, SOURCES_FILE};
use crate::model::{
    Clause, Discrepancy, DiscrepancyKind, Party, Plan, PlanFile, PlanReport, Position, Report,
    Source, SourceKind, SourcesFile, Stance, Topic,
};

const WORDS: &[&str] = &[
    "agreement",
    "border",
    "ceasefire",
    "council",
    "forces",
    "guarantee",
    "security",
    "troops",
    "sanctions",
    "assets",
    "frozen",
    "reconstruction",
    "energy",
    "nuclear",
    "plant",
    "region",
    "line",
    "contact",
    "zone",
    "withdraw",
    "recognize",
    "de facto",
    "territory",
    "elections",
    "amnesty",
    "prisoners",
    "exchange",
    "children",
    "return",
    "treaty",
    "extend",
    "membership",
    "alliance",
    "constitution",
    "statute",
    "market",
    "access",
    "fund",
    "invest",
    "profits",
    "billion",
    "percent",
    "days",
    "monitor",
    "comply",
    "violation",
    "penalty",
    "dialogue",
    "mediate",
    "cooperation",
    "economy",
    "reintegrate",
    "grain",
    "river",
    "transport",
    "sea",
    "will",
    "be",
    "the",
    "and",
    "of",
    "to",
    "in",
    "by",
];

const TOPICS: usize = 20;
const PARTIES: usize = 14;

/// Sizes and seed of a synthetic corpus.
#[derive(Debug, Clone, Copy)]
pub struct SynthSpec {
    pub clauses: u32,
    pub sources: u32,
    pub seed: u64,
}

/// Write `plan_28_points.yaml` and `sources.yaml` for `spec` into `dir` (created if
/// needed), returning their sizes in bytes.
pub fn write_corpus(spec: SynthSpec, dir: &Path) -> anyhow::Result<(u64, u64)> {
    let (plan, sources) = generate(spec);
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let plan_text = corpus::to_yaml(&plan)?;
    let sources_text = corpus::to_yaml(&sources)?;
    for (name, text) in [(PLAN_FILE, &plan_text), (SOURCES_FILE, &sources_text)] {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok((plan_text.len() as u64, sources_text.len() as u64))
}

/// The two files' contents for `spec`.
pub fn generate(spec: SynthSpec) -> (PlanFile, SourcesFile) {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let source_ids: Vec<String> = (1..=spec.sources)
        .map(|n| format!("outlet-{n:04}"))
        .collect();
    let sources = SourcesFile {
        sources: source_ids
            .iter()
            .map(|id| Source {
                id: id.clone(),
                name: format!("Outlet {id}"),
                publisher: "Synthetic Media".into(),
                headline: sentence(&mut rng, 8),
                byline: None,
                published: Some("2025-11-21".into()),
                date_note: "Synthetic.".into(),
                language: "en".into(),
                kind: SourceKind::Report,
                via: Vec::new(),
            })
            .collect(),
    };
    let clauses = (1..=spec.clauses)
        .map(|number| clause(&mut rng, number, &source_ids))
        .collect();
    let plan_reports = source_ids
        .iter()
        .take(5)
        .map(|source| PlanReport {
            source: source.clone(),
            positions: vec![position(&mut rng, None)],
        })
        .collect();
    let plan = PlanFile {
        plan: Plan {
            id: format!("synthetic-{}-{}-{}", spec.clauses, spec.sources, spec.seed),
            title: "A synthetic plan".into(),
            drafted_by: vec!["peaceplan synth".into()],
            presented: "Never".into(),
            text_source: "Generated".into(),
            clause_count: Some(spec.clauses),
        },
        topics: (1..=TOPICS)
            .map(|n| Topic {
                id: format!("topic-{n:02}"),
                label: format!("Topic {n}"),
                description: sentence(&mut rng, 6),
            })
            .collect(),
        parties: (1..=PARTIES)
            .map(|n| Party {
                id: format!("party-{n:02}"),
                label: format!("Party {n}"),
            })
            .collect(),
        clauses,
        plan_reports,
    };
    (plan, sources)
}

fn clause(rng: &mut fastrand::Rng, number: u32, source_ids: &[String]) -> Clause {
    let length = rng.usize(12..30);
    let text = format!("{} {} days.", sentence(rng, length), rng.u32(10..400));
    let subpoints = (0..rng.usize(0..4))
        .map(|_| {
            let length = rng.usize(6..16);
            sentence(rng, length)
        })
        .collect();
    let mut reporters: Vec<&String> = Vec::new();
    for _ in 0..rng.usize(0..6) {
        let source = &source_ids[rng.usize(0..source_ids.len())];
        if !reporters.contains(&source) {
            reporters.push(source);
        }
    }
    let reports = reporters
        .into_iter()
        .map(|source| report(rng, source, &text))
        .collect();
    Clause {
        number,
        title: sentence(rng, 5),
        text,
        subpoints,
        topics: ids(rng, "topic", TOPICS),
        parties: ids(rng, "party", PARTIES),
        reports,
    }
}

fn report(rng: &mut fastrand::Rng, source: &str, text: &str) -> Report {
    let words: Vec<&str> = text.split(' ').collect();
    let start = rng.usize(0..words.len() / 2);
    let quoted = words[start..start + words.len() / 3].join(" ");
    let wording = if rng.bool() {
        vec![quoted.clone()]
    } else {
        let length = rng.usize(8..20);
        vec![sentence(rng, length)]
    };
    let discrepancies = if rng.u8(0..4) == 0 {
        vec![Discrepancy {
            kind: DiscrepancyKind::Wording,
            text_says: quoted,
            outlet_says: sentence(rng, 6),
            explanation: "Synthetic.".into(),
        }]
    } else {
        Vec::new()
    };
    Report {
        source: source.to_owned(),
        wording,
        summary: sentence(rng, 10),
        positions: (0..rng.usize(0..3))
            .map(|_| position(rng, Some(())))
            .collect(),
        discrepancies,
        earlier_versions: Vec::new(),
    }
}

fn position(rng: &mut fastrand::Rng, on_clause: Option<()>) -> Position {
    let stances = [
        Stance::Supports,
        Stance::Opposes,
        Stance::Conditional,
        Stance::Noncommittal,
    ];
    Position {
        actor: format!("Official {}", rng.u32(1..1000)),
        party: format!("party-{:02}", rng.usize(1..=PARTIES)),
        stance: stances[rng.usize(0..stances.len())],
        summary: sentence(rng, 8),
        quote: (on_clause.is_none() || rng.bool()).then(|| sentence(rng, 7)),
        via: None,
    }
}

fn ids(rng: &mut fastrand::Rng, prefix: &str, count: usize) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    for _ in 0..rng.usize(1..4) {
        let id = format!("{prefix}-{:02}", rng.usize(1..=count));
        if !chosen.contains(&id) {
            chosen.push(id);
        }
    }
    chosen
}

fn sentence(rng: &mut fastrand::Rng, length: usize) -> String {
    let mut words: Vec<&str> = (0..length.max(1))
        .map(|_| WORDS[rng.usize(0..WORDS.len())])
        .collect();
    let first = words[0].to_owned();
    let capitalised = first[..1].to_uppercase() + &first[1..];
    words[0] = &capitalised;
    words.join(" ")
}
