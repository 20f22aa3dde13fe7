//! Clause lists as users write them: `7`, `6-8`, `1-3,21`, and `plan` for the plan as a
//! whole where positions are chosen. Parsed here, checked against a corpus by the filters.

/// A clause number, or the plan as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseRef {
    Plan,
    Number(u32),
    /// Clauses `first` to `last` (a range given as `6-8`).
    Span(ClauseSpan),
}

pub fn parse_clause_ref(value: &str) -> Result<ClauseRef, String> {
    if value.eq_ignore_ascii_case("plan") {
        return Ok(ClauseRef::Plan);
    }
    let span = parse_clause_span(value)
        .map_err(|error| format!("{error}, or `plan` for the plan as a whole"))?;
    Ok(if span.first == span.last {
        ClauseRef::Number(span.first)
    } else {
        ClauseRef::Span(span)
    })
}

/// One clause number, or an inclusive range of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClauseSpan {
    pub first: u32,
    pub last: u32,
}

impl ClauseSpan {
    /// The clause numbers it covers, in order.
    pub fn numbers(self) -> std::ops::RangeInclusive<u32> {
        self.first..=self.last
    }
}

/// `7` or `6-8` (spaces around the dash allowed). Clauses are numbered from 1 and a range
/// runs upwards; whether the corpus has that many clauses is checked once it is loaded.
pub fn parse_clause_span(value: &str) -> Result<ClauseSpan, String> {
    let number = |text: &str| -> Result<u32, String> {
        match text.trim().parse::<u32>() {
            Ok(0) => Err("there is no clause 0: clauses are numbered from 1".to_owned()),
            Ok(number) => Ok(number),
            Err(_) => Err(format!(
                "expected a clause number or a range such as `6-8`, got `{value}`"
            )),
        }
    };
    let span = match value.split_once('-') {
        Some((first, last)) => ClauseSpan {
            first: number(first)?,
            last: number(last)?,
        },
        None => {
            let only = number(value)?;
            ClauseSpan {
                first: only,
                last: only,
            }
        }
    };
    if span.first > span.last {
        return Err(format!(
            "the range `{value}` runs backwards; write `{}-{}`",
            span.last, span.first
        ));
    }
    Ok(span)
}
