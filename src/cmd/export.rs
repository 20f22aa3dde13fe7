//! `peaceplan export`: the whole corpus for other tools: one JSON or YAML document, an
//! SQLite database, its SQL script, or a CSV data package.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::Context;
use crate::cli::{ExportArgs, OutputFormat};
use crate::error::UsageError;
use crate::publish;
use crate::records::ExportRecord;
use crate::render;

const FORMATS: &[OutputFormat] = &[
    OutputFormat::Json,
    OutputFormat::Yaml,
    OutputFormat::Sqlite,
    OutputFormat::Sql,
    OutputFormat::Csv,
];

pub fn run(args: &ExportArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    // A table cannot hold the whole corpus: no --format means JSON here, and an explicit
    // `--format table` is refused rather than answered with JSON.
    let format = match context.global.format {
        None => OutputFormat::Json,
        Some(_) => context.format,
    };
    Context { format, ..*context }.require_format(FORMATS)?;
    context.require_no_fields()?;
    check_arguments(args, format)?;
    let corpus = context.corpus()?;
    let version = env!("CARGO_PKG_VERSION");
    match format {
        OutputFormat::Sqlite => {
            let data = publish::rows::dataset(corpus, version);
            let path = args.path.as_deref().unwrap_or(Path::new("-"));
            if path == Path::new("-") {
                if std::io::stdout().is_terminal() {
                    return Err(UsageError(
                        "a database is binary and standard output is a terminal; give a FILE, \
                         or redirect standard output (`> corpus.db`)"
                            .into(),
                    )
                    .into());
                }
                return publish::sqlite::write_to(&data, out);
            }
            // The metadata is written before the database replaces anything: a failure
            // in either leaves both files as they were.
            let database = publish::sqlite::build_beside(&data, path)?;
            if let Some(metadata) = &args.metadata {
                write_metadata(metadata, path, &corpus.plan.title)?;
            }
            publish::replace_with(database, path)
        }
        OutputFormat::Sql => {
            let data = publish::rows::dataset(corpus, version);
            out.write_all(publish::sql::script(&data).as_bytes())?;
            Ok(())
        }
        OutputFormat::Csv => {
            let data = publish::rows::dataset(corpus, version);
            let directory = args.path.as_deref().unwrap_or(Path::new("-"));
            publish::package::write_dir(&data, directory, version, &corpus.plan.title)
        }
        OutputFormat::Yaml => render::write_yaml(out, &ExportRecord::new(corpus)),
        _ => render::write_json(out, &ExportRecord::new(corpus)),
    }
}

/// Usage errors of PATH and --metadata, before the corpus is read.
fn check_arguments(args: &ExportArgs, format: OutputFormat) -> Result<(), UsageError> {
    match (format, &args.path) {
        (OutputFormat::Sqlite, None) => {
            return Err(UsageError(
                "`export --format sqlite` needs the FILE to write the database to \
                 (`peaceplan export --format sqlite corpus.db`; `-` writes it to standard output)"
                    .into(),
            ));
        }
        (OutputFormat::Csv, None) => {
            return Err(UsageError(
                "`export --format csv` needs the DIR to write the package into, a new or \
                 empty directory (`peaceplan export --format csv corpus-csv`)"
                    .into(),
            ));
        }
        (OutputFormat::Csv, Some(path)) if path == Path::new("-") => {
            return Err(UsageError(
                "a CSV package is a directory of files and cannot go to standard output; \
                 give a new or empty directory"
                    .into(),
            ));
        }
        (OutputFormat::Sqlite | OutputFormat::Csv, Some(_)) => {}
        (_, Some(path)) => {
            return Err(UsageError(format!(
                "`export --format {}` writes to standard output and takes no PATH (got `{}`); \
                 redirect it (`> file`), or use --format sqlite FILE or --format csv DIR",
                format.name(),
                crate::text::escape::visible(&path.to_string_lossy())
            )));
        }
        (_, None) => {}
    }
    let Some(metadata) = &args.metadata else {
        return Ok(());
    };
    if format != OutputFormat::Sqlite {
        return Err(UsageError(
            "--metadata describes the database of `export --format sqlite FILE`; it does not apply to other formats".into(),
        ));
    }
    let database = args.path.as_deref().unwrap_or(Path::new("-"));
    if database == Path::new("-") || metadata == Path::new("-") {
        return Err(UsageError(
            "--metadata needs the database written to a FILE (Datasette serves it under the \
             file's name) and a FILE of its own; `-` is not one"
                .into(),
        ));
    }
    if same_file(metadata, database) {
        return Err(UsageError(format!(
            "--metadata `{}` is the database's own FILE; give the metadata another name \
             (such as metadata.json)",
            crate::text::escape::visible(&metadata.to_string_lossy())
        )));
    }
    Ok(())
}

/// Whether `a` and `b` name the same file: the same path once made absolute, or the same
/// existing file reached two ways.
fn same_file(a: &Path, b: &Path) -> bool {
    let absolute = |path: &Path| std::path::absolute(path).ok();
    if absolute(a).is_some() && absolute(a) == absolute(b) {
        return true;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Datasette's metadata for the database at `database`, written to `target`.
fn write_metadata(target: &Path, database: &Path, plan_title: &str) -> anyhow::Result<()> {
    let name = database.file_stem().map_or_else(
        || "peaceplan".to_owned(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    let metadata = publish::datasette::metadata(&name, plan_title);
    let text = serde_json::to_string_pretty(&metadata)? + "\n";
    publish::write_atomically(target, text.as_bytes())
}
