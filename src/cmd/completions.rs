//! `wengao completions SHELL` (clap_complete) and `wengao man` (clap_mangen).
//!
//! Both are generated from the same clap definition as the parser, so they never drift from it.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, Globals};
use crate::{Error, Result, io};

/// Arguments of `wengao completions`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wengao completions bash > ~/.local/share/bash-completion/completions/wengao\n  wengao completions zsh > ~/.zfunc/_wengao\n  wengao completions fish > ~/.config/fish/completions/wengao.fish\n  wengao completions powershell >> $PROFILE"
)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Arguments of `wengao man`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wengao man > wengao.1 && man ./wengao.1\n  wengao man | gzip > /usr/local/share/man/man1/wengao.1.gz"
)]
pub struct ManArgs {}

/// Print completions for a shell to standard output.
pub fn run(args: &Args, _g: &Globals) -> Result<i32> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "wengao", &mut buf);
    io::write_stdout(&buf)?;
    Ok(0)
}

/// Print the man page (roff) to standard output.
pub fn run_man(_args: &ManArgs, _g: &Globals) -> Result<i32> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut buf)
        .map_err(|e| Error::io("-", "render the man page", e))?;
    io::write_stdout(&buf)?;
    Ok(0)
}
