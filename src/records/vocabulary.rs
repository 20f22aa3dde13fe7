//! What `topics` and `parties` return: a vocabulary entry and how many clauses use it.

use serde::Serialize;

use crate::model::{Clause, Corpus};

/// A vocabulary entry (topic or party) with how many clauses use it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VocabularyRecord<'c> {
    pub id: &'c str,
    pub label: &'c str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'c str>,
    pub clauses: usize,
}

impl<'c> VocabularyRecord<'c> {
    /// A party's fields: a topic's but the description, which parties do not have.
    pub fn party_fields() -> Vec<String> {
        let mut fields = super::fields_of::<Self>();
        fields.retain(|field| field != "description");
        fields
    }

    /// Topics with the number of clauses that touch each.
    pub fn topics(corpus: &'c Corpus) -> Vec<Self> {
        corpus
            .topics
            .iter()
            .map(|topic| Self {
                id: &topic.id,
                label: &topic.label,
                description: Some(&topic.description),
                clauses: count_clauses(corpus, |clause| clause.topics.contains(&topic.id)),
            })
            .collect()
    }

    /// Parties with the number of clauses that bind or name each.
    pub fn parties(corpus: &'c Corpus) -> Vec<Self> {
        corpus
            .parties
            .iter()
            .map(|party| Self {
                id: &party.id,
                label: &party.label,
                description: None,
                clauses: count_clauses(corpus, |clause| clause.parties.contains(&party.id)),
            })
            .collect()
    }
}

fn count_clauses(corpus: &Corpus, test: impl Fn(&Clause) -> bool) -> usize {
    corpus.clauses.iter().filter(|clause| test(clause)).count()
}
