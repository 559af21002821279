//! One file per subcommand. Each defines its clap `Args` and a `run` returning the exit code.

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

use crate::cli::Globals;

/// The phrasebank directory: `--phrasebank`, else ./phrasebank, else the one beside the sources.
pub fn phrasebank_dir(g: &Globals) -> PathBuf {
    resolve(g.phrasebank.as_ref(), "phrasebank")
}

/// The templates directory: `--templates`, else ./templates, else the one beside the sources.
pub fn templates_dir(g: &Globals) -> PathBuf {
    resolve(g.templates.as_ref(), "templates")
}

fn resolve(given: Option<&PathBuf>, name: &str) -> PathBuf {
    if let Some(p) = given {
        return p.clone();
    }
    let local = PathBuf::from(name);
    if local.is_dir() {
        return local;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name)
}
