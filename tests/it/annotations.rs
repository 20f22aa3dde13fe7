//! `align --format jsonld`: the annotation page of a real run passes the W3C Web
//! Annotation test suite's JSON Schemas (vendored in tests/fixtures/w3c-annotation, whose
//! README says where from), and the schemas do reject broken annotations; every
//! annotation's selectors find its passage in the article, counted in code points; an
//! article that reports nothing gives a valid empty page; other commands refuse the format.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jsonschema::{Retrieve, Uri, Validator};
use serde_json::{Value, json};

use crate::support::peaceplan;

/// An article with curly quotes, Cyrillic and emoji before and inside the passages
/// `align` finds (clauses 6 and 9, as in tests/fixtures/align/planted-troops.txt), so
/// that code point positions differ from byte offsets.
const ARTICLE: &str = "Вашингтон пропонує: “a new framework” for Ukraine 🇺🇦

KYIV — Officials here spent Friday reading a draft that would reshape the country’s security. 🕊️

Under the proposal, Ukraine’s armed forces would be limited to 800,000 personnel, a “permanent ceiling” Ukrainian generals called unworkable.

🙂 The draft says plainly: European fighter jets will be stationed in Poland.

It also states that American fighter jets would guard Ukraine’s skies from bases in the region — «Київ» is wary.

Meanwhile, farmers in the Poltava region reported a record sunflower harvest this autumn.
";

/// The file name the article is written under: not ASCII either.
const ARTICLE_NAME: &str = "київ-article.txt";

/// The vendored schemas of the test suite.
fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/w3c-annotation")
}

/// Where the schemas are taken to live. They name each other by file name alone
/// (`"$ref": "id.json#/definitions/stringUri"`), the test suite loading them all into
/// one namespace, so every reference resolves to this base and [`Vendored`] serves the
/// file of that name from whichever folder holds it.
const BASE: &str = "https://w3c-annotation.test/";

/// Serves the vendored schemas and nothing else: nothing is fetched from the network.
struct Vendored;

impl Retrieve for Vendored {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri
            .as_str()
            .strip_prefix(BASE)
            .ok_or_else(|| format!("{uri} is not one of the vendored schemas"))?;
        let path =
            find(&schemas(), name).ok_or_else(|| format!("no vendored schema is named {name}"))?;
        Ok(serde_json::from_str(&std::fs::read_to_string(path)?)?)
    }
}

/// The file called `name` in `dir` or a folder under it.
fn find(dir: &Path, name: &str) -> Option<PathBuf> {
    std::fs::read_dir(dir).ok()?.find_map(|entry| {
        let path = entry.ok()?.path();
        if path.is_dir() {
            find(&path, name)
        } else {
            (path.file_name()? == name).then_some(path)
        }
    })
}

/// The assertions an Annotation Page is checked against (pageMusts.test's on id, type and
/// items; the @context check is the annotations', which asks the same of any object).
const PAGE_ASSERTIONS: &[&str] = &[
    "annotations/3.1-annotationContextValidated.json",
    "collections/pages/5.2-pageIdValidated.json",
    "collections/pages/5.2-pageTypeValidated.json",
    "collections/pages/5.2-pageItemsValidated.json",
];

/// The assertions each annotation is checked against: annotationMusts.test's on the
/// annotation's keys, its body and its target, the motivation and purpose checks, and
/// specificResourceMusts.test's on selectors and the two kinds `align` writes.
const ANNOTATION_ASSERTIONS: &[&str] = &[
    "annotations/3.1-annotationContextValidated.json",
    "annotations/3.1-annotationIdValidated.json",
    "annotations/3.1-annotationTypeValidated.json",
    "annotations/3.1-targetKeyFound.json",
    "annotations/3.2-targetObjectsRecognized.json",
    "annotations/3.2-bodyObjectsRecognized.json",
    "annotations/3.3.5-annotationMotivationImplemented.json",
    "bodiesTargets/3.3.5-bodyPurpose.json",
    "specificResource/4.2-selectorValidIfPresent.json",
    "specificResource/4.2.4-textQuoteSelectorValid.json",
    "specificResource/4.2-TextDataPositionSelectorValid.json",
];

/// The assertion in `file`, compiled with formats checked (an id must be a URI).
fn assertion(file: &str) -> Validator {
    let text = std::fs::read_to_string(schemas().join(file)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .with_retriever(Vendored)
        .with_base_uri(BASE)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|error| panic!("{file} does not compile: {error}"))
}

/// Assertions compiled once for all the tests, each with its file.
type Compiled = Vec<(&'static str, Validator)>;

fn compiled(
    cell: &'static OnceLock<Compiled>,
    files: &'static [&'static str],
) -> &'static Compiled {
    cell.get_or_init(|| files.iter().map(|file| (*file, assertion(file))).collect())
}

/// What `page` fails of the test suite's assertions: the page's own, then each item's,
/// each as `assertion: item id: error`. An annotation is checked as it stands alone,
/// carrying the page's @context (in JSON-LD the page's context is its items' context).
fn failures(page: &Value) -> Vec<String> {
    static PAGE: OnceLock<Compiled> = OnceLock::new();
    static ANNOTATION: OnceLock<Compiled> = OnceLock::new();
    let mut failed = Vec::new();
    let mut check = |assertions: &Compiled, instance: &Value| {
        for (file, validator) in assertions {
            for error in validator.iter_errors(instance) {
                failed.push(format!("{file}: {}: {error}", instance["id"]));
            }
        }
    };
    check(compiled(&PAGE, PAGE_ASSERTIONS), page);
    for item in page["items"].as_array().expect("items is an array") {
        let mut annotation = item.clone();
        annotation["@context"] = page["@context"].clone();
        check(compiled(&ANNOTATION, ANNOTATION_ASSERTIONS), &annotation);
    }
    failed
}

/// The annotation page `align` writes of `article`, saved as `name` in a new directory.
fn annotate(name: &str, article: &str) -> (Value, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, article).unwrap();
    let page = peaceplan(["align", path.to_str().unwrap(), "--format", "jsonld"])
        .stderr_empty()
        .run()
        .json();
    (page, dir)
}

#[test]
fn a_real_run_passes_the_w3c_annotation_schemas() {
    let (page, _dir) = annotate(ARTICLE_NAME, ARTICLE);
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{page:#}");
    let failed = failures(&page);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// A change that makes an annotation break the model.
type Breakage = fn(&mut Value);

#[test]
fn the_schemas_reject_broken_annotations() {
    let (page, _dir) = annotate(ARTICLE_NAME, ARTICLE);
    // Each breakage, and the assertion of the test suite that must catch it.
    let breakages: &[(&str, Breakage)] = &[
        (
            "specificResource/4.2-TextDataPositionSelectorValid.json",
            |annotation| {
                let selector = &mut annotation["target"]["selector"][1];
                assert_eq!(selector["type"], "TextPositionSelector");
                selector.as_object_mut().unwrap().remove("start");
            },
        ),
        (
            "specificResource/4.2.4-textQuoteSelectorValid.json",
            |annotation| {
                let selector = &mut annotation["target"]["selector"][0];
                selector.as_object_mut().unwrap().remove("exact");
            },
        ),
        ("annotations/3.1-annotationIdValidated.json", |annotation| {
            annotation["id"] = json!("clause 6, passage 1");
        }),
        (
            "annotations/3.3.5-annotationMotivationImplemented.json",
            |annotation| annotation["motivation"] = json!("agreeing"),
        ),
        ("annotations/3.2-bodyObjectsRecognized.json", |annotation| {
            annotation["body"][0]
                .as_object_mut()
                .unwrap()
                .remove("value");
        }),
        (
            "annotations/3.2-targetObjectsRecognized.json",
            |annotation| {
                annotation["target"]["source"] = json!("not a uri");
            },
        ),
    ];
    for (catcher, break_it) in breakages {
        let mut broken = page.clone();
        break_it(&mut broken["items"][0]);
        let failed = failures(&broken);
        assert!(
            failed.iter().any(|failure| failure.starts_with(catcher)),
            "{catcher} let a broken annotation through: {failed:?}\n{:#}",
            broken["items"][0]
        );
    }
    // And the page's own: a page must say it is one.
    let mut broken = page.clone();
    broken["type"] = json!("Annotation");
    let failed = failures(&broken);
    assert!(
        failed
            .iter()
            .any(|failure| failure.starts_with("collections/pages/5.2-pageTypeValidated.json")),
        "{failed:?}"
    );
}

#[test]
fn selectors_count_code_points_and_find_each_passage() {
    let (page, dir) = annotate(ARTICLE_NAME, ARTICLE);
    let chars: Vec<char> = ARTICLE.chars().collect();
    let text = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let bytes: Vec<Value> = peaceplan([
        "align",
        dir.path().join(ARTICLE_NAME).to_str().unwrap(),
        "--json",
    ])
    .run()
    .json();
    let byte_offsets: Vec<(u64, u64)> = bytes
        .iter()
        .flat_map(|found| found["passages"].as_array().unwrap())
        .map(|passage| {
            (
                passage["start"].as_u64().unwrap(),
                passage["end"].as_u64().unwrap(),
            )
        })
        .collect();
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), byte_offsets.len());
    for (annotation, (byte_start, byte_end)) in items.iter().zip(byte_offsets) {
        let [quote, position] = [
            &annotation["target"]["selector"][0],
            &annotation["target"]["selector"][1],
        ];
        assert_eq!(quote["type"], "TextQuoteSelector");
        assert_eq!(position["type"], "TextPositionSelector");
        let start = position["start"].as_u64().unwrap() as usize;
        let end = position["end"].as_u64().unwrap() as usize;
        let exact = quote["exact"].as_str().unwrap();
        assert_eq!(text(start, end), exact, "{annotation:#}");
        assert!(text(0, start).ends_with(quote["prefix"].as_str().unwrap()));
        assert!(text(end, chars.len()).starts_with(quote["suffix"].as_str().unwrap()));
        // The same passage as --format json's byte offsets: counted again, not copied.
        assert_eq!(ARTICLE[byte_start as usize..byte_end as usize], *exact);
        assert!(
            byte_start as usize > start,
            "{byte_start} bytes, {start} code points"
        );
    }
    // The emoji that starts a passage is part of it, counted as one code point.
    assert!(items.iter().any(|annotation| {
        annotation["target"]["selector"][0]["exact"]
            .as_str()
            .unwrap()
            .starts_with("🙂 The draft says plainly")
    }));
}

#[test]
fn ids_and_the_source_name_the_article() {
    let (page, dir) = annotate(ARTICLE_NAME, ARTICLE);
    let name = "%D0%BA%D0%B8%D1%97%D0%B2-article.txt";
    assert_eq!(page["id"], format!("urn:peaceplan:align:{name}"));
    let ids: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|annotation| annotation["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            format!("urn:peaceplan:align:{name}:clause-6:1"),
            format!("urn:peaceplan:align:{name}:clause-9:1"),
            format!("urn:peaceplan:align:{name}:clause-9:2"),
        ]
    );
    let source = page["items"][0]["target"]["source"].as_str().unwrap();
    assert!(source.starts_with("file:///"), "{source}");
    assert!(source.ends_with(&format!("/{name}")), "{source}");
    // The clause and each departure are bodies; a departure goes with its passage.
    let bodies = |index: usize| -> Vec<(String, String)> {
        page["items"][index]["body"]
            .as_array()
            .unwrap()
            .iter()
            .map(|body| {
                let said = body
                    .get("peaceplan:clause")
                    .or_else(|| body.get("peaceplan:departure"))
                    .unwrap();
                (
                    body["purpose"].as_str().unwrap().to_owned(),
                    said.as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let pair = |purpose: &str, said: &str| (purpose.to_owned(), said.to_owned());
    assert_eq!(
        bodies(0),
        [pair("identifying", "clause-6"), pair("assessing", "figure")]
    );
    assert_eq!(bodies(1), [pair("identifying", "clause-9")]);
    assert_eq!(
        bodies(2),
        [pair("identifying", "clause-9"), pair("assessing", "party")]
    );
    // Run again: the same page, byte for byte.
    let again: Value = peaceplan([
        "align",
        dir.path().join(ARTICLE_NAME).to_str().unwrap(),
        "--format",
        "jsonld",
    ])
    .run()
    .json();
    assert_eq!(again, page);
}

#[test]
fn standard_input_is_annotated_as_the_stdin_urn() {
    use std::io::Write;
    let mut child = peaceplan(["align", "-", "--format", "jsonld"])
        .command()
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ARTICLE.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let page: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(page["id"], "urn:peaceplan:align:stdin");
    assert_eq!(page["items"][0]["target"]["source"], "urn:peaceplan:stdin");
    let failed = failures(&page);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn an_article_that_reports_nothing_gives_a_valid_empty_page() {
    let (page, _dir) = annotate(
        "harvest.txt",
        "Farmers in the Poltava region reported a record sunflower harvest this autumn.\n",
    );
    assert_eq!(
        page,
        json!({
            "@context": ["http://www.w3.org/ns/anno.jsonld", {"peaceplan": "urn:peaceplan:term:"}],
            "id": "urn:peaceplan:align:harvest.txt",
            "type": "AnnotationPage",
            "items": [],
        })
    );
    let failed = failures(&page);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn only_align_writes_annotations() {
    for args in [
        &["list", "--format", "jsonld"][..],
        &["show", "6", "--format", "jsonld"],
        &["export", "--format", "jsonld"],
        &["diff", "text", "kyiv-independent", "--format", "jsonld"],
    ] {
        let command = args[0];
        peaceplan(args)
            .status(2)
            .stdout_empty()
            .stderr_has(&format!(
                "`{command}` cannot be written as jsonld; only `align` writes annotations"
            ))
            .run();
    }
}
