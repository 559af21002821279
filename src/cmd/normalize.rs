//! `wengao normalize` (not yet implemented).

use crate::cli::Globals;
use crate::{Error, Result};

/// Arguments of `wengao normalize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input.
    pub input: Option<String>,
}

/// Run the subcommand.
pub fn run(_args: &Args, _g: &Globals) -> Result<i32> {
    Err(Error::Usage("`normalize` is not implemented yet".into()))
}
