//! The limits that keep loading a corpus within bounded memory and time, whatever the
//! files hold: how far brackets may nest, how many aliases a file may use, and how much
//! text its aliases may expand to. (The size of a file is limited where it is read.)

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::problem::Problem;
use super::read::{SourceText, place_of_byte};

/// Flow collections (`[…]`, `{…}`) nested deeper than this are refused before parsing:
/// the YAML scanner's time grows with the square of the depth.
pub const MAX_FLOW_DEPTH: usize = 1024;

/// Bytes a file parsed whole may have: the sources file, a plan file that cannot be cut
/// into clauses, and any file with aliases. The parser holds every event of a document,
/// about eight times the text, so this keeps such a parse near 512 MB.
pub const MAX_WHOLE_PARSE_BYTES: usize = 64 * 1024 * 1024;

/// Aliases (`*name`) a file may use. The corpus format needs none.
pub const MAX_ALIASES: usize = 1000;

/// Bytes of text a file may hold once every alias is replaced by what it names.
pub const MAX_EXPANDED_BYTES: u64 = 256 * 1024 * 1024;

/// A problem if `file` nests too deeply, uses too many aliases, or expands too far.
pub fn refuse_hostile_structure(file: &SourceText) -> Result<(), Problem> {
    let structure = scan(&file.text);
    if let Some(place) = structure.too_deep {
        return Err(Problem::new(
            &file.name,
            Some(place),
            format!("brackets nest deeper than {MAX_FLOW_DEPTH} levels"),
        )
        .with_hint("no corpus needs more than a few levels; look for unclosed `[` or `{`"));
    }
    if structure.aliases > MAX_ALIASES {
        return Err(Problem::new(
            &file.name,
            structure.alias_place,
            format!("the file uses more than {MAX_ALIASES} aliases (`*name`), the limit"),
        )
        .with_hint("write the values out; the corpus format needs no aliases"));
    }
    if structure.aliases > 0 {
        refuse_whole_parse_beyond_limit(file, "uses aliases, so it is parsed whole")?;
        refuse_expansion(file)?;
    }
    Ok(())
}

/// A problem if `file` is too large to be parsed whole; `why` says why it would be.
pub fn refuse_whole_parse_beyond_limit(file: &SourceText, why: &str) -> Result<(), Problem> {
    if file.text.len() <= MAX_WHOLE_PARSE_BYTES {
        return Ok(());
    }
    Err(Problem::new(
        &file.name,
        None,
        format!(
            "is {} MiB and {why}; a file parsed whole may be at most {} MiB",
            file.text.len() >> 20,
            MAX_WHOLE_PARSE_BYTES >> 20
        ),
    )
    .with_hint(
        "write a large plan file's clauses as a block list (`clauses:` then `  - number: …` items), which is read a batch at a time",
    ))
}

/// What a scan of the text outside quotes and comments found.
struct Structure {
    /// Where `[` or `{` first opened a level deeper than the limit.
    too_deep: Option<(usize, usize)>,
    /// How many aliases (`*name`) appear, and where the one past the limit is.
    aliases: usize,
    alias_place: Option<(usize, usize)>,
}

/// One pass over the bytes: every character it looks for is ASCII, and no byte of a
/// multi-byte UTF-8 character is.
fn scan(text: &str) -> Structure {
    let bytes = text.as_bytes();
    let mut structure = Structure {
        too_deep: None,
        aliases: 0,
        alias_place: None,
    };
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut in_comment = false;
    let mut previous = b'\n';
    // The last byte on this line that was not a space: a quote or an alias starts a
    // node only where a node may start (after `:`, `-`, `[`, `{`, `,`, `?` or at the
    // start of a line), not in the middle of plain text such as `Russia's`.
    let mut last_significant = b'\n';
    for (offset, &byte) in bytes.iter().enumerate() {
        let node_may_start = matches!(previous, b' ' | b'\t' | b'\n' | b'[' | b'{' | b',')
            && matches!(
                last_significant,
                b'\n' | b':' | b'-' | b'[' | b'{' | b',' | b'?'
            );
        match (quote, byte) {
            (None, b'\n') => in_comment = false,
            _ if in_comment => {}
            (Some(open), close) if close == open && previous != b'\\' => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if node_may_start => quote = Some(byte),
            (None, b'#') if previous.is_ascii_whitespace() => in_comment = true,
            (None, b'*') if node_may_start => {
                structure.aliases += 1;
                if structure.aliases == MAX_ALIASES + 1 {
                    structure.alias_place = Some(place_of_byte(bytes, offset));
                }
            }
            (None, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    structure.too_deep = Some(place_of_byte(bytes, offset));
                    return structure;
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            (None, _) => {}
        }
        if byte == b'\n' {
            last_significant = b'\n';
        } else if quote.is_none() && !matches!(byte, b' ' | b'\t') {
            last_significant = byte;
        }
        previous = byte;
    }
    structure
}

/// A problem if the text of `file` with every alias expanded is over the limit. Counts
/// as the parser replays each alias, and stops as soon as the count passes the limit,
/// so neither time nor memory grows with the expansion.
fn refuse_expansion(file: &SourceText) -> Result<(), Problem> {
    let counted = Cell::new(0u64);
    let measure = Measure { counted: &counted };
    match measure.deserialize(serde_yaml::Deserializer::from_str(&file.text)) {
        Err(error) if error.to_string().contains(EXPANSION_MESSAGE) => Err(Problem::new(
            &file.name,
            error
                .location()
                .map(|location| (location.line(), location.column())),
            format!(
                "the file's aliases expand it to more than {} MiB of text, the limit",
                MAX_EXPANDED_BYTES >> 20
            ),
        )
        .with_hint("write the values out; the corpus format needs no aliases")),
        // Any other error is the parser's to report, with its place, when the file is
        // parsed for real.
        _ => Ok(()),
    }
}

const EXPANSION_MESSAGE: &str = "expansion limit reached";

/// Counts the bytes of every scalar, through aliases, failing past the limit.
#[derive(Clone, Copy)]
struct Measure<'c> {
    counted: &'c Cell<u64>,
}

impl Measure<'_> {
    fn add<E: de::Error>(&self, bytes: usize) -> Result<(), E> {
        let total = self.counted.get() + bytes as u64 + 1;
        self.counted.set(total);
        if total > MAX_EXPANDED_BYTES {
            Err(E::custom(EXPANSION_MESSAGE))
        } else {
            Ok(())
        }
    }
}

impl<'de> DeserializeSeed<'de> for Measure<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Measure<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.add(1)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.add(8)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.add(8)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.add(8)
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<(), E> {
        self.add(text.len())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.add(0)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.add(0)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.deserialize(deserializer)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        use de::VariantAccess;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: String) -> SourceText {
        SourceText {
            name: "f.yaml".into(),
            text,
        }
    }

    #[test]
    fn counts_aliases_outside_quotes_and_comments() {
        let structure = scan("a: &x [1]\nb: *x\nc: \"*y\" # *z\nd: [*x, *x]\n");
        assert_eq!(structure.aliases, 3);
        // An apostrophe in plain text opens no quote that would hide what follows.
        let structure = scan("a: Russia's plan * 2\nb: [*x, *x]\n");
        assert_eq!(structure.aliases, 2);
    }

    #[test]
    fn refuses_too_many_aliases_and_too_much_expansion() {
        let many = format!("a: &x 1\nb: [{}]\n", vec!["*x"; MAX_ALIASES + 1].join(", "));
        let problem = refuse_hostile_structure(&file(many)).unwrap_err();
        assert!(
            problem.message.contains("more than 1000 aliases"),
            "{problem}"
        );
        // One 1 MiB scalar named 300 times: 300 MiB once expanded.
        let big = format!(
            "a: &x {}\nb: [{}]\n",
            "w".repeat(1 << 20),
            vec!["*x"; 300].join(", ")
        );
        let problem = refuse_hostile_structure(&file(big)).unwrap_err();
        assert!(problem.message.contains("more than 256 MiB"), "{problem}");
        let fine = "a: &x word\nb: [*x, *x]\n".to_owned();
        assert!(refuse_hostile_structure(&file(fine)).is_ok());
    }
}
