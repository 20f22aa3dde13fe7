//! Loading `versions.yaml` (the later versions of the plan) and checking it against the
//! plan: every reference cited exists and has a web address, every lineage names a
//! clause that exists, point numbers are unique, dates are in order, and the topics and
//! parties are the plan's.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use super::check::{is_iso_date, is_valid_id};
use super::locate::Locator;
use super::outlets::{OUTLETS_FILE, is_host};
use super::problem::Problem;
use super::read::{SourceText, read_text};
use super::yaml;
use crate::model::outlets::{Outlet, OutletsFile};
use crate::model::versions::{
    Account, BASE_VERSION_ID, LineageKind, Point, Reference, TextStatus, Version, VersionsFile,
};
use crate::model::{Clause, Corpus, PlanFile, Source, SourcesFile, TEXT_SOURCE_ID};
use crate::text::fold::fold;
use crate::text::suggest;

/// The name of the versions file inside a corpus directory (optional there).
pub const VERSIONS_FILE: &str = "versions.yaml";

/// The built-in versions file.
pub fn embedded() -> SourceText {
    SourceText {
        name: format!("data/{VERSIONS_FILE} (built in)"),
        text: include_str!("../../data/versions.yaml").to_owned(),
    }
}

/// `dir/versions.yaml`, or `None` when the directory has none (a corpus without later
/// versions).
pub fn read_dir(dir: &Path) -> Result<Option<SourceText>, Problem> {
    let path = dir.join(VERSIONS_FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    read_text(&path).map(Some)
}

/// Parse the versions file strictly.
pub fn parse(file: &SourceText) -> Result<VersionsFile, Problem> {
    yaml::parse(file, "a mapping with references and versions")
}

/// What of the plan the versions file is checked against.
#[derive(Clone, Copy)]
pub struct Plan<'a> {
    topics: &'a [crate::model::Topic],
    parties: &'a [crate::model::Party],
    clauses: &'a [Clause],
    /// The outlets of the archive: a version may not take one's id (nor `text`), since
    /// `diff A B` reads an id as either.
    sources: &'a [Source],
}

impl<'a> Plan<'a> {
    // Used by build.rs, which checks the built-in corpus before it is compiled in.
    #[allow(dead_code)]
    pub fn of_files(plan: &'a PlanFile, sources: &'a SourcesFile) -> Self {
        Self {
            topics: &plan.topics,
            parties: &plan.parties,
            clauses: &plan.clauses,
            sources: &sources.sources,
        }
    }

    pub fn of_corpus(corpus: &'a Corpus) -> Self {
        Self {
            topics: &corpus.topics,
            parties: &corpus.parties,
            clauses: &corpus.clauses,
            sources: &corpus.sources,
        }
    }
}

/// The registry of outlets the references are checked against.
#[derive(Clone, Copy)]
pub enum Registry<'a> {
    /// The corpus has no `outlets.yaml`.
    Missing,
    /// It has one, but it could not be read or parsed (reported on its own).
    Unreadable,
    Loaded(&'a OutletsFile),
}

/// Every problem in a parsed versions file, checked against the plan it belongs to and
/// the registry of outlets its references name.
pub fn check(
    file: &SourceText,
    versions: &VersionsFile,
    plan: Plan,
    registry: Registry,
) -> Vec<Problem> {
    let locator = Locator::new(&file.text);
    let lines: Vec<&str> = file.text.lines().collect();
    let version_blocks = items_under(&lines, 0..lines.len(), "versions");
    let mut checker = VersionChecker {
        file: &file.name,
        locator,
        lines,
        plan,
        registry,
        registry_missing_reported: false,
        reference_ids: versions.references.iter().map(|r| r.id.as_str()).collect(),
        cited: HashSet::new(),
        problems: Vec::new(),
    };
    checker.check_references(versions);
    checker.check_version_order(versions, &version_blocks);
    for (index, version) in versions.versions.iter().enumerate() {
        let block = version_blocks
            .get(index)
            .cloned()
            .unwrap_or(0..checker.lines.len());
        checker.check_version(version, block);
    }
    checker.check_every_reference_cited(versions);
    checker.problems
}

struct VersionChecker<'a> {
    file: &'a str,
    locator: Locator<'a>,
    lines: Vec<&'a str>,
    plan: Plan<'a>,
    registry: Registry<'a>,
    registry_missing_reported: bool,
    reference_ids: Vec<&'a str>,
    cited: HashSet<String>,
    problems: Vec<Problem>,
}

impl VersionChecker<'_> {
    fn problem(&mut self, place: Option<(usize, usize)>, message: String, hint: Option<String>) {
        let problem = Problem::new(self.file, place, message);
        self.problems.push(match hint {
            Some(hint) => problem.with_hint(hint),
            None => problem,
        });
    }

    /// Where `needle` stands within `lines`, else the first line of `lines`.
    fn place(&self, lines: &Range<usize>, needle: &str) -> Option<(usize, usize)> {
        self.locator.token_or_start(lines.clone(), needle)
    }

    fn check_references(&mut self, versions: &VersionsFile) {
        let blocks = items_under(&self.lines, 0..self.lines.len(), "references");
        let mut seen = HashSet::new();
        for (index, reference) in versions.references.iter().enumerate() {
            let block = blocks.get(index).cloned().unwrap_or(0..self.lines.len());
            let id = reference.id.as_str();
            if !seen.insert(id) {
                self.problem(
                    self.place(&block, id),
                    format!("reference id `{id}` is used twice"),
                    None,
                );
            }
            if !is_valid_id(id) {
                self.problem(
                    self.place(&block, id),
                    format!("reference id `{id}` is not a valid id"),
                    Some("ids are lowercase letters, digits and single hyphens, like `reuters-2025-11-23`".into()),
                );
            }
            if let Some(date) = reference.date.as_deref().filter(|date| !is_iso_date(date)) {
                self.problem(
                    self.place(&block, date),
                    format!("reference `{id}` has date `{date}`, which is not YYYY-MM-DD"),
                    Some("write the date as 2025-11-23, or null where the page shows none".into()),
                );
            }
            if web_host(&reference.url).is_none() {
                self.problem(
                    self.place(&block, "url"),
                    format!(
                        "reference `{id}` has url `{}`, which is not a web address",
                        reference.url
                    ),
                    Some("give the report's address, starting https:// or http://".into()),
                );
            }
            self.check_outlets(reference, &block);
            if reference.outlet.trim().is_empty() || reference.headline.trim().is_empty() {
                self.problem(
                    self.place(&block, id),
                    format!("reference `{id}` has an empty outlet or headline"),
                    None,
                );
            }
        }
    }

    /// The reference's outlet and relay are in the registry, may carry a fact, and the
    /// address is on the host of the page read (the relay's, else the outlet's).
    fn check_outlets(&mut self, reference: &Reference, block: &Range<usize>) {
        let id = reference.id.as_str();
        let registry = match self.registry {
            Registry::Loaded(registry) => registry,
            Registry::Unreadable => return,
            Registry::Missing if self.registry_missing_reported => return,
            Registry::Missing => {
                self.registry_missing_reported = true;
                self.problem(
                    self.place(block, "outlet"),
                    format!(
                        "reference `{id}` names outlet `{}`, but the corpus has no {OUTLETS_FILE}, the registry every reference's outlet must be in",
                        reference.outlet
                    ),
                    Some(format!(
                        "put an {OUTLETS_FILE} beside this file: peaceplan's own is data/{OUTLETS_FILE} (docs/corpus-format.md, \"Adding an outlet\")"
                    )),
                );
                return;
            }
        };
        let mut read_from: Option<&Outlet> = None;
        let mut page_unknown = false;
        let roles = [
            ("outlet", Some(reference.outlet.as_str())),
            ("read_at", reference.read_at.as_deref()),
        ];
        for (field, outlet_id) in roles {
            let Some(outlet_id) = outlet_id else { continue };
            let Some(outlet) = registry.outlet(outlet_id) else {
                let known = registry.outlets.iter().map(|outlet| outlet.id.as_str());
                self.problem(
                    self.place(block, outlet_id),
                    format!("reference `{id}` has {field} `{outlet_id}`, which is not in {OUTLETS_FILE}"),
                    Some(format!(
                        "{} (a new outlet is added to {OUTLETS_FILE} first: docs/corpus-format.md, \"Adding an outlet\")",
                        suggest::hint(outlet_id, known)
                    )),
                );
                page_unknown = true;
                continue;
            };
            if !outlet.kind.carries_facts() {
                self.problem(
                    self.place(block, outlet_id),
                    format!(
                        "reference `{id}` has {field} `{outlet_id}` ({}), a {} that may not carry a fact",
                        outlet.name, outlet.kind
                    ),
                    Some("cite a wire service, newspaper, broadcaster or official source that reports it (data/CODEBOOK.md, \"Sources: who can carry a fact\")".into()),
                );
            }
            read_from = Some(outlet);
        }
        let (Some(page_outlet), Some(host), false) =
            (read_from, web_host(&reference.url), page_unknown)
        else {
            return;
        };
        if !page_outlet.owns_host(host) {
            self.problem(
                self.place(block, "url"),
                format!(
                    "reference `{id}` has url on `{host}`, which is not a host of `{}` in {OUTLETS_FILE} ({})",
                    page_outlet.id,
                    page_outlet.hosts.join(", ")
                ),
                Some(format!(
                    "cite the page on the outlet's own site, or give the relay whose page it is as `read_at`; a host the registry does not list is added to {OUTLETS_FILE} first"
                )),
            );
        }
    }

    fn check_version_order(&mut self, versions: &VersionsFile, blocks: &[Range<usize>]) {
        let block = |index: usize| blocks.get(index).cloned().unwrap_or(0..0);
        match versions.versions.first() {
            None => {}
            Some(first) if first.is_base() => {}
            Some(first) => self.problem(
                self.place(&block(0), &first.id),
                format!(
                    "the first version is `{}`; the versions must start with `{BASE_VERSION_ID}`, the 28-point plan",
                    first.id
                ),
                Some(format!("list `{BASE_VERSION_ID}` first, with its date and citations")),
            ),
        }
        let mut seen = HashSet::new();
        for (index, version) in versions.versions.iter().enumerate() {
            let id = version.id.as_str();
            if id == TEXT_SOURCE_ID || self.plan.sources.iter().any(|source| source.id == id) {
                self.problem(
                    self.place(&block(index), id),
                    format!("version id `{id}` is also an outlet's id (or `text`), so `diff {id} …` could mean either"),
                    Some("give the version an id of its own, such as `{id}-draft`".replace("{id}", id)),
                );
            }
            if !seen.insert(id) {
                self.problem(
                    self.place(&block(index), id),
                    format!("version id `{id}` is used twice"),
                    None,
                );
            } else if index > 0 && version.is_base() {
                self.problem(
                    self.place(&block(index), id),
                    format!("version `{BASE_VERSION_ID}` must come first"),
                    None,
                );
            }
            if !is_valid_id(id) {
                self.problem(
                    self.place(&block(index), id),
                    format!("version id `{id}` is not a valid id"),
                    Some("ids are lowercase letters, digits and single hyphens".into()),
                );
            }
            if !is_iso_date(&version.date) {
                self.problem(
                    self.place(&block(index), &version.date),
                    format!(
                        "version `{id}` has date `{}`, which is not YYYY-MM-DD",
                        version.date
                    ),
                    Some("write the date as 2025-11-23, with any more in date_note".into()),
                );
            } else if let Some(previous) = versions.versions[..index]
                .iter()
                .rev()
                .find(|earlier| is_iso_date(&earlier.date))
                .filter(|earlier| earlier.date > version.date)
            {
                self.problem(
                    self.place(&block(index), &version.date),
                    format!(
                        "version `{id}` is dated {}, before `{}` listed above it ({})",
                        version.date, previous.id, previous.date
                    ),
                    Some("list the versions in date order".into()),
                );
            }
        }
    }

    fn check_version(&mut self, version: &Version, block: Range<usize>) {
        let id = version.id.as_str();
        if version.title.trim().is_empty() || version.summary.trim().is_empty() {
            self.problem(
                self.place(&block, id),
                format!("version `{id}` has an empty title or summary"),
                None,
            );
        }
        self.check_citations(&version.cite, &block, &format!("version `{id}`"));
        self.check_accounts(&version.accounts, &block, &format!("version `{id}`"));
        if version.is_base() {
            self.check_base(version, &block);
            return;
        }
        let point_blocks = items_under(&self.lines, block.clone(), "points");
        self.check_point_count(version, &block);
        let mut numbers: HashMap<u32, usize> = HashMap::new();
        for (index, point) in version.points.iter().enumerate() {
            let lines = point_blocks.get(index).cloned().unwrap_or(block.clone());
            let context = match point.number {
                Some(number) => format!("version `{id}` point {number}"),
                None => format!("version `{id}` point “{}”", point.title),
            };
            if let Some(number) = point.number {
                let seen = numbers.entry(number).or_default();
                *seen += 1;
                if *seen > 1 {
                    self.problem(
                        self.place(&lines, &number.to_string()),
                        format!("version `{id}` has two points numbered {number}"),
                        Some("number each point once; record differing numbering as an account with `differs_in: numbering`".into()),
                    );
                }
                if number == 0 || number > version.declared_points {
                    self.problem(
                        self.place(&lines, &number.to_string()),
                        format!(
                            "{context} is out of range: the version declares {} points",
                            version.declared_points
                        ),
                        None,
                    );
                }
            } else if version.text_status != TextStatus::ReportedOnly {
                self.problem(
                    self.place(&lines, "title"),
                    format!(
                        "{context} has no number, but the version's text is {}",
                        version.text_status
                    ),
                    Some("only the points of a reported-only version may go unnumbered".into()),
                );
            }
            self.check_point(point, &lines, &context);
        }
        self.check_drops(version, &block);
    }

    fn check_base(&mut self, version: &Version, block: &Range<usize>) {
        if !version.points.is_empty() || !version.drops.is_empty() {
            self.problem(
                self.place(block, "points").or_else(|| self.place(block, "drops")),
                format!("version `{BASE_VERSION_ID}` lists points or drops; its points are the clauses of the plan file"),
                Some("remove them; the plan file holds the 28 clauses".into()),
            );
        }
        let clauses = self.plan.clauses.len() as u32;
        if version.declared_points != clauses {
            self.problem(
                self.place(block, "declared_points"),
                format!(
                    "version `{BASE_VERSION_ID}` declares {} points, but the plan file has {clauses} clauses",
                    version.declared_points
                ),
                None,
            );
        }
    }

    fn check_point_count(&mut self, version: &Version, block: &Range<usize>) {
        let recorded = version.points.len() as u32;
        if recorded > version.declared_points {
            self.problem(
                self.place(block, "declared_points"),
                format!(
                    "version `{}` declares {} points but lists {recorded}",
                    version.id, version.declared_points
                ),
                Some("a version lists at most its declared points (fewer where reports show only some)".into()),
            );
        }
    }

    fn check_point(&mut self, point: &Point, lines: &Range<usize>, context: &str) {
        if point.title.trim().is_empty() || point.summary.trim().is_empty() {
            self.problem(
                self.place(lines, "title"),
                format!("{context} has an empty title or summary"),
                None,
            );
        }
        if point.topics.is_empty() {
            self.problem(
                self.place(lines, "topics"),
                format!("{context} has no topics"),
                Some("give it at least one topic id from the plan's topics list".into()),
            );
        }
        let topics: Vec<&str> = self.plan.topics.iter().map(|t| t.id.as_str()).collect();
        let parties: Vec<&str> = self.plan.parties.iter().map(|p| p.id.as_str()).collect();
        for topic in &point.topics {
            self.check_known("topic", topic, &topics, lines, context);
        }
        for party in &point.parties {
            self.check_known("party", party, &parties, lines, context);
        }
        self.check_citations(&point.cite, lines, context);
        self.check_accounts(&point.accounts, lines, context);
        self.check_lineage(point, lines, context);
    }

    fn check_lineage(&mut self, point: &Point, lines: &Range<usize>, context: &str) {
        let lineage = &point.lineage;
        let mut seen = HashSet::new();
        if let Some(repeated) = lineage.from.iter().find(|&&number| !seen.insert(number)) {
            self.problem(
                self.place(lines, "from"),
                format!("{context} derives from clause {repeated} more than once"),
                Some("name each clause in `from` once".into()),
            );
        }
        let count = seen.len();
        let expected = match lineage.kind {
            LineageKind::New if count > 0 => {
                Some("a new point derives from no clause; leave `from` empty")
            }
            LineageKind::Merged if count < 2 => {
                Some("a merged point derives from two or more clauses")
            }
            LineageKind::Kept | LineageKind::Amended | LineageKind::Split if count == 0 => {
                Some("name the clause it derives from in `from`, or make it `new`")
            }
            LineageKind::Kept | LineageKind::New if !lineage.figures_changed.is_empty() => {
                Some("only an amended, merged or split point changes figures")
            }
            _ => None,
        };
        if let Some(expected) = expected {
            self.problem(
                self.place(lines, "kind"),
                format!(
                    "{context} has lineage `{}` from {count} clause(s)",
                    lineage.kind
                ),
                Some(expected.to_owned()),
            );
        }
        let clause_count = self.plan.clauses.len();
        for &number in &lineage.from {
            if self
                .plan
                .clauses
                .iter()
                .all(|clause| clause.number != number)
            {
                self.problem(
                    self.place(lines, &number.to_string()),
                    format!("{context} derives from clause {number}, which the plan does not have"),
                    Some(format!("the plan's clauses are numbered 1–{clause_count}")),
                );
            }
        }
        let from_text = fold(
            &self
                .plan
                .clauses
                .iter()
                .filter(|clause| lineage.from.contains(&clause.number))
                .flat_map(|clause| clause.passages())
                .collect::<Vec<_>>()
                .join(" "),
        );
        for change in &lineage.figures_changed {
            if change.was.trim().is_empty() || change.now.trim().is_empty() {
                self.problem(
                    self.place(lines, "figures_changed"),
                    format!("{context} has a figure change with an empty `was` or `now`"),
                    Some("give the clause's figure as `was` and the version's as `now`".into()),
                );
                continue;
            }
            if !from_text.contains(&fold(&change.was)) {
                self.problem(
                    self.place(lines, &change.was),
                    format!(
                        "{context} says figure “{}” changed, but clause(s) {} do not give it",
                        change.was,
                        join_numbers(&lineage.from)
                    ),
                    Some("copy `was` exactly from the clause's text".into()),
                );
            }
        }
    }

    fn check_drops(&mut self, version: &Version, block: &Range<usize>) {
        let drop_blocks = items_under(&self.lines, block.clone(), "drops");
        let mut seen = HashSet::new();
        for (index, drop) in version.drops.iter().enumerate() {
            let lines = drop_blocks.get(index).cloned().unwrap_or(block.clone());
            let number = drop.clause;
            let context = format!("version `{}` drop of clause {number}", version.id);
            if self
                .plan
                .clauses
                .iter()
                .all(|clause| clause.number != number)
            {
                self.problem(
                    self.place(&lines, &number.to_string()),
                    format!("{context}: the plan has no clause {number}"),
                    Some(format!(
                        "the plan's clauses are numbered 1–{}",
                        self.plan.clauses.len()
                    )),
                );
            }
            if !seen.insert(number) {
                self.problem(
                    self.place(&lines, &number.to_string()),
                    format!("version `{}` drops clause {number} twice", version.id),
                    None,
                );
            }
            if let Some(point) = version.points_from(number).next() {
                self.problem(
                    self.place(&lines, &number.to_string()),
                    format!(
                        "{context}: but its point “{}” derives from clause {number}",
                        point.title
                    ),
                    Some("a clause a point derives from is not dropped; say what changed in the point's lineage".into()),
                );
            }
            self.check_citations(&drop.cite, &lines, &context);
        }
    }

    fn check_citations(&mut self, cite: &[String], lines: &Range<usize>, context: &str) {
        if cite.is_empty() {
            self.problem(
                self.place(lines, "cite"),
                format!("{context} cites no report"),
                Some("cite at least one reference id, whose entry gives the web address".into()),
            );
        }
        for id in cite {
            self.check_reference(id, lines, context);
        }
    }

    fn check_accounts(&mut self, accounts: &[Account], lines: &Range<usize>, context: &str) {
        for account in accounts {
            self.check_reference(&account.cite, lines, context);
        }
    }

    fn check_reference(&mut self, id: &str, lines: &Range<usize>, context: &str) {
        self.cited.insert(id.to_owned());
        if self.reference_ids.contains(&id) {
            return;
        }
        let hint = suggest::hint(id, self.reference_ids.iter().copied());
        self.problem(
            self.place(lines, id),
            format!(
                "{context} cites unknown reference `{id}`, which is not in the references list"
            ),
            Some(hint),
        );
    }

    fn check_known(
        &mut self,
        kind: &str,
        id: &str,
        known: &[&str],
        lines: &Range<usize>,
        context: &str,
    ) {
        if known.contains(&id) {
            return;
        }
        let hint = suggest::hint(id, known.iter().copied());
        self.problem(
            self.place(lines, id),
            format!(
                "{context} names unknown {kind} `{id}`, which is not in the plan's {kind} list"
            ),
            Some(hint),
        );
    }

    fn check_every_reference_cited(&mut self, versions: &VersionsFile) {
        let uncited: Vec<&str> = versions
            .references
            .iter()
            .map(|reference| reference.id.as_str())
            .filter(|id| !self.cited.contains(*id))
            .collect();
        for id in uncited {
            self.problem(
                self.locator.id_entry(id, 0),
                format!("reference `{id}` is cited nowhere"),
                Some("cite it where it is used, or remove it".into()),
            );
        }
    }
}

/// The line ranges of the items of the block list under `key:` within `within` (the
/// first such key there): one range per `- ` item, up to the next item or the list's end.
pub(super) fn items_under(lines: &[&str], within: Range<usize>, key: &str) -> Vec<Range<usize>> {
    let heading = format!("{key}:");
    let Some(key_line) = within.clone().find(|&index| {
        lines.get(index).is_some_and(|line| {
            line.trim_start()
                .trim_start_matches("- ")
                .starts_with(&heading)
        })
    }) else {
        return Vec::new();
    };
    let key_indent =
        indent_of(lines[key_line].trim_start_matches("- ")).max(indent_of(lines[key_line]));
    let mut items = Vec::new();
    let mut item_indent = None;
    let mut start = None;
    let mut end = within.end.min(lines.len());
    for (index, &line) in lines.iter().enumerate().take(end).skip(key_line + 1) {
        let content = line.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = indent_of(line);
        let is_item = content.starts_with("- ") || content == "-";
        if item_indent.is_none() && is_item {
            item_indent = Some(indent);
        }
        if indent < item_indent.unwrap_or(key_indent + 1)
            || (indent == key_indent && !is_item)
            || indent < key_indent
        {
            end = index;
            break;
        }
        if is_item && Some(indent) == item_indent {
            if let Some(from) = start {
                items.push(from..index);
            }
            start = Some(index);
        }
    }
    if let Some(from) = start {
        items.push(from..end);
    }
    items
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn join_numbers(numbers: &[u32]) -> String {
    numbers
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `http://` or `https://` followed by a host with a dot in it.
/// The host of a web address (`https://www.reuters.com/…` → `www.reuters.com`), or
/// `None` when `url` is not one: no http(s) scheme, a host that is not a plain lowercase
/// name (no port, no user, no bidi or control character), or white space anywhere.
pub(super) fn web_host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (is_host(host) && !url.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::{items_under, web_host};

    fn is_web_address(url: &str) -> bool {
        web_host(url).is_some()
    }

    #[test]
    fn web_addresses_need_a_scheme_and_a_host() {
        assert!(is_web_address("https://www.reuters.com/world/europe/x"));
        assert!(!is_web_address("www.reuters.com/x"));
        assert!(!is_web_address("https://localhost/x"));
        assert!(!is_web_address("https://a.com/with space"));
    }

    #[test]
    fn finds_the_items_of_a_nested_list() {
        let text = "versions:\n  - id: a\n    points:\n      - number: 1\n        title: x\n      - number: 2\n    drops: []\n  - id: b\n";
        let lines: Vec<&str> = text.lines().collect();
        let versions = items_under(&lines, 0..lines.len(), "versions");
        assert_eq!(versions, vec![1..7, 7..8]);
        assert_eq!(items_under(&lines, 1..7, "points"), vec![3..5, 5..6]);
    }
}
