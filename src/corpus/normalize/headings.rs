//! Headings: the prefixes of the three levels (`一、`, `（一）`, `第一，`), and level-1 and level-2
//! headings that start in the middle of a paragraph moved to their own line ([`split_headings`]), a
//! level-1 heading keeping its stop and ending before its body ([`heading_end`]).

use super::structure::is_gap;
use super::{Change, ChangeKind, Line, excerpt, tail};
use crate::corpus::cn_digit;
use crate::text::is_han;

/// Words that open a sentence of the body, not a heading: when a heading runs into its body with
/// no stop between (`一、压实工作责任，确保各项任务落地见效各镇各部门要…`), the body starts at one
/// of them.
const BODY_OPENERS: &[&str] = &[
    "各镇",
    "各乡镇",
    "各街道",
    "各村",
    "各部门",
    "各单位",
    "各级",
    "各地",
    "各项目",
    "全县",
    "全市",
    "全区",
    "全镇",
    "全乡",
    "我们",
    "今年",
    "当前",
    "目前",
    "近年来",
    "去年",
    "这是",
    "一是",
    "一要",
    "首先",
];

/// A level-1 heading prefix `一、` at the start of `s` (after indentation): its number and the rest.
pub fn l1_prefix(s: &str) -> Option<(u32, &str)> {
    let t = s.trim_start_matches([' ', '\u{3000}', '\t']);
    let mut it = t.char_indices();
    let (_, a) = it.next()?;
    let d = cn_digit(a)?;
    let (i, b) = it.next()?;
    if b == '、' {
        return Some((d, &t[i + b.len_utf8()..]));
    }
    // 十一、
    if a == '十'
        && let Some(d2) = cn_digit(b).filter(|d| *d < 10)
        && let Some((j, '、')) = it.next()
    {
        return Some((10 + d2, &t[j + '、'.len_utf8()..]));
    }
    None
}

/// A level-2 heading prefix `（一）` or `(一)` at the start of `s`: its number and the rest.
pub fn l2_prefix(s: &str) -> Option<(u32, &str)> {
    let t = s.trim_start_matches([' ', '\u{3000}', '\t']);
    let rest = t.strip_prefix('（').or_else(|| t.strip_prefix('('))?;
    let close = rest.find(['）', ')'])?;
    let num = &rest[..close];
    let n = crate::numerals::parse_chinese(num)?;
    let after = &rest[close..];
    let after = after
        .strip_prefix('）')
        .or_else(|| after.strip_prefix(')'))?;
    Some((n, after))
}

pub(super) fn is_heading_line(s: &str) -> bool {
    let n = s.trim().chars().count();
    ((l1_prefix(s).is_some() || l2_prefix(s).is_some()) && n <= 70)
        || (di_prefix(s).is_some() && n <= 30)
}

/// A level-1 or level-2 heading prefix, or 第一，/第一、, at the start of `s` with text after it.
pub(super) fn starts_heading(s: &str) -> bool {
    let han_after = |r: &str| {
        r.chars()
            .next()
            .is_some_and(|c| is_han(c) || c == '“' || c == '《')
    };
    if let Some((_, r)) = l1_prefix(s)
        && han_after(r)
        && !starts_enumeration(r)
    {
        return true;
    }
    if let Some((_, r)) = l2_prefix(s)
        && han_after(r)
    {
        return true;
    }
    di_prefix(s).is_some_and(|(_, r)| han_after(r))
}

/// `二、三产业`: a numeral and 、 right after a heading prefix is an enumeration, not a heading.
pub(super) fn starts_enumeration(r: &str) -> bool {
    let mut it = r.chars();
    it.next().and_then(cn_digit).is_some() && it.next() == Some('、')
}

/// A `第一，`/`第一、` prefix at the start of `s`: its number and the rest.
pub fn di_prefix(s: &str) -> Option<(u32, &str)> {
    let t = s.trim_start_matches([' ', '\u{3000}', '\t']);
    let rest = t.strip_prefix('第')?;
    let mut it = rest.char_indices();
    let (_, d) = it.next()?;
    let n = cn_digit(d)?;
    let (i, c) = it.next()?;
    matches!(c, '，' | '、' | ',').then(|| (n, &rest[i + c.len_utf8()..]))
}

/// Where a level-1 heading (the text after `一、`) ends: (end of the heading, start of the body).
/// The heading is the first sentence (its stop kept), or the text before a gap; a sentence too
/// long for a heading whose clause runs into a body opener ends before the opener. `None`: the
/// whole text is the heading.
pub(super) fn heading_end(rest: &str) -> Option<(usize, usize)> {
    let stop = rest
        .char_indices()
        .find(|&(_, c)| matches!(c, '。' | '！' | '？'))
        .map(|(i, c)| (i, i + c.len_utf8()));
    let gap = rest
        .char_indices()
        .find(|&(_, c)| is_gap(c))
        .map(|(i, _)| i);
    if let Some(g) = gap
        && stop.is_none_or(|(s, _)| g < s)
        && rest[..g].chars().count() >= 2
    {
        let body = g + rest[g..].len() - rest[g..].trim_start().len();
        return Some((g, body));
    }
    let sentence = &rest[..stop.map_or(rest.len(), |(s, _)| s)];
    let clauses: Vec<&str> = sentence.split(['，', '；']).collect();
    let long = sentence.chars().count() > 30 || clauses.iter().any(|c| c.chars().count() > 16);
    if long {
        // The first clause too long for a heading, cut at a body opener inside it.
        let mut off = 0;
        for c in &clauses {
            if c.chars().count() > 16 {
                let cut = c
                    .char_indices()
                    .skip(4)
                    .find(|&(i, _)| BODY_OPENERS.iter().any(|w| c[i..].starts_with(w)))
                    .map(|(i, _)| i);
                if let Some(i) = cut
                    && c[i..].chars().count() >= 6
                {
                    return Some((off + i, off + i));
                }
                break;
            }
            off += c.len() + '，'.len_utf8();
        }
    }
    stop.map(|(_, e)| (e, e))
}

/// Find a heading that starts inside a paragraph: after a stop (。：；！？) or a gap, the expected
/// numeral and 、 (level 1) or （N） (level 2); the closing (`同志们，`) after the last part. A
/// level-1 heading keeps its stop and gets its own line; its body goes on the next.
// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
pub(super) fn split_headings(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
    let mut l1_next = 1u32;
    let mut l2_next = 1u32;
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // The closing can only follow the last part: no level-1 heading starts a later line.
    let last_heading = lines.iter().rposition(|l| l1_prefix(&l.text).is_some());
    for (i, l) in lines.drain(..).enumerate() {
        let may_close = last_heading.is_none_or(|h| i >= h);
        let mut pending = Some(l);
        while let Some(cur) = pending.take() {
            // A heading at the start of the line.
            if let Some((n, rest)) = l1_prefix(&cur.text)
                && n == l1_next
            {
                l1_next += 1;
                l2_next = 1;
                let prefix = cur.text.len() - rest.len();
                if let Some((h, b)) = heading_end(rest)
                    && !rest[b..].trim().is_empty()
                {
                    let body = rest[b..].trim_start().to_string();
                    changes.push(Change {
                        kind: ChangeKind::SplitLine,
                        line: cur.line,
                        before: excerpt(&cur.text[..prefix + h], 30),
                        after: "heading on its own line".into(),
                    });
                    out.push(Line {
                        text: cur.text[..prefix + h].trim_end().to_string(),
                        line: cur.line,
                    });
                    pending = Some(Line {
                        text: body,
                        line: cur.line,
                    });
                    continue;
                }
                out.push(cur);
                continue;
            }
            let mut start_scan = 0;
            if let Some((n, _)) = l2_prefix(&cur.text)
                && n == l2_next
            {
                l2_next += 1;
                start_scan = 1;
            }
            // A heading inside the line.
            match find_inner_heading(&cur.text, start_scan, l1_next, l2_next, may_close) {
                Some((pos, level)) => {
                    let (a, b) = cur.text.split_at(pos);
                    changes.push(Change {
                        kind: ChangeKind::SplitLine,
                        line: cur.line,
                        before: format!("{}{}", tail(a, 8), excerpt(b, 12)),
                        after: if level == 0 {
                            "the closing on a new line".to_string()
                        } else {
                            format!("level-{level} heading on a new line")
                        },
                    });
                    out.push(Line {
                        text: a.trim_end().to_string(),
                        line: cur.line,
                    });
                    pending = Some(Line {
                        text: b.trim_start().to_string(),
                        line: cur.line,
                    });
                }
                None => out.push(cur),
            }
        }
    }
    *lines = out;
}

/// The position of a heading inside `s` (after a stop or a gap) and its level (0: the closing
/// `同志们，` after the last part).
// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
pub(super) fn find_inner_heading(
    s: &str,
    skip_chars: usize,
    l1: u32,
    l2: u32,
    may_close: bool,
) -> Option<(usize, u8)> {
    // The first character looked at (never the first of the line: it follows a stop).
    let min_pos = s
        .char_indices()
        .nth(skip_chars.max(1))
        .map_or(s.len(), |(i, _)| i);
    // The stops 。：；！？ are three bytes starting E3 or EF (bytes that never continue a
    // character), the ideographic space E3 80 80: find those bytes and spaces, then compare the
    // whole character.
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(k) = b[i..]
        .iter()
        .position(|&x| x == 0xE3 || x == 0xEF || x == b' ' || x == b'\t')
    {
        let at = i + k;
        let pos = at + if b[at] < 0x80 { 1 } else { 3 };
        i = pos;
        if pos >= b.len() {
            break;
        }
        let stop = b[at] < 0x80
            || matches!(
                b[at..pos],
                [0xE3, 0x80, 0x82 | 0x80] | [0xEF, 0xBC, 0x9A | 0x9B | 0x81 | 0x9F]
            );
        if !stop || pos < min_pos {
            continue;
        }
        let rest = s[pos..].trim_start_matches(is_gap);
        if rest.is_empty() {
            continue;
        }
        if let Some((n, head)) = l1_prefix(rest)
            && n == l1
            && head.chars().next().is_some_and(|c| is_han(c) || c == '“')
            && !starts_enumeration(head)
            && head
                .find(['；', '。'])
                .is_none_or(|p| head[p..].starts_with('。'))
            && head
                .find(['，', '。', '；', '：'])
                .is_none_or(|p| head[..p].chars().count() >= 2)
        {
            return Some((pos, 1));
        }
        if let Some((n, head)) = l2_prefix(rest)
            && n == l2
            && l2 > 0
            && head.chars().next().is_some_and(is_han)
        {
            return Some((pos, 2));
        }
        if l1 > 1
            && may_close
            && (rest.starts_with("同志们，") || rest.starts_with("同志们！"))
            && b[at] >= 0x80
            && rest.chars().nth(300).is_none()
            && !rest.contains(&format!("{}、", crate::numerals::chinese(l1)))
        {
            return Some((pos, 0));
        }
    }
    None
}
