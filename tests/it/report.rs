//! `report --html`: the page as headless Chromium (Debian's package, installed by
//! `.ci/run`) loads it: an anchor per clause and per report, a grid cell per clause and
//! source with the rendering `matrix` gives, no script and nothing fetched, hostile text
//! escaped, and a screenshot that is not blank.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::support::{Fixture, peaceplan};

/// Chromium, if this machine has it. A user's machine may not (the test says it
/// skipped); CI installs it, and there a missing one fails.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser"].iter().find_map(|name| {
        let output = Command::new("sh")
            .arg("-c")
            .arg(format!("command -v {name}"))
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()))
    });
    assert!(
        found.is_some() || std::env::var_os("CI").is_none(),
        "CI must have chromium (installed by .ci/run)"
    );
    if found.is_none() {
        eprintln!("skipped: needs chromium, which this machine lacks");
    }
    found
}

/// Headless Chromium on `page` with `action` (`--dump-dom`, `--screenshot=…`), started
/// as the machine's notes advise: no sandbox (root), no background networking.
fn headless(browser: &Path, profile: &Path, page: &Path, action: &str) -> String {
    let output = Command::new("timeout")
        .arg("120")
        .arg(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1200,1400",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(action)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        output.status.success(),
        "chromium {action}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn report(data: Option<&Path>, dir: &Path) -> PathBuf {
    let page = dir.join("report.html");
    let mut test = peaceplan(["report", "--html", page.to_str().unwrap()]);
    if let Some(data) = data {
        test = test.data(data);
    }
    test.stdout_empty().stderr_empty().run();
    page
}

/// Every `attribute="value"` in `dom` (values as Chromium serialises them).
fn values_of<'d>(dom: &'d str, attribute: &str) -> Vec<&'d str> {
    let marker = format!(" {attribute}=\"");
    dom.match_indices(&marker)
        .map(|(at, _)| {
            let rest = &dom[at + marker.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn chromium_finds_an_anchor_per_clause_and_the_grid_matrix_draws() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = report(None, dir.path());
    let dom = headless(&browser, &dir.path().join("profile"), &page, "--dump-dom");
    let ids = values_of(&dom, "id");
    for number in 1..=28 {
        let id = format!("clause-{number}");
        assert_eq!(ids.iter().filter(|found| **found == id).count(), 1, "{id}");
    }
    assert!(ids.contains(&"clause-6-kyiv-independent"));
    assert!(ids.contains(&"point-framework-20-4"));
    assert!(ids.contains(&"point-geneva-19-p1"));
    // One cell per clause and source, each with the rendering `matrix` gives.
    let matrix: Value = peaceplan(["matrix", "--json"]).run().json();
    let sources: Vec<&str> = matrix["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|source| source.as_str().unwrap())
        .collect();
    let renderings = values_of(&dom, "data-rendering");
    assert_eq!(renderings.len(), 28 * sources.len());
    let mut expected = Vec::new();
    for row in matrix["rows"].as_array().unwrap() {
        for source in &sources {
            let cell = row["cells"]
                .as_array()
                .unwrap()
                .iter()
                .find(|cell| cell["source"] == *source);
            expected.push(cell.map_or("not-reported", |cell| cell["rendering"].as_str().unwrap()));
        }
    }
    assert_eq!(renderings, expected);
    // Never colour alone: each cell has its glyph and its word.
    assert!(dom.contains(r#"<span class="mark">≠</span> <span class="word">departs</span>"#));
}

#[test]
fn the_page_runs_no_script_and_may_fetch_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string(report(None, dir.path())).unwrap();
    assert!(page.contains(
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">"#
    ));
    let lower = page.to_lowercase();
    for fetching in [
        "<script", "<img", "<link", "<iframe", "<object", "<embed", "@import", "url(", " src=",
    ] {
        assert!(!lower.contains(fetching), "{fetching}");
    }
    assert!(page.contains("@media print"));
}

#[test]
fn hostile_text_in_a_corpus_comes_out_as_text() {
    let fixture = Fixture::shipped();
    let hostile = "<script>alert(1)</script>";
    fixture.replace(
        "plan_28_points.yaml",
        "title: \"Ukraine's sovereignty confirmed\"",
        &format!("title: \"{hostile} \\\" onmouseover=x\""),
    );
    let dir = tempfile::tempdir().unwrap();
    let page = report(Some(fixture.path()), dir.path());
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains(hostile));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot; onmouseover=x"));
    let Some(browser) = chromium() else {
        return;
    };
    let dom = headless(&browser, &dir.path().join("profile"), &page, "--dump-dom");
    assert!(!dom.contains("<script"), "a script element reached the DOM");
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn the_filters_of_list_choose_the_clauses_and_a_screenshot_is_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("nato.html");
    peaceplan([
        "report",
        "--topic",
        "nato",
        "--html",
        page.to_str().unwrap(),
    ])
    .run();
    let listed: Value = peaceplan(["list", "--topic", "nato", "--json"])
        .run()
        .json();
    let html = std::fs::read_to_string(&page).unwrap();
    let shown = values_of(&html, "id")
        .into_iter()
        .filter(|id| {
            id.strip_prefix("clause-")
                .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit()))
        })
        .count();
    assert_eq!(shown, listed.as_array().unwrap().len());
    let Some(browser) = chromium() else {
        return;
    };
    let shot = dir.path().join("shot.png");
    headless(
        &browser,
        &dir.path().join("profile"),
        &page,
        &format!("--screenshot={}", shot.display()),
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    // A blank 1200×1400 page compresses to a few kilobytes; text and a coloured grid do not.
    assert!(
        png.len() > 40_000,
        "screenshot of {} bytes looks blank",
        png.len()
    );
}

#[test]
fn report_writes_html_only_and_the_file_appears_whole() {
    peaceplan(["report", "--html", "-", "--json"])
        .status(2)
        .stderr_has(
            "`report` writes one HTML page to its --html FILE; --format json does not apply",
        )
        .run();
    peaceplan(["report"]).status(2).stderr_has("--html").run();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.html");
    std::fs::write(&target, "before").unwrap();
    let fixture = Fixture::shipped();
    fixture.write("sources.yaml", "sources: [");
    peaceplan(["report", "--html", target.to_str().unwrap()])
        .data(fixture.path())
        .status(1)
        .run();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "before");
    let page = peaceplan(["report", "--clause", "26", "--html", "-"])
        .run()
        .stdout;
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains(r#"id="clause-26""#) && !page.contains(r#"id="clause-25""#));
}

#[test]
fn a_grid_too_large_is_left_out_with_a_note_and_the_rest_of_the_page_is_whole() {
    let dir = tempfile::tempdir().unwrap();
    let wide = dir.path().join("wide");
    let made = Command::new(env!("CARGO_BIN_EXE_peaceplan"))
        .args(["synth", "--clauses", "3", "--sources", "300"])
        .arg(&wide)
        .output()
        .unwrap();
    assert!(made.status.success());
    let page = peaceplan(["report", "--html", "-"])
        .data(&wide)
        .stderr_has("the grid is left out of the report: 3 clauses by 300 outlets")
        .run()
        .stdout;
    assert!(!page.contains("data-rendering"));
    assert!(page.contains("the grid is left out of the report"));
    for number in 1..=3 {
        assert!(page.contains(&format!(r#"id="clause-{number}""#)));
    }
}
