//! `peaceplan align`: the clauses a planted test article reports, its passages byte for
//! byte, the departures planted in it, and clear errors for articles that cannot be read.

use crate::align_records::{Departure, Found};
use crate::support::peaceplan;

const PLANTED: &str = "tests/fixtures/align/planted-troops.txt";

fn departure(kind: &str, text_says: &str, outlet_says: &str) -> Departure {
    Departure {
        kind: kind.into(),
        text_says: text_says.into(),
        outlet_says: outlet_says.into(),
        why: String::new(),
    }
}

#[test]
fn finds_exactly_the_planted_clauses_and_departures() {
    let found: Vec<Found> = peaceplan(["align", PLANTED, "--format", "json"])
        .run()
        .json();
    let clauses: Vec<u32> = found.iter().map(|found| found.clause).collect();
    // 6 paraphrased with a wrong figure (and the generals' "permanent ceiling", their words,
    // not a misquote of the plan), 9 verbatim and with a wrong party; the harvest
    // paragraph and the critics' line match nothing.
    assert_eq!(clauses, [6, 9]);
    assert_eq!(found[1].title, "European fighter jets stationed in Poland");
    assert!(found.iter().all(|found| (0.4..=1.0).contains(&found.score)));
    assert_eq!(
        found[0].departures,
        [departure(
            "figure",
            "The size of the Ukrainian Armed Forces will be limited to 600,000 personnel.",
            "800,000"
        ),]
    );
    assert_eq!(
        found[1].departures,
        [departure("party", "European fighter", "American fighter")]
    );
    // 800,000 is the European counter-proposal's figure, but the article gives it as the
    // draft's: a departure that says whose figure it is, not a later-version match.
    assert!(found[0].later_versions.is_empty());
    assert!(
        found[0].departures[0]
            .why
            .contains("e3-counter point 6, not of this text, which says 600,000"),
        "{:?}",
        found[0].departures[0]
    );
    let verbatim = &found[1].passages[0];
    assert!(
        verbatim
            .text
            .ends_with("European fighter jets will be stationed in Poland.")
    );
    assert!(found[1].score > 0.99, "a verbatim clause scores 1");
}

#[test]
fn passages_are_byte_exact_slices_with_their_context() {
    let article = std::fs::read_to_string(PLANTED).unwrap();
    let found: Vec<Found> = peaceplan(["align", PLANTED, "--json"]).run().json();
    for passage in found.iter().flat_map(|found| &found.passages) {
        assert_eq!(article[passage.start..passage.end], passage.text);
        assert!(article[..passage.start].ends_with(&passage.prefix));
        assert!(article[passage.end..].starts_with(&passage.suffix));
    }
}

#[test]
fn all_prints_every_clause_and_the_unreported_score_below_the_threshold() {
    let found: Vec<Found> = peaceplan(["align", PLANTED, "--all", "--json"])
        .run()
        .json();
    assert_eq!(found.len(), 28);
    for clause in &found {
        assert_eq!(clause.passages.is_empty(), clause.score < 0.4, "{clause:?}");
    }
}

#[test]
fn reads_standard_input_and_prints_a_table_for_people() {
    let article = std::fs::read_to_string(PLANTED).unwrap();
    let mut child = peaceplan(["align", "-"])
        .command()
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(article.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success());
    assert!(stdout.contains(" 9. European fighter jets stationed in Poland (score 1.00)"));
    assert!(stdout.contains(
        "    ! party departure: article says \"American fighter\"; text says \"European fighter\""
    ));
}

#[test]
fn a_higher_min_score_keeps_only_the_verbatim_clause() {
    let found: Vec<Found> = peaceplan(["align", PLANTED, "--min-score", "0.9", "--json"])
        .run()
        .json();
    assert_eq!(found.iter().map(|f| f.clause).collect::<Vec<_>>(), [9]);
    peaceplan(["align", PLANTED, "--min-score", "1.5"])
        .status(2)
        .stderr_has("1.5 is outside 0 to 1")
        .run();
}

#[test]
fn unreadable_articles_are_clear_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.txt");
    peaceplan(["align", missing.to_str().unwrap()])
        .status(1)
        .stderr_has("nowhere.txt: cannot read the article")
        .run();
    let binary = dir.path().join("photo.jpg");
    std::fs::write(&binary, b"\xff\xd8\xff\xe0\0\x10JFIF").unwrap();
    peaceplan(["align", binary.to_str().unwrap()])
        .status(1)
        .stderr_has("photo.jpg: is binary, not text (a NUL byte at offset 4)")
        .run();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Kyiv caf\xe9 talks").unwrap();
    peaceplan(["align", latin1.to_str().unwrap()])
        .status(1)
        .stderr_has("latin1.txt: is not UTF-8 text: byte 0xe9 at offset 8 is invalid")
        .run();
    peaceplan(["align", dir.path().to_str().unwrap()])
        .status(1)
        .stderr_has("is not a regular file")
        .run();
}

#[test]
fn an_article_about_nothing_in_the_plan_prints_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let harvest = dir.path().join("harvest.txt");
    std::fs::write(
        &harvest,
        "Farmers in Poltava reported a record sunflower harvest. Prices rose again.",
    )
    .unwrap();
    // The harvest story never names Ukraine: one note says why nothing is reported.
    peaceplan(["align", harvest.to_str().unwrap()])
        .stdout_empty()
        .stderr_has("does not look like an article about the plan (it never names Ukraine)")
        .stderr_lacks("none scores")
        .run();
    let about_the_plan = dir.path().join("about.txt");
    std::fs::write(
        &about_the_plan,
        "Ukraine's farmers reported a record harvest as talks on the US peace plan went on.",
    )
    .unwrap();
    peaceplan(["align", about_the_plan.to_str().unwrap()])
        .stdout_empty()
        .stderr_has("no clause is reported in")
        .stderr_has(
            "none scores 0.5 or more, which an article needs before its matches from 0.33 up count",
        )
        .run();
    peaceplan([
        "align",
        "--min-score",
        "0.6",
        about_the_plan.to_str().unwrap(),
    ])
    .stdout_empty()
    .stderr_has("no clause scores 0.6 or more in")
    .run();
}

#[test]
fn the_yaml_draft_holds_the_verbatim_passages_and_draft_discrepancies() {
    let ran = peaceplan([
        "align",
        PLANTED,
        "--format",
        "yaml",
        "--source",
        "new-outlet",
    ])
    .run();
    assert!(ran.stdout.contains("- clause: 9\n"));
    assert!(ran.stdout.contains("  - source: new-outlet\n"));
    assert!(ran.stdout.contains("    summary: TODO\n"));
    assert!(ran.stdout.contains("    - kind: figure\n"));
    assert!(ran.stdout.contains("      outlet_says: \"800,000\"\n"));
}

/// The path of one archived article, as text.
fn archived(name: &str) -> String {
    crate::support::archive().join(name).display().to_string()
}

#[test]
#[ignore = "needs the archived articles: PEACEPLAN_ARCHIVE=DIR cargo test -- --ignored"]
fn flags_foreign_troops_in_the_kyiv_independent_and_300_billion_in_united24() {
    let (kyiv, united24) = (
        archived("kyiv-independent.txt"),
        archived("united24-media.txt"),
    );
    let found: Vec<Found> = peaceplan(["align", &kyiv, "--json"]).run().json();
    let clause_8 = found
        .iter()
        .find(|f| f.clause == 8)
        .expect("clause 8 found");
    assert!(
        clause_8
            .departures
            .contains(&departure("party", "NATO troops", "foreign troops"))
    );
    let found: Vec<Found> = peaceplan(["align", &united24, "--json"]).run().json();
    let clause_14 = found
        .iter()
        .find(|f| f.clause == 14)
        .expect("clause 14 found");
    assert!(
        clause_14
            .departures
            .iter()
            .any(|d| d.kind == "figure" && d.outlet_says == "$300 billion")
    );
}

/// The draft's report entries for each clause, re-indented to sit under the clause's
/// `reports:` key in plan_28_points.yaml, with the summaries a reviewer writes.
fn drafted_reports(draft: &str) -> Vec<(u32, String)> {
    draft
        .split("- clause: ")
        .skip(1)
        .map(|block| {
            let number: u32 = block.lines().next().unwrap().trim().parse().unwrap();
            let reports = block.split_once("  reports:\n").unwrap().1;
            let indented: String = reports
                .lines()
                .map(|line| format!("    {line}\n"))
                .collect();
            (
                number,
                indented.replace("summary: TODO", "summary: Reviewed paraphrase."),
            )
        })
        .collect()
}

#[test]
#[ignore = "needs the archived articles: PEACEPLAN_ARCHIVE=DIR cargo test -- --ignored"]
fn a_draft_with_its_summaries_filled_passes_validate_archive() {
    let fixture = crate::support::Fixture::shipped();
    let archive = tempfile::tempdir().unwrap();
    for id in [
        "al-mayadeen",
        "california-insider",
        "kyiv-independent",
        "united24-media",
        "wsws",
    ] {
        let article = archived(&format!("{id}.txt"));
        std::fs::copy(article, archive.path().join(format!("{id}.txt"))).unwrap();
    }
    std::fs::copy(PLANTED, archive.path().join("new-outlet.txt")).unwrap();
    let draft = peaceplan([
        "align",
        PLANTED,
        "--format",
        "yaml",
        "--source",
        "new-outlet",
    ])
    .run()
    .stdout;
    let drafted = drafted_reports(&draft);
    assert_eq!(drafted.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [6, 9]);
    for (number, reports) in &drafted {
        let plan = fixture.read("plan_28_points.yaml");
        let clause_at = plan.find(&format!("  - number: {number}\n")).unwrap();
        let reports_at = clause_at + plan[clause_at..].find("    reports:\n").unwrap();
        let insert_at = reports_at + "    reports:\n".len();
        fixture.write(
            "plan_28_points.yaml",
            format!("{}{}{}", &plan[..insert_at], reports, &plan[insert_at..]),
        );
    }
    let mut sources = fixture.read("sources.yaml");
    sources.push_str(
        "  - id: new-outlet\n    name: New Outlet\n    publisher: New Outlet Media\n    \
         headline: \"Washington's new framework for Ukraine draws fire in Kyiv\"\n    \
         byline: null\n    published: null\n    date_note: \"No date printed.\"\n    \
         language: en\n    kind: report\n",
    );
    fixture.write("sources.yaml", sources);
    peaceplan(["validate", "--archive", archive.path().to_str().unwrap()])
        .data(fixture.path())
        .run();
}

fn departures_of(article: &str) -> Vec<(u32, Vec<Departure>)> {
    let found: Vec<Found> = peaceplan(["align", article, "--json"]).run().json();
    found
        .into_iter()
        .map(|found| (found.clause, found.departures))
        .collect()
}

#[test]
fn finds_the_planted_amount_and_the_verbatim_elections_clause_not_an_officials_words() {
    let found = departures_of("tests/fixtures/align/planted-funds.txt");
    let fourteen = "$100 billion in frozen Russian assets will be invested in US-led efforts to \
                    rebuild and invest in Ukraine; The US will receive 50% of the profits from \
                    this venture.";
    assert_eq!(
        found,
        [
            (
                14,
                // "what one official called a \"reparations fund\"": an official's
                // words, not a misquote of the plan (issue #18, class 6).
                vec![departure("figure", fourteen, "$200 billion")]
            ),
            (25, vec![]),
        ]
    );
}

#[test]
fn finds_the_planted_ratio_and_the_verbatim_amnesty_clause_not_the_critics_cede() {
    let found = departures_of("tests/fixtures/align/planted-nuclear.txt");
    let clauses: Vec<u32> = found.iter().map(|(number, _)| *number).collect();
    assert_eq!(clauses, [19, 21, 26]);
    assert_eq!(found[0].1.len(), 1);
    assert_eq!(found[0].1[0].outlet_says, "70:30");
    let kinds: Vec<(&str, &str)> = found[1]
        .1
        .iter()
        .map(|d| (d.kind.as_str(), d.outlet_says.as_str()))
        .collect();
    // Critics' "cede", in a sentence that itself says the text recognises de facto: their
    // word, not the article's account of the clause (issue #18, classes 3 and 6).
    assert_eq!(kinds, []);
    assert!(
        found[2].1.is_empty(),
        "the verbatim amnesty clause departs from nothing"
    );
}

/// `--source` takes only an id `sources.yaml` would accept, so the draft it writes can be
/// pasted in (issue #22).
#[test]
fn the_draft_source_id_is_one_the_corpus_accepts() {
    for bad in ["Bad Id", "text", "a--b", ""] {
        peaceplan([
            "align",
            "tests/fixtures/align/planted-troops.txt",
            "--format",
            "yaml",
            "--source",
            bad,
        ])
        .status(2)
        .stderr_has("--source")
        .run();
    }
}
