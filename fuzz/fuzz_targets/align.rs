//! Fuzz `align`: arbitrary bytes as the article, against the built-in corpus, written in
//! each of align's formats. The bytes may be refused (binary, not UTF-8); nothing may
//! panic. The corpus and the aligner are built once, as one `align` run builds them.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use peaceplan::cli::{AlignArgs, Style};
use peaceplan::cmd::align::{FORMATS, matches_to_show, write_matches};
use peaceplan::model::Corpus;
use peaceplan::query::align::{Aligner, DEFAULT_MIN_SCORE, article};

/// Colour on, and narrow enough that every passage wraps.
const STYLE: Style = Style {
    color: true,
    width: 40,
};

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| peaceplan::corpus::load(None).expect("the built-in corpus loads"))
}

fn aligner() -> &'static Aligner<'static> {
    static ALIGNER: OnceLock<Aligner<'static>> = OnceLock::new();
    ALIGNER.get_or_init(|| Aligner::new(corpus(), None))
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = article::text_of(bytes.to_vec()) else {
        return;
    };
    let args = AlignArgs {
        article: PathBuf::from("fuzzed.txt"),
        min_score: if which & 1 == 0 { DEFAULT_MIN_SCORE } else { 0.0 },
        all: which & 2 != 0,
        source: "fuzzed".to_owned(),
    };
    let matches = matches_to_show(aligner(), corpus(), &text, &args);
    for format in FORMATS {
        let mut sink = std::io::sink();
        write_matches(&matches, &text, *format, STYLE, &args, &mut sink).expect("writing to a sink succeeds");
    }
});
