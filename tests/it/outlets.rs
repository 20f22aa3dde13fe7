//! The registry of outlets (`outlets.yaml`) and the source policy it enforces: every
//! reference of the versions file names an outlet of the registry, one whose kind may carry
//! a fact (never a disinformation network, content farm, blog, republisher or machine-
//! written page, as outlet or as relay), and its address is on that outlet's own hosts.
//! Each case plants one bad reference in a copy of the shipped corpus.

use crate::support::{Fixture, peaceplan, shipped_data};

/// A copy of the shipped corpus with its versions file and registry.
fn shipped_with_versions() -> Fixture {
    let fixture = Fixture::shipped();
    for name in ["versions.yaml", "outlets.yaml"] {
        std::fs::copy(shipped_data().join(name), fixture.file(name)).unwrap();
    }
    fixture
}

/// The first reference of the shipped file, as written.
const FIRST_REFERENCE: &str =
    "  - id: axios-28-rbcua\n    outlet: axios\n    read_at: rbc-ukraine\n";

fn refused(fixture: &Fixture, on_line: usize, says: &[&str]) {
    let place = format!("{}:{on_line}:", fixture.file("versions.yaml").display());
    let mut test = peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has(&place);
    for text in says {
        test = test.stderr_has(text);
    }
    test.run();
}

#[test]
fn the_shipped_versions_cite_only_outlets_that_may_carry_a_fact() {
    peaceplan(["validate"]).stdout_has("ok:").run();
    let fixture = shipped_with_versions();
    peaceplan(["validate"]).data(fixture.path()).run();
}

#[test]
fn a_reference_from_a_disinformation_network_is_refused_by_name() {
    let fixture = shipped_with_versions();
    let line = fixture.replace(
        "versions.yaml",
        FIRST_REFERENCE,
        "  - id: axios-28-rbcua\n    outlet: pravda-network\n",
    );
    fixture.replace(
        "versions.yaml",
        "url: https://newsukraine.rbc.ua/news/axios-unveils-full-28-point-peace-plan-for-1763709875.html",
        "url: https://nato.news-pravda.com/ukraine/2025/11/23/79326.html",
    );
    refused(
        &fixture,
        line + 1,
        &[
            "outlet `pravda-network`",
            "a disinformation that may not carry a fact",
            "CODEBOOK.md",
        ],
    );
}

#[test]
fn a_content_farm_relay_is_refused_even_for_a_wire_story() {
    let fixture = shipped_with_versions();
    let line = fixture.replace(
        "versions.yaml",
        FIRST_REFERENCE,
        "  - id: axios-28-rbcua\n    outlet: axios\n    read_at: nigerialive24\n",
    );
    refused(
        &fixture,
        line + 2,
        &["read_at `nigerialive24`", "may not carry a fact"],
    );
}

#[test]
fn an_address_off_the_outlets_hosts_is_refused() {
    let fixture = shipped_with_versions();
    // Reuters named as the outlet, but the page is on a Pravda-network host.
    let text = fixture.read("versions.yaml");
    let at = text.find("outlet: reuters\n").expect("a Reuters reference");
    let url_line = text[at..].find("url: ").map(|offset| at + offset).unwrap();
    let end = text[url_line..].find('\n').unwrap() + url_line;
    let planted = format!(
        "{}url: https://nato.news-pravda.com/ukraine/2025/11/23/79326.html{}",
        &text[..url_line],
        &text[end..]
    );
    let planted = planted.replacen("    read_at: liga\n", "", 1);
    fixture.write("versions.yaml", planted);
    peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has("url on `nato.news-pravda.com`, which is not a host of")
        .run();
}

#[test]
fn an_unknown_outlet_is_refused_with_the_nearest_id() {
    let fixture = shipped_with_versions();
    let line = fixture.replace(
        "versions.yaml",
        FIRST_REFERENCE,
        "  - id: axios-28-rbcua\n    outlet: axois\n    read_at: rbc-ukraine\n",
    );
    refused(
        &fixture,
        line + 1,
        &[
            "outlet `axois`, which is not in outlets.yaml",
            "did you mean `axios`?",
        ],
    );
}

#[test]
fn versions_without_a_registry_are_refused_with_what_to_do() {
    let fixture = shipped_with_versions();
    std::fs::remove_file(fixture.file("outlets.yaml")).unwrap();
    peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has("the corpus has no outlets.yaml")
        .stderr_has("data/outlets.yaml")
        .run();
}

#[test]
fn a_broken_registry_is_reported_at_its_line() {
    let fixture = shipped_with_versions();
    let country = fixture.replace("outlets.yaml", "    country: GB\n", "    country: uk\n");
    let host = fixture.replace("outlets.yaml", "hosts: [afp.com]", "hosts: [reuters.com]");
    let bidi = fixture.replace(
        "outlets.yaml",
        "hosts: [apnews.com]",
        "hosts: [\"\u{202e}apnews.com\"]",
    );
    let file = fixture.file("outlets.yaml").display().to_string();
    let ran = peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has(&format!("{file}:{country}:"))
        .stderr_has("country `uk`, which is not a two-letter code")
        .stderr_has(&format!("{file}:{host}:"))
        .stderr_has("host `reuters.com` is listed under both `reuters` and `afp`")
        .stderr_has(&format!("{file}:{bidi}:"))
        .stderr_has("which is not a web host")
        .run();
    crate::support::assert_no_unsafe_bytes(ran.stderr.as_bytes(), "stderr");
}

#[test]
fn a_host_with_a_bidi_override_is_not_a_web_address() {
    let fixture = shipped_with_versions();
    let line = fixture.replace(
        "versions.yaml",
        "url: https://newsukraine.rbc.ua/news/axios-unveils-full-28-point-peace-plan-for-1763709875.html",
        "url: \"https://\u{202e}newsukraine.rbc.ua/news/x\"",
    );
    let ran = peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has(&format!(
            "{}:{line}:",
            fixture.file("versions.yaml").display()
        ))
        .stderr_has("which is not a web address")
        .run();
    crate::support::assert_no_unsafe_bytes(ran.stderr.as_bytes(), "stderr");
}

#[test]
fn impossible_dates_are_refused_in_versions_and_sources() {
    let fixture = shipped_with_versions();
    let line = fixture.replace("versions.yaml", "date: 2025-11-21\n", "date: 2025-11-31\n");
    refused(&fixture, line, &["2025-11-31", "not YYYY-MM-DD"]);
    let fixture = shipped_with_versions();
    let line = fixture.replace(
        "sources.yaml",
        "published: 2025-11-21",
        "published: 2025-02-30",
    );
    peaceplan(["validate"])
        .data(fixture.path())
        .status(1)
        .stderr_has(&format!(
            "{}:{line}:",
            fixture.file("sources.yaml").display()
        ))
        .stderr_has("2025-02-30")
        .run();
}
