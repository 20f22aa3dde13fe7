//! A cache of large `--data` corpora: once a corpus has passed every check, its parsed
//! model is stored, and the next run with the same files (byte for byte) and the same
//! binary reads the model back instead of parsing the YAML again.
//!
//! An entry is keyed by a BLAKE3 hash of the files' text, the tool's version, a
//! fingerprint of the code that parses and checks a corpus, and the identity (size and
//! modification time) of the executable that wrote it, so a changed file, or a rebuilt
//! binary whose checks may differ, never reads a stale entry. An entry is stored under
//! the key of the text that was parsed, not of the files as they are afterwards. Each of
//! its sections carries a hash, checked before it is decoded, and the list of those
//! hashes is bound to the key (a keyed hash), so a truncated, damaged or spliced entry is
//! ignored (and rewritten), never trusted. Every failure of the cache (no cache
//! directory, an unwritable one, a damaged entry) falls back to reading the YAML: the
//! cache can make a run faster, never different.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::read::open_regular;
use super::{CorpusFiles, OUTLETS_FILE, PLAN_FILE, SOURCES_FILE, SourceText, VERSIONS_FILE};
use crate::model::outlets::OutletsFile;
use crate::model::versions::VersionsFile;
use crate::model::{Clause, Corpus, Party, Plan, PlanFile, PlanReport, Source, SourcesFile, Topic};

/// Plan files smaller than this are parsed every time (a 4 MiB plan parses in about a
/// fifth of a second, and small corpora should not leave files behind).
pub const CACHE_FROM_BYTES: u64 = 4 << 20;

/// The environment variable naming the cache directory (default: the platform's user
/// cache directory, such as `~/.cache`, followed by `peaceplan`).
pub const CACHE_DIR_ENV: &str = "PEACEPLAN_CACHE_DIR";

/// The first bytes of every entry; a new layout gets a new magic.
const MAGIC: &[u8; 16] = b"peaceplan-cache3";
const HASH_BYTES: usize = 32;

/// The most bytes an entry may have (its model is smaller than the YAML it comes from,
/// and the YAML files are at most `MAX_FILE_BYTES` each); a larger file is not read.
const MAX_ENTRY_BYTES: u64 = 2 * super::MAX_FILE_BYTES;

/// The clauses are stored in this many sections (the rest of the corpus in one more), so
/// that reading an entry back decodes them on every core.
const CLAUSE_SECTIONS: usize = 8;
const SECTIONS: usize = CLAUSE_SECTIONS + 1;

/// An entry's header: the magic, the key, the binding of the section hashes to the key,
/// the number of sections, and each section's length and hash.
const TABLE_ROW_BYTES: usize = 8 + HASH_BYTES;
const HEADER_BYTES: usize = MAGIC.len() + 2 * HASH_BYTES + 4 + SECTIONS * TABLE_ROW_BYTES;

/// The corpus files, in the order the key hashes them.
const FILES: [&str; 4] = [PLAN_FILE, SOURCES_FILE, VERSIONS_FILE, OUTLETS_FILE];

/// The byte-order mark that reading a file drops from its start.
const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

/// Temporary files of interrupted writes are named so, and removed once this old.
const TEMPORARY_PREFIX: &str = ".peaceplan-";
const TEMPORARY_SUFFIX: &str = ".tmp";
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Whether runs may read and write the cache, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CachePolicy {
    /// Read and write entries in this directory.
    In(PathBuf),
    /// Never read or write the cache (`--no-cache`, or no cache directory known).
    Off,
}

impl CachePolicy {
    /// The cache the environment chooses: `PEACEPLAN_CACHE_DIR` when set and not empty,
    /// else the user's cache directory; `Off` when `bypass` is set or neither is known.
    pub fn from_environment(bypass: bool) -> Self {
        if bypass {
            return Self::Off;
        }
        let chosen = std::env::var_os(CACHE_DIR_ENV)
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from)
            .or_else(|| dirs::cache_dir().map(|dir| dir.join("peaceplan")));
        chosen.map_or(Self::Off, Self::In)
    }
}

/// Where the entry for one corpus directory lives.
#[derive(Debug)]
pub struct Entry {
    path: PathBuf,
}

/// The entry for the corpus in `dir`, if that corpus is large enough to cache; `None`
/// sends the run to the YAML (which reports any problem).
pub fn entry_for(policy: &CachePolicy, dir: &Path) -> Option<Entry> {
    let CachePolicy::In(cache_dir) = policy else {
        return None;
    };
    let (_, plan_size) = open_regular(&dir.join(PLAN_FILE)).ok()?;
    if plan_size < CACHE_FROM_BYTES {
        return None;
    }
    let directory = std::fs::canonicalize(dir).ok()?;
    let name = blake3::hash(directory.as_os_str().as_encoded_bytes()).to_hex();
    Some(Entry {
        path: cache_dir.join(format!("{}.corpus", &name[..32])),
    })
}

/// A hash of a corpus's files and the binary reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key([u8; HASH_BYTES]);

/// The key of the texts a run read and parsed: what is stored is keyed by what was
/// parsed, whatever the files hold by the time it is stored.
pub fn key_of_texts(
    files: &CorpusFiles,
    versions: Option<&SourceText>,
    outlets: Option<&SourceText>,
) -> Option<Key> {
    let texts = [Some(&files.plan), Some(&files.sources), versions, outlets];
    key_of_parts(&texts.map(|text| text.map(|text| FilePart::of(text.text.as_bytes()))))
}

/// The key of the files in `dir` as they are now, read a megabyte at a time; `None`
/// when one cannot be read as an ordinary file.
fn key_of_files(dir: &Path) -> Option<Key> {
    let mut parts = [None; 4];
    for (part, name) in parts.iter_mut().zip(FILES) {
        let path = dir.join(name);
        if std::fs::symlink_metadata(&path).is_ok() {
            *part = Some(FilePart::read(&path)?);
        }
    }
    key_of_parts(&parts)
}

/// One file's contribution to a key: the length and hash of its text (without a leading
/// byte-order mark, which reading drops).
#[derive(Clone, Copy)]
struct FilePart {
    length: u64,
    hash: blake3::Hash,
}

impl FilePart {
    fn of(text: &[u8]) -> Self {
        Self {
            length: text.len() as u64,
            hash: blake3::hash(text),
        }
    }

    /// The part of the file at `path`, read as the loader reads a corpus file (a
    /// regular file within the size limit), a megabyte at a time.
    fn read(path: &Path) -> Option<Self> {
        let (file, _) = open_regular(path).ok()?;
        // Still a regular file once opened (not swapped for a FIFO in between).
        if !file.metadata().ok()?.is_file() {
            return None;
        }
        let mut reader = BufReader::with_capacity(1 << 20, file.take(super::MAX_FILE_BYTES));
        if reader.fill_buf().ok()?.starts_with(BYTE_ORDER_MARK) {
            reader.consume(BYTE_ORDER_MARK.len());
        }
        let mut hasher = blake3::Hasher::new();
        let length = io::copy(&mut reader, &mut hasher).ok()?;
        Some(Self {
            length,
            hash: hasher.finalize(),
        })
    }
}

/// The key of the four files' parts (`None`: the file is absent), with the binary's
/// identity: the layout, the tool's version, the fingerprint of the code that parses and
/// checks a corpus (made by `build.rs`), and the executable's size and modification time.
fn key_of_parts(parts: &[Option<FilePart>; 4]) -> Option<Key> {
    let mut hasher = blake3::Hasher::new();
    hasher.update(MAGIC);
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(env!("PEACEPLAN_CODE_FINGERPRINT").as_bytes());
    let executable = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let built = executable
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    hasher.update(&executable.len().to_le_bytes());
    hasher.update(&built.as_nanos().to_le_bytes());
    for (name, part) in FILES.iter().zip(parts) {
        hasher.update(name.as_bytes());
        match part {
            Some(part) => {
                hasher.update(&[1]);
                hasher.update(&part.length.to_le_bytes());
                hasher.update(part.hash.as_bytes());
            }
            None => {
                hasher.update(&[0]);
            }
        }
    }
    Some(Key(*hasher.finalize().as_bytes()))
}

/// The section hashes of an entry bound to its key: only a writer that knew the key of
/// these very files could have made it, so sections spliced from another entry fail.
fn binding(key: &Key, hashes: &[[u8; HASH_BYTES]]) -> [u8; HASH_BYTES] {
    let mut hasher = blake3::Hasher::new_keyed(&key.0);
    for hash in hashes {
        hasher.update(hash);
    }
    *hasher.finalize().as_bytes()
}

/// Everything but the clauses, as stored (borrowed when written).
#[derive(Serialize)]
struct StoredRest<'c> {
    plan: &'c Plan,
    topics: &'c [Topic],
    parties: &'c [Party],
    plan_reports: &'c [PlanReport],
    sources: &'c [Source],
    versions: &'c VersionsFile,
    outlets: &'c OutletsFile,
}

/// Everything but the clauses, as read back.
#[derive(Deserialize)]
struct LoadedRest {
    plan: Plan,
    topics: Vec<Topic>,
    parties: Vec<Party>,
    plan_reports: Vec<PlanReport>,
    sources: Vec<Source>,
    versions: VersionsFile,
    outlets: OutletsFile,
}

/// The corpus stored under `entry` for the files now in `dir`, if there is one with
/// their key and intact sections. The files' key is computed on one thread while the
/// entry is decoded on the others; the decoded corpus is used only if the keys agree.
pub fn read(entry: &Entry, dir: &Path) -> Option<Corpus> {
    std::thread::scope(|scope| {
        let key = scope.spawn(|| key_of_files(dir));
        let decoded = read_entry(&entry.path);
        let key = key.join().ok().flatten()?;
        let decoded = decoded?;
        (decoded.key == key.0 && decoded.binding == binding(&key, &decoded.hashes))
            .then_some(decoded.corpus)
    })
}

/// An entry as read: the key it claims, its binding, its sections' hashes (each checked
/// against its section) and the corpus they decode to.
struct Decoded {
    key: [u8; HASH_BYTES],
    binding: [u8; HASH_BYTES],
    hashes: Vec<[u8; HASH_BYTES]>,
    corpus: Corpus,
}

/// The entry at `path`, if it is an ordinary file of this layout whose sections each
/// have their hash and decode. The header is read and checked before the rest, so a
/// file of another kind costs one small read.
fn read_entry(path: &Path) -> Option<Decoded> {
    // A FIFO or device is refused before it is opened: opening one may block forever.
    let size = std::fs::metadata(path).ok().filter(|m| m.is_file())?.len();
    if size > MAX_ENTRY_BYTES || size < HEADER_BYTES as u64 {
        return None;
    }
    let mut file = File::open(path).ok()?;
    let mut header = [0; HEADER_BYTES];
    file.read_exact(&mut header).ok()?;
    let header = Header::parse(&header)?;
    let body_length: u64 = header.lengths.iter().sum();
    if body_length != size - HEADER_BYTES as u64 {
        return None;
    }
    let mut places = Vec::with_capacity(SECTIONS);
    let mut offset = HEADER_BYTES as u64;
    for (&length, hash) in header.lengths.iter().zip(&header.hashes) {
        places.push(Section {
            offset,
            length: usize::try_from(length).ok()?,
            hash,
        });
        offset += length;
    }
    let corpus = decode_corpus(path, &places)?;
    Some(Decoded {
        key: header.key,
        binding: header.binding,
        hashes: header.hashes,
        corpus,
    })
}

/// An entry's header, parsed.
struct Header {
    key: [u8; HASH_BYTES],
    binding: [u8; HASH_BYTES],
    lengths: Vec<u64>,
    hashes: Vec<[u8; HASH_BYTES]>,
}

impl Header {
    fn parse(bytes: &[u8; HEADER_BYTES]) -> Option<Self> {
        let (magic, rest) = bytes.split_at(MAGIC.len());
        let (key, rest) = rest.split_at(HASH_BYTES);
        let (binding, rest) = rest.split_at(HASH_BYTES);
        let (count, table) = rest.split_at(4);
        if magic != MAGIC || u32::from_le_bytes(count.try_into().ok()?) as usize != SECTIONS {
            return None;
        }
        let mut lengths = Vec::with_capacity(SECTIONS);
        let mut hashes = Vec::with_capacity(SECTIONS);
        for row in table.chunks_exact(TABLE_ROW_BYTES) {
            let (length, hash) = row.split_at(8);
            let length = u64::from_le_bytes(length.try_into().ok()?);
            if length > MAX_ENTRY_BYTES {
                return None;
            }
            lengths.push(length);
            hashes.push(hash.try_into().ok()?);
        }
        Some(Self {
            key: key.try_into().ok()?,
            binding: binding.try_into().ok()?,
            lengths,
            hashes,
        })
    }
}

/// One stored section: where its bytes are in the entry, and the hash they must have.
struct Section<'h> {
    offset: u64,
    length: usize,
    hash: &'h [u8; HASH_BYTES],
}

/// The corpus the sections of the entry at `path` hold: the rest of the corpus in the
/// first, the clauses in the others, read and decoded on every core. Each thread reads
/// its sections through its own handle into one buffer it reuses, so the entry is never
/// in memory whole; a section that another file now holds at that place fails its hash.
/// The threads take the clause sections one at a time, the next not yet taken, so one
/// that is slowed (by the thread hashing the files, or another program) takes fewer and
/// none is left decoding alone at the end.
fn decode_corpus(path: &Path, sections: &[Section]) -> Option<Corpus> {
    let (first, clause_sections) = sections.split_first()?;
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let next = AtomicUsize::new(0);
    let (rest, clauses) = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.min(clause_sections.len()))
            .map(|_| scope.spawn(|| decode_clauses(path, clause_sections, &next)))
            .collect();
        let rest: Option<LoadedRest> =
            SectionReader::open(path).and_then(|mut reader| reader.decode(first));
        let mut decoded = Vec::with_capacity(clause_sections.len());
        for handle in handles {
            decoded.extend(handle.join().ok().flatten()?);
        }
        Some((rest?, in_order(decoded)))
    })?;
    let plan = PlanFile {
        plan: rest.plan,
        topics: rest.topics,
        parties: rest.parties,
        clauses,
        plan_reports: rest.plan_reports,
    };
    let sources = SourcesFile {
        sources: rest.sources,
    };
    Some(
        Corpus::new(plan, sources)
            .with_versions(rest.versions)
            .with_outlets(rest.outlets),
    )
}

/// The clause sections this thread takes from `sections`, each the next one that no
/// thread has taken (`next` counts them), decoded with their indexes, until none is left.
fn decode_clauses(
    path: &Path,
    sections: &[Section],
    next: &AtomicUsize,
) -> Option<Vec<(usize, Vec<Clause>)>> {
    let mut reader = SectionReader::open(path)?;
    let mut decoded = Vec::new();
    loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(section) = sections.get(index) else {
            return Some(decoded);
        };
        decoded.push((index, reader.decode::<Vec<Clause>>(section)?));
    }
}

/// The clauses of every section, in the order of the sections' indexes, in one list
/// sized once.
fn in_order(mut decoded: Vec<(usize, Vec<Clause>)>) -> Vec<Clause> {
    decoded.sort_unstable_by_key(|(index, _)| *index);
    let mut clauses = Vec::with_capacity(decoded.iter().map(|(_, part)| part.len()).sum());
    for (_, part) in decoded {
        clauses.extend(part);
    }
    clauses
}

/// An entry opened for reading sections, with the buffer they are read into.
struct SectionReader {
    file: File,
    buffer: Vec<u8>,
}

impl SectionReader {
    fn open(path: &Path) -> Option<Self> {
        Some(Self {
            file: File::open(path).ok()?,
            buffer: Vec::new(),
        })
    }

    /// The section's value, if its bytes have their hash and decode as `T`.
    fn decode<T: serde::de::DeserializeOwned>(&mut self, section: &Section) -> Option<T> {
        self.buffer.clear();
        self.buffer.try_reserve_exact(section.length).ok()?;
        self.file.seek(SeekFrom::Start(section.offset)).ok()?;
        let read = (&mut self.file)
            .take(section.length as u64)
            .read_to_end(&mut self.buffer)
            .ok()?;
        if read != section.length || blake3::hash(&self.buffer).as_bytes() != section.hash {
            return None;
        }
        rmp_serde::from_slice(&self.buffer).ok()
    }
}

/// Store `corpus` under `entry` with `key`, written whole to a temporary file and then
/// renamed into place, so a reader sees the old entry or the new one, never part of
/// one. Failures are ignored: the next run parses the YAML again.
pub fn write(entry: &Entry, key: Key, corpus: &Corpus) {
    let _ = try_write(entry, key, corpus);
}

fn try_write(entry: &Entry, key: Key, corpus: &Corpus) -> anyhow::Result<()> {
    let directory = entry
        .path
        .parent()
        .ok_or_else(|| anyhow::anyhow!("no directory"))?;
    std::fs::create_dir_all(directory)?;
    remove_stale_temporaries(directory);
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(directory)?;
    let rest = StoredRest {
        plan: &corpus.plan,
        topics: &corpus.topics,
        parties: &corpus.parties,
        plan_reports: &corpus.plan_reports,
        sources: &corpus.sources,
        versions: &corpus.versions,
        outlets: &corpus.outlets,
    };
    let per_section = corpus.clauses.len().div_ceil(CLAUSE_SECTIONS).max(1);
    let mut chunks = corpus.clauses.chunks(per_section);
    let mut table = Vec::with_capacity(SECTIONS);
    {
        let mut writer = BufWriter::new(temporary.as_file_mut());
        writer.write_all(&[0; HEADER_BYTES])?;
        table.push(write_section(&mut writer, &rest, Layout::Named)?);
        for _ in 0..CLAUSE_SECTIONS {
            let chunk: &[Clause] = chunks.next().unwrap_or(&[]);
            table.push(write_section(&mut writer, &chunk, Layout::Positional)?);
        }
        let hashes: Vec<[u8; HASH_BYTES]> =
            table.iter().map(|(_, hash)| *hash.as_bytes()).collect();
        writer.seek(SeekFrom::Start(0))?;
        writer.write_all(MAGIC)?;
        writer.write_all(&key.0)?;
        writer.write_all(&binding(&key, &hashes))?;
        writer.write_all(&(SECTIONS as u32).to_le_bytes())?;
        for (length, hash) in &table {
            writer.write_all(&length.to_le_bytes())?;
            writer.write_all(hash.as_bytes())?;
        }
        writer.flush()?;
    }
    temporary.persist(&entry.path)?;
    Ok(())
}

/// Remove the temporary files that interrupted writes left in `directory` over an hour
/// ago (a write in progress is younger).
fn remove_stale_temporaries(directory: &Path) {
    let Ok(files) = std::fs::read_dir(directory) else {
        return;
    };
    let now = SystemTime::now();
    for file in files.flatten() {
        let name = file.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX)) {
            continue;
        }
        let stale = file
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|metadata| metadata.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if stale {
            let _ = std::fs::remove_file(file.path());
        }
    }
}

/// How a section's structs are encoded: as maps keyed by field name (needed where a
/// field may be left out when written), or as arrays in field order (smaller and faster
/// to decode; the clauses, whose fields are always written).
enum Layout {
    Named,
    Positional,
}

/// Write one section's encoding, returning its length and hash.
fn write_section<W: Write, T: Serialize>(
    writer: &mut W,
    value: &T,
    layout: Layout,
) -> anyhow::Result<(u64, blake3::Hash)> {
    let mut hashing = HashingWriter {
        inner: writer,
        hasher: blake3::Hasher::new(),
        written: 0,
    };
    match layout {
        Layout::Named => rmp_serde::encode::write_named(&mut hashing, value)?,
        Layout::Positional => rmp_serde::encode::write(&mut hashing, value)?,
    }
    Ok((hashing.written, hashing.hasher.finalize()))
}

/// A writer that hashes what passes through it.
struct HashingWriter<W> {
    inner: W,
    hasher: blake3::Hasher,
    written: u64,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(bytes)?;
        self.hasher.update(&bytes[..written]);
        self.written += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::{FilePart, key_of_files, key_of_texts};
    use crate::corpus::{CorpusFiles, read_text};

    /// What is stored is keyed by the text parsed, what is looked up by the files read a
    /// megabyte at a time: both must give the same key, a byte-order mark or none.
    #[test]
    fn the_key_of_the_texts_read_is_the_key_of_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let plan = format!("\u{feff}plan: x\n{}", "clauses: []\n".repeat(200_000));
        std::fs::write(dir.path().join("plan_28_points.yaml"), &plan).unwrap();
        std::fs::write(dir.path().join("sources.yaml"), "sources: []\n").unwrap();
        std::fs::write(dir.path().join("outlets.yaml"), "outlets: []\n").unwrap();
        let files = CorpusFiles::read_dir(dir.path()).unwrap();
        assert!(!files.plan.text.starts_with('\u{feff}'));
        let outlets = read_text(&dir.path().join("outlets.yaml")).unwrap();
        let from_texts = key_of_texts(&files, None, Some(&outlets)).unwrap();
        assert_eq!(key_of_files(dir.path()), Some(from_texts));
        // A file's presence counts: the same texts without outlets.yaml are another key.
        assert_ne!(key_of_texts(&files, None, None), Some(from_texts));
        assert_eq!(
            FilePart::read(&dir.path().join("sources.yaml"))
                .unwrap()
                .hash,
            FilePart::of(b"sources: []\n").hash
        );
    }
}
