//! `peaceplan diff A B`: how two outlets, or an outlet and the plan's text, rendered each
//! clause.

use std::io::Write;

use super::{Context, emit_document};
use crate::cli::{DiffArgs, OutputFormat};
use crate::query::ClauseFilter;
use crate::query::compare::{self, Side};
use crate::records::compare::{Narrowing, Presence};
use crate::render::{self, FlatFormat};

pub fn run(args: &DiffArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    context.require_format(&[
        OutputFormat::Table,
        OutputFormat::Json,
        OutputFormat::Jsonl,
        OutputFormat::Yaml,
        OutputFormat::Markdown,
        OutputFormat::Csv,
    ])?;
    context.require_no_fields()?;
    let corpus = context.corpus()?;
    if super::versioned::is_version_diff(args, corpus) {
        return super::versioned::diff(args, corpus, context, out);
    }
    let a = Side::named(&args.a, corpus)?;
    let b = Side::named(&args.b, corpus)?;
    let filter = ClauseFilter::new(&args.scope.criteria(), corpus)?;
    let whole = compare::compare(corpus, a, b, &filter);
    // Against the text, a person reading the table or Markdown wants what the outlet
    // reported, not the plan's text again for every clause it left out.
    let against_text = matches!(a, Side::Text) || matches!(b, Side::Text);
    let for_people = matches!(context.format, OutputFormat::Table | OutputFormat::Markdown);
    let only_text_left_out = against_text && for_people && !args.all && !args.both;
    let left_out = if only_text_left_out {
        whole
            .clauses
            .iter()
            .filter(|clause| clause.status != Presence::Both)
            .count()
    } else {
        0
    };
    let narrowing = Narrowing {
        both: args.both || only_text_left_out,
        only_differences: args.only_differences,
    };
    let before = whole.summary;
    let mut comparison = whole.narrowed(narrowing);
    if only_text_left_out {
        // The summary still counts what each side reports; only the clauses shown are
        // those both report.
        comparison.summary.only_a = before.only_a;
        comparison.summary.only_b = before.only_b;
    }
    if emit_document(context, out, &comparison)? {
        return Ok(());
    }
    match context.format {
        // Written by `emit_document`, or refused by `require_format` above.
        OutputFormat::Json
        | OutputFormat::Yaml
        | OutputFormat::Sqlite
        | OutputFormat::Sql
        | OutputFormat::Jsonld => {}
        OutputFormat::Jsonl => {
            let values = comparison
                .clauses
                .iter()
                .map(serde_json::to_value)
                .collect::<Result<Vec<_>, _>>()?;
            render::write_json_lines(out, &values)?;
        }
        OutputFormat::Markdown => {
            write!(out, "{}", render::diff_markdown(&comparison))?;
            if left_out > 0 {
                writeln!(out, "\n{}", render::diff_left_out(left_out))?;
            }
        }
        OutputFormat::Csv => {
            let columns: Vec<String> = render::DIFF_CSV_COLUMNS
                .iter()
                .map(|column| (*column).to_owned())
                .collect();
            let rows = render::diff_clause_rows(&comparison).into_iter();
            render::write_flat_rows(out, FlatFormat::Csv, &columns, rows)?;
        }
        OutputFormat::Table if comparison.clauses.is_empty() => {
            render::note("no clauses match: neither side reports any clause in this scope");
            write!(
                out,
                "{}",
                render::diff_plan_stances(&comparison, context.style)
            )?;
        }
        OutputFormat::Table => {
            write!(out, "{}", render::diff_summary(&comparison, context.style))?;
            if left_out > 0 {
                let note = format!("  {}\n", render::diff_left_out(left_out));
                write!(out, "{}", render::wrapped_lines(&note, context.style))?;
            }
            if args.stat {
                write!(out, "\n{}", render::diff_stat_lines(&comparison))?;
            } else {
                write!(out, "{}", render::diff_details(&comparison, context.style))?;
            }
            write!(
                out,
                "{}",
                render::diff_plan_stances(&comparison, context.style)
            )?;
        }
    }
    Ok(())
}
