//! Every example in README.md and in docs/*.md runs, and prints exactly what the page
//! shows; the Limits table quotes the real messages; every relative link leads somewhere.
//!
//! An example is a ```console block: a `$ ` command line, then its output (stdout, then
//! stderr). Commands run under bash with the built binary first on PATH, from the
//! repository's root, whichever page they are on.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Example {
    command: String,
    output: String,
}

fn examples(readme: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut rest = readme;
    while let Some(start) = rest.find("```console\n") {
        let block = &rest[start + "```console\n".len()..];
        let end = block.find("```").expect("an unclosed console block");
        let (command_line, output) = block[..end].split_once('\n').unwrap_or((&block[..end], ""));
        let command = command_line
            .strip_prefix("$ ")
            .unwrap_or_else(|| panic!("a console block starts without `$ `: {command_line}"));
        examples.push(Example {
            command: command.to_owned(),
            output: output.to_owned(),
        });
        rest = &block[end + 3..];
    }
    examples
}

/// The first program a pipeline in `command` runs that is not on PATH.
fn missing_tool(command: &str) -> Option<String> {
    pipeline_stages(command)
        .iter()
        .flat_map(|stage| stage.split("&&"))
        .filter_map(|stage| stage.split_whitespace().next())
        .filter(|program| *program != "peaceplan")
        .find(|program| {
            !Command::new("sh")
                .arg("-c")
                .arg(format!("command -v {program}"))
                .output()
                .is_ok_and(|output| output.status.success())
        })
        .map(str::to_owned)
}

/// The stages of a shell pipeline: split at `|` outside quotes.
fn pipeline_stages(command: &str) -> Vec<String> {
    let mut stages = vec![String::new()];
    let mut quote: Option<char> = None;
    for character in command.chars() {
        match (quote, character) {
            (None, '|') => stages.push(String::new()),
            (None, '\'' | '"') => {
                quote = Some(character);
                stages.last_mut().unwrap().push(character);
            }
            (Some(open), close) if open == close => {
                quote = None;
                stages.last_mut().unwrap().push(character);
            }
            _ => stages.last_mut().unwrap().push(character),
        }
    }
    stages
}

#[test]
fn pipelines_split_outside_quotes_only() {
    assert_eq!(
        pipeline_stages("peaceplan x | jq -r '.[] | .a' | sort"),
        ["peaceplan x ", " jq -r '.[] | .a' ", " sort"]
    );
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The Markdown pages under docs/ (not its subfolders), in name order.
fn docs_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("a docs folder")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    pages.sort();
    pages
}

/// Runs every example on `page`; returns how many there are (skipped ones included) and a
/// report for each that printed something else.
fn run_examples(page: &Path) -> (usize, Vec<String>) {
    let text = std::fs::read_to_string(page).unwrap();
    let examples = examples(&text);
    let name = page
        .strip_prefix(root())
        .unwrap_or(page)
        .display()
        .to_string();
    let binary_dir = Path::new(env!("CARGO_BIN_EXE_peaceplan")).parent().unwrap();
    let path = format!(
        "{}:{}",
        binary_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    for example in &examples {
        if let Some(tool) = missing_tool(&example.command) {
            // A user's machine may lack jq or python3; CI installs them.
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must have `{tool}` for: {}",
                example.command
            );
            eprintln!("skipped (no `{tool}`): {}", example.command);
            continue;
        }
        let output = Command::new("bash")
            .arg("-c")
            .arg(format!("{} 2>&1", example.command))
            .current_dir(root())
            .env("PATH", &path)
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("COLUMNS")
            .env_remove("PEACEPLAN_DATA")
            .env_remove("COMPLETE")
            .output()
            .expect("run bash");
        let printed = String::from_utf8_lossy(&output.stdout);
        if printed != example.output {
            failures.push(format!(
                "{name}: $ {}\n--- {name} shows\n{}--- the tool prints\n{printed}",
                example.command, example.output
            ));
        }
    }
    (examples.len(), failures)
}

#[test]
fn every_readme_example_prints_what_the_readme_shows() {
    let (count, failures) = run_examples(&root().join("README.md"));
    assert!(count >= 5, "the README should show examples");
    assert!(
        failures.is_empty(),
        "README examples are out of date:\n\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_docs_example_prints_what_the_page_shows() {
    let mut count = 0;
    let mut failures = Vec::new();
    for page in docs_pages() {
        let (on_page, failed) = run_examples(&page);
        count += on_page;
        failures.extend(failed);
    }
    assert!(count >= 5, "docs/*.md should show examples");
    assert!(
        failures.is_empty(),
        "docs examples are out of date:\n\n{}",
        failures.join("\n")
    );
}

/// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a Markdown page's headings (outside code blocks), `-1`, `-2`… for repeats.
fn anchors(markdown: &str) -> Vec<String> {
    let mut anchors: Vec<String> = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            let base = slug(line.trim_start_matches('#'));
            let repeats = anchors
                .iter()
                .filter(|a| {
                    **a == base
                        || a.strip_prefix(&format!("{base}-"))
                            .is_some_and(|n| n.parse::<u32>().is_ok())
                })
                .count();
            anchors.push(if repeats == 0 {
                base
            } else {
                format!("{base}-{repeats}")
            });
        }
    }
    anchors
}

/// The targets of the inline links `[text](target)` of a Markdown page, outside code.
fn link_targets(markdown: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Inline code spans are not links: drop them (a span may hold `](`).
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut rest = prose.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            targets.push(after[..end].to_owned());
            rest = &after[end..];
        }
    }
    targets
}

#[test]
fn every_relative_link_in_the_readme_and_docs_leads_to_a_page_and_heading() {
    let mut pages = vec![root().join("README.md")];
    pages.extend(docs_pages());
    let mut broken = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for target in link_targets(&text) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((&target, ""));
            let linked = if file.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap().join(file)
            };
            let name = page.strip_prefix(root()).unwrap().display();
            if !linked.exists() {
                broken.push(format!("{name}: ({target}): no such file"));
            } else if !anchor.is_empty() {
                let linked_text = std::fs::read_to_string(&linked).unwrap();
                if !anchors(&linked_text).iter().any(|a| a == anchor) {
                    broken.push(format!("{name}: ({target}): no such heading"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn headings_get_the_anchors_github_gives_them() {
    assert_eq!(
        anchors(
            "# Cookbook: other tools\n```sh\n# not a heading\n```\n## Show me clause 21, side by side\n## Where do two outlets disagree?\n## `diff` A\n## Where do two outlets disagree?\n"
        ),
        [
            "cookbook-other-tools",
            "show-me-clause-21-side-by-side",
            "where-do-two-outlets-disagree",
            "diff-a",
            "where-do-two-outlets-disagree-1",
        ]
    );
    assert_eq!(
        link_targets("See [a](docs/a.md#x) and `[b](no)`, [c](../C.md).\n```\n[d](e)\n```\n"),
        ["docs/a.md#x", "../C.md"]
    );
}

/// The message `peaceplan ARGS` gives on stderr, without the `peaceplan: error: ` prefix.
fn error_message(args: &[&str], data: Option<&Path>) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_peaceplan"));
    command.args(args).env_remove("PEACEPLAN_DATA");
    if let Some(dir) = data {
        command.arg("--data").arg(dir);
    }
    let output = command.output().expect("run peaceplan");
    assert!(!output.status.success(), "{args:?} succeeded");
    let stderr = String::from_utf8(output.stderr).unwrap();
    stderr
        .trim_end()
        .strip_prefix("peaceplan: error: ")
        .unwrap_or_else(|| panic!("{args:?}: {stderr}"))
        .to_owned()
}

/// The note a successful run on the corpus at `data` prints on stderr, without its prefix.
fn note_message(args: &[&str], data: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_peaceplan"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env_remove("PEACEPLAN_DATA")
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let line = stderr.lines().next().unwrap_or_default();
    line.strip_prefix("peaceplan: note: ")
        .or_else(|| line.strip_prefix("peaceplan: "))
        .unwrap_or(line)
        .to_owned()
}

#[test]
fn the_limits_table_quotes_the_messages_the_limits_give() {
    let page = std::fs::read_to_string(root().join("docs/robustness.md")).unwrap();
    let table = &page[page
        .find("\n## Limits\n")
        .expect("a Limits section in docs/robustness.md")..];
    let table = &table[..table[1..].find("\n## ").map_or(table.len(), |end| end + 1)];
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, vec![b'a'; (16 << 20) + 1]).unwrap();
    let long = "a".repeat(1200);
    let many: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
    let wide = dir.path().join("wide");
    let made = Command::new(env!("CARGO_BIN_EXE_peaceplan"))
        .args(["synth", "--clauses", "2", "--sources", "20000"])
        .arg(&wide)
        .output()
        .unwrap();
    assert!(made.status.success());
    let messages = [
        error_message(&["align", article.to_str().unwrap()], None)
            .replace(article.to_str().unwrap(), "ARTICLE"),
        error_message(&["search", &long], None),
        error_message(&["search", &many.join(" ")], None),
        error_message(&["matrix"], Some(&wide)),
        note_message(&["report", "--html", "-"], &wide),
    ];
    for message in messages {
        assert!(
            table.contains(&format!("`{message}`")),
            "the Limits table lacks `{message}`"
        );
    }
}
