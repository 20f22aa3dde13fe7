//! Text helpers every layer may use, importing nothing from the crate: folding for
//! comparison and lookup, escaping for the terminal, figures in a text, "did you
//! mean" suggestions, code point positions and IRIs built from names and paths.

pub mod code_points;
pub mod escape;
pub mod figures;
pub mod fold;
pub mod iri;
pub mod suggest;
