//! What `align --format jsonld` writes: the passages `align` found as W3C Web Annotations
//! (https://www.w3.org/TR/annotation-model/), one `AnnotationPage` holding an
//! `Annotation` per passage, built from the `ClauseMatch`es by [`annotation_page`].
//!
//! Each annotation targets the article (its `file:` IRI, or `urn:peaceplan:stdin`) with a
//! `TextQuoteSelector` (the passage, with its prefix and suffix) and a
//! `TextPositionSelector` (its start and end in Unicode code points, as the model counts,
//! not the bytes of `--format json`). Its bodies are `TextualBody`s: the clause it
//! reports (purpose `identifying`), then each departure found in it (purpose
//! `assessing`), their peaceplan values also as `peaceplan:` terms. Ids are URNs, the
//! same on every run for an article of the same file name:
//! `urn:peaceplan:align:<file name>` for the page, `…:clause-<n>:<k>` for the k-th
//! passage (from 1) of clause n.

use std::path::Path;

use serde::Serialize;

use crate::model::DiscrepancyKind;
use crate::records::align::{ClauseMatch, Departure};
use crate::text::code_points::code_point_offsets;
use crate::text::iri::{file_iri, urn_segment};

/// The JSON-LD context of Web Annotations.
pub const ANNOTATION_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The IRI the `peaceplan:` prefix of peaceplan's own terms stands for.
pub const PEACEPLAN_TERMS: &str = "urn:peaceplan:term:";

/// The article annotated: the name its annotations' ids are built from, and the IRI they
/// target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    name: String,
    iri: String,
}

impl Article {
    /// The article `align` was given as `path`: `-` is standard input
    /// (`urn:peaceplan:stdin`, named `stdin`); any other path is made absolute against
    /// the current directory (symbolic links left as they are) and targeted by its
    /// `file:` IRI, named by its file name.
    pub fn at(path: &Path) -> std::io::Result<Self> {
        if path == Path::new("-") {
            return Ok(Self {
                name: "stdin".to_owned(),
                iri: "urn:peaceplan:stdin".to_owned(),
            });
        }
        let absolute = std::path::absolute(path)?;
        let name = absolute
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| "article".to_owned());
        Ok(Self {
            name,
            iri: file_iri(&absolute),
        })
    }
}

/// One JSON-LD document: the annotations of one article.
#[derive(Debug, Clone, Serialize)]
pub struct AnnotationPage {
    /// The Web Annotation context, then the `peaceplan:` prefix.
    #[serde(rename = "@context")]
    pub context: (&'static str, TermPrefix),
    pub id: String,
    /// `AnnotationPage`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// One annotation per passage, in the order `align` lists them; empty when no clause
    /// was found.
    pub items: Vec<Annotation>,
}

/// The prefix of peaceplan's own terms, declared in the page's context.
#[derive(Debug, Clone, Serialize)]
pub struct TermPrefix {
    pub peaceplan: &'static str,
}

/// One passage of the article, identified as reporting a clause.
#[derive(Debug, Clone, Serialize)]
pub struct Annotation {
    pub id: String,
    /// `Annotation`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `identifying`: the annotation says which clause the passage reports.
    pub motivation: &'static str,
    /// The clause, then the departures found in this passage.
    pub body: Vec<TextualBody>,
    pub target: Target,
}

/// A body written out: a line for people (`value`) and the same facts as terms.
#[derive(Debug, Clone, Serialize)]
pub struct TextualBody {
    /// `TextualBody`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `identifying` for the clause, `assessing` for a departure.
    pub purpose: &'static str,
    pub value: String,
    /// `text/plain`.
    pub format: &'static str,
    #[serde(flatten)]
    pub terms: BodyTerms,
}

/// What a body says, as peaceplan's terms.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum BodyTerms {
    Clause {
        /// The clause's id, `clause-` and its number (CODEBOOK.md, section 6a).
        #[serde(rename = "peaceplan:clause")]
        clause: String,
        #[serde(rename = "peaceplan:title")]
        title: String,
        /// The clause's score in the article, between 0 and 1 (as `--format json`).
        #[serde(rename = "peaceplan:score")]
        score: f64,
    },
    Departure {
        #[serde(rename = "peaceplan:departure")]
        kind: DiscrepancyKind,
        #[serde(rename = "peaceplan:text_says")]
        text_says: String,
        #[serde(rename = "peaceplan:outlet_says")]
        outlet_says: String,
    },
}

/// The passage: the article and two selectors of the same text in it.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    /// The article's IRI.
    pub source: String,
    /// A `TextQuoteSelector` and a `TextPositionSelector`.
    pub selector: [Selector; 2],
}

/// A W3C selector, named by its `type`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type")]
pub enum Selector {
    /// The passage's text, with up to 32 bytes of context on each side.
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
    },
    /// Where the passage starts and ends, in code points from the article's start.
    TextPositionSelector { start: usize, end: usize },
}

/// The annotations of `matches`, which `align` found in `text`, the text of `article`:
/// one per passage. A departure goes on the annotation of the first of its clause's
/// passages that holds the article's words it quotes (the clause's first passage when
/// none holds them word for word).
pub fn annotation_page(matches: &[ClauseMatch], text: &str, article: &Article) -> AnnotationPage {
    let page_id = format!("urn:peaceplan:align:{}", urn_segment(&article.name));
    let offsets: Vec<usize> = matches
        .iter()
        .flat_map(|found| &found.passages)
        .flat_map(|passage| [passage.start, passage.end])
        .collect();
    let mut positions = code_point_offsets(text, &offsets)
        .into_iter()
        .map(|position| {
            position.expect("a passage starts and ends on character boundaries of its article")
        });
    let mut items = Vec::new();
    for found in matches {
        let clause = format!("clause-{}", found.clause);
        let home = departure_homes(found);
        for (index, passage) in found.passages.iter().enumerate() {
            let (start, end) = (
                positions.next().unwrap_or_default(),
                positions.next().unwrap_or_default(),
            );
            let mut body = vec![clause_body(found, &clause)];
            body.extend(
                found
                    .departures
                    .iter()
                    .zip(&home)
                    .filter(|(_, home)| **home == index)
                    .map(|(departure, _)| departure_body(departure)),
            );
            items.push(Annotation {
                id: format!("{page_id}:{clause}:{}", index + 1),
                kind: "Annotation",
                motivation: "identifying",
                body,
                target: Target {
                    source: article.iri.clone(),
                    selector: [
                        Selector::TextQuoteSelector {
                            exact: passage.text.clone(),
                            prefix: passage.prefix.clone(),
                            suffix: passage.suffix.clone(),
                        },
                        Selector::TextPositionSelector { start, end },
                    ],
                },
            });
        }
    }
    AnnotationPage {
        context: (
            ANNOTATION_CONTEXT,
            TermPrefix {
                peaceplan: PEACEPLAN_TERMS,
            },
        ),
        id: page_id,
        kind: "AnnotationPage",
        items,
    }
}

/// For each departure of `found`, the index of the passage it goes with: the first
/// passage that holds its `outlet_says`, else the first.
fn departure_homes(found: &ClauseMatch) -> Vec<usize> {
    found
        .departures
        .iter()
        .map(|departure| {
            found
                .passages
                .iter()
                .position(|passage| passage.text.contains(&departure.outlet_says))
                .unwrap_or(0)
        })
        .collect()
}

fn clause_body(found: &ClauseMatch, clause: &str) -> TextualBody {
    TextualBody {
        kind: "TextualBody",
        purpose: "identifying",
        value: format!(
            "{}. {} (score {:.2})",
            found.clause, found.title, found.score
        ),
        format: "text/plain",
        terms: BodyTerms::Clause {
            clause: clause.to_owned(),
            title: found.title.clone(),
            score: found.score,
        },
    }
}

fn departure_body(departure: &Departure) -> TextualBody {
    TextualBody {
        kind: "TextualBody",
        purpose: "assessing",
        value: format!(
            "{} departure: article says \"{}\"; text says \"{}\" ({})",
            departure.kind, departure.outlet_says, departure.text_says, departure.why
        ),
        format: "text/plain",
        terms: BodyTerms::Departure {
            kind: departure.kind,
            text_says: departure.text_says.clone(),
            outlet_says: departure.outlet_says.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::align::Passage;

    /// `quoted` as `align` gives a passage of `text`, with up to four characters of
    /// context each side.
    fn passage(text: &str, quoted: &str) -> Passage {
        let start = text.find(quoted).unwrap();
        let end = start + quoted.len();
        let (before, after) = (&text[..start], &text[end..]);
        let from = before
            .char_indices()
            .rev()
            .take(4)
            .last()
            .map_or(start, |(at, _)| at);
        let to = after
            .char_indices()
            .nth(4)
            .map_or(after.len(), |(at, _)| at);
        Passage {
            text: quoted.to_owned(),
            start,
            end,
            prefix: text[from..start].to_owned(),
            suffix: after[..to].to_owned(),
        }
    }

    fn article() -> Article {
        Article {
            name: "a b.txt".to_owned(),
            iri: "file:///tmp/a%20b.txt".to_owned(),
        }
    }

    #[test]
    fn one_annotation_per_passage_with_positions_in_code_points() {
        let text = "«Мир» — Europe’s jets go to Poland. 🙂 US jets guard the skies.";
        let found = ClauseMatch {
            clause: 9,
            title: "European fighter jets stationed in Poland".to_owned(),
            score: 0.9,
            passages: vec![
                passage(text, "Europe’s jets go to Poland."),
                passage(text, "US jets guard the skies."),
            ],
            later_versions: Vec::new(),
            departures: vec![Departure {
                kind: DiscrepancyKind::Party,
                text_says: "European fighter".to_owned(),
                outlet_says: "US jets".to_owned(),
                why: "the text names Europe, the article US".to_owned(),
            }],
        };
        let page = annotation_page(&[found], text, &article());
        assert_eq!(page.id, "urn:peaceplan:align:a%20b.txt");
        assert_eq!(page.items.len(), 2);
        let [first, second] = [&page.items[0], &page.items[1]];
        assert_eq!(first.id, "urn:peaceplan:align:a%20b.txt:clause-9:1");
        assert_eq!(second.id, "urn:peaceplan:align:a%20b.txt:clause-9:2");
        assert_eq!(
            first.target.selector[1],
            Selector::TextPositionSelector { start: 8, end: 35 }
        );
        let chars: Vec<char> = text.chars().collect();
        for annotation in &page.items {
            let [
                Selector::TextQuoteSelector { exact, .. },
                Selector::TextPositionSelector { start, end },
            ] = &annotation.target.selector
            else {
                panic!("{annotation:?}");
            };
            assert_eq!(chars[*start..*end].iter().collect::<String>(), *exact);
        }
        // The departure goes with the passage that quotes it, the clause with both.
        assert_eq!(first.body.len(), 1);
        assert_eq!(second.body.len(), 2);
        assert_eq!(second.body[1].purpose, "assessing");
        assert_eq!(
            second.body[1].value,
            "party departure: article says \"US jets\"; text says \"European fighter\" (the text names Europe, the article US)"
        );
        assert_eq!(
            first.body[0].value,
            "9. European fighter jets stationed in Poland (score 0.90)"
        );
    }

    #[test]
    fn a_departure_no_passage_quotes_goes_with_the_first() {
        let text = "Troops capped at 800,000. Generals object.";
        let found = ClauseMatch {
            clause: 6,
            title: "Ukrainian Armed Forces capped at 600,000".to_owned(),
            score: 0.5,
            passages: vec![
                passage(text, "Troops capped at 800,000."),
                passage(text, "Generals object."),
            ],
            later_versions: Vec::new(),
            departures: vec![Departure {
                kind: DiscrepancyKind::Wording,
                text_says: "limited to".to_owned(),
                outlet_says: "capped  at".to_owned(),
                why: "the text names Europe, the article US".to_owned(),
            }],
        };
        let page = annotation_page(&[found], text, &article());
        assert_eq!(page.items[0].body.len(), 2);
        assert_eq!(page.items[1].body.len(), 1);
    }

    #[test]
    fn the_page_serialises_as_json_ld_with_the_annotation_context() {
        let page = annotation_page(&[], "", &article());
        assert_eq!(
            serde_json::to_value(&page).unwrap(),
            serde_json::json!({
                "@context": [ANNOTATION_CONTEXT, {"peaceplan": PEACEPLAN_TERMS}],
                "id": "urn:peaceplan:align:a%20b.txt",
                "type": "AnnotationPage",
                "items": [],
            })
        );
        let text = "Jets go to Poland.";
        let found = ClauseMatch {
            clause: 9,
            title: "Jets".to_owned(),
            score: 1.0,
            passages: vec![passage(text, "Poland.")],
            later_versions: Vec::new(),
            departures: Vec::new(),
        };
        let annotation = serde_json::to_value(annotation_page(&[found], text, &article())).unwrap()
            ["items"][0]
            .clone();
        assert_eq!(
            annotation,
            serde_json::json!({
                "id": "urn:peaceplan:align:a%20b.txt:clause-9:1",
                "type": "Annotation",
                "motivation": "identifying",
                "body": [{
                    "type": "TextualBody",
                    "purpose": "identifying",
                    "value": "9. Jets (score 1.00)",
                    "format": "text/plain",
                    "peaceplan:clause": "clause-9",
                    "peaceplan:title": "Jets",
                    "peaceplan:score": 1.0,
                }],
                "target": {
                    "source": "file:///tmp/a%20b.txt",
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": "Poland.", "prefix": " to ", "suffix": ""},
                        {"type": "TextPositionSelector", "start": 11, "end": 18},
                    ],
                },
            })
        );
    }

    #[test]
    fn standard_input_and_paths_name_the_article() {
        let stdin = Article::at(Path::new("-")).unwrap();
        assert_eq!(stdin.iri, "urn:peaceplan:stdin");
        assert_eq!(stdin.name, "stdin");
        let file = Article::at(Path::new("articles/kyiv independent.txt")).unwrap();
        assert_eq!(file.name, "kyiv independent.txt");
        assert!(file.iri.starts_with("file:///"), "{}", file.iri);
        assert!(
            file.iri.ends_with("/articles/kyiv%20independent.txt"),
            "{}",
            file.iri
        );
    }
}
