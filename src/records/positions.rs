//! What `positions` and `actors` return: a position as an outlet reported it, and each
//! actor with their positions.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Corpus, ReportedPosition, Stance};
use crate::text::fold::lookup_key;

/// One reported position, as `positions` prints it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PositionRecord<'c> {
    /// The clause number, or null for a position on the plan as a whole.
    pub clause: Option<u32>,
    pub source: &'c str,
    pub actor: &'c str,
    pub party: &'c str,
    pub stance: Stance,
    pub summary: &'c str,
    pub quote: Option<&'c str>,
    pub via: Option<&'c str>,
}

impl<'c> PositionRecord<'c> {
    pub fn new(reported: &ReportedPosition<'c>) -> Self {
        let position = reported.position;
        Self {
            clause: reported.clause.map(|clause| clause.number),
            source: reported.source,
            actor: &position.actor,
            party: &position.party,
            stance: position.stance,
            summary: &position.summary,
            quote: position.quote.as_deref(),
            via: position.via.as_deref(),
        }
    }
}

/// One actor whose positions outlets reported, as `actors` prints it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ActorRecord<'c> {
    /// Who, as the articles name them, with their role.
    pub actor: &'c str,
    /// The party id the actor speaks for.
    pub party: &'c str,
    /// How many reported positions are the actor's.
    pub positions: usize,
    /// The outlets that report them, in the order of `sources.yaml`.
    pub sources: Vec<&'c str>,
}

impl<'c> ActorRecord<'c> {
    /// One record per actor and party among `positions`, ordered by actor, ignoring case
    /// and accents; `sources` in the order of `corpus`'s outlets.
    pub fn all(corpus: &'c Corpus, positions: &[ReportedPosition<'c>]) -> Vec<Self> {
        let mut actors: Vec<Self> = Vec::new();
        let mut index_of: HashMap<(&str, &str), usize> = HashMap::new();
        for reported in positions {
            let position = reported.position;
            let key = (position.actor.as_str(), position.party.as_str());
            let index = *index_of.entry(key).or_insert_with(|| {
                actors.push(Self {
                    actor: &position.actor,
                    party: &position.party,
                    positions: 0,
                    sources: Vec::new(),
                });
                actors.len() - 1
            });
            let actor = &mut actors[index];
            actor.positions += 1;
            actor.sources.push(reported.source);
        }
        for actor in &mut actors {
            actor
                .sources
                .sort_unstable_by_key(|source| (corpus.source_rank(source), *source));
            actor.sources.dedup();
        }
        actors.sort_by_cached_key(|record| (lookup_key(record.actor), record.party));
        actors
    }
}
