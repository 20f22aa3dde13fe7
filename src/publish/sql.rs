//! SQL text for the tables of `tables`: the schema (tables, keys, checks, indexes, views
//! and full-text indexes) and the corpus as a script of `INSERT` statements. Everything is
//! portable to SQLite 3.31 and later, so that older clients (Python's, Datasette's) open it.

use std::fmt::Write as _;

use super::rows::{Dataset, Value};
use super::tables::{Column, ColumnType, SCHEMA_VERSION, Table, View, tables, views};

/// `name` as an SQL identifier, always double-quoted.
pub fn identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `text` as an SQL string literal. A carriage return is written as `char(13)`: the
/// `sqlite3` shell drops one before a line end when it reads a script.
pub fn literal(text: &str) -> String {
    let quoted = |piece: &str| format!("'{}'", piece.replace('\'', "''"));
    if !text.contains('\r') {
        return quoted(text);
    }
    let pieces: Vec<String> = text.split('\r').map(quoted).collect();
    format!("({})", pieces.join(" || char(13) || "))
}

fn identifiers(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| identifier(name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn column_definition(column: &Column) -> String {
    let mut definition = format!(
        "  {} {}",
        identifier(column.name),
        match column.kind {
            ColumnType::Text => "TEXT",
            ColumnType::Integer => "INTEGER",
        }
    );
    if column.required {
        definition.push_str(" NOT NULL");
    }
    if !column.choices.is_empty() {
        let choices: Vec<String> = column
            .choices
            .iter()
            .map(|choice| literal(choice))
            .collect();
        let _ = write!(
            definition,
            " CHECK ({} IN ({}))",
            identifier(column.name),
            choices.join(", ")
        );
    }
    definition
}

/// `CREATE TABLE` for `table`, with its keys and checks.
pub fn create_table(table: &Table) -> String {
    let mut parts: Vec<String> = table.columns.iter().map(column_definition).collect();
    parts.push(format!(
        "  PRIMARY KEY ({})",
        identifiers(table.primary_key)
    ));
    for unique in table.unique {
        parts.push(format!("  UNIQUE ({})", identifiers(unique)));
    }
    for key in &table.foreign_keys {
        parts.push(format!(
            "  FOREIGN KEY ({}) REFERENCES {} ({})",
            identifiers(key.columns),
            identifier(key.table),
            identifiers(key.references)
        ));
    }
    format!(
        "CREATE TABLE {} (\n{}\n);\n",
        identifier(table.name),
        parts.join(",\n")
    )
}

/// An index on each foreign key that the primary key does not already lead with.
pub fn create_indexes(table: &Table) -> String {
    let mut sql = String::new();
    for key in &table.foreign_keys {
        if table.primary_key.starts_with(key.columns) {
            continue;
        }
        let name = format!("{}_by_{}", table.name, key.columns.join("_"));
        let _ = writeln!(
            sql,
            "CREATE INDEX {} ON {} ({});",
            identifier(&name),
            identifier(table.name),
            identifiers(key.columns)
        );
    }
    sql
}

/// The full-text index of `table`, if it has one: FTS5 over its own rows
/// (`content="table"`, the form Datasette and sqlite-utils detect).
pub fn create_search(table: &Table) -> Option<String> {
    let search = table.search_table()?;
    Some(format!(
        "CREATE VIRTUAL TABLE {} USING fts5({}, content={}, content_rowid={});\n",
        identifier(&search),
        identifiers(table.searchable),
        identifier(table.name),
        identifier(table.primary_key[0]),
    ))
}

/// Fill the full-text index of `table` from the table, once its rows are in.
pub fn rebuild_search(table: &Table) -> Option<String> {
    let search = identifier(&table.search_table()?);
    Some(format!(
        "INSERT INTO {search} ({search}) VALUES ('rebuild');\n"
    ))
}

fn create_view(view: &View) -> String {
    format!(
        "CREATE VIEW {} AS {};\n",
        identifier(view.name),
        view.select
    )
}

/// The whole schema, as `peaceplan schema sqlite` prints it.
pub fn schema() -> String {
    let mut sql = format!(
        "-- The peaceplan corpus, schema version {SCHEMA_VERSION} (docs/publish.md).\n\
         PRAGMA user_version = {SCHEMA_VERSION};\n\n"
    );
    let tables = tables();
    for table in &tables {
        let _ = write!(sql, "-- {}\n{}", table.description, create_table(table));
        sql.push_str(&create_indexes(table));
        sql.push('\n');
    }
    for table in &tables {
        if let Some(search) = create_search(table) {
            sql.push_str(&search);
        }
    }
    sql.push('\n');
    for view in views() {
        let _ = write!(sql, "-- {}\n{}\n", view.description, create_view(&view));
    }
    sql
}

/// `value` as an SQL literal.
fn value_literal(value: &Value<'_>) -> String {
    match value {
        Value::Null => "NULL".to_owned(),
        Value::Integer(number) => number.to_string(),
        Value::Text(text) => literal(text),
    }
}

/// The schema and every row as one script, in one transaction: `sqlite3 FILE < script`
/// builds the same database `export --format sqlite` writes.
pub fn script(data: &Dataset<'_>) -> String {
    let mut sql = String::from("BEGIN;\n");
    sql.push_str(&schema());
    let tables = tables();
    for table in &tables {
        let prefix = format!("INSERT INTO {} VALUES (", identifier(table.name));
        for row in data.rows(table.name) {
            sql.push_str(&prefix);
            let values: Vec<String> = row.iter().map(value_literal).collect();
            sql.push_str(&values.join(", "));
            sql.push_str(");\n");
        }
    }
    for table in &tables {
        if let Some(rebuild) = rebuild_search(table) {
            sql.push_str(&rebuild);
        }
    }
    sql.push_str("COMMIT;\n");
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_literals_are_quoted_so_no_value_ends_them() {
        assert_eq!(identifier("a\"b"), "\"a\"\"b\"");
        assert_eq!(literal("it's"), "'it''s'");
        assert_eq!(literal("a\r\nb"), "('a' || char(13) || '\nb')");
    }
}
