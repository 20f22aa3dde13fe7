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

/// Bytes a synthetic clause or source takes at most in its file, near enough to refuse
/// a size before generating it (clauses average about 1,750 bytes, sources 250).
const CLAUSE_BYTES_ESTIMATE: u64 = 2_000;
const SOURCE_BYTES_ESTIMATE: u64 = 400;

/// Why a synthetic corpus cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    #[error(
        "{dir} is not empty; synth writes {PLAN_FILE} and {SOURCES_FILE} there and would replace what it holds. Choose a new or empty directory, or pass --force"
    )]
    NotEmpty { dir: String },
    #[error(
        "{what} would be about {mib} MiB, over the {limit} MiB a corpus file may be (so it could not be loaded); use at most {most} {unit}"
    )]
    TooLarge {
        what: &'static str,
        mib: u64,
        limit: u64,
        most: u64,
        unit: &'static str,
    },
}

/// Refuse sizes whose files would be over the loader's limit, before generating them.
pub fn check_size(spec: SynthSpec) -> Result<(), SynthError> {
    let limit = corpus::MAX_FILE_BYTES;
    for (count, per_item, what, unit) in [
        (
            u64::from(spec.clauses),
            CLAUSE_BYTES_ESTIMATE,
            "the plan file",
            "clauses",
        ),
        (
            u64::from(spec.sources),
            SOURCE_BYTES_ESTIMATE,
            "the sources file",
            "sources",
        ),
    ] {
        if count * per_item > limit {
            return Err(SynthError::TooLarge {
                what,
                mib: (count * per_item) >> 20,
                limit: limit >> 20,
                most: limit / per_item,
                unit,
            });
        }
    }
    Ok(())
}

/// Write `plan_28_points.yaml` and `sources.yaml` for `spec` into `dir` (created if
/// needed; it must be empty unless `force`), returning their sizes in bytes. Each file
/// is written to a new temporary file beside it and renamed into place, so a symlink
/// standing at either name is replaced, never followed, and no half-written file is
/// left under the real name.
pub fn write_corpus(spec: SynthSpec, dir: &Path, force: bool) -> anyhow::Result<(u64, u64)> {
    check_size(spec)?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let is_empty = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .next()
        .is_none();
    if !is_empty && !force {
        return Err(SynthError::NotEmpty {
            dir: dir.display().to_string(),
        }
        .into());
    }
    let (plan, sources) = generate(spec);
    let plan_text = corpus::to_yaml(&plan)?;
    let sources_text = corpus::to_yaml(&sources)?;
    for (name, text) in [(PLAN_FILE, &plan_text), (SOURCES_FILE, &sources_text)] {
        replace_file(&dir.join(name), text.as_bytes())?;
    }
    Ok((plan_text.len() as u64, sources_text.len() as u64))
}

/// Write `bytes` to a temporary file created new beside `path`, then rename it to `path`.
fn replace_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let name = path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temporary, path));
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(error).with_context(|| format!("cannot write {}", path.display()));
    }
    Ok(())
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
                url: None,
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
