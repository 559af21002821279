//! Alike entries: exact duplicates, entries sharing a run of [`NEAR_RUN`] characters, and
//! entries whose character bigrams are at least [`NEAR_JACCARD`] alike ([`duplicates`], for the
//! curated entries of one role).
//!
//! Linear in the entries, and small beside them (issue 16: `phrasebank lint` stays within 10×
//! its input): the runs are kept as 64-bit hashes of the windows, each pointing at the first
//! entry that has it, and a hit is checked against that entry's text (a window whose hash another
//! window took is kept by its text, so the answer is exact); the bigrams of all entries sit in
//! one sorted array; near-duplicate pairs are found by prefix filtering, not all pairs.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::lint::{Finding, Severity, at};
use crate::phrasebank::{Phrase, slots_of};
use crate::text::is_han;

/// The length of a near-duplicate run: two entries sharing this many characters in a row are near duplicates.
pub const NEAR_RUN: usize = 12;
/// Char-bigram Jaccard similarity at or above which two entries are near duplicates.
pub const NEAR_JACCARD: f64 = 0.8;
/// How many earlier entries one entry is compared with, at most, in [`near_pairs`].
const NEAR_CANDIDATES: usize = 2_000;

/// Character bigrams of a text without its slots and punctuation: sorted, each once.
pub(super) fn bigrams(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = strip_slots(text).chars().filter(|c| is_han(*c)).collect();
    let mut grams: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// The text with each slot as one `□`.
pub(super) fn strip_slots(text: &str) -> String {
    let mut t = text.to_string();
    for s in slots_of(text) {
        t = t.replace(&format!("{{{s}}}"), "□");
    }
    t
}

/// The Jaccard similarity of two texts' character bigrams.
pub fn similarity(a: &str, b: &str) -> f64 {
    jaccard(&bigrams(a), &bigrams(b))
}

/// The Jaccard similarity of two sorted sets of bigrams.
pub(super) fn jaccard(x: &[(char, char)], y: &[(char, char)]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = x.len() + y.len() - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// Duplicates (an error in one theme, a warning across themes), shared runs and alike bigrams
/// among `group` (the curated entries of one role, in file order): each entry reported once, at
/// the first earlier entry it is alike with.
pub(super) fn duplicates(group: &[&Phrase], out: &mut Vec<Finding>) {
    let mut reported: HashSet<(usize, usize)> = HashSet::new();
    exact(group, &mut reported, out);
    runs(group, &mut reported, out);
    let grams = Grams::of(group);
    let done: HashSet<usize> = reported.iter().map(|&(_, j)| j).collect();
    drop(reported);
    for (i, j, s) in near_pairs(&grams, &done) {
        let (p, q) = (group[j], group[i]);
        let msg = format!(
            "{}: {:.0}% alike with {} ({}:{})",
            p.id,
            s * 100.0,
            q.id,
            q.file.display(),
            q.line
        );
        out.push(at(p, Severity::Warning, "near-duplicate", msg));
    }
}

/// The same text twice.
fn exact(group: &[&Phrase], reported: &mut HashSet<(usize, usize)>, out: &mut Vec<Finding>) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (j, p) in group.iter().enumerate() {
        let Some(&i) = first.get(p.text.as_str()) else {
            first.insert(&p.text, j);
            continue;
        };
        let q = group[i];
        // Same role and theme: an error. Different themes: one entry with `themes: [A, B]` would do.
        let shared = (p.themes.is_empty() && q.themes.is_empty())
            || p.themes.iter().any(|t| q.themes.contains(t));
        let (sev, how) = if shared {
            (Severity::Error, "")
        } else {
            (
                Severity::Warning,
                " in another theme; list both themes on one entry",
            )
        };
        let msg = format!(
            "{}: same text as {} ({}:{}){how}",
            p.id,
            q.id,
            q.file.display(),
            q.line
        );
        out.push(at(p, sev, "duplicate", msg));
        reported.insert((i, j));
    }
}

/// A run of [`NEAR_RUN`] characters shared with an earlier entry.
fn runs(group: &[&Phrase], reported: &mut HashSet<(usize, usize)>, out: &mut Vec<Finding>) {
    let mut windows = Windows::default();
    for (j, p) in group.iter().enumerate() {
        let chars: Vec<char> = strip_slots(&p.text).chars().collect();
        let hit = chars
            .windows(NEAR_RUN)
            .find_map(|w| windows.first_with(w, group));
        if let Some(i) = hit
            && reported.insert((i, j))
        {
            let q = group[i];
            let msg = format!(
                "{}: shares {NEAR_RUN}+ characters in a row with {} ({}:{})",
                p.id,
                q.id,
                q.file.display(),
                q.line
            );
            out.push(at(p, Severity::Warning, "near-duplicate", msg));
        }
        for w in chars.windows(NEAR_RUN) {
            windows.insert(w, j, group);
        }
    }
}

/// Every window of [`NEAR_RUN`] characters seen, with the first entry that has it: by hash, and
/// by text for the rare window whose hash an other window took first.
#[derive(Default)]
struct Windows {
    first: HashMap<u64, u32>,
    spill: HashMap<String, u32>,
}

impl Windows {
    fn hash(w: &[char]) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        w.hash(&mut h);
        h.finish()
    }

    /// Whether entry `i` of the group has the window.
    fn has(group: &[&Phrase], i: usize, w: &[char]) -> bool {
        let w: String = w.iter().collect();
        strip_slots(&group[i].text).contains(&w)
    }

    /// The first entry seen that has the window.
    fn first_with(&self, w: &[char], group: &[&Phrase]) -> Option<usize> {
        if let Some(&i) = self.first.get(&Self::hash(w))
            && Self::has(group, i as usize, w)
        {
            return Some(i as usize);
        }
        if self.spill.is_empty() {
            return None;
        }
        let w: String = w.iter().collect();
        self.spill.get(&w).map(|&i| i as usize)
    }

    /// Entry `j` has the window (kept only when it is the first).
    fn insert(&mut self, w: &[char], j: usize, group: &[&Phrase]) {
        match self.first.entry(Self::hash(w)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(j as u32);
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                let i = *o.get() as usize;
                if i != j && !Self::has(group, i, w) {
                    self.spill.entry(w.iter().collect()).or_insert(j as u32);
                }
            }
        }
    }
}

/// The bigrams of every entry of a group, in one array.
struct Grams {
    flat: Vec<(char, char)>,
    at: Vec<usize>,
}

impl Grams {
    fn of(group: &[&Phrase]) -> Grams {
        let mut g = Grams {
            flat: Vec::new(),
            at: vec![0],
        };
        for p in group {
            g.flat.extend(bigrams(&p.text));
            g.at.push(g.flat.len());
        }
        g.flat.shrink_to_fit();
        g
    }

    fn len(&self) -> usize {
        self.at.len() - 1
    }

    fn get(&self, i: usize) -> &[(char, char)] {
        &self.flat[self.at[i]..self.at[i + 1]]
    }
}

/// Pairs `(i, j, similarity)`, `i < j`, of bigram sets at least [`NEAR_JACCARD`] alike: for each
/// `j` not already `done` (reported by another rule) the first such `i`, so an entry is reported
/// once, however many it is alike with.
///
/// Not all pairs (10,000 similar entries took 16 s, 300,000 took 18 GB): prefix filtering.
/// Each set's bigrams are ordered rarest first; two sets alike at ≥ t share a bigram among the
/// first `|x| - ⌈t·|x|⌉ + 1` of each, so only entries sharing such a bigram are compared, and at
/// most [`NEAR_CANDIDATES`] of them per entry.
fn near_pairs(grams: &Grams, done: &HashSet<usize>) -> Vec<(usize, usize, f64)> {
    let mut df: HashMap<(char, char), usize> = HashMap::new();
    for b in &grams.flat {
        *df.entry(*b).or_default() += 1;
    }
    let mut index: HashMap<(char, char), Vec<u32>> = HashMap::new();
    let mut out = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    for j in 0..grams.len() {
        let g = grams.get(j);
        let b = g.len();
        if b < 3 {
            continue;
        }
        let mut toks: Vec<(char, char)> = g.to_vec();
        toks.sort_by_key(|t| (df.get(t).copied().unwrap_or(0), *t));
        let need = (NEAR_JACCARD * b as f64 - 1e-9).ceil() as usize;
        let prefix = &toks[..(b + 1 - need.min(b)).min(b)];
        seen.clear();
        let mut checked = 0;
        let probe = if done.contains(&j) { &[][..] } else { prefix };
        'probe: for t in probe {
            for &i in index.get(t).map(Vec::as_slice).unwrap_or(&[]) {
                let i = i as usize;
                if !seen.insert(i) {
                    continue;
                }
                checked += 1;
                if checked > NEAR_CANDIDATES {
                    break 'probe;
                }
                let a = grams.get(i).len();
                if (a.min(b) as f64) < NEAR_JACCARD * a.max(b) as f64 {
                    continue;
                }
                let s = jaccard(grams.get(i), g);
                if s >= NEAR_JACCARD {
                    out.push((i, j, s));
                    break 'probe;
                }
            }
        }
        for t in prefix {
            index.entry(*t).or_default().push(j as u32);
        }
    }
    out
}
