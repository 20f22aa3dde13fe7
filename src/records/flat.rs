//! One cell of a flat row, for outputs that are flat by nature (`matrix` in CSV,
//! Markdown and JSON Lines).

use std::borrow::Cow;

use serde::{Serialize, Serializer};

/// One cell of a flat table: text, or a whole number (kept a number in JSON Lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlatCell<'a> {
    Text(Cow<'a, str>),
    Number(u64),
}

impl FlatCell<'_> {
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            FlatCell::Text(text) => Cow::Borrowed(text),
            FlatCell::Number(number) => Cow::Owned(number.to_string()),
        }
    }
}

impl Serialize for FlatCell<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            FlatCell::Text(text) => serializer.serialize_str(text),
            FlatCell::Number(number) => serializer.serialize_u64(*number),
        }
    }
}
