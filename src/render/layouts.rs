//! The table layout of each kind of output record.

use comfy_table::{Attribute, Cell, Table};

use super::Style;
use super::table::{data_cell, new_table, visible};
use crate::model::{Corpus, Discrepancy, EarlierVersion, Position, Report};
use crate::records::{ClauseDetail, ClauseRecord, SourceRecord, VocabularyRecord};

/// `list`: one row per clause.
pub fn clause_table(records: &[ClauseRecord], style: Style) -> Table {
    let mut table = new_table(style, &["#", "Title", "Topics", "Parties", "Reported by"]);
    for record in records {
        table.add_row(vec![
            Cell::new(record.number),
            data_cell(record.title),
            data_cell(&record.topics.join(", ")),
            data_cell(&record.parties.join(", ")),
            data_cell(&record.sources.join(", ")),
        ]);
    }
    table
}

/// `show`: a heading and a field table for the clause, then one for each report.
pub fn clause_details(corpus: &Corpus, detail: &ClauseDetail, style: Style) -> String {
    let clause = &detail.clause;
    let mut table = new_table(style, &[]);
    table.add_row(vec![label_cell("Text", style), data_cell(clause.text)]);
    if !clause.subpoints.is_empty() {
        table.add_row(vec![
            label_cell("Sub-points", style),
            data_cell(&bulleted(clause.subpoints.iter().map(String::as_str))),
        ]);
    }
    table.add_row(vec![
        label_cell("Topics", style),
        data_cell(&clause.topics.join(", ")),
    ]);
    table.add_row(vec![
        label_cell("Parties", style),
        data_cell(&clause.parties.join(", ")),
    ]);
    table.add_row(vec![
        label_cell("Reported by", style),
        data_cell(&or_none(&clause.sources.join(", "))),
    ]);
    let mut text = format!(
        "{}\n{table}\n",
        heading(
            &format!("Clause {} · {}", clause.number, visible(clause.title)),
            style
        )
    );
    for report in detail.reports {
        let outlet = corpus
            .sources
            .iter()
            .find(|source| source.id == report.source)
            .map_or(report.source.as_str(), |source| source.name.as_str());
        text.push_str(&format!(
            "{}\n{}\n",
            heading(
                &format!("  Reported by {} ({})", report.source, visible(outlet)),
                style
            ),
            report_table(report, style)
        ));
    }
    text
}

fn report_table(report: &Report, style: Style) -> Table {
    let mut table = new_table(style, &[]);
    let wording = report
        .wording
        .iter()
        .map(|passage| format!("“{passage}”"))
        .collect::<Vec<_>>()
        .join("\n");
    table.add_row(vec![label_cell("Wording", style), data_cell(&wording)]);
    table.add_row(vec![
        label_cell("Summary", style),
        data_cell(&report.summary),
    ]);
    if !report.positions.is_empty() {
        table.add_row(vec![
            label_cell("Positions", style),
            data_cell(
                &report
                    .positions
                    .iter()
                    .map(describe_position)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ]);
    }
    if !report.discrepancies.is_empty() {
        table.add_row(vec![
            label_cell("Departs from text", style),
            data_cell(
                &report
                    .discrepancies
                    .iter()
                    .map(describe_discrepancy)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ]);
    }
    if !report.earlier_versions.is_empty() {
        table.add_row(vec![
            label_cell("Earlier versions", style),
            data_cell(
                &report
                    .earlier_versions
                    .iter()
                    .map(describe_earlier_version)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ]);
    }
    table
}

/// One position as a line: stance, actor and party, what they said, and the quote.
pub fn describe_position(position: &Position) -> String {
    let mut line = format!(
        "• {} — {} [{}]: {}",
        position.stance, position.actor, position.party, position.summary
    );
    if let Some(quote) = &position.quote {
        line.push_str(&format!(" “{quote}”"));
    }
    if let Some(via) = &position.via {
        line.push_str(&format!(" (via {via})"));
    }
    line
}

fn describe_discrepancy(discrepancy: &Discrepancy) -> String {
    format!(
        "• {}: text says “{}”; outlet says “{}”. {}",
        discrepancy.kind, discrepancy.text_says, discrepancy.outlet_says, discrepancy.explanation
    )
}

fn describe_earlier_version(version: &EarlierVersion) -> String {
    let mut line = format!("• was: {}", version.was);
    if let Some(changed_by) = &version.changed_by {
        line.push_str(&format!("; changed by {changed_by}"));
    }
    if let Some(via) = &version.via {
        line.push_str(&format!(" (via {via})"));
    }
    line
}

/// `topics` and `parties`: id, label, clause count and, for topics, the description.
pub fn vocabulary_table(records: &[VocabularyRecord], style: Style) -> Table {
    let with_descriptions = records.iter().any(|record| record.description.is_some());
    let mut headers = vec!["Id", "Label", "Clauses"];
    if with_descriptions {
        headers.push("Description");
    }
    let mut table = new_table(style, &headers);
    for record in records {
        let mut row = vec![
            data_cell(record.id),
            data_cell(record.label),
            Cell::new(record.clauses),
        ];
        if let Some(description) = record.description {
            row.push(data_cell(description));
        }
        table.add_row(row);
    }
    table
}

/// `sources`: the outlets, what kind of article each is, and how many clauses it reports.
pub fn source_table(records: &[SourceRecord], style: Style) -> Table {
    let mut table = new_table(
        style,
        &["Id", "Outlet", "Kind", "Published", "Byline", "Clauses"],
    );
    for record in records {
        table.add_row(vec![
            data_cell(record.id),
            data_cell(record.name),
            Cell::new(record.kind),
            data_cell(record.published.unwrap_or("not printed")),
            data_cell(record.byline.unwrap_or("none")),
            Cell::new(record.clauses),
        ]);
    }
    table
}

fn label_cell(text: &str, style: Style) -> Cell {
    let cell = Cell::new(text);
    if style.color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

fn heading(text: &str, style: Style) -> String {
    if style.color {
        format!("\u{1b}[1m{text}\u{1b}[0m")
    } else {
        text.to_owned()
    }
}

fn bulleted<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|item| format!("• {item}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn or_none(text: &str) -> String {
    if text.is_empty() {
        "none".to_owned()
    } else {
        text.to_owned()
    }
}
