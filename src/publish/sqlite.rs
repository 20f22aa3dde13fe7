//! Write the corpus as an SQLite database: the schema of `sql`, every row in one
//! transaction, then the full-text indexes, into a temporary file beside the target that
//! replaces it only once it is whole. The same corpus gives the same bytes.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ToSql, params_from_iter};

use super::rows::{Dataset, Value};
use super::sql;
use super::tables::tables;

impl ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Integer(number) => ValueRef::Integer(*number),
            Value::Text(text) => ValueRef::Text(text.as_bytes()),
        }))
    }
}

/// Fill the empty database at `connection` with `data`.
fn fill(connection: &mut Connection, data: &Dataset<'_>) -> anyhow::Result<()> {
    // A journal is pointless for a file no one sees until it is whole.
    connection.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
    let transaction = connection.transaction()?;
    transaction.execute_batch(&sql::schema())?;
    let tables = tables();
    for table in &tables {
        let placeholders = vec!["?"; table.columns.len()].join(", ");
        let mut insert = transaction.prepare(&format!(
            "INSERT INTO {} VALUES ({placeholders})",
            sql::identifier(table.name)
        ))?;
        for row in data.rows(table.name) {
            insert.execute(params_from_iter(row.iter()))?;
        }
    }
    for table in &tables {
        if let Some(rebuild) = sql::rebuild_search(table) {
            transaction.execute_batch(&rebuild)?;
        }
    }
    transaction.commit()?;
    // Checks the data, not the code: a broken reference is a bug to hear about, not a
    // file to publish.
    let broken: i64 =
        connection.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })?;
    if broken > 0 {
        anyhow::bail!("{broken} rows refer to rows that are not there (a bug: please report it)");
    }
    connection.execute_batch("PRAGMA journal_mode = DELETE; VACUUM;")?;
    Ok(())
}

/// `data` as a whole database in a temporary file beside `target`, for
/// `super::replace_with` to put in its place.
pub fn build_beside(data: &Dataset<'_>, target: &Path) -> anyhow::Result<tempfile::NamedTempFile> {
    let temporary = super::temporary_beside(target)?;
    build(data, temporary.path())?;
    Ok(temporary)
}

/// Write `data` as a database to `out` (a pipe), built in a temporary file first.
pub fn write_to(data: &Dataset<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let temporary = tempfile::Builder::new()
        .prefix(".peaceplan-")
        .suffix(".tmp")
        .tempfile()
        .context("cannot create a temporary file to build the database in")?;
    build(data, temporary.path())?;
    let mut file = temporary.reopen()?;
    std::io::copy(&mut file, out)?;
    Ok(())
}

fn build(data: &Dataset<'_>, path: &Path) -> anyhow::Result<()> {
    let mut connection = Connection::open(path)
        .with_context(|| format!("cannot open {} as a database", path.display()))?;
    fill(&mut connection, data).context("cannot build the database")?;
    connection
        .close()
        .map_err(|(_, error)| error)
        .context("cannot finish the database")?;
    Ok(())
}
