//! Writing records in the structured formats (JSON, JSON Lines, YAML, CSV, Markdown),
//! with `--fields` choosing and ordering the fields of each record.

use std::io::Write;

use comfy_table::presets::ASCII_MARKDOWN;
use comfy_table::{ContentArrangement, Table};
use serde_json::{Map, Value};

use super::table::visible;
use crate::cli::OutputFormat;
use crate::corpus;
use crate::error::UsageError;

/// What a command's records are, for `--fields` and for messages.
pub struct RecordShape<'a> {
    /// The command, as the user typed it (`list`, `positions`, …).
    pub command: &'a str,
    /// Every field a record can have, in output order.
    pub fields: &'a [&'a str],
}

/// Keep only the `chosen` fields of each record, in that order; every field if none
/// were chosen. An unknown field is a usage error that lists the available ones.
pub fn project(
    records: Vec<Value>,
    chosen: &[String],
    shape: &RecordShape,
) -> Result<Vec<Value>, UsageError> {
    if chosen.is_empty() {
        return Ok(records);
    }
    if let Some(unknown) = chosen
        .iter()
        .find(|field| !shape.fields.contains(&field.as_str()))
    {
        return Err(UsageError(format!(
            "unknown field `{unknown}` for `{}`; available fields: {}",
            shape.command,
            shape.fields.join(", ")
        )));
    }
    Ok(records
        .into_iter()
        .map(|record| {
            let Value::Object(mut object) = record else {
                return record;
            };
            let projected: Map<String, Value> = chosen
                .iter()
                .map(|field| (field.clone(), object.remove(field).unwrap_or(Value::Null)))
                .collect();
            Value::Object(projected)
        })
        .collect())
}

/// Write `records` (objects) in `format`, which must not be `table`.
pub fn write_records(
    out: &mut dyn Write,
    format: OutputFormat,
    records: &[Value],
    columns: &[String],
    command: &str,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Json => super::write_json(out, records),
        OutputFormat::Jsonl => write_json_lines(out, records),
        OutputFormat::Yaml => write_yaml(out, records),
        OutputFormat::Csv => write_csv(out, records, columns, command),
        OutputFormat::Markdown => write_markdown(out, records, columns, command),
        OutputFormat::Table => unreachable!("tables are drawn by each command's layout"),
    }
}

/// One compact JSON document per line.
pub fn write_json_lines(out: &mut dyn Write, records: &[Value]) -> anyhow::Result<()> {
    for record in records {
        serde_json::to_writer(&mut *out, record).map_err(std::io::Error::from)?;
        writeln!(out)?;
    }
    Ok(())
}

/// One YAML document.
pub fn write_yaml<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> anyhow::Result<()> {
    out.write_all(corpus::to_yaml(&value)?.as_bytes())?;
    Ok(())
}

fn write_csv(
    out: &mut dyn Write,
    records: &[Value],
    columns: &[String],
    command: &str,
) -> anyhow::Result<()> {
    let rows = flat_rows(records, columns, command, "csv")?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(columns)?;
    for row in rows {
        writer.write_record(row)?;
    }
    writer.flush()?;
    Ok(())
}

fn write_markdown(
    out: &mut dyn Write,
    records: &[Value],
    columns: &[String],
    command: &str,
) -> anyhow::Result<()> {
    let rows = flat_rows(records, columns, command, "markdown")?;
    let mut table = Table::new();
    table
        .load_style(ASCII_MARKDOWN)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty()
        .set_header(columns.iter().map(|column| markdown_cell(column)));
    for row in rows {
        table.add_row(row.iter().map(|cell| markdown_cell(cell)));
    }
    writeln!(out, "{table}")?;
    Ok(())
}

/// Markdown cell text: pipes escaped, line breaks as `<br>`, control characters visible.
fn markdown_cell(text: &str) -> String {
    visible(&text.replace('|', "\\|").replace('\n', "<br>"))
}

/// Each record's `columns` as flat text: lists of scalars joined by `;`, null as empty.
/// A nested value (an object, or a list of objects) cannot be a cell: usage error.
fn flat_rows(
    records: &[Value],
    columns: &[String],
    command: &str,
    format: &str,
) -> Result<Vec<Vec<String>>, UsageError> {
    records
        .iter()
        .map(|record| {
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
            .map(|cells| cells.join(";")),
        Value::Object(_) => None,
    }
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
    }

    #[test]
    fn projects_and_orders_fields() {
        let shape = RecordShape {
            command: "list",
            fields: &["number", "title", "topics"],
        };
        let records =
            vec![json!({"number": 6, "title": "Armed forces", "topics": ["armed-forces"]})];
        let projected =
            project(records.clone(), &["title".into(), "number".into()], &shape).unwrap();
        assert_eq!(
            serde_json::to_string(&projected[0]).unwrap(),
            r#"{"title":"Armed forces","number":6}"#
        );
        let error = project(records, &["colour".into()], &shape).unwrap_err();
        assert_eq!(
            error.0,
            "unknown field `colour` for `list`; available fields: number, title, topics"
        );
    }
}
