//! Values for shell completion, from the corpus: topics, parties, sources, actors and
//! clause numbers. clap_complete's dynamic completion (`COMPLETE=bash peaceplan`) calls
//! these; the corpus is the one in PEACEPLAN_DATA, or the built-in one. A corpus that
//! does not load gives no candidates, never an error on the user's prompt.

use std::collections::BTreeSet;
use std::path::PathBuf;

use clap_complete::CompletionCandidate;

use crate::corpus;
use crate::model::Corpus;
use crate::query::all_positions;

/// Topic ids, with their labels as help.
pub fn topics() -> Vec<CompletionCandidate> {
    with_corpus(|corpus| {
        corpus
            .topics
            .iter()
            .map(|topic| CompletionCandidate::new(&topic.id).help(Some(topic.label.clone().into())))
            .collect()
    })
}

/// Party ids, with their labels as help.
pub fn parties() -> Vec<CompletionCandidate> {
    with_corpus(|corpus| {
        corpus
            .parties
            .iter()
            .map(|party| CompletionCandidate::new(&party.id).help(Some(party.label.clone().into())))
            .collect()
    })
}

/// Source ids, with the outlet's name as help.
pub fn sources() -> Vec<CompletionCandidate> {
    with_corpus(|corpus| {
        corpus
            .sources
            .iter()
            .map(|source| {
                CompletionCandidate::new(&source.id).help(Some(source.name.clone().into()))
            })
            .collect()
    })
}

/// Every actor whose position an outlet reported, once each.
pub fn actors() -> Vec<CompletionCandidate> {
    with_corpus(|corpus| {
        let actors: BTreeSet<&str> = all_positions(corpus)
            .iter()
            .map(|reported| reported.position.actor.as_str())
            .collect();
        actors.into_iter().map(CompletionCandidate::new).collect()
    })
}

/// Clause numbers, with the clause's title as help.
pub fn clauses() -> Vec<CompletionCandidate> {
    with_corpus(|corpus| {
        corpus
            .clauses
            .iter()
            .map(|clause| {
                CompletionCandidate::new(clause.number.to_string())
                    .help(Some(clause.title.clone().into()))
            })
            .collect()
    })
}

/// `candidates` of the corpus completion reads, or none when it does not load.
fn with_corpus(
    candidates: impl Fn(&Corpus) -> Vec<CompletionCandidate>,
) -> Vec<CompletionCandidate> {
    let dir = std::env::var_os("PEACEPLAN_DATA")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from);
    match corpus::load(dir.as_deref()) {
        Ok(corpus) => candidates(&corpus),
        Err(_) => Vec::new(),
    }
}
