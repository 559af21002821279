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

use super::normalize::{di_prefix, l1_prefix, l2_prefix};
use super::split_title_byline;
use super::{cn_digit, is_han};
use crate::model::{Item, ItemMarker, Origin, Paragraph, Part, Sentence, Speech};

/// Split a paragraph into sentences at 。！？ (closing quotes and brackets stay with the sentence).
pub fn split_sentences(text: &str, line: usize) -> Vec<Sentence> {
    sentences(text)
        .map(|s| Sentence::new(s, Origin::Text { line }))
        .collect()
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

/// A paragraph as read, before items are found.
struct RawPara {
    line: usize,
    sentences: Vec<Sentence>,
}

/// A level-1 part being read: the part, its own paragraphs, its level-2 parts with theirs.
type OpenPart = (Part, Container, Vec<(Part, Container)>);

#[derive(Default)]
struct Container {
    paras: Vec<RawPara>,
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

fn level1_form(lines: &[(usize, &str)]) -> Level1 {
    let has = |form: Level1| {
        let starts = |n: u32| {
            lines
                .iter()
                .any(|(_, l)| form.prefix(l).is_some_and(|(m, r)| m == n && !r.is_empty()))
        };
        starts(1) && starts(2)
    };
    if lines.iter().any(|(_, l)| l1_prefix(l).is_some()) {
        Level1::Dun
    } else if has(Level1::Di) {
        Level1::Di
    } else if has(Level1::Shi) && !lines.iter().any(|(_, l)| l2_prefix(l).is_some()) {
        Level1::Shi
    } else {
        Level1::Dun
    }
}

/// Parse clean speech text into the document model.
pub fn parse(text: &str) -> Speech {
    let mut sp = Speech::default();
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_matches([' ', '\u{3000}', '\t', '\r'])))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let mut k = 0;
    if let Some((_, t)) = lines.first()
        && title_like(t)
    {
        let (speaker, title) = split_speaker(t);
        let (title, byline) = split_title_byline(title);
        sp.title = title.to_string();
        sp.byline.extend(speaker.map(str::to_string));
        sp.byline.extend(byline.map(str::to_string));
        k = 1;
    }
    while k > 0 && k < lines.len() {
        let s = lines[k].1;
        if s.chars().count() <= 40
            && !is_salutation(s)
            && l1_prefix(s).is_none()
            && !s.contains('。')
            && !s.ends_with('：')
            && k + 1 < lines.len()
        {
            sp.byline.push(s.to_string());
            k += 1;
        } else {
            break;
        }
    }
    if k < lines.len() && is_salutation(lines[k].1) {
        sp.salutation = Some(lines[k].1.to_string());
        k += 1;
    }
    let form = level1_form(&lines[k..]);

    let mut opening = Container::default();
    // (part, its own container, level-2 parts with their containers)
    let mut parts: Vec<OpenPart> = Vec::new();
    let mut closing: Vec<Paragraph> = Vec::new();
    for &(line, s) in &lines[k..] {
        if !closing.is_empty() {
            closing.push(Paragraph {
                sentences: split_sentences(s, line),
                line,
            });
            continue;
        }
        if let Some((n, rest)) = form.prefix(s)
            && (n as usize == parts.len() + 1 || (renumbered(n, parts.len()) && heading_like(rest)))
            && rest.chars().next().is_some_and(heading_start)
        {
            let (part, body) = heading_part(1, n, rest, line);
            let mut c = Container::default();
            if let Some(b) = body {
                c.paras.push(b);
            }
            parts.push((part, c, Vec::new()));
            continue;
        }
        if let Some((n, rest)) = l2_prefix(s)
            && let Some(last) = parts.last_mut()
            && (n as usize == last.2.len() + 1
                || (renumbered(n, last.2.len()) && heading_like(rest)))
        {
            let (part, body) = heading_part(2, n, rest, line);
            let mut c = Container::default();
            if let Some(b) = body {
                c.paras.push(b);
            }
            last.2.push((part, c));
            continue;
        }
        if !parts.is_empty()
            && (s.starts_with("同志们，") || s.starts_with("同志们！") || s.starts_with("同志们,"))
        {
            closing.push(Paragraph {
                sentences: split_sentences(s, line),
                line,
            });
            continue;
        }
        let para = RawPara {
            line,
            sentences: split_sentences(s, line),
        };
        match parts.last_mut() {
            None => opening.paras.push(para),
            Some((_, c, subs)) => match subs.last_mut() {
                Some((_, sc)) => sc.paras.push(para),
                None => c.paras.push(para),
            },
        }
    }
    sp.opening = opening
        .paras
        .into_iter()
        .map(|p| Paragraph {
            sentences: p.sentences,
            line: p.line,
        })
        .collect();
    for (mut part, c, subs) in parts {
        fill(&mut part, c);
        for (mut sub, sc) in subs {
            fill(&mut sub, sc);
            part.parts.push(sub);
        }
        sp.parts.push(part);
    }
    sp.closing = closing;
    sp
}

/// A heading (line or inline sentence) → the part and the rest of its line as a paragraph.
fn heading_part(level: u8, number: u32, rest: &str, line: usize) -> (Part, Option<RawPara>) {
    let sents = split_sentences(rest, line);
    let mut part = Part {
        number,
        level,
        heading_origin: Origin::Text { line },
        line,
        ..Default::default()
    };
    if sents.len() > 1 {
        part.heading = strip_end(&sents[0].text);
        part.inline_heading = true;
        let body = RawPara {
            line,
            sentences: sents[1..].to_vec(),
        };
        (part, Some(body))
    } else {
        part.heading = strip_end(rest);
        (part, None)
    }
}

/// Sort a container's paragraphs into body paragraphs and level-3 items.
fn fill(part: &mut Part, c: Container) {
    // Every sentence-start marker: (paragraph, sentence, kind, number).
    let mut marks: Vec<(usize, usize, ItemMarker, u32)> = Vec::new();
    for (pi, p) in c.paras.iter().enumerate() {
        for (si, s) in p.sentences.iter().enumerate() {
            if let Some((kind, n, _)) = item_marker(&s.text) {
                marks.push((pi, si, kind, n));
            }
        }
    }
    // The run: a 1 followed (later) by a 2 of the same kind, then consecutive numbers.
    // Linear, not quadratic: where the last "2" of each kind is, found once (a part of 100,000
    // `1.` lines and no `2.` asked the question of every line of every later line).
    let mut last_two: Vec<(ItemMarker, usize)> = Vec::new();
    for (j, &(_, _, k2, n2)) in marks.iter().enumerate() {
        if n2 == 2 || (n2 == 0 && k2 == ItemMarker::Arabic) {
            match last_two.iter_mut().find(|(k, _)| *k == k2) {
                Some(e) => e.1 = j,
                None => last_two.push((k2, j)),
            }
        }
    }
    let mut run: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    let mut run_kind = None;
    for (i, &(_, _, kind, n)) in marks.iter().enumerate() {
        if n != 1 {
            continue;
        }
        let has_two = last_two.iter().any(|&(k, j)| k == kind && j > i);
        if !has_two {
            continue;
        }
        let mut expect = 1;
        for &(pi, si, k2, n2) in &marks[i..] {
            if k2 == kind && (n2 == expect || (n2 == 0 && kind == ItemMarker::Arabic)) {
                run.insert((pi, si));
                expect += 1;
            }
        }
        run_kind = Some(kind);
        break;
    }
    let Some(kind) = run_kind else {
        part.body = c
            .paras
            .into_iter()
            .map(|p| Paragraph {
                sentences: p.sentences,
                line: p.line,
            })
            .collect();
        return;
    };
    let mut number = 0;
    for (pi, p) in c.paras.into_iter().enumerate() {
        let mut pre: Vec<Sentence> = Vec::new();
        for (si, s) in p.sentences.into_iter().enumerate() {
            if run.contains(&(pi, si)) {
                if !pre.is_empty() {
                    push_loose(part, std::mem::take(&mut pre), p.line);
                }
                number += 1;
                let len = item_marker(&s.text).map(|m| m.2).unwrap_or(0);
                part.items.push(Item {
                    number,
                    marker: kind,
                    lead: strip_end(&s.text[len..]),
                    lead_origin: s.origin.clone(),
                    body: Paragraph {
                        sentences: Vec::new(),
                        line: p.line,
                    },
                    own_paragraph: si == 0,
                    line: p.line,
                });
            } else if si > 0
                && let Some(last) = part.items.last_mut()
                && last.line == p.line
            {
                last.body.sentences.push(s);
            } else {
                pre.push(s);
            }
        }
        if !pre.is_empty() {
            push_loose(part, pre, p.line);
        }
    }
}

/// Sentences that are not inside an item: before the first item they are body; after, they run
/// on the last item's body.
fn push_loose(part: &mut Part, sentences: Vec<Sentence>, line: usize) {
    match part.items.last_mut() {
        Some(it) => it.body.sentences.extend(sentences),
        None => part.body.push(Paragraph { sentences, line }),
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
