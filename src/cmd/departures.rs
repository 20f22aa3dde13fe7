//! `peaceplan departures`: where outlets depart from the plan's text, as recorded, or as
//! detected by comparing figures (`--detected`).

use std::io::Write;

use super::{Context, emit};
use crate::cli::{DeparturesArgs, OutputFormat};
use crate::query::departures::DepartureFilter;
use crate::records::fields_of;
use crate::records::{DepartureRecord, DetectedFigureRecord};
use crate::render;

pub fn run(args: &DeparturesArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    let filter = DepartureFilter::new(&args.criteria(), corpus)?;
    if args.detected {
        let detected = filter.detected(corpus);
        let records: Vec<DetectedFigureRecord> =
            detected.iter().map(DetectedFigureRecord::new).collect();
        if context.format == OutputFormat::Table {
            if records.is_empty() {
                render::note("no figure departures detected that are not recorded");
                return Ok(());
            }
            render::note(
                "detected by comparing figures, not recorded: check each against the article \
                 and record it as a `figure` departure",
            );
        }
        return emit(
            context,
            out,
            &records,
            &fields_of::<DetectedFigureRecord>(),
            render::detected_figure_table,
        );
    }
    let recorded = filter.recorded(corpus);
    let records: Vec<DepartureRecord> = recorded.iter().map(DepartureRecord::new).collect();
    if records.is_empty() && context.format == OutputFormat::Table {
        render::note("no departures match");
        return Ok(());
    }
    emit(
        context,
        out,
        &records,
        &fields_of::<DepartureRecord>(),
        render::departure_table,
    )
}
