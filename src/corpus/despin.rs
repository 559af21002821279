//! Undoing 伪原创 "spinning" from evidence.
//!
//! Spinning tools replace words by near-synonyms (发展→开展, 基础→根底, 服务→效劳 …; the pairs
//! restored here are [`crate::lexicon::spun::RESTORED`]). Some of the replacements are also
//! genuine words (开展精准招商), so a blind find-and-replace is wrong. A [`Reference`] holds, for
//! each pair, how often each form occurs in clean speeches and which characters precede and
//! follow it. Each occurrence of a spun form in a spun document is then decided on its own
//! context: it is restored only when the context argues for the original word (a naive-Bayes
//! log-likelihood ratio over the neighbouring characters), or when the spun form is practically
//! never used in clean speeches (根底, 效劳, 兴旺 …).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon::spun::RESTORED;
use crate::text::{is_cjk_punct, is_han};

/// Quoted formulas whose closing quote position is clear (besides those learnt from the corpus).
pub const QUOTE_TERMS: &[&str] = &[
    "十三五",
    "十四五",
    "十五五",
    "两会",
    "三农",
    "放管服",
    "六稳",
    "六保",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "一带一路",
    "双循环",
    "急难愁盼",
    "两点论",
    "重点论",
    "链主",
    "两办",
    "一把手",
    "国之大者",
    "最后一公里",
    "三创四建",
    "三项行动",
];

const ALPHA: f64 = 0.5;
const VOCAB: f64 = 30.0;
/// A spun occurrence is restored when the evidence for the original exceeds this (natural log).
const THRESHOLD: f64 = 0.3;

/// Context statistics of the substitution pairs, and known quoted terms, from clean speeches.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    /// Per pair: [spun-form count, original count].
    totals: Vec<[u32; 2]>,
    /// (pair, 0 spun / 1 original, feature kind, context) → count.
    ctx: HashMap<(usize, usize, u8, String), u32>,
    /// Terms seen inside balanced “” in clean speeches (2–10 characters).
    pub quote_terms: HashSet<String>,
    /// How many clean documents it was built from (0: the built-in table).
    pub documents: usize,
}

fn class(c: Option<char>) -> char {
    match c {
        None => '^',
        Some(c) if is_cjk_punct(c) && c != '“' && c != '”' => 'P',
        Some(c) if c.is_ascii_punctuation() => 'P',
        Some(c) if c.is_ascii_digit() => '0',
        Some(c) => c,
    }
}

/// The four context features of a word at char range [s, e) of `chars`.
fn features(chars: &[char], s: usize, e: usize) -> [(u8, String); 4] {
    let at = |i: isize| -> Option<char> {
        if i < 0 {
            None
        } else {
            chars.get(i as usize).copied()
        }
    };
    let s = s as isize;
    let e = e as isize;
    let l1 = class(at(s - 1));
    let l2 = class(at(s - 2));
    let r1 = class(at(e));
    let r2 = class(at(e + 1));
    [
        (0, l1.to_string()),
        (1, format!("{l2}{l1}")),
        (2, r1.to_string()),
        (3, format!("{r1}{r2}")),
    ]
}

/// Char offsets of every occurrence of `word` in `chars`.
fn find_all(chars: &[char], word: &str) -> Vec<usize> {
    let w: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    if w.is_empty() || chars.len() < w.len() {
        return out;
    }
    for (i, win) in chars.windows(w.len()).enumerate() {
        if win[0] == w[0] && win == &w[..] {
            out.push(i);
        }
    }
    out
}

/// [`RESTORED`] as characters: per pair, the (first, second) characters of the spun form and of the
/// original (checked against RESTORED by a test).
const PAIR_CHARS: [[(char, char); 2]; 11] = [
    [('开', '展'), ('发', '展')],
    [('根', '底'), ('基', '础')],
    [('效', '劳'), ('服', '务')],
    [('稳', '固'), ('巩', '固')],
    [('比', '拟'), ('比', '较')],
    [('到', '达'), ('达', '到')],
    [('筹', '划'), ('策', '划')],
    [('兴', '旺'), ('发', '达')],
    [('缺', '乏'), ('不', '足')],
    [('进', '展'), ('发', '展')],
    [('缘', '由'), ('原', '因')],
];

/// The second characters of the words of [`RESTORED`], as a bitmap over the Basic Multilingual
/// Plane.
static PAIR_ENDS: [u64; 1024] = {
    let mut t = [0u64; 1024];
    let mut k = 0;
    while k < PAIR_CHARS.len() {
        let mut w = 0;
        while w < 2 {
            let c = PAIR_CHARS[k][w].1 as usize;
            t[c >> 6] |= 1 << (c & 63);
            w += 1;
        }
        k += 1;
    }
    t
};

/// True for the second character of a word of [`RESTORED`] (a cheap filter before the pair test).
fn ends_a_pair_word(c: char) -> bool {
    let c = c as usize;
    c < 0x10000 && (PAIR_ENDS[c >> 6] >> (c & 63)) & 1 == 1
}

/// Add the counts of (spun, original) of one text to `out`.
fn add_pair_counts(text: &str, out: &mut [[usize; 2]]) {
    // One pass over the text instead of a search per word: every word of RESTORED is two distinct
    // characters, so its occurrences cannot overlap and counting adjacent pairs counts them.
    let mut prev = '\0';
    for c in text.chars() {
        if ends_a_pair_word(c) {
            for (k, [s, o]) in PAIR_CHARS.iter().enumerate() {
                if *s == (prev, c) {
                    out[k][0] += 1;
                } else if *o == (prev, c) {
                    out[k][1] += 1;
                }
            }
        }
        prev = c;
    }
}

/// Counts of (spun, original) for each pair in a text.
pub fn pair_counts(text: &str) -> Vec<[usize; 2]> {
    let mut out = vec![[0usize; 2]; RESTORED.len()];
    add_pair_counts(text, &mut out);
    out
}

/// True when a text looks spun: 开展 crowds out 发展 (the commonest word of the genre), or several
/// substitutions dominate their originals.
pub fn looks_spun(text: &str) -> bool {
    spun_verdict(&pair_counts(text))
}

/// [`looks_spun`] of the lines joined by `\n`, without joining them (no word spans a line break).
pub fn looks_spun_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> bool {
    let mut c = vec![[0usize; 2]; RESTORED.len()];
    for l in lines {
        add_pair_counts(l, &mut c);
    }
    spun_verdict(&c)
}

/// True when a line holds a spun form of [`RESTORED`] (what [`Reference::despin_line`] may
/// change).
pub fn has_spun_word(line: &str) -> bool {
    RESTORED.iter().any(|(s, _)| line.contains(s))
}

fn spun_verdict(c: &[[usize; 2]]) -> bool {
    let dominated = c.iter().filter(|[s, o]| *s >= 2 && *s > 2 * *o).count();
    (c[0][0] >= 5 && c[0][0] > c[0][1]) || dominated >= 3
}

impl Reference {
    /// Build from clean texts; spun texts are skipped.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Reference {
        let mut r = Reference {
            totals: vec![[0, 0]; RESTORED.len()],
            ..Default::default()
        };
        for t in texts {
            let t = super::normalize::fix_width_text(t);
            if looks_spun(&t) {
                continue;
            }
            r.add_text(&t);
        }
        r
    }

    fn add_text(&mut self, text: &str) {
        self.documents += 1;
        let chars: Vec<char> = text.chars().collect();
        for (pi, (s, o)) in RESTORED.iter().enumerate() {
            for (which, w) in [(0usize, *s), (1usize, *o)] {
                let n = w.chars().count();
                for i in find_all(&chars, w) {
                    self.totals[pi][which] += 1;
                    for (k, f) in features(&chars, i, i + n) {
                        *self.ctx.entry((pi, which, k, f)).or_default() += 1;
                    }
                }
            }
        }
        // Quoted terms.
        let mut open: Option<usize> = None;
        for (i, &c) in chars.iter().enumerate() {
            match c {
                '“' => open = Some(i),
                '”' => {
                    if let Some(p) = open.take() {
                        let term: String = chars[p + 1..i].iter().collect();
                        let n = term.chars().count();
                        if (2..=10).contains(&n)
                            && term.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric())
                        {
                            self.quote_terms.insert(term);
                        }
                    }
                }
                '\n' => open = None,
                _ => {}
            }
        }
    }

    /// The built-in table: the statistics of the clean seed speeches, stored in
    /// `despin_reference.tsv` (written by [`Reference::to_table`]; a test in `tests/corpus.rs`
    /// checks that it is what the corpus gives). It is the reference of every machine, with or
    /// without the corpus at hand, so the same input always gives the same output.
    pub fn builtin() -> Reference {
        Reference::from_table(include_str!("despin_reference.tsv"))
    }

    /// The reference used by [`super::normalize::normalize`]: the built-in table (never the
    /// corpus directory, whose presence would change the output from machine to machine; pass
    /// `normalize --reference DIR` for other statistics).
    pub fn shared() -> &'static Reference {
        static R: OnceLock<Reference> = OnceLock::new();
        R.get_or_init(Reference::builtin)
    }

    /// The statistics as text: `T spun original n_spun n_original`, `C spun which kind context
    /// count` (which: 0 the spun form, 1 the original; the context escaped), `Q term`; sorted.
    pub fn to_table(&self) -> String {
        let esc = |s: &str| {
            s.replace('\\', "\\\\")
                .replace('\n', "\\n")
                .replace('\t', "\\t")
                .replace('\r', "\\r")
        };
        let mut out = format!(
            "# wengao de-spinning reference: {} clean speech(es); regenerate with Reference::to_table\n",
            self.documents
        );
        for (pi, (s, o)) in RESTORED.iter().enumerate() {
            let [a, b] = self.totals.get(pi).copied().unwrap_or([0, 0]);
            out.push_str(&format!("T\t{s}\t{o}\t{a}\t{b}\n"));
        }
        let mut ctx: Vec<_> = self.ctx.iter().collect();
        ctx.sort();
        for ((pi, which, kind, f), n) in ctx {
            out.push_str(&format!(
                "C\t{}\t{which}\t{kind}\t{}\t{n}\n",
                RESTORED[*pi].0,
                esc(f)
            ));
        }
        let mut terms: Vec<_> = self.quote_terms.iter().collect();
        terms.sort();
        for t in terms {
            out.push_str(&format!("Q\t{}\n", esc(t)));
        }
        out
    }

    /// Read [`Reference::to_table`]'s text (lines it does not know are skipped).
    pub fn from_table(table: &str) -> Reference {
        let unesc = |s: &str| {
            let mut out = String::new();
            let mut it = s.chars();
            while let Some(c) = it.next() {
                if c == '\\' {
                    match it.next() {
                        Some('n') => out.push('\n'),
                        Some('t') => out.push('\t'),
                        Some('r') => out.push('\r'),
                        Some(d) => out.push(d),
                        None => {}
                    }
                } else {
                    out.push(c);
                }
            }
            out
        };
        let pair = |w: &str| RESTORED.iter().position(|(s, _)| *s == w);
        let mut r = Reference {
            totals: vec![[0, 0]; RESTORED.len()],
            ..Default::default()
        };
        for line in table.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["#", ..] => {}
                ["T", s, _, a, b] => {
                    if let (Some(pi), Ok(a), Ok(b)) = (pair(s), a.parse(), b.parse()) {
                        r.totals[pi] = [a, b];
                    }
                }
                ["C", s, which, kind, ctx, n] => {
                    if let (Some(pi), Ok(w), Ok(k), Ok(n)) =
                        (pair(s), which.parse(), kind.parse(), n.parse())
                    {
                        r.ctx.insert((pi, w, k, unesc(ctx)), n);
                    }
                }
                ["Q", t] => {
                    r.quote_terms.insert(unesc(t));
                }
                _ => {}
            }
        }
        if let Some(n) = table
            .lines()
            .next()
            .and_then(|l| l.split(": ").nth(1))
            .and_then(|l| l.split(' ').next())
            .and_then(|n| n.parse().ok())
        {
            r.documents = n;
        }
        r.quote_terms
            .extend(QUOTE_TERMS.iter().map(|s| s.to_string()));
        r
    }

    /// Build from the `*.txt` files of a directory (UTF-8 or GBK).
    pub fn from_dir(dir: &std::path::Path) -> std::io::Result<Reference> {
        let mut texts = Vec::new();
        for f in super::txt_files(dir)? {
            let bytes = crate::io::read_regular(&f)?;
            texts.push(crate::io::decode_lenient(&bytes).0);
        }
        let mut r = Reference::from_texts(texts.iter().map(String::as_str));
        r.quote_terms
            .extend(QUOTE_TERMS.iter().map(|s| s.to_string()));
        Ok(r)
    }

    fn count(&self, pair: usize, which: usize, kind: u8, f: &str) -> u32 {
        self.ctx
            .get(&(pair, which, kind, f.to_string()))
            .copied()
            .unwrap_or(0)
    }

    /// Evidence (natural log odds) that the spun form at [s, e) of `chars` stands for the original.
    pub fn evidence(&self, pair: usize, chars: &[char], s: usize, e: usize) -> f64 {
        let [cs, co] = self.totals.get(pair).copied().unwrap_or([0, 0]);
        let (cs, co) = (cs as f64, co as f64);
        // The spun form is practically unused in clean speeches: the prior alone decides.
        let prior = if cs * 20.0 < co {
            ((co + 1.0) / (cs + 1.0)).ln()
        } else {
            0.0
        };
        let mut llr = 0.0;
        for (k, f) in features(chars, s, e) {
            let ns = self.count(pair, 0, k, &f) as f64;
            let no = self.count(pair, 1, k, &f) as f64;
            if ns + no == 0.0 {
                continue;
            }
            let po = (no + ALPHA) / (co + VOCAB * ALPHA);
            let ps = (ns + ALPHA) / (cs + VOCAB * ALPHA);
            llr += (po / ps).ln();
        }
        prior + llr
    }

    /// Restore the spun forms of one line; returns the new line and (before, after, context) per change.
    pub fn despin_line(&self, line: &str) -> (String, Vec<(String, String)>) {
        let mut chars: Vec<char> = line.chars().collect();
        let mut changes = Vec::new();
        // Decide every occurrence on the original context first, then apply.
        let mut edits: Vec<(usize, usize, usize)> = Vec::new(); // (start, len, pair)
        for (pi, (s, _)) in RESTORED.iter().enumerate() {
            let n = s.chars().count();
            for i in find_all(&chars, s) {
                if edits.iter().any(|(a, l, _)| i < a + l && *a < i + n) {
                    continue;
                }
                if self.evidence(pi, &chars, i, i + n) > THRESHOLD {
                    edits.push((i, n, pi));
                }
            }
        }
        edits.sort_by_key(|e| std::cmp::Reverse(e.0));
        for (i, n, pi) in edits {
            let ctx_before: String = chars[i.saturating_sub(3)..(i + n + 3).min(chars.len())]
                .iter()
                .collect();
            let orig: Vec<char> = RESTORED[pi].1.chars().collect();
            chars.splice(i..i + n, orig);
            let ctx_after: String = chars
                [i.saturating_sub(3)..(i + RESTORED[pi].1.chars().count() + 3).min(chars.len())]
                .iter()
                .collect();
            changes.push((ctx_before, ctx_after));
        }
        changes.reverse();
        (chars.into_iter().collect(), changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_chars_are_the_pairs() {
        let two = |w: &str| {
            let c: Vec<char> = w.chars().collect();
            assert_eq!(c.len(), 2);
            (c[0], c[1])
        };
        for ((s, o), [cs, co]) in RESTORED.iter().zip(PAIR_CHARS) {
            assert_eq!((two(s), two(o)), (cs, co));
            assert!(ends_a_pair_word(cs.1) && ends_a_pair_word(co.1));
        }
    }

    #[test]
    fn pair_counts_match_a_search_per_word() {
        for (s, o) in RESTORED {
            assert_eq!(s.chars().count(), 2);
            assert_eq!(o.chars().count(), 2);
            assert!(s.chars().next() != s.chars().nth(1) && o.chars().next() != o.chars().nth(1));
        }
        let text = "开展开展发展，根底基础基础。效劳服务稳固巩固比拟比较到达达到筹划策划兴旺发达缺乏不足开";
        let slow: Vec<[usize; 2]> = RESTORED
            .iter()
            .map(|(s, o)| [text.matches(s).count(), text.matches(o).count()])
            .collect();
        assert_eq!(pair_counts(text), slow);
    }

    #[test]
    fn builtin_restores_fazhan_but_keeps_genuine_kaizhan() {
        let r = Reference::builtin();
        let (out, ch) =
            r.despin_line("推动高质量开展，贯彻新开展理念，有组织地开展精准招商，打下坚实根底。");
        assert_eq!(
            out,
            "推动高质量发展，贯彻新发展理念，有组织地开展精准招商，打下坚实基础。"
        );
        assert_eq!(ch.len(), 3);
    }

    #[test]
    fn new_pairs_restore_spun_forms_and_keep_genuine_uses() {
        let r = Reference::builtin();
        let (out, _) = r.despin_line(
            "推动经济高质量进展，逾期须说明缘由。项目进展缓慢，取得实质性进展，定期调度进展。",
        );
        assert_eq!(
            out,
            "推动经济高质量发展，逾期须说明原因。项目进展缓慢，取得实质性进展，定期调度进展。"
        );
    }

    #[test]
    fn the_table_reads_back() {
        let r = Reference::builtin();
        assert!(r.documents >= 4);
        assert_eq!(
            Reference::from_table(&r.to_table()).to_table(),
            r.to_table()
        );
    }

    #[test]
    fn spun_detection() {
        assert!(looks_spun(
            "高质量开展，开展理念，开展格局，开展成果，开展态势，根底。"
        ));
        assert!(!looks_spun(
            "高质量发展，发展理念，深入开展调研，开展活动。"
        ));
    }
}
