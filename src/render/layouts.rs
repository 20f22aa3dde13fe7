//! The table layout of each kind of output record.

use super::Style;
use super::table::{
    Cell, Table, data_cell, heading, highlighted_cell, new_table, rows_of, visible,
};
use crate::model::rendering::Rendering;
use crate::model::{Corpus, Discrepancy, EarlierVersion, Position, Report};
use crate::records::search::Hit;
use crate::records::{
    ActorRecord, ClauseDetail, ClauseRecord, DepartureRecord, DetectedFigureRecord, MatrixRecord,
    PositionRecord, SourceRecord, VocabularyRecord,
};
use crate::text::escape::quoted;

/// `list`: one row per clause.
pub fn clause_table(records: &[ClauseRecord], style: Style) -> Table {
    let mut table = new_table(style, &["#", "Title", "Topics", "Parties", "Reported by"]);
    table.add_rows(rows_of(records, |record| {
        vec![
            Cell::new(record.number),
            data_cell(record.title),
            data_cell(&record.topics.join(", ")),
            data_cell(&record.parties.join(", ")),
            data_cell(&record.sources.join(", ")),
        ]
    }));
    table.keep_whole(&[0]);
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
        .map(|passage| quoted(passage))
        .collect::<Vec<_>>()
        .join("\n");
    table.add_row(vec![label_cell("Wording", style), data_cell(&wording)]);
    table.add_row(vec![
        label_cell("Summary", style),
        data_cell(&report.summary),
    ]);
    add_lines_row(
        &mut table,
        "Positions",
        report.positions.iter().map(describe_position),
        style,
    );
    add_lines_row(
        &mut table,
        "Departs from text",
        report.discrepancies.iter().map(describe_discrepancy),
        style,
    );
    add_lines_row(
        &mut table,
        "Earlier versions",
        report.earlier_versions.iter().map(describe_earlier_version),
        style,
    );
    table
}

/// A row labelled `label` holding `lines` one under another; no row when there are none.
fn add_lines_row(
    table: &mut Table,
    label: &str,
    lines: impl Iterator<Item = String>,
    style: Style,
) {
    let lines: Vec<String> = lines.collect();
    if !lines.is_empty() {
        table.add_row(vec![label_cell(label, style), data_cell(&lines.join("\n"))]);
    }
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
        "• {}: text says {}; outlet says {}. {}",
        discrepancy.kind,
        quoted(&discrepancy.text_says),
        quoted(&discrepancy.outlet_says),
        discrepancy.explanation
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

/// `positions`: one row per reported position.
pub fn position_table(records: &[PositionRecord], style: Style) -> Table {
    let mut table = new_table(
        style,
        &["Clause", "Source", "Actor (party)", "Stance", "Said"],
    );
    for record in records {
        let mut said = record.summary.to_owned();
        if let Some(quote) = record.quote {
            said.push_str(&format!("\n“{quote}”"));
        }
        if let Some(via) = record.via {
            said.push_str(&format!("\n(via {via})"));
        }
        table.add_row(vec![
            Cell::new(record.clause.map_or("plan".to_owned(), |n| n.to_string())),
            data_cell(record.source),
            data_cell(&format!("{}\n[{}]", record.actor, record.party)),
            Cell::new(record.stance),
            data_cell(&said),
        ]);
    }
    table.keep_whole(&[0, 3]);
    table.at_least(1, 11);
    table.at_least(2, 16);
    table
}

/// Where a search matched in a passage: byte ranges, in order, not overlapping.
pub type Highlighter<'a> = &'a (dyn Fn(&str) -> Vec<(usize, usize)> + Sync);

/// `search`: one row per matching field, each passage with what matched painted when
/// colour is on (inside the cell, so the table wraps the painted words as it would plain).
pub fn search_table(hits: &[Hit], style: Style, highlights: Highlighter) -> Table {
    let mut table = new_table(style, &["Clause", "Source", "Field", "Passage"]);
    table.add_rows(rows_of(hits, |hit| {
        let clause = match (hit.clause, hit.field) {
            (Some(number), _) => number.to_string(),
            (None, "headline" | "version_summary" | "account" | "drop") => "-".to_owned(),
            (None, _) => "plan".to_owned(),
        };
        vec![
            Cell::new(clause),
            data_cell(&hit.source),
            Cell::new(hit.field),
            match (&hit.said, style.color) {
                (Some(said), true) => {
                    highlighted_cell(&format!("{}\nsaid: {said}", hit.passage), highlights)
                }
                (Some(said), false) => data_cell(&format!("{}\nsaid: {said}", hit.passage)),
                (None, true) => highlighted_cell(&hit.passage, highlights),
                (None, false) => data_cell(&hit.passage),
            },
        ]
    }));
    table.keep_whole(&[0, 2]);
    table.at_least(1, 11);
    table
}

/// `matrix`: clauses down, sources across, a mark per cell, totals in the last rows and
/// the `Σ` column (how many outlets report the clause). Titles come last and are cut to one line, so that the grid fits
/// a narrow terminal.
pub fn matrix_table(record: &MatrixRecord, style: Style) -> Table {
    let source_headers: Vec<String> = match matrix_column_letters(record, style) {
        Some(letters) => letters,
        // Source ids break after their hyphens, so the mark columns stay narrow.
        None => record
            .sources
            .iter()
            .map(|source| source.replace('-', "-\n"))
            .collect(),
    };
    let mut headers = vec!["#"];
    headers.extend(source_headers.iter().map(String::as_str));
    headers.extend(["Σ", "Title"]);
    let mut table = new_table(style, &headers);
    table.set_truncation_indicator("…");
    for row in &record.rows {
        let mut cells = vec![Cell::new(row.number)];
        cells.extend(
            row.dense(record.sources.len())
                .map(|(rendering, departures)| Cell::new(cell_mark(rendering, departures))),
        );
        cells.extend([Cell::new(row.reported), data_cell(row.title)]);
        table.add_row(cells);
        single_line(&mut table);
    }
    let mut reported = vec![Cell::new("Σ")];
    reported.extend(record.totals.iter().map(|total| Cell::new(total.reported)));
    reported.extend([Cell::new(""), label_cell("clauses reported", style)]);
    table.add_row(reported);
    single_line(&mut table);
    let mut breakdown = vec![Cell::new("")];
    breakdown.extend(record.totals.iter().map(|total| {
        Cell::new(format!(
            "{}/{}/{}",
            total.reproduced, total.paraphrased, total.departs
        ))
    }));
    breakdown.extend([Cell::new(""), label_cell("= / ~ / ≠", style)]);
    table.add_row(breakdown);
    single_line(&mut table);
    if record
        .totals
        .iter()
        .any(|total| total.reproduced_with_departures > 0)
    {
        let mut elsewhere = vec![Cell::new("")];
        elsewhere.extend(
            record
                .totals
                .iter()
                .map(|total| Cell::new(total.reproduced_with_departures)),
        );
        elsewhere.extend([Cell::new(""), label_cell(REPRODUCED_DEPARTING_MARK, style)]);
        table.add_row(elsewhere);
        single_line(&mut table);
    }
    let whole: Vec<usize> = (0..=record.sources.len() + 1).collect();
    table.keep_whole(&whole);
    table
}

fn single_line(table: &mut Table) {
    table.last_row_on_one_line();
}

/// The mark of a clause reproduced word for word by an article that departs from the
/// text elsewhere (a recorded departure outside the reproduced passages).
const REPRODUCED_DEPARTING_MARK: &str = "=*";

/// A cell's mark: the rendering's, with `*` on a reproduced clause whose report records
/// a departure.
fn cell_mark(rendering: Rendering, departures: usize) -> &'static str {
    if rendering == Rendering::Reproduced && departures > 0 {
        REPRODUCED_DEPARTING_MARK
    } else {
        rendering.mark()
    }
}

/// The least room a matrix leaves for its titles before its outlet columns are headed by
/// letters instead of ids.
const MATRIX_TITLE_ROOM: usize = 30;

/// Letters (A, B, … Z, AA, AB, …) to head the outlet columns with, where the outlets' ids
/// would leave the titles less than `MATRIX_TITLE_ROOM` characters; `None` where the ids fit.
fn matrix_column_letters(record: &MatrixRecord, style: Style) -> Option<Vec<String>> {
    let id_columns: usize = record
        .sources
        .iter()
        .map(|source| {
            source
                .split('-')
                .map(|part| part.chars().count() + 1)
                .max()
                .unwrap_or(1)
                .max(2)
        })
        .sum();
    // `#`, Σ and the title, besides the outlets: borders and padding of 3 per column.
    let frame = 3 * (record.sources.len() + 3) + 1;
    let room = usize::from(style.width).saturating_sub(frame + id_columns + 2 + 1);
    (room < MATRIX_TITLE_ROOM).then(|| (0..record.sources.len()).map(column_letter).collect())
}

/// The spreadsheet-style name of column `index`: A … Z, AA, AB, …
fn column_letter(index: usize) -> String {
    let mut name = Vec::new();
    let mut rest = index + 1;
    while rest > 0 {
        rest -= 1;
        name.push(char::from(b'A' + (rest % 26) as u8));
        rest /= 26;
    }
    name.iter().rev().collect()
}

/// The key to a matrix's lettered outlet columns (`A al-mayadeen · B …`), wrapped to the
/// style's width; `None` where the columns are headed by the outlets' ids.
pub fn matrix_columns_key(record: &MatrixRecord, style: Style) -> Option<String> {
    let letters = matrix_column_letters(record, style)?;
    // Each letter stays on the line of its id.
    let mut key = String::from("Outlets:");
    let mut line = key.len();
    for (letter, source) in letters.iter().zip(&record.sources) {
        let item = format!("{letter} {}", visible(source));
        let width = item.chars().count();
        let joint = if key.len() == "Outlets:".len() {
            " "
        } else {
            " · "
        };
        if line + joint.chars().count() + width > usize::from(style.width) {
            key.push('\n');
            line = 0;
        } else {
            key.push_str(joint);
            line += joint.chars().count();
        }
        key.push_str(&item);
        line += width;
    }
    Some(key)
}

/// The legend printed under a matrix table, wrapped to the style's width.
pub fn matrix_legend(style: Style) -> String {
    let marks = [
        (Rendering::Reproduced, "reproduced the text"),
        (Rendering::Paraphrased, "paraphrased"),
        (Rendering::Departs, "departs from the text"),
        (Rendering::NotReported, "not reported"),
    ];
    let mut legend: Vec<String> = marks
        .iter()
        .map(|(rendering, meaning)| format!("{} {meaning}", rendering.mark()))
        .collect();
    legend.push(format!(
        "{REPRODUCED_DEPARTING_MARK} reproduced, with a departure recorded elsewhere in the article"
    ));
    legend.push("Σ outlets reporting a clause / clauses an outlet reports".to_owned());
    let options = textwrap::Options::new(usize::from(style.width))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(&legend.join(" · "), options)
}

fn label_cell(text: &str, style: Style) -> Cell {
    let cell = Cell::new(text);
    if style.color { cell.bold() } else { cell }
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

/// `departures`: one row per recorded departure, the text's and the outlet's words and why
/// they differ.
pub fn departure_table(records: &[DepartureRecord], style: Style) -> Table {
    let mut table = new_table(style, &["Clause", "Source", "Kind", "Departure"]);
    for record in records {
        let departure = format!(
            "Text: “{}”\nOutlet: “{}”\n{}",
            record.text_says, record.outlet_says, record.explanation
        );
        table.add_row(vec![
            Cell::new(record.clause),
            data_cell(record.source),
            Cell::new(record.kind),
            data_cell(&departure),
        ]);
    }
    table.keep_whole(&[0, 2]);
    table.at_least(1, 11);
    table
}

/// `departures --detected`: one row per report whose wording gives figures its clause
/// does not, labelled as detected rather than recorded.
pub fn detected_figure_table(records: &[DetectedFigureRecord], style: Style) -> Table {
    let mut table = new_table(
        style,
        &[
            "Clause",
            "Source",
            "Detected figure",
            "Text's figures",
            "Outlet says",
        ],
    );
    for record in records {
        let outlet_says: Vec<String> = record
            .outlet_says
            .iter()
            .map(|passage| format!("“{passage}”"))
            .collect();
        table.add_row(vec![
            Cell::new(record.clause),
            data_cell(record.source),
            data_cell(&record.outlet_figures.join(", ")),
            data_cell(&record.text_figures.join(", ")),
            data_cell(&outlet_says.join("\n")),
        ]);
    }
    table.keep_whole(&[0]);
    table.at_least(1, 11);
    table
}

/// `actors`: one row per actor, with party, number of positions and outlets.
pub fn actor_table(records: &[ActorRecord], style: Style) -> Table {
    let mut table = new_table(style, &["Actor", "Party", "Positions", "Reported by"]);
    for record in records {
        table.add_row(vec![
            data_cell(record.actor),
            data_cell(record.party),
            Cell::new(record.positions),
            data_cell(&record.sources.join(", ")),
        ]);
    }
    table.keep_whole(&[2]);
    table
}
