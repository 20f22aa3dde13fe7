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
    if context.global.format == Some(OutputFormat::Table) {
        Context {
            format: OutputFormat::Table,
            ..*context
        }
        .require_format(FORMATS)?;
    }
    context.require_format(&[FORMATS, &[OutputFormat::Table]].concat())?;
    context.require_no_fields()?;
    check_arguments(args, context.format)?;
    let corpus = context.corpus()?;
    let version = env!("CARGO_PKG_VERSION");
    match context.format {
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
                publish::sqlite::write_to(&data, out)?;
            } else {
                publish::sqlite::write_file(&data, path)?;
            }
            if let Some(metadata) = &args.metadata {
                write_metadata(metadata, path, &corpus.plan.title)?;
            }
            Ok(())
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
    if args.metadata.is_some() && format != OutputFormat::Sqlite {
        return Err(UsageError(
            "--metadata describes the database of `export --format sqlite FILE`; it does not apply to other formats".into(),
        ));
    }
    Ok(())
}

/// Datasette's metadata for the database at `database`, written to `target`.
fn write_metadata(target: &Path, database: &Path, plan_title: &str) -> anyhow::Result<()> {
    let name = database.file_stem().map_or_else(
        || "peaceplan".to_owned(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    let metadata = publish::datasette::metadata(&name, plan_title);
    let text = serde_json::to_string_pretty(&metadata)? + "\n";
    std::fs::write(target, text).map_err(|error| {
        anyhow::anyhow!(
            "cannot write the Datasette metadata to {}: {error}",
            target.display()
        )
    })
}
