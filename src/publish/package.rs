//! Write the corpus as a Frictionless data package: one CSV per table (RFC 4180, a header
//! row, one value per cell), `datapackage.json` describing each (field types, keys,
//! vocabularies, descriptions), the codebook, and how to cite it. The directory appears
//! only once it is whole.

use std::fs;
use std::path::{Path, PathBuf};

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
    let written = (|| -> Result<(), csv::Error> {
        writer.write_record(table.columns.iter().map(|column| column.name))?;
        for row in data.rows(table.name) {
            writer.write_record(row.iter().map(cell))?;
        }
        writer.flush()?;
        Ok(())
    })();
    written.with_context(|| format!("cannot write {}", path.display()))
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

/// Where the package goes: a new directory (built beside it and renamed into place), or
/// an existing empty one (its files moved in once all are written; the directory, its
/// mode and owner stay).
enum Destination {
    New(PathBuf),
    Empty(PathBuf),
}

fn destination(target: &Path) -> anyhow::Result<Destination> {
    match fs::metadata(target) {
        Ok(found) if found.is_dir() => {
            let mut entries = fs::read_dir(target)
                .with_context(|| format!("cannot read the directory {}", target.display()))?;
            if entries.next().is_some() {
                anyhow::bail!(
                    "{} is a directory with files in it; the package goes into a new or empty directory (choose another name, or empty it first)",
                    target.display()
                );
            }
            // Through a symbolic link, and for `.`, the directory itself.
            Ok(Destination::Empty(fs::canonicalize(target)?))
        }
        Ok(_) => anyhow::bail!(
            "{} exists and is not a directory; the package goes into a new or empty directory",
            target.display()
        ),
        Err(_) if fs::symlink_metadata(target).is_ok() => anyhow::bail!(
            "{} is a symbolic link to nothing; the package goes into a new or empty directory",
            target.display()
        ),
        Err(_) => Ok(Destination::New(target.to_path_buf())),
    }
}

/// Write the package into `target`, which must not exist or be an empty directory.
pub fn write_dir(
    data: &Dataset<'_>,
    target: &Path,
    tool_version: &str,
    plan_title: &str,
) -> anyhow::Result<()> {
    let destination = destination(target)?;
    let place = match &destination {
        Destination::New(path) | Destination::Empty(path) => path,
    };
    let parent = super::directory_of(place);
    if !parent.is_dir() {
        anyhow::bail!(
            "cannot write the package to {}: there is no directory {}",
            target.display(),
            parent.display()
        );
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".peaceplan-package-");
    #[cfg(unix)]
    {
        // A new directory gets what `mkdir` would give (0777 less the umask).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o777));
    }
    let building = builder.tempdir_in(parent).map_err(|error| {
        anyhow::anyhow!(
            "cannot write the package to {}: cannot create a directory in {}: {}",
            target.display(),
            parent.display(),
            std::io::Error::from(error.kind())
        )
    })?;
    for table in tables() {
        write_table(building.path(), &table, data)?;
    }
    let descriptor = serde_json::to_string_pretty(&descriptor(tool_version, plan_title))?;
    let extras = [
        ("datapackage.json", descriptor + "\n"),
        ("CODEBOOK.md", CODEBOOK.to_owned()),
        ("README.md", citation(tool_version, plan_title)),
    ];
    for (name, text) in extras {
        let path = building.path().join(name);
        fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    match destination {
        Destination::New(path) => {
            let built = building.keep();
            fs::rename(&built, &path).map_err(|error| {
                let _ = fs::remove_dir_all(&built);
                anyhow::anyhow!("cannot move the package into {}: {error}", target.display())
            })?;
        }
        Destination::Empty(path) => {
            for entry in fs::read_dir(building.path())? {
                let entry = entry?;
                fs::rename(entry.path(), path.join(entry.file_name())).map_err(|error| {
                    anyhow::anyhow!("cannot move the package into {}: {error}", target.display())
                })?;
            }
        }
    }
    Ok(())
}
