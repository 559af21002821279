//! Cleaning raw speech text, reporting every change.
//!
//! Writers paste what they have — a web page, a PDF, a .docx — so the rules go by the shape of the
//! noise, never by one site's words. The steps, in order: page-number prefixes (`3、` glued to
//! every line of a page dump) are stripped and the pages joined, and a PDF's page breaks inside
//! the text (a line that is only a page mark; `N、` glued to a line that continues a word) go;
//! teaser lines that repeat the start are dropped; flattened text is split at its structure
//! ([`split_structure`]: gaps before a salutation, a heading or chrome and after a title or a
//! byline; a title glued to `同志们：`); web chrome is dropped by its shape
//! ([`super::chrome`]) and so is the advertisement before the title; the title is found by its
//! form (在…上的讲话, …讲话稿, …发言 …), joined when split over two lines and read once when
//! repeated; lines broken mid-sentence are joined into paragraphs; half-width punctuation next to
//! Chinese becomes full width (brackets and straight quotes by pairs); level-1 (一、) and level-2
//! (（一）) headings that start in the middle of a paragraph get their own line, a level-1 heading
//! keeping its stop and ending before its body ([`heading_end`]); spaces inside Chinese text are
//! removed; unbalanced quotes are closed where the closing place is clear (a known formula, a
//! short clause) and flagged otherwise; a spun (伪原创) document is de-spun from evidence
//! ([`super::despin`]); placeholders (XX, xx, X, **, *.*) are counted. Every removed line is
//! reported in full, so nothing of the speech is lost unseen. Normalising twice changes nothing.

use serde::Serialize;

use super::chrome::{chrome_start, crumb_prefix, is_ad, is_chrome, runs_to_end};
use super::despin::{Reference, has_spun_word, looks_spun_lines};
use super::{cn_digit, salutation_len, title_form};
use crate::text::{is_cjk_punct, is_han};

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
    /// Spaces inside Chinese text (a PDF's layout) were removed.
    Spacing,
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
            ChangeKind::Spacing => "spacing",
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
    let n = s.trim().chars().count();
    ((l1_prefix(s).is_some() || l2_prefix(s).is_some()) && n <= 70)
        || (di_prefix(s).is_some() && n <= 30)
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
        .any(|b| matches!(b, b',' | b':' | b';' | b'?' | b'!' | b'(' | b')' | b'"'))
}

/// The brackets and straight quotes of a line that become full width, by char index: a bracket
/// pair where one of the two is half width and the pair holds or touches Chinese (both of a pair
/// or neither; an unmatched one stays); straight quotes when the line holds an even number of
/// them, pairwise, where the pair holds or touches Chinese.
fn paired_marks(chars: &[char]) -> Vec<(usize, char)> {
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
fn fix_width(line: &str) -> (String, usize) {
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

/// Spaces inside Chinese text (a PDF's layout: `推 动发展`) removed from the paragraphs of the
/// body: a gap between two Chinese characters or marks in a line that is a sentence. Short lines
/// without a stop (a byline `县长 王某某`) keep theirs.
// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
fn remove_gaps(l: &mut Line, changes: &mut Vec<Change>) {
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

/// Normalise with the shared reference (the built-in table: the same output on every machine).
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
    strip_page_breaks(&mut lines, &mut changes);
    drop_teasers(&mut lines, &mut changes);
    let any_gap = split_structure(&mut lines, &mut changes);
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
        if any_gap {
            remove_gaps(l, &mut changes);
        }
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

// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
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

// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
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
        drop_line(lines, i, ChangeKind::Teaser, changes);
    }
}

/// Whitespace that separates pieces of flattened text (spaces, ideographic spaces, tabs).
fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '\u{a0}')
}

/// True when a line holds a gap (a cheap byte test: most lines of a clean text hold none).
fn has_gap(s: &str) -> bool {
    // Each a fast substring search (the ideographic space as a string: its last byte, 0x80,
    // continues most Chinese characters, so a search for the char would stop everywhere).
    s.contains(' ') || s.contains('\t') || s.contains("\u{3000}") || s.contains("\u{a0}")
}

/// A level-1 or level-2 heading prefix, or 第一，/第一、, at the start of `s` with text after it.
fn starts_heading(s: &str) -> bool {
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
fn starts_enumeration(r: &str) -> bool {
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

/// True when a whitespace gap in a line of flattened text separates two pieces of structure:
/// before a salutation, a heading, the closing 同志们 or chrome; after a title, a byline in
/// brackets or chrome.
fn gap_splits(before: &str, after: &str) -> bool {
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
fn split_structure(lines: &mut Vec<Line>, changes: &mut Vec<Change>) -> bool {
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
fn split_salutation(p: &str) -> Vec<String> {
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
        let (title, byline) = super::split_title_byline(head);
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

/// A line that is only a page mark: `3`, `- 4 -`, `第4页`, `第 4 页 共 12 页`, `4/12`.
fn is_page_mark(s: &str) -> bool {
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
fn strip_page_breaks(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
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

fn drop_line(lines: &mut Vec<Line>, i: usize, kind: ChangeKind, changes: &mut Vec<Change>) {
    let l = lines.remove(i);
    changes.push(Change {
        kind,
        line: l.line,
        before: l.text.trim().to_string(),
        after: String::new(),
    });
}

// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
fn fix_title(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
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

// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
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

/// Where a level-1 heading (the text after `一、`) ends: (end of the heading, start of the body).
/// The heading is the first sentence (its stop kept), or the text before a gap; a sentence too
/// long for a heading whose clause runs into a body opener ends before the opener. `None`: the
/// whole text is the heading.
fn heading_end(rest: &str) -> Option<(usize, usize)> {
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
fn split_headings(lines: &mut Vec<Line>, changes: &mut Vec<Change>) {
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
fn find_inner_heading(
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

/// True when the quote at `p` opens someone's words (after a colon: `他说：“…`), whose end
/// cannot be told from a nearby comma.
fn quotes_an_utterance(chars: &[char], p: usize) -> bool {
    p > 0 && matches!(chars[p - 1], '：' | ':')
}

// A pass of its own, kept out of `normalize_with` (which it would bloat and slow).
#[inline(never)]
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
            "在2023年县政府全体会上的讲话\n同志们：\n今年是关键一年，做好工作至关重要。下面讲几点意见：\n一、把握大势抓落实。\n要把握大势。一要看清形势。二要抓住机遇。\n二、科学统筹抓落实。\n要统筹兼顾，抓好“两会”精神落实。我就讲这么多。\n"
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
            find_inner_heading("要统筹兼顾。二、科学统筹抓落实。要统筹。", 0, 2, 1, true),
            Some(("要统筹兼顾。".len(), 1))
        );
        assert_eq!(
            find_inner_heading("二、科学统筹抓落实。", 0, 2, 1, true),
            None
        );
    }

    #[test]
    fn half_width_rules() {
        assert_eq!(
            fix_width("兄弟县(市、区)相比,位居第8,增长6.5%,1,000元").0,
            "兄弟县（市、区）相比，位居第8，增长6.5%，1,000元"
        );
    }
}
