//! Taking candidates out of a speech: recaps, announcements, openings and closings by their
//! place; slogans, enumerations, proverbs, transitions and sentence frames by their shape; and
//! the heading families and the order of parts.

use std::collections::BTreeSet;

use super::classify::{part_category, speech_year};
use super::generalise::generalise;
use super::{Candidate, KindOrder, MAX_SOURCES, Miner};
use crate::corpus::normalize::{count_placeholders, normalize};
use crate::corpus::outline::parse;
use crate::lexicon::kinds::kind_named;
use crate::lexicon::themes::theme_named;
use crate::model::{Part, Speech};
use crate::text::is_han;

impl Miner {
    fn add(
        &mut self,
        role: &'static str,
        text: &str,
        theme: Option<&str>,
        source: &str,
        year: Option<i32>,
    ) {
        let text = text.trim();
        if text.bytes().any(|b| b.is_ascii_digit())
            || text.chars().nth(1).is_none()
            || count_placeholders(text) > 0
        {
            return;
        }
        let seen = |c: &mut Candidate| {
            c.count += 1;
            if c.sources.len() < MAX_SOURCES && !c.sources.iter().any(|s| s == source) {
                c.sources.push(source.to_string());
            }
            if let Some(t) = theme
                && !c.themes.contains(t)
            {
                c.themes.insert(t.to_string());
            }
            if let Some(y) = year {
                c.years.insert(y);
            }
        };
        let role_cands = self.cands.entry(role).or_default();
        match role_cands.get_mut(text) {
            Some(c) => seen(c),
            None => {
                let mut c = Candidate {
                    role,
                    text: text.to_string(),
                    themes: BTreeSet::new(),
                    count: 0,
                    sources: Vec::new(),
                    years: BTreeSet::new(),
                };
                seen(&mut c);
                role_cands.insert(text.to_string(), c);
            }
        }
    }

    /// Mine one raw document (normalised and parsed here). `name` is the short source name (`000`).
    pub fn add_document(&mut self, name: &str, raw: &str) {
        let norm = normalize(raw);
        let sp = parse(&norm.text);
        self.add_speech(name, &sp, &norm.text);
    }

    /// Mine one parsed speech.
    pub fn add_speech(&mut self, name: &str, sp: &Speech, text: &str) {
        self.documents += 1;
        let year = speech_year(sp, text);
        let src = |line: usize| format!("{name}:{line}");
        // Heading families.
        self.add_family(1, &sp.parts, name, year);
        for p in &sp.parts {
            self.add_family(2, &p.parts, name, year);
        }
        // Kind order.
        if !sp.parts.is_empty() {
            let order: Vec<String> = sp
                .parts
                .iter()
                .map(|p| part_category(p).to_string())
                .collect();
            self.kinds
                .entry(kind_named(&sp.title).name().to_string())
                .or_default()
                .push(KindOrder {
                    source: name.to_string(),
                    title: sp.title.clone(),
                    order,
                });
        }
        // Speech-level roles.
        for p in &sp.opening {
            for s in &p.sentences {
                let t = s.text.as_str();
                let line = p.line;
                if t.starts_with("刚才") {
                    self.add("recap", t, None, &src(line), year);
                } else if t.contains("下面") && t.contains("意见") {
                    let generic = replace_count(t);
                    self.add("announce", &generic, None, &src(line), year);
                } else if t.chars().count() <= 60
                    && (t.starts_with("今天") || t.contains("主要任务"))
                {
                    self.add("opening", t, None, &src(line), year);
                }
            }
        }
        for p in &sp.closing {
            for s in &p.sentences {
                if s.text.chars().count() <= 60 {
                    self.add("closing", &s.text, None, &src(p.line), year);
                }
            }
        }
        // Everything else, sentence by sentence, a paragraph at a time (not gathered first: a
        // copy of every paragraph was ~4× a text of short lines).
        for p in &sp.parts {
            let th = theme_named(&p.heading).map(|t| t.0);
            for b in &p.body {
                self.mine_text(&b.text(), &src(b.line), th, year);
            }
            for it in &p.items {
                let t = format!("{}。{}", it.lead, it.body.text());
                self.mine_text(&t, &src(it.line), th, year);
            }
            for q in &p.parts {
                let th2 = theme_named(&q.heading).map(|t| t.0).or(th);
                for b in &q.body {
                    self.mine_text(&b.text(), &src(b.line), th2, year);
                }
                for it in &q.items {
                    let t = format!("{}。{}", it.lead, it.body.text());
                    self.mine_text(&t, &src(it.line), th2, year);
                }
            }
        }
        for p in sp.opening.iter().chain(sp.closing.iter()) {
            self.mine_text(&p.text(), &src(p.line), None, year);
        }
    }

    /// Mine one paragraph's text: its quotations, then each sentence's shapes.
    pub(super) fn mine_text(
        &mut self,
        text: &str,
        source: &str,
        theme: Option<&str>,
        year: Option<i32>,
    ) {
        let at = At {
            source,
            theme,
            year,
        };
        self.quotations(text, &at);
        for s in crate::corpus::outline::sentences(text) {
            self.enumerations(s, &at);
            let n = self.four_character_runs(s, &at);
            self.proverb(s, &at);
            self.transition(s, n, &at);
            self.frame(s, n, &at);
        }
    }

    /// Quoted formulas (“六稳”) and quotations of a sentence or so.
    fn quotations(&mut self, text: &str, at: &At) {
        if text.contains('“') {
            let mut open: Option<usize> = None; // the byte after the last “
            for (i, c) in text.char_indices() {
                match c {
                    '“' => open = Some(i + c.len_utf8()),
                    '”' => {
                        if let Some(p) = open.take() {
                            let q = &text[p..i];
                            let n = q.chars().count();
                            let formula =
                                (2..=10).contains(&n) && q.chars().all(|c| is_han(c) || c == '、');
                            let quotation = (8..=40).contains(&n) && q.ends_with(['。', '！']);
                            if formula || quotation {
                                self.add("slogan", &format!("“{q}”"), at.theme, at.source, at.year);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// Enumerations (稳增长、调结构、促转型): a clause of at least three items split by 、.
    fn enumerations(&mut self, s: &str, at: &At) {
        if s.contains('、') {
            for cl in s.split(['，', '。', '；', '：', '！', '？', '“', '”']) {
                if !cl.contains('、') {
                    continue;
                }
                let items: Vec<&str> = cl.split('、').collect();
                if items.len() >= 3 {
                    let l = items[1].chars().count();
                    if (2..=4).contains(&l)
                        && items[1..]
                            .iter()
                            .all(|it| it.chars().count() == l && it.chars().all(is_han))
                    {
                        let first: String = {
                            let c: Vec<char> = items[0].chars().collect();
                            c[c.len().saturating_sub(l)..].iter().collect()
                        };
                        if first.chars().count() == l
                            && first.chars().all(is_han)
                            && self.whole_word_end(cl, &first)
                        {
                            let e = std::iter::once(first.as_str())
                                .chain(items[1..].iter().copied())
                                .collect::<Vec<_>>()
                                .join("、");
                            self.add("slogan", &e, at.theme, at.source, at.year);
                        }
                    }
                }
            }
        }
    }

    /// Runs of four-character clauses (只争朝夕、真抓实干): the segments between ，。；、！：, and
    /// an empty one after the last, in one pass. Returns the sentence's length in characters,
    /// counted on the way.
    fn four_character_runs(&mut self, s: &str, at: &At) -> usize {
        let mut run: Vec<&str> = Vec::new();
        let (mut seg_start, mut seg_chars, mut seg_han) = (0, 0, true);
        let mut n = 0; // the sentence's characters
        let mut chars = s.char_indices();
        loop {
            let next = chars.next();
            let (end, sep_len) = match next {
                Some((_, c)) if !matches!(c, '，' | '。' | '；' | '、' | '！' | '：') => {
                    n += 1;
                    seg_chars += 1;
                    seg_han &= is_han(c);
                    continue;
                }
                Some((i, c)) => {
                    n += 1;
                    (i, c.len_utf8())
                }
                None => (s.len(), 0),
            };
            if seg_chars == 4 && seg_han {
                run.push(&s[seg_start..end]);
            } else {
                if run.len() >= 2 {
                    self.add("slogan", &run.join("，"), at.theme, at.source, at.year);
                }
                run.clear();
            }
            if next.is_none() {
                break;
            }
            (seg_start, seg_chars, seg_han) = (end + sep_len, 0, true);
        }
        if run.len() >= 2 {
            self.add("slogan", &run.join("，"), at.theme, at.source, at.year);
        }
        n
    }

    /// Proverbs: two (or four) clauses of equal length 5–7.
    fn proverb(&mut self, s: &str, at: &At) {
        let (mut clauses, mut len0, mut proverb) = (0, 0, true);
        for c in s.trim_end_matches(['。', '！']).split('，') {
            clauses += 1;
            let n = c.chars().count();
            if clauses == 1 {
                len0 = n;
            }
            if clauses > 4 || !((5..=7).contains(&n) && n == len0 && c.chars().all(is_han)) {
                proverb = false;
                break;
            }
        }
        if proverb && (clauses == 2 || clauses == 4) {
            self.add("slogan", s, at.theme, at.source, at.year);
        }
    }

    /// Transitions: a short sentence (`n` characters) opening with 同时, 此外 ….
    fn transition(&mut self, s: &str, n: usize, at: &At) {
        for t in ["同时", "此外", "在此基础上", "总之", "因此", "对此", "为此"] {
            if s.starts_with(t) && n <= 30 {
                self.add("transition", s, None, at.source, at.year);
            }
        }
    }

    /// Frames: a sentence (`n` characters) about a theme with the theme word as {topic}.
    fn frame(&mut self, s: &str, n: usize, at: &At) {
        if (12..=40).contains(&n)
            && let Some((th, kw)) = theme_named(s)
            && self.is_whole_word(s, kw)
        {
            let mut f = s.replacen(kw, "{topic}", 1);
            for (from, to) in [
                ("全县", "{area}"),
                ("县委", "{party}"),
                ("县政府", "{gov}"),
                ("各镇各部门", "{units}"),
                ("各级各部门", "{units}"),
            ] {
                if f.contains(from) {
                    f = f.replace(from, to);
                }
            }
            self.add("frame", &f, Some(th), at.source, at.year);
        }
    }

    /// The family of sibling `parts` (two or more), as one pattern, found at the first's line.
    fn add_family(&mut self, level: u8, parts: &[Part], name: &str, year: Option<i32>) {
        let [first, _, ..] = parts else {
            return;
        };
        let hs: Vec<String> = parts.iter().map(|p| p.heading.clone()).collect();
        let source = format!("{name}:{}", first.line);
        if let Some(f) = generalise(level, &hs, &source, year) {
            self.families.push(f);
        }
    }
}

fn replace_count(s: &str) -> String {
    for n in ["两", "三", "四", "五", "六", "几"] {
        for suffix in ["点意见", "个方面"] {
            let w = format!("{n}{suffix}");
            if s.contains(&w) {
                return s.replacen(&w, &format!("{{count}}{suffix}"), 1);
            }
        }
    }
    s.to_string()
}

/// Where a text was found: its source (`file:line`), the theme of its part and the speech's year.
struct At<'a> {
    source: &'a str,
    theme: Option<&'a str>,
    year: Option<i32>,
}
