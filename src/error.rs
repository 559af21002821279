//! One error type for the whole tool, printed rustc-style.
//!
//! Every error a user can meet is a variant of [`Error`]. Input errors carry a [`Diagnostic`]:
//! a message, the file, line and column, the offending source line, and a `help:` line saying
//! what to do. They print as
//!
//! ```text
//! error: unknown field `sectoins`
//!   --> spec.yaml:12:1
//!    |
//! 12 | sectoins:
//!    | ^
//!    = help: did you mean `sections`?
//! ```
//!
//! Exit codes follow ripgrep: 0 ok, 1 findings (lint), 2 error. Every variant here is exit 2.

use std::fmt;
use std::path::PathBuf;

/// A located problem in an input file (spec, phrasebank, template, speech).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong, one line.
    pub message: String,
    /// The file as the user named it (`-` for standard input).
    pub file: String,
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column (in characters); 0 when unknown.
    pub column: usize,
    /// The field path, e.g. `sections[2].points[0].deadline`.
    pub field: Option<String>,
    /// The text of the offending line, when known.
    pub source_line: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with a message and file, no position yet.
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            file: file.into(),
            line: 0,
            column: 0,
            field: None,
            source_line: None,
            help: None,
        }
    }

    /// Set the position and take the source line from `source` (the whole file text).
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self.source_line = if line > 0 {
            source.lines().nth(line - 1).map(str::to_string)
        } else {
            None
        };
        self
    }

    /// Set the field path.
    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Set the help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => writeln!(f, "error: {} (at `{field}`)", self.message)?,
            None => writeln!(f, "error: {}", self.message)?,
        }
        let width = self.line.max(1).to_string().len();
        let pad = " ".repeat(width);
        if self.line > 0 {
            write!(
                f,
                "{pad}--> {}:{}:{}",
                self.file,
                self.line,
                self.column.max(1)
            )?;
        } else {
            write!(f, "{pad}--> {}", self.file)?;
        }
        if let Some(src) = &self.source_line {
            // A very long line (a minified spec, a 10 MB value) is shown as a window around the
            // column, so the message stays readable.
            const WINDOW: usize = 120;
            let n = src.chars().count();
            let (skip, caret_col) = if n > WINDOW + 40 {
                let skip = self.column.saturating_sub(WINDOW / 2);
                (skip, self.column - skip + usize::from(skip > 0))
            } else {
                (0, self.column)
            };
            let mut shown: String = src.chars().skip(skip).take(WINDOW + 40).collect();
            if skip > 0 {
                shown.insert(0, '…');
            }
            if skip + WINDOW + 40 < n {
                shown.push('…');
            }
            let src = shown.replace('\t', " ");
            writeln!(f)?;
            writeln!(f, "{pad} |")?;
            writeln!(f, "{} | {}", self.line, src)?;
            // The caret goes under the column, counting wide characters as two cells.
            let before = src
                .char_indices()
                .nth(caret_col.saturating_sub(1))
                .map_or(src.len(), |(i, _)| i);
            let cells = crate::text::width(&src[..before]);
            write!(f, "{pad} | {}^", " ".repeat(cells))?;
        }
        if let Some(help) = &self.help {
            writeln!(f)?;
            write!(f, "{pad} = help: {help}")?;
        }
        Ok(())
    }
}

/// Every error wengao reports. All of them exit with code 2.
#[derive(Debug)]
pub enum Error {
    /// A located problem in an input file.
    Input(Box<Diagnostic>),
    /// Several located problems (e.g. all the bad fields of a spec at once).
    Inputs(Vec<Diagnostic>),
    /// A file could not be read or written.
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    /// The output file exists and `--force` was not given.
    OutputExists(PathBuf),
    /// A path that is a FIFO, device or socket where a regular file is read or replaced: never
    /// read (it could block forever or never end) and never replaced (even with `--force`).
    NotRegular {
        path: PathBuf,
        action: &'static str,
        kind: &'static str,
    },
    /// Bad use of the command line that clap could not catch.
    Usage(String),
    /// A folder another wengao process is editing (its OS lock held past the wait): try again
    /// when it ends.
    Locked { path: PathBuf, waited_secs: u64 },
    /// A bug of wengao's own (a worker thread that panicked, an edit that would break the file
    /// it checked): nothing the user did; please report it.
    Internal(String),
    /// A template failed to load or render.
    Template { name: String, message: String },
}

impl Error {
    /// An I/O error with the path and what was being done.
    pub fn io(path: impl Into<PathBuf>, action: &'static str, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            action,
            source,
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        2
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Input(Box::new(d))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input(d) => write!(f, "{d}"),
            Error::Inputs(ds) => {
                for (i, d) in ds.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
            Error::Io {
                path,
                action,
                source,
            } => {
                write!(f, "error: cannot {action} `{}`: {source}", path.display())?;
                let help = match source.kind() {
                    std::io::ErrorKind::NotFound if action.starts_with("write") => {
                        Some("the directory does not exist: create it, or choose another -o path")
                    }
                    std::io::ErrorKind::NotFound => {
                        Some("check the path; `-` reads standard input")
                    }
                    std::io::ErrorKind::NotADirectory => {
                        Some("a part of the path is a file, not a directory; choose another path")
                    }
                    std::io::ErrorKind::PermissionDenied => {
                        Some("choose a path you may write, or change its permissions")
                    }
                    std::io::ErrorKind::IsADirectory => Some("name a file, not a directory"),
                    std::io::ErrorKind::InvalidData => Some(
                        "the file must be UTF-8 text; convert it, e.g. `iconv -f GBK -t UTF-8`",
                    ),
                    _ => None,
                };
                if let Some(h) = help {
                    write!(f, "\n  = help: {h}")?;
                }
                Ok(())
            }
            Error::OutputExists(path) => write!(
                f,
                "error: `{}` already exists\n  = help: pass --force to overwrite it, or choose another -o path",
                path.display()
            ),
            Error::NotRegular { path, action, kind } => {
                write!(
                    f,
                    "error: cannot {action} `{}`: it is {kind}, not a regular file",
                    path.display()
                )?;
                if action.starts_with("write") || action.starts_with("replace") {
                    write!(
                        f,
                        "\n  = help: choose a regular file for the output; wengao never replaces a FIFO, device or socket, even with --force (to write to a pipe, leave out -o)"
                    )
                } else {
                    write!(
                        f,
                        "\n  = help: name a regular file; to read from a pipe or device, give `-` and redirect it (`wengao … - < {}`)",
                        path.display()
                    )
                }
            }
            Error::Usage(msg) => write!(f, "error: {msg}"),
            Error::Locked { path, waited_secs } => write!(
                f,
                "error: `{}` is being edited by another wengao process (phrasebank add/retire or mine --merge) that has not finished in {waited_secs} s; wait for it to end and try again",
                path.display()
            ),
            Error::Internal(msg) => write!(
                f,
                "error: internal error: {msg}\n  = help: this is a bug in wengao, please report it with the command you ran"
            ),
            Error::Template { name, message } => {
                write!(f, "error: template `{name}` failed: {message}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// The result type of the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The closest of `known` to `word` by edit distance, when it is close enough to suggest.
pub fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // The distance is at least the difference in length: a word far longer or shorter than a
    // known one is never compared (a 30,000-character id against every id took seconds).
    let n = word.chars().count();
    let limit = n.max(2).div_ceil(2);
    if n > 200 {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for k in known {
        if k.chars().count().abs_diff(n) > limit {
            continue;
        }
        let d = edit_distance(word, k);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, k));
        }
    }
    best.filter(|(d, _)| *d <= limit).map(|(_, k)| k)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let known = ["sections", "speaker", "meeting"];
        assert_eq!(did_you_mean("sectoins", known), Some("sections"));
        assert_eq!(did_you_mean("xyzzy", known), None);
        assert_eq!(
            did_you_mean("项目建", ["项目建设", "招商引资"]),
            Some("项目建设")
        );
    }

    #[test]
    fn long_lines_are_shown_as_a_window_around_the_column() {
        let src = format!("name: {}X{}", "a".repeat(5000), "b".repeat(5000));
        let d = Diagnostic::new("s.yaml", "here").at(&src, 1, 5007);
        let s = d.to_string();
        assert!(s.len() < 600, "{s}");
        let lines: Vec<&str> = s.lines().collect();
        let text = lines.iter().find(|l| l.starts_with("1 | ")).unwrap();
        let caret = lines.iter().find(|l| l.contains('^')).unwrap();
        // The caret sits under the X (… is wide: two cells).
        let x_cells: usize = text["1 | ".len()..]
            .chars()
            .take_while(|c| *c != 'X')
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum();
        assert_eq!(caret.find('^').unwrap() - "  | ".len(), x_cells, "{s}");
    }

    #[test]
    fn diagnostic_prints_location_caret_and_help() {
        let src = "meeting:\n  nme: x\n";
        let d = Diagnostic::new("spec.yaml", "unknown field `nme`")
            .at(src, 2, 3)
            .help("did you mean `name`?");
        let s = d.to_string();
        assert!(s.contains("--> spec.yaml:2:3"), "{s}");
        assert!(s.contains("2 |   nme: x"), "{s}");
        assert!(s.contains("  |   ^"), "{s}");
        assert!(s.contains("= help: did you mean `name`?"), "{s}");
    }

    /// A caller can tell a held lock and a bug of ours from bad usage: each says what to do.
    #[test]
    fn a_lock_and_a_bug_say_what_to_do() {
        let locked = Error::Locked {
            path: "phrasebank".into(),
            waited_secs: 60,
        }
        .to_string();
        assert!(locked.contains("`phrasebank` is being edited"), "{locked}");
        assert!(locked.contains("60 s; wait for it to end"), "{locked}");
        let bug = Error::Internal("a mining thread failed".into()).to_string();
        assert!(
            bug.starts_with("error: internal error: a mining thread failed"),
            "{bug}"
        );
        assert!(bug.contains("please report it"), "{bug}");
        assert_eq!(Error::Internal(String::new()).exit_code(), 2);
    }
}
