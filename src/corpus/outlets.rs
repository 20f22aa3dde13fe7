//! Loading `outlets.yaml`, the registry of outlets that references may name, and checking
//! it: unique, valid ids, a name, a kind, a two-letter country, and well-formed web hosts,
//! none claimed by two outlets.

use std::collections::HashMap;
use std::path::Path;

use super::check::is_valid_id;
use super::locate::Locator;
use super::problem::Problem;
use super::read::{SourceText, read_text};
use super::versions::items_under;
use super::yaml;
use crate::model::outlets::OutletsFile;

/// The name of the registry inside a corpus directory.
pub const OUTLETS_FILE: &str = "outlets.yaml";

/// The built-in registry.
pub fn embedded() -> SourceText {
    SourceText {
        name: format!("data/{OUTLETS_FILE} (built in)"),
        text: include_str!("../../data/outlets.yaml").to_owned(),
    }
}

/// `dir/outlets.yaml`, or `None` when the directory has none.
pub fn read_dir(dir: &Path) -> Result<Option<SourceText>, Problem> {
    let path = dir.join(OUTLETS_FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    read_text(&path).map(Some)
}

/// Parse the registry strictly.
pub fn parse(file: &SourceText) -> Result<OutletsFile, Problem> {
    yaml::parse(file, "a mapping with an outlets list")
}

/// Every problem in a parsed registry.
pub fn check(file: &SourceText, registry: &OutletsFile) -> Vec<Problem> {
    let locator = Locator::new(&file.text);
    let lines: Vec<&str> = file.text.lines().collect();
    let blocks = items_under(&lines, 0..lines.len(), "outlets");
    let mut problems = Vec::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut hosts: HashMap<String, &str> = HashMap::new();
    for (index, outlet) in registry.outlets.iter().enumerate() {
        let block = blocks.get(index).cloned().unwrap_or(0..lines.len());
        let at = |needle: &str| locator.token_or_start(block.clone(), needle);
        let mut problem = |needle: &str, message: String, hint: Option<&str>| {
            let found = Problem::new(&file.name, at(needle), message);
            problems.push(match hint {
                Some(hint) => found.with_hint(hint.to_owned()),
                None => found,
            });
        };
        let id = outlet.id.as_str();
        if ids.insert(id, index).is_some() {
            problem(id, format!("outlet id `{id}` is used twice"), None);
        }
        if !is_valid_id(id) {
            problem(
                id,
                format!("outlet id `{id}` is not a valid id"),
                Some("ids are lowercase letters, digits and single hyphens, like `reuters`"),
            );
        }
        if outlet.name.trim().is_empty() {
            problem(id, format!("outlet `{id}` has an empty name"), None);
        }
        if !is_country_code(&outlet.country) {
            problem(
                "country",
                format!(
                    "outlet `{id}` has country `{}`, which is not a two-letter code",
                    outlet.country
                ),
                Some("write the ISO 3166-1 alpha-2 code in capitals, such as GB or UA"),
            );
        }
        for host in &outlet.hosts {
            if !is_host(host) {
                problem(
                    host,
                    format!("outlet `{id}` lists host `{host}`, which is not a web host"),
                    Some("write the host alone, lowercase, such as reuters.com"),
                );
            } else if let Some(owner) = hosts.insert(host.clone(), id) {
                problem(
                    host,
                    format!("host `{host}` is listed under both `{owner}` and `{id}`"),
                    None,
                );
            }
        }
    }
    problems
}

fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// A lowercase host name of letters, digits and hyphens in at least two labels.
pub(super) fn is_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::is_host;

    #[test]
    fn hosts_are_plain_lowercase_names() {
        assert!(is_host("reuters.com"));
        assert!(is_host("news.liga.net"));
        assert!(!is_host("localhost"));
        assert!(!is_host("Reuters.com"));
        assert!(!is_host("\u{202e}evil.com"));
        assert!(!is_host("reuters.com/world"));
        assert!(!is_host("-a.com"));
    }
}
