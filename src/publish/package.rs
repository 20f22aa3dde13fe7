//! Write the corpus as a Frictionless data package: one CSV per table (RFC 4180, a header
//! row, one value per cell), `datapackage.json` describing each (field types, keys,
//! vocabularies, descriptions), the codebook, and how to cite it. The directory appears
//! only once it is whole.

use std::fs;
use std::path::Path;

use anyhow::Context as _;
use serde_json::{Value as Json, json};

use super::rows::{Dataset, Value};
use super::tables::{ColumnType, SCHEMA_VERSION, Table, tables};

/// The rulebook every code in the package follows, as shipped with the tool.
const CODEBOOK: &str = include_str!("../../data/CODEBOOK.md");

fn field(column: &super::tables::Column) -> Json {
    let mut field = json!({
        "name": column.name,
        "type": match column.kind {
            ColumnType::Text => "string",
            ColumnType::Integer => "integer",
        },
        "description": column.description,
    });
    let mut constraints = serde_json::Map::new();
    if column.required {
        constraints.insert("required".into(), Json::Bool(true));
    }
    if !column.choices.is_empty() {
        constraints.insert("enum".into(), json!(column.choices));
    }
    if !constraints.is_empty() {
        field["constraints"] = Json::Object(constraints);
    }
    field
}

fn resource(table: &Table) -> Json {
    let foreign_keys: Vec<Json> = table
        .foreign_keys
        .iter()
        .map(|key| {
            json!({
                "fields": key.columns,
                "reference": { "resource": key.table, "fields": key.references },
            })
        })
        .collect();
    let mut schema = json!({
        "fields": table.columns.iter().map(field).collect::<Vec<_>>(),
        "primaryKey": table.primary_key,
        "missingValues": [""],
    });
    if !foreign_keys.is_empty() {
        schema["foreignKeys"] = Json::Array(foreign_keys);
    }
    json!({
        "name": table.name,
        "path": format!("{}.csv", table.name),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": table.description,
        "schema": schema,
    })
}

/// The package's descriptor.
pub fn descriptor(tool_version: &str, plan_title: &str) -> Json {
    json!({
        "profile": "tabular-data-package",
        "name": "peaceplan-corpus",
        "title": format!("{plan_title}: clauses and how outlets reported them"),
        "version": format!("{SCHEMA_VERSION}.0.0"),
        "description": "The clauses of the plan, the archived articles that reported them, how each rendered each clause, the positions and departures they recorded, and the later versions of the plan with their references. Codes: CODEBOOK.md. Written by peaceplan.",
        "licenses": [{ "name": "MIT OR Apache-2.0", "title": "The licence of the peaceplan project" }],
        "sources": [{ "title": "peaceplan corpus (data/plan_28_points.yaml, data/sources.yaml, data/versions.yaml, data/outlets.yaml)" }],
        "keywords": ["peace plan", "Russia", "Ukraine", "news coverage"],
        "peaceplan": { "tool_version": tool_version, "schema_version": SCHEMA_VERSION },
        "resources": tables().iter().map(resource).collect::<Vec<_>>(),
    })
}

fn cell(value: &Value<'_>) -> String {
    match value {
        Value::Null => String::new(),
        Value::Integer(number) => number.to_string(),
        Value::Text(text) => text.to_string(),
    }
}

fn write_table(directory: &Path, table: &Table, data: &Dataset<'_>) -> anyhow::Result<()> {
    let path = directory.join(format!("{}.csv", table.name));
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_path(&path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    writer.write_record(table.columns.iter().map(|column| column.name))?;
    for row in data.rows(table.name) {
        writer.write_record(row.iter().map(cell))?;
    }
    writer.flush()?;
    Ok(())
}

fn citation(tool_version: &str, plan_title: &str) -> String {
    format!(
        "# How to cite this package\n\n\
         peaceplan corpus, schema version {SCHEMA_VERSION}, written by peaceplan {tool_version}:\n\
         \"{plan_title}: clauses and how outlets reported them\".\n\n\
         Cite each fact to the source the corpus gives for it: an article in `sources.csv`\n\
         (its headline, outlet and date), or a report in `version_references.csv` (outlet,\n\
         date and web address). Quotations are word for word from those articles.\n\n\
         Every code (rendering, stance, departure kind, lineage, outlet kind) is defined in\n\
         CODEBOOK.md, included here; the tables and their keys are in datapackage.json.\n"
    )
}

/// Write the package into `target`, which must not exist or be empty. It is built in a
/// directory beside it and moved into place once whole.
pub fn write_dir(
    data: &Dataset<'_>,
    target: &Path,
    tool_version: &str,
    plan_title: &str,
) -> anyhow::Result<()> {
    if let Ok(mut entries) = fs::read_dir(target) {
        if entries.next().is_some() {
            anyhow::bail!(
                "{} is a directory with files in it; the package goes into a new or empty directory (choose another name, or empty it first)",
                target.display()
            );
        }
    } else if target.exists() {
        anyhow::bail!(
            "{} exists and is not a directory; the package goes into a new or empty directory",
            target.display()
        );
    }
    let parent = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let building = tempfile::Builder::new()
        .prefix(".peaceplan-package-")
        .tempdir_in(parent)
        .with_context(|| format!("cannot create a directory in {}", parent.display()))?;
    for table in tables() {
        write_table(building.path(), &table, data)?;
    }
    let descriptor = serde_json::to_string_pretty(&descriptor(tool_version, plan_title))?;
    fs::write(building.path().join("datapackage.json"), descriptor + "\n")?;
    fs::write(building.path().join("CODEBOOK.md"), CODEBOOK)?;
    fs::write(
        building.path().join("README.md"),
        citation(tool_version, plan_title),
    )?;
    let built = building.keep();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&built, fs::Permissions::from_mode(0o755))?;
    }
    fs::rename(&built, target).map_err(|error| {
        let _ = fs::remove_dir_all(&built);
        anyhow::anyhow!("cannot move the package into {}: {error}", target.display())
    })?;
    Ok(())
}
