//! Finding where a value sits in a corpus file, so that problems found after parsing
//! (an unknown id, a repeated number) can still name a line and column.
//!
//! The YAML library gives no positions for parsed values, so this reads the text: it finds
//! the clause's block by its `number:` line and the value as a whole token inside it.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// Line-oriented search over one file's text.
pub struct Locator<'a> {
    lines: Vec<&'a str>,
    /// Where each clause starts, found on first use: the `number:` lines in file order,
    /// and for each number the indexes of its entries in that list.
    clause_index: OnceLock<ClauseIndex>,
    /// Where each `id:` value stands, found on first use in one pass over the file, so
    /// that locating any number of ids takes time linear in the file.
    id_index: OnceLock<HashMap<&'a str, Vec<(usize, usize)>>>,
}

struct ClauseIndex {
    starts: Vec<usize>,
    by_number: HashMap<u32, Vec<usize>>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            lines: text.lines().collect(),
            clause_index: OnceLock::new(),
            id_index: OnceLock::new(),
        }
    }

    fn id_index(&self) -> &HashMap<&'a str, Vec<(usize, usize)>> {
        self.id_index.get_or_init(|| {
            let mut index: HashMap<&'a str, Vec<(usize, usize)>> = HashMap::new();
            for (number, &line) in self.lines.iter().enumerate() {
                for offset in token_offsets(line, "id") {
                    let Some(after) = line[offset + 2..].strip_prefix(':') else {
                        continue;
                    };
                    let value_end = after.find([',', '}', '#']).unwrap_or(after.len());
                    let value = after[..value_end].trim().trim_matches(['"', '\'']);
                    if value.is_empty() {
                        continue;
                    }
                    let start = value.as_ptr() as usize - line.as_ptr() as usize;
                    index
                        .entry(value)
                        .or_default()
                        .push((number + 1, line[..start].chars().count() + 1));
                }
            }
            index
        })
    }

    fn clause_index(&self) -> &ClauseIndex {
        self.clause_index.get_or_init(|| {
            let mut starts = Vec::new();
            let mut by_number: HashMap<u32, Vec<usize>> = HashMap::new();
            for (index, line) in self.lines.iter().enumerate() {
                if let Some(number) = number_key_value(line) {
                    by_number.entry(number).or_default().push(starts.len());
                    starts.push(index);
                }
            }
            ClauseIndex { starts, by_number }
        })
    }

    /// Every line of the file (0-based, end exclusive).
    pub fn everything(&self) -> Range<usize> {
        0..self.lines.len()
    }

    /// The lines of the block under a top-level key such as `plan_reports:`.
    pub fn section(&self, key: &str) -> Range<usize> {
        let heading = format!("{key}:");
        let Some(start) = self
            .lines
            .iter()
            .position(|line| line.starts_with(&heading))
        else {
            return self.everything();
        };
        let end = (start + 1..self.lines.len())
            .find(|&index| is_top_level_key(self.lines[index]))
            .unwrap_or(self.lines.len());
        start..end
    }

    /// The lines of the clause whose `number:` is `number` (the `occurrence`-th such clause,
    /// from 0), up to the next clause; the whole file if it cannot be found.
    pub fn clause(&self, number: u32, occurrence: usize) -> Range<usize> {
        let index = self.clause_index();
        let Some(&position) = index
            .by_number
            .get(&number)
            .and_then(|positions| positions.get(occurrence))
        else {
            return self.everything();
        };
        let end = index
            .starts
            .get(position + 1)
            .copied()
            .unwrap_or(self.lines.len());
        index.starts[position]..end
    }

    /// 1-based line and column of the `occurrence`-th whole-token appearance of `needle`
    /// within `lines`, looking only at lines that pass `keep`.
    pub fn token(
        &self,
        lines: Range<usize>,
        needle: &str,
        occurrence: usize,
        keep: impl Fn(&str) -> bool,
    ) -> Option<(usize, usize)> {
        if needle.is_empty() {
            return None;
        }
        lines
            .filter(|&index| index < self.lines.len() && keep(self.lines[index]))
            .flat_map(|index| {
                let line = self.lines[index];
                token_offsets(line, needle)
                    .map(move |offset| (index + 1, line[..offset].chars().count() + 1))
            })
            .nth(occurrence)
    }

    /// Like [`Locator::token`] over all lines, falling back to the first line of `lines`.
    pub fn token_or_start(&self, lines: Range<usize>, needle: &str) -> Option<(usize, usize)> {
        let start = lines.start;
        self.token(lines, needle, 0, |_| true)
            .or_else(|| (start < self.lines.len()).then_some((start + 1, 1)))
    }

    /// The line of an `id: value` entry, the `occurrence`-th one from 0.
    pub fn id_entry(&self, value: &str, occurrence: usize) -> Option<(usize, usize)> {
        self.id_index()
            .get(value)
            .and_then(|places| places.get(occurrence))
            .copied()
    }
}

impl Locator<'_> {
    /// The first `key:` at or after 1-based `line` whose value is null (nothing, `null`
    /// or `~`): its 1-based line and column, and the key.
    pub fn null_value_from(&self, line: usize) -> Option<(usize, usize, String)> {
        let start = line.saturating_sub(1);
        (start..self.lines.len()).find_map(|index| {
            let text = self.lines[index];
            let content = text.trim_start().trim_start_matches("- ");
            let indent = text.len() - content.len();
            let (key, value) = content.split_once(':')?;
            let value = value.split(" #").next().unwrap_or("").trim();
            let is_key = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_');
            let is_null = match value {
                "null" | "~" | "Null" | "NULL" => true,
                // Nothing after the key: null unless a block follows on the next lines.
                "" => !self.block_follows(index, indent),
                _ => false,
            };
            (is_key && is_null).then(|| (index + 1, indent + 1, key.to_owned()))
        })
    }

    /// Whether the first non-blank line after line `index` (0-based) holds a value for a
    /// key indented by `indent`: a deeper line, or a `- ` item at the same depth.
    fn block_follows(&self, index: usize, indent: usize) -> bool {
        self.lines[index + 1..]
            .iter()
            .find(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .is_some_and(|next| {
                let content = next.trim_start();
                let next_indent = next.len() - content.len();
                next_indent > indent || (next_indent == indent && content.starts_with("- "))
            })
    }

    /// 1-based line and column of the second `key:` at the same indentation in the
    /// mapping that starts on 1-based `mapping_line`: where a duplicate key stands.
    pub fn repeated_key(&self, mapping_line: usize, key: &str) -> Option<(usize, usize)> {
        let prefix = format!("{key}:");
        let mut found = self
            .lines
            .iter()
            .enumerate()
            .skip(mapping_line.saturating_sub(1))
            .filter_map(|(index, line)| {
                let content = line.trim_start().trim_start_matches("- ").trim_start();
                content
                    .starts_with(&prefix)
                    .then(|| (index, line.len() - content.len()))
            });
        let (_, indent) = found.next()?;
        found
            .find(|&(_, other_indent)| other_indent == indent)
            .map(|(index, column)| (index + 1, column + 1))
    }
}

fn is_top_level_key(line: &str) -> bool {
    line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && line.contains(':')
}

/// The value of a `number:` key on this line (`- number: 6`, `number: "6"`), if any.
fn number_key_value(line: &str) -> Option<u32> {
    let trimmed = line.trim_start().trim_start_matches(['-', '{', ' ']);
    let value = trimmed.strip_prefix("number:")?;
    let value = value.split([',', '}', '#']).next()?.trim();
    value.trim_matches(['"', '\'']).parse().ok()
}

/// Byte offsets where `needle` stands in `line` as a whole token (not inside a longer id).
fn token_offsets<'l>(line: &'l str, needle: &'l str) -> impl Iterator<Item = usize> + 'l {
    line.match_indices(needle)
        .map(|(offset, _)| offset)
        .filter(move |&offset| {
            let before = line[..offset].chars().next_back();
            let after = line[offset + needle.len()..].chars().next();
            !before.is_some_and(is_id_char) && !after.is_some_and(is_id_char)
        })
}

fn is_id_char(character: char) -> bool {
    character.is_alphanumeric() || character == '-' || character == '_'
}

#[cfg(test)]
mod tests {
    use super::Locator;

    const TEXT: &str = "topics:\n  - { id: nato, label: NATO }\nclauses:\n  - number: 1\n    topics: [natoo]\n  - number: 2\n    topics: [nato]\n";

    #[test]
    fn finds_a_clause_block_and_a_token_inside_it() {
        let locator = Locator::new(TEXT);
        assert_eq!(locator.clause(2, 0), 5..7);
        assert_eq!(
            locator.token_or_start(locator.clause(1, 0), "natoo"),
            Some((5, 14))
        );
        assert_eq!(
            locator.token_or_start(locator.clause(2, 0), "nato"),
            Some((7, 14))
        );
        assert_eq!(locator.id_entry("nato", 0), Some((2, 11)));
    }

    #[test]
    fn finds_the_second_of_a_repeated_key_at_the_same_depth() {
        let text = "clauses:\n  - number: 1\n    title: a\n    reports:\n      - title: nested\n    title: b\n";
        assert_eq!(Locator::new(text).repeated_key(2, "title"), Some((6, 5)));
    }
}
