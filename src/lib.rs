//! peaceplan: the clauses of the US 28-point Russia–Ukraine peace plan of November 2025,
//! what each news outlet reported about them, and the commands that query them.
//!
//! Layers, each importing only the ones below it (ARCHITECTURE.md; `tests/it/layers.rs`
//! holds it): `cmd` (one module per subcommand) → `cli` (the arguments) → `publish` (the
//! corpus as SQLite, SQL and a CSV package) → `render` (tables and formats) → `query` (questions asked of a corpus) → `records` (every output shape)
//! → `corpus` (reading and checking files, the only YAML) → `model` (the data) →
//! `error` → `text` (folding, escaping, figures, suggestions, code points, IRIs).
//!
//! For use as a library: `corpus::load` reads a corpus into the `model`, `query` asks it
//! questions whose answers are `records` (the stable output shapes), and `cli` with `cmd`
//! run the tool itself. `render`, which draws for the terminal, is the binary's own.

pub mod cli;
pub mod cmd;
pub mod corpus;
pub mod error;
pub mod model;
pub mod publish;
pub mod query;
pub mod records;
mod render;
pub mod text;
