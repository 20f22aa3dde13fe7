//! The integration tests, as one binary: each module an area of the tool, `support` the
//! fluent helper and the shared JSON shapes. One binary links the crate once.

mod actors;
mod align;
mod align_classes;
mod align_eval;
mod align_records;
mod annotations;
mod bad_input;
mod cache;
mod clause_lists;
mod cli;
mod codebook;
mod compare;
mod corpus_facts;
mod departures;
mod diff;
mod ecosystem;
mod fuzz_regressions;
mod layers;
mod loader_errors;
mod outlets;
mod paper_cuts;
mod properties;
mod publish;
mod readme;
mod report;
mod reports;
mod review;
mod search;
mod shapes;
mod snapshots;
mod support;
mod versions;
mod widths;
