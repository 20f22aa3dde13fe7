//! What `validate` returns: the problems found and the quotations missing from the archive.

use serde::Serialize;

use crate::corpus::Problem;
use crate::corpus::archive::QuoteMiss;

/// The outcome of a validation, as `validate --format json` prints it.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ValidationRecord {
    pub valid: bool,
    pub clauses: Option<usize>,
    pub sources: Option<usize>,
    pub topics: Option<usize>,
    pub parties: Option<usize>,
    /// The later versions (`us-28` included when the versions file lists it), their
    /// points, the references they cite and the outlets of the registry.
    pub versions: Option<usize>,
    pub points: Option<usize>,
    pub references: Option<usize>,
    pub outlets: Option<usize>,
    pub problems: Vec<ProblemRecord>,
    /// With `--archive`: how many quotations were looked for, and those not found.
    pub quotes_checked: Option<usize>,
    pub quote_misses: Vec<QuoteMissRecord>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ProblemRecord {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct QuoteMissRecord {
    pub clause: Option<u32>,
    pub source: String,
    pub field: &'static str,
    pub passage: String,
    pub closest: String,
    pub article: String,
}

impl From<&Problem> for ProblemRecord {
    fn from(problem: &Problem) -> Self {
        Self {
            file: problem.file.clone(),
            line: problem.place.map(|(line, _)| line),
            column: problem.place.map(|(_, column)| column),
            message: problem.message.clone(),
            hint: problem.hint.clone(),
        }
    }
}

impl From<&QuoteMiss> for QuoteMissRecord {
    fn from(miss: &QuoteMiss) -> Self {
        Self {
            clause: miss.clause,
            source: miss.source.clone(),
            field: miss.field,
            passage: miss.passage.clone(),
            closest: miss.closest.clone(),
            article: miss.article.display().to_string(),
        }
    }
}
