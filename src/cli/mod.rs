//! Every command-line argument, in one place, as clap derive types. Doc comments become
//! the `--help` text.

pub mod completion;
mod values;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCandidates;

use crate::model::{DiscrepancyKind, Stance};
use crate::query::departures::DepartureCriteria;
use crate::query::{ClauseCriteria, PositionCriteria};
pub use crate::query::{ClauseRef, ClauseSpan, parse_clause_ref, parse_clause_span};
pub use crate::render::{ColorChoice, OutputFormat, Style};

/// Query the clauses of the US 28-point Russia–Ukraine peace plan (November 2025) and
/// what each news outlet reported about them.
#[derive(Debug, Parser)]
#[command(name = "peaceplan", version, about, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  peaceplan list --topic nato\n  peaceplan list --party russia --source kyiv-independent --json\n  peaceplan show 6 21\n  peaceplan validate --data ./my-corpus"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Read the corpus from DIR (plan_28_points.yaml and sources.yaml) instead of the one
    /// built into the binary.
    /// An empty value (`PEACEPLAN_DATA=`) means the built-in corpus.
    #[arg(long, global = true, env = "PEACEPLAN_DATA", value_name = "DIR", value_parser = data_dir)]
    pub data: Option<PathBuf>,

    /// Do not read or write the cache of large --data corpora (plan files of 4 MiB and
    /// more are stored parsed in PEACEPLAN_CACHE_DIR, default the user's cache directory,
    /// after they pass every check; a changed file or binary is never served from it).
    #[arg(long, global = true, env = "PEACEPLAN_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,

    /// Output format: a table for people; JSON, JSON Lines, CSV, Markdown or YAML for
    /// scripts, spreadsheets and articles [default: table].
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<OutputFormat>,

    /// Shorthand for `--format json`.
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,

    /// Choose and order the fields of each record (json, jsonl, csv, markdown, yaml);
    /// an unknown field lists the available ones.
    #[arg(long, global = true, value_name = "FIELD,...", value_delimiter = ',')]
    pub fields: Vec<String>,

    /// When to use colour. `auto` colours only a terminal, and never when NO_COLOR is set
    /// (CLICOLOR_FORCE=1 forces it).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Wrap tables to N columns [default: the terminal's width, else $COLUMNS, else 100].
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

impl GlobalArgs {
    /// The format asked for, counting `--json`.
    pub fn output_format(&self) -> OutputFormat {
        if self.json {
            OutputFormat::Json
        } else {
            self.format.unwrap_or(OutputFormat::Table)
        }
    }

    /// The corpus directory asked for; `None` (the built-in corpus) when none was given
    /// or the value is empty.
    pub fn data_dir(&self) -> Option<&std::path::Path> {
        self.data
            .as_deref()
            .filter(|dir| !dir.as_os_str().is_empty())
    }
}

/// `--data`'s value as a path; an empty one is kept empty and means "not given".
fn data_dir(value: &str) -> Result<PathBuf, std::convert::Infallible> {
    Ok(PathBuf::from(value))
}

impl Command {
    /// The subcommand's name, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Command::List(_) => "list",
            Command::Show(_) => "show",
            Command::Topics => "topics",
            Command::Parties => "parties",
            Command::Sources => "sources",
            Command::Positions(_) => "positions",
            Command::Matrix(_) => "matrix",
            Command::Search(_) => "search",
            Command::Diff(_) => "diff",
            Command::Validate(_) => "validate",
            Command::Export(_) => "export",
            Command::Report(_) => "report",
            Command::Schema(_) => "schema",
            Command::Completions(_) => "completions",
            Command::Man => "man",
            Command::Synth(_) => "synth",
            Command::Versions => "versions",
            Command::Lineage(_) => "lineage",
            Command::Departures(_) => "departures",
            Command::Actors(_) => "actors",
            Command::Compare(_) => "compare",
            Command::Align(_) => "align",
        }
    }
}

/// The subcommands, in the order `--help` lists them: a journalist's questions first,
/// then the vocabularies, then the tools for the corpus and the shell.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List clauses, one row each, optionally filtered.
    #[command(visible_alias = "ls")]
    List(ListArgs),
    /// Show everything about one or more clauses, with each outlet's report.
    Show(ShowArgs),
    /// Put the plan's text and every outlet's wording of a clause side by side, each with
    /// how much wording it shares with the text and its recorded departures.
    Compare(CompareArgs),
    /// List where outlets depart from the plan's text (a wrong figure, a narrower scope,
    /// another party, other wording, an omission, an addition), one row each.
    Departures(DeparturesArgs),
    /// Compare two renderings clause by clause: two outlets, or an outlet and `text`
    /// (the plan's own wording).
    Diff(DiffArgs),
    /// Search everything a user can read: the plan's text, outlets' wordings and
    /// summaries, actors, positions, quotes, departures, earlier versions and headlines.
    Search(SearchArgs),
    /// List the positions on the plan and its clauses that outlets reported, one row each.
    Positions(PositionsArgs),
    /// List the actors whose positions outlets reported: party, how many positions, which
    /// outlets. Takes the filters of `positions`.
    Actors(PositionsArgs),
    /// A clause × outlet grid: did each outlet reproduce the text, paraphrase it, depart
    /// from it, or not report it?
    Matrix(MatrixArgs),
    /// List the versions of the plan (the 28 points and the drafts after it) in date
    /// order, with their text status, number of points and sources.
    Versions,
    /// Follow a clause of the 28-point plan through every later version: kept, amended
    /// (with the figures that changed), merged, split or dropped, with dates and sources.
    Lineage(LineageArgs),
    /// Find which clauses a new article reports, quote its passages verbatim with byte
    /// offsets, and flag its departures from the text (`--format yaml`: draft reports).
    ///
    /// The score (0 to 1) is how close the article's best sentence for a clause comes to
    /// the clause's text, a sub-point or an outlet's wording of it (cosine of weighted,
    /// stemmed words, with names and paraphrases folded), cut to 0.4 of itself when the
    /// sentence shares fewer than two words particular to the clause (common words and
    /// people's names count for little; one is enough on a line of a list of points); a
    /// clause is reported from `--min-score` up. A sentence that tells of events rather
    /// than giving the plan's terms (no "would", "will", "must", no "the plan", "the draft",
    /// "calls for" and the like, and not a line of a list) counts 0.7 of its score, as does
    /// a headline in title case. In a
    /// story that numbers a later version as often as the plan ("the 20-point plan"), a
    /// sentence renders a clause that version took over only when it speaks of the plan
    /// itself ("the earlier 28-point draft").
    /// Questions and people's direct speech render no clause (a quotation a speaker
    /// introduces that closes a sentence is cut off it), nor does a clause whose
    /// words in a sentence all belong to a better match or to clauses with words of their
    /// own there. Weaker matches count only beside a clear one: an article none of whose
    /// clauses scores 0.5 (or `--min-score`, if higher) reports no clause. An article that
    /// never names Ukraine, names no plan, proposal, draft or framework in a sentence
    /// about the war or peace (talks or a deal alone are not enough, nor a page's
    /// "Monthly Plan"), speaks of another party's plan ("Putin's proposal", "the plan
    /// proposed by Prabowo") and of no US one, names no year after 2013, or numbers only another plan ("the 7-point plan",
    /// "the 100-day plan") or only a later version ("the 20-point plan") reports no clause.
    ///
    /// Each departure (`!`) gives its kind, the article's words, the clause sentence it
    /// departs from, and why:
    ///
    /// figure: another number than the text's, in digits or in words ("sixty days"), or a
    /// cut relative to today ("halve the army") where the text sets an absolute figure.
    ///
    /// party: another state or group in a party's place ("foreign troops" or "an
    /// international peacekeeping force" for NATO troops; "Russia, Ukraine and the EU" for
    /// "… and Europe"), or an institution the text gives to another clause (the IAEA).
    ///
    /// wording: a quotation of the plan that differs from its words, or a firm commitment
    /// ("pledges", "readmitted") where the text only expects or invites.
    ///
    /// scope: recognition stated formally, or without the text's "de facto".
    ///
    /// Left alone: figures of today or the past and dates, synonyms of a party's name,
    /// people's own words in quotation marks, the plan's own words quoted in another
    /// order, recognition of Russia's control (de facto in other words), a party or a
    /// quotation in the part of the sentence that renders another clause (that clause's),
    /// and a later version's figure the article attributes to that version, in the
    /// sentence or by naming the version ("the 20-point plan") where the sentence does not
    /// call it the 28-point plan's (shown with `=`, "matches e3-counter point 6").
    Align(AlignArgs),
    /// List the topic vocabulary with how many clauses touch each topic.
    Topics,
    /// List the party vocabulary with how many clauses bind or name each party.
    Parties,
    /// List the news outlets with how many clauses each reports.
    Sources,
    /// Check a corpus and report every problem in it.
    Validate(ValidateArgs),
    /// Write the whole corpus for other tools: one JSON or YAML document, an SQLite
    /// database (`--format sqlite FILE`), its SQL script (`--format sql`), or a CSV data
    /// package (`--format csv DIR`).
    Export(ExportArgs),
    /// Write a report as one self-contained HTML page (`--html FILE`): the clause ×
    /// outlet grid, each clause beside every outlet's wording with the word diff, its
    /// departures and positions, and its way through the later versions. The filters of
    /// `list` choose the clauses.
    Report(ReportArgs),
    /// Print JSON Schema for the corpus files or for the JSON outputs.
    Schema(SchemaArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man -l -`.
    Man,
    /// Write a synthetic corpus of any size (for benchmarks), deterministic for a seed.
    Synth(SynthArgs),
}

#[derive(Debug, Args)]
pub struct LineageArgs {
    /// A clause of the 28-point plan (`6`), or a point of a later version
    /// (`framework-20:3`), whose clauses are then followed.
    #[arg(value_name = "N|VERSION:N")]
    pub target: String,
}

/// Which clauses to keep. Values are comma-separated or the flag is repeated: any value
/// of one flag matches (OR); every flag given must match (AND).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,

    /// Keep clauses that any of these outlets reports (see `peaceplan sources`).
    #[arg(add = ArgValueCandidates::new(completion::sources), long, value_name = "SOURCE", value_delimiter = ',')]
    pub source: Vec<String>,
}

/// The clause filters that do not name an outlet (shared by `list`, `matrix` and `diff`).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct ScopeArgs {
    /// Keep clauses on any of these topics (see `peaceplan topics`).
    #[arg(add = ArgValueCandidates::new(completion::topics), long, value_name = "TOPIC", value_delimiter = ',')]
    pub topic: Vec<String>,

    /// Keep clauses that bind or name any of these parties (see `peaceplan parties`).
    #[arg(add = ArgValueCandidates::new(completion::parties), long, value_name = "PARTY", value_delimiter = ',')]
    pub party: Vec<String>,

    /// Keep clauses whose title, text or sub-points contain TEXT, ignoring case.
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,

    /// Keep only these clauses: numbers and ranges, as `7`, `6-8` or `1-3,21`.
    #[arg(add = ArgValueCandidates::new(completion::clauses), long, value_name = "N|N-M", value_delimiter = ',', value_parser = parse_clause_span)]
    pub clause: Vec<ClauseSpan>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// List the points of this version of the plan instead (see `peaceplan versions`);
    /// --clause then means the point's number, and --source a reference id it cites.
    #[arg(long, value_name = "ID")]
    pub plan: Option<String>,

    /// The earlier spelling of --plan, still accepted.
    #[arg(
        long = "version",
        value_name = "ID",
        hide = true,
        conflicts_with = "plan"
    )]
    pub plan_by_old_name: Option<String>,
}

#[derive(Debug, Args)]
pub struct MatrixArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// A clause × version grid instead: what became of each clause in each version.
    #[arg(long)]
    pub versions: bool,
}

/// Which positions to keep; values combine as in `list` (OR within a flag, AND across).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct PositionsArgs {
    /// Keep positions taken for any of these parties (the speaker's party).
    #[arg(add = ArgValueCandidates::new(completion::parties), long, value_name = "PARTY", value_delimiter = ',')]
    pub party: Vec<String>,

    /// Keep positions reported by any of these outlets.
    #[arg(add = ArgValueCandidates::new(completion::sources), long, value_name = "SOURCE", value_delimiter = ',')]
    pub source: Vec<String>,

    /// Keep positions on these clauses (numbers and ranges, as `7`, `6-8` or `1-3,21`);
    /// `plan` means positions on the plan as a whole.
    #[arg(add = ArgValueCandidates::new(completion::clauses), long, value_name = "N|N-M|plan", value_delimiter = ',', value_parser = parse_clause_ref)]
    pub clause: Vec<ClauseRef>,

    /// Keep positions with any of these stances.
    #[arg(long, value_enum, value_name = "STANCE", value_delimiter = ',')]
    pub stance: Vec<Stance>,

    /// Keep positions on clauses touching any of these topics (drops plan-level ones).
    #[arg(add = ArgValueCandidates::new(completion::topics), long, value_name = "TOPIC", value_delimiter = ',')]
    pub topic: Vec<String>,
    /// Keep positions whose actor contains TEXT, ignoring case and accents
    /// (`kallas`, `podolyak`); see `peaceplan actors`.
    #[arg(long, value_name = "TEXT", add = ArgValueCandidates::new(completion::actors))]
    pub actor: Option<String>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: words, matched in any order ignoring accents; a phrase in double
    /// quotes ('"legal immunity"'); or a pattern with --regex.
    #[arg(value_name = "QUERY")]
    pub query: String,

    /// Treat QUERY as a regular expression (Rust `regex` syntax).
    #[arg(long, short = 'e')]
    pub regex: bool,

    /// Match case exactly (by default case is ignored).
    #[arg(long, short = 's')]
    pub case_sensitive: bool,

    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Keep hits from these outlets' material (their wording, summaries, positions,
    /// departures, earlier versions, headline); `text` keeps the plan's own wording, and a
    /// version's id (`framework-20`) that version's summary, points, accounts and drops.
    #[arg(add = ArgValueCandidates::new(completion::sources), long, value_name = "SOURCE", value_delimiter = ',')]
    pub source: Vec<String>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The first side: a source id, or `text` for the plan's own wording.
    #[arg(value_name = "A")]
    pub a: String,

    /// The second side: a source id, or `text`.
    #[arg(value_name = "B")]
    pub b: String,

    /// Print only the summary and one line per clause.
    #[arg(long)]
    pub stat: bool,

    /// Compare two versions of the plan (A and B are version ids such as `us-28` and
    /// `framework-20`), clause by clause by lineage; implied when A and B are version ids.
    #[arg(long)]
    pub plans: bool,

    /// The earlier spelling of --plans, still accepted.
    #[arg(long = "version", hide = true)]
    pub plans_by_old_name: bool,
    /// Compare only the clauses both sides report (and, on the plan as a whole, only the
    /// actors both report). Against `text`, the table and Markdown do this unless --all.
    #[arg(long, conflicts_with = "all")]
    pub both: bool,

    /// Against `text`, show in the table and Markdown also the clauses only the text has
    /// (every clause the outlet leaves out, printed in full).
    #[arg(long)]
    pub all: bool,

    /// Leave out the clauses both sides word the same.
    #[arg(long)]
    pub only_differences: bool,

    #[command(flatten)]
    pub scope: ScopeArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Clauses, 1 to 28: numbers and ranges, as `7`, `6-8` or `1-3,21` (with --plan, the
    /// version's point numbers).
    #[arg(add = ArgValueCandidates::new(completion::clauses), required = true, value_name = "N|N-M", value_delimiter = ',', value_parser = parse_clause_span)]
    pub numbers: Vec<ClauseSpan>,

    /// Show points of this version of the plan instead (see `peaceplan versions`).
    #[arg(long, value_name = "ID")]
    pub plan: Option<String>,

    /// The earlier spelling of --plan, still accepted.
    #[arg(
        long = "version",
        value_name = "ID",
        hide = true,
        conflicts_with = "plan"
    )]
    pub plan_by_old_name: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Write the page to FILE (`-` for standard output). The file appears only once it
    /// is whole.
    #[arg(long, value_name = "FILE", required = true)]
    pub html: PathBuf,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where to write: the database file for --format sqlite (`-` for standard output),
    /// or a new or empty directory for the CSV package (--format csv). The file or the
    /// directory appears only once it is whole. JSON, YAML and SQL go to standard output.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    /// With --format sqlite: also write a Datasette metadata file (JSON) to FILE: title,
    /// licence, every table's and column's description, label columns and facets.
    #[arg(long, value_name = "FILE")]
    pub metadata: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema: the corpus files, or the JSON outputs.
    #[arg(value_enum, default_value_t = SchemaKind::Corpus)]
    pub kind: SchemaKind,
}

/// The schemas `peaceplan schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// `plan_28_points.yaml` and `sources.yaml`.
    Corpus,
    /// Every command's JSON output, under `$defs/output_<command>`.
    Output,
    /// The SQLite database `export --format sqlite` writes, as SQL (`CREATE` statements).
    Sqlite,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// How many clauses.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    pub clauses: u32,

    /// How many outlets.
    #[arg(long, value_name = "M", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub sources: u32,

    /// Seed for the generator; the same seed gives the same files.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,

    /// Directory to write plan_28_points.yaml and sources.yaml into: a new or empty
    /// directory, unless --force is given.
    #[arg(value_name = "OUT_DIR")]
    pub out_dir: PathBuf,

    /// Write into OUT_DIR even if it is not empty, replacing the two corpus files there
    /// (a symlink in their place is replaced, never followed).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Also check that every quotation (report wording, position quotes, what a
    /// discrepancy says the outlet says) appears word for word in DIR/<source-id>.txt.
    #[arg(long, value_name = "DIR")]
    pub archive: Option<PathBuf>,
}

/// Which departures to keep; values combine as in `list` (OR within a flag, AND across).
#[derive(Debug, Clone, Default, Args)]
pub struct DeparturesArgs {
    /// Keep departures of any of these outlets (see `peaceplan sources`).
    #[arg(add = ArgValueCandidates::new(completion::sources), long, value_name = "SOURCE", value_delimiter = ',')]
    pub source: Vec<String>,
    /// Keep departures on these clauses: numbers and ranges, as `7`, `6-8` or `1-3,21`.
    #[arg(add = ArgValueCandidates::new(completion::clauses), long, value_name = "N|N-M", value_delimiter = ',', value_parser = parse_clause_span)]
    pub clause: Vec<ClauseSpan>,
    /// Keep departures of any of these kinds.
    #[arg(long, value_enum, value_name = "KIND", value_delimiter = ',')]
    pub kind: Vec<DiscrepancyKind>,
    /// Keep departures on clauses touching any of these topics (see `peaceplan topics`).
    #[arg(add = ArgValueCandidates::new(completion::topics), long, value_name = "TOPIC", value_delimiter = ',')]
    pub topic: Vec<String>,
    /// Instead of the recorded departures, list figures that an outlet's wording gives
    /// and its clause does not, found by comparing figures by value, that no recorded
    /// figure departure accounts for: candidates for a reviewer to check and record.
    #[arg(long, conflicts_with = "kind")]
    pub detected: bool,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Clauses, 1 to 28: numbers and ranges, as `21`, `6-8` or `1-3,21`.
    #[arg(add = ArgValueCandidates::new(completion::clauses), required = true, value_name = "N|N-M", value_delimiter = ',', value_parser = parse_clause_span)]
    pub numbers: Vec<ClauseSpan>,

    /// Leave out the outlets that do not report the clause.
    #[arg(long)]
    pub reported: bool,
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    /// The article: a UTF-8 text file, or `-` for standard input.
    #[arg(value_name = "ARTICLE")]
    pub article: PathBuf,

    /// Print clauses scoring at least this (0 to 1); 0.33 keeps what the leave-one-out
    /// evaluation (EVALUATION.md) found reported while leaving out passing mentions.
    #[arg(long, value_name = "SCORE", default_value_t = crate::query::align::DEFAULT_MIN_SCORE,
          value_parser = parse_unit_score)]
    pub min_score: f64,

    /// Print every clause with its best score, reported or not.
    #[arg(long)]
    pub all: bool,

    /// The source id the `--format yaml` draft reports are written for: lowercase
    /// letters, digits and single hyphens, as `sources.yaml` takes them (not `text`).
    #[arg(long, value_name = "ID", default_value = "new-source", value_parser = parse_source_id)]
    pub source: String,
}

/// A score between 0 and 1.
fn parse_unit_score(value: &str) -> Result<f64, String> {
    let score: f64 = value
        .parse()
        .map_err(|_| format!("`{value}` is not a number"))?;
    if (0.0..=1.0).contains(&score) {
        Ok(score)
    } else {
        Err(format!("{score} is outside 0 to 1"))
    }
}

impl ScopeArgs {
    /// The clauses asked for, naming no outlet.
    pub fn criteria(&self) -> ClauseCriteria {
        ClauseCriteria {
            topics: self.topic.clone(),
            parties: self.party.clone(),
            sources: Vec::new(),
            text: self.text.clone(),
            clauses: self.clause.clone(),
        }
    }
}

impl FilterArgs {
    /// The clauses asked for.
    pub fn criteria(&self) -> ClauseCriteria {
        ClauseCriteria {
            sources: self.source.clone(),
            ..self.scope.criteria()
        }
    }
}

impl PositionsArgs {
    /// The positions asked for.
    pub fn criteria(&self) -> PositionCriteria {
        PositionCriteria {
            parties: self.party.clone(),
            sources: self.source.clone(),
            clauses: self.clause.clone(),
            stances: self.stance.clone(),
            topics: self.topic.clone(),
            actor: self.actor.clone(),
        }
    }
}

impl DeparturesArgs {
    /// The departures asked for.
    pub fn criteria(&self) -> DepartureCriteria {
        DepartureCriteria {
            sources: self.source.clone(),
            clauses: self.clause.clone(),
            kinds: self.kind.clone(),
            topics: self.topic.clone(),
        }
    }
}

/// A new source id: what `sources.yaml` accepts (the corpus check's rule), and not `text`.
fn parse_source_id(value: &str) -> Result<String, String> {
    match value {
        "text" => Err("`text` is the plan's own wording, not a source id".to_owned()),
        _ if crate::corpus::is_valid_id(value) => Ok(value.to_owned()),
        _ => Err(
            "a source id is lowercase letters, digits and single hyphens, like `new-source`"
                .to_owned(),
        ),
    }
}

/// The plan version asked for with `--plan ID`, or with its earlier spelling `--version ID`
/// (which says so on stderr).
fn plan_version<'a>(plan: &'a Option<String>, old: &'a Option<String>) -> Option<&'a str> {
    if old.is_some() {
        crate::render::note("`--version ID` is now `--plan ID`; the old spelling still works");
    }
    plan.as_deref().or(old.as_deref())
}

impl ListArgs {
    /// The plan version whose points to list, if one was asked for.
    pub fn plan_version(&self) -> Option<&str> {
        plan_version(&self.plan, &self.plan_by_old_name)
    }
}

impl ShowArgs {
    /// The plan version whose points to show, if one was asked for.
    pub fn plan_version(&self) -> Option<&str> {
        plan_version(&self.plan, &self.plan_by_old_name)
    }
}

impl DiffArgs {
    /// Whether versions of the plan were asked to be compared (`--plans`, or `--version`).
    pub fn compares_plans(&self) -> bool {
        if self.plans_by_old_name {
            crate::render::note(
                "`diff --version` is now `diff --plans`; the old spelling still works",
            );
        }
        self.plans || self.plans_by_old_name
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// clap's own consistency checks over every argument (conflicts, ids, defaults),
    /// which it otherwise runs only when an argument is used.
    #[test]
    fn the_arguments_pass_claps_debug_assertions() {
        Cli::command().debug_assert();
    }
}
