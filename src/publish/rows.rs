//! The corpus as rows of the tables of `tables`: one value per cell, lists as rows of
//! their own, every id in the grammar of docs/ids.md.

use std::borrow::Cow;

use crate::model::rendering::{ClauseText, Rendering};
use crate::model::versions::{Account, Point, Version};
use crate::model::{Clause, Corpus, Report};

use super::tables::SCHEMA_VERSION;

/// One cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'c> {
    Null,
    Integer(i64),
    Text(Cow<'c, str>),
}

impl<'c> From<&'c str> for Value<'c> {
    fn from(text: &'c str) -> Self {
        Value::Text(Cow::Borrowed(text))
    }
}

impl<'c> From<&'c String> for Value<'c> {
    fn from(text: &'c String) -> Self {
        Value::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Value<'_> {
    fn from(text: String) -> Self {
        Value::Text(Cow::Owned(text))
    }
}

impl From<u32> for Value<'_> {
    fn from(number: u32) -> Self {
        Value::Integer(i64::from(number))
    }
}

impl From<usize> for Value<'_> {
    fn from(number: usize) -> Self {
        Value::Integer(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

impl<'c, T: Into<Value<'c>>> From<Option<T>> for Value<'c> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Value::Null, Into::into)
    }
}

impl<'c> From<&'c Option<String>> for Value<'c> {
    /// An optional value that is empty is missing, as the CSV package has it too.
    fn from(value: &'c Option<String>) -> Self {
        value
            .as_deref()
            .filter(|text| !text.is_empty())
            .map_or(Value::Null, Value::from)
    }
}

/// A row: its cells in the order of the table's columns.
pub type Row<'c> = Vec<Value<'c>>;

/// Every table's rows, keyed by table name, in the order of `tables::tables()`.
#[derive(Debug, Default)]
pub struct Dataset<'c> {
    pub tables: Vec<(&'static str, Vec<Row<'c>>)>,
}

impl<'c> Dataset<'c> {
    /// The rows of `table` (none if it has none).
    pub fn rows(&self, table: &str) -> &[Row<'c>] {
        self.tables
            .iter()
            .find(|(name, _)| *name == table)
            .map_or(&[], |(_, rows)| rows.as_slice())
    }

    fn push(&mut self, table: &'static str, row: Row<'c>) {
        match self.tables.iter_mut().find(|(name, _)| *name == table) {
            Some((_, rows)) => rows.push(row),
            None => self.tables.push((table, vec![row])),
        }
    }
}

/// Build a row from values of mixed types.
macro_rules! row {
    ($($value:expr),* $(,)?) => {
        vec![$(Value::from($value)),*]
    };
}

/// The id of a clause: `clause-` and its number.
pub fn clause_id(number: u32) -> String {
    format!("clause-{number}")
}

/// The id of a source's report of a clause: `clause-6-kyiv-independent`.
pub fn report_id(number: u32, source: &str) -> String {
    format!("clause-{number}-{source}")
}

/// The id of a version's point: `framework-20:4`, or `geneva-19:p1` for the first point of
/// a version whose points have no numbers.
pub fn point_id(version: &Version, place: usize, point: &Point) -> String {
    match point.number {
        Some(number) => format!("{}:{number}", version.id),
        None => format!("{}:p{}", version.id, place + 1),
    }
}

/// The whole corpus as rows. `tool_version` goes into the `metadata` table.
pub fn dataset<'c>(corpus: &'c Corpus, tool_version: &'static str) -> Dataset<'c> {
    let mut data = Dataset::default();
    plan_rows(corpus, tool_version, &mut data);
    vocabulary_rows(corpus, &mut data);
    source_rows(corpus, &mut data);
    for clause in &corpus.clauses {
        clause_rows(corpus, clause, &mut data);
    }
    position_rows(corpus, &mut data);
    for clause in &corpus.clauses {
        for report in reports_in_source_order(corpus, clause) {
            departure_rows(clause, report, &mut data);
        }
    }
    outlet_rows(corpus, &mut data);
    version_rows(corpus, &mut data);
    data
}

fn plan_rows<'c>(corpus: &'c Corpus, tool_version: &'static str, data: &mut Dataset<'c>) {
    let plan = &corpus.plan;
    let facts: [(&str, Value<'c>); 5] = [
        ("schema_version", SCHEMA_VERSION.to_string().into()),
        ("tool", "peaceplan".into()),
        ("tool_version", tool_version.into()),
        ("plan_id", (&plan.id).into()),
        ("plan_title", (&plan.title).into()),
    ];
    for (key, value) in facts {
        data.push("metadata", vec![Value::from(key), value]);
    }
    data.push(
        "plans",
        row![
            &plan.id,
            &plan.title,
            &plan.presented,
            &plan.text_source,
            plan.clause_count
        ],
    );
    for (place, drafter) in plan.drafted_by.iter().enumerate() {
        data.push("plan_drafters", row![&plan.id, place + 1, drafter]);
    }
}

fn vocabulary_rows<'c>(corpus: &'c Corpus, data: &mut Dataset<'c>) {
    for topic in &corpus.topics {
        data.push("topics", row![&topic.id, &topic.label, &topic.description]);
    }
    for party in &corpus.parties {
        data.push("parties", row![&party.id, &party.label]);
    }
}

fn source_rows<'c>(corpus: &'c Corpus, data: &mut Dataset<'c>) {
    for (place, source) in corpus.sources.iter().enumerate() {
        let kind: &'static str = source.kind.into();
        data.push(
            "sources",
            row![
                &source.id,
                place + 1,
                &source.name,
                &source.publisher,
                &source.headline,
                &source.byline,
                &source.published,
                &source.date_note,
                &source.language,
                kind,
                &source.url,
            ],
        );
        for (place, relayed) in source.via.iter().enumerate() {
            data.push("source_relays", row![&source.id, place + 1, relayed]);
        }
    }
}

/// A clause's reports, in the order of sources.yaml.
fn reports_in_source_order<'c>(corpus: &Corpus, clause: &'c Clause) -> Vec<&'c Report> {
    let mut reports: Vec<&Report> = clause.reports.iter().collect();
    reports.sort_by_key(|report| corpus.source_rank(&report.source));
    reports
}

fn clause_rows<'c>(corpus: &'c Corpus, clause: &'c Clause, data: &mut Dataset<'c>) {
    data.push(
        "clauses",
        row![
            clause.number,
            clause_id(clause.number),
            &clause.title,
            &clause.text
        ],
    );
    for (place, subpoint) in clause.subpoints.iter().enumerate() {
        let row_id = data.rows("clause_subpoints").len() + 1;
        data.push(
            "clause_subpoints",
            row![row_id, clause.number, place + 1, subpoint],
        );
    }
    for topic in &clause.topics {
        data.push("clause_topics", row![clause.number, topic]);
    }
    for party in &clause.parties {
        data.push("clause_parties", row![clause.number, party]);
    }
    let text = ClauseText::of(clause);
    for report in reports_in_source_order(corpus, clause) {
        let id = report_id(clause.number, &report.source);
        let rendering: &'static str = Rendering::of_report(&text, report).into();
        data.push(
            "reports",
            row![
                id.clone(),
                clause.number,
                &report.source,
                rendering,
                &report.summary
            ],
        );
        for (place, passage) in report.wording.iter().enumerate() {
            let row_id = data.rows("wordings").len() + 1;
            data.push("wordings", row![row_id, id.clone(), place + 1, passage]);
        }
        for (place, earlier) in report.earlier_versions.iter().enumerate() {
            data.push(
                "report_earlier_versions",
                row![
                    id.clone(),
                    place + 1,
                    &earlier.was,
                    &earlier.changed_by,
                    &earlier.via
                ],
            );
        }
    }
}

/// Every position, in the order `positions` lists them.
fn position_rows<'c>(corpus: &'c Corpus, data: &mut Dataset<'c>) {
    for (index, reported) in crate::model::all_positions(corpus).into_iter().enumerate() {
        let position = reported.position;
        let number = reported.clause.map(|clause| clause.number);
        let report = number.map(|number| report_id(number, reported.source));
        let stance: &'static str = position.stance.into();
        data.push(
            "positions",
            row![
                index + 1,
                reported.source,
                number,
                report,
                &position.actor,
                &position.party,
                stance,
                &position.summary,
                &position.quote,
                &position.via,
            ],
        );
    }
}

fn departure_rows<'c>(clause: &Clause, report: &'c Report, data: &mut Dataset<'c>) {
    for departure in &report.discrepancies {
        let row_id = data.rows("departures").len() + 1;
        let kind: &'static str = departure.kind.into();
        data.push(
            "departures",
            row![
                row_id,
                report_id(clause.number, &report.source),
                kind,
                &departure.text_says,
                &departure.outlet_says,
                &departure.explanation,
            ],
        );
    }
}

fn outlet_rows<'c>(corpus: &'c Corpus, data: &mut Dataset<'c>) {
    for outlet in &corpus.outlets.outlets {
        let kind: &'static str = outlet.kind.into();
        data.push(
            "outlets",
            row![&outlet.id, &outlet.name, kind, &outlet.country],
        );
        for host in &outlet.hosts {
            data.push("outlet_hosts", row![&outlet.id, host]);
        }
    }
    for reference in &corpus.versions.references {
        data.push(
            "version_references",
            row![
                &reference.id,
                &reference.outlet,
                &reference.read_at,
                &reference.headline,
                &reference.date,
                &reference.url,
            ],
        );
    }
}

fn version_rows<'c>(corpus: &'c Corpus, data: &mut Dataset<'c>) {
    for (place, version) in corpus.versions.versions.iter().enumerate() {
        let status: &'static str = version.text_status.into();
        data.push(
            "versions",
            row![
                &version.id,
                place + 1,
                &version.title,
                &version.date,
                &version.date_note,
                status,
                version.declared_points,
                &version.summary,
            ],
        );
        for (place, drafter) in version.drafted_by.iter().enumerate() {
            data.push("version_drafters", row![&version.id, place + 1, drafter]);
        }
        for (place, relay) in version.relayed_by.iter().enumerate() {
            data.push("version_relays", row![&version.id, place + 1, relay]);
        }
        for reference in &version.cite {
            data.push("version_citations", row![&version.id, reference]);
        }
        for (place, point) in version.points.iter().enumerate() {
            point_rows(version, place, point, data);
        }
        for account in &version.accounts {
            account_row(version, None, account, data);
        }
        for (place, point) in version.points.iter().enumerate() {
            let id = point_id(version, place, point);
            for account in &point.accounts {
                account_row(version, Some(id.clone()), account, data);
            }
        }
        for dropped in &version.drops {
            data.push("drops", row![&version.id, dropped.clause, &dropped.summary]);
            for reference in &dropped.cite {
                data.push(
                    "drop_citations",
                    row![&version.id, dropped.clause, reference],
                );
            }
        }
    }
}

fn point_rows<'c>(version: &'c Version, place: usize, point: &'c Point, data: &mut Dataset<'c>) {
    let id = point_id(version, place, point);
    let key = data.rows("points").len() + 1;
    let lineage: &'static str = point.lineage.kind.into();
    data.push(
        "points",
        row![
            key,
            id.clone(),
            &version.id,
            place + 1,
            point.number,
            &point.title,
            &point.summary,
            lineage,
            &point.lineage.note,
        ],
    );
    for (place, figure) in point.figures.iter().enumerate() {
        data.push("point_figures", row![id.clone(), place + 1, figure]);
    }
    for topic in &point.topics {
        data.push("point_topics", row![id.clone(), topic]);
    }
    for party in &point.parties {
        data.push("point_parties", row![id.clone(), party]);
    }
    for &clause in &point.lineage.from {
        data.push("point_origins", row![id.clone(), clause]);
    }
    for (place, change) in point.lineage.figures_changed.iter().enumerate() {
        data.push(
            "point_figure_changes",
            row![id.clone(), place + 1, &change.was, &change.now],
        );
    }
    for reference in &point.cite {
        data.push("point_citations", row![id.clone(), reference]);
    }
}

fn account_row<'c>(
    version: &'c Version,
    point: Option<String>,
    account: &'c Account,
    data: &mut Dataset<'c>,
) {
    let row_id = data.rows("accounts").len() + 1;
    let aspect: &'static str = account.differs_in.into();
    data.push(
        "accounts",
        row![
            row_id,
            &version.id,
            point,
            &account.cite,
            &account.says,
            aspect
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::tables::tables;

    #[test]
    fn every_row_has_a_value_for_each_column_of_its_table_and_only_known_tables_have_rows() {
        let corpus = crate::corpus::load(None).unwrap();
        let data = dataset(&corpus, "test");
        let tables = tables();
        for (name, rows) in &data.tables {
            let table = tables
                .iter()
                .find(|table| table.name == *name)
                .unwrap_or_else(|| panic!("rows for a table not in tables(): {name}"));
            for row in rows {
                assert_eq!(row.len(), table.columns.len(), "a row of {name}: {row:?}");
                for (value, column) in row.iter().zip(&table.columns) {
                    if column.required {
                        assert_ne!(*value, Value::Null, "{name}.{} is required", column.name);
                    }
                }
            }
        }
        assert_eq!(data.rows("clauses").len(), corpus.clauses.len());
    }
}
