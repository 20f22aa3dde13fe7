//! The Datasette metadata file for a database `export --format sqlite` wrote: title,
//! source, licence, and each table's and column's description, label column and facets,
//! all drawn from `tables`.

use serde_json::{Map, Value as Json, json};

use super::tables::{tables, views};

/// Metadata for the database Datasette serves as `database` (the file's stem).
pub fn metadata(database: &str, plan_title: &str) -> Json {
    let mut described = Map::new();
    for table in tables() {
        let columns: Map<String, Json> = table
            .columns
            .iter()
            .map(|column| (column.name.to_owned(), Json::from(column.description)))
            .collect();
        let mut entry = json!({ "description": table.description, "columns": columns });
        if let Some(label) = table.label {
            entry["label_column"] = Json::from(label);
        }
        if !table.facets.is_empty() {
            entry["facets"] = json!(table.facets);
        }
        if let Some(search) = table.search_table() {
            entry["fts_table"] = Json::from(search);
            entry["fts_pk"] = Json::from(table.primary_key[0]);
        }
        described.insert(table.name.to_owned(), entry);
    }
    for view in views() {
        let columns: Map<String, Json> = view
            .columns
            .iter()
            .map(|(name, description)| ((*name).to_owned(), Json::from(*description)))
            .collect();
        described.insert(
            view.name.to_owned(),
            json!({ "description": view.description, "columns": columns, "facets": view.facets }),
        );
    }
    json!({
        "title": format!("{plan_title}: clauses and how outlets reported them"),
        "description": "Written by peaceplan export --format sqlite. Every code is defined in the project's data/CODEBOOK.md.",
        "license": "MIT OR Apache-2.0",
        "source": "peaceplan corpus: five archived articles and public reports of the later versions",
        "databases": { database: { "tables": described } },
    })
}
