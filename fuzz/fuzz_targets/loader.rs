//! Fuzz the corpus loader: arbitrary bytes as either corpus file, the other a valid one.
//! Every input must load or give problems; none may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peaceplan::corpus::{self, CorpusFiles};

const PLAN: &str = include_str!("../../data/plan_28_points.yaml");
const SOURCES: &str = include_str!("../../data/sources.yaml");

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let (plan, sources) = if which % 2 == 0 {
        (bytes.to_vec(), SOURCES.as_bytes().to_vec())
    } else {
        (PLAN.as_bytes().to_vec(), bytes.to_vec())
    };
    let Ok(files) = CorpusFiles::from_bytes(plan, sources) else {
        return;
    };
    let checked = corpus::check_files(&files);
    // Every problem must render as a message.
    for problem in &checked.problems {
        let _ = problem.to_string();
    }
});
