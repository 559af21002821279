//! The shape of the lines: flattened text split at its structure ([`split_structure`]: gaps before
//! a salutation, a heading or chrome and after a title or a byline; a title glued to `同志们：`),
//! lines broken mid-sentence joined into paragraphs ([`join_broken`]), and the spaces a PDF's layout
//! leaves inside Chinese text removed ([`remove_gaps`]).

use super::headings::{is_heading_line, starts_heading};
use super::punctuation::cjkish;
use super::{Change, ChangeKind, Line, ends_terminal, excerpt, is_salutation, tail};
use crate::corpus::chrome::{chrome_start, crumb_prefix, is_chrome, runs_to_end};
use crate::corpus::{salutation_len, title_form};

/// Spaces inside Chinese text (a PDF's layout: `推 动发展`) removed from the paragraphs of the
/// body: a gap between two Chinese characters or marks in a line that is a sentence. Short lines
/// without a stop (a byline `县长 王某某`) keep theirs.
// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
pub(super) fn remove_gaps(l: &mut Line, changes: &mut Vec<Change>) {
    let t = l.text.trim_start();
    let indent = l.text.len() - t.len();
    if !has_gap(t) || !(t.contains(['。', '！', '？']) || t.chars().count() > 40) {
        return;
    }
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(l.text.len());
    out.push_str(&l.text[..indent]);
    let mut n = 0;
    let mut i = 0;
    while i < chars.len() {
        if is_gap(chars[i]) {
            let j = (i..chars.len())
                .find(|&j| !is_gap(chars[j]))
                .unwrap_or(chars.len());
            if i > 0 && j < chars.len() && cjkish(Some(chars[i - 1])) && cjkish(Some(chars[j])) {
                n += 1;
            } else {
                out.extend(&chars[i..j]);
            }
            i = j;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    if n > 0 {
        changes.push(Change {
            kind: ChangeKind::Spacing,
            line: l.line,
            before: excerpt(t, 20),
            after: format!("{n} space(s) inside Chinese text removed"),
        });
        l.text = out;
    }
}

/// Whitespace that separates pieces of flattened text (spaces, ideographic spaces, tabs).
pub(super) fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '\u{a0}')
}

/// True when a line holds a gap (a cheap byte test: most lines of a clean text hold none).
pub(super) fn has_gap(s: &str) -> bool {
    // Each a fast substring search (the ideographic space as a string: its last byte, 0x80,
    // continues most Chinese characters, so a search for the char would stop everywhere).
    s.contains(' ') || s.contains('\t') || s.contains("\u{3000}") || s.contains("\u{a0}")
}

/// True when a whitespace gap in a line of flattened text separates two pieces of structure:
/// before a salutation, a heading, the closing 同志们 or chrome; after a title, a byline in
/// brackets or chrome.
pub(super) fn gap_splits(before: &str, after: &str) -> bool {
    let b = before.trim();
    if after.starts_with("同志们") || salutation_len(after).is_some() || starts_heading(after) {
        return true;
    }
    if runs_to_end(b) {
        return false;
    }
    if chrome_start(after) || is_chrome(b) {
        return true;
    }
    let short = !b.contains(['。', '！', '？']) && b.chars().count() <= 80;
    short && (title_form(b) || b.ends_with(['）', ')']))
}

/// Split flattened text (a whole speech on one line, or pieces separated only by spaces) at its
/// structure: the title, a byline, the salutation and the opening get their own lines, and so do
/// headings and chrome that follow a gap. Headings after a stop are split later
/// ([`split_headings`]).
// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
pub(super) fn split_structure(lines: &mut Vec<Line>, changes: &mut Vec<Change>) -> bool {
    let mut any_gap = false;
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut header = true;
    let mut seen = 0usize;
    for l in lines.drain(..) {
        let text = l.text.trim_end();
        if !text.trim().is_empty() {
            seen += 1;
        }
        let mut rest = text.trim_start();
        let glued_header = header && seen <= 6;
        // Most lines of a clean text: nothing to split.
        let gap = has_gap(rest);
        any_gap |= gap;
        if !glued_header && !gap {
            out.push(l);
            continue;
        }
        let mut pieces: Vec<String> = Vec::new();
        // A navigation crumb at the start of the line.
        let indent = &text[..text.len() - rest.len()];
        if let Some(end) = crumb_prefix(rest) {
            pieces.push(rest[..end].to_string());
            rest = rest[end..].trim_start();
        }
        // Gaps (a line that is chrome as a whole keeps its own).
        if gap && !is_chrome(rest) {
            let mut cur = String::new();
            let mut it = rest.char_indices().peekable();
            while let Some((i, c)) = it.next() {
                if !is_gap(c) {
                    cur.push(c);
                    continue;
                }
                let mut j = i + c.len_utf8();
                while let Some(&(k, d)) = it.peek() {
                    if !is_gap(d) {
                        break;
                    }
                    j = k + d.len_utf8();
                    it.next();
                }
                let after = &rest[j..];
                if !cur.trim().is_empty() && !after.is_empty() && gap_splits(&cur, after) {
                    pieces.push(std::mem::take(&mut cur));
                } else {
                    cur.push_str(&rest[i..j]);
                }
            }
            pieces.push(cur);
        } else {
            pieces.push(rest.to_string());
        }
        // A title (and byline) glued to the salutation; a salutation glued to the opening.
        if glued_header {
            let mut split = Vec::with_capacity(pieces.len() + 3);
            for p in pieces {
                split.extend(split_salutation(&p));
            }
            pieces = split;
        }
        if pieces.iter().any(|p| starts_heading(p)) {
            header = false;
        }
        if pieces.len() > 1 {
            changes.push(Change {
                kind: ChangeKind::SplitLine,
                line: l.line,
                before: excerpt(text.trim(), 20),
                after: format!("{} lines", pieces.len()),
            });
        }
        for (k, p) in pieces.into_iter().enumerate() {
            let p = p.trim_end();
            out.push(Line {
                text: if k == 0 {
                    format!("{indent}{p}")
                } else {
                    p.trim_start().to_string()
                },
                line: l.line,
            });
        }
    }
    *lines = out;
    any_gap
}

/// `在…的讲话（2024年4月18日）同志们：今天…` → the title, the byline, the salutation and the
/// opening as separate pieces (only where the part before the salutation is a title or a byline).
pub(super) fn split_salutation(p: &str) -> Vec<String> {
    let p = p.trim();
    // Where a salutation starts: 同志们, or 各位/尊敬的 just before it.
    let mut at = None;
    for w in ["尊敬的", "各位", "同志们"] {
        if let Some(q) = p.find(w)
            && p[..q].chars().count() <= 100
            && salutation_len(&p[q..]).is_some()
        {
            at = Some(at.map_or(q, |a: usize| a.min(q)));
        }
    }
    let Some(q) = at else {
        return vec![p.to_string()];
    };
    let head = p[..q].trim();
    let mut out = Vec::new();
    if !head.is_empty() {
        let (title, byline) = crate::corpus::split_title_byline(head);
        let is_byline = head.starts_with(['（', '(']) && head.ends_with(['）', ')']);
        if !(title_form(head) || is_byline) {
            return vec![p.to_string()];
        }
        out.push(title.to_string());
        out.extend(byline.map(str::to_string));
    }
    let sal = &p[q..];
    let n = salutation_len(sal).unwrap_or(sal.len());
    out.push(sal[..n].to_string());
    let opening = sal[n..].trim();
    if !opening.is_empty() {
        out.push(opening.to_string());
    }
    out
}

// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
pub(super) fn join_broken(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
    // The header: title and short byline lines up to the salutation or the first long line.
    let first = lines
        .iter()
        .position(|l| !l.text.trim().is_empty())
        .unwrap_or(0);
    let mut header_end = first + 1;
    while header_end < lines.len() {
        let s = lines[header_end].text.trim();
        if s.is_empty()
            || (s.chars().count() <= 30 && !ends_terminal(s) && !is_heading_line(s))
            || s.starts_with('（') && s.chars().count() <= 30
        {
            header_end += 1;
        } else {
            break;
        }
    }
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for (i, l) in lines.drain(..).enumerate() {
        if i >= header_end
            && let Some(last) = out.last_mut()
            && !last.text.trim().is_empty()
            && !l.text.trim().is_empty()
            && !ends_terminal(&last.text)
            && !is_heading_line(&last.text)
            && !is_salutation(&last.text)
            && !is_heading_line(&l.text)
            && !is_salutation(&l.text)
            && !l.text.trim_start().starts_with("同志们")
        {
            let next = l.text.trim_start();
            changes.push(Change {
                kind: ChangeKind::JoinedLine,
                line: last.line,
                before: format!("{}⏎{}", tail(&last.text, 8), excerpt(next, 8)),
                after: format!("{}{}", tail(&last.text, 8), excerpt(next, 8)),
            });
            last.text.push_str(next);
            continue;
        }
        out.push(l);
    }
    *lines = out;
}
