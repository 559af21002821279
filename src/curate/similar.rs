//! Alike texts: character bigrams, their Jaccard similarity, and near-duplicate pairs found by
//! prefix filtering (not all pairs).

use std::collections::{HashMap, HashSet};

use crate::corpus::is_han;
use crate::phrasebank::slots_of;

/// Character bigrams of a text without its slots and punctuation.
pub(super) fn bigrams(text: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = strip_slots(text).chars().filter(|c| is_han(*c)).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

pub(super) fn strip_slots(text: &str) -> String {
    let mut t = text.to_string();
    for s in slots_of(text) {
        t = t.replace(&format!("{{{s}}}"), "□");
    }
    t
}

/// The length of a near-duplicate run: two entries sharing this many characters in a row are near duplicates.
pub const NEAR_RUN: usize = 12;
/// Char-bigram Jaccard similarity at or above which two entries are near duplicates.
pub const NEAR_JACCARD: f64 = 0.8;

/// The Jaccard similarity of two texts' character bigrams.
pub fn similarity(a: &str, b: &str) -> f64 {
    jaccard(&bigrams(a), &bigrams(b))
}

pub(super) fn jaccard(x: &HashSet<(char, char)>, y: &HashSet<(char, char)>) -> f64 {
    let inter = x.intersection(y).count();
    let union = x.len() + y.len() - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// How many earlier entries one entry is compared with, at most, in [`near_pairs`].
const NEAR_CANDIDATES: usize = 2_000;

/// Pairs `(i, j, similarity)`, `i < j`, of bigram sets at least [`NEAR_JACCARD`] alike: for each
/// `j` not already `done` (reported by another rule) the first such `i`, so an entry is reported
/// once, however many it is alike with.
///
/// Not all pairs (10,000 similar entries took 16 s, 300,000 took 18 GB): prefix filtering.
/// Each set's bigrams are ordered rarest first; two sets alike at ≥ t share a bigram among the
/// first `|x| - ⌈t·|x|⌉ + 1` of each, so only entries sharing such a bigram are compared, and at
/// most [`NEAR_CANDIDATES`] of them per entry.
pub(super) fn near_pairs(
    grams: &[HashSet<(char, char)>],
    done: &HashSet<usize>,
) -> Vec<(usize, usize, f64)> {
    let mut df: HashMap<(char, char), usize> = HashMap::new();
    for g in grams {
        for b in g {
            *df.entry(*b).or_default() += 1;
        }
    }
    let mut index: HashMap<(char, char), Vec<usize>> = HashMap::new();
    let mut out = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    for (j, g) in grams.iter().enumerate() {
        let b = g.len();
        if b < 3 {
            continue;
        }
        let mut toks: Vec<(char, char)> = g.iter().copied().collect();
        toks.sort_by_key(|t| (df.get(t).copied().unwrap_or(0), *t));
        let need = (NEAR_JACCARD * b as f64 - 1e-9).ceil() as usize;
        let prefix = &toks[..(b + 1 - need.min(b)).min(b)];
        seen.clear();
        let mut checked = 0;
        let probe = if done.contains(&j) { &[][..] } else { prefix };
        'probe: for t in probe {
            for &i in index.get(t).map(Vec::as_slice).unwrap_or(&[]) {
                if !seen.insert(i) {
                    continue;
                }
                checked += 1;
                if checked > NEAR_CANDIDATES {
                    break 'probe;
                }
                let a = grams[i].len();
                if (a.min(b) as f64) < NEAR_JACCARD * a.max(b) as f64 {
                    continue;
                }
                let s = jaccard(&grams[i], g);
                if s >= NEAR_JACCARD {
                    out.push((i, j, s));
                    break 'probe;
                }
            }
        }
        for t in prefix {
            index.entry(*t).or_default().push(j);
        }
    }
    out
}
