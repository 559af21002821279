//! A small builder for running the real `wengao` binary in tests (after casey/just's test style).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus directory: $WENGAO_CORPUS or ../shared/corpus.
pub fn corpus() -> PathBuf {
    std::env::var_os("WENGAO_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/corpus"))
}

/// The phrasebank load cache the tests' runs of `wengao` use (under the target directory, never
/// the user's ~/.cache/wengao); tests of the cache itself give each run a directory of its own.
pub fn cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("wengao-cache")
}

/// Every example spec, sorted.
pub fn examples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    v.sort();
    v
}

/// A run of `wengao`, built up step by step.
pub struct Wengao {
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
    dir: Option<PathBuf>,
    env: Vec<(String, String)>,
}

/// What a run gave.
pub struct Ran {
    pub code: i32,
    pub stdout: String,
    pub stdout_bytes: Vec<u8>,
    pub stderr: String,
}

impl Wengao {
    pub fn new() -> Self {
        Wengao {
            args: Vec::new(),
            stdin: None,
            dir: None,
            env: Vec::new(),
        }
    }

    pub fn arg(mut self, a: impl AsRef<str>) -> Self {
        self.args.push(a.as_ref().to_string());
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, a: I) -> Self {
        for x in a {
            self.args.push(x.as_ref().to_string());
        }
        self
    }

    pub fn path(self, p: &Path) -> Self {
        self.arg(p.to_string_lossy())
    }

    pub fn stdin(mut self, s: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(s.into());
        self
    }

    pub fn current_dir(mut self, d: &Path) -> Self {
        self.dir = Some(d.to_path_buf());
        self
    }

    pub fn env(mut self, k: &str, v: &str) -> Self {
        self.env.push((k.into(), v.into()));
        self
    }

    pub fn run(self) -> Ran {
        let mut cmd = assert_cmd::Command::cargo_bin("wengao").unwrap();
        cmd.args(&self.args);
        cmd.current_dir(self.dir.unwrap_or_else(root));
        cmd.env_remove("WENGAO_PHRASEBANK")
            .env_remove("WENGAO_TEMPLATES")
            .env("WENGAO_CACHE_DIR", cache_dir());
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        if let Some(s) = self.stdin {
            cmd.write_stdin(s);
        }
        let out: Output = cmd.output().unwrap();
        Ran {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stdout_bytes: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Ran {
    pub fn ok(self) -> Self {
        assert_eq!(self.code, 0, "expected success; stderr:\n{}", self.stderr);
        self
    }

    pub fn code(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "expected exit {code}; stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn stderr_has(self, s: &str) -> Self {
        assert!(
            self.stderr.contains(s),
            "stderr lacks {s:?}:\n{}",
            self.stderr
        );
        self
    }

    pub fn stdout_has(self, s: &str) -> Self {
        assert!(
            self.stdout.contains(s),
            "stdout lacks {s:?}:\n{}",
            self.stdout
        );
        self
    }
}

/// Whether an external tool runs (`program args…` exits 0). A test that needs one returns early
/// when it does not, after saying why; in CI (`CI` set, where .ci/run installs the tools) a
/// missing tool fails the test instead.
pub fn tool_available(program: &str, args: &[&str]) -> bool {
    let ok = std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is not installed and CI is set: .ci/run installs it"
        );
        eprintln!("skipped (CI is not set): {program} is not installed");
    }
    ok
}
