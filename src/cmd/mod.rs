//! One file per subcommand. Each defines its clap `Args` and a `run` returning the exit code.
//!
//! This module also decides where the phrasebank and the templates come from, for every
//! subcommand alike ([`crate::project`] has the order: flag, environment, `wengao.toml`, built in).

pub mod completions;
pub mod draft;
pub mod lint;
pub mod mine;
pub mod new;
pub mod normalize;
pub mod outline;
pub mod phrasebank;
pub mod preview;
pub mod spec_from;

use std::path::PathBuf;

use crate::cli::{Globals, verbose};
use crate::phrasebank::Phrasebank;
use crate::project::{Chosen, Source, Why};
use crate::{Error, Result};

/// The report formats of the commands that print a report (`lint`, `outline`): text for a
/// reader, JSON for a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

/// The phrasebank's and the templates' sources, and the cache a phrasebank folder goes through.
#[derive(Debug, Clone)]
pub struct Sources {
    pub phrasebank: Chosen,
    pub templates: Chosen,
}

impl Sources {
    /// The load cache for the phrasebank: the user's when it is a folder; none when built in
    /// (the embedded phrasebank reads and writes no cache).
    pub fn cache_dir(&self) -> Option<PathBuf> {
        match self.phrasebank.source {
            Source::Dir(_) => crate::phrasebank::default_cache_dir(),
            Source::Embedded => None,
        }
    }

    /// Load the phrasebank.
    pub fn phrasebank(&self) -> Result<Phrasebank> {
        Phrasebank::open(&self.phrasebank.source, self.cache_dir().as_deref())
    }

    /// The phrasebank folder, for the commands that read or edit its files; the built-in
    /// phrasebank has none, and the message says how to get one.
    pub fn phrasebank_dir(&self) -> Result<PathBuf> {
        match &self.phrasebank.source {
            Source::Dir(d) => Ok(d.clone()),
            Source::Embedded => Err(Error::Usage(
                "this command works on a phrasebank folder, and none is named: pass --phrasebank DIR, set WENGAO_PHRASEBANK, or name it in wengao.toml (`wengao phrasebank export DIR` writes out the built-in one)".into(),
            )),
        }
    }
}

/// Where the phrasebank and the templates come from: `--phrasebank`/`--templates`, else
/// `WENGAO_PHRASEBANK`/`WENGAO_TEMPLATES`, else the nearest `wengao.toml`, else built in. Says
/// which under `-v`.
pub fn sources(g: &Globals) -> Result<Sources> {
    let env = |var: &str| std::env::var_os(var).filter(|v| !v.is_empty());
    let (pb_env, tpl_env) = (env("WENGAO_PHRASEBANK"), env("WENGAO_TEMPLATES"));
    let project = if (g.phrasebank.is_none() && pb_env.is_none())
        || (g.templates.is_none() && tpl_env.is_none())
    {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        crate::project::find(&cwd)
            .map(|p| crate::project::read(&p))
            .transpose()?
    } else {
        None
    };
    let choose = |flag: &Option<PathBuf>,
                  env_value: Option<std::ffi::OsString>,
                  flag_name: &'static str,
                  var: &'static str,
                  in_project: Option<&PathBuf>| {
        if let Some(d) = flag {
            return Chosen {
                source: Source::Dir(d.clone()),
                why: Why::Flag(flag_name),
            };
        }
        if let Some(v) = env_value {
            return Chosen {
                source: Source::Dir(PathBuf::from(v)),
                why: Why::Env(var),
            };
        }
        match (in_project, &project) {
            (Some(d), Some(p)) => Chosen {
                source: Source::Dir(d.clone()),
                why: Why::ProjectFile(p.path.clone()),
            },
            _ => Chosen {
                source: Source::Embedded,
                why: Why::Default,
            },
        }
    };
    let s = Sources {
        phrasebank: choose(
            &g.phrasebank,
            pb_env,
            "--phrasebank",
            "WENGAO_PHRASEBANK",
            project.as_ref().and_then(|p| p.phrasebank.as_ref()),
        ),
        templates: choose(
            &g.templates,
            tpl_env,
            "--templates",
            "WENGAO_TEMPLATES",
            project.as_ref().and_then(|p| p.templates.as_ref()),
        ),
    };
    verbose(g, &s.phrasebank.describe("phrasebank"));
    verbose(g, &s.templates.describe("templates"));
    Ok(s)
}
