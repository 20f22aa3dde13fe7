//! The project's only contact with YAML: strict parsing of corpus files into the model,
//! and serialising values back to YAML text.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::locate::Locator;
use super::problem::Problem;
use super::read::SourceText;

/// Parse one corpus file into `T`, or a problem located where the parser stopped.
pub fn parse<T: DeserializeOwned>(file: &SourceText, expected: &str) -> Result<T, Problem> {
    if file.text.trim().is_empty() {
        return Err(Problem::new(&file.name, Some((1, 1)), "the file is empty")
            .with_hint(format!("expected {expected}")));
    }
    serde_yaml::from_str(&file.text).map_err(|error| {
        let message = strip_positions(&error.to_string());
        let place = error
            .location()
            .map(|location| (location.line(), location.column()));
        let place = match (place, duplicated_field(&message)) {
            // The library points at the mapping; point at the repeated key instead.
            (Some((line, _)), Some(key)) => {
                Locator::new(&file.text).repeated_key(line, key).or(place)
            }
            _ => place,
        };
        Problem::new(&file.name, place, message)
    })
}

/// A corpus file as a JSON value, as a schema validator sees it.
pub fn to_json_value(file: &SourceText) -> Result<serde_json::Value, Problem> {
    parse(file, "a YAML mapping")
}

/// `value` as a YAML document.
pub fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    Ok(serde_yaml::to_string(value)?)
}

/// The field named by a serde "duplicate field `x`" message.
fn duplicated_field(message: &str) -> Option<&str> {
    let after = &message[message.find("duplicate field `")? + "duplicate field `".len()..];
    after.split('`').next()
}

/// The library's message without its own "at line L column C" notes, since the problem
/// carries the place already.
fn strip_positions(message: &str) -> String {
    let mut remaining = message;
    let mut stripped = String::with_capacity(message.len());
    while let Some(start) = remaining.find(" at line ") {
        stripped.push_str(&remaining[..start]);
        let after = &remaining[start + " at line ".len()..];
        remaining = skip_line_column(after).unwrap_or(after);
    }
    stripped.push_str(remaining);
    stripped
}

/// The text after "L column C" at the start of `text`, if it starts that way.
fn skip_line_column(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == text.len() {
        return None;
    }
    let rest = rest.strip_prefix(" column ")?;
    let after = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    (after.len() < rest.len()).then_some(after)
}

#[cfg(test)]
mod tests {
    use super::strip_positions;

    #[test]
    fn strips_every_position_note() {
        assert_eq!(
            strip_positions(
                "did not find expected key at line 5 column 3, while parsing a block mapping at line 2 column 1"
            ),
            "did not find expected key, while parsing a block mapping"
        );
        assert_eq!(strip_positions("no position here"), "no position here");
    }
}
