//! Pages of a PDF or a page dump: the page-number prefixes glued to every line (`3、`) are
//! stripped and the pages joined, and the page breaks inside the text (a line that is only a page
//! mark, `N、` glued to a line that continues a word) go.

use super::headings::is_heading_line;
use super::{Change, ChangeKind, Line, ends_terminal, excerpt, tail};
use crate::text::is_han;

pub(super) fn page_prefix(s: &str) -> Option<(u32, usize)> {
    let t = s.trim_start();
    let nd = t.bytes().take_while(u8::is_ascii_digit).count();
    if nd == 0 || nd > 4 {
        return None;
    }
    let rest = &t[nd..];
    if !rest.starts_with('、') {
        return None;
    }
    Some((
        t[..nd].parse().ok()?,
        s.len() - rest.len() + '、'.len_utf8(),
    ))
}

// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
pub(super) fn strip_page_numbers(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.trim().is_empty())
        .collect();
    let mut seq = Vec::new();
    let mut expect: Option<u32> = None;
    for &i in &nonblank {
        if let Some((n, _)) = page_prefix(&lines[i].text)
            && expect.is_none_or(|e| e == n)
        {
            seq.push(i);
            expect = Some(n + 1);
        }
    }
    if seq.len() < 3 || seq.len() * 10 < nonblank.len() * 8 {
        return;
    }
    let mut in_seq = vec![false; lines.len()];
    for &i in &seq {
        in_seq[i] = true;
        let (_, cut) = page_prefix(&lines[i].text).unwrap_or((0, 0));
        let before = lines[i].text[..cut].trim().to_string();
        lines[i].text = lines[i].text[cut..].to_string();
        changes.push(Change {
            kind: ChangeKind::PageNumber,
            line: lines[i].line,
            before,
            after: String::new(),
        });
    }
    // The pages are one stream broken at arbitrary places: join consecutive page lines.
    let mut out: Vec<Line> = Vec::new();
    let mut prev_page = false;
    for (i, l) in lines.drain(..).enumerate() {
        let page = in_seq[i];
        if page
            && prev_page
            && let Some(last) = out.last_mut()
        {
            changes.push(Change {
                kind: ChangeKind::JoinedLine,
                line: last.line,
                before: format!("{}⏎{}", tail(&last.text, 6), excerpt(&l.text, 6)),
                after: format!("{}{}", tail(&last.text, 6), excerpt(&l.text, 6)),
            });
            last.text.push_str(&l.text);
            continue;
        }
        if !l.text.trim().is_empty() || !prev_page {
            prev_page = page;
        }
        if l.text.trim().is_empty() && prev_page {
            continue;
        }
        out.push(l);
    }
    *lines = out;
}

/// A line that is only a page mark: `3`, `- 4 -`, `第4页`, `第 4 页 共 12 页`, `4/12`.
pub(super) fn is_page_mark(s: &str) -> bool {
    if s.len() > 48 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || t.chars().count() > 12 {
        return false;
    }
    let core = t.trim_matches(['-', '—', '–', '－']);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if digits(core) {
        return true;
    }
    if let Some((a, b)) = core.split_once('/') {
        return digits(a) && digits(b);
    }
    fn paged(s: &str) -> Option<&str> {
        s.strip_prefix('第').and_then(|r| r.strip_suffix('页'))
    }
    match core.split_once('共') {
        Some((a, b)) => paged(a).is_some_and(digits) && b.strip_suffix('页').is_some_and(digits),
        None => paged(core).is_some_and(digits),
    }
}

/// Page breaks of a PDF inside the text: lines that are only a page mark, and a page number
/// glued to the start of a line that continues a word of the line before (`全县重点项⏎3、目建设`:
/// the line before breaks mid-sentence and is a full line, not an item of a numbered list).
// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
pub(super) fn strip_page_breaks(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for mut l in lines.drain(..) {
        if is_page_mark(&l.text) {
            changes.push(Change {
                kind: ChangeKind::PageNumber,
                line: l.line,
                before: l.text.trim().to_string(),
                after: String::new(),
            });
            continue;
        }
        let prev = || {
            out.iter()
                .rev()
                .find(|p| !p.text.trim().is_empty())
                .map(|p| p.text.trim())
        };
        if let Some((n, cut)) = page_prefix(&l.text)
            && n >= 2
            && let Some(prev) = prev()
            && prev.chars().count() >= 15
            && !ends_terminal(prev)
            && page_prefix(prev).is_none()
            && !is_heading_line(prev)
            && l.text[cut..].chars().next().is_some_and(is_han)
        {
            changes.push(Change {
                kind: ChangeKind::PageNumber,
                line: l.line,
                before: l.text[..cut].trim().to_string(),
                after: String::new(),
            });
            l.text = l.text[cut..].to_string();
        }
        out.push(l);
    }
    *lines = out;
}
