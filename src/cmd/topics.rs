//! `peaceplan topics`: the topic vocabulary and how many clauses touch each topic.

use std::io::Write;

use super::{Context, emit};
use crate::records::VocabularyRecord;
use crate::records::fields_of;
use crate::render;

pub fn run(context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    let corpus = context.corpus()?;
    emit(
        context,
        out,
        &VocabularyRecord::topics(corpus),
        &fields_of::<VocabularyRecord>(),
        render::vocabulary_table,
    )
}
