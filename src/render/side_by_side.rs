//! The text layout of `compare`: per clause, a heading, then a table with the plan's
//! text and each outlet's wording in rows, so they can be read against each other.

use std::fmt::Write as _;

use super::Style;
use super::table::{Cell, Table, data_cell, new_table, visible};
use crate::records::compare::RenderingRecord;

/// Every clause's renderings, a heading and a table each, fitted to the style's width.
pub fn side_by_side(records: &[RenderingRecord], style: Style) -> String {
    let mut text = String::new();
    let mut clauses: Vec<u32> = records.iter().map(|record| record.clause).collect();
    clauses.dedup();
    for (index, &number) in clauses.iter().enumerate() {
        let rows: Vec<&RenderingRecord> = records
            .iter()
            .filter(|record| record.clause == number)
            .collect();
        if index > 0 {
            text.push('\n');
        }
        let heading = format!("Clause {number} · {}", visible(rows[0].title));
        for line in textwrap::wrap(&heading, usize::from(style.width)) {
            let _ = writeln!(text, "{line}");
        }
        let _ = writeln!(text, "{}", clause_table(&rows, style));
    }
    text
}

/// `text` with its runs of whitespace made single spaces, for comparing wordings.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clause_table(rows: &[&RenderingRecord], style: Style) -> Table {
    let mut table = new_table(style, &["Source", "Wording", "Departures"]);
    let the_text = rows
        .iter()
        .find(|record| record.shared_percent.is_none() && record.reported)
        .map(|record| collapsed(&record.wording));
    for record in rows {
        let source = match record.shared_percent {
            Some(percent) => format!("{}\n{percent}% shared", record.source),
            None => record.source.to_owned(),
        };
        let is_the_text = record.shared_percent.is_some()
            && the_text.as_deref() == Some(collapsed(&record.wording).as_str());
        let wording = if !record.reported {
            "(not reported)".to_owned()
        } else if is_the_text {
            "= text (word for word)".to_owned()
        } else {
            record.wording.clone()
        };
        let mut departures: Vec<String> = record
            .departures
            .iter()
            .map(|departure| format!("• {departure}"))
            .collect();
        if record.shared_percent == Some(100) && !departures.is_empty() {
            departures.push(
                "(the wording shares every word with the text: the departure is in what the \
                 article says besides it)"
                    .to_owned(),
            );
        }
        let departures = departures.join("\n");
        table.add_row(vec![
            Cell::new(source),
            data_cell(&wording),
            data_cell(&departures),
        ]);
    }
    table.at_least(0, 9);
    table
}
