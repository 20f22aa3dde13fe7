//! A problem found in a corpus file, located by file, line and column.

use std::fmt;

/// One thing wrong with a corpus, as one paragraph: where, what, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user should see it (a path, or the built-in file's name).
    pub file: String,
    /// 1-based line and column, where the problem has a place in the file.
    pub place: Option<(usize, usize)>,
    pub message: String,
    /// A suggestion ("did you mean …?"), where one exists.
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(file: &str, place: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            place,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.file, self.message)?,
            None => write!(f, "{}: {}", self.file, self.message)?,
        }
        match &self.hint {
            Some(hint) => write!(f, "; {hint}"),
            None => Ok(()),
        }
    }
}

/// Every problem found in a corpus; an error for commands that need a valid one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let [only] = self.0.as_slice() {
            return write!(f, "{only}");
        }
        write!(
            f,
            "the corpus has {} problems (`peaceplan validate` lists them too):",
            self.0.len()
        )?;
        for problem in &self.0 {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}
