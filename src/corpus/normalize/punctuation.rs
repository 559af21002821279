//! Punctuation: half-width marks next to Chinese become full width (brackets and straight quotes by
//! pairs, [`fix_width`]), and unbalanced quotes are closed where the closing place is clear (a known
//! formula, a short clause) and flagged otherwise ([`repair_quotes`]).

use super::{Change, ChangeKind, Line, excerpt};
use crate::corpus::despin::Reference;
use crate::text::{is_cjk_punct, is_han};

/// Convert half-width punctuation next to Chinese to full width in a whole text (used by the
/// reference builder); see [`normalize`] for the rules.
pub fn fix_width_text(text: &str) -> String {
    text.lines()
        .map(|l| fix_width(l).0)
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn cjkish(c: Option<char>) -> bool {
    c.is_some_and(|c| is_han(c) || is_cjk_punct(c))
}

/// True when a line holds a half-width mark [`fix_width`] may change (cheap byte test).
pub(super) fn has_half_width(line: &str) -> bool {
    line.bytes()
        .any(|b| matches!(b, b',' | b':' | b';' | b'?' | b'!' | b'(' | b')' | b'"'))
}

/// The brackets and straight quotes of a line that become full width, by char index: a bracket
/// pair where one of the two is half width and the pair holds or touches Chinese (both of a pair
/// or neither; an unmatched one stays); straight quotes when the line holds an even number of
/// them, pairwise, where the pair holds or touches Chinese.
pub(super) fn paired_marks(chars: &[char]) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let han_in = |a: usize, b: usize| chars[a + 1..b].iter().any(|&c| is_han(c));
    let near = |a: usize, b: usize| {
        han_in(a, b)
            || cjkish(a.checked_sub(1).map(|i| chars[i]))
            || cjkish(chars.get(b + 1).copied())
    };
    let mut stack: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' | '（' => stack.push(i),
            ')' | '）' => {
                if let Some(o) = stack.pop()
                    && (chars[o] == '(' || c == ')')
                    && near(o, i)
                {
                    out.push((o, '（'));
                    out.push((i, '）'));
                }
            }
            _ => {}
        }
    }
    let quotes: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == '"').collect();
    if quotes.len() % 2 == 0 {
        for q in quotes.chunks(2) {
            if near(q[0], q[1]) {
                out.push((q[0], '“'));
                out.push((q[1], '”'));
            }
        }
    }
    out.retain(|&(i, c)| chars[i] != c);
    out.sort_unstable();
    out
}

/// Half-width `, : ; ? !` next to Chinese, bracket pairs and straight quotes around Chinese
/// ([`paired_marks`]) → full width. Returns the line and the count.
pub(super) fn fix_width(line: &str) -> (String, usize) {
    if !has_half_width(line) {
        return (line.to_string(), 0);
    }
    // Brackets and quotes are decided by pairs over the whole line; the other marks by their
    // neighbours, in one pass.
    let paired = if line.bytes().any(|b| matches!(b, b'(' | b')' | b'"')) {
        paired_marks(&line.chars().collect::<Vec<_>>())
    } else {
        Vec::new()
    };
    let mut out = String::with_capacity(line.len() + 16);
    let mut n = 0;
    let mut next_pair = paired.iter().peekable();
    let mut prev: Option<char> = None;
    let mut it = line.chars().enumerate().peekable();
    while let Some((i, c)) = it.next() {
        let this = prev;
        prev = Some(c);
        if let Some(&&(pi, r)) = next_pair.peek()
            && pi == i
        {
            next_pair.next();
            out.push(r);
            n += 1;
            continue;
        }
        if !matches!(c, ',' | ':' | ';' | '?' | '!') {
            out.push(c);
            continue;
        }
        let prev = this;
        let next = it.peek().map(|&(_, d)| d);
        let both_ascii_digits = prev.is_some_and(|p| p.is_ascii_alphanumeric())
            && next.is_some_and(|p| p.is_ascii_alphanumeric());
        let near_cjk = cjkish(prev) || cjkish(next);
        let r = match c {
            ',' if near_cjk || (!both_ascii_digits && prev.is_some_and(|p| p == '%')) => Some('，'),
            ':' if near_cjk && !both_ascii_digits => Some('：'),
            ';' if near_cjk => Some('；'),
            '?' if cjkish(prev) => Some('？'),
            '!' if cjkish(prev) => Some('！'),
            _ => None,
        };
        match r {
            Some(r) => {
                out.push(r);
                n += 1;
            }
            None => out.push(c),
        }
    }
    (out, n)
}

/// Half-width punctuation next to Chinese becomes full width, line by line.
pub(super) fn fix_punctuation(lines: &mut [Line], changes: &mut Vec<Change>) {
    for l in lines.iter_mut() {
        if !has_half_width(&l.text) {
            continue;
        }
        let (t, n) = fix_width(&l.text);
        if n > 0 {
            changes.push(Change {
                kind: ChangeKind::Punctuation,
                line: l.line,
                before: excerpt(&l.text, 30),
                after: format!("{n} mark(s) made full width"),
            });
            l.text = t;
        }
    }
}

/// True when every “ of a line is closed by a ” before the next “ and every ” closes one.
pub(super) fn quotes_balanced(s: &str) -> bool {
    let mut open = false;
    for c in s.chars() {
        match c {
            '“' if open => return false,
            '“' => open = true,
            '”' if !open => return false,
            '”' => open = false,
            _ => {}
        }
    }
    !open
}

/// True when the quote at `p` opens someone's words (after a colon: `他说：“…`), whose end
/// cannot be told from a nearby comma.
pub(super) fn quotes_an_utterance(chars: &[char], p: usize) -> bool {
    p > 0 && matches!(chars[p - 1], '：' | ':')
}

// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
pub(super) fn repair_quotes(l: &mut Line, reference: &Reference, changes: &mut Vec<Change>) {
    if quotes_balanced(&l.text) {
        return;
    }
    let chars: Vec<char> = l.text.chars().collect();
    let mut open: Option<usize> = None;
    let mut unclosed = Vec::new();
    let mut stray = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '“' => {
                if let Some(p) = open {
                    unclosed.push(p);
                }
                open = Some(i);
            }
            '”' if open.take().is_none() => stray.push(i),
            _ => {}
        }
    }
    if let Some(p) = open {
        unclosed.push(p);
    }
    if unclosed.is_empty() && stray.is_empty() {
        return;
    }
    let mut inserts: Vec<usize> = Vec::new();
    for &p in &unclosed {
        let seg_end = chars[p + 1..]
            .iter()
            .position(|&c| c == '“' || c == '”')
            .map(|k| p + 1 + k)
            .unwrap_or(chars.len());
        let seg: String = chars[p + 1..seg_end].iter().collect();
        let seg_chars: Vec<char> = seg.chars().collect();
        // 1. a known formula at the quote.
        let known = reference
            .quote_terms
            .iter()
            .filter(|t| seg.starts_with(t.as_str()))
            .map(|t| t.chars().count())
            .max();
        let at = if let Some(n) = known {
            Some(p + 1 + n)
        } else if let Some(k) = seg_chars
            .iter()
            .position(|&c| matches!(c, '，' | '。' | '；' | '：' | '、' | '！' | '？'))
            && (2..=8).contains(&k)
            && seg_chars[..k].iter().all(|&c| is_han(c))
            && seg_chars[k] != '：'
            && !quotes_an_utterance(&chars, p)
        {
            // 2. a short clause ending at punctuation (not words quoted after 说：).
            Some(p + 1 + k)
        } else if seg_end < chars.len()
            && chars[seg_end] == '“'
            && (2..=8).contains(&seg_chars.len())
            && seg_chars.iter().all(|&c| is_han(c))
        {
            // 3. a short term running into the next opening quote.
            Some(seg_end)
        } else {
            None
        };
        match at {
            Some(a) => inserts.push(a),
            None => changes.push(Change {
                kind: ChangeKind::QuoteUnbalanced,
                line: l.line,
                before: excerpt(&chars[p..].iter().collect::<String>(), 16),
                after: "closing quote missing; its place is unclear".into(),
            }),
        }
    }
    for &i in &stray {
        changes.push(Change {
            kind: ChangeKind::QuoteUnbalanced,
            line: l.line,
            before: excerpt(
                &chars[i.saturating_sub(10)..=i].iter().collect::<String>(),
                16,
            ),
            after: "closing quote without an opening one".into(),
        });
    }
    if inserts.is_empty() {
        return;
    }
    inserts.sort_unstable();
    let mut out = String::with_capacity(l.text.len() + inserts.len() * 3);
    let mut k = 0;
    for (i, &c) in chars.iter().enumerate() {
        while k < inserts.len() && inserts[k] == i {
            out.push('”');
            k += 1;
        }
        out.push(c);
    }
    while k < inserts.len() {
        out.push('”');
        k += 1;
    }
    for &a in &inserts {
        let s = a.saturating_sub(8);
        changes.push(Change {
            kind: ChangeKind::QuoteRepaired,
            line: l.line,
            before: chars[s..a].iter().collect(),
            after: format!("{}”", chars[s..a].iter().collect::<String>()),
        });
    }
    l.text = out;
}
