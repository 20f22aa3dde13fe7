//! The version-aware forms of `list`, `show`, `diff` and `matrix` (`--plan`, `--plans`,
//! `--versions`): those commands hand over to these when asked about later versions.

use std::io::Write;

use super::{Context, emit, emit_document, emit_each};
use crate::cli::{DiffArgs, ListArgs, MatrixArgs, OutputFormat, ShowArgs};
use crate::error::UsageError;
use crate::model::Corpus;
use crate::query::lineage::{self, VersionView};
use crate::query::{ClauseFilter, PointFilter};
use crate::records::fields_of;
use crate::records::versions::{PointRecord, VersionMatrix};
use crate::render;

/// `list --plan ID`: the points of a version that pass every filter given.
pub fn list(
    args: &ListArgs,
    id: &str,
    context: &Context,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    let view = later_version(corpus, id)?;
    let filter = PointFilter::new(&args.filter.criteria(), corpus, |number| {
        lineage::require_point(&view, number).map(|_| ())
    })?;
    let records: Vec<PointRecord> = view
        .points()
        .iter()
        .filter(|point| filter.matches(point))
        .map(|point| view.point_record(point))
        .collect();
    if records.is_empty() && context.format == OutputFormat::Table {
        render::note("no points match");
        return Ok(());
    }
    emit(
        context,
        out,
        &records,
        &fields_of::<PointRecord>(),
        render::point_table,
    )
}

/// `show --plan ID N…`: everything about the named points of a version.
pub fn show(
    args: &ShowArgs,
    id: &str,
    context: &Context,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    let view = later_version(corpus, id)?;
    let mut numbers: Vec<u32> = Vec::new();
    for number in args.numbers.iter().flat_map(|span| span.numbers()) {
        if !numbers.contains(&number) {
            numbers.push(number);
        }
    }
    let records = numbers
        .into_iter()
        .map(|number| Ok(view.point_record(lineage::require_point(&view, number)?)))
        .collect::<Result<Vec<_>, UsageError>>()?;
    emit_each(
        context,
        out,
        &records,
        &fields_of::<PointRecord>(),
        |record| render::point_details(record, context.style),
    )
}

/// Whether `diff A B` compares versions: `--version` given, or a side that is a version
/// id and not an outlet (the other side must then be a version too).
pub fn is_version_diff(args: &DiffArgs, corpus: &Corpus) -> bool {
    let is_only_version = |id: &str| {
        VersionView::named(corpus, id).is_ok()
            && id != crate::corpus::TEXT_SOURCE_ID
            && corpus.sources.iter().all(|source| source.id != id)
    };
    args.compares_plans() || is_only_version(&args.a) || is_only_version(&args.b)
}

/// `diff --plans A B`: every clause's fate in A and B, aligned by lineage.
pub fn diff(
    args: &DiffArgs,
    corpus: &Corpus,
    context: &Context,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if args.stat {
        return Err(UsageError(
            "--stat applies to comparing outlets; a diff of versions is already one row per clause"
                .to_owned(),
        )
        .into());
    }
    let a = VersionView::named(corpus, &args.a)?;
    let b = VersionView::named(corpus, &args.b)?;
    let filter = ClauseFilter::new(&args.scope.criteria(), corpus)?;
    let comparison = lineage::compare_versions(a, b, |clause| filter.matches(clause));
    if emit_document(context, out, &comparison)? {
        return Ok(());
    }
    match context.format {
        OutputFormat::Jsonl => {
            let values = comparison
                .clauses
                .iter()
                .map(serde_json::to_value)
                .collect::<Result<Vec<_>, _>>()?;
            render::write_json_lines(out, &values)
        }
        _ => {
            write!(
                out,
                "{}",
                render::version_diff_text(&comparison, context.style)
            )?;
            Ok(())
        }
    }
}

/// `matrix --versions`: the clause × version grid.
pub fn matrix(args: &MatrixArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    context.require_format(&[OutputFormat::Table, OutputFormat::Json, OutputFormat::Yaml])?;
    context.require_no_fields()?;
    let corpus = context.corpus()?;
    let filter = ClauseFilter::new(&args.filter.criteria(), corpus)?;
    let matrix = VersionMatrix::new(corpus, &filter.select(corpus));
    if emit_document(context, out, &matrix)? {
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        render::version_matrix_table(&matrix, context.style)
    )?;
    writeln!(out, "{}", render::version_matrix_legend())?;
    Ok(())
}

/// A later version by id (`us-28`'s points are the clauses: plain `list` and `show`).
fn later_version<'c>(corpus: &'c Corpus, id: &str) -> Result<VersionView<'c>, UsageError> {
    let view = VersionView::named(corpus, id)?;
    if view.is_base() {
        return Err(UsageError(format!(
            "`{id}` is the 28-point plan itself; leave out --plan to see its clauses"
        )));
    }
    Ok(view)
}
