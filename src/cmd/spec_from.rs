//! `wengao spec-from` (not yet implemented).

use crate::cli::Globals;
use crate::{Error, Result};

/// Arguments of `wengao spec-from`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input.
    pub input: Option<String>,
}

/// Run the subcommand.
pub fn run(_args: &Args, _g: &Globals) -> Result<i32> {
    Err(Error::Usage("`spec-from` is not implemented yet".into()))
}
