//! Where the phrasebank and the templates come from.
//!
//! wengao ships its phrasebank and templates inside the binary ([`crate::shipped`],
//! [`crate::phrasebank::embedded`]): a writer needs no checkout. Curators and offices with their
//! own phrasing name folders instead. For each of the two, the first of these wins:
//!
//! 1. `--phrasebank DIR` / `--templates DIR` on the command line;
//! 2. `WENGAO_PHRASEBANK` / `WENGAO_TEMPLATES` in the environment;
//! 3. a project file, `wengao.toml`, in the current directory or the nearest parent holding one
//!    (`phrasebank = "dir"`, `templates = "dir"`, relative to the file; an unknown key is an error
//!    at its line and column);
//! 4. the ones built into wengao.
//!
//! A `./phrasebank` folder is never picked up by itself: name it in `wengao.toml`. `wengao -v`
//! says which source each comes from. This module reads the project file and describes the
//! choice; `cmd` combines it with the command line.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Diagnostic, Error, Result};

/// The project file's name.
pub const FILE_NAME: &str = "wengao.toml";

/// Where a phrasebank or a set of templates is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The one built into wengao.
    Embedded,
    /// A folder.
    Dir(PathBuf),
}

impl Source {
    /// The folder, if it is one.
    pub fn dir(&self) -> Option<&Path> {
        match self {
            Source::Dir(d) => Some(d),
            Source::Embedded => None,
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Dir(d) => write!(f, "{}", d.display()),
            Source::Embedded => write!(f, "wengao itself (built in)"),
        }
    }
}

/// Why a source was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// `--phrasebank` / `--templates`.
    Flag(&'static str),
    /// An environment variable.
    Env(&'static str),
    /// A project file.
    ProjectFile(PathBuf),
    /// Nothing else named one.
    Default,
}

/// A source and why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub source: Source,
    pub why: Why,
}

impl Chosen {
    /// One line for `-v`: `phrasebank: the folder `x` (--phrasebank)`.
    pub fn describe(&self, what: &str) -> String {
        let from = match &self.why {
            Why::Flag(f) => f.to_string(),
            Why::Env(v) => format!("${v}"),
            Why::ProjectFile(p) => p.display().to_string(),
            Why::Default => "nothing named one".to_string(),
        };
        match &self.source {
            Source::Dir(d) => format!("{what}: the folder `{}` (from {from})", d.display()),
            Source::Embedded => format!("{what}: built into wengao"),
        }
    }
}

/// A project file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    phrasebank: Option<String>,
    templates: Option<String>,
}

/// A project file, read: the folders it names, resolved against its own folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectFile {
    pub path: PathBuf,
    pub phrasebank: Option<PathBuf>,
    pub templates: Option<PathBuf>,
}

/// The nearest `wengao.toml` in `start` or one of its parents.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Read a project file.
pub fn read(path: &Path) -> Result<ProjectFile> {
    let text = crate::io::read_file_text(path)?;
    parse(path, &text)
}

/// Parse a project file's text (`path` names it in messages and anchors its folders).
pub fn parse(path: &Path, text: &str) -> Result<ProjectFile> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let (line, col) = e
            .span()
            .map(|s| line_col(text, s.start))
            .unwrap_or((1, 1));
        Error::from(
            Diagnostic::new(path.display().to_string(), e.message().trim().to_string())
                .at(text, line, col)
                .help("wengao.toml takes `phrasebank = \"dir\"` and `templates = \"dir\"`, relative to the file"),
        )
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    let resolve = |d: Option<String>| d.map(|d| base.join(d));
    Ok(ProjectFile {
        path: path.to_path_buf(),
        phrasebank: resolve(raw.phrasebank),
        templates: resolve(raw.templates),
    })
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_relative_to_the_file() {
        let p = parse(
            Path::new("/office/wengao.toml"),
            "phrasebank = \"pb\"\ntemplates = \"../t\"\n",
        )
        .unwrap();
        assert_eq!(p.phrasebank, Some(PathBuf::from("/office/pb")));
        assert_eq!(p.templates, Some(PathBuf::from("/office/../t")));
    }

    #[test]
    fn an_unknown_key_is_located() {
        let e = parse(
            Path::new("w/wengao.toml"),
            "phrasebank = \"pb\"\n  phrasbank = \"x\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("w/wengao.toml:2:3"), "{e}");
        assert!(e.contains("phrasbank"), "{e}");
        assert!(e.contains("help:"), "{e}");
    }

    #[test]
    fn a_bad_value_is_located() {
        let e = parse(Path::new("wengao.toml"), "templates = 3\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("wengao.toml:1:13"), "{e}");
    }

    #[test]
    fn the_nearest_file_wins() {
        let d = tempfile::tempdir().unwrap();
        let inner = d.path().join("a/b");
        std::fs::create_dir_all(&inner).unwrap();
        assert_eq!(find(&inner), None);
        std::fs::write(d.path().join("a").join(FILE_NAME), "").unwrap();
        assert_eq!(find(&inner), Some(d.path().join("a").join(FILE_NAME)));
        std::fs::write(inner.join(FILE_NAME), "").unwrap();
        assert_eq!(find(&inner), Some(inner.join(FILE_NAME)));
    }
}
