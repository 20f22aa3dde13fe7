//! The HTML report: one self-contained page (no script, no fetch of any kind, a print
//! stylesheet) with the clause × outlet grid, each clause beside every outlet's wording
//! with the word diff, departures and positions, and the clause's way through the later
//! versions. maud's templates are checked when the tool is compiled and escape every
//! value they are given.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::model::rendering::Rendering;
use crate::model::versions::Point;
use crate::model::{Clause, Corpus, Report, Source};
use crate::query::compare::word_diff;
use crate::query::lineage::VersionView;
use crate::records::compare::Op;
use crate::records::versions::{Citation, Fate};

use super::rows::{clause_id, report_id};

/// The page's policy: nothing may be fetched (no script, image, font, frame or
/// connection); only the page's own inline style applies.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE: &str = include_str!("report.css");

/// The most outlets the grid has a column for, as `matrix` draws.
pub const MAX_GRID_OUTLETS: usize = 200;

/// The most cells the grid may have: past it the page would weigh tens of megabytes for a
/// grid no one reads; `matrix --format csv` writes any size.
pub const MAX_GRID_CELLS: usize = 200_000;

/// Why the grid of `clauses` × `outlets` is left out of the page, if it is.
pub fn grid_left_out(clauses: usize, outlets: usize) -> Option<String> {
    (outlets > MAX_GRID_OUTLETS || clauses.saturating_mul(outlets) > MAX_GRID_CELLS).then(|| {
        format!(
            "the grid is left out of the report: {clauses} clauses by {outlets} outlets is more \
             than its {MAX_GRID_OUTLETS} outlets or {MAX_GRID_CELLS} cells; \
             matrix --format csv writes it whole"
        )
    })
}

/// The anchor of a version's point: `point-framework-20-4` (`point-geneva-19-p1` where
/// the version's points have no numbers).
pub fn point_anchor(version: &str, number: Option<u32>, place: usize) -> String {
    match number {
        Some(number) => format!("point-{version}-{number}"),
        None => format!("point-{version}-p{}", place + 1),
    }
}

/// The whole page for `clauses` (the clauses the filters kept, in order).
pub fn page(corpus: &Corpus, clauses: &[&Clause], tool_version: &str) -> String {
    let shown: Vec<u32> = clauses.iter().map(|clause| clause.number).collect();
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content={ "peaceplan " (tool_version) };
                title { (corpus.plan.title) ": how outlets reported it" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (corpus.plan.title) }
                    p {
                        (clauses.len()) " of " (corpus.clauses.len()) " clauses, as "
                        (corpus.sources.len()) " outlets reported them. "
                        "Presented: " (corpus.plan.presented) "."
                    }
                    (sources_list(&corpus.sources))
                    nav { a href="#grid" { "The grid" } " · " a href="#clauses" { "The clauses" } " · " a href="#versions" { "Later versions" } }
                }
                main {
                    (grid(corpus, clauses))
                    section id="clauses" {
                        h2 { "The clauses" }
                        @for clause in clauses {
                            (clause_section(corpus, clause))
                        }
                    }
                    (versions(corpus, &shown))
                }
                footer {
                    p { "Written by peaceplan " (tool_version) ". Every quotation is word for word from the article it is attributed to; every code is defined in the project's data/CODEBOOK.md." }
                }
            }
        }
    };
    markup.into_string()
}

fn sources_list(sources: &[Source]) -> Markup {
    html! {
        ul.sources {
            @for source in sources {
                li id={ "source-" (source.id) } {
                    @match &source.url {
                        Some(url) => { a href=(url) { (source.name) } }
                        None => { (source.name) }
                    }
                    ": “" (source.headline) "”"
                    @if let Some(published) = &source.published { " (" (published) ")" }
                    @else { " (" (source.date_note) ")" }
                }
            }
        }
    }
}

/// The word people read beside a rendering's glyph: its name, in words.
fn rendering_words(rendering: Rendering) -> String {
    rendering.name().replace('-', " ")
}

fn rendering_mark(rendering: Rendering) -> Markup {
    html! {
        span.mark { (rendering.mark()) } " " span.word { (rendering_words(rendering)) }
    }
}

fn grid(corpus: &Corpus, clauses: &[&Clause]) -> Markup {
    if let Some(why) = grid_left_out(clauses.len(), corpus.sources.len()) {
        return html! {
            section id="grid" { h2 { "Who reported which clause" } p.note { (why) "." } }
        };
    }
    html! {
        section id="grid" {
            h2 { "Who reported which clause" }
            p.key {
                "Each cell: " (rendering_mark(Rendering::Reproduced)) " (the outlet's wording is in the text), "
                (rendering_mark(Rendering::Paraphrased)) ", " (rendering_mark(Rendering::Departs))
                " (a departure from the text is recorded), " (rendering_mark(Rendering::NotReported)) "."
            }
            table.grid {
                thead {
                    tr {
                        th scope="col" { "Clause" }
                        @for source in &corpus.sources { th scope="col" { (source.name) } }
                    }
                }
                tbody {
                    @for clause in clauses {
                        tr {
                            th scope="row" { a href={ "#" (clause_id(clause.number)) } { (clause.number) ". " (clause.title) } }
                            @for source in &corpus.sources {
                                (grid_cell(clause, source))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn grid_cell(clause: &Clause, source: &Source) -> Markup {
    let rendering = Rendering::of(clause, &source.id);
    let class = format!("cell {}", rendering.name());
    let departures = clause
        .report_by(&source.id)
        .map_or(0, |report| report.discrepancies.len());
    html! {
        td class=(class) data-rendering=(rendering.name()) data-source=(source.id) data-departures=(departures) {
            @if rendering == Rendering::NotReported {
                (rendering_mark(rendering))
            } @else {
                a href={ "#" (report_id(clause.number, &source.id)) } { (rendering_mark(rendering)) }
            }
        }
    }
}

fn clause_section(corpus: &Corpus, clause: &Clause) -> Markup {
    let mut reports: Vec<&Report> = clause.reports.iter().collect();
    reports.sort_by_key(|report| corpus.source_rank(&report.source));
    html! {
        section.clause id=(clause_id(clause.number)) {
            h3 { (clause.number) ". " (clause.title) }
            blockquote.text { p { (clause.text) } }
            @if !clause.subpoints.is_empty() {
                ul.subpoints { @for subpoint in &clause.subpoints { li { (subpoint) } } }
            }
            p.tags { "Topics: " (clause.topics.join(", ")) ". Parties: " (clause.parties.join(", ")) "." }
            @if reports.is_empty() { p { "No outlet reports this clause." } }
            @for report in reports {
                (report_article(corpus, clause, report))
            }
            (lineage(corpus, clause))
        }
    }
}

fn report_article(corpus: &Corpus, clause: &Clause, report: &Report) -> Markup {
    let rendering = Rendering::of(clause, &report.source);
    let name = corpus
        .sources
        .iter()
        .find(|source| source.id == report.source)
        .map_or(report.source.as_str(), |source| source.name.as_str());
    let text = clause.passages().collect::<Vec<_>>().join(" ");
    let wording = report.wording.join(" … ");
    let ops = word_diff(&text, &wording);
    html! {
        article class={ "report " (rendering.name()) } id=(report_id(clause.number, &report.source)) {
            h4 { (name) ": " (rendering_mark(rendering)) }
            div.side-by-side {
                div.side {
                    h5 { "The text" }
                    p { @for op in &ops {
                        @match op.op {
                            Op::Equal => { (op.text) }
                            Op::Delete => { del { (op.text) } }
                            Op::Insert => {}
                        }
                    } }
                }
                div.side {
                    h5 { (name) }
                    p { @for op in &ops {
                        @match op.op {
                            Op::Equal => { (op.text) }
                            Op::Insert => { ins { (op.text) } }
                            Op::Delete => {}
                        }
                    } }
                }
            }
            p.summary { (report.summary) }
            @if !report.discrepancies.is_empty() {
                h5 { "Departures from the text" }
                ul.departures {
                    @for departure in &report.discrepancies {
                        li {
                            strong { (departure.kind.to_string()) } ": the text says “" (departure.text_says)
                            "”; " (name) " says “" (departure.outlet_says) "”. " (departure.explanation)
                        }
                    }
                }
            }
            @if !report.positions.is_empty() {
                h5 { "Positions reported" }
                ul.positions {
                    @for position in &report.positions {
                        li {
                            (position.actor) " (" (position.party) "), " strong { (position.stance.to_string()) } ": " (position.summary)
                            @if let Some(quote) = &position.quote { " “" q { (quote) } "”" }
                            @if let Some(via) = &position.via { " (via " (via) ")" }
                        }
                    }
                }
            }
        }
    }
}

/// What became of a clause, in words.
fn fate_words(fate: Fate) -> String {
    match fate {
        Fate::Original => "the text".to_owned(),
        other => other.name().replace('-', " "),
    }
}

fn lineage(corpus: &Corpus, clause: &Clause) -> Markup {
    let views: Vec<VersionView> = VersionView::all(corpus)
        .into_iter()
        .filter(|view| !view.is_base())
        .collect();
    html! {
        @if !views.is_empty() {
            h4 { "Through the later versions" }
            ul.lineage {
                @for view in &views {
                    @let step = view.fate_of(clause);
                    li {
                        a href={ "#version-" (step.version) } { (step.version) }
                        @if let Some(date) = step.date { " (" (date) ")" }
                        ": " (fate_words(step.fate))
                        // The points that come from the clause, by their place in the
                        // version (an unnumbered point is named by its place).
                        @for (place, point) in view.points().iter().enumerate().filter(|(_, point)| point.lineage.from.contains(&clause.number)) {
                            " → " a href={ "#" (point_anchor(view.id(), point.number, place)) } {
                                @match point.number {
                                    Some(number) => { "point " (number) }
                                    None => { "unnumbered point " (place + 1) }
                                }
                            }
                            @for change in &point.lineage.figures_changed { " (" (change.was) " → " (change.now) ")" }
                        }
                        @if let Some(dropped) = &step.drop { ". " (dropped.summary) " " (citations(&dropped.sources)) }
                    }
                }
            }
        }
    }
}

fn citations(sources: &[Citation]) -> Markup {
    html! {
        span.citations {
            "("
            @for (index, citation) in sources.iter().enumerate() {
                @if index > 0 { "; " }
                a href=(citation.url) { (citation.outlet) }
                @if let Some(date) = citation.date { ", " (date) }
            }
            ")"
        }
    }
}

fn versions(corpus: &Corpus, shown: &[u32]) -> Markup {
    let filtered = shown.len() < corpus.clauses.len();
    let views: Vec<VersionView> = VersionView::all(corpus)
        .into_iter()
        .filter(|view| !view.is_base())
        .collect();
    html! {
        section id="versions" {
            h2 { "Later versions" }
            @if views.is_empty() { p { "This corpus records no later version." } }
            @for view in &views {
                @let record = view.record();
                section.version id={ "version-" (view.id()) } {
                    h3 { (record.title) @if let Some(date) = view.date() { " (" (date) ")" } }
                    p { @if let Some(summary) = record.summary { (summary) " " } (citations(&view.sources())) }
                    @let listed: Vec<(usize, &Point)> = view.points().iter().enumerate()
                        .filter(|(_, point)| !filtered || point.lineage.from.iter().any(|clause| shown.contains(clause)))
                        .collect();
                    @if filtered {
                        p.note { (listed.len()) " of its " (view.points().len()) " recorded points come from the clauses in this report." }
                    }
                    ul.points {
                        @for (place, point) in listed {
                            @let shown_point = view.point_record(point);
                            li id=(point_anchor(view.id(), point.number, place)) {
                                strong { @if let Some(number) = point.number { (number) ". " } (point.title) }
                                ": " (point.summary) " "
                                span.from {
                                    "(" (fate_words(Fate::from(point.lineage.kind)))
                                    @for (index, clause) in point.lineage.from.iter().enumerate() {
                                        @if index == 0 { " from " } @else { ", " }
                                        @if shown.contains(clause) { a href={ "#" (clause_id(*clause)) } { "clause " (clause) } }
                                        @else { "clause " (clause) }
                                    }
                                    @for change in &point.lineage.figures_changed { "; " (change.was) " → " (change.now) }
                                    ")"
                                }
                                " " (citations(&shown_point.sources))
                            }
                        }
                    }
                }
            }
        }
    }
}
