//! Every example in README.md runs, and prints exactly what the README shows.
//!
//! An example is a ```console block: a `$ ` command line, then its output (stdout, then
//! stderr). Commands run under bash with the built binary first on PATH, from the
//! repository's root.

use std::path::Path;
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

#[test]
fn every_readme_example_prints_what_the_readme_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(examples.len() >= 5, "the README should show examples");
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
            .current_dir(root)
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
                "$ {}\n--- README shows\n{}--- the tool prints\n{printed}",
                example.command, example.output
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "README examples are out of date:\n\n{}",
        failures.join("\n")
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

#[test]
fn the_limits_table_quotes_the_messages_the_limits_give() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let table = &readme[readme.find("### Limits").expect("a Limits section")..];
    let table = &table[..table.find("\n### ").unwrap()];
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
    ];
    for message in messages {
        assert!(
            table.contains(&format!("`{message}`")),
            "the Limits table lacks `{message}`"
        );
    }
}
