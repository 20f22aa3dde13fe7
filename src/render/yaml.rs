//! YAML output for people and for YAML 1.1 readers alike: block style, with every string
//! that a YAML 1.1 or 1.2 reader could take for something else (`no`, `off`, a date,
//! `1_000`, `null`, text with `: `) double-quoted, and unsafe characters escaped as
//! `\uXXXX`. Written from a JSON value, so it holds exactly what `--format json` holds.

use std::io::Write;

use serde::Serialize;
use serde_json::Value;

use crate::text::escape::{is_unsafe_char, json_string_literal};

/// `value` as one YAML document.
pub fn write_document<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> anyhow::Result<()> {
    let value = serde_json::to_value(value)?;
    let mut text = String::new();
    match &value {
        Value::Array(items) if !items.is_empty() => sequence(&mut text, items, 0),
        Value::Object(fields) if !fields.is_empty() => mapping(&mut text, fields, 0),
        scalar => {
            text.push_str(&inline(scalar));
            text.push('\n');
        }
    }
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Block sequence items at `indent` spaces, each a `- ` line.
fn sequence(text: &mut String, items: &[Value], indent: usize) {
    for item in items {
        push_indent(text, indent);
        text.push_str("- ");
        match item {
            Value::Object(fields) if !fields.is_empty() => {
                // The first key shares the `- ` line; the rest line up under it.
                mapping_after_dash(text, fields, indent + 2);
            }
            Value::Array(inner) if !inner.is_empty() => {
                text.push('\n');
                sequence(text, inner, indent + 2);
            }
            scalar => {
                text.push_str(&inline(scalar));
                text.push('\n');
            }
        }
    }
}

fn mapping(text: &mut String, fields: &serde_json::Map<String, Value>, indent: usize) {
    for (key, value) in fields {
        push_indent(text, indent);
        entry(text, key, value, indent);
    }
}

fn mapping_after_dash(text: &mut String, fields: &serde_json::Map<String, Value>, indent: usize) {
    for (position, (key, value)) in fields.iter().enumerate() {
        if position > 0 {
            push_indent(text, indent);
        }
        entry(text, key, value, indent);
    }
}

/// `key: value`, with a nested collection on the lines below.
fn entry(text: &mut String, key: &str, value: &Value, indent: usize) {
    text.push_str(&scalar_text(key));
    text.push(':');
    match value {
        Value::Object(fields) if !fields.is_empty() => {
            text.push('\n');
            mapping(text, fields, indent + 2);
        }
        Value::Array(items) if !items.is_empty() => {
            text.push('\n');
            sequence(text, items, indent);
        }
        scalar => {
            text.push(' ');
            text.push_str(&inline(scalar));
            text.push('\n');
        }
    }
}

fn push_indent(text: &mut String, indent: usize) {
    text.extend(std::iter::repeat_n(' ', indent));
}

/// A scalar, or an empty collection, on one line.
fn inline(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(string) => scalar_text(string),
        Value::Array(_) => "[]".to_owned(),
        Value::Object(_) => "{}".to_owned(),
    }
}

/// A string as a plain scalar when every YAML reader reads it back as that string, else
/// double-quoted with escapes.
fn scalar_text(string: &str) -> String {
    if is_plain_safe(string) {
        string.to_owned()
    } else {
        json_string_literal(string)
    }
}

/// Words YAML 1.1 reads as booleans or null (in any case).
const SPECIAL_WORDS: &[&str] = &[
    "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~",
];

/// Whether `string` may be written plain: it starts with a letter (so it is no number,
/// date, sexagesimal, `.inf` or indicator), is no YAML 1.1 boolean or null word, holds no
/// character or pair that means something in YAML, and has nothing unsafe in it.
fn is_plain_safe(string: &str) -> bool {
    let Some(first) = string.chars().next() else {
        return false;
    };
    first.is_alphabetic()
        && !string.ends_with([' ', ':'])
        && !string.contains(": ")
        && !string.contains(" #")
        && !SPECIAL_WORDS
            .iter()
            .any(|word| string.eq_ignore_ascii_case(word))
        && !string
            .chars()
            .any(|c| is_unsafe_char(c) || c == '\u{85}' || c == '\u{a0}' || c == '\t')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn yaml(value: Value) -> String {
        let mut out = Vec::new();
        write_document(&mut out, &value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quotes_what_a_yaml_1_1_reader_would_misread() {
        let text = yaml(
            json!([{"id": "no", "headline": "off", "published": "2025-11-21",
            "n": "1_000", "t": "null", "k": "a: b", "ok": "Al Mayadeen", "num": 3, "none": null}]),
        );
        assert_eq!(
            text,
            "- id: \"no\"\n  headline: \"off\"\n  published: \"2025-11-21\"\n  \"n\": \"1_000\"\n  \
             t: \"null\"\n  k: \"a: b\"\n  ok: Al Mayadeen\n  num: 3\n  none: null\n"
        );
    }

    #[test]
    fn nests_and_escapes() {
        let text = yaml(json!({"a": {"b": ["x\u{9b}y", "z"]}, "e": [], "m": {}, "s": "l1\nl2"}));
        assert_eq!(
            text,
            "a:\n  b:\n  - \"x\\u009by\"\n  - z\nm: {}\ns: \"l1\\nl2\"\n"
                .replace("m: {}", "e: []\nm: {}")
        );
    }
}
