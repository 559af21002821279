//! With a corpus: runs of more than [`MAX_COPIED`] characters copied from it, found through the
//! stable hashes of every window of the corpus ([`CorpusIndex`]).

use super::Finding;
use crate::corpus::LineSource;
use crate::spec::ValidSpec;
use std::collections::HashSet;

/// Hashes of every window of `WINDOW` characters of a corpus, for finding copied runs.
pub struct CorpusIndex {
    windows: HashSet<u64>,
    text: Vec<char>,
}

/// A copied run longer than this is a finding.
pub const MAX_COPIED: usize = 30;

pub(super) const WINDOW: usize = MAX_COPIED + 1;

pub(super) fn hash_chars(cs: &[char]) -> u64 {
    let mut h = crate::hash::StableHasher::new();
    for c in cs {
        h.write_char(*c);
    }
    h.finish()
}

pub(super) fn squeeze(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

impl CorpusIndex {
    /// Index the texts of a corpus.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut windows = HashSet::new();
        let mut all = Vec::new();
        for t in texts {
            let cs = squeeze(t);
            for w in cs.windows(WINDOW) {
                windows.insert(hash_chars(w));
            }
            all.extend(cs);
            all.push('\n');
        }
        CorpusIndex { windows, text: all }
    }

    /// Index every *.txt in a directory.
    pub fn from_dir(dir: &std::path::Path) -> crate::Result<Self> {
        let mut texts = Vec::new();
        let rd = std::fs::read_dir(dir)
            .map_err(|e| crate::Error::io(dir, "read the corpus directory", e))?;
        let mut paths: Vec<_> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let bytes = crate::io::read_regular(&p).map_err(|e| crate::Error::io(&p, "read", e))?;
            texts.push(crate::io::decode_lenient(&bytes).0);
        }
        Ok(CorpusIndex::new(texts.iter().map(String::as_str)))
    }

    /// The longest run of `text` (white space ignored) found verbatim in the corpus, if longer than 30.
    pub fn longest_copied(&self, text: &str) -> Option<String> {
        let cs = squeeze(text);
        let mut best: Option<(usize, usize)> = None;
        let mut i = 0;
        while i + WINDOW <= cs.len() {
            if self.windows.contains(&hash_chars(&cs[i..i + WINDOW])) {
                // Extend while the longer window is still in the corpus text.
                let mut end = i + WINDOW;
                while end < cs.len() && self.contains_run(&cs[i..=end]) {
                    end += 1;
                }
                if best.is_none_or(|(a, b)| end - i > b - a) {
                    best = Some((i, end));
                }
                i = end;
            } else {
                i += 1;
            }
        }
        best.map(|(a, b)| cs[a..b].iter().collect())
    }

    fn contains_run(&self, run: &[char]) -> bool {
        self.text.windows(run.len()).any(|w| w == run)
    }
}

pub(super) fn check_copied(
    lines: &(impl LineSource + ?Sized),
    c: &CorpusIndex,
    spec: Option<&ValidSpec>,
    f: &mut Vec<Finding>,
) {
    let mut spec_texts: Vec<String> = Vec::new();
    if let Some(vs) = spec {
        crate::spec::for_each_text(&vs.spec, &mut |_, t| spec_texts.push(t.0.clone()));
    }
    for (i, l) in lines.iter().enumerate() {
        // Quoted slogans and the spec's own text do not count.
        let mut s = strip_quoted(l);
        for t in &spec_texts {
            if t.chars().count() >= 4 {
                s = s.replace(t.as_str(), "｜");
            }
        }
        for part in s.split('｜') {
            if let Some(run) = c.longest_copied(part) {
                f.push(Finding::error(
                    "copied",
                    i + 1,
                    format!(
                        "{} characters copied from the corpus: {run}",
                        run.chars().count()
                    ),
                ));
            }
        }
    }
}

pub(super) fn strip_quoted(l: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in l.chars() {
        match c {
            '“' => {
                depth += 1;
                out.push('｜');
            }
            '”' => depth = (depth - 1).max(0),
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}
