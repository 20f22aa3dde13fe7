//! A small fluent helper for running the real `peaceplan` binary, so each test reads as
//! arguments → expected output → exit status; and corpus fixtures made by editing a copy
//! of the shipped corpus in a temporary directory.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// One run of the binary and what it must produce.
#[must_use = "a Test does nothing until .run()"]
pub struct Test {
    args: Vec<String>,
    envs: Vec<(String, String)>,
    removed_envs: Vec<String>,
    status: i32,
    stdout_has: Vec<String>,
    stdout_lacks: Vec<String>,
    stderr_has: Vec<String>,
    stderr_lacks: Vec<String>,
    stdout_empty: bool,
    stderr_empty: bool,
}

/// What a run printed.
pub struct Ran {
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    /// Stdout parsed as JSON into `T` (use `deny_unknown_fields` types to pin the shape).
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.stdout).unwrap_or_else(|error| {
            panic!("stdout is not the expected JSON: {error}\n{}", self.stdout)
        })
    }
}

/// Where runs of the tests keep the cache of large corpora (a test may choose another).
pub fn test_cache_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("peaceplan-cache")
}

pub fn peaceplan<I, S>(args: I) -> Test
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    Test {
        args: args
            .into_iter()
            .map(|arg| arg.as_ref().to_owned())
            .collect(),
        envs: Vec::new(),
        removed_envs: vec![
            "PEACEPLAN_DATA".into(),
            "NO_COLOR".into(),
            "CLICOLOR_FORCE".into(),
            "COLUMNS".into(),
            "COMPLETE".into(),
            "PEACEPLAN_NO_CACHE".into(),
        ],
        status: 0,
        stdout_has: Vec::new(),
        stdout_lacks: Vec::new(),
        stderr_has: Vec::new(),
        stderr_lacks: Vec::new(),
        stdout_empty: false,
        stderr_empty: false,
    }
}

impl Test {
    pub fn env(mut self, name: &str, value: &str) -> Self {
        self.envs.push((name.into(), value.into()));
        self
    }

    pub fn data(mut self, dir: &Path) -> Self {
        self.args.push("--data".into());
        self.args.push(dir.display().to_string());
        self
    }

    pub fn status(mut self, status: i32) -> Self {
        self.status = status;
        self
    }

    pub fn stdout_has(mut self, text: &str) -> Self {
        self.stdout_has.push(text.into());
        self
    }

    pub fn stdout_lacks(mut self, text: &str) -> Self {
        self.stdout_lacks.push(text.into());
        self
    }

    pub fn stderr_has(mut self, text: &str) -> Self {
        self.stderr_has.push(text.into());
        self
    }

    pub fn stderr_lacks(mut self, text: &str) -> Self {
        self.stderr_lacks.push(text.into());
        self
    }

    pub fn stdout_empty(mut self) -> Self {
        self.stdout_empty = true;
        self
    }

    pub fn stderr_empty(mut self) -> Self {
        self.stderr_empty = true;
        self
    }

    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_peaceplan"));
        command.args(&self.args);
        // A large corpus is cached; tests keep their entries out of the user's cache.
        command.env("PEACEPLAN_CACHE_DIR", test_cache_dir());
        for name in &self.removed_envs {
            command.env_remove(name);
        }
        for (name, value) in &self.envs {
            command.env(name, value);
        }
        command
    }

    pub fn run(self) -> Ran {
        let Output {
            status,
            stdout,
            stderr,
        } = self.command().output().expect("run peaceplan");
        let ran = Ran {
            stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
        };
        let context = format!(
            "peaceplan {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.args, ran.stdout, ran.stderr
        );
        assert_eq!(status.code(), Some(self.status), "exit status\n{context}");
        for text in &self.stdout_has {
            assert!(
                ran.stdout.contains(text),
                "stdout lacks {text:?}\n{context}"
            );
        }
        for text in &self.stdout_lacks {
            assert!(!ran.stdout.contains(text), "stdout has {text:?}\n{context}");
        }
        for text in &self.stderr_has {
            assert!(
                ran.stderr.contains(text),
                "stderr lacks {text:?}\n{context}"
            );
        }
        for text in &self.stderr_lacks {
            assert!(!ran.stderr.contains(text), "stderr has {text:?}\n{context}");
        }
        if self.stdout_empty {
            assert!(ran.stdout.is_empty(), "stdout not empty\n{context}");
        }
        if self.stderr_empty {
            assert!(ran.stderr.is_empty(), "stderr not empty\n{context}");
        }
        ran
    }
}

/// The shipped corpus directory.
pub fn shipped_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A copy of the shipped corpus in a temporary directory, edited by the test.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn shipped() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["plan_28_points.yaml", "sources.yaml"] {
            std::fs::copy(shipped_data().join(name), dir.path().join(name)).expect("copy corpus");
        }
        Self { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.file(name)).expect("read fixture")
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> &Self {
        std::fs::write(self.file(name), contents).expect("write fixture");
        self
    }

    /// Replace the first occurrence of `from` in `name` (which must contain it) by `to`,
    /// and return the 1-based line where the replacement starts.
    pub fn replace(&self, name: &str, from: &str, to: &str) -> usize {
        let text = self.read(name);
        let offset = text
            .find(from)
            .unwrap_or_else(|| panic!("{name} lacks {from:?}"));
        let edited = format!("{}{}{}", &text[..offset], to, &text[offset + from.len()..]);
        self.write(name, edited);
        text[..offset].matches('\n').count() + 1
    }
}

/// The 1-based line of the first line of `text` that contains `needle`.
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("no line contains {needle:?}"))
        + 1
}

/// Fails if `bytes` hold ESC, DEL, a C1 control (U+0080–U+009F as UTF-8), a
/// bidirectional override or isolate, a line or paragraph separator, or a zero-width
/// character: what would move a terminal's cursor or reorder or hide text.
pub fn assert_no_unsafe_bytes(bytes: &[u8], what: &str) {
    let offending = |at: usize| -> Option<&'static str> {
        match bytes[at..] {
            [0x1b, ..] => Some("ESC"),
            [0x7f, ..] => Some("DEL"),
            [0xc2, 0x80..=0x9f, ..] => Some("a C1 control"),
            [0xe2, 0x80, 0xaa..=0xae, ..] => Some("a bidirectional override"),
            [0xe2, 0x81, 0xa6..=0xa9, ..] => Some("a bidirectional isolate"),
            [0xe2, 0x80, 0xa8 | 0xa9, ..] => Some("a line or paragraph separator"),
            [0xe2, 0x80, 0x8b..=0x8f, ..] => Some("a zero-width or direction mark"),
            [0xef, 0xbb, 0xbf, ..] => Some("a zero-width no-break space"),
            _ => None,
        }
    };
    if let Some((at, kind)) = (0..bytes.len()).find_map(|at| offending(at).map(|kind| (at, kind))) {
        let from = at.saturating_sub(40);
        panic!(
            "{what} holds {kind} raw at byte {at}: {:?}",
            String::from_utf8_lossy(&bytes[from..(at + 40).min(bytes.len())])
        );
    }
}

/// The archived articles the corpus is built from: PEACEPLAN_ARCHIVE, else
/// ../shared/sources beside the checkout. They are not part of the project, so the tests
/// that read them are `#[ignore]`d with that reason, run with `cargo test -- --ignored`
/// (CI does); run so without the archive, they fail here, saying where they looked.
pub fn archive() -> PathBuf {
    let dir = std::env::var_os("PEACEPLAN_ARCHIVE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/sources"));
    assert!(
        dir.join("al-mayadeen.txt").is_file(),
        "this test needs the archived articles, and {} holds no al-mayadeen.txt; set \
         PEACEPLAN_ARCHIVE to the directory that holds them",
        dir.display()
    );
    dir
}
