//! `wengao phrasebank lint|stats|themes|search|add|retire|era|export`: a thin layer over
//! [`crate::curate`]. All but `themes` and `export` work on a phrasebank folder (`--phrasebank`,
//! `WENGAO_PHRASEBANK` or `wengao.toml`); `export` writes the built-in phrasebank and templates
//! out as files, for curators to start from.

use crate::cli::{Globals, info};
use crate::curate::{self, LintOptions, NewEntry, Query, Severity};
use crate::phrasebank::{Role, Status};
use crate::{Error, Result, io};

/// Arguments of `wengao phrasebank`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wengao phrasebank lint\n  wengao phrasebank stats\n  wengao phrasebank search 项目 --role measure --year 2024\n  wengao phrasebank add --role measure --theme 项目建设 --text '要坚持项目为王，以项目论英雄。'\n  wengao phrasebank retire xiangmu.measure.3\n  wengao phrasebank export ~/wengao-data"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Sub,
}

/// The subcommands of `wengao phrasebank`.
#[derive(Debug, clap::Subcommand)]
pub enum Sub {
    /// Check the phrasebank: schema, duplicates, themes, roles, years, slots, wording, depth (exit 1 on errors).
    Lint(LintArgs),
    /// Entries per theme and role, era coverage by year, candidates waiting for curation.
    Stats(StatsArgs),
    /// The known themes with a one-line description each (what a spec's `theme:` may say).
    Themes,
    /// Find entries: id, file:line, text.
    Search(SearchArgs),
    /// Add an entry to the file of its theme (or common.yaml); it gets the next id.
    Add(AddArgs),
    /// Mark an entry retired (it stays in the file, never drafted).
    Retire(RetireArgs),
    /// Entries whose years overreach the era of their terms (the era lexicon); `--write` narrows them in place (exit 1 when some are left).
    Era(EraArgs),
    /// Write the built-in phrasebank and templates into DIR (DIR/phrasebank, DIR/templates and a
    /// DIR/wengao.toml naming them), for curators to start from.
    Export(ExportArgs),
}

/// `phrasebank export`
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The folder to write into (created when missing).
    pub dir: std::path::PathBuf,
    /// Overwrite files that are already there.
    #[arg(long)]
    pub force: bool,
}

/// `phrasebank era`
#[derive(Debug, clap::Args)]
pub struct EraArgs {
    /// Set each fixable entry's `years:` to the years its terms allow (a text edit; comments stay).
    #[arg(long)]
    pub write: bool,
}

/// `--format` of lint and stats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutFormat {
    Text,
    Json,
}

/// `phrasebank lint`
#[derive(Debug, clap::Args)]
pub struct LintArgs {
    #[arg(long, value_enum, default_value_t = OutFormat::Text)]
    pub format: OutFormat,
    /// Show errors only.
    #[arg(long)]
    pub errors_only: bool,
}

/// `phrasebank stats`
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    #[arg(long, value_enum, default_value_t = OutFormat::Text)]
    pub format: OutFormat,
}

/// `phrasebank search`
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Text (or part of an id) to find; empty lists every entry that passes the filters.
    #[arg(default_value = "")]
    pub text: String,
    /// Only entries serving this theme.
    #[arg(long)]
    pub theme: Option<String>,
    /// Only entries of this role.
    #[arg(long)]
    pub role: Option<String>,
    /// Only entries valid in this year.
    #[arg(long)]
    pub year: Option<i32>,
    /// Include candidates and retired entries.
    #[arg(long)]
    pub all: bool,
}

/// `phrasebank add`
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The phrase (slots like {topic} are kept).
    #[arg(long)]
    pub text: String,
    /// Its role (measure, framing, opening …; see docs/phrasebank.md).
    #[arg(long)]
    pub role: String,
    /// The theme(s) it serves; the first picks the file. Repeat or separate with commas.
    #[arg(long = "theme", value_delimiter = ',')]
    pub themes: Vec<String>,
    /// The years it is valid: 2021-2025, 2026-, -2020, 2024.
    #[arg(long)]
    pub years: Option<String>,
    /// How often it is chosen relative to others (default 1).
    #[arg(long)]
    pub weight: Option<u32>,
    /// Meeting kinds it is for (default all). Repeat or separate with commas.
    #[arg(long = "kind", value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// The sub-topic(s) of the topic map it serves, or `general` (measures, framings, item leads
    /// and part intros need one). Repeat or separate with commas.
    #[arg(long = "topic", value_delimiter = ',')]
    pub topics: Vec<String>,
    /// Where it comes from (default `written`; or corpus file:line).
    #[arg(long)]
    pub source: Option<String>,
    /// Add it as a candidate waiting for curation (not drafted; not checked).
    #[arg(long)]
    pub candidate: bool,
}

/// `phrasebank retire`
#[derive(Debug, clap::Args)]
pub struct RetireArgs {
    /// The id of the entry.
    pub id: String,
}

/// Run the subcommand.
pub fn run(args: &Args, g: &Globals) -> Result<i32> {
    if let Sub::Export(a) = &args.command {
        return export(a, g);
    }
    let sources = crate::cmd::sources(g)?;
    if let Sub::Themes = &args.command {
        return themes(&sources);
    }
    let dir = sources.phrasebank_dir()?;
    match &args.command {
        Sub::Lint(a) => lint(a, &dir, g),
        Sub::Stats(a) => stats(a, &dir, g),
        Sub::Search(a) => search(a, &dir, g),
        Sub::Add(a) => add(a, &dir, g),
        Sub::Retire(a) => retire(a, &dir, g),
        Sub::Era(a) => era(a, &dir, g),
        Sub::Themes | Sub::Export(_) => unreachable!("handled above"),
    }
}

/// `phrasebank lint`
fn lint(a: &LintArgs, dir: &std::path::Path, g: &Globals) -> Result<i32> {
    let findings = curate::lint(dir, &LintOptions::default())?;
    let shown: Vec<&curate::Finding> = findings
        .iter()
        .filter(|f| !a.errors_only || f.severity == Severity::Error)
        .collect();
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    match a.format {
        OutFormat::Json => {
            let mut s =
                serde_json::to_string_pretty(&shown).map_err(|e| Error::Usage(e.to_string()))?;
            s.push('\n');
            io::write_stdout(s.as_bytes())?;
        }
        OutFormat::Text => {
            let mut s = String::new();
            for f in &shown {
                s.push_str(&f.to_string());
                s.push('\n');
            }
            io::write_stdout(s.as_bytes())?;
            info(
                g,
                &format!("{}: {errors} errors, {warnings} warnings", dir.display()),
            );
        }
    }
    Ok(i32::from(errors > 0))
}

/// `phrasebank stats`
fn stats(a: &StatsArgs, dir: &std::path::Path, g: &Globals) -> Result<i32> {
    let sc = curate::scan_dir(dir)?;
    let st = curate::stats(&sc.phrases, &sc.themes);
    let out = match a.format {
        OutFormat::Json => {
            serde_json::to_string_pretty(&st).map_err(|e| Error::Usage(e.to_string()))? + "\n"
        }
        OutFormat::Text => st.to_text(),
    };
    io::write_stdout(out.as_bytes())?;
    if !sc.findings.is_empty() {
        info(
            g,
            &format!(
                "note: {} entries could not be read; run `wengao phrasebank lint`",
                sc.findings.len()
            ),
        );
    }
    Ok(0)
}

/// `phrasebank search`
fn search(a: &SearchArgs, dir: &std::path::Path, g: &Globals) -> Result<i32> {
    let role = match &a.role {
        None => None,
        Some(r) => Some(parse_role(r)?),
    };
    let sc = curate::scan_dir(dir)?;
    let q = Query {
        text: a.text.clone(),
        theme: a.theme.clone(),
        role,
        year: a.year,
        all: a.all,
    };
    let hits = curate::search(&sc.phrases, &q);
    let mut s = String::new();
    for p in &hits {
        let status = match p.status {
            Status::Curated => "",
            Status::Candidate => " [candidate]",
            Status::Retired => " [retired]",
        };
        s.push_str(&format!(
            "{}\t{}:{}\t{}{status}\n",
            p.id,
            p.file.display(),
            p.line,
            p.text
        ));
    }
    io::write_stdout(s.as_bytes())?;
    info(g, &format!("{} entries", hits.len()));
    Ok(i32::from(hits.is_empty()))
}

/// `phrasebank add`
fn add(a: &AddArgs, dir: &std::path::Path, g: &Globals) -> Result<i32> {
    let new = NewEntry {
        text: a.text.clone(),
        role: Some(parse_role(&a.role)?),
        themes: a
            .themes
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        years: a.years.clone(),
        weight: a.weight,
        kinds: a.kinds.clone(),
        topics: a
            .topics
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        source: a.source.clone(),
        status: a.candidate.then_some(Status::Candidate),
    };
    let added = curate::add(dir, &new)?;
    for w in &added.warnings {
        info(g, &format!("warning: {w}"));
    }
    io::write_stdout(
        format!("{}\t{}:{}\n", added.id, added.file.display(), added.line).as_bytes(),
    )?;
    Ok(0)
}

/// `phrasebank retire`
fn retire(a: &RetireArgs, dir: &std::path::Path, g: &Globals) -> Result<i32> {
    let r = curate::retire(dir, &a.id)?;
    if r.changed {
        info(
            g,
            &format!("retired {} at {}:{}", r.id, r.file.display(), r.line),
        );
    } else {
        info(
            g,
            &format!(
                "{} was retired already ({}:{})",
                r.id,
                r.file.display(),
                r.line
            ),
        );
    }
    Ok(0)
}

/// `phrasebank era`
fn era(a: &EraArgs, dir: &std::path::Path, g: &Globals) -> Result<i32> {
    let fixes = curate::era_fixes(dir, a.write)?;
    let mut out = String::new();
    let mut left = 0;
    for f in &fixes {
        let what = match &f.need.fit {
            Some(y) if a.write => format!("years set to {y}"),
            Some(y) => format!("years: {y}"),
            None => {
                left += 1;
                "no years fit: reword it".to_string()
            }
        };
        out.push_str(&format!(
            "{}:{}: {}: {what} — {}\n",
            f.file.display(),
            f.line,
            f.id,
            f.need.terms.join("; ")
        ));
    }
    io::write_stdout(out.as_bytes())?;
    let fixable = fixes.len() - left;
    info(
        g,
        &format!(
            "{} entries overreach their era: {fixable} {}, {left} to reword",
            fixes.len(),
            if a.write {
                "narrowed"
            } else {
                "can be narrowed (--write)"
            }
        ),
    );
    Ok(i32::from(left > 0 || (!a.write && fixable > 0)))
}

/// `phrasebank themes`: the themes a spec may name, of the folder or the built-in phrasebank.
fn themes(sources: &crate::cmd::Sources) -> Result<i32> {
    let themes: Vec<(String, String)> = match &sources.phrasebank.source {
        crate::project::Source::Dir(dir) => curate::scan_dir(dir)?
            .themes
            .iter()
            .map(|t| (t.name.clone(), t.description.clone()))
            .collect(),
        crate::project::Source::Embedded => crate::phrasebank::Phrasebank::embedded()?
            .themes
            .iter()
            .map(|t| (t.name.clone(), t.description.clone()))
            .collect(),
    };
    let w = themes
        .iter()
        .map(|(name, _)| crate::text::width(name))
        .max()
        .unwrap_or(0);
    let mut s = String::new();
    for (name, description) in &themes {
        let pad = " ".repeat(w - crate::text::width(name));
        s.push_str(&format!("{name}{pad}  {description}\n"));
    }
    io::write_stdout(s.as_bytes())?;
    Ok(0)
}

/// `phrasebank export DIR`: every shipped file of `phrasebank/` and `templates/`, and a
/// `wengao.toml` naming the two folders. Nothing is written when a file is already there (without
/// `--force`); each file is written atomically, and a failed export removes what it created.
fn export(a: &ExportArgs, g: &Globals) -> Result<i32> {
    let toml = format!(
        "# wengao reads the phrasebank and templates named here when it runs in this folder or below\n# (docs/phrasebank.md, \"Where the phrasebank comes from\").\nphrasebank = \"{}\"\ntemplates = \"{}\"\n",
        crate::phrasebank::embedded::DIR,
        crate::render::EMBEDDED_DIR
    );
    let mut files: Vec<(std::path::PathBuf, &[u8])> = crate::shipped::files()
        .map(|(path, text)| (a.dir.join(path), text.as_bytes()))
        .collect();
    files.push((a.dir.join(crate::project::FILE_NAME), toml.as_bytes()));
    if !a.force
        && let Some((p, _)) = files
            .iter()
            .find(|(p, _)| std::fs::symlink_metadata(p).is_ok())
    {
        return Err(Error::OutputExists(p.clone()));
    }
    let set = io::WriteSet::new();
    for (path, bytes) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| set.roll_back(Error::io(parent, "create the directory", e)))?;
        }
        set.write(path, bytes, a.force)
            .map_err(|e| set.roll_back(e))?;
    }
    info(
        g,
        &format!(
            "wrote the built-in phrasebank and templates ({} files) and wengao.toml into {}",
            files.len() - 1,
            a.dir.display()
        ),
    );
    Ok(0)
}

fn parse_role(r: &str) -> Result<Role> {
    Role::parse(r).ok_or_else(|| {
        let names: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
        let hint = crate::error::did_you_mean(r, names.iter().copied())
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        Error::Usage(format!(
            "unknown role `{r}`: {hint}the roles are {}",
            names.join(", ")
        ))
    })
}
