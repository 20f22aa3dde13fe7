//! Publishing the corpus for other tools: its relational shape (`tables`), the corpus as
//! rows of it (`rows`), and the files drawn from those: an SQLite database and its SQL
//! script, a CSV data package, and Datasette's metadata. Only this layer names rusqlite.

pub mod datasette;
pub mod package;
pub mod rows;
pub mod sql;
pub mod sqlite;
pub mod tables;
