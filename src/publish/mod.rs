//! Publishing the corpus for other tools: its relational shape (`tables`), the corpus as
//! rows of it (`rows`), and the files drawn from those: an SQLite database and its SQL
//! script, a CSV data package, Datasette's metadata, and an HTML report. Only this layer
//! names rusqlite and maud.

pub mod datasette;
pub mod html;
pub mod package;
pub mod rows;
pub mod sql;
pub mod sqlite;
pub mod tables;

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

/// A published file is readable by everyone the umask allows, like any file the user
/// writes; a temporary file would otherwise keep its owner-only mode.
fn readable_by_all<'b, 'p>(
    builder: &'b mut tempfile::Builder<'p, 'p>,
) -> &'b mut tempfile::Builder<'p, 'p> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    {
        builder
    }
}

/// Write `bytes` to `target` through a temporary file beside it, renamed over it only
/// once whole: a failed write leaves what was there.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = readable_by_all(tempfile::Builder::new().prefix(".peaceplan-"))
        .tempfile_in(directory)
        .with_context(|| {
            format!(
                "cannot write {}: cannot create a file in {}",
                target.display(),
                directory.display()
            )
        })?;
    temporary
        .write_all(bytes)
        .with_context(|| format!("cannot write {}", target.display()))?;
    temporary
        .persist(target)
        .map_err(|error| anyhow::anyhow!("cannot write {}: {}", target.display(), error.error))?;
    Ok(())
}
