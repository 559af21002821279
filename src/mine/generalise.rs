//! Sibling headings generalised to one pattern with slots (`守住{X}底线，在{Y}上下功夫`), the slots
//! named as the planner names its variables.

use super::{Family, Slot};
use std::collections::BTreeSet;

use crate::text::is_cjk_punct;

/// `{X}` → `{}`.
pub fn skeleton(pattern: &str) -> String {
    let mut out = String::new();
    let mut in_slot = false;
    for c in pattern.chars() {
        match c {
            '{' => {
                in_slot = true;
                out.push_str("{}");
            }
            '}' => in_slot = false,
            _ if !in_slot => out.push(c),
            _ => {}
        }
    }
    out
}

/// Characters that may anchor a pattern on their own (besides punctuation).
const FUNCTION_CHARS: &str = "是在上中以为抓促与和要把让向于对由";

/// Generalise sibling headings to a pattern with slots.
pub fn generalise(level: u8, hs: &[String], source: &str, year: Option<i32>) -> Option<Family> {
    let seqs: Vec<Vec<char>> = hs.iter().map(|h| h.chars().collect()).collect();
    let mut pieces: Vec<Piece> = Vec::new();
    split_common(&seqs, &mut pieces);
    let literal: usize = pieces
        .iter()
        .filter_map(|p| {
            if let Piece::Lit(s) = p {
                Some(s.chars().count())
            } else {
                None
            }
        })
        .sum();
    let slots_n = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Slot(_)))
        .count();
    if literal == 0 || slots_n == 0 {
        return None;
    }
    let mut pattern = String::new();
    let mut slots = Vec::new();
    let names = ["X", "Y", "Z", "A", "B", "C", "D", "E", "F", "G"];
    let mut k = 0;
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Lit(s) => pattern.push_str(s),
            Piece::Slot(fillers) => {
                let lens: BTreeSet<usize> = fillers.iter().map(|f| f.chars().count()).collect();
                let base = names.get(k).copied().unwrap_or("W");
                let name = if lens.len() == 1 && lens.first().is_some_and(|l| *l == 4) {
                    format!("{base}4")
                } else {
                    base.to_string()
                };
                k += 1;
                let before = if i > 0 { lit(&pieces[i - 1]) } else { "" };
                let after = pieces.get(i + 1).map(lit).unwrap_or("");
                let var = slot_var(before, after, &name, i + 1 == pieces.len(), &slots);
                pattern.push_str(&format!("{{{name}}}"));
                slots.push(Slot {
                    name,
                    var,
                    fillers: fillers.clone(),
                });
            }
        }
    }
    Some(Family {
        level,
        pattern,
        slots,
        headings: hs.to_vec(),
        source: source.to_string(),
        year,
    })
}

fn lit(p: &Piece) -> &str {
    match p {
        Piece::Lit(s) => s,
        Piece::Slot(_) => "",
    }
}

/// The Tera variable for a slot: the planner's names where the slot means that.
fn slot_var(before: &str, after: &str, name: &str, last: bool, prev: &[Slot]) -> String {
    let taken = |v: &str| prev.iter().any(|s| s.var == v);
    let pick = |cands: &[&str]| -> String {
        for c in cands {
            if !taken(c) {
                return c.to_string();
            }
        }
        format!("slot{}", prev.len() + 1)
    };
    if after.starts_with("底线") || after.starts_with('是') {
        return pick(&["topic", "name"]);
    }
    if before.ends_with('在') && (after.starts_with('上') || after.starts_with('中')) {
        return pick(&["aim", "goal"]);
    }
    if after.starts_with("抓落实") {
        return pick(&["action"]);
    }
    if before.ends_with("务必") || before.ends_with('、') {
        return pick(&["task1", "task2", "task3"]);
    }
    if name.ends_with('4') {
        return pick(&["motto1", "motto2", "motto3"]);
    }
    if before.ends_with('是') {
        return pick(&["role"]);
    }
    if last {
        return pick(&["goal", "aim"]);
    }
    pick(&["topic", "aim", "goal"])
}

#[derive(Debug, Clone)]
enum Piece {
    Lit(String),
    Slot(Vec<String>),
}

/// Split sequences at their common anchors: common prefix and suffix, then recursively the
/// longest common substring (≥2 chars, or one punctuation/function character at the same offset).
fn split_common(seqs: &[Vec<char>], out: &mut Vec<Piece>) {
    if seqs.iter().all(|s| s.is_empty()) {
        return;
    }
    if seqs.iter().any(|s| s.is_empty()) {
        out.push(Piece::Slot(
            seqs.iter().map(|s| s.iter().collect()).collect(),
        ));
        return;
    }
    if let Some((offsets, len)) = anchor(seqs) {
        let lefts: Vec<Vec<char>> = seqs
            .iter()
            .zip(&offsets)
            .map(|(s, &o)| s[..o].to_vec())
            .collect();
        let rights: Vec<Vec<char>> = seqs
            .iter()
            .zip(&offsets)
            .map(|(s, &o)| s[o + len..].to_vec())
            .collect();
        let lit: String = seqs[0][offsets[0]..offsets[0] + len].iter().collect();
        split_common(&lefts, out);
        match out.last_mut() {
            Some(Piece::Lit(s)) => s.push_str(&lit),
            _ => out.push(Piece::Lit(lit)),
        }
        split_common(&rights, out);
        return;
    }
    out.push(Piece::Slot(
        seqs.iter().map(|s| s.iter().collect()).collect(),
    ));
}

/// The best common anchor: per sequence its offset, and the length.
fn anchor(seqs: &[Vec<char>]) -> Option<(Vec<usize>, usize)> {
    let first = &seqs[0];
    let find = |s: &[char], sub: &[char]| -> Option<usize> {
        (0..=s.len().checked_sub(sub.len())?).find(|&i| s[i..i + sub.len()] == *sub)
    };
    // Longest common substring of length ≥ 2 (prefer the earliest on ties).
    for len in (2..=first.len()).rev() {
        for i in 0..=first.len() - len {
            let sub = &first[i..i + len];
            if sub.iter().all(|c| *c == '“' || *c == '”') {
                continue;
            }
            let offs: Option<Vec<usize>> = seqs.iter().map(|s| find(s, sub)).collect();
            if let Some(o) = offs {
                return Some((o, len));
            }
        }
    }
    // A punctuation mark in all.
    for &c in first {
        if is_cjk_punct(c) && c != '“' && c != '”' {
            let offs: Option<Vec<usize>> = seqs
                .iter()
                .map(|s| s.iter().position(|x| *x == c))
                .collect();
            if let Some(o) = offs {
                return Some((o, 1));
            }
        }
    }
    // A common first or last character.
    if seqs.iter().all(|s| s.len() > 1 && s[0] == first[0]) {
        return Some((vec![0; seqs.len()], 1));
    }
    if let Some(&c) = first.last()
        && seqs.iter().all(|s| s.len() > 1 && s.last() == Some(&c))
    {
        return Some((seqs.iter().map(|s| s.len() - 1).collect(), 1));
    }
    // A function character at the same offset in all.
    for (i, &c) in first.iter().enumerate() {
        if FUNCTION_CHARS.contains(c)
            && i > 0
            && seqs.iter().all(|s| s.get(i) == Some(&c) && s.len() > i + 1)
        {
            return Some((vec![i; seqs.len()], 1));
        }
    }
    None
}
