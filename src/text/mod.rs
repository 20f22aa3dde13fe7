//! Text helpers every layer may use, importing nothing from the crate: folding for
//! comparison and lookup, escaping for the terminal, figures in a text, and "did you
//! mean" suggestions.

pub mod escape;
pub mod figures;
pub mod fold;
pub mod suggest;
