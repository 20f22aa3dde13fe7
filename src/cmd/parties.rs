//! `peaceplan parties`: the party vocabulary and how many clauses bind or name each party.

use std::io::Write;

use super::{Context, emit};
use crate::records::VocabularyRecord;
use crate::render;

pub fn run(context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    emit(
        context,
        out,
        &VocabularyRecord::parties(corpus),
        &VocabularyRecord::party_fields(),
        render::vocabulary_table,
    )
}
