//! The title: teaser lines that repeat the start are dropped; the title is found by its form
//! (在…上的讲话, …讲话稿, …发言 …), joined when split over two lines and read once when repeated.

use super::{Change, ChangeKind, Line, drop_line, ends_terminal, squash};
use crate::corpus::chrome::{is_ad, is_chrome};
use crate::corpus::{salutation_len, title_form};

// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
pub(super) fn drop_teasers(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.trim().is_empty())
        .take(6)
        .collect();
    let mut drop = Vec::new();
    // Each candidate is compared with the (squashed) 40 lines after it; squash each line once.
    let first = nonblank.first().map_or(0, |&i| i + 1);
    let last = nonblank.last().map_or(0, |&i| (i + 41).min(lines.len()));
    // The squashed lines end to end; line j of them is all[off[j]..off[j + 1]].
    let mut all = String::new();
    let mut off = vec![0];
    for l in &lines[first.min(last)..last] {
        all.extend(l.text.chars().filter(|c| !c.is_whitespace()));
        off.push(all.len());
    }
    let count = off.len() - 1;
    for (k, &i) in nonblank.iter().enumerate() {
        let raw = squash(&lines[i].text);
        let ellipsis = raw.ends_with("...") || raw.ends_with('…') || raw.ends_with("。。。");
        let s = raw.trim_end_matches(['.', '…', '。']).to_string();
        if s.chars().count() < 15 {
            continue;
        }
        let from = (i + 1 - first).min(count);
        let rest = &all[off[from]..off[(from + 40).min(count)]];
        let head: String = s.chars().take(40).collect();
        if rest.starts_with(&s)
            || (ellipsis && rest.contains(&head))
            || (k == 0 && rest.starts_with(&head) && ellipsis)
        {
            drop.push(i);
        }
    }
    for &i in drop.iter().rev() {
        drop_line(lines, i, ChangeKind::Teaser, changes);
    }
}

// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
pub(super) fn fix_title(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
    // Chrome by its shape, anywhere (one pass: a file of chrome lines stays linear).
    let mut kept = Vec::with_capacity(lines.len());
    for l in lines.drain(..) {
        if is_chrome(&l.text) {
            changes.push(Change {
                kind: ChangeKind::Advertisement,
                line: l.line,
                before: l.text.trim().to_string(),
                after: String::new(),
            });
        } else {
            kept.push(l);
        }
    }
    *lines = kept;
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.trim().is_empty())
        .take(40)
        .collect();
    let title = nonblank
        .iter()
        .copied()
        .find(|&i| title_form(&lines[i].text) && !is_ad(&lines[i].text));
    // Without a title the speech starts at the salutation or the first sentence.
    let start = title.or_else(|| {
        nonblank.iter().copied().find(|&i| {
            let s = lines[i].text.trim();
            salutation_len(s).is_some() || ends_terminal(s) && s.chars().count() > 20
        })
    });
    let Some(mut t) = start else { return };
    // A title split over two lines.
    if title.is_some() && t > 0 {
        let p = t - 1;
        let prev = lines[p].text.trim().to_string();
        let cur = lines[t].text.trim().to_string();
        if !prev.is_empty()
            && prev.chars().count() <= 40
            && !ends_terminal(&prev)
            && !is_ad(&prev)
            && cur.chars().count() <= 40
            && !cur.starts_with('在')
            && !cur.starts_with('（')
        {
            changes.push(Change {
                kind: ChangeKind::JoinedLine,
                line: lines[p].line,
                before: format!("{prev}⏎{cur}"),
                after: format!("{prev}{cur}"),
            });
            lines[p].text = format!("{prev}{cur}");
            lines.remove(t);
            t = p;
        }
    }
    // Boilerplate before the start.
    let pre: Vec<usize> = (0..t)
        .filter(|&i| !lines[i].text.trim().is_empty())
        .collect();
    if pre.iter().any(|&i| is_ad(&lines[i].text)) {
        for &i in pre.iter().rev() {
            drop_line(lines, i, ChangeKind::Advertisement, changes);
        }
        lines.drain(..t - pre.len());
        t = 0;
    }
    // The title repeated on the next line.
    if title.is_some()
        && let Some(next) = (t + 1..lines.len()).find(|&i| !lines[i].text.trim().is_empty())
        && squash(&lines[next].text) == squash(&lines[t].text)
    {
        drop_line(lines, next, ChangeKind::Teaser, changes);
    }
    // Boilerplate after the end.
    while let Some(last) = lines.iter().rposition(|l| !l.text.trim().is_empty()) {
        let s = lines[last].text.trim();
        if last > t && is_ad(s) && s.chars().count() <= 80 {
            drop_line(lines, last, ChangeKind::Advertisement, changes);
            lines.truncate(last);
        } else {
            break;
        }
    }
}
