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
//! keeping its stop and ending before its body ([`headings::heading_end`]); spaces inside Chinese text are
//! removed; unbalanced quotes are closed where the closing place is clear (a known formula, a
//! short clause) and flagged otherwise; a spun (伪原创) document is de-spun from evidence
//! ([`super::despin`]); placeholders (XX, xx, X, **, *.*) are counted. Every removed line is
//! reported in full, so nothing of the speech is lost unseen. Normalising twice changes nothing.
//!
//! This file holds the change report, the line model and the order of the passes
//! ([`normalize_with`]) with the small passes (junk characters, de-spinning, placeholders); the
//! others live by job in `pages`, `title`, `structure` (splitting flattened text, joining broken
//! lines, spaces), `headings` and `punctuation` (full-width marks, quotes).

mod headings;
mod pages;
mod punctuation;
mod structure;
mod title;

pub use headings::{di_prefix, l1_prefix, l2_prefix};
pub use punctuation::fix_width_text;

use crate::corpus::despin::{Reference, has_spun_word, looks_spun_lines};
use headings::split_headings;
use pages::{strip_page_breaks, strip_page_numbers};
use punctuation::{cjkish, fix_punctuation, repair_quotes};
use serde::Serialize;
use structure::{join_broken, remove_gaps, split_structure};
use title::{drop_teasers, fix_title};

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

/// Normalise with a given de-spinning reference: the passes, in order (the module doc says why).
pub fn normalize_with(text: &str, reference: &Reference) -> Normalized {
    let mut changes = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text: std::borrow::Cow<str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    let mut lines = read_lines(&text);
    strip_junk(&mut lines, &mut changes);
    strip_page_numbers(&mut lines, &mut changes);
    strip_page_breaks(&mut lines, &mut changes);
    drop_teasers(&mut lines, &mut changes);
    let any_gap = split_structure(&mut lines, &mut changes);
    fix_title(&mut lines, &mut changes);
    join_broken(&mut lines, &mut changes);
    fix_punctuation(&mut lines, &mut changes);
    split_headings(&mut lines, &mut changes);
    for l in lines.iter_mut() {
        if any_gap {
            remove_gaps(l, &mut changes);
        }
        repair_quotes(l, reference, &mut changes);
    }
    let spun = despin(&mut lines, reference, &mut changes);
    let placeholders = mark_placeholders(&lines, &mut changes);
    Normalized {
        text: join_lines(&lines, text.len()),
        changes,
        spun,
        placeholders,
    }
}

/// The input's lines, ends trimmed, numbered from 1. A run of blank lines is one blank line in
/// the output: only its first is kept here, so that 8 MB of blank lines is not 8 million lines
/// through every pass (it took 68× the input).
fn read_lines(text: &str) -> Vec<Line> {
    let mut prev_blank = false;
    text.split('\n')
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
        .collect()
}

/// Invisible and private-use characters (font junk, zero-width spaces) go, each line's named.
fn strip_junk(lines: &mut [Line], changes: &mut Vec<Change>) {
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
}

/// De-spin a document that looks spun (the lines joined by `\n` are what is tested; no word
/// spans a line break); true when it did.
fn despin(lines: &mut [Line], reference: &Reference, changes: &mut Vec<Change>) -> bool {
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
    spun
}

/// Count the placeholders kept, reporting each line that has some; the total.
fn mark_placeholders(lines: &[Line], changes: &mut Vec<Change>) -> usize {
    let mut placeholders = 0;
    for l in lines {
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
    placeholders
}

/// The output: blank-line runs collapsed, no leading/trailing blank lines, each line ended.
fn join_lines(lines: &[Line], capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut blank = false;
    for l in lines {
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
    out
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

#[cfg(test)]
mod tests {
    use super::headings::find_inner_heading;
    use super::punctuation::fix_width;
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
