//! The cache of large `--data` corpora: a second run is answered from it with the same
//! output; a changed file, a damaged entry or an unusable cache directory never changes
//! what a run prints; `--no-cache` and small corpora leave nothing behind.

use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::support::peaceplan;

/// A synthetic corpus above the 4 MiB from which plan files are cached, made once.
fn large_corpus() -> PathBuf {
    static MADE: OnceLock<tempfile::TempDir> = OnceLock::new();
    MADE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("large");
        peaceplan([
            "synth",
            "--clauses",
            "3000",
            "--sources",
            "200",
            "--seed",
            "7",
            corpus.to_str().unwrap(),
        ])
        .run();
        let size = std::fs::metadata(corpus.join("plan_28_points.yaml"))
            .unwrap()
            .len();
        assert!(size > 4 << 20, "the synthetic plan file is {size} bytes");
        dir
    })
    .path()
    .join("large")
}

/// A fresh copy of the large corpus and an empty cache directory.
struct Setup {
    _dir: tempfile::TempDir,
    corpus: PathBuf,
    cache: PathBuf,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        for file in ["plan_28_points.yaml", "sources.yaml"] {
            std::fs::copy(large_corpus().join(file), corpus.join(file)).unwrap();
        }
        let cache = dir.path().join("cache");
        Self {
            _dir: dir,
            corpus,
            cache,
        }
    }

    /// `peaceplan --data CORPUS ARGS` with this cache; stdout, checked to exit 0 with
    /// nothing on stderr.
    fn run(&self, args: &[&str]) -> String {
        peaceplan(args)
            .data(&self.corpus)
            .env("PEACEPLAN_CACHE_DIR", self.cache.to_str().unwrap())
            .stderr_empty()
            .run()
            .stdout
    }

    /// The cache's entries.
    fn entries(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(&self.cache) {
            Ok(entries) => entries.map(|entry| entry.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// The one entry's inode: a rewritten entry is a new file renamed into place.
    fn entry_inode(&self) -> u64 {
        let entries = self.entries();
        assert_eq!(entries.len(), 1, "{entries:?}");
        std::fs::metadata(&entries[0]).unwrap().ino()
    }
}

#[test]
fn a_large_corpus_is_stored_once_and_answered_from_the_cache_with_the_same_output() {
    let setup = Setup::new();
    let uncached = setup.run(&["--no-cache", "list", "--json"]);
    assert!(setup.entries().is_empty(), "--no-cache wrote an entry");
    let first = setup.run(&["list", "--json"]);
    let stored = setup.entry_inode();
    let second = setup.run(&["list", "--json"]);
    assert_eq!(
        setup.entry_inode(),
        stored,
        "the second run rewrote the entry"
    );
    assert_eq!(first, uncached);
    assert_eq!(second, uncached);
    // Every part of the corpus comes back: sources, positions, a clause in full.
    for args in [
        &["sources", "--json"][..],
        &["show", "1500", "--json"],
        &["positions", "--json"],
        &["search", "grain transport", "--json"],
    ] {
        let mut no_cache = vec!["--no-cache"];
        no_cache.extend_from_slice(args);
        assert_eq!(setup.run(args), setup.run(&no_cache), "{args:?}");
    }
    assert_eq!(setup.entry_inode(), stored);
}

#[test]
fn a_changed_file_is_read_again_and_stored_again() {
    let setup = Setup::new();
    setup.run(&["list", "--json"]);
    let stored = setup.entry_inode();
    let plan = setup.corpus.join("plan_28_points.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let first_title = "\n- number: 1\n  title: ";
    let at = text.find(first_title).unwrap() + first_title.len();
    let changed = format!("{}Changed since it was cached {}", &text[..at], &text[at..]);
    std::fs::write(&plan, changed).unwrap();
    let shown = setup.run(&["show", "1"]);
    assert!(shown.contains("Changed since it was cached"), "{shown}");
    assert_ne!(setup.entry_inode(), stored, "the entry was not replaced");
    // A sources file changed by one byte counts too.
    let sources = setup.corpus.join("sources.yaml");
    let text = std::fs::read_to_string(&sources).unwrap();
    std::fs::write(&sources, text.replacen("name: ", "name: X", 1)).unwrap();
    let listed = setup.run(&["sources", "--json"]);
    assert!(listed.contains("\"name\": \"X"), "{listed}");
}

#[test]
fn a_damaged_or_truncated_entry_is_ignored_and_replaced() {
    let setup = Setup::new();
    let expected = setup.run(&["list", "--json"]);
    let entry = setup.entries().remove(0);
    let mut bytes = std::fs::read(&entry).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(&entry, &bytes).unwrap();
    let damaged = setup.entry_inode();
    assert_eq!(setup.run(&["list", "--json"]), expected);
    assert_ne!(setup.entry_inode(), damaged, "a damaged entry was kept");
    let entry = setup.entries().remove(0);
    let length = std::fs::metadata(&entry).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&entry)
        .unwrap()
        .set_len(length / 3)
        .unwrap();
    assert_eq!(setup.run(&["list", "--json"]), expected);
    std::fs::write(&entry, b"garbage \xff\xfe not an entry").unwrap();
    assert_eq!(setup.run(&["list", "--json"]), expected);
    let restored = std::fs::metadata(setup.entries().remove(0)).unwrap().len();
    assert_eq!(restored, length, "the entry was not written again whole");
}

#[test]
fn an_unusable_cache_directory_changes_nothing_but_speed() {
    let setup = Setup::new();
    let expected = setup.run(&["--no-cache", "list", "--json"]);
    // A file where the directory should be: nothing can be stored, nothing is said.
    std::fs::write(&setup.cache, "not a directory").unwrap();
    assert_eq!(setup.run(&["list", "--json"]), expected);
    assert_eq!(
        std::fs::read_to_string(&setup.cache).unwrap(),
        "not a directory"
    );
}

#[test]
fn a_corpus_with_problems_is_never_stored() {
    let setup = Setup::new();
    let plan = setup.corpus.join("plan_28_points.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, text.replacen("- topic-0", "- topic-zz", 1)).unwrap();
    for _ in 0..2 {
        peaceplan(["list"])
            .data(&setup.corpus)
            .env("PEACEPLAN_CACHE_DIR", setup.cache.to_str().unwrap())
            .status(1)
            .stderr_has("topic-zz")
            .run();
    }
    assert!(setup.entries().is_empty(), "{:?}", setup.entries());
}

#[test]
fn the_environment_can_turn_the_cache_off_and_small_corpora_are_not_cached() {
    let setup = Setup::new();
    peaceplan(["list", "--json"])
        .data(&setup.corpus)
        .env("PEACEPLAN_CACHE_DIR", setup.cache.to_str().unwrap())
        .env("PEACEPLAN_NO_CACHE", "1")
        .run();
    assert!(
        setup.entries().is_empty(),
        "PEACEPLAN_NO_CACHE=1 wrote an entry"
    );
    peaceplan(["list", "--json"])
        .data(&crate::support::shipped_data())
        .env("PEACEPLAN_CACHE_DIR", setup.cache.to_str().unwrap())
        .run();
    assert!(setup.entries().is_empty(), "the shipped corpus was cached");
}

/// `peaceplan --data CORPUS list --json` under `timeout`, so that a hang fails the test
/// instead of stalling it, and (with `kib`) within that much address space.
fn list_json_bounded(setup: &Setup, kib: Option<u64>) -> std::process::Output {
    let limit = kib.map_or_else(String::new, |kib| format!("ulimit -v {kib}; "));
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{limit}exec timeout 60 \"$@\""))
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_peaceplan"))
        .arg("--data")
        .arg(&setup.corpus)
        .args(["list", "--json"])
        .env("PEACEPLAN_CACHE_DIR", &setup.cache)
        .env("MALLOC_ARENA_MAX", "1")
        .output()
        .unwrap()
}

#[test]
fn an_entry_that_is_a_fifo_or_a_huge_junk_file_is_passed_over_without_a_hang_or_the_memory() {
    let setup = Setup::new();
    let expected = setup.run(&["list", "--json"]);
    let entry = setup.entries().remove(0);
    std::fs::remove_file(&entry).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&entry)
        .status()
        .unwrap();
    assert!(made.success());
    let ran = list_json_bounded(&setup, None);
    assert_eq!(ran.status.code(), Some(0), "a FIFO entry: {ran:?}");
    assert_eq!(String::from_utf8(ran.stdout).unwrap(), expected);
    // 400 MiB of nothing where the entry was: refused by its first bytes, not read
    // whole (which would not fit in 384 MiB of address space with the corpus).
    let _ = std::fs::remove_file(&entry);
    std::fs::File::create(&entry)
        .unwrap()
        .set_len(400 << 20)
        .unwrap();
    let ran = list_json_bounded(&setup, Some(384 << 10));
    assert_eq!(
        ran.status.code(),
        Some(0),
        "a 400 MiB junk entry: {}",
        String::from_utf8_lossy(&ran.stderr)
    );
    assert_eq!(String::from_utf8(ran.stdout).unwrap(), expected);
}

/// One corpus's key on the sections of another's entry: each section's hash matches its
/// bytes, but the hashes are bound to the key, so the splice is refused.
#[test]
fn sections_spliced_from_another_corpus_entry_are_refused() {
    let first = Setup::new();
    let second = Setup::new();
    let plan = second.corpus.join("plan_28_points.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let first_title = "\n- number: 1\n  title: ";
    let spliced_title = format!("{first_title}Spliced ");
    std::fs::write(&plan, text.replacen(first_title, &spliced_title, 1)).unwrap();
    let expected = first.run(&["list", "--json"]);
    assert!(second.run(&["list", "--json"]).contains("Spliced"));
    let own = std::fs::read(first.entries().remove(0)).unwrap();
    let other = std::fs::read(second.entries().remove(0)).unwrap();
    // This corpus's magic (16 bytes) and key (32), then the other entry's section table
    // and sections: every section's hash matches its bytes.
    let key_end = 16 + 32;
    let mut spliced = own[..key_end].to_vec();
    spliced.extend_from_slice(&other[key_end..]);
    std::fs::write(first.entries().remove(0), &spliced).unwrap();
    let shown = first.run(&["list", "--json"]);
    assert!(!shown.contains("Spliced"), "the spliced entry was served");
    assert_eq!(shown, expected);
}

#[test]
fn temporary_files_of_interrupted_writes_are_removed_once_stale() {
    let setup = Setup::new();
    std::fs::create_dir_all(&setup.cache).unwrap();
    let stale = setup.cache.join(".peaceplan-interrupted.tmp");
    let fresh = setup.cache.join(".peaceplan-writing.tmp");
    for file in [&stale, &fresh] {
        std::fs::write(file, "part of an entry").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    setup.run(&["list", "--json"]);
    assert!(!stale.exists(), "a two-hour-old temporary file was kept");
    assert!(fresh.exists(), "a temporary file being written was removed");
}
