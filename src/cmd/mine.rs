//! `wengao mine CORPUS_DIR --out DIR [--merge PHRASEBANK_DIR]`: mine patterns and phrases.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::cli::{Globals, info};
use crate::mine::{Miner, merge};
use crate::{Error, Result};

/// Arguments of `wengao mine`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A directory of speeches (`*.txt`, UTF-8 or GBK).
    pub corpus: PathBuf,
    /// Where to write candidates.yaml, patterns.yaml, patterns/*.tera and kinds.yaml.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Append new candidates to PHRASEBANK_DIR/candidates/mined.yaml (idempotent).
    #[arg(long, value_name = "PHRASEBANK_DIR")]
    pub merge: Option<PathBuf>,
    /// Overwrite existing output files.
    #[arg(long)]
    pub force: bool,
}

/// Run the subcommand.
pub fn run(args: &Args, g: &Globals) -> Result<i32> {
    if !args.corpus.is_dir() {
        return Err(Error::Usage(format!(
            "`{}` is not a directory of speeches",
            args.corpus.display()
        )));
    }
    let files =
        crate::corpus::txt_files(&args.corpus).map_err(|e| Error::io(&args.corpus, "read", e))?;
    if files.is_empty() {
        return Err(Error::Usage(format!(
            "no *.txt files in `{}`",
            args.corpus.display()
        )));
    }
    let bar = if std::io::stderr().is_terminal() && !g.quiet {
        indicatif::ProgressBar::new(files.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut miner = Miner::new();
    for f in &files {
        let shown = f.display().to_string();
        let bytes = crate::io::read_bytes(&shown)?;
        let (text, _) = super::normalize::decode(&shown, &bytes)?;
        miner.add_document(&crate::corpus::source_name(f), &text);
        bar.inc(1);
    }
    bar.finish_and_clear();
    let written = miner.write(&args.out, args.force)?;
    info(
        g,
        &format!(
            "mined {} document(s): {} candidate(s), {} heading famil(ies); wrote {} file(s) under {}",
            miner.documents,
            miner.candidates().len(),
            miner.families.len(),
            written.len(),
            args.out.display()
        ),
    );
    if let Some(dir) = &args.merge {
        let n = merge(&miner.raw_entries(), dir)?;
        info(
            g,
            &format!(
                "merged {n} new candidate(s) into {}",
                dir.join("candidates/mined.yaml").display()
            ),
        );
    }
    Ok(0)
}
