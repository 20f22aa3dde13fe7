//! The JSON output shapes several test modules read, each field declared and
//! `deny_unknown_fields`, so that a key added, renamed or dropped fails every test that
//! reads the shape (as ripgrep tests its JSON output).

#![allow(dead_code)]

use serde::Deserialize;

/// A `positions --json` record.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub clause: Option<u32>,
    pub source: String,
    pub actor: String,
    pub party: String,
    pub stance: String,
    pub summary: String,
    pub quote: Option<String>,
    pub via: Option<String>,
}

/// `matrix --json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub sources: Vec<String>,
    pub rows: Vec<MatrixRow>,
    pub totals: Vec<MatrixTotal>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixRow {
    pub number: u32,
    pub title: String,
    pub cells: Vec<MatrixCell>,
    pub reported: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixCell {
    pub source: String,
    pub rendering: String,
    pub departures: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixTotal {
    pub source: String,
    pub reported: usize,
    pub reproduced: usize,
    pub paraphrased: usize,
    pub departs: usize,
    pub not_reported: usize,
    pub reproduced_with_departures: usize,
}

/// A `search --json` hit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hit {
    pub clause: Option<u32>,
    pub source: String,
    pub field: String,
    pub passage: String,
    pub said: Option<String>,
    pub matches: Vec<String>,
}

/// `validate --json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Validation {
    pub valid: bool,
    pub clauses: Option<usize>,
    pub sources: Option<usize>,
    pub topics: Option<usize>,
    pub parties: Option<usize>,
    pub versions: Option<usize>,
    pub points: Option<usize>,
    pub references: Option<usize>,
    pub outlets: Option<usize>,
    pub problems: Vec<Problem>,
    pub quotes_checked: Option<usize>,
    pub quote_misses: Vec<QuoteMiss>,
}

/// One problem `validate --json` reports.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

/// One quotation `validate --archive --json` did not find.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteMiss {
    pub clause: Option<u32>,
    pub source: String,
    pub field: String,
    pub passage: String,
    pub closest: String,
    pub article: String,
}
