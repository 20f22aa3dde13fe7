//! `align --json`'s records as the tests read them, every field required and no other
//! allowed, shared by the align test modules.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Found {
    pub clause: u32,
    pub title: String,
    pub score: f64,
    pub passages: Vec<Passage>,
    pub departures: Vec<Departure>,
    pub later_versions: Vec<LaterVersion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub prefix: String,
    pub suffix: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Departure {
    pub kind: String,
    pub text_says: String,
    pub outlet_says: String,
    pub why: String,
}

/// Departures are the same when they say the same thing; the wording of `why` is free.
impl PartialEq for Departure {
    fn eq(&self, other: &Self) -> bool {
        (&self.kind, &self.text_says, &self.outlet_says)
            == (&other.kind, &other.text_says, &other.outlet_says)
    }
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LaterVersion {
    pub version: String,
    pub point: Option<u32>,
    pub article_says: String,
}
