//! Writing records in the structured formats (JSON, JSON Lines, YAML, CSV, Markdown),
//! with `--fields` choosing and ordering the fields of each record.

use std::borrow::Cow;
use std::io::Write;

use comfy_table::presets::ASCII_MARKDOWN;
use comfy_table::{ContentArrangement, Table};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::{FlatFormat, StructuredFormat};
use crate::error::UsageError;
pub use crate::records::FlatCell;
use crate::text::escape::{json_compact, visible};

/// What a command's records are, for `--fields` and for messages.
pub struct RecordShape<'a> {
    /// The command, as the user typed it (`list`, `positions`, …).
    pub command: &'a str,
    /// Every field a record can have, in output order.
    pub fields: &'a [String],
}

/// The fields asked for with `--fields`, trimmed (`'a, b'` is `a,b`), empty entries
/// dropped, and each field once, at its first place: a repeated field is printed once.
pub fn chosen_fields(raw: &[String]) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::with_capacity(raw.len());
    for field in raw.iter().map(|field| field.trim()) {
        if !field.is_empty() && !chosen.iter().any(|seen| seen == field) {
            chosen.push(field.to_owned());
        }
    }
    chosen
}

/// A usage error, listing the available fields, if any of `chosen` is unknown.
pub fn check_fields(chosen: &[String], shape: &RecordShape) -> Result<(), UsageError> {
    match chosen.iter().find(|field| !shape.fields.contains(field)) {
        None => Ok(()),
        Some(unknown) => Err(UsageError(format!(
            "unknown field `{unknown}` for `{}`; available fields: {}",
            shape.command,
            shape.fields.join(", ")
        ))),
    }
}

/// The record with only the `chosen` fields, in that order; all of them if none were
/// chosen.
pub fn project(record: Value, chosen: &[String]) -> Value {
    if chosen.is_empty() {
        return record;
    }
    let Value::Object(mut object) = record else {
        return record;
    };
    let projected: Map<String, Value> = chosen
        .iter()
        .map(|field| (field.clone(), object.remove(field).unwrap_or(Value::Null)))
        .collect();
    Value::Object(projected)
}

/// Write `records` (objects) in `format`. JSON Lines and CSV are written as the records
/// come, so a long stream takes little memory.
pub fn write_records(
    out: &mut dyn Write,
    format: StructuredFormat,
    records: impl Iterator<Item = Value>,
    columns: &[String],
    command: &str,
) -> anyhow::Result<()> {
    match format {
        StructuredFormat::Json => super::write_json(out, &records.collect::<Vec<_>>()),
        StructuredFormat::Jsonl => write_json_lines(out, records),
        StructuredFormat::Yaml => write_yaml(out, &records.collect::<Vec<_>>()),
        StructuredFormat::Csv => write_csv(out, records, columns, command),
        StructuredFormat::Markdown => write_markdown(out, records, columns, command),
    }
}

/// A flat row with its column names, serialised as one JSON object.
struct NamedRow<'r> {
    columns: &'r [String],
    cells: &'r [FlatCell<'r>],
}

impl Serialize for NamedRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (column, cell) in self.columns.iter().zip(self.cells) {
            map.serialize_entry(column, cell)?;
        }
        map.end()
    }
}

/// Write rows that are flat by nature (cells already in `columns` order) as CSV,
/// Markdown or JSON Lines, one row at a time, without building a JSON value per row.
pub fn write_flat_rows<'a>(
    out: &mut dyn Write,
    format: FlatFormat,
    columns: &[String],
    rows: impl Iterator<Item = Vec<FlatCell<'a>>>,
) -> anyhow::Result<()> {
    match format {
        FlatFormat::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            write_csv_record(&mut writer, columns.iter().map(String::as_str))?;
            for row in rows {
                let texts: Vec<Cow<str>> = row.iter().map(FlatCell::text).collect();
                write_csv_record(&mut writer, texts.iter().map(|text| text.as_ref()))?;
            }
            writer.flush()?;
        }
        FlatFormat::Markdown => {
            let mut table = markdown_table(columns);
            for row in rows {
                table.add_row(row.iter().map(|cell| markdown_cell(&cell.text())));
            }
            writeln!(out, "{table}")?;
        }
        FlatFormat::Jsonl => {
            for row in rows {
                let named = NamedRow {
                    columns,
                    cells: &row,
                };
                json_compact(&mut *out, &named)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// One compact JSON document per line.
pub fn write_json_lines(
    out: &mut dyn Write,
    records: impl IntoIterator<Item = impl std::borrow::Borrow<Value>>,
) -> anyhow::Result<()> {
    for record in records {
        json_compact(&mut *out, record.borrow())?;
        writeln!(out)?;
    }
    Ok(())
}

/// One YAML document, quoted for YAML 1.1 readers and with unsafe characters escaped.
pub fn write_yaml<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> anyhow::Result<()> {
    super::yaml::write_document(out, value)
}

/// One CSV row, each cell with unsafe characters made visible. A failed write comes back
/// as the io::Error under the csv error, so a closed pipe stays recognisable as one.
fn write_csv_record<'c>(
    writer: &mut csv::Writer<&mut dyn Write>,
    cells: impl Iterator<Item = &'c str>,
) -> anyhow::Result<()> {
    writer.write_record(cells.map(visible)).map_err(csv_error)
}

/// The io::Error inside a csv error, where there is one.
fn csv_error(error: csv::Error) -> anyhow::Error {
    if !error.is_io_error() {
        return error.into();
    }
    match error.into_kind() {
        csv::ErrorKind::Io(io_error) => io_error.into(),
        _ => unreachable!("is_io_error said it holds an io::Error"),
    }
}

fn write_csv(
    out: &mut dyn Write,
    records: impl Iterator<Item = Value>,
    columns: &[String],
    command: &str,
) -> anyhow::Result<()> {
    let mut records = records.peekable();
    // Check the first record before writing anything, so a nested field is a clean error.
    if let Some(first) = records.peek() {
        flat_row(first, columns, command, "csv")?;
    }
    let mut writer = csv::Writer::from_writer(out);
    write_csv_record(&mut writer, columns.iter().map(String::as_str))?;
    for record in records {
        let row = flat_row(&record, columns, command, "csv")?;
        write_csv_record(&mut writer, row.iter().map(String::as_str))?;
    }
    writer.flush()?;
    Ok(())
}

fn write_markdown(
    out: &mut dyn Write,
    records: impl Iterator<Item = Value>,
    columns: &[String],
    command: &str,
) -> anyhow::Result<()> {
    let rows = records
        .map(|record| flat_row(&record, columns, command, "markdown"))
        .collect::<Result<Vec<_>, _>>()?;
    let mut table = markdown_table(columns);
    for row in rows {
        table.add_row(row.iter().map(|cell| markdown_cell(cell)));
    }
    writeln!(out, "{table}")?;
    Ok(())
}

fn markdown_table(columns: &[String]) -> Table {
    let mut table = Table::new();
    table
        .load_style(ASCII_MARKDOWN)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty()
        .set_header(columns.iter().map(|column| markdown_cell(column)));
    table
}

/// Markdown cell text: pipes escaped, line breaks as `<br>`, control characters visible.
fn markdown_cell(text: &str) -> String {
    visible(&text.replace('|', "\\|").replace('\n', "<br>"))
}

/// Between the items of a list in a flat cell.
pub const LIST_SEPARATOR: char = ';';

/// A record's `columns` as flat text: lists of scalars joined by `;` (with a backslash
/// before each `;` or backslash inside an item, so a cell splits back into its items),
/// null as empty.
/// A nested value (an object, or a list of objects) cannot be a cell: usage error.
fn flat_row(
    record: &Value,
    columns: &[String],
    command: &str,
    format: &str,
) -> Result<Vec<String>, UsageError> {
    columns
        .iter()
        .map(|column| {
            let value = record.get(column).unwrap_or(&Value::Null);
            flat_cell(value).ok_or_else(|| {
                UsageError(format!(
                    "field `{column}` of `{command}` is nested and cannot be written as {format}; \
                     leave it out with --fields, or use --format json, jsonl or yaml"
                ))
            })
        })
        .collect()
}

fn flat_cell(value: &Value) -> Option<String> {
    match value {
        Value::Null => Some(String::new()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        Value::String(text) => Some(text.clone()),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::Array(_) | Value::Object(_) => None,
                scalar => flat_cell(scalar),
            })
            .collect::<Option<Vec<String>>>()
            .map(|cells| join_list(&cells)),
        Value::Object(_) => None,
    }
}

/// List items joined by [`LIST_SEPARATOR`], each backslash and `;` inside an item
/// preceded by a backslash.
fn join_list(items: &[String]) -> String {
    let mut joined = String::new();
    for (position, item) in items.iter().enumerate() {
        if position > 0 {
            joined.push(LIST_SEPARATOR);
        }
        for c in item.chars() {
            if c == '\\' || c == LIST_SEPARATOR {
                joined.push('\\');
            }
            joined.push(c);
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flattens_scalars_and_lists_but_not_objects() {
        assert_eq!(
            flat_cell(&json!(["nato", "economy"])).as_deref(),
            Some("nato;economy")
        );
        assert_eq!(flat_cell(&json!(null)).as_deref(), Some(""));
        assert_eq!(flat_cell(&json!(6)).as_deref(), Some("6"));
        assert_eq!(flat_cell(&json!([{"source": "wsws"}])), None);
        assert_eq!(
            flat_cell(&json!(["a;b", "c\\d", "e"])).as_deref(),
            Some("a\\;b;c\\\\d;e")
        );
    }

    #[test]
    fn repeated_and_spaced_fields_are_chosen_once() {
        let raw: Vec<String> = ["number", " title", "number ", "", "title"]
            .iter()
            .map(|field| (*field).to_owned())
            .collect();
        assert_eq!(chosen_fields(&raw), ["number", "title"]);
    }

    #[test]
    fn projects_and_orders_fields() {
        let shape = RecordShape {
            command: "list",
            fields: &["number".into(), "title".into(), "topics".into()],
        };
        let record = json!({"number": 6, "title": "Armed forces", "topics": ["armed-forces"]});
        let projected = project(record, &["title".into(), "number".into()]);
        assert_eq!(
            serde_json::to_string(&projected).unwrap(),
            r#"{"title":"Armed forces","number":6}"#
        );
        let error = check_fields(&["colour".into()], &shape).unwrap_err();
        assert_eq!(
            error.0,
            "unknown field `colour` for `list`; available fields: number, title, topics"
        );
    }
}
