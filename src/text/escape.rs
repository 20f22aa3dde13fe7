//! The one escaping rule for every output boundary: characters that control a terminal
//! (C0, DEL, C1) or that reorder or hide text (bidirectional overrides and isolates,
//! zero-width characters, the line and paragraph separators) are never written raw.
//! Tables, CSV, Markdown and messages show them as `\u{..}`; JSON and YAML write them as
//! `\uXXXX` escapes, which a reader decodes back to the same string.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// Whether `c` must not reach a terminal or a reader's screen raw: every control
/// character (C0, DEL, C1) and every character that reorders or hides text.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}'                  // Arabic letter mark
            | '\u{200B}'..='\u{200F}'   // zero-width space, (non-)joiner, LRM, RLM
            | '\u{2028}' | '\u{2029}'   // line and paragraph separators
            | '\u{202A}'..='\u{202E}'   // bidirectional embeddings and overrides
            | '\u{2060}'..='\u{2064}'   // word joiner and invisible operators
            | '\u{2066}'..='\u{2069}'   // bidirectional isolates
            | '\u{FEFF}'                // zero-width no-break space (BOM)
        )
}

/// `text` with every unsafe character except newline replaced by its `\u{..}` escape.
pub fn visible(text: &str) -> String {
    let escape = |c: char| is_unsafe_char(c) && c != '\n';
    if is_printable_ascii(text, b'\n') || !text.chars().any(escape) {
        return text.to_owned();
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            shown.extend(c.escape_unicode());
        } else {
            shown.push(c);
        }
    }
    shown
}

/// Whether every byte of `text` is printable ASCII or `allowed`: such text has no
/// unsafe character, and the check runs a byte at a time (most text passes it).
fn is_printable_ascii(text: &str, allowed: u8) -> bool {
    text.bytes()
        .all(|byte| (b' '..=b'~').contains(&byte) || byte == allowed)
}

/// A serde_json formatter that also writes the unsafe characters serde_json leaves raw
/// (DEL, C1, bidi and zero-width characters, U+2028/2029) as `\uXXXX`, without touching
/// the data: a JSON reader gets the same string back.
pub struct SafeFormatter<F>(pub F);

impl<F: Formatter> Formatter for SafeFormatter<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if is_printable_ascii(fragment, b' ') {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (offset, c) in fragment.char_indices() {
            if is_unsafe_char(c) {
                writer.write_all(&fragment.as_bytes()[start..offset])?;
                // Every unsafe character is in the Basic Multilingual Plane.
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = offset + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }
    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }
    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_key(writer)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// `value` as pretty-printed JSON, unsafe characters escaped. Errors are io::Errors, so
/// that a closed pipe stays recognisable as one.
pub fn json_pretty<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let formatter = SafeFormatter(PrettyFormatter::new());
    let mut serializer = serde_json::Serializer::with_formatter(out, formatter);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// `value` as compact JSON on one line (no newline added), unsafe characters escaped.
pub fn json_compact<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(out, SafeFormatter(CompactFormatter));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// `text` as a JSON string literal, quotes included, unsafe characters escaped.
pub fn json_string_literal(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len() + 2);
    json_compact(&mut bytes, text).expect("writing into memory cannot fail");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// `text` in curly quotation marks, unless it is already wholly quoted (an outlet's
/// words that are themselves a quotation), so that it never reads `““…””`.
pub fn quoted(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.starts_with('“') && trimmed.ends_with('”') && trimmed.chars().count() > 1 {
        trimmed.to_owned()
    } else {
        format!("“{text}”")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_and_reordering_characters_but_keeps_newlines() {
        assert_eq!(visible("a\u{1b}[31mb\nc"), "a\\u{1b}[31mb\nc");
        assert_eq!(visible("x\u{9b}y\u{7f}"), "x\\u{9b}y\\u{7f}");
        assert_eq!(
            visible("\u{202e}txt.exe\u{2028}\u{200b}"),
            "\\u{202e}txt.exe\\u{2028}\\u{200b}"
        );
        assert_eq!(
            visible("plain, accents é and wide 中"),
            "plain, accents é and wide 中"
        );
    }

    #[test]
    fn json_escapes_what_serde_json_leaves_raw_and_reads_back_the_same() {
        let text = "a\u{9b}b\u{7f}c\u{202e}d\u{1b}e\"\u{2029}é";
        let literal = json_string_literal(text);
        assert_eq!(literal, r#""a\u009bb\u007fc\u202ed\u001be\"\u2029é""#);
        assert_eq!(serde_json::from_str::<String>(&literal).unwrap(), text);
    }
}
