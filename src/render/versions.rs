//! The table layouts of the version commands: `versions`, `lineage`, the points of a
//! version (`list` and `show --plan`), `diff --plans` and `matrix --versions`.

use super::Style;
use super::table::{Cell, Table, data_cell, heading, new_table, visible};
use crate::model::versions::FigureChange;
use crate::records::versions::{
    AccountRecord, Chain, Citation, ClauseFates, Fate, LineageRecord, PointRecord, Step,
    VersionComparison, VersionMatrix, VersionRecord,
};

/// Below this width the clauses each version leaves out are listed under the table
/// rather than in a column of it, which would be a few characters wide.
const LEFT_OUT_COLUMN_FROM_WIDTH: u16 = 110;

/// `versions`: one row per version (id, date, text status, points, the clauses it leaves
/// out, sources); in a narrow terminal the clauses left out follow the table, a line each.
pub fn version_text(records: &[VersionRecord], style: Style) -> String {
    let in_column = style.width >= LEFT_OUT_COLUMN_FROM_WIDTH;
    let mut headers = vec!["Id", "Date", "Status", "Points"];
    if in_column {
        headers.push("Clauses left out");
    }
    headers.push("Sources");
    let mut table = new_table(style, &headers);
    for record in records {
        let points = if record.points_recorded as u32 == record.declared_points {
            record.declared_points.to_string()
        } else {
            format!(
                "{} ({} recorded)",
                record.declared_points, record.points_recorded
            )
        };
        let mut row = vec![
            data_cell(record.id),
            data_cell(record.date.unwrap_or("unknown")),
            data_cell(&record.text_status.to_string()),
            data_cell(&points),
        ];
        if in_column {
            row.push(data_cell(&left_out(record)));
        }
        row.push(data_cell(&or_none(&outlets(&record.sources))));
        table.add_row(row);
    }
    table.keep_whole(&[0, 1]);
    let mut text = format!("{table}\n");
    if !in_column {
        text.push_str("Clauses left out:\n");
        for record in records {
            let line = format!("  {}: {}", visible(record.id), left_out(record));
            text.push_str(&heading(&line, style));
            text.push('\n');
        }
    }
    text
}

/// `lineage`: the point asked for (if any), then for each clause a heading and one row
/// per version.
pub fn lineage_text(record: &LineageRecord, style: Style) -> String {
    let mut text = String::new();
    if let Some(point) = &record.point {
        let line = format!(
            "{} point {} · {} ({} {})",
            point.version,
            number_or_dash(point.number),
            visible(point.title),
            point.lineage,
            if point.from.is_empty() {
                "of no clause".to_owned()
            } else {
                format!("from clause {}", numbers(point.from))
            }
        );
        text.push_str(&format!("{}\n\n", heading(&line, style)));
    }
    for (index, chain) in record.chains.iter().enumerate() {
        if index > 0 {
            text.push('\n');
        }
        text.push_str(&chain_text(chain, style));
    }
    text
}

fn chain_text(chain: &Chain, style: Style) -> String {
    let mut table = new_table(
        style,
        &["Version", "Date", "Fate", "What it says", "Sources"],
    );
    for step in &chain.steps {
        table.add_row(vec![
            data_cell(step.version),
            data_cell(step.date.unwrap_or("unknown")),
            data_cell(step.fate.name()),
            data_cell(&step_description(step, chain)),
            data_cell(&or_none(&step_sources(step))),
        ]);
        // Where reports differ, each account gets a row of its own, under its version.
        for account in step.points.iter().flat_map(|point| &point.accounts) {
            table.add_row(vec![
                Cell::new(""),
                data_cell(account.source.date.unwrap_or("undated")),
                Cell::new("account"),
                data_cell(&format!("{}: {}", account.differs_in, account.says)),
                data_cell(account.source.outlet),
            ]);
        }
    }
    table.keep_whole(&[0, 1, 2]);
    format!(
        "{}\n{table}\n{}\n",
        heading(
            &format!("Clause {} · {}", chain.clause, visible(chain.title)),
            style
        ),
        heading(
            "(every source's headline, date and web address: --format json)",
            style
        )
    )
}

fn step_description(step: &Step, chain: &Chain) -> String {
    if step.fate == Fate::Original {
        return chain.text.to_owned();
    }
    if let Some(drop) = &step.drop {
        return drop.summary.to_owned();
    }
    if step.points.is_empty() {
        return match step.fate {
            Fate::Absent => "No point of this version derives from it.".to_owned(),
            _ => "The reports recorded do not say.".to_owned(),
        };
    }
    step.points
        .iter()
        .map(point_line)
        .collect::<Vec<_>>()
        .join("\n")
}

fn point_line(point: &PointRecord) -> String {
    let mut line = format!("Point {}: {}", number_or_dash(point.number), point.summary);
    if !point.figures_changed.is_empty() {
        line.push_str(&format!(" [{}]", changes(point.figures_changed)));
    }
    if !point.accounts.is_empty() {
        line.push_str(" Reports differ (below).");
    }
    line
}

fn account_line(account: &AccountRecord) -> String {
    format!(
        "{} ({}, {}): {}",
        account.source.outlet,
        account.differs_in,
        account.source.date.unwrap_or("undated"),
        account.says
    )
}

/// The clauses a version leaves out: those reports say it drops, and those no recorded
/// point derives from (absent, when every point is recorded).
fn left_out(record: &VersionRecord) -> String {
    let mut parts = Vec::new();
    if !record.drops.is_empty() {
        parts.push(format!("dropped: {}", numbers(&record.drops)));
    }
    if !record.without_counterpart.is_empty() {
        let complete = record.points_recorded as u32 >= record.declared_points;
        let label = if complete {
            "absent"
        } else {
            "not in the points recorded"
        };
        parts.push(format!(
            "{label}: {}",
            number_ranges(&record.without_counterpart)
        ));
    }
    or_none(&parts.join("; "))
}

/// The sources of a step: of its drop, else of its points, else of the version.
fn step_sources(step: &Step) -> String {
    let references: Vec<&Citation> = match (&step.drop, step.points.as_slice()) {
        (Some(drop), _) => drop.sources.iter().collect(),
        (None, []) => step.sources.iter().collect(),
        (None, points) => points
            .iter()
            .flat_map(|point| point.sources.iter())
            .collect(),
    };
    let reports = match (&step.drop, step.points.as_slice()) {
        (Some(drop), _) => drop.reports,
        (None, [point]) => point.reports,
        _ => 0,
    };
    format!("{}{}", outlets_at_most(&references, 3), one_report(reports))
}

/// The mark of a fact that rests on one report (data/CODEBOOK.md, section 7).
fn one_report(reports: usize) -> &'static str {
    if reports == 1 { "\n(one report)" } else { "" }
}

/// The outlets of the references, the first `limit` of them, and how many more.
fn outlets_at_most(references: &[&Citation], limit: usize) -> String {
    let names = outlet_names(references);
    if names.len() <= limit {
        return names.join("\n");
    }
    format!(
        "{}\nand {} more",
        names[..limit].join("\n"),
        names.len() - limit
    )
}

/// `list --plan`: one row per point.
pub fn point_table(records: &[PointRecord], style: Style) -> Table {
    let mut table = new_table(
        style,
        &["#", "Title", "Lineage", "Figures", "Topics", "Sources"],
    );
    for record in records {
        let lineage = if record.from.is_empty() {
            record.lineage.to_string()
        } else {
            format!("{} from {}", record.lineage, numbers(record.from))
        };
        table.add_row(vec![
            Cell::new(number_or_dash(record.number)),
            data_cell(record.title),
            data_cell(&lineage),
            data_cell(&record.figures.join(", ")),
            data_cell(&record.topics.join(", ")),
            data_cell(&or_none(&outlets(&record.sources))),
        ]);
    }
    table.keep_whole(&[0]);
    table
}

/// `show --plan`: a heading and a field table per point.
pub fn point_details(record: &PointRecord, style: Style) -> String {
    let mut table = new_table(style, &[]);
    let mut row = |label: &str, value: String| {
        if !value.is_empty() {
            table.add_row(vec![Cell::new(label), data_cell(&value)]);
        }
    };
    row("Summary", record.summary.to_owned());
    row("Figures", record.figures.join(", "));
    row("Topics", record.topics.join(", "));
    row("Parties", record.parties.join(", "));
    row(
        "Lineage",
        if record.from.is_empty() {
            record.lineage.to_string()
        } else {
            format!("{} from clause {}", record.lineage, numbers(record.from))
        },
    );
    row("Figures changed", changes(record.figures_changed));
    row("Note", record.note.unwrap_or("").to_owned());
    row(
        "Sources",
        format!("{}{}", cited(&record.sources), one_report(record.reports)),
    );
    row(
        "Accounts differ",
        record
            .accounts
            .iter()
            .map(|account| format!("{} {}", account_line(account), account.source.url))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let line = format!(
        "{} point {} · {}",
        record.version,
        number_or_dash(record.number),
        visible(record.title)
    );
    format!("{}\n{table}\n", heading(&line, style))
}

/// What a diff of versions says of a clause's figures. A change (`was → now`) only where
/// the data records one, since only a coder can say that two figures count the same thing
/// (a 50:50 power split and a 50/50 joint venture do not); otherwise the figures each side
/// gives that the other does not, side by side.
fn figure_cell(comparison: &VersionComparison, clause: &ClauseFates) -> String {
    let recorded: Vec<String> = if clause.a.fate == Fate::Original {
        clause
            .b
            .points
            .iter()
            .flat_map(|point| point.figures_changed.iter())
            .map(|change| format!("{} → {}", change.was, change.now))
            .collect()
    } else {
        Vec::new()
    };
    if !recorded.is_empty() {
        return recorded.join("; ");
    }
    let sides = [
        (comparison.a, &clause.figures_only_in_a),
        (comparison.b, &clause.figures_only_in_b),
    ];
    sides
        .iter()
        .filter(|(_, figures)| !figures.is_empty())
        .map(|(version, figures)| format!("{version}: {}", figures.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `diff --plans`: one row per clause, then the points new in either version.
pub fn version_diff_text(comparison: &VersionComparison, style: Style) -> String {
    let counts: Vec<String> = comparison
        .summary
        .iter()
        .map(|count| format!("{} {}", count.fate.name(), count.clauses))
        .collect();
    let mut text = format!(
        "diff {} {}: {} clauses; in {}: {}\n",
        comparison.a,
        comparison.b,
        comparison.clauses.len(),
        comparison.b,
        counts.join(", ")
    );
    let mut table = new_table(
        style,
        &[
            "#",
            "Title",
            comparison.a,
            comparison.b,
            "Figures",
            &format!("Points in {}", comparison.b),
        ],
    );
    for clause in &comparison.clauses {
        let figures = figure_cell(comparison, clause);
        table.add_row(vec![
            Cell::new(clause.clause),
            data_cell(clause.title),
            data_cell(clause.a.fate.name()),
            data_cell(clause.b.fate.name()),
            data_cell(&figures),
            data_cell(
                &clause
                    .b
                    .points
                    .iter()
                    .map(|point| format!("{} {}", number_or_dash(point.number), point.title))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ]);
    }
    table.keep_whole(&[0, 2, 3]);
    text.push_str(&format!("{table}\n"));
    for (version, points) in [
        (comparison.a, &comparison.new_in_a),
        (comparison.b, &comparison.new_in_b),
    ] {
        for point in points {
            text.push_str(&format!(
                "new in {version}: point {} · {}\n",
                number_or_dash(point.number),
                visible(point.title)
            ));
        }
    }
    text
}

/// `matrix --versions`: a clause × version grid of fates.
pub fn version_matrix_table(matrix: &VersionMatrix, style: Style) -> Table {
    let mut headers = vec!["#"];
    headers.extend(matrix.versions.iter().copied());
    headers.push("Title");
    let mut table = new_table(style, &headers);
    for row in &matrix.rows {
        let mut cells = vec![Cell::new(
            row.clause
                .map_or_else(|| "new".to_owned(), |n| n.to_string()),
        )];
        cells.extend(row.cells.iter().map(|cell| {
            let points: Vec<String> = cell
                .points
                .iter()
                .map(|number| number_or_dash(*number))
                .collect();
            let mark = fate_mark(cell.fate);
            Cell::new(if points.is_empty() || cell.fate == Fate::Original {
                mark.to_owned()
            } else {
                format!("{mark} {}", points.join(","))
            })
        }));
        cells.push(data_cell(row.title));
        table.add_row(cells);
    }
    let whole: Vec<usize> = (0..=matrix.versions.len()).collect();
    table.keep_whole(&whole);
    table
}

/// The legend under `matrix --versions`.
pub fn version_matrix_legend() -> &'static str {
    "= original · k kept · a amended · m merged · s split · x dropped · - absent · ? not reported · + new; numbers are the version's points"
}

fn fate_mark(fate: Fate) -> &'static str {
    match fate {
        Fate::Original => "=",
        Fate::Kept => "k",
        Fate::Amended => "a",
        Fate::Merged => "m",
        Fate::Split => "s",
        Fate::Dropped => "x",
        Fate::Absent => "-",
        Fate::NotReported => "?",
        Fate::New => "+",
    }
}

fn changes(changes: &[FigureChange]) -> String {
    changes
        .iter()
        .map(|change| format!("{} → {}", change.was, change.now))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Each reference as `Outlet (read at Relay), date, url`, a line each, once.
fn cited(references: &[Citation]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for reference in references {
        let date = reference.date.unwrap_or("undated");
        let relay = reference
            .read_at
            .map_or_else(String::new, |relay| format!(" (read at {relay})"));
        let line = format!("{}{relay}, {date}, {}", reference.outlet, reference.url);
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines.join("\n")
}

/// The outlets of the references, each once, joined by commas.
fn outlets(references: &[Citation]) -> String {
    outlet_names(&references.iter().collect::<Vec<_>>()).join(", ")
}

fn outlet_names<'r>(references: &[&Citation<'r>]) -> Vec<&'r str> {
    let mut names: Vec<&str> = Vec::new();
    for reference in references {
        if !names.contains(&reference.outlet) {
            names.push(reference.outlet);
        }
    }
    names
}

fn numbers(numbers: &[u32]) -> String {
    numbers
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Ascending numbers with runs of three or more as ranges: `1–5, 7, 9, 10`.
fn number_ranges(numbers: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < numbers.len() {
        let start = numbers[index];
        let mut end = index;
        while end + 1 < numbers.len() && numbers[end + 1] == numbers[end] + 1 {
            end += 1;
        }
        match end - index {
            0 => parts.push(start.to_string()),
            1 => parts.extend([start.to_string(), numbers[end].to_string()]),
            _ => parts.push(format!("{start}–{}", numbers[end])),
        }
        index = end + 1;
    }
    parts.join(", ")
}

fn number_or_dash(number: Option<u32>) -> String {
    number.map_or_else(|| "–".to_owned(), |n| n.to_string())
}

fn or_none(text: &str) -> String {
    if text.is_empty() {
        "none".to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::number_ranges;

    #[test]
    fn runs_of_three_or_more_become_ranges() {
        assert_eq!(
            number_ranges(&[1, 2, 3, 5, 7, 8, 10, 11, 12, 13]),
            "1–3, 5, 7, 8, 10–13"
        );
        assert_eq!(number_ranges(&[4]), "4");
        assert_eq!(number_ranges(&[]), "");
    }
}
