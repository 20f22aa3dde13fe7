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

/// The directory `target` is in: its parent, or the current directory for a bare name.
pub fn directory_of(target: &Path) -> &Path {
    match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A new temporary file beside `target`, to become it once whole. Its mode is what a new
/// file of the user's gets (0666 less the umask), not the owner-only mode of temporary files.
pub fn temporary_beside(target: &Path) -> anyhow::Result<tempfile::NamedTempFile> {
    let directory = directory_of(target);
    if !directory.is_dir() {
        anyhow::bail!(
            "cannot write {}: there is no directory {}",
            target.display(),
            directory.display()
        );
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".peaceplan-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(directory).map_err(|error| {
        anyhow::anyhow!(
            "cannot write {}: cannot create a file in {}: {}",
            target.display(),
            directory.display(),
            std::io::Error::from(error.kind())
        )
    })
}

/// Put the whole `temporary` file in `target`'s place. A file already there keeps its
/// mode: replacing a private file does not make it readable by others.
pub fn replace_with(temporary: tempfile::NamedTempFile, target: &Path) -> anyhow::Result<()> {
    if let Ok(existing) = std::fs::metadata(target)
        && existing.is_file()
    {
        let _ = std::fs::set_permissions(temporary.path(), existing.permissions());
    }
    temporary
        .persist(target)
        .map_err(|error| anyhow::anyhow!("cannot write {}: {}", target.display(), error.error))?;
    Ok(())
}

/// Write `bytes` to `target` through a temporary file beside it, renamed over it only
/// once whole: a failed write leaves what was there.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut temporary = temporary_beside(target)?;
    temporary
        .write_all(bytes)
        .and_then(|()| temporary.flush())
        .with_context(|| format!("cannot write {}", target.display()))?;
    replace_with(temporary, target)
}
