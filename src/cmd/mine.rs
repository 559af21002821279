//! `wengao mine CORPUS_DIR --out DIR [--merge PHRASEBANK_DIR]`: mine patterns and phrases.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::cli::{Globals, info, verbose};
use crate::mine::{merge, mine_files};
use crate::{Error, Result};

/// Arguments of `wengao mine`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wengao mine ../shared/corpus --out mined/\n  wengao mine ../shared/corpus --out mined/ --merge phrasebank --force"
)]
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
    /// Threads to mine on (default: the number of cores). The result is the same for any number.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
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
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    if jobs == 0 {
        return Err(Error::Usage(
            "--jobs takes 1 or more; leave it out to use every core".into(),
        ));
    }
    let started = std::time::Instant::now();
    let mut miner = mine_files(&files, jobs, &|| bar.inc(1))?;
    // Candidates are tagged with their best sub-topic from the phrasebank's topic map (the one
    // merged into, else the default one), read leniently: mining never fails for want of it.
    let source = match &args.merge {
        Some(dir) => Ok(crate::project::Source::Dir(dir.clone())),
        None => super::sources(g).map(|s| s.phrasebank.source),
    };
    let themes = match &source {
        Ok(crate::project::Source::Dir(dir)) => crate::curate::scan_dir(dir).map(|sc| sc.themes),
        Ok(crate::project::Source::Embedded) => {
            crate::phrasebank::Phrasebank::embedded().map(|pb| pb.themes)
        }
        Err(e) => Err(Error::Usage(e.to_string())),
    };
    match themes {
        Ok(themes) => {
            miner.topics = Some(crate::topic::TopicMap::new(
                themes
                    .iter()
                    .flat_map(|t| t.topics.iter().cloned())
                    .collect(),
            ));
        }
        Err(_) => verbose(
            g,
            &format!(
                "no phrasebank at {}: candidates are not tagged with sub-topics",
                source
                    .as_ref()
                    .map_or_else(|e| e.to_string(), |s| s.to_string())
            ),
        ),
    }
    bar.finish_and_clear();
    let mined = started.elapsed();
    let written = miner.write(&args.out, args.force)?;
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    verbose(
        g,
        &format!(
            "read and mined {:.1} MB in {:.2} s on {jobs} thread(s) ({:.1} MB/s); wrote the results in {:.2} s",
            bytes as f64 / 1e6,
            mined.as_secs_f64(),
            bytes as f64 / 1e6 / mined.as_secs_f64().max(1e-9),
            (started.elapsed() - mined).as_secs_f64()
        ),
    );
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
