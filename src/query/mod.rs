//! Questions asked of a loaded corpus: which clauses and positions pass the filters,
//! search, comparing renderings, departures, the lineage of versions, and aligning a new
//! article with the clauses. Knows nothing of arguments or output formats.

pub mod align;
mod clause_list;
pub mod compare;
pub mod departures;
mod filter;
pub mod lineage;
pub mod search;

pub use clause_list::*;
pub use filter::*;
