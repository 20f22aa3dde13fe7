//! What `matrix` returns: a clause × outlet grid of renderings, with totals.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use crate::model::rendering::{ClauseText, Rendering};
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
    /// The sources that report the clause and how, in column order; a source not listed
    /// did not report it.
    pub cells: Vec<MatrixCell<'c>>,
    /// The column of each cell, ascending: the grid is kept sparse, so that thousands of
    /// outlets that report few clauses cost what they report, not clauses × outlets.
    #[serde(skip)]
    pub columns: Vec<usize>,
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
                row.dense(self.sources.len())
                    .map(|(rendering, _)| FlatCell::Text(Cow::Borrowed(rendering.name()))),
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
        let mut totals: Vec<MatrixTotal> = sources
            .iter()
            .map(|&source| MatrixTotal::empty(source, rows.len()))
            .collect();
        for row in &rows {
            for (cell, &column) in row.cells.iter().zip(&row.columns) {
                totals[column].count(cell);
            }
        }
        Self {
            sources,
            rows,
            totals,
        }
    }
}

impl<'c> MatrixRow<'c> {
    fn new(clause: &'c Clause, sources: &[&'c str], columns: &HashMap<&str, usize>) -> Self {
        let text = ClauseText::of(clause);
        let mut placed: Vec<(usize, MatrixCell)> = Vec::new();
        for report in &clause.reports {
            if let Some(&column) = columns.get(report.source.as_str()) {
                placed.push((
                    column,
                    MatrixCell {
                        source: sources[column],
                        rendering: Rendering::of_report(&text, report),
                        departures: report.discrepancies.len(),
                    },
                ));
            }
        }
        // One cell per source (its first report, as `report_by` finds it), in column order.
        placed.sort_by_key(|(column, _)| *column);
        placed.dedup_by_key(|(column, _)| *column);
        let (columns, cells): (Vec<usize>, Vec<MatrixCell>) = placed.into_iter().unzip();
        Self {
            number: clause.number,
            title: &clause.title,
            reported: cells.len(),
            cells,
            columns,
        }
    }

    /// Every column's rendering and departure count, `not-reported` where no cell is.
    pub fn dense(&self, width: usize) -> impl Iterator<Item = (Rendering, usize)> + '_ {
        let mut next = 0;
        (0..width).map(move |column| match self.columns.get(next) {
            Some(&at) if at == column => {
                let cell = &self.cells[next];
                next += 1;
                (cell.rendering, cell.departures)
            }
            _ => (Rendering::NotReported, 0),
        })
    }
}

impl<'c> MatrixTotal<'c> {
    /// A source's totals before any clause is counted: every clause not reported.
    fn empty(source: &'c str, clauses: usize) -> Self {
        Self {
            source,
            reported: 0,
            reproduced: 0,
            paraphrased: 0,
            departs: 0,
            not_reported: clauses,
            reproduced_with_departures: 0,
        }
    }

    /// Count one cell of the source's column.
    fn count(&mut self, cell: &MatrixCell) {
        self.reported += 1;
        self.not_reported -= 1;
        match cell.rendering {
            Rendering::Reproduced => {
                self.reproduced += 1;
                if cell.departures > 0 {
                    self.reproduced_with_departures += 1;
                }
            }
            Rendering::Paraphrased => self.paraphrased += 1,
            Rendering::Departs => self.departs += 1,
            Rendering::NotReported => {}
        }
    }
}
