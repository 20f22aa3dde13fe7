//! The layers of ARCHITECTURE.md hold: every `crate::` path in `src/` points down the
//! list (cmd → cli → publish → render → query → records → corpus → model → error → text), clap is
//! named only in `main.rs`, `cli/` and `cmd/`, and YAML only in `corpus/`. Unit tests
//! (`#[cfg(test)]` modules) may reach anything.

use std::path::{Path, PathBuf};

/// The layers, top first; a layer may import only the ones after it.
const LAYERS: &[&str] = &[
    "cmd", "cli", "publish", "render", "query", "records", "corpus", "model", "error", "text",
];

/// Crates that only some layers may name.
const CONFINED: &[(&str, &[&str])] = &[
    ("clap", &["main", "cli", "cmd"]),
    ("clap_complete", &["main", "cli", "cmd"]),
    ("clap_mangen", &["cmd"]),
    ("serde_yaml", &["corpus"]),
    ("rusqlite", &["publish"]),
];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// The layer a file belongs to: its folder under `src/`, or its own name at the top.
fn layer_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_owned()
}

/// The code of a file without its unit tests and comments.
fn code_of(text: &str) -> String {
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or_default();
    before_tests
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level module a piece of code reaches through `crate::`, with its line.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let line_at = |offset: usize| code[..offset].matches('\n').count() + 1;
    let word = |text: &str| -> String {
        text.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut paths = Vec::new();
    for (start, _) in code.match_indices("crate::") {
        let after = &code[start + "crate::".len()..];
        if let Some(inside) = after.strip_prefix('{') {
            // `use crate::{a::x, b::{y, z}}`, on one line or several: each first segment
            // at the braces' top level.
            let mut depth = 1;
            let mut segment = String::new();
            for c in inside.chars() {
                match c {
                    '{' => depth += 1,
                    '}' | ',' if depth == 1 => {
                        let name = word(segment.trim());
                        if !name.is_empty() {
                            paths.push((line_at(start), name));
                        }
                        segment.clear();
                        if c == '}' {
                            break;
                        }
                        continue;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 1 {
                    segment.push(c);
                }
            }
        } else {
            let name = word(after);
            if !name.is_empty() {
                paths.push((line_at(start), name));
            }
        }
    }
    paths
}

/// Whether the code names `krate` as a path (`krate::…`).
fn names_crate(code: &str, krate: &str) -> Option<usize> {
    let needle = format!("{krate}::");
    code.lines().enumerate().find_map(|(index, line)| {
        line.match_indices(&needle)
            .any(|(at, _)| {
                line[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'))
            })
            .then_some(index + 1)
    })
}

/// Every import against the layers, as `file:line: what`.
fn violations(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let rank = |layer: &str| LAYERS.iter().position(|name| *name == layer);
    let mut found = Vec::new();
    for file in files {
        let layer = layer_of(src, &file);
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        let shown = file.strip_prefix(src).unwrap().display().to_string();
        if let Some(own) = rank(&layer) {
            for (line, target) in crate_paths(&code) {
                match rank(&target) {
                    Some(other) if other <= own && target != layer => found.push(format!(
                        "src/{shown}:{line}: {layer} imports {target}, a layer above or beside it"
                    )),
                    None if !["self", "super"].contains(&target.as_str()) => found.push(format!(
                        "src/{shown}:{line}: {target} is not a layer of ARCHITECTURE.md"
                    )),
                    _ => {}
                }
            }
        }
        for (krate, allowed) in CONFINED {
            if allowed.contains(&layer.as_str()) {
                continue;
            }
            if let Some(line) = names_crate(&code, krate) {
                found.push(format!("src/{shown}:{line}: {layer} names {krate}"));
            }
        }
        for derive in ["clap::", "ValueEnum", "clap("] {
            if !["main", "cli", "cmd"].contains(&layer.as_str()) && code.contains(derive) {
                found.push(format!("src/{shown}: {layer} uses clap's `{derive}`"));
            }
        }
    }
    found
}

#[test]
fn imports_flow_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(
        found.is_empty(),
        "against ARCHITECTURE.md:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_top_level_module_is_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut names: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .map(|name| name.trim_end_matches(".rs").to_owned())
        .filter(|name| !["lib", "main"].contains(&name.as_str()))
        .collect();
    names.sort();
    let mut layers: Vec<String> = LAYERS.iter().map(|name| (*name).to_owned()).collect();
    layers.sort();
    assert_eq!(names, layers, "ls src must show exactly the layers");
}

/// The checker itself finds what it is for, on code written to break each rule.
#[test]
fn the_checker_catches_an_upward_import_clap_and_yaml_out_of_place() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    for layer in ["model", "query", "render"] {
        std::fs::create_dir(src.join(layer)).unwrap();
    }
    std::fs::write(src.join("model/mod.rs"), "use crate::query::Filter;\n").unwrap();
    std::fs::write(
        src.join("query/mod.rs"),
        "use crate::{\n    model::Corpus,\n    render::{Style, table},\n};\n#[derive(clap::ValueEnum)]\nenum A {}\n",
    )
    .unwrap();
    std::fs::write(
        src.join("render/mod.rs"),
        "// crate::cmd in a comment is fine\nfn f() { serde_yaml::to_string(&1); }\n\
         #[cfg(test)]\nmod tests { use crate::cmd::run; }\n",
    )
    .unwrap();
    let found = violations(src).join("\n");
    assert!(
        found.contains("src/model/mod.rs:1: model imports query"),
        "{found}"
    );
    assert!(
        found.contains("src/query/mod.rs:1: query imports render"),
        "{found}"
    );
    assert!(!found.contains("query imports model"), "{found}");
    assert!(
        found.contains("src/query/mod.rs:5: query names clap"),
        "{found}"
    );
    assert!(
        found.contains("src/render/mod.rs:2: render names serde_yaml"),
        "{found}"
    );
    assert!(!found.contains("imports cmd"), "{found}");
}
