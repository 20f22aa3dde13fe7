//! peaceplan: the clauses of the US 28-point Russia–Ukraine peace plan of November 2025,
//! what each news outlet reported about them, and the commands that query them.
//!
//! Layers, each changeable alone: `model` (the data), `corpus` (loading and checking,
//! the only YAML), `query` (choosing clauses), `records` and `render` (output), `cmd`
//! (one module per subcommand), `cli` (the arguments).

pub mod align;
pub mod analysis;
pub mod cli;
pub mod cmd;
pub mod compare;
pub mod completion;
pub mod corpus;
pub mod departures;
pub mod error;
pub mod figures;
pub mod lineage;
pub mod model;
pub mod query;
pub mod quotecheck;
pub mod records;
pub mod render;
pub mod schema;
pub mod search;
pub mod suggest;
pub mod synth;
pub mod textfold;
pub mod versions;
