//! peaceplan: the clauses of the US 28-point Russia–Ukraine peace plan of November 2025,
//! what each news outlet reported about them, and the commands that query them.
//!
//! Layers, each importing only the ones below it (ARCHITECTURE.md; `tests/it/layers.rs`
//! holds it): `cmd` (one module per subcommand) → `cli` (the arguments) → `render` (tables
//! and formats) → `query` (questions asked of a corpus) → `records` (every output shape)
//! → `corpus` (reading and checking files, the only YAML) → `model` (the data) →
//! `error` → `text` (folding, escaping, figures, suggestions).

pub mod cli;
pub mod cmd;
pub mod corpus;
pub mod error;
pub mod model;
pub mod query;
pub mod records;
pub mod render;
pub mod text;
