//! The relational shape of the corpus as data: every table with its columns, keys, closed
//! vocabularies and full-text columns. The SQLite schema, the CSV package's descriptor and
//! the Datasette metadata are all drawn from this one list, so they cannot disagree.

use strum::VariantArray;

use crate::model::outlets::OutletKind;
use crate::model::rendering::Rendering;
use crate::model::versions::{AccountAspect, LineageKind, TextStatus};
use crate::model::{DiscrepancyKind, SourceKind, Stance};

/// The version of this shape, written to `PRAGMA user_version`, the `metadata` table and
/// the package descriptor. Raised whenever a table or column changes.
pub const SCHEMA_VERSION: u32 = 1;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Integer,
}

/// One column of a table.
#[derive(Debug, Clone)]
pub struct Column {
    pub name: &'static str,
    pub kind: ColumnType,
    /// Whether every row has a value (`NOT NULL`; a required field in the package).
    pub required: bool,
    /// The closed vocabulary the column's values come from; empty for open text.
    pub choices: Vec<&'static str>,
    pub description: &'static str,
}

impl Column {
    fn new(name: &'static str, kind: ColumnType, description: &'static str) -> Self {
        Self {
            name,
            kind,
            required: true,
            choices: Vec::new(),
            description,
        }
    }

    /// A column that may be empty (NULL; an empty cell in CSV).
    fn optional(self) -> Self {
        Self {
            required: false,
            ..self
        }
    }
}

fn text(name: &'static str, description: &'static str) -> Column {
    Column::new(name, ColumnType::Text, description)
}

fn integer(name: &'static str, description: &'static str) -> Column {
    Column::new(name, ColumnType::Integer, description)
}

/// A text column whose values are the names of a closed choice of the model.
fn choice<T>(name: &'static str, description: &'static str) -> Column
where
    T: VariantArray + Copy + Into<&'static str>,
{
    Column {
        choices: T::VARIANTS.iter().map(|&variant| variant.into()).collect(),
        ..text(name, description)
    }
}

/// Columns of this table that refer to the key of another.
#[derive(Debug, Clone)]
pub struct ForeignKey {
    pub columns: &'static [&'static str],
    pub table: &'static str,
    pub references: &'static [&'static str],
}

fn refers(
    columns: &'static [&'static str],
    table: &'static str,
    references: &'static [&'static str],
) -> ForeignKey {
    ForeignKey {
        columns,
        table,
        references,
    }
}

/// One table.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: &'static str,
    pub description: &'static str,
    pub columns: Vec<Column>,
    pub primary_key: &'static [&'static str],
    /// Other column sets whose values are unique (each may be referred to).
    pub unique: &'static [&'static [&'static str]],
    pub foreign_keys: Vec<ForeignKey>,
    /// The columns of its full-text index (`<name>_fts`); empty for none. A table with
    /// one has a single integer primary key, which is its row id and the index's.
    pub searchable: &'static [&'static str],
    /// The column that names a row for people (Datasette's label column).
    pub label: Option<&'static str>,
    /// Columns worth counting by (Datasette's facets).
    pub facets: &'static [&'static str],
}

impl Table {
    fn new(
        name: &'static str,
        description: &'static str,
        primary_key: &'static [&'static str],
    ) -> Self {
        Self {
            name,
            description,
            columns: Vec::new(),
            primary_key,
            unique: &[],
            foreign_keys: Vec::new(),
            searchable: &[],
            label: None,
            facets: &[],
        }
    }

    fn columns(self, columns: Vec<Column>) -> Self {
        Self { columns, ..self }
    }

    fn unique(self, unique: &'static [&'static [&'static str]]) -> Self {
        Self { unique, ..self }
    }

    fn refers(self, foreign_keys: Vec<ForeignKey>) -> Self {
        Self {
            foreign_keys,
            ..self
        }
    }

    fn searchable(self, searchable: &'static [&'static str]) -> Self {
        Self { searchable, ..self }
    }

    fn label(self, label: &'static str) -> Self {
        Self {
            label: Some(label),
            ..self
        }
    }

    fn facets(self, facets: &'static [&'static str]) -> Self {
        Self { facets, ..self }
    }

    /// The name of its full-text index, if it has one.
    pub fn search_table(&self) -> Option<String> {
        (!self.searchable.is_empty()).then(|| format!("{}_fts", self.name))
    }
}

/// A view over the tables: a tidy grid.
#[derive(Debug, Clone)]
pub struct View {
    pub name: &'static str,
    pub description: &'static str,
    /// Its columns, in order, each with what it holds.
    pub columns: &'static [(&'static str, &'static str)],
    /// The `SELECT` that defines it (portable to SQLite 3.31 and later).
    pub select: &'static str,
    /// Columns worth counting by (Datasette's facets).
    pub facets: &'static [&'static str],
}

const POSITION: &str = "Its place in the list it comes from, from 1.";

/// Every table, in the order they are created and filled (a table comes after the ones
/// it refers to).
pub fn tables() -> Vec<Table> {
    vec![
        Table::new(
            "metadata",
            "What this database is: the schema version, the tool that wrote it and the plan it holds.",
            &["key"],
        )
        .columns(vec![
            text("key", "The name of the fact."),
            text("value", "The fact."),
        ]),
        Table::new("plans", "The plan the clauses belong to (one row).", &["id"])
            .columns(vec![
                text("id", "The plan's id."),
                text("title", "The plan's title."),
                text("presented", "When and how the plan was presented."),
                text("text_source", "Where the text of the clauses comes from."),
                integer("clause_count", "How many clauses the plan declares.").optional(),
            ])
            .label("title"),
        Table::new("plan_drafters", "Who drafted the plan, one row each.", &["plan_id", "position"])
            .columns(vec![
                text("plan_id", "The plan."),
                integer("position", POSITION),
                text("drafter", "A drafter, as the corpus names them."),
            ])
            .refers(vec![refers(&["plan_id"], "plans", &["id"])]),
        Table::new(
            "topics",
            "The topics a clause may touch (CODEBOOK.md, 4. Topics).",
            &["id"],
        )
        .columns(vec![
            text("id", "The topic's id, as `list --topic` takes it."),
            text("label", "The topic's name."),
            text("description", "What the topic covers."),
        ])
        .label("label"),
        Table::new(
            "parties",
            "The parties a clause binds or names, and a position's party (CODEBOOK.md, 3. Positions: Party).",
            &["id"],
        )
        .columns(vec![
            text("id", "The party's id, as `list --party` takes it."),
            text("label", "The party's name."),
        ])
        .label("label"),
        Table::new(
            "sources",
            "The archived articles the corpus is built from, one per outlet (CODEBOOK.md, 7. Sources).",
            &["id"],
        )
        .columns(vec![
            text("id", "The source's id: lowercase words joined by hyphens."),
            integer("position", "Its place in sources.yaml, from 1: the order of the columns of `matrix`."),
            text("name", "The outlet's name."),
            text("publisher", "Who publishes the outlet."),
            text("headline", "The article's headline, as printed."),
            text("byline", "The article's byline, where it prints one.").optional(),
            text("published", "The date printed on the article (YYYY-MM-DD), where it prints one.").optional(),
            text("date_note", "What the article says of its date."),
            text("language", "The article's language (ISO 639-1)."),
            choice::<SourceKind>("kind", "What kind of article it is."),
            text("url", "Where the article was published, where known.").optional(),
        ])
        .unique(&[&["position"]])
        .label("name")
        .facets(&["kind", "language"]),
        Table::new(
            "source_relays",
            "Whom a source relays (its `via`), one row each.",
            &["source_id", "position"],
        )
        .columns(vec![
            text("source_id", "The source."),
            integer("position", POSITION),
            text("relays", "An outlet or agency the source relays, as it names it."),
        ])
        .refers(vec![refers(&["source_id"], "sources", &["id"])]),
        Table::new("clauses", "The 28 clauses of the plan, with their text.", &["number"])
            .columns(vec![
                integer("number", "The clause's number in the plan."),
                text("id", "The clause's id: `clause-` and its number."),
                text("title", "A short title, in the corpus's words."),
                text("text", "The clause's text, word for word."),
            ])
            .unique(&[&["id"]])
            .searchable(&["title", "text"])
            .label("title"),
        Table::new(
            "clause_subpoints",
            "The sub-points of a clause, word for word, one row each.",
            &["id"],
        )
        .columns(vec![
            integer("id", "The sub-point's row id."),
            integer("clause_number", "The clause."),
            integer("position", POSITION),
            text("text", "The sub-point's text."),
        ])
        .unique(&[&["clause_number", "position"]])
        .refers(vec![refers(&["clause_number"], "clauses", &["number"])])
        .searchable(&["text"]),
        Table::new("clause_topics", "Which topics each clause touches.", &["clause_number", "topic_id"])
            .columns(vec![
                integer("clause_number", "The clause."),
                text("topic_id", "A topic it touches."),
            ])
            .refers(vec![
                refers(&["clause_number"], "clauses", &["number"]),
                refers(&["topic_id"], "topics", &["id"]),
            ])
            .facets(&["topic_id"]),
        Table::new(
            "clause_parties",
            "Which parties each clause binds or names.",
            &["clause_number", "party_id"],
        )
        .columns(vec![
            integer("clause_number", "The clause."),
            text("party_id", "A party it binds or names."),
        ])
        .refers(vec![
            refers(&["clause_number"], "clauses", &["number"]),
            refers(&["party_id"], "parties", &["id"]),
        ])
        .facets(&["party_id"]),
        Table::new(
            "reports",
            "How a source reported a clause (CODEBOOK.md, 1. Reporting a clause): one row per clause and source that reports it.",
            &["id"],
        )
        .columns(vec![
            text("id", "The report's id: the clause's id, a hyphen and the source's id."),
            integer("clause_number", "The clause reported."),
            text("source_id", "The source that reports it."),
            choice::<Rendering>(
                "rendering",
                "How the source rendered the clause: reproduced (its wording is in the text), departs (a departure is recorded), or paraphrased; as `matrix` shows it.",
            ),
            text("summary", "What the source says of the clause, in the corpus's words."),
        ])
        .unique(&[&["clause_number", "source_id"]])
        .refers(vec![
            refers(&["clause_number"], "clauses", &["number"]),
            refers(&["source_id"], "sources", &["id"]),
        ])
        .label("id")
        .facets(&["source_id", "rendering"]),
        Table::new(
            "wordings",
            "How a source worded a clause, word for word from its article: one row per passage.",
            &["id"],
        )
        .columns(vec![
            integer("id", "The passage's row id."),
            text("report_id", "The report it belongs to."),
            integer("position", POSITION),
            text("text", "The passage, word for word."),
        ])
        .unique(&[&["report_id", "position"]])
        .refers(vec![refers(&["report_id"], "reports", &["id"])])
        .searchable(&["text"]),
        Table::new(
            "positions",
            "A position a source reported a party's actor as taking, on a clause or on the plan as a whole (CODEBOOK.md, 3. Positions).",
            &["id"],
        )
        .columns(vec![
            integer("id", "The position's row id, in the order `positions` lists them."),
            text("source_id", "The source that reported it."),
            integer("clause_number", "The clause it is about; empty for the plan as a whole.").optional(),
            text("report_id", "The report it belongs to; empty for the plan as a whole.").optional(),
            text("actor", "Who took the position, as the source names them."),
            text("party_id", "The party the actor speaks for."),
            choice::<Stance>("stance", "The stance taken (CODEBOOK.md, Stance)."),
            text("summary", "The position, in the corpus's words."),
            text("quote", "The actor's words, word for word from the article, where quoted.").optional(),
            text("via", "Whom the source relays the position from, where it says.").optional(),
        ])
        .refers(vec![
            refers(&["source_id"], "sources", &["id"]),
            refers(&["clause_number"], "clauses", &["number"]),
            refers(&["report_id"], "reports", &["id"]),
            refers(&["party_id"], "parties", &["id"]),
        ])
        .searchable(&["actor", "summary", "quote"])
        .label("actor")
        .facets(&["stance", "party_id", "source_id"]),
        Table::new(
            "departures",
            "Where a source's rendering departs from the text (CODEBOOK.md, 5. Departures from the text).",
            &["id"],
        )
        .columns(vec![
            integer("id", "The departure's row id."),
            text("report_id", "The report it belongs to."),
            choice::<DiscrepancyKind>("kind", "What differs: a figure, the scope, a party, the wording, an omission or an addition."),
            text("text_says", "What the text says."),
            text("outlet_says", "What the source says instead."),
            text("explanation", "Why it is a departure, in the corpus's words."),
        ])
        .refers(vec![refers(&["report_id"], "reports", &["id"])])
        .searchable(&["text_says", "outlet_says", "explanation"])
        .facets(&["kind"]),
        Table::new(
            "report_earlier_versions",
            "Earlier wording a source says a clause had (CODEBOOK.md, 6. Earlier versions).",
            &["report_id", "position"],
        )
        .columns(vec![
            text("report_id", "The report it belongs to."),
            integer("position", POSITION),
            text("was", "What the clause said before."),
            text("changed_by", "Who changed it, where the source says.").optional(),
            text("via", "Whom the source relays it from, where it says.").optional(),
        ])
        .refers(vec![refers(&["report_id"], "reports", &["id"])]),
        Table::new(
            "outlets",
            "The registry of outlets the later versions' references name (CODEBOOK.md, 7. Sources: The registry).",
            &["id"],
        )
        .columns(vec![
            text("id", "The outlet's id."),
            text("name", "The outlet's name."),
            choice::<OutletKind>("kind", "What kind of outlet it is; it decides whether it may carry a fact."),
            text("country", "Where it is based."),
        ])
        .label("name")
        .facets(&["kind", "country"]),
        Table::new("outlet_hosts", "The web hosts an outlet's pages live on.", &["outlet_id", "host"])
            .columns(vec![
                text("outlet_id", "The outlet."),
                text("host", "A host name."),
            ])
            .refers(vec![refers(&["outlet_id"], "outlets", &["id"])]),
        Table::new(
            "version_references",
            "The reports the later versions cite: outlet, date and web address (CODEBOOK.md, 7. Sources: What a reference records).",
            &["id"],
        )
        .columns(vec![
            text("id", "The reference's id."),
            text("outlet_id", "The outlet that published it."),
            text("read_at_id", "The outlet whose page relays it, where it was read at a relay.").optional(),
            text("headline", "The headline."),
            text("date", "The date it was published (YYYY-MM-DD), where known.").optional(),
            text("url", "The web address it was read at."),
        ])
        .refers(vec![
            refers(&["outlet_id"], "outlets", &["id"]),
            refers(&["read_at_id"], "outlets", &["id"]),
        ])
        .label("headline")
        .facets(&["outlet_id"]),
        Table::new(
            "versions",
            "The plan and its later versions (versions.yaml), the 28-point plan first.",
            &["id"],
        )
        .columns(vec![
            text("id", "The version's id, as `show --version` takes it."),
            integer("position", "Its place in versions.yaml, from 1."),
            text("title", "The version's title."),
            text("date", "When it was drafted or reported (YYYY-MM-DD)."),
            text("date_note", "What the reports say of its date, where they qualify it.").optional(),
            choice::<TextStatus>("text_status", "How much of its text is known."),
            integer("declared_points", "How many points it is reported to have."),
            text("summary", "The version, in the corpus's words."),
        ])
        .unique(&[&["position"]])
        .label("title")
        .facets(&["text_status"]),
        Table::new("version_drafters", "Who drafted each version, one row each.", &["version_id", "position"])
            .columns(vec![
                text("version_id", "The version."),
                integer("position", POSITION),
                text("drafter", "A drafter, as the reports name them."),
            ])
            .refers(vec![refers(&["version_id"], "versions", &["id"])]),
        Table::new(
            "version_relays",
            "Who relayed each version's text, one row each.",
            &["version_id", "position"],
        )
        .columns(vec![
            text("version_id", "The version."),
            integer("position", POSITION),
            text("relayed_by", "An outlet that relayed it, as the corpus names it."),
        ])
        .refers(vec![refers(&["version_id"], "versions", &["id"])]),
        Table::new(
            "version_citations",
            "The references each version's facts are cited to.",
            &["version_id", "reference_id"],
        )
        .columns(vec![
            text("version_id", "The version."),
            text("reference_id", "A reference it cites."),
        ])
        .refers(vec![
            refers(&["version_id"], "versions", &["id"]),
            refers(&["reference_id"], "version_references", &["id"]),
        ]),
        Table::new("points", "The points of the later versions, each with its lineage.", &["key"])
            .columns(vec![
                integer("key", "The point's row id."),
                text("id", "The point's id: the version's id, a colon and the point's number (`framework-20:4`), or `p` and its place where it has no number."),
                text("version_id", "The version it belongs to."),
                integer("position", "Its place among the version's points, from 1."),
                integer("number", "Its number in the version, where it has one.").optional(),
                text("title", "A short title, in the corpus's words."),
                text("summary", "What the point says, in the corpus's words."),
                choice::<LineageKind>("lineage", "How it came from the plan's clauses: kept, amended, merged, split or new."),
                text("lineage_note", "A note on its lineage, where there is one.").optional(),
            ])
            .unique(&[&["id"], &["version_id", "position"]])
            .refers(vec![refers(&["version_id"], "versions", &["id"])])
            .searchable(&["title", "summary"])
            .label("title")
            .facets(&["version_id", "lineage"]),
        Table::new("point_figures", "The figures a point states, one row each.", &["point_id", "position"])
            .columns(vec![
                text("point_id", "The point."),
                integer("position", POSITION),
                text("figure", "The figure, as reported."),
            ])
            .refers(vec![refers(&["point_id"], "points", &["id"])]),
        Table::new("point_topics", "Which topics each point touches.", &["point_id", "topic_id"])
            .columns(vec![
                text("point_id", "The point."),
                text("topic_id", "A topic it touches."),
            ])
            .refers(vec![
                refers(&["point_id"], "points", &["id"]),
                refers(&["topic_id"], "topics", &["id"]),
            ]),
        Table::new("point_parties", "Which parties each point binds or names.", &["point_id", "party_id"])
            .columns(vec![
                text("point_id", "The point."),
                text("party_id", "A party it binds or names."),
            ])
            .refers(vec![
                refers(&["point_id"], "points", &["id"]),
                refers(&["party_id"], "parties", &["id"]),
            ]),
        Table::new(
            "point_origins",
            "The clauses of the plan each point comes from (its lineage).",
            &["point_id", "clause_number"],
        )
        .columns(vec![
            text("point_id", "The point."),
            integer("clause_number", "A clause it comes from."),
        ])
        .refers(vec![
            refers(&["point_id"], "points", &["id"]),
            refers(&["clause_number"], "clauses", &["number"]),
        ]),
        Table::new(
            "point_figure_changes",
            "Figures a point changed from its clauses.",
            &["point_id", "position"],
        )
        .columns(vec![
            text("point_id", "The point."),
            integer("position", POSITION),
            text("was", "The figure in the clause."),
            text("now", "The figure in the point."),
        ])
        .refers(vec![refers(&["point_id"], "points", &["id"])]),
        Table::new("point_citations", "The references each point is cited to.", &["point_id", "reference_id"])
            .columns(vec![
                text("point_id", "The point."),
                text("reference_id", "A reference it cites."),
            ])
            .refers(vec![
                refers(&["point_id"], "points", &["id"]),
                refers(&["reference_id"], "version_references", &["id"]),
            ]),
        Table::new(
            "accounts",
            "Where reports of a version or point disagree: what one reference says.",
            &["id"],
        )
        .columns(vec![
            integer("id", "The account's row id."),
            text("version_id", "The version it is about."),
            text("point_id", "The point it is about; empty for the version as a whole.").optional(),
            text("reference_id", "The reference that says it."),
            text("says", "What it says, in the corpus's words."),
            choice::<AccountAspect>("differs_in", "What it differs in."),
        ])
        .refers(vec![
            refers(&["version_id"], "versions", &["id"]),
            refers(&["point_id"], "points", &["id"]),
            refers(&["reference_id"], "version_references", &["id"]),
        ])
        .facets(&["differs_in"]),
        Table::new("drops", "Clauses of the plan a later version drops.", &["version_id", "clause_number"])
            .columns(vec![
                text("version_id", "The version."),
                integer("clause_number", "The clause it drops."),
                text("summary", "What the reports say of its removal, in the corpus's words."),
            ])
            .refers(vec![
                refers(&["version_id"], "versions", &["id"]),
                refers(&["clause_number"], "clauses", &["number"]),
            ]),
        Table::new(
            "drop_citations",
            "The references each drop is cited to.",
            &["version_id", "clause_number", "reference_id"],
        )
        .columns(vec![
            text("version_id", "The version."),
            integer("clause_number", "The clause dropped."),
            text("reference_id", "A reference it cites."),
        ])
        .refers(vec![
            refers(&["version_id", "clause_number"], "drops", &["version_id", "clause_number"]),
            refers(&["reference_id"], "version_references", &["id"]),
        ]),
    ]
}

/// The two tidy grids, as views.
pub fn views() -> Vec<View> {
    vec![
        View {
            name: "clause_source_grid",
            facets: &["rendering", "source_id"],
            description: "Every clause against every source: how the source rendered it (not-reported where it does not), and how many departures its report records; the grid `matrix` draws.",
            columns: &[
                ("clause_number", "The clause."),
                ("source_id", "The source."),
                (
                    "rendering",
                    "reproduced, paraphrased, departs or not-reported.",
                ),
                (
                    "departures",
                    "How many departures the report records (0 where none or not reported).",
                ),
            ],
            select: "SELECT c.\"number\" AS \"clause_number\", s.\"id\" AS \"source_id\", \
                     COALESCE(r.\"rendering\", 'not-reported') AS \"rendering\", \
                     (SELECT count(*) FROM \"departures\" AS d WHERE d.\"report_id\" = r.\"id\") AS \"departures\" \
                     FROM \"clauses\" AS c CROSS JOIN \"sources\" AS s \
                     LEFT JOIN \"reports\" AS r ON r.\"clause_number\" = c.\"number\" AND r.\"source_id\" = s.\"id\" \
                     ORDER BY c.\"number\", s.\"position\"",
        },
        View {
            name: "clause_version_grid",
            facets: &["fate", "version_id"],
            description: "Every clause against every later version: the points that come from it and what became of it, as `lineage` says.",
            columns: &[
                ("clause_number", "The clause."),
                ("version_id", "The later version."),
                (
                    "points",
                    "The ids of the version's points that come from the clause, space-separated, in order; empty for none.",
                ),
                (
                    "fate",
                    "What became of the clause: kept, amended, merged or split (from its points), dropped (reports say so), absent (every point of the version is recorded and none comes from it), or not-reported (the version is known only in part).",
                ),
            ],
            select: "SELECT \"clause_number\", \"version_id\", \"points\", \
                     CASE WHEN \"dropped\" THEN 'dropped' \
                     WHEN \"from_clause\" = 0 THEN CASE WHEN \"recorded\" >= \"declared_points\" THEN 'absent' ELSE 'not-reported' END \
                     WHEN \"from_clause\" = 1 THEN \"only_lineage\" \
                     WHEN \"merged\" = \"from_clause\" THEN 'merged' ELSE 'split' END AS \"fate\" \
                     FROM (SELECT c.\"number\" AS \"clause_number\", v.\"id\" AS \"version_id\", v.\"position\" AS \"version_position\", \
                     v.\"declared_points\" AS \"declared_points\", \
                     (SELECT count(*) FROM \"points\" AS p WHERE p.\"version_id\" = v.\"id\") AS \"recorded\", \
                     EXISTS (SELECT 1 FROM \"drops\" AS d WHERE d.\"version_id\" = v.\"id\" AND d.\"clause_number\" = c.\"number\") AS \"dropped\", \
                     (SELECT count(*) FROM \"point_origins\" AS o JOIN \"points\" AS p ON p.\"id\" = o.\"point_id\" \
                     WHERE o.\"clause_number\" = c.\"number\" AND p.\"version_id\" = v.\"id\") AS \"from_clause\", \
                     (SELECT count(*) FROM \"point_origins\" AS o JOIN \"points\" AS p ON p.\"id\" = o.\"point_id\" \
                     WHERE o.\"clause_number\" = c.\"number\" AND p.\"version_id\" = v.\"id\" AND p.\"lineage\" = 'merged') AS \"merged\", \
                     (SELECT p.\"lineage\" FROM \"point_origins\" AS o JOIN \"points\" AS p ON p.\"id\" = o.\"point_id\" \
                     WHERE o.\"clause_number\" = c.\"number\" AND p.\"version_id\" = v.\"id\") AS \"only_lineage\", \
                     (SELECT group_concat(\"id\", ' ') FROM (SELECT p.\"id\" FROM \"point_origins\" AS o \
                     JOIN \"points\" AS p ON p.\"id\" = o.\"point_id\" \
                     WHERE o.\"clause_number\" = c.\"number\" AND p.\"version_id\" = v.\"id\" ORDER BY p.\"position\")) AS \"points\" \
                     FROM \"clauses\" AS c CROSS JOIN \"versions\" AS v WHERE v.\"id\" <> 'us-28') \
                     ORDER BY \"clause_number\", \"version_position\"",
        },
    ]
}
