//! data/CODEBOOK.md and the tool define the topics the same way: the codebook's topic
//! table, `peaceplan topics` and `peaceplan schema corpus` hold the same ids, labels and
//! definitions, in the same order.

use crate::support::{Fixture, peaceplan};
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, PartialEq, Deserialize)]
struct Definition {
    id: String,
    label: String,
    description: String,
}

/// The rows of the codebook's topic table: `| `id` | label | definition | applies when |`.
fn codebook_topics() -> Vec<Definition> {
    let codebook =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/CODEBOOK.md"))
            .expect("data/CODEBOOK.md");
    let section = codebook
        .split("\n## ")
        .find(|section| section.starts_with("4. Topics"))
        .expect("a `## 4. Topics` section");
    section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 4, "a topic row has four cells: {line}");
            Definition {
                id: cells[0].trim_matches('`').to_owned(),
                label: cells[1].to_owned(),
                description: cells[2].to_owned(),
            }
        })
        .collect()
}

/// The topic ids the corpus schema describes, with their titles and definitions.
fn schema_topics(schema: &Value) -> Vec<Definition> {
    schema["$defs"]["Clause"]["properties"]["topics"]["items"]["anyOf"]
        .as_array()
        .expect("topic ids as anyOf")
        .iter()
        .filter(|choice| choice.get("const").is_some())
        .map(|choice| Definition {
            id: choice["const"].as_str().unwrap().to_owned(),
            label: choice["title"].as_str().unwrap().to_owned(),
            description: choice["description"].as_str().unwrap().to_owned(),
        })
        .collect()
}

#[test]
fn the_codebook_defines_the_topics_the_tool_prints() {
    let codebook = codebook_topics();
    assert_eq!(codebook.len(), 20, "the codebook's topic table");
    let tool: Vec<Definition> = peaceplan(["topics", "--json", "--fields", "id,label,description"])
        .run()
        .json();
    assert_eq!(tool, codebook);
}

#[test]
fn the_corpus_schema_carries_the_codebooks_definitions() {
    let schema: Value = peaceplan(["schema", "corpus"]).run().json();
    assert_eq!(schema_topics(&schema), codebook_topics());
    let shipped: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schema/corpus.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(schema_topics(&shipped), codebook_topics());
}

/// The schema takes its definitions from the corpus, so a changed definition shows there
/// (and then no longer matches the codebook).
#[test]
fn a_changed_definition_reaches_topics_and_the_schema() {
    let fixture = Fixture::shipped();
    fixture.replace(
        "plan_28_points.yaml",
        "Frozen Russian and European funds and how they are used.",
        "Frozen funds.",
    );
    let schema: Value = peaceplan(["schema", "corpus"])
        .data(fixture.path())
        .run()
        .json();
    let frozen = schema_topics(&schema)
        .into_iter()
        .find(|topic| topic.id == "frozen-assets")
        .unwrap();
    assert_eq!(frozen.description, "Frozen funds.");
    peaceplan(["topics", "--format", "csv", "--fields", "id,description"])
        .data(fixture.path())
        .stdout_has("frozen-assets,Frozen funds.")
        .run();
    assert!(
        codebook_topics()
            .iter()
            .all(|topic| topic.description != "Frozen funds.")
    );
}

/// A clause whose topic id the schema does not describe (a `--data` corpus declares its
/// own vocabulary) still validates; a topic id that is not a string does not.
#[test]
fn the_schema_describes_known_topic_ids_and_accepts_others() {
    let schema: Value = peaceplan(["schema", "corpus"]).run().json();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let fixture = Fixture::shipped();
    let plan = |fixture: &Fixture| {
        let file = peaceplan::corpus::read_text(&fixture.file("plan_28_points.yaml")).unwrap();
        peaceplan::corpus::file_as_json(&file).unwrap()
    };
    fixture.replace(
        "plan_28_points.yaml",
        "    topics: [ceasefire]\n",
        "    topics: [topic-01]\n",
    );
    assert!(validator.is_valid(&plan(&fixture)));
    fixture.replace(
        "plan_28_points.yaml",
        "    topics: [topic-01]\n",
        "    topics: [28]\n",
    );
    assert!(!validator.is_valid(&plan(&fixture)));
}
