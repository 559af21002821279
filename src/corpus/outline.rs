//! THE parser: clean speech text → [`Speech`].
//!
//! Title (the first line when shaped like one; none when the text starts at 同志们 or the
//! opening; a speaker prefix `王某某：` and a bracketed byline after it go to the byline);
//! optional byline lines (`（2024年2月26日）`, `县长 张三`); an optional salutation
//! (`同志们：`); opening paragraphs; level-1 parts (`一、` lines, numbered in order; `第一，`
//! lines when the speech has no 一、, `一是` paragraphs when it has neither); level-2 parts
//! (a `（一）` line, or a `（一）X。` sentence opening its paragraph, then `inline_heading`); level-3
//! items (一要/一是/1./第一，) that start a paragraph or run on inside one — a run must begin with 1
//! and be followed by its 2, so a lone 一要 sentence is not an item and `1.5%` never is; and a
//! closing from the paragraph that starts `同志们，` after the parts. Paragraphs are split into
//! sentences at 。！？ (closing quotes stay with their sentence); every part, item, paragraph and
//! sentence records its 1-based line.

use serde_json::{Value, json};

use super::cn_digit;
use super::normalize::{di_prefix, l1_prefix, l2_prefix};
use super::split_title_byline;
use crate::model::{Item, ItemMarker, Origin, Paragraph, Part, Sentence, Speech};
use crate::text::is_han;

/// Split a paragraph into sentences at 。！？ (closing quotes and brackets stay with the sentence).
pub fn split_sentences(text: &str, line: usize) -> Vec<Sentence> {
    let mut v: Vec<Sentence> = sentences(text)
        .map(|s| Sentence::new(s, Origin::Text { line }))
        .collect();
    // A collected list starts with room for four: most paragraphs of a long text of short lines
    // hold one sentence, and the room for three more cost ~3× the text.
    v.shrink_to_fit();
    v
}

/// The sentences of [`split_sentences`] as slices of `text`.
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences {
        text,
        start: 0,
        pos: 0,
    }
}

/// Iterator of [`sentences`]: the current sentence is `text[start..]`, scanned up to `pos`.
pub struct Sentences<'a> {
    text: &'a str,
    start: usize,
    pos: usize,
}

impl<'a> Iterator for Sentences<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.text;
        let bytes = text.as_bytes();
        // The characters that can end a sentence (。！？：；!?) start with one of these bytes
        // (none of them continues a UTF-8 sequence); everything else is skipped undecoded.
        while let Some(k) = bytes[self.pos..]
            .iter()
            .position(|&b| matches!(b, 0xE3 | 0xEF | b'!' | b'?'))
        {
            let i = self.pos + k;
            let c = text[i..].chars().next().unwrap_or_default();
            let end = i + c.len_utf8().max(1);
            self.pos = end;
            if matches!(c, '。' | '！' | '？' | '!' | '?') {
                let mut end = end;
                // Closing quotes and brackets stay with the sentence.
                while let Some(d) = text[end..].chars().next()
                    && matches!(d, '。' | '！' | '？' | '”' | '’' | '）' | '」' | '』')
                {
                    end += d.len_utf8();
                }
                let s = &text[self.start..end];
                (self.start, self.pos) = (end, end);
                return Some(s);
            } else if matches!(c, '：' | '；') {
                // An enumeration of items after a colon or semicolon: 下功夫：一要… (the marker is
                // looked for in the next 6 characters).
                let after = &text[end..];
                let rest = after
                    .char_indices()
                    .nth(6)
                    .map_or(after, |(k, _)| &after[..k]);
                if item_marker(rest).is_some() {
                    let s = &text[self.start..end];
                    self.start = end;
                    return Some(s);
                }
            }
        }
        self.pos = text.len();
        let s = &text[self.start..];
        self.start = text.len();
        (!s.trim().is_empty()).then_some(s)
    }
}

fn strip_end(s: &str) -> String {
    s.trim()
        .trim_end_matches(['。', '；', '：', '！'])
        .to_string()
}

fn is_salutation(s: &str) -> bool {
    s.chars().count() <= 24
        && (s.ends_with('：') || s.ends_with(':'))
        && (s.contains("同志") || s.starts_with("各位"))
}

/// The level-3 marker at the start of a sentence: kind, number (0 for an anonymised `*.`), and
/// the byte length of the marker.
pub fn item_marker(s: &str) -> Option<(ItemMarker, u32, usize)> {
    let mut it = s.char_indices();
    let (_, a) = it.next()?;
    let (bi, b) = it.next()?;
    let next_ok = |rest: &str| {
        rest.chars()
            .next()
            .is_some_and(|c| is_han(c) || matches!(c, '“' | '《' | '【' | '*' | 'X'))
    };
    if let Some(n) = cn_digit(a) {
        let len = a.len_utf8() + b.len_utf8();
        match b {
            '要' if next_ok(&s[len..]) => return Some((ItemMarker::Yao, n, len)),
            '是' if next_ok(&s[len..]) => return Some((ItemMarker::Shi, n, len)),
            _ => {}
        }
    }
    if a == '第'
        && let Some(n) = cn_digit(b)
    {
        let (ci, c) = it.next()?;
        if matches!(c, '，' | '、' | ',') {
            return Some((ItemMarker::Di, n, ci + c.len_utf8()));
        }
    }
    // 1. 2、 *.
    let nd = s.bytes().take_while(u8::is_ascii_digit).count();
    let (n, dl) = if nd > 0 && nd <= 2 {
        (s[..nd].parse().ok()?, nd)
    } else if a == '*' {
        (0, 1)
    } else {
        return None;
    };
    let rest = &s[dl..];
    let p = rest.chars().next()?;
    if matches!(p, '.' | '．' | '、') && next_ok(&rest[p.len_utf8()..]) {
        return Some((ItemMarker::Arabic, n, dl + p.len_utf8()));
    }
    let _ = bi;
    None
}

/// A number a writer's edit can leave: the same as the last (a duplicate) or one skipped (a
/// deleted part). The linter reports it; the parser still takes the line as a heading.
fn renumbered(n: u32, count: usize) -> bool {
    count > 0 && (n as usize == count || n as usize == count + 2)
}

/// A line that reads as a heading rather than prose: short, with no full stop before its end.
fn heading_like(rest: &str) -> bool {
    let t = rest.trim_end_matches('。');
    t.chars().count() <= 40 && !t.contains('。')
}

/// A character a level-1 heading may start with: a Chinese character, an opening quote or
/// bracket, or a Latin letter or digit (`一、5G网络建设…`, `一、A级景区创建…`, `一、「三个一」…`).
fn heading_start(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric() || "“《「『（(【".contains(c)
}

/// True for a first line that is a title: no sentence stop, not a salutation, a heading or an
/// item, and short. A speech pasted without its title starts at 同志们 or at the opening.
fn title_like(s: &str) -> bool {
    !s.contains(['。', '！', '？'])
        && !is_salutation(s)
        && !s.starts_with("同志们")
        && s.chars().count() <= 80
        && l1_prefix(s).is_none()
        && l2_prefix(s).is_none()
        && item_marker(s).is_none()
}

/// A title with the speaker before a colon (`王某某：在…上的讲话`): the speaker and the title.
fn split_speaker(t: &str) -> (Option<&str>, &str) {
    if let Some(p) = t.find(['：', ':']) {
        let (who, rest) = (&t[..p], t[p..].trim_start_matches(['：', ':']).trim_start());
        if !who.is_empty() && who.chars().count() <= 12 && super::title_form(rest) {
            return (Some(who.trim()), rest);
        }
    }
    (None, t)
}

/// How a speech numbers its level-1 parts: 一、 (the rule); 第一，/第一、 lines when it has no
/// 一、; 一是 paragraphs when it has neither. A form counts when its 1 and its 2 start lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level1 {
    Dun,
    Di,
    Shi,
}

impl Level1 {
    fn prefix(self, s: &str) -> Option<(u32, &str)> {
        match self {
            Level1::Dun => l1_prefix(s),
            Level1::Di => di_prefix(s),
            Level1::Shi => match item_marker(s) {
                Some((ItemMarker::Shi, n, len)) => Some((n, &s[len..])),
                _ => None,
            },
        }
    }
}

fn level1_form<'a>(lines: impl Iterator<Item = (usize, &'a str)>) -> Level1 {
    // One pass: [any 一、, 第一 starts a line, 第二 does, 一是 does, 二是 does, any （一）].
    let mut seen = [false; 6];
    let starts = |form: Level1, l: &str, n: u32| {
        form.prefix(l).is_some_and(|(m, r)| m == n && !r.is_empty())
    };
    for (_, l) in lines {
        seen[0] |= l1_prefix(l).is_some();
        seen[1] |= starts(Level1::Di, l, 1);
        seen[2] |= starts(Level1::Di, l, 2);
        seen[3] |= starts(Level1::Shi, l, 1);
        seen[4] |= starts(Level1::Shi, l, 2);
        seen[5] |= l2_prefix(l).is_some();
    }
    if seen[0] {
        Level1::Dun
    } else if seen[1] && seen[2] {
        Level1::Di
    } else if seen[3] && seen[4] && !seen[5] {
        Level1::Shi
    } else {
        Level1::Dun
    }
}

/// The non-empty lines of a text, trimmed, with their 1-based numbers (lazily: a text of
/// millions of lines is never held as a list of them).
fn nonempty_lines(text: &str) -> impl Iterator<Item = (usize, &str)> + Clone {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| (i + 1, l.trim_matches([' ', '\u{3000}', '\t', '\r'])))
        .filter(|(_, l)| !l.is_empty())
}

/// Parse clean speech text into the document model.
///
/// Two passes over the lines, each holding nothing per line: the first finds, for every part,
/// where its run of items starts (a `1` of a kind followed later by a `2` of that kind); the
/// second builds the speech. So the memory is the speech itself (a long text of short lines or
/// of `1.` items is at most ~10× its size, tests/memory.rs), and the time is linear.
pub fn parse(text: &str) -> Speech {
    let mut sp = Speech::default();
    // Peekable: the first line is looked for once (a text of blank lines is scanned once).
    let mut rest = nonempty_lines(text).peekable();
    if let Some(&(_, t)) = rest.peek()
        && title_like(t)
    {
        let (speaker, title) = split_speaker(t);
        let (title, byline) = split_title_byline(title);
        sp.title = title.to_string();
        sp.byline.extend(speaker.map(str::to_string));
        sp.byline.extend(byline.map(str::to_string));
        rest.next();
        loop {
            let mut look = rest.clone();
            let Some((_, s)) = look.next() else { break };
            if s.chars().count() <= 40
                && !is_salutation(s)
                && l1_prefix(s).is_none()
                && !s.contains('。')
                && !s.ends_with('：')
                && look.next().is_some()
            {
                sp.byline.push(s.to_string());
                rest.next();
            } else {
                break;
            }
        }
    }
    if let Some(&(_, s)) = rest.peek()
        && is_salutation(s)
    {
        sp.salutation = Some(s.to_string());
        rest.next();
    }
    let form = level1_form(rest.clone());

    // Pass 1: where each part's run of items starts.
    let mut runs: Vec<Option<RunStart>> = Vec::new();
    let mut finder = RunFinder::default();
    walk(rest.clone(), form, |e| match e {
        Event::Heading { .. } => {
            if let Some(f) = runs.last_mut() {
                *f = finder.start();
            }
            runs.push(None);
            finder = RunFinder::default();
        }
        Event::Para { text, .. } => finder.para(text),
        Event::Closing { .. } => {}
    });
    if let Some(f) = runs.last_mut() {
        *f = finder.start();
    }

    // Pass 2: the speech.
    let mut runs = runs.into_iter();
    let mut filler: Option<Filler> = None;
    walk(rest, form, |e| match e {
        Event::Heading {
            level,
            number,
            heading,
            inline,
            line,
        } => {
            let part = Part {
                number,
                level,
                heading: strip_end(heading),
                heading_origin: Origin::Text { line },
                inline_heading: inline,
                line,
                ..Default::default()
            };
            if level == 1 {
                sp.parts.push(part);
            } else if let Some(p) = sp.parts.last_mut() {
                p.parts.push(part);
            }
            filler = Some(Filler::new(runs.next().flatten()));
        }
        Event::Para { line, text } => {
            let part = sp.parts.last_mut().map(|p| {
                if p.parts.is_empty() {
                    p
                } else {
                    let last = p.parts.len() - 1;
                    &mut p.parts[last]
                }
            });
            match (part, filler.as_mut()) {
                (Some(part), Some(f)) => f.para(part, line, text),
                _ => sp.opening.push(Paragraph {
                    sentences: split_sentences(text, line),
                    line,
                }),
            }
        }
        Event::Closing { line, text } => sp.closing.push(Paragraph {
            sentences: split_sentences(text, line),
            line,
        }),
    });
    sp
}

/// What [`walk`] meets, in order.
enum Event<'a> {
    /// A level-1 or level-2 heading; `inline` when it is a sentence opening its paragraph, whose
    /// rest follows as a [`Event::Para`] of the new part.
    Heading {
        level: u8,
        number: u32,
        heading: &'a str,
        inline: bool,
        line: usize,
    },
    /// A paragraph of the current container: the opening, a part, or a level-2 part.
    Para { line: usize, text: &'a str },
    /// A paragraph of the closing.
    Closing { line: usize, text: &'a str },
}

/// The structure of the lines after the title block: which are headings, which paragraphs
/// belong to the closing. Both passes of [`parse`] take it, so they agree.
fn walk<'a>(
    lines: impl Iterator<Item = (usize, &'a str)>,
    form: Level1,
    mut on: impl FnMut(Event<'a>),
) {
    let (mut l1, mut l2, mut closing) = (0usize, 0usize, false);
    for (line, s) in lines {
        if closing {
            on(Event::Closing { line, text: s });
            continue;
        }
        if let Some((n, rest)) = form.prefix(s)
            && (n as usize == l1 + 1 || (renumbered(n, l1) && heading_like(rest)))
            && rest.chars().next().is_some_and(heading_start)
        {
            (l1, l2) = (l1 + 1, 0);
            heading(&mut on, 1, n, rest, line);
            continue;
        }
        if let Some((n, rest)) = l2_prefix(s)
            && l1 > 0
            && (n as usize == l2 + 1 || (renumbered(n, l2) && heading_like(rest)))
        {
            l2 += 1;
            heading(&mut on, 2, n, rest, line);
            continue;
        }
        if l1 > 0
            && (s.starts_with("同志们，") || s.starts_with("同志们！") || s.starts_with("同志们,"))
        {
            closing = true;
            on(Event::Closing { line, text: s });
            continue;
        }
        on(Event::Para { line, text: s });
    }
}

/// A heading line: the heading, and when more sentences follow it on its line (`（一）X。正文…`),
/// the rest as the new part's first paragraph.
fn heading<'a>(on: &mut impl FnMut(Event<'a>), level: u8, number: u32, rest: &'a str, line: usize) {
    let mut it = sentences(rest);
    match (it.next(), it.next()) {
        (Some(first), Some(_)) => {
            // `first` is a slice of `rest`: the paragraph is what follows it.
            let end = first.as_ptr() as usize - rest.as_ptr() as usize + first.len();
            on(Event::Heading {
                level,
                number,
                heading: first,
                inline: true,
                line,
            });
            on(Event::Para {
                line,
                text: &rest[end..],
            });
        }
        _ => on(Event::Heading {
            level,
            number,
            heading: rest,
            inline: false,
            line,
        }),
    }
}

/// Where a part's run of items starts: its kind and the (paragraph, sentence) of its `1`.
type RunStart = (ItemMarker, (usize, usize));

/// Pass 1 of [`parse`], for one part: the first `1` of each kind, and whether a `2` of that kind
/// comes after it (the earliest such `1` starts the run; a lone 一要 is not an item).
#[derive(Default)]
struct RunFinder {
    paras: usize,
    kinds: Vec<(ItemMarker, (usize, usize), bool)>,
}

impl RunFinder {
    fn para(&mut self, text: &str) {
        let pi = self.paras;
        self.paras += 1;
        for (si, s) in sentences(text).enumerate() {
            let Some((kind, n, _)) = item_marker(s) else {
                continue;
            };
            let two = n == 2 || (n == 0 && kind == ItemMarker::Arabic);
            match self.kinds.iter_mut().find(|(k, _, _)| *k == kind) {
                Some(e) => e.2 |= two,
                None if n == 1 => self.kinds.push((kind, (pi, si), false)),
                None => {}
            }
        }
    }

    fn start(&self) -> Option<RunStart> {
        self.kinds
            .iter()
            .filter(|e| e.2)
            .map(|&(k, p, _)| (k, p))
            .min_by_key(|&(_, p)| p)
    }
}

/// Pass 2 of [`parse`], for one part: its paragraphs into body paragraphs and level-3 items. The
/// run takes, from its `1` on, each marker of its kind that carries the next number.
struct Filler {
    run: Option<RunStart>,
    paras: usize,
    started: bool,
    expect: u32,
}

impl Filler {
    fn new(run: Option<RunStart>) -> Filler {
        Filler {
            run,
            paras: 0,
            started: false,
            expect: 1,
        }
    }

    fn para(&mut self, part: &mut Part, line: usize, text: &str) {
        let pi = self.paras;
        self.paras += 1;
        let Some((kind, start)) = self.run else {
            part.body.push(Paragraph {
                sentences: split_sentences(text, line),
                line,
            });
            return;
        };
        let mut pre: Vec<Sentence> = Vec::new();
        for (si, s) in sentences(text).enumerate() {
            self.started |= (pi, si) == start;
            let marker = if self.started { item_marker(s) } else { None };
            let in_run = marker.is_some_and(|(k, n, _)| {
                k == kind && (n == self.expect || (n == 0 && kind == ItemMarker::Arabic))
            });
            let sentence = Sentence::new(s, Origin::Text { line });
            if in_run {
                self.expect += 1;
                if !pre.is_empty() {
                    push_loose(part, std::mem::take(&mut pre), line);
                }
                let len = marker.map_or(0, |m| m.2);
                part.items.push(Item {
                    number: part.items.len() as u32 + 1,
                    marker: kind,
                    lead: strip_end(&s[len..]),
                    lead_origin: sentence.origin,
                    body: Paragraph {
                        sentences: Vec::new(),
                        line,
                    },
                    own_paragraph: si == 0,
                    line,
                });
            } else if si > 0
                && let Some(last) = part.items.last_mut()
                && last.line == line
            {
                last.body.sentences.push(sentence);
            } else {
                pre.push(sentence);
            }
        }
        if !pre.is_empty() {
            push_loose(part, pre, line);
        }
    }
}

/// Sentences that are not inside an item: before the first item they are body; after, they run
/// on the last item's body.
fn push_loose(part: &mut Part, mut sentences: Vec<Sentence>, line: usize) {
    match part.items.last_mut() {
        Some(it) => it.body.sentences.extend(sentences),
        None => {
            sentences.shrink_to_fit();
            part.body.push(Paragraph { sentences, line })
        }
    }
}

fn part_json(p: &Part) -> Value {
    json!({
        "number": p.number,
        "level": p.level,
        "heading": p.heading,
        "line": p.line,
        "inline_heading": p.inline_heading,
        "parts": p.parts.iter().map(part_json).collect::<Vec<_>>(),
        "items": p.items.iter().map(|i| i.lead.clone()).collect::<Vec<_>>(),
        "item_marker": p.items.first().map(|i| serde_json::to_value(i.marker).unwrap_or(Value::Null)),
        "item_lines": p.items.iter().map(|i| i.line).collect::<Vec<_>>(),
    })
}

/// The outline in the JSON shape of the CLI contract.
pub fn outline_json(speech: &Speech) -> Value {
    json!({
        "title": speech.title,
        "byline": speech.byline,
        "salutation": speech.salutation,
        "opening": speech.opening.iter().map(Paragraph::text).collect::<Vec<_>>(),
        "parts": speech.parts.iter().map(part_json).collect::<Vec<_>>(),
        "closing": speech.closing.iter().map(Paragraph::text).collect::<Vec<_>>(),
    })
}

/// The outline as an indented text tree.
pub fn outline_text(speech: &Speech) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "{}", speech.title);
    for b in &speech.byline {
        let _ = writeln!(s, "  {b}");
    }
    if let Some(sal) = &speech.salutation {
        let _ = writeln!(s, "{sal}");
    }
    let _ = writeln!(s, "[opening: {} paragraph(s)]", speech.opening.len());
    for p in &speech.parts {
        let _ = writeln!(
            s,
            "{}、{}  (line {})",
            crate::numerals::chinese(p.number),
            p.heading,
            p.line
        );
        items_text(&mut s, p, "  ");
        for q in &p.parts {
            let inline = if q.inline_heading { ", inline" } else { "" };
            let _ = writeln!(
                s,
                "  （{}）{}  (line {}{inline})",
                crate::numerals::chinese(q.number),
                q.heading,
                q.line
            );
            items_text(&mut s, q, "    ");
        }
    }
    let _ = writeln!(s, "[closing: {} paragraph(s)]", speech.closing.len());
    let (a, b, c) = speech.count_parts();
    let _ = writeln!(s, "{a} level-1 part(s), {b} level-2 part(s), {c} item(s)");
    s
}

fn items_text(s: &mut String, p: &Part, indent: &str) {
    use std::fmt::Write;
    for it in &p.items {
        let _ = writeln!(
            s,
            "{indent}{}{}  (line {})",
            it.marker.label(it.number),
            it.lead,
            it.line
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = "在全县重点工作推进会议上的讲话\n（2024年2月26日）\n同志们：\n  今天召开会议。下面，我讲两点意见。\n一、提高认识抓落实\n  要提高认识。\n（一）抓好项目建设\n  项目是关键，要“抓早抓实”。\n  一要加快进度。进度要快。\n  二要保证质量。质量要高。\n（二）优化营商环境。环境就是生产力。\n二、转变作风抓落实\n  一是讲担当。二是讲效率。三是讲纪律。\n  同志们，让我们共同努力！\n  我就讲这么多。\n";

    #[test]
    fn parses_a_draft() {
        let sp = parse(DRAFT);
        assert_eq!(sp.title, "在全县重点工作推进会议上的讲话");
        assert_eq!(sp.byline, vec!["（2024年2月26日）"]);
        assert_eq!(sp.salutation.as_deref(), Some("同志们："));
        assert_eq!(sp.opening.len(), 1);
        assert_eq!(sp.opening[0].sentences.len(), 2);
        assert_eq!(sp.parts.len(), 2);
        let p1 = &sp.parts[0];
        assert_eq!(
            (p1.heading.as_str(), p1.line, p1.parts.len()),
            ("提高认识抓落实", 5, 2)
        );
        let q1 = &p1.parts[0];
        assert!(!q1.inline_heading);
        assert_eq!(q1.items.len(), 2);
        assert_eq!(q1.items[1].lead, "保证质量");
        assert_eq!(q1.items[1].body.text(), "质量要高。");
        assert_eq!(q1.items[1].line, 10);
        assert_eq!(q1.body[0].sentences[0].text, "项目是关键，要“抓早抓实”。");
        let q2 = &p1.parts[1];
        assert!(q2.inline_heading);
        assert_eq!(q2.heading, "优化营商环境");
        assert_eq!(q2.body[0].text(), "环境就是生产力。");
        let p2 = &sp.parts[1];
        assert_eq!(p2.items.len(), 3);
        assert!(!p2.items[1].own_paragraph);
        assert_eq!(p2.items[2].marker, ItemMarker::Shi);
        assert_eq!(sp.closing.len(), 2);
        assert_eq!(sp.closing[0].sentences[0].origin, Origin::Text { line: 14 });
    }

    #[test]
    fn lone_yiyao_and_figures_are_not_items() {
        let sp = parse(
            "标题\n同志们：\n一、抓落实\n  大家要明白。一要看到成绩，增长1.5%。这是事实。\n  1.5%的增长来之不易。\n",
        );
        assert!(sp.parts[0].items.is_empty());
        assert_eq!(sp.parts[0].body.len(), 2);
    }

    #[test]
    fn sentences_keep_closing_quotes() {
        let s = split_sentences("他说：“好。”我们同意！对吗？", 3);
        let t: Vec<_> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(t, vec!["他说：“好。”", "我们同意！", "对吗？"]);
    }

    #[test]
    fn arabic_items_and_anonymised_numbers() {
        let sp = parse(
            "标题\n一、差距\n（一）工作推进上的差距。1.从目标看，完成*.*%。2.从运行看，下降。*.从环境看，落后。\n",
        );
        let q = &sp.parts[0].parts[0];
        assert_eq!(q.items.len(), 3);
        assert_eq!(q.items[2].number, 3);
        assert_eq!(q.items[0].lead, "从目标看，完成*.*%");
    }
}
