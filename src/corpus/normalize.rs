//! Cleaning raw speech text, reporting every change.
//!
//! The steps, in order: page-number prefixes (`3、` glued to every line of a page dump) are stripped
//! and the pages joined; teaser lines that repeat the start and advertisement/site boilerplate
//! before the title are dropped; a title split over two lines is joined and a title glued to
//! `同志们：` is split; lines broken mid-sentence are joined into paragraphs; half-width punctuation
//! next to Chinese becomes full width; level-1 (一、) and level-2 (（一）) headings that start in the
//! middle of a paragraph get their own line; unbalanced quotes are closed where the closing place
//! is clear (a known formula, a short clause) and flagged otherwise; a spun (伪原创) document is
//! de-spun from evidence ([`super::despin`]); placeholders (XX, xx, X, **, *.*) are counted.
//! Normalising twice changes nothing.

use serde::Serialize;

use super::despin::{Reference, has_spun_word, looks_spun_lines};
use super::{cn_digit, is_cjk_punct, is_han};

/// What kind of change normalize made (or flagged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The input was GBK/GB18030 and was decoded.
    Encoding,
    /// An advertisement or site boilerplate line was removed.
    Advertisement,
    /// A teaser line repeating the start was removed.
    Teaser,
    /// A page-number prefix (`3、`) was removed.
    PageNumber,
    /// A line broken mid-word or mid-sentence was joined to the next.
    JoinedLine,
    /// A title glued to the salutation or a heading inside a paragraph got its own line.
    SplitLine,
    /// Half-width punctuation became full width.
    Punctuation,
    /// Invisible or private-use characters (font junk, zero-width spaces) were removed.
    Junk,
    /// A missing closing quote was added.
    QuoteRepaired,
    /// An unbalanced quote whose closing place is unclear (flagged, text unchanged).
    QuoteUnbalanced,
    /// A spun word was restored (开展→发展).
    Despun,
    /// An anonymised placeholder (kept, counted).
    Placeholder,
}

impl ChangeKind {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Encoding => "encoding",
            ChangeKind::Advertisement => "advertisement",
            ChangeKind::Teaser => "teaser",
            ChangeKind::PageNumber => "page_number",
            ChangeKind::JoinedLine => "joined_line",
            ChangeKind::SplitLine => "split_line",
            ChangeKind::Punctuation => "punctuation",
            ChangeKind::Junk => "junk",
            ChangeKind::QuoteRepaired => "quote_repaired",
            ChangeKind::QuoteUnbalanced => "quote_unbalanced",
            ChangeKind::Despun => "despun",
            ChangeKind::Placeholder => "placeholder",
        }
    }

    /// True for kinds that only flag or count and never change the text.
    pub fn is_flag(self) -> bool {
        matches!(self, ChangeKind::QuoteUnbalanced | ChangeKind::Placeholder)
    }
}

/// One change: its kind, the 1-based input line, and the text before and after (a short excerpt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub line: usize,
    pub before: String,
    pub after: String,
}

/// The result of [`normalize`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct Normalized {
    /// The clean text (lines joined by `\n`, ending with `\n`).
    pub text: String,
    /// Every change, in order of the steps.
    pub changes: Vec<Change>,
    /// True when the input was detected as spun text.
    pub spun: bool,
    /// How many placeholders (XX, **, …) the text holds.
    pub placeholders: usize,
}

impl Normalized {
    /// How many changes of a kind.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    /// True when the text was changed (flags and counts aside).
    pub fn changed(&self) -> bool {
        self.changes.iter().any(|c| !c.kind.is_flag())
    }
}

#[derive(Debug, Clone)]
struct Line {
    text: String,
    line: usize,
}

const AD_WORDS: &[&str] = &[
    "仅供学习",
    "禁止外传",
    "订阅",
    "会员",
    "QQ群",
    "qq群",
    "公众号",
    "微信",
    "扫码",
    "关注我们",
    "下载",
    "版权",
    "转载",
    "倒卖",
    "举报",
    "http",
    "www.",
    "资料库",
    "客服",
    "免费领取",
    "原创文章",
];

const TERMINAL: &[char] = &[
    '。', '！', '？', '：', '；', '…', '!', '?', ':', ';', '”', '’', '）', ')', '」', '』',
];

fn excerpt(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        None => s.to_string(),
        Some((i, _)) => {
            let mut t = String::with_capacity(i + '…'.len_utf8());
            t.push_str(&s[..i]);
            t.push('…');
            t
        }
    }
}

/// The last `n` characters of `s`.
fn tail(s: &str, n: usize) -> String {
    let start = s
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(s.len(), |(i, _)| i);
    s[start..].to_string()
}

fn is_junk(c: char) -> bool {
    matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{fffd}')
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_ad(s: &str) -> bool {
    AD_WORDS.iter().any(|w| s.contains(w)) || (s.starts_with('【') && s.ends_with('】'))
}

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

fn is_heading_line(s: &str) -> bool {
    (l1_prefix(s).is_some() || l2_prefix(s).is_some()) && s.trim().chars().count() <= 70
}

fn ends_terminal(s: &str) -> bool {
    s.trim_end()
        .chars()
        .last()
        .is_none_or(|c| TERMINAL.contains(&c))
}

fn is_salutation(s: &str) -> bool {
    let t = s.trim();
    (t.ends_with('：') || t.ends_with(':'))
        && (t.contains("同志") || t.starts_with("各位"))
        && t.chars().count() <= 24
}

/// Convert half-width punctuation next to Chinese to full width in a whole text (used by the
/// reference builder); see [`normalize`] for the rules.
pub fn fix_width_text(text: &str) -> String {
    text.lines()
        .map(|l| fix_width(l).0)
        .collect::<Vec<_>>()
        .join("\n")
}

fn cjkish(c: Option<char>) -> bool {
    c.is_some_and(|c| is_han(c) || is_cjk_punct(c))
}

/// True when a line holds a half-width mark [`fix_width`] may change (cheap byte test).
fn has_half_width(line: &str) -> bool {
    line.bytes()
        .any(|b| matches!(b, b',' | b':' | b';' | b'?' | b'!' | b'(' | b')'))
}

/// Half-width `, : ; ? ! ( )` next to Chinese → full width. Returns the line and the count.
fn fix_width(line: &str) -> (String, usize) {
    if !has_half_width(line) {
        return (line.to_string(), 0);
    }
    let mut out = String::with_capacity(line.len() + 16);
    let mut n = 0;
    let mut prev: Option<char> = None;
    let mut it = line.chars().peekable();
    while let Some(c) = it.next() {
        let next = it.peek().copied();
        if !matches!(c, ',' | ':' | ';' | '?' | '!' | '(' | ')') {
            out.push(c);
            prev = Some(c);
            continue;
        }
        let both_ascii_digits = prev.is_some_and(|p| p.is_ascii_alphanumeric())
            && next.is_some_and(|p| p.is_ascii_alphanumeric());
        let near_cjk = cjkish(prev) || cjkish(next);
        let r = match c {
            ',' if near_cjk || (!both_ascii_digits && prev.is_some_and(|p| p == '%')) => Some('，'),
            ':' if near_cjk && !both_ascii_digits => Some('：'),
            ';' if near_cjk => Some('；'),
            '?' if cjkish(prev) => Some('？'),
            '!' if cjkish(prev) => Some('！'),
            '(' if cjkish(next) => Some('（'),
            ')' if cjkish(prev) => Some('）'),
            _ => None,
        };
        match r {
            Some(r) => {
                out.push(r);
                n += 1;
            }
            None => out.push(c),
        }
        prev = Some(c);
    }
    (out, n)
}

/// Count placeholders: runs of X/x not inside a Latin word, runs of `*` (with `*.*` as one).
pub fn count_placeholders(line: &str) -> usize {
    // The marks are ASCII: runs are found on the bytes, neighbours decoded where needed.
    let b = line.as_bytes();
    if !(b.contains(&b'X') || b.contains(&b'x') || b.contains(&b'*')) {
        return 0;
    }
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        match b[i] {
            b'*' => {
                while i < b.len() && b[i] == b'*' {
                    i += 1;
                }
                if i + 1 < b.len() && b[i] == b'.' && b[i + 1] == b'*' {
                    i += 1;
                    while i < b.len() && b[i] == b'*' {
                        i += 1;
                    }
                }
                n += 1;
            }
            b'X' | b'x' => {
                let start = i;
                while i < b.len() && (b[i] == b'X' || b[i] == b'x') {
                    i += 1;
                }
                let before = line[..start].chars().next_back();
                let after = line[i..].chars().next();
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
                if !latin(before)
                    && !latin(after)
                    && (cjkish(before) || cjkish(after) || before.is_none())
                {
                    n += 1;
                }
            }
            _ => i += 1,
        }
    }
    n
}

/// Normalise with the shared reference (the corpus, or the built-in table).
pub fn normalize(text: &str) -> Normalized {
    normalize_with(text, Reference::shared())
}

/// Normalise with a given de-spinning reference.
pub fn normalize_with(text: &str, reference: &Reference) -> Normalized {
    let mut changes = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text: std::borrow::Cow<str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    // A run of blank lines is one blank line in the output: keep only its first here, so that
    // 8 MB of blank lines is not 8 million lines through every pass (it took 68× the input).
    let mut prev_blank = false;
    let mut lines: Vec<Line> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| {
            let blank = l.trim_end().is_empty();
            let keep = !(blank && prev_blank);
            prev_blank = blank;
            keep
        })
        .map(|(i, l)| Line {
            text: l.trim_end().to_string(),
            line: i + 1,
        })
        .collect();

    for l in lines.iter_mut() {
        if l.text.chars().any(is_junk) {
            let before = l
                .text
                .chars()
                .filter(|c| is_junk(*c))
                .map(|c| format!("U+{:04X}", c as u32))
                .collect::<Vec<_>>()
                .join(" ");
            l.text = l
                .text
                .chars()
                .filter(|c| !is_junk(*c))
                .collect::<String>()
                .trim_end()
                .to_string();
            changes.push(Change {
                kind: ChangeKind::Junk,
                line: l.line,
                before,
                after: String::new(),
            });
        }
    }
    strip_page_numbers(&mut lines, &mut changes);
    drop_teasers(&mut lines, &mut changes);
    fix_title(&mut lines, &mut changes);
    join_broken(&mut lines, &mut changes);
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
    split_headings(&mut lines, &mut changes);
    for l in lines.iter_mut() {
        repair_quotes(l, reference, &mut changes);
    }
    // The lines joined by `\n` are what is tested; no word spans a line break.
    let spun = looks_spun_lines(lines.iter().map(|l| l.text.as_str()));
    if spun {
        for l in lines.iter_mut() {
            if !has_spun_word(&l.text) {
                continue;
            }
            let (t, ch) = reference.despin_line(&l.text);
            for (before, after) in ch {
                changes.push(Change {
                    kind: ChangeKind::Despun,
                    line: l.line,
                    before,
                    after,
                });
            }
            l.text = t;
        }
    }
    let mut placeholders = 0;
    for l in &lines {
        let n = count_placeholders(&l.text);
        placeholders += n;
        if n > 0 {
            changes.push(Change {
                kind: ChangeKind::Placeholder,
                line: l.line,
                before: String::new(),
                after: format!("{n} placeholder(s) kept"),
            });
        }
    }

    // Output: blank-line runs collapsed, no leading/trailing blank lines.
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for l in &lines {
        if l.text.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(&l.text);
        out.push('\n');
    }
    Normalized {
        text: out,
        changes,
        spun,
        placeholders,
    }
}

fn page_prefix(s: &str) -> Option<(u32, usize)> {
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

fn strip_page_numbers(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
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

fn drop_teasers(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
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
        let l = lines.remove(i);
        changes.push(Change {
            kind: ChangeKind::Teaser,
            line: l.line,
            before: excerpt(l.text.trim(), 30),
            after: String::new(),
        });
    }
}

fn fix_title(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.trim().is_empty())
        .take(40)
        .collect();
    let mut title = None;
    for &i in &nonblank {
        let t = lines[i].text.trim();
        if let Some(p) = t.find("讲话") {
            let before = t[..p].chars().count();
            if t.chars().count() <= 70
                || (before <= 70 && t[p + "讲话".len()..].trim_start().starts_with("同志"))
            {
                title = Some(i);
                break;
            }
        }
    }
    let Some(mut t) = title else { return };
    // A title split over two lines.
    if t > 0 {
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
    // Boilerplate before the title.
    let pre: Vec<usize> = (0..t)
        .filter(|&i| !lines[i].text.trim().is_empty())
        .collect();
    if pre.iter().any(|&i| is_ad(&lines[i].text)) {
        for &i in &pre {
            changes.push(Change {
                kind: ChangeKind::Advertisement,
                line: lines[i].line,
                before: excerpt(lines[i].text.trim(), 30),
                after: String::new(),
            });
        }
        lines.drain(..t);
        t = 0;
    }
    // Boilerplate after the end.
    while let Some(last) = lines.iter().rposition(|l| !l.text.trim().is_empty()) {
        let s = lines[last].text.trim();
        if last > t && is_ad(s) && s.chars().count() <= 80 {
            changes.push(Change {
                kind: ChangeKind::Advertisement,
                line: lines[last].line,
                before: excerpt(s, 30),
                after: String::new(),
            });
            lines.truncate(last);
        } else {
            break;
        }
    }
    // A title glued to the salutation and the text.
    let tl = lines[t].text.clone();
    if let Some(p) = tl.find("讲话") {
        let end = p + "讲话".len();
        let rest = tl[end..].trim_start();
        if let Some(after) = rest.strip_prefix("同志们") {
            let after = after.trim_start_matches([':', '：', ',', '，']);
            let line = lines[t].line;
            changes.push(Change {
                kind: ChangeKind::SplitLine,
                line,
                before: excerpt(&tl[p..], 12),
                after: "讲话⏎同志们：⏎".to_string(),
            });
            lines[t].text = tl[..end].to_string();
            let mut ins = vec![Line {
                text: "同志们：".to_string(),
                line,
            }];
            if !after.trim().is_empty() {
                ins.push(Line {
                    text: after.to_string(),
                    line,
                });
            }
            for (k, l) in ins.into_iter().enumerate() {
                lines.insert(t + 1 + k, l);
            }
        }
    }
}

fn join_broken(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
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

/// Find a heading that starts inside a paragraph: after 。：；！？, the expected numeral and 、
/// (level 1, heading up to 。 of at most 40 characters) or （N） (level 2).
fn split_headings(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
    let mut l1_next = 1u32;
    let mut l2_next = 1u32;
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for l in lines.drain(..) {
        let mut pending = Some(l);
        while let Some(cur) = pending.take() {
            // A heading at the start of the line.
            if let Some((n, rest)) = l1_prefix(&cur.text)
                && n == l1_next
            {
                l1_next += 1;
                l2_next = 1;
                // 一、X。body on one line: the heading gets its own line.
                if let Some(p) = rest.find('。')
                    && rest[..p].chars().count() <= 40
                    && !rest[p + '。'.len_utf8()..].trim().is_empty()
                {
                    let head_end = cur.text.len() - rest.len() + p;
                    let body = rest[p + '。'.len_utf8()..].to_string();
                    changes.push(Change {
                        kind: ChangeKind::SplitLine,
                        line: cur.line,
                        before: excerpt(&cur.text[..head_end + '。'.len_utf8()], 30),
                        after: "heading on its own line".into(),
                    });
                    out.push(Line {
                        text: cur.text[..head_end].to_string(),
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
            match find_inner_heading(&cur.text, start_scan, l1_next, l2_next) {
                Some((pos, level)) => {
                    let (a, b) = cur.text.split_at(pos);
                    changes.push(Change {
                        kind: ChangeKind::SplitLine,
                        line: cur.line,
                        before: format!("{}{}", tail(a, 8), excerpt(b, 12)),
                        after: format!("level-{level} heading on a new line"),
                    });
                    out.push(Line {
                        text: a.to_string(),
                        line: cur.line,
                    });
                    pending = Some(Line {
                        text: b.to_string(),
                        line: cur.line,
                    });
                }
                None => out.push(cur),
            }
        }
    }
    *lines = out;
}

fn find_inner_heading(s: &str, skip_chars: usize, l1: u32, l2: u32) -> Option<(usize, u8)> {
    // The first character looked at (never the first of the line: it follows a stop).
    let min_pos = s
        .char_indices()
        .nth(skip_chars.max(1))
        .map_or(s.len(), |(i, _)| i);
    // The stops 。：；！？ are three bytes starting E3 or EF (bytes that never continue a
    // character): find those bytes, then compare the whole character.
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&x| x == 0xE3 || x == 0xEF) {
        let at = i + k;
        let pos = at + 3;
        i = pos;
        if pos >= b.len() {
            break;
        }
        let stop = matches!(
            b[at..pos],
            [0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x9A | 0x9B | 0x81 | 0x9F]
        );
        if !stop || pos < min_pos {
            continue;
        }
        let rest = &s[pos..];
        if let Some((n, head)) = l1_prefix(rest)
            && n == l1
            && head.chars().next().is_some_and(is_han)
            && let Some(p) = head.find('。')
            && (2..=40).contains(&head[..p].chars().count())
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
    }
    None
}

/// True when every “ of a line is closed by a ” before the next “ and every ” closes one.
fn quotes_balanced(s: &str) -> bool {
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

fn repair_quotes(l: &mut Line, reference: &Reference, changes: &mut Vec<Change>) {
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
        {
            // 2. a short clause ending at punctuation.
            Some(p + 1 + k)
        } else if seg_end < chars.len()
            && chars[seg_end] == '“'
            && (2..=8).contains(&seg_chars.len())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Normalized {
        normalize_with(s, &Reference::builtin())
    }

    const CLEAN: &str = "在全县重点工作推进会议上的讲话\n（2024年2月26日）\n同志们：\n今天召开会议。下面，我讲三点意见。\n一、提高认识抓落实\n要提高认识。\n（一）抓好项目建设。项目是关键。\n一要加快进度。二要保证质量。\n同志们，让我们共同努力！\n";

    #[test]
    fn clean_text_passes_unchanged() {
        let n = norm(CLEAN);
        assert_eq!(n.text, CLEAN);
        assert!(!n.changed(), "{:?}", n.changes);
    }

    #[test]
    fn strips_ads_before_the_title() {
        let raw = format!("仅供学习 禁止外传\n酷乐文行\n现在订阅立享所有资料\n\n\n{CLEAN}");
        let n = norm(&raw);
        assert_eq!(n.text, CLEAN);
        assert_eq!(n.count(ChangeKind::Advertisement), 3);
    }

    #[test]
    fn drops_teaser_and_joins_split_title() {
        let raw = " 在全县重点工作推进会议上的讲话同志们：今天召开会议。下面...\n在全县重点工作推进\n会议上的讲话\n同志们：\n今天召开会议。下面，我讲三点意见。\n";
        let n = norm(raw);
        assert_eq!(
            n.text,
            "在全县重点工作推进会议上的讲话\n同志们：\n今天召开会议。下面，我讲三点意见。\n"
        );
        assert_eq!(n.count(ChangeKind::Teaser), 1);
    }

    #[test]
    fn page_numbers_broken_lines_inline_headings_and_width() {
        let raw = "1、在2023年县政府全体会上的讲话同志们:今年是关键一年,做好工作至关重要。下面讲几点意见:一、把握大\n2、势抓落实。要把握大势。一要看清形势。二要抓住机遇。二、科学统筹抓落实。要统筹兼顾,抓好“两会精神落实。\n3、我就讲这么多。\n";
        let n = norm(raw);
        assert_eq!(
            n.text,
            "在2023年县政府全体会上的讲话\n同志们：\n今年是关键一年，做好工作至关重要。下面讲几点意见：\n一、把握大势抓落实\n要把握大势。一要看清形势。二要抓住机遇。\n二、科学统筹抓落实\n要统筹兼顾，抓好“两会”精神落实。我就讲这么多。\n"
        );
        assert_eq!(n.count(ChangeKind::PageNumber), 3);
        assert_eq!(n.count(ChangeKind::QuoteRepaired), 1);
        assert_eq!(norm(&n.text).text, n.text, "idempotent");
    }

    #[test]
    fn joins_line_broken_mid_sentence() {
        let raw = "标题的讲话\n同志们：\n另一个是方法问题，就是要\n“并联”不要“串联”。\n一、抓落实\n正文。\n";
        let n = norm(raw);
        assert!(
            n.text.contains("就是要“并联”不要“串联”。\n一、抓落实\n"),
            "{}",
            n.text
        );
        assert_eq!(n.count(ChangeKind::JoinedLine), 1);
    }

    #[test]
    fn unclear_quote_is_flagged_not_changed() {
        let n = norm("标题的讲话\n坚决摒弃“简单以GDP增长率论英雄的错误观念，又要防止偏差。\n");
        assert_eq!(n.count(ChangeKind::QuoteUnbalanced), 1);
        assert!(n.text.contains("“简单以GDP增长率论英雄的错误观念，"));
    }

    #[test]
    fn placeholders_are_counted() {
        assert_eq!(
            count_placeholders("XX书记、xx县、X个部门，完成**项，增长*.*%，20**年，GDP"),
            6
        );
    }

    #[test]
    fn stop_characters_and_their_bytes() {
        for (c, bytes) in [
            ('。', [0xE3, 0x80, 0x82]),
            ('：', [0xEF, 0xBC, 0x9A]),
            ('；', [0xEF, 0xBC, 0x9B]),
            ('！', [0xEF, 0xBC, 0x81]),
            ('？', [0xEF, 0xBC, 0x9F]),
        ] {
            let mut buf = [0u8; 4];
            assert_eq!(c.encode_utf8(&mut buf).as_bytes(), bytes);
        }
        assert_eq!(
            find_inner_heading("要统筹兼顾。二、科学统筹抓落实。要统筹。", 0, 2, 1),
            Some(("要统筹兼顾。".len(), 1))
        );
        assert_eq!(find_inner_heading("二、科学统筹抓落实。", 0, 2, 1), None);
    }

    #[test]
    fn half_width_rules() {
        assert_eq!(
            fix_width("兄弟县(市、区)相比,位居第8,增长6.5%,1,000元").0,
            "兄弟县（市、区）相比，位居第8，增长6.5%，1,000元"
        );
    }
}
