//! `wengao completions SHELL` and `wengao man` (not yet implemented).

use crate::cli::Globals;
use crate::{Error, Result};

/// Arguments of `wengao completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell.
    pub shell: String,
}

/// Arguments of `wengao man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {}

/// Print completions.
pub fn run(_args: &Args, _g: &Globals) -> Result<i32> {
    Err(Error::Usage("`completions` is not implemented yet".into()))
}

/// Print the man page.
pub fn run_man(_args: &ManArgs, _g: &Globals) -> Result<i32> {
    Err(Error::Usage("`man` is not implemented yet".into()))
}
