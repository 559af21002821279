//! Mining files on several threads, with one jieba dictionary loaded alongside.

use ::jieba_rs::Jieba;

use super::Miner;
use crate::corpus::normalize::normalize;
use crate::corpus::outline::parse;
use crate::error::{Error, Result};
use crate::model::Speech;

/// Mine files on `jobs` threads. The files are split into consecutive runs of about equal size,
/// one per thread; each thread reads its files one at a time into its own [`Miner`] (documents are
/// streamed, never held), and the miners are joined in file order with [`Miner::absorb`], so the
/// result does not depend on `jobs`. `done` is called after each document (for a progress bar).
/// On a bad file, the error of the first bad file (in file order) is returned.
pub fn mine_files(
    files: &[std::path::PathBuf],
    jobs: usize,
    done: &(dyn Fn() + Sync),
) -> Result<Miner> {
    let jobs = jobs.clamp(1, files.len().max(1));
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect();
    let total: u64 = sizes.iter().sum();
    // Cut points: the first file at which the bytes before reach k/jobs of the total.
    let mut runs = Vec::with_capacity(jobs);
    let (mut start, mut acc) = (0usize, 0u64);
    for (i, sz) in sizes.iter().enumerate() {
        let k = runs.len() as u64 + 1;
        if runs.len() + 1 < jobs && acc * jobs as u64 >= total * k && i > start {
            runs.push(start..i);
            start = i;
        }
        acc += sz;
    }
    runs.push(start..files.len());
    // The jieba dictionary (100 ms) loads on its own thread while the first documents are read,
    // normalised and parsed; they wait (in order, a few at most) until it is there.
    let jieba: SharedJieba = Default::default();
    let work = |run: std::ops::Range<usize>| -> Result<Miner> {
        let mut miner = Miner::with_shared_jieba(jieba.clone());
        let mut waiting: Vec<(String, Speech, String)> = Vec::new();
        for f in &files[run] {
            let shown = f.display().to_string();
            let bytes = crate::io::read_bytes(&shown)?;
            let (text, _) = crate::text::decode::decode_owned(&shown, bytes)?;
            // Only the clean text is kept (not the list of changes), and the raw text is freed.
            let clean = normalize(&text).text;
            drop(text);
            let sp = parse(&clean);
            let name = crate::corpus::source_name(f);
            if jieba.get().is_none() && waiting.len() < MAX_WAITING {
                waiting.push((name, sp, clean));
            } else {
                for (name, sp, text) in waiting.drain(..) {
                    miner.add_speech(&name, &sp, &text);
                }
                miner.add_speech(&name, &sp, &clean);
            }
            done();
        }
        for (name, sp, text) in waiting.drain(..) {
            miner.add_speech(&name, &sp, &text);
        }
        Ok(miner)
    };
    let results: Vec<Result<Miner>> = std::thread::scope(|scope| {
        scope.spawn(|| {
            jieba.get_or_init(|| std::sync::Arc::new(Jieba::new()));
        });
        let mut runs = runs.into_iter();
        let first = runs.next().unwrap_or(0..0);
        let handles: Vec<_> = runs.map(|run| scope.spawn(move || work(run))).collect();
        // The first run on this thread.
        std::iter::once(work(first))
            .chain(handles.into_iter().map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::Internal("a mining thread failed".into())))
            }))
            .collect()
    });
    let mut merged: Option<Miner> = None;
    for r in results {
        let m = r?;
        match &mut merged {
            None => merged = Some(m),
            Some(all) => all.absorb(m),
        }
    }
    Ok(merged.unwrap_or_default())
}

/// Parsed documents a mining thread keeps while the jieba dictionary is still loading.
const MAX_WAITING: usize = 64;

/// A jieba dictionary shared by mining threads, loaded by whichever thread asks first (the others
/// wait for it).
pub(super) type SharedJieba = std::sync::Arc<std::sync::OnceLock<std::sync::Arc<Jieba>>>;
