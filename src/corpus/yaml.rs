//! The project's only contact with YAML: strict parsing of corpus files into the model,
//! and serialising values back to YAML text.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::locate::Locator;
use super::problem::Problem;
use super::read::SourceText;
use crate::model::{Clause, PlanFile};

/// Parse one corpus file into `T`, or a problem located where the parser stopped.
pub fn parse<T: DeserializeOwned>(file: &SourceText, expected: &str) -> Result<T, Problem> {
    if file.text.trim().is_empty() {
        return Err(Problem::new(&file.name, Some((1, 1)), "the file is empty")
            .with_hint(format!("expected {expected}")));
    }
    refuse_deep_nesting(file)?;
    super::limits::refuse_whole_parse_beyond_limit(
        file,
        "is parsed in one piece (it is not a plan file written as a block list of clauses)",
    )?;
    parse_piece(file, &file.text, 0, "")
}

/// Parse `piece` of `file` (the whole text, or a part that starts after `lines_before`
/// lines and whose error paths start with `[0]` standing for `path`) into `T`.
fn parse_piece<T: DeserializeOwned>(
    file: &SourceText,
    piece: &str,
    lines_before: usize,
    path: &str,
) -> Result<T, Problem> {
    serde_yaml::from_str(piece).map_err(|error| {
        // The library reports a problem with the values it read before a syntax error
        // further on; the syntax error is the one to fix, at its own line.
        match syntax_error(piece) {
            Some(syntax) => located(file, &syntax, lines_before, path, "YAML syntax error: "),
            None => located(file, &error, lines_before, path, ""),
        }
    })
}

/// The first YAML syntax error in `text`, if it has one.
fn syntax_error(text: &str) -> Option<serde_yaml::Error> {
    serde_yaml::from_str::<serde::de::IgnoredAny>(text).err()
}

/// The library's message, said plainly where it is obscure.
fn explain(message: &str) -> String {
    if message.contains("found a tab character") {
        format!("YAML does not allow tabs for indentation; indent with spaces ({message})")
    } else {
        message.to_owned()
    }
}

fn refuse_deep_nesting(file: &SourceText) -> Result<(), Problem> {
    super::limits::refuse_hostile_structure(file)
}

/// Parse the plan file. A large file is parsed one clause at a time, which keeps the
/// parser's memory to one clause's worth instead of the whole file's; whenever that
/// shortcut cannot be taken or meets any error, the whole file is parsed at once, so the
/// result and every error message are exactly those of a whole-file parse.
///
/// When the file does not parse, every clause that can be parsed on its own is, so that
/// each broken clause is reported, not only the first.
pub fn parse_plan(file: &SourceText, expected: &str) -> Result<PlanFile, Vec<Problem>> {
    refuse_deep_nesting(file).map_err(|problem| vec![problem])?;
    if let Some(plan) = parse_plan_by_clause(&file.text) {
        return Ok(plan);
    }
    // A large file is never parsed whole (the parser holds every event of a document in
    // memory): its problems are found clause by clause.
    if file.text.len() >= SPLIT_ABOVE_BYTES {
        let problems = problems_by_clause(file);
        if !problems.is_empty() {
            return Err(problems);
        }
    }
    parse(file, expected).map_err(|first| {
        if first.message.starts_with("YAML syntax error") {
            return vec![first];
        }
        let mut problems = problems_by_clause(file);
        if !problems.contains(&first) {
            problems.push(first);
        }
        problems.sort_by_key(|problem| problem.place);
        problems
    })
}

/// The problems of each clause item parsed alone and of the rest of the file (the
/// file with `clauses: []`), located in the whole file; empty if the file cannot be
/// cut into clauses.
fn problems_by_clause(file: &SourceText) -> Vec<Problem> {
    let Some(split) = split_clauses(&file.text) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    if let Err(problem) = parse_piece::<PlanFile>(file, &split.skeleton, 0, "") {
        problems.push(problem);
    }
    let mut lines_before = 0;
    let mut counted_to = 0;
    for (index, item) in split.items.iter().enumerate() {
        let offset = item.as_ptr() as usize - file.text.as_ptr() as usize;
        lines_before += file.text.as_bytes()[counted_to..offset]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count();
        counted_to = offset;
        let path = format!("clauses[{index}]");
        if let Err(problem) = parse_piece::<Vec<Clause>>(file, item, lines_before, &path) {
            problems.push(problem);
        }
    }
    problems
}

/// A problem for `error`, met parsing a piece of `file` that starts after
/// `lines_before` lines and whose paths start with `[0]` for `path`.
fn located(
    file: &SourceText,
    error: &serde_yaml::Error,
    lines_before: usize,
    path: &str,
    prefix: &str,
) -> Problem {
    let message = explain(&strip_positions(&error.to_string()));
    let message = match message
        .strip_prefix(".[0]")
        .or_else(|| message.strip_prefix("[0]"))
    {
        Some(rest) if !path.is_empty() => format!("{path}{rest}"),
        _ => message,
    };
    let place = error
        .location()
        .map(|location| (location.line() + lines_before, location.column()));
    // Some errors (a raw control character) come with a byte position in the message and
    // no line: turn the position into the line and column it is at.
    let (place, message) = match (lines_before, byte_position(&message)) {
        (0, Some((offset, without))) if offset <= file.text.len() => (
            Some(super::read::place_of_byte(file.text.as_bytes(), offset)),
            without,
        ),
        _ => (place, message),
    };
    // A null is reported where its mapping starts; name and point at the empty key.
    if message.contains("found null")
        && let Some((line, column, key)) =
            place.and_then(|(line, _)| Locator::new(&file.text).null_value_from(line))
    {
        let message = match message.split_once(": ") {
            Some((path, rest)) if !path.contains(' ') => format!("{path}.{key}: {rest}"),
            _ => format!("{key}: {message}"),
        };
        return Problem::new(
            &file.name,
            Some((line, column)),
            format!("{prefix}{message}"),
        );
    }
    let place = match (place, duplicated_field(&message)) {
        // The library points at the mapping; point at the repeated key instead.
        (Some((line, _)), Some(key)) => Locator::new(&file.text).repeated_key(line, key).or(place),
        _ => place,
    };
    Problem::new(&file.name, place, format!("{prefix}{message}"))
}

/// The byte offset an error message gives as `at position N`, and the message without it.
fn byte_position(message: &str) -> Option<(usize, String)> {
    let (before, after) = message.split_once(" at position ")?;
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    let offset = digits.parse().ok()?;
    Some((offset, format!("{before}{}", &after[digits.len()..])))
}

/// Below this size a whole-file parse costs too little to be worth splitting.
const SPLIT_ABOVE_BYTES: usize = 256 * 1024;

fn parse_plan_by_clause(text: &str) -> Option<PlanFile> {
    if text.len() < SPLIT_ABOVE_BYTES {
        return None;
    }
    let split = split_clauses(text)?;
    let mut plan: PlanFile = serde_yaml::from_str(&split.skeleton).ok()?;
    if !plan.clauses.is_empty() {
        return None;
    }
    plan.clauses = parse_batches(&batches(text, &split.items))?;
    Some(plan)
}

/// Consecutive clause items parsed together: big enough that starting a parser is cheap
/// beside the work, small enough that the parser's memory stays small.
const BATCH_BYTES: usize = 64 * 1024;

struct Batch<'t> {
    text: &'t str,
    items: usize,
}

/// Group consecutive `items` (slices of `text`, in order and touching) into batches of
/// about [`BATCH_BYTES`].
fn batches<'t>(text: &'t str, items: &[&'t str]) -> Vec<Batch<'t>> {
    let offset_of = |item: &str| item.as_ptr() as usize - text.as_ptr() as usize;
    let mut batches = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let from = offset_of(items[start]);
        let mut end = start + 1;
        while end < items.len() && offset_of(items[end]) - from < BATCH_BYTES {
            end += 1;
        }
        let last = items[end - 1];
        batches.push(Batch {
            text: &text[from..offset_of(last) + last.len()],
            items: end - start,
        });
        start = end;
    }
    batches
}

/// Parse the batches on every available core, keeping their order; `None` if any
/// batch fails or holds another number of clauses than it was cut with.
fn parse_batches(batches: &[Batch]) -> Option<Vec<Clause>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let per_worker = batches.len().div_ceil(workers).max(1);
    let parsed: Vec<Option<Vec<Clause>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = batches
            .chunks(per_worker)
            .map(|group| scope.spawn(move || parse_group(group)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().ok().flatten())
            .collect()
    });
    let mut clauses = Vec::new();
    for group in parsed {
        clauses.extend(group?);
    }
    Some(clauses)
}

fn parse_group(group: &[Batch]) -> Option<Vec<Clause>> {
    let mut clauses = Vec::new();
    for batch in group {
        let parsed: Vec<Clause> = serde_yaml::from_str(batch.text).ok()?;
        if parsed.len() != batch.items {
            return None;
        }
        clauses.extend(parsed);
    }
    Some(clauses)
}

/// A plan file cut into the file without its clauses (`clauses: []`, every other line
/// where it was) and the text of each clause item.
struct ClauseSplit<'t> {
    skeleton: String,
    items: Vec<&'t str>,
}

/// Cut a block-style `clauses:` list into its items, or `None` if the file is not
/// written that way (flow style, several documents, an unexpected indentation).
fn split_clauses(text: &str) -> Option<ClauseSplit<'_>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push((offset, line));
        offset += line.len();
    }
    let key = lines.iter().position(|(_, line)| is_clauses_key(line))?;
    if lines
        .iter()
        .skip(key + 1)
        .any(|(_, line)| is_clauses_key(line))
    {
        return None;
    }
    let end = (key + 1..lines.len())
        .find(|&index| starts_top_level(lines[index].1))
        .unwrap_or(lines.len());
    let body: Vec<usize> = (key + 1..end)
        .filter(|&index| !is_blank_or_comment(lines[index].1))
        .collect();
    let first = *body.first()?;
    let indent = item_indent(lines[first].1)?;
    let mut starts = Vec::new();
    for &index in &body {
        let line = lines[index].1;
        let leading = line.len() - line.trim_start_matches(' ').len();
        if leading < indent || (leading == indent && item_indent(line) != Some(indent)) {
            return None;
        }
        if leading == indent {
            starts.push(index);
        }
    }
    let block_end = lines.get(end).map_or(text.len(), |(offset, _)| *offset);
    let items = starts
        .iter()
        .enumerate()
        .map(|(position, &index)| {
            let from = lines[index].0;
            let to = starts
                .get(position + 1)
                .map_or(block_end, |&next| lines[next].0);
            &text[from..to]
        })
        .collect();
    let mut skeleton = String::with_capacity(text.len() - (block_end - lines[key].0) + (end - key));
    skeleton.push_str(&text[..lines[key].0]);
    skeleton.push_str("clauses: []\n");
    skeleton.extend(std::iter::repeat_n('\n', end - key - 1));
    skeleton.push_str(&text[block_end..]);
    Some(ClauseSplit { skeleton, items })
}

fn is_clauses_key(line: &str) -> bool {
    let content = line.split('#').next().unwrap_or("").trim_end();
    content == "clauses:"
}

/// Whether the line starts a new top-level key (or document marker): not indented, not a
/// comment, and not a sequence item at column 0 (which a list under a key may use).
fn starts_top_level(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && c != '#')
        && item_indent(line).is_none()
}

fn is_blank_or_comment(line: &str) -> bool {
    let content = line.trim_start();
    content.is_empty() || content.starts_with('#')
}

/// The indentation of a block sequence item (`  - …`), if the line starts one.
fn item_indent(line: &str) -> Option<usize> {
    let content = line.trim_start_matches(' ');
    let rest = content.strip_prefix('-')?;
    (rest.starts_with(' ') || rest.trim().is_empty()).then_some(line.len() - content.len())
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
    use super::{parse_plan_by_clause, split_clauses, strip_positions};
    use crate::model::PlanFile;

    #[test]
    fn splitting_by_clause_gives_what_a_whole_parse_gives() {
        let text = include_str!("../../data/plan_28_points.yaml");
        let split = split_clauses(text).expect("the shipped file is block style");
        assert_eq!(split.items.len(), 28);
        assert_eq!(split.skeleton.lines().count(), text.lines().count());
        // Repeat the clauses until the file is large enough to be split.
        let clauses_at = text.find("\nclauses:\n").unwrap() + "\nclauses:\n".len();
        let reports_at = text.find("\nplan_reports:").unwrap() + 1;
        let mut big = text[..clauses_at].to_owned();
        for _ in 0..6 {
            big.push_str(&text[clauses_at..reports_at]);
        }
        big.push_str(&text[reports_at..]);
        assert!(big.len() > super::SPLIT_ABOVE_BYTES, "{} bytes", big.len());
        let whole: PlanFile = serde_yaml::from_str(&big).unwrap();
        let split = parse_plan_by_clause(&big).expect("split parse");
        assert_eq!(split.clauses.len(), whole.clauses.len());
        assert!(
            split == whole,
            "the split parse differs from the whole parse"
        );
    }

    #[test]
    fn flow_style_and_odd_indentation_are_not_split() {
        assert!(split_clauses("plan: {}\nclauses: [{number: 1}]\n").is_none());
        assert!(split_clauses("clauses:\n  - number: 1\n number: 2\n").is_none());
    }

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
