//! Every shape the commands return, one file per concept: the documented, stable JSON
//! keys (docs/json.md), built from the model or filled by the queries. The
//! JSON Schemas of the outputs are generated from these types (`schema`).

pub mod align;
pub mod annotations;
mod clauses;
pub mod compare;
pub mod departures;
mod export;
mod flat;
mod matrix;
mod positions;
pub mod schema;
pub mod search;
mod sources;
mod validation;
pub mod versions;
mod vocabulary;

pub use clauses::{ClauseDetail, ClauseRecord};
pub use departures::{DepartureRecord, DetectedFigureRecord};
pub use export::ExportRecord;
pub use flat::FlatCell;
pub use matrix::{MatrixCell, MatrixRecord, MatrixRow, MatrixTotal};
pub use positions::{ActorRecord, PositionRecord};
pub use sources::SourceRecord;
pub use validation::{ProblemRecord, QuoteMissRecord, ValidationRecord};
pub use vocabulary::VocabularyRecord;

/// The fields a record serialises, in order, read off its JSON Schema: the list that
/// `--fields` checks against and CSV columns follow, generated rather than kept by hand.
pub fn fields_of<T: schemars::JsonSchema>() -> Vec<String> {
    let schema = schemars::SchemaGenerator::default().into_root_schema_for::<T>();
    schema
        .get("properties")
        .and_then(|properties| properties.as_object())
        .map(|properties| properties.keys().cloned().collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::*;
    use crate::corpus;
    use crate::model::all_positions;

    fn keys<T: Serialize>(record: &T) -> Vec<String> {
        match serde_json::to_value(record).unwrap() {
            serde_json::Value::Object(object) => object.keys().cloned().collect(),
            other => panic!("not an object: {other}"),
        }
    }

    /// The generated field lists are the keys each record serialises, in order: a
    /// `skip_serializing`, a rename or a flatten the schema did not follow would show here.
    #[test]
    fn field_lists_match_what_records_serialise() {
        let corpus = corpus::load(None).unwrap();
        let clause = &corpus.clauses[0];
        assert_eq!(
            keys(&ClauseRecord::new(&corpus, clause)),
            fields_of::<ClauseRecord>()
        );
        assert_eq!(
            keys(&ClauseDetail::new(&corpus, clause)),
            fields_of::<ClauseDetail>()
        );
        assert_eq!(
            keys(&VocabularyRecord::topics(&corpus)[0]),
            fields_of::<VocabularyRecord>()
        );
        assert_eq!(
            keys(&VocabularyRecord::parties(&corpus)[0]),
            VocabularyRecord::party_fields()
        );
        assert_eq!(
            keys(&SourceRecord::all(&corpus)[0]),
            fields_of::<SourceRecord>()
        );
        assert_eq!(
            keys(&PositionRecord::new(&all_positions(&corpus)[0])),
            fields_of::<PositionRecord>()
        );
        assert_eq!(
            fields_of::<ClauseRecord>(),
            [
                "number",
                "title",
                "text",
                "subpoints",
                "topics",
                "parties",
                "sources"
            ]
        );
        let matrix = MatrixRecord::new(&corpus, &[clause]);
        let flat = matrix.flat_rows().next().unwrap();
        assert_eq!(flat.len(), matrix.flat_fields().len());
    }
}
