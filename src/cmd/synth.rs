//! `peaceplan synth`: write a synthetic corpus of a given size, for benchmarks.

use std::io::Write;

use super::Context;
use crate::cli::{OutputFormat, SynthArgs};
use crate::corpus::synth::{self, SynthSpec};
use crate::error::UsageError;

pub fn run(args: &SynthArgs, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
    context.require_format(&[OutputFormat::Table])?;
    context.require_no_fields()?;
    let spec = SynthSpec {
        clauses: args.clauses,
        sources: args.sources,
        seed: args.seed,
    };
    // A size past the limit or a directory in use is a usage error, like an out-of-range
    // --clauses.
    let (plan_bytes, sources_bytes) = synth::write_corpus(spec, &args.out_dir, args.force)
        .map_err(|error| match error.downcast::<synth::SynthError>() {
            Ok(refused) => UsageError(refused.to_string()).into(),
            Err(other) => other,
        })?;
    writeln!(
        out,
        "wrote {} clauses and {} sources to {} ({plan_bytes} + {sources_bytes} bytes)",
        args.clauses,
        args.sources,
        args.out_dir.display()
    )?;
    Ok(())
}
