//! What `matrix` returns: a clause × outlet grid of renderings, with totals.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use crate::model::rendering::Rendering;
use crate::model::{Clause, Corpus};

use super::FlatCell;

/// The clause × outlet grid that `matrix` prints.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixRecord<'c> {
    /// Source ids, in column order.
    pub sources: Vec<&'c str>,
    pub rows: Vec<MatrixRow<'c>>,
    /// One per source, in column order.
    pub totals: Vec<MatrixTotal<'c>>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixRow<'c> {
    pub number: u32,
    pub title: &'c str,
    /// How each source rendered the clause, in column order (for tables and flat rows).
    #[serde(skip)]
    pub renderings: Vec<Rendering>,
    /// How many departures each source's report records, in column order.
    #[serde(skip)]
    pub departures: Vec<usize>,
    /// The sources that report the clause and how; a source not listed did not report it.
    pub cells: Vec<MatrixCell<'c>>,
    /// How many outlets report the clause.
    pub reported: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixCell<'c> {
    pub source: &'c str,
    pub rendering: Rendering,
    /// How many departures from the text the report records; a reproduced clause can
    /// have some when the article departs elsewhere (in a gloss or a later sentence).
    pub departures: usize,
}

/// How a source rendered the clauses of the grid, counted by kind of rendering.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MatrixTotal<'c> {
    pub source: &'c str,
    pub reported: usize,
    pub reproduced: usize,
    pub paraphrased: usize,
    pub departs: usize,
    pub not_reported: usize,
    /// Of the reproduced clauses, how many have a departure recorded elsewhere in the
    /// article.
    pub reproduced_with_departures: usize,
}

impl<'c> MatrixRecord<'c> {
    /// The grid as flat rows for csv, markdown and jsonl, cells in the order of
    /// [`MatrixRecord::flat_fields`]: `number`, `title`, one column per source holding
    /// its rendering (`not-reported` included), and `reported`; made one at a time.
    pub fn flat_rows(&self) -> impl Iterator<Item = Vec<FlatCell<'c>>> + '_ {
        self.rows.iter().map(|row| {
            let mut cells = Vec::with_capacity(self.sources.len() + 3);
            cells.push(FlatCell::Number(u64::from(row.number)));
            cells.push(FlatCell::Text(Cow::Borrowed(row.title)));
            cells.extend(
                row.renderings
                    .iter()
                    .map(|rendering| FlatCell::Text(Cow::Borrowed(rendering.name()))),
            );
            cells.push(FlatCell::Number(row.reported as u64));
            cells
        })
    }

    /// The column names of [`MatrixRecord::flat_rows`].
    pub fn flat_fields(&self) -> Vec<&'c str> {
        let mut fields = vec!["number", "title"];
        fields.extend(self.sources.iter().copied());
        fields.push("reported");
        fields
    }

    pub fn new(corpus: &'c Corpus, clauses: &[&'c Clause]) -> Self {
        let sources = corpus.source_ids();
        let columns: HashMap<&str, usize> = sources
            .iter()
            .enumerate()
            .map(|(column, &source)| (source, column))
            .collect();
        let rows: Vec<MatrixRow> = clauses
            .iter()
            .map(|clause| MatrixRow::new(clause, &sources, &columns))
            .collect();
        let totals = sources
            .iter()
            .enumerate()
            .map(|(column, &source)| MatrixTotal::new(source, &rows, column))
            .collect();
        Self {
            sources,
            rows,
            totals,
        }
    }
}

impl<'c> MatrixRow<'c> {
    fn new(clause: &'c Clause, sources: &[&'c str], columns: &HashMap<&str, usize>) -> Self {
        let mut renderings = vec![Rendering::NotReported; sources.len()];
        let mut departures = vec![0; sources.len()];
        for report in &clause.reports {
            if let Some(&column) = columns.get(report.source.as_str()) {
                renderings[column] = Rendering::of(clause, &report.source);
                departures[column] = report.discrepancies.len();
            }
        }
        let cells: Vec<MatrixCell> = sources
            .iter()
            .zip(renderings.iter().zip(&departures))
            .filter(|(_, (rendering, _))| **rendering != Rendering::NotReported)
            .map(|(&source, (&rendering, &departures))| MatrixCell {
                source,
                rendering,
                departures,
            })
            .collect();
        Self {
            number: clause.number,
            title: &clause.title,
            reported: cells.len(),
            renderings,
            departures,
            cells,
        }
    }
}

impl<'c> MatrixTotal<'c> {
    fn new(source: &'c str, rows: &[MatrixRow], column: usize) -> Self {
        let count = |wanted: Rendering| {
            rows.iter()
                .filter(|row| row.renderings[column] == wanted)
                .count()
        };
        Self {
            source,
            reported: rows.len() - count(Rendering::NotReported),
            reproduced: count(Rendering::Reproduced),
            paraphrased: count(Rendering::Paraphrased),
            departs: count(Rendering::Departs),
            not_reported: count(Rendering::NotReported),
            reproduced_with_departures: rows
                .iter()
                .filter(|row| {
                    row.renderings[column] == Rendering::Reproduced && row.departures[column] > 0
                })
                .count(),
        }
    }
}
