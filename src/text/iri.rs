//! Building IRIs from names and paths: a `file:` IRI for a file, and a name made safe to
//! put in a `urn:` (every byte but the unreserved characters percent-encoded, which needs
//! no decoding of UTF-8: the bytes are encoded as they are).

use std::path::Path;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_encode};

/// Every byte but RFC 3986's unreserved characters (ASCII letters, digits, `-`, `.`, `_`,
/// `~`) is percent-encoded in a URN segment.
const URN_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A path keeps its `/` as well.
const PATH: &AsciiSet = &URN_SEGMENT.remove(b'/');

/// A Windows path keeps its drive letter's `:` too (`file:///C:/…`).
const WINDOWS_PATH: &AsciiSet = &PATH.remove(b':');

/// `name` as one segment of a URN: unreserved characters kept, every other byte
/// percent-encoded (so a `:` in the name cannot be taken for a separator).
pub fn urn_segment(name: &str) -> String {
    percent_encode(name.as_bytes(), URN_SEGMENT).to_string()
}

/// The `file:` IRI of the absolute path `path` (RFC 8089): `file://` and the path, its
/// bytes outside the unreserved characters and `/` percent-encoded. A Windows path's
/// backslashes become slashes and its drive letter is kept (`file:///C:/…`).
pub fn file_iri(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut slashed: Vec<u8> = if cfg!(windows) {
        bytes
            .iter()
            .map(|&byte| if byte == b'\\' { b'/' } else { byte })
            .collect()
    } else {
        bytes.to_vec()
    };
    if !slashed.starts_with(b"/") {
        slashed.insert(0, b'/');
    }
    let kept = if cfg!(windows) { WINDOWS_PATH } else { PATH };
    format!("file://{}", percent_encode(&slashed, kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreserved_characters_stay_and_the_rest_is_percent_encoded() {
        assert_eq!(urn_segment("planted-troops.txt"), "planted-troops.txt");
        assert_eq!(urn_segment("a b:c/d"), "a%20b%3Ac%2Fd");
        // Each UTF-8 byte of a non-ASCII character, in upper-case hex.
        assert_eq!(urn_segment("київ’"), "%D0%BA%D0%B8%D1%97%D0%B2%E2%80%99");
        assert_eq!(urn_segment("~_."), "~_.");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_iri_keeps_the_slashes_and_encodes_the_rest() {
        assert_eq!(
            file_iri(Path::new("/tmp/articles/kyiv independent.txt")),
            "file:///tmp/articles/kyiv%20independent.txt"
        );
        assert_eq!(
            file_iri(Path::new("/tmp/#1 ?«ї».txt")),
            "file:///tmp/%231%20%3F%C2%AB%D1%97%C2%BB.txt"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_utf8_is_encoded_byte_for_byte() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(std::ffi::OsStr::from_bytes(b"/tmp/\xff.txt"));
        assert_eq!(file_iri(path), "file:///tmp/%FF.txt");
    }
}
