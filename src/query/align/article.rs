//! Reading the article to align: a UTF-8 text file, or standard input for `-`.

use std::io::Read;
use std::path::Path;

/// Articles larger than this are refused rather than read into memory.
const MAX_ARTICLE_BYTES: u64 = 16 << 20;

/// An article that cannot be read, with the name it was given by.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {message}")]
pub struct ArticleError {
    pub name: String,
    pub message: String,
}

/// The text of the article at `path` (`-` for standard input).
pub fn read(path: &Path) -> Result<String, ArticleError> {
    let name = if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    };
    let fail = |message: String| ArticleError {
        name: name.clone(),
        message,
    };
    let mut bytes = Vec::new();
    let result = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_ARTICLE_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        let metadata = std::fs::metadata(path)
            .map_err(|error| fail(format!("cannot read the article: {error}")))?;
        if !metadata.is_file() {
            return Err(fail(
                "is not a regular file; give align a text file, or - for standard input".into(),
            ));
        }
        std::fs::File::open(path)
            .and_then(|file| file.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes))
    };
    result.map_err(|error| fail(format!("cannot read the article: {error}")))?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(fail(format!(
            "is larger than the {} MiB limit for an article",
            MAX_ARTICLE_BYTES >> 20
        )));
    }
    text_of(bytes).map_err(fail)
}

/// `bytes` as article text, or why they are not text (the message follows the article's
/// name).
pub fn text_of(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(offset) = bytes.iter().position(|byte| *byte == 0) {
        return Err(format!(
            "is binary, not text (a NUL byte at offset {offset}); give align the article as \
             plain UTF-8 text"
        ));
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        format!(
            "is not UTF-8 text: byte 0x{:02x} at offset {offset} is invalid; re-save the \
             article as UTF-8",
            error.as_bytes()[offset]
        )
    })
}
