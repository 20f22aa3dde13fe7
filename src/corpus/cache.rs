//! A cache of large `--data` corpora: once a corpus has passed every check, its parsed
//! model is stored, and the next run with the same files (byte for byte) and the same
//! binary reads the model back instead of parsing the YAML again.
//!
//! An entry is keyed by a BLAKE3 hash of the files' bytes, the tool's version and the
//! identity (size and modification time) of the executable that wrote it, so a changed
//! file, or a rebuilt binary whose checks may differ, never reads a stale entry. The
//! entry carries a hash of its own payload, checked before the payload is decoded, so a
//! truncated or altered entry is ignored (and rewritten), never trusted. Every failure
//! of the cache (no cache directory, an unwritable one, a damaged entry) falls back to
//! reading the YAML: the cache can make a run faster, never different.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{OUTLETS_FILE, PLAN_FILE, SOURCES_FILE, VERSIONS_FILE};
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
const MAGIC: &[u8; 16] = b"peaceplan-cache2";
const HASH_BYTES: usize = 32;

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
    let plan_size = regular_file_size(&dir.join(PLAN_FILE))?;
    if plan_size < CACHE_FROM_BYTES {
        return None;
    }
    let directory = std::fs::canonicalize(dir).ok()?;
    let name = blake3::hash(directory.as_os_str().as_encoded_bytes()).to_hex();
    Some(Entry {
        path: cache_dir.join(format!("{}.corpus", &name[..32])),
    })
}

/// The key of the files in `dir` now, to be compared after they are read.
pub fn key_of(dir: &Path) -> Option<Key> {
    content_key(dir).map(Key)
}

/// A hash of a corpus's files and the binary reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key([u8; HASH_BYTES]);

/// The size of `path` if it is a regular file within the loader's size limit.
fn regular_file_size(path: &Path) -> Option<u64> {
    let metadata = std::fs::metadata(path).ok()?;
    (metadata.is_file() && metadata.len() <= super::MAX_FILE_BYTES).then_some(metadata.len())
}

/// A hash of everything a cached model depends on: the binary, and each corpus file's
/// presence and bytes. `None` when a file cannot be read as an ordinary file.
fn content_key(dir: &Path) -> Option<[u8; HASH_BYTES]> {
    let mut hasher = blake3::Hasher::new();
    hasher.update(MAGIC);
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    let executable = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let built = executable
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    hasher.update(&executable.len().to_le_bytes());
    hasher.update(&built.as_nanos().to_le_bytes());
    for name in [PLAN_FILE, SOURCES_FILE, VERSIONS_FILE, OUTLETS_FILE] {
        let path = dir.join(name);
        hasher.update(name.as_bytes());
        if std::fs::symlink_metadata(&path).is_err() {
            hasher.update(b"\0absent");
            continue;
        }
        let size = regular_file_size(&path)?;
        hasher.update(&size.to_le_bytes());
        let mut file = File::open(&path).ok()?;
        let hashed = io::copy(&mut (&mut file).take(size), &mut hasher).ok()?;
        if hashed != size {
            return None;
        }
    }
    Some(*hasher.finalize().as_bytes())
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

/// The clauses are stored in this many sections (the rest of the corpus in one more), so
/// that reading an entry back decodes them on every core.
const CLAUSE_SECTIONS: usize = 8;

/// The corpus stored under `entry`, if there is one with the right key and intact
/// sections. The files' key is computed on one thread while the entry is decoded on the
/// others; the decoded corpus is used only if the keys agree.
pub fn read(entry: &Entry, dir: &Path) -> Option<Corpus> {
    std::thread::scope(|scope| {
        let key = scope.spawn(|| content_key(dir));
        let decoded = read_sections(&entry.path);
        let key = key.join().ok().flatten()?;
        let (stored_key, corpus) = decoded?;
        (stored_key == key).then_some(corpus)
    })
}

/// The key an entry file was written under and the corpus it holds, if every section's
/// hash matches and every section decodes.
fn read_sections(path: &Path) -> Option<([u8; HASH_BYTES], Corpus)> {
    let mut file = File::open(path).ok()?;
    let metadata = file.metadata().ok()?;
    if !metadata.is_file() || metadata.len() > 4 * super::MAX_FILE_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.read_to_end(&mut bytes).ok()?;
    let (magic, rest) = bytes.split_at_checked(MAGIC.len())?;
    let (key, rest) = rest.split_at_checked(HASH_BYTES)?;
    if magic != MAGIC {
        return None;
    }
    let key: [u8; HASH_BYTES] = key.try_into().ok()?;
    let sections = split_sections(rest)?;
    let (first, clause_sections) = sections.split_first()?;
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let per_worker = clause_sections.len().div_ceil(workers.max(1)).max(1);
    let (rest, clauses) = std::thread::scope(|scope| {
        let handles: Vec<_> = clause_sections
            .chunks(per_worker)
            .map(|group| scope.spawn(move || decode_clauses(group)))
            .collect();
        let rest: Option<LoadedRest> = decode(first);
        let mut clauses = Vec::new();
        for handle in handles {
            clauses.extend(handle.join().ok().flatten()?);
        }
        Some((rest?, clauses))
    })?;
    drop(bytes);
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
    let corpus = Corpus::new(plan, sources)
        .with_versions(rest.versions)
        .with_outlets(rest.outlets);
    Some((key, corpus))
}

/// The sections of an entry after its key: a count, then each section's length and hash,
/// then the sections themselves; `None` unless the layout adds up exactly.
fn split_sections(bytes: &[u8]) -> Option<Vec<Section<'_>>> {
    let (count, mut table) = bytes.split_at_checked(4)?;
    let count = u32::from_le_bytes(count.try_into().ok()?) as usize;
    if count != CLAUSE_SECTIONS + 1 {
        return None;
    }
    let (table_bytes, mut body) = table.split_at_checked(count * (8 + HASH_BYTES))?;
    table = table_bytes;
    let mut sections = Vec::with_capacity(count);
    for row in table.chunks_exact(8 + HASH_BYTES) {
        let (length, hash) = row.split_at(8);
        let length = usize::try_from(u64::from_le_bytes(length.try_into().ok()?)).ok()?;
        let (payload, after) = body.split_at_checked(length)?;
        sections.push(Section {
            payload,
            hash: hash.try_into().ok()?,
        });
        body = after;
    }
    body.is_empty().then_some(sections)
}

/// One stored section: its bytes and the hash they must have.
struct Section<'b> {
    payload: &'b [u8],
    hash: [u8; HASH_BYTES],
}

/// A section's value, if its bytes have their hash and decode as `T`.
fn decode<T: serde::de::DeserializeOwned>(section: &Section) -> Option<T> {
    if blake3::hash(section.payload).as_bytes() != &section.hash {
        return None;
    }
    rmp_serde::from_slice(section.payload).ok()
}

fn decode_clauses(sections: &[Section]) -> Option<Vec<Clause>> {
    let mut clauses = Vec::new();
    for section in sections {
        clauses.extend(decode::<Vec<Clause>>(section)?);
    }
    Some(clauses)
}

/// Store `corpus` under `entry`, written whole to a temporary file and then renamed into
/// place, so a reader sees the old entry or the new one, never part of one. Failures
/// are ignored: the next run parses the YAML again.
pub fn write(entry: &Entry, key: Key, corpus: &Corpus) {
    let _ = try_write(entry, key, corpus);
}

fn try_write(entry: &Entry, key: Key, corpus: &Corpus) -> anyhow::Result<()> {
    let directory = entry
        .path
        .parent()
        .ok_or_else(|| anyhow::anyhow!("no directory"))?;
    std::fs::create_dir_all(directory)?;
    let mut temporary = tempfile::NamedTempFile::new_in(directory)?;
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
    let table_at = (MAGIC.len() + HASH_BYTES + 4) as u64;
    let mut table = Vec::with_capacity(CLAUSE_SECTIONS + 1);
    {
        let mut writer = BufWriter::new(temporary.as_file_mut());
        writer.write_all(MAGIC)?;
        writer.write_all(&key.0)?;
        writer.write_all(&((CLAUSE_SECTIONS + 1) as u32).to_le_bytes())?;
        writer.write_all(&vec![0; (CLAUSE_SECTIONS + 1) * (8 + HASH_BYTES)])?;
        table.push(write_section(&mut writer, &rest, Layout::Named)?);
        for _ in 0..CLAUSE_SECTIONS {
            let chunk: &[Clause] = chunks.next().unwrap_or(&[]);
            table.push(write_section(&mut writer, &chunk, Layout::Positional)?);
        }
        writer.seek(SeekFrom::Start(table_at))?;
        for (length, hash) in &table {
            writer.write_all(&length.to_le_bytes())?;
            writer.write_all(hash.as_bytes())?;
        }
        writer.flush()?;
    }
    temporary.persist(&entry.path)?;
    Ok(())
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
