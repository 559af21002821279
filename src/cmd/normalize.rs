//! `wengao normalize FILE|DIR [-o FILE|DIR] [--report]`: clean raw speech text.

use std::path::{Path, PathBuf};

use crate::cli::{Globals, info};
use crate::corpus::despin::Reference;
use crate::corpus::normalize::{Change, ChangeKind, Normalized, normalize_with};
use crate::{Error, Result};

/// Arguments of `wengao normalize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A speech text file (`-` for standard input) or a directory of `*.txt` files.
    pub input: String,
    /// Write the clean text here (a directory when the input is one); default standard output.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// Report every change (what, where, how many) on standard error.
    #[arg(long)]
    pub report: bool,
    /// Clean speeches whose word statistics decide de-spinning (default: the built-in table of the
    /// seed corpus, the same on every machine).
    #[arg(long, value_name = "DIR")]
    pub reference: Option<PathBuf>,
    /// Overwrite existing output files.
    #[arg(long)]
    pub force: bool,
}

pub use crate::io::{decode_speech as decode, decode_speech_owned as decode_owned};

/// Read, decode and normalise one file.
pub fn normalize_file(path: &str, reference: &Reference) -> Result<Normalized> {
    let bytes = crate::io::read_bytes(path)?;
    let (text, gbk) = decode(path, &bytes)?;
    let mut n = normalize_with(&text, reference);
    if gbk {
        n.changes.insert(
            0,
            Change {
                kind: ChangeKind::Encoding,
                line: 0,
                before: "GBK/GB18030".into(),
                after: "UTF-8".into(),
            },
        );
    }
    Ok(n)
}

/// The report of one file: counts per kind, then every change.
pub fn report(name: &str, n: &Normalized) -> String {
    use std::collections::BTreeMap;
    use std::fmt::Write;
    let mut s = String::new();
    let mut counts: BTreeMap<ChangeKind, usize> = BTreeMap::new();
    for c in &n.changes {
        *counts.entry(c.kind).or_default() += 1;
    }
    let summary: Vec<String> = counts
        .iter()
        .map(|(k, v)| format!("{} {v}", k.name()))
        .collect();
    let _ = writeln!(
        s,
        "{name}: {} change(s){}{}: {}",
        n.changes.iter().filter(|c| !c.kind.is_flag()).count(),
        if n.spun { ", spun text de-spun" } else { "" },
        if n.placeholders > 0 {
            format!(", {} placeholder(s)", n.placeholders)
        } else {
            String::new()
        },
        if summary.is_empty() {
            "clean".to_string()
        } else {
            summary.join(", ")
        }
    );
    for c in n
        .changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Placeholder)
    {
        let _ = writeln!(
            s,
            "  {name}:{}: {}: {} → {}",
            c.line,
            c.kind.name(),
            c.before,
            c.after
        );
    }
    s
}

/// Run the subcommand.
pub fn run(args: &Args, g: &Globals) -> Result<i32> {
    let reference = match &args.reference {
        Some(d) => Reference::from_dir(d).map_err(|e| Error::io(d, "read", e))?,
        None => Reference::shared().clone(),
    };
    let input = Path::new(&args.input);
    if args.input != "-" && input.is_dir() {
        let Some(out) = &args.output else {
            return Err(Error::Usage(
                "a directory input needs `-o DIR` for the clean files".into(),
            ));
        };
        let files = crate::corpus::txt_files(input).map_err(|e| Error::io(input, "read", e))?;
        // All or nothing: every file is read and normalised first (every bad one reported), and
        // only then written; a write that fails removes the files this run created.
        let mut done = Vec::new();
        let mut bad = Vec::new();
        for f in files {
            let shown = f.display().to_string();
            match normalize_file(&shown, &reference) {
                Ok(n) => done.push((f, shown, n)),
                Err(e) => bad.push((shown, e)),
            }
        }
        if !bad.is_empty() {
            let mut all = Vec::new();
            for (shown, e) in bad {
                match e {
                    Error::Input(d) => all.push(*d),
                    Error::Inputs(ds) => all.extend(ds),
                    other => {
                        let text = other.to_string();
                        let text = text.strip_prefix("error: ").unwrap_or(&text);
                        all.push(crate::Diagnostic::new(shown, text))
                    }
                }
            }
            let n = all.len();
            if let Some(d) = all.last_mut() {
                let done = format!(
                    "nothing was written: fix the {n} file(s) above (or move them out of the directory) and run again"
                );
                d.help = Some(match d.help.take() {
                    Some(h) => format!("{h}\n  = help: {done}"),
                    None => done,
                });
            }
            return Err(Error::Inputs(all));
        }
        std::fs::create_dir_all(out).map_err(|e| Error::io(out, "create", e))?;
        let set = crate::io::WriteSet::new();
        for (f, shown, n) in &done {
            let name = f.file_name().map(|s| s.to_owned()).unwrap_or_default();
            set.write(&out.join(name), n.text.as_bytes(), args.force)
                .map_err(|e| set.roll_back(e))?;
            if args.report {
                eprint!("{}", report(shown, n));
            } else if g.verbose {
                info(g, &format!("{shown}: {} change(s)", n.changes.len()));
            }
        }
        return Ok(0);
    }
    let n = normalize_file(&args.input, &reference)?;
    crate::io::emit(args.output.as_deref(), n.text.as_bytes(), args.force)?;
    if args.report {
        eprint!("{}", report(&args.input, &n));
    }
    Ok(0)
}
