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
    pub matches: Vec<String>,
}
