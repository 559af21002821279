//! `wengao draft SPEC` (being written).

use crate::cli::Globals;
use crate::{Error, Result};

/// Arguments of `wengao draft`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The spec file (`-` for standard input).
    pub spec: String,
}

/// Run the subcommand.
pub fn run(_args: &Args, _g: &Globals) -> Result<i32> {
    Err(Error::Usage("`draft` is not implemented yet".into()))
}
