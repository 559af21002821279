//! Mining a corpus of speeches: heading patterns by sibling family, slogans, sentence frames,
//! openings/recaps/transitions/closings, and the order of parts per meeting kind.
//!
//! [`Miner`] is streaming: [`Miner::add_document`] normalises and parses one document and keeps
//! only aggregated candidates (counts, first sources, years), never the documents themselves.
//! [`Miner::write`] writes the phrasebank-schema candidates, the patterns as Tera templates and the
//! per-kind part order; [`merge`] appends new candidates to a phrasebank, idempotently.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use jieba_rs::Jieba;
use serde::Serialize;

use crate::corpus::normalize::{count_placeholders, normalize};
use crate::corpus::outline::parse;
use crate::corpus::{FastHash, is_cjk_punct, is_han};
use crate::error::{Error, Result};
use crate::model::{Part, Speech};
use crate::phrasebank::{RawFile, RawPhrase, Status};

/// Sources kept per candidate (the count keeps counting).
const MAX_SOURCES: usize = 5;

/// One mined candidate phrase.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub role: &'static str,
    pub text: String,
    pub themes: BTreeSet<String>,
    pub count: u32,
    /// `file:line`, the first few.
    pub sources: Vec<String>,
    pub years: BTreeSet<i32>,
}

/// A slot of a heading pattern and what filled it in the corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Slot {
    /// The name in the pattern (`X`, `A4` …).
    pub name: String,
    /// The Tera variable it becomes.
    pub var: String,
    pub fillers: Vec<String>,
}

/// A family of sibling headings generalised to one pattern.
#[derive(Debug, Clone, Serialize)]
pub struct Family {
    /// 1 or 2.
    pub level: u8,
    /// The pattern with slots: `守住{X}底线，在{Y}上下功夫`.
    pub pattern: String,
    pub slots: Vec<Slot>,
    pub headings: Vec<String>,
    /// `file:line` of the first sibling.
    pub source: String,
    pub year: Option<i32>,
}

impl Family {
    /// The pattern with every slot written `{}`: what two families share when they are the same.
    pub fn skeleton(&self) -> String {
        skeleton(&self.pattern)
    }

    /// The `patterns/*.tera` file of the family: a comment with its source and slots, then the
    /// template.
    pub fn tera_file(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{{# mined from {} ({} siblings, level {}): {} #}}",
            self.source,
            self.headings.len(),
            self.level,
            self.pattern
        );
        for sl in &self.slots {
            let _ = writeln!(
                s,
                "{{# {{{{ {} }}}}: e.g. {} #}}",
                sl.var,
                sl.fillers.join(" / ")
            );
        }
        let _ = writeln!(s, "{}", self.tera());
        s
    }

    /// The pattern as a Tera template body.
    pub fn tera(&self) -> String {
        let mut s = self.pattern.clone();
        for sl in &self.slots {
            s = s.replacen(
                &format!("{{{}}}", sl.name),
                &format!("{{{{ {} }}}}", sl.var),
                1,
            );
        }
        s
    }
}

/// Mine files on `jobs` threads. The files are split into consecutive runs of about equal size,
/// one per thread; each thread reads its files one at a time into its own [`Miner`] (documents are
/// streamed, never held), and the miners are joined in file order with [`Miner::absorb`], so the
/// result does not depend on `jobs`. `done` is called after each document (for a progress bar).
/// On a bad file, the error of the first bad file (in file order) is returned.
pub fn mine_files(
    files: &[std::path::PathBuf],
    jobs: usize,
    done: &(dyn Fn() + Sync),
) -> Result<Miner> {
    let jobs = jobs.clamp(1, files.len().max(1));
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect();
    let total: u64 = sizes.iter().sum();
    // Cut points: the first file at which the bytes before reach k/jobs of the total.
    let mut runs = Vec::with_capacity(jobs);
    let (mut start, mut acc) = (0usize, 0u64);
    for (i, sz) in sizes.iter().enumerate() {
        let k = runs.len() as u64 + 1;
        if runs.len() + 1 < jobs && acc * jobs as u64 >= total * k && i > start {
            runs.push(start..i);
            start = i;
        }
        acc += sz;
    }
    runs.push(start..files.len());
    // The jieba dictionary (100 ms) loads on its own thread while the first documents are read,
    // normalised and parsed; they wait (in order, a few at most) until it is there.
    let jieba: SharedJieba = Default::default();
    let work = |run: std::ops::Range<usize>| -> Result<Miner> {
        let mut miner = Miner::with_shared_jieba(jieba.clone());
        let mut waiting: Vec<(String, Speech, String)> = Vec::new();
        for f in &files[run] {
            let shown = f.display().to_string();
            let bytes = crate::io::read_bytes(&shown)?;
            let (text, _) = crate::io::decode_speech_owned(&shown, bytes)?;
            // Only the clean text is kept (not the list of changes), and the raw text is freed.
            let clean = normalize(&text).text;
            drop(text);
            let sp = parse(&clean);
            let name = crate::corpus::source_name(f);
            if jieba.get().is_none() && waiting.len() < MAX_WAITING {
                waiting.push((name, sp, clean));
            } else {
                for (name, sp, text) in waiting.drain(..) {
                    miner.add_speech(&name, &sp, &text);
                }
                miner.add_speech(&name, &sp, &clean);
            }
            done();
        }
        for (name, sp, text) in waiting.drain(..) {
            miner.add_speech(&name, &sp, &text);
        }
        Ok(miner)
    };
    let results: Vec<Result<Miner>> = std::thread::scope(|scope| {
        scope.spawn(|| {
            jieba.get_or_init(|| std::sync::Arc::new(Jieba::new()));
        });
        let mut runs = runs.into_iter();
        let first = runs.next().unwrap_or(0..0);
        let handles: Vec<_> = runs.map(|run| scope.spawn(move || work(run))).collect();
        // The first run on this thread.
        std::iter::once(work(first))
            .chain(handles.into_iter().map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::Usage("a mining thread failed".into())))
            }))
            .collect()
    });
    let mut merged: Option<Miner> = None;
    for r in results {
        let m = r?;
        match &mut merged {
            None => merged = Some(m),
            Some(all) => all.absorb(m),
        }
    }
    Ok(merged.unwrap_or_default())
}

/// Threads writing the `patterns/*.tera` files.
const WRITERS: usize = 8;

/// Parsed documents a mining thread keeps while the jieba dictionary is still loading.
const MAX_WAITING: usize = 64;

/// A jieba dictionary shared by mining threads, loaded by whichever thread asks first (the others
/// wait for it).
type SharedJieba = std::sync::Arc<std::sync::OnceLock<std::sync::Arc<Jieba>>>;

/// `{X}` → `{}`.
pub fn skeleton(pattern: &str) -> String {
    let mut out = String::new();
    let mut in_slot = false;
    for c in pattern.chars() {
        match c {
            '{' => {
                in_slot = true;
                out.push_str("{}");
            }
            '}' => in_slot = false,
            _ if !in_slot => out.push(c),
            _ => {}
        }
    }
    out
}

/// The order of level-1 parts one speech shows.
#[derive(Debug, Clone, Serialize)]
pub struct KindOrder {
    pub source: String,
    pub title: String,
    pub order: Vec<String>,
}

/// The streaming miner.
pub struct Miner {
    jieba: SharedJieba,
    /// role → text → candidate. Hashed (the order never shows: [`Miner::candidates`] sorts).
    cands: BTreeMap<&'static str, HashMap<String, Candidate, FastHash>>,
    pub families: Vec<Family>,
    /// kind → the part orders seen.
    pub kinds: BTreeMap<String, Vec<KindOrder>>,
    pub documents: usize,
    /// The topic map candidates are tagged from (their best sub-topic), when a phrasebank is
    /// at hand; a curator then sees where each candidate would go.
    pub topics: Option<crate::topic::TopicMap>,
}

impl Default for Miner {
    fn default() -> Self {
        Self::new()
    }
}

/// Theme keywords (design.md's themes); the first keyword found names the theme.
const THEMES: &[(&str, &[&str])] = &[
    ("项目建设", &["项目建设", "重点项目", "有效投资"]),
    ("招商引资", &["招商引资", "招商"]),
    ("营商环境", &["营商环境", "放管服"]),
    ("产业发展", &["产业发展", "产业链", "工业经济"]),
    ("企业帮扶", &["企业", "复工复产"]),
    ("稳定就业", &["就业"]),
    ("乡村振兴", &["乡村振兴", "三农"]),
    ("脱贫攻坚", &["脱贫攻坚", "脱贫"]),
    ("城乡建设", &["城镇化", "城乡建设", "城市建设"]),
    ("民生保障", &["民生"]),
    ("教育医疗", &["教育", "医疗"]),
    ("生态环保", &["生态", "环保", "污染防治"]),
    ("安全生产", &["安全生产"]),
    ("社会治理", &["社会治理", "信访", "稳定"]),
    ("疫情防控", &["疫情防控", "疫情"]),
    ("改革创新", &["改革", "创新"]),
    ("依法行政", &["依法行政", "法治"]),
    ("财政金融", &["财政", "金融"]),
    ("作风建设", &["作风"]),
    ("廉政建设", &["廉政", "廉洁", "从严治党"]),
    ("抓落实", &["抓落实", "落实"]),
    ("高质量发展", &["高质量发展"]),
    ("学习贯彻", &["学习贯彻", "重要讲话"]),
    ("政治建设", &["政治建设", "讲政治"]),
    ("形势分析", &["形势"]),
    ("问题差距", &["差距", "短板"]),
];

/// The first theme (in [`THEMES`] order, then keyword order) with a keyword in `s`, and that
/// keyword. One pass over `s`: at each character only the keywords starting with it are tried.
fn theme_of(s: &str) -> Option<(&'static str, &'static str)> {
    // (first character, theme index, keyword index), sorted by character.
    static FIRST: std::sync::OnceLock<Vec<(char, usize, usize)>> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut v: Vec<(char, usize, usize)> = THEMES
            .iter()
            .enumerate()
            .flat_map(|(ti, (_, kws))| {
                kws.iter()
                    .enumerate()
                    .filter_map(move |(ki, k)| Some((k.chars().next()?, ti, ki)))
            })
            .collect();
        v.sort_unstable();
        v
    });
    let mut best: Option<(usize, usize)> = None;
    for (i, c) in s.char_indices() {
        let from = first.partition_point(|e| e.0 < c);
        for &(fc, ti, ki) in &first[from..] {
            if fc != c {
                break;
            }
            if best.is_none_or(|b| (ti, ki) < b) && s[i..].starts_with(THEMES[ti].1[ki]) {
                best = Some((ti, ki));
            }
        }
    }
    best.map(|(ti, ki)| (THEMES[ti].0, THEMES[ti].1[ki]))
}

/// Whether jieba puts a character in its blocks of words (its `RE_HAN_DEFAULT` class: CJK
/// ideographs, ASCII letters and digits, `+#&._%-`); other characters are cut one by one.
fn jieba_word_char(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2B73F}'
        | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}'
        | '\u{2CEB0}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}')
        || c.is_ascii_alphanumeric()
        || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

/// The block jieba cuts on its own that holds `s[start..end]` (which must be block characters),
/// with its byte offset in `s`. Jieba splits a text into such blocks and cuts each one apart, so
/// cutting the block alone gives the same words there as cutting all of `s`, for less work.
fn jieba_block(s: &str, start: usize, end: usize) -> (usize, &str) {
    let b = s[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| jieba_word_char(c))
        .last()
        .map_or(start, |(i, _)| i);
    let e = s[end..]
        .char_indices()
        .find(|&(_, c)| !jieba_word_char(c))
        .map_or(s.len(), |(i, _)| end + i);
    (b, &s[b..e])
}

/// The year of a speech: a 20XX年 in or near the title, else era words, else the latest year named.
pub fn speech_year(sp: &Speech, text: &str) -> Option<i32> {
    let year_in = |s: &str| -> Vec<i32> {
        let c: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        for i in 0..c.len().saturating_sub(4) {
            if c[i] == '2'
                && c[i + 1] == '0'
                && c[i + 2].is_ascii_digit()
                && c[i + 3].is_ascii_digit()
                && c.get(i + 4) == Some(&'年')
            {
                let y: String = c[i..i + 4].iter().collect();
                if let Ok(y) = y.parse() {
                    out.push(y);
                }
            }
        }
        out
    };
    if let Some(y) = year_in(&sp.title).into_iter().next() {
        return Some(y);
    }
    let head: String = text.chars().take(400).collect();
    if let Some(y) = year_in(&head).into_iter().next() {
        return Some(y);
    }
    if text.contains("收官之年") && text.contains("十三五") {
        return Some(2020);
    }
    if text.contains("十四五") && text.contains("开局之年") {
        return Some(2021);
    }
    if text.contains("十五五") && text.contains("开局之年") {
        return Some(2026);
    }
    year_in(text).into_iter().filter(|y| *y <= 2100).max()
}

/// The meeting kind a title names.
pub fn kind_of(title: &str) -> &'static str {
    if title.contains("推进") {
        "key_work"
    } else if title.contains("全体") {
        "plenary"
    } else if title.contains("经济运行") {
        "economy"
    } else if title.contains("依法行政") {
        "rule_of_law"
    } else if title.contains("安全生产") {
        "safety"
    } else if title.contains("招商") || title.contains("营商") {
        "investment"
    } else {
        "key_work"
    }
}

/// What a level-1 part is about: 形势, 重点任务, 当前工作 or 作风/廉政.
pub fn part_category(p: &Part) -> &'static str {
    let mut s = p.heading.clone();
    for q in &p.parts {
        s.push_str(&q.heading);
    }
    for it in &p.items {
        s.push_str(&it.lead);
    }
    let has = |ws: &[&str]| ws.iter().map(|w| s.matches(*w).count()).sum::<usize>();
    let style = has(&[
        "作风",
        "廉洁",
        "廉政",
        "担当",
        "抓落实",
        "守规矩",
        "讲政治",
        "锤炼",
        "勤政",
    ]);
    let situ = has(&[
        "形势",
        "差距",
        "信心",
        "使命",
        "学习贯彻",
        "大势",
        "机遇",
        "时不我待",
        "正处于",
    ]);
    let current = has(&["当前", "统筹推进", "疫情防控", "底线工作", "六稳"]);
    let tasks = has(&[
        "重点", "任务", "目标", "项目", "产业", "发展", "底线", "统筹", "民生",
    ]);
    // On a tie the more specific category wins (the last maximum).
    let best = [
        (tasks, "重点任务"),
        (current * 2, "当前工作"),
        (situ, "形势"),
        (style, "作风/廉政"),
    ]
    .into_iter()
    .max_by_key(|(n, _)| *n)
    .filter(|(n, _)| *n > 0);
    best.map(|(_, c)| c).unwrap_or("重点任务")
}

impl Miner {
    /// A miner (loads the jieba dictionary when it first needs it).
    pub fn new() -> Self {
        Self::with_shared_jieba(SharedJieba::default())
    }

    /// A miner sharing an already loaded jieba dictionary (one load for every mining thread).
    pub fn with_jieba(jieba: std::sync::Arc<Jieba>) -> Self {
        Self::with_shared_jieba(std::sync::Arc::new(jieba.into()))
    }

    fn with_shared_jieba(jieba: SharedJieba) -> Self {
        Miner {
            topics: None,
            jieba,
            cands: BTreeMap::new(),
            families: Vec::new(),
            kinds: BTreeMap::new(),
            documents: 0,
        }
    }

    /// The candidates mined so far, most frequent first.
    pub fn candidates(&self) -> Vec<&Candidate> {
        let mut v: Vec<&Candidate> = self.cands.values().flat_map(|m| m.values()).collect();
        v.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(a.role.cmp(b.role))
                .then(a.text.cmp(&b.text))
        });
        v
    }

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

    /// Take in what another miner mined from the documents that come *after* this one's, as if
    /// this miner had gone on to read them itself: counts add up, sources and years are merged in
    /// order, families and part orders are appended. With the documents split into consecutive
    /// runs (one per thread) the result is the one a single miner gives.
    pub fn absorb(&mut self, other: Miner) {
        for (role, cands) in other.cands {
            let role_cands = self.cands.entry(role).or_default();
            for (text, c) in cands {
                match role_cands.get_mut(&text) {
                    None => {
                        role_cands.insert(text, c);
                    }
                    Some(mine) => {
                        mine.count += c.count;
                        for s in c.sources {
                            if mine.sources.len() < MAX_SOURCES && !mine.sources.contains(&s) {
                                mine.sources.push(s);
                            }
                        }
                        mine.themes.extend(c.themes);
                        mine.years.extend(c.years);
                    }
                }
            }
        }
        self.families.extend(other.families);
        for (kind, orders) in other.kinds {
            self.kinds.entry(kind).or_default().extend(orders);
        }
        self.documents += other.documents;
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
        let l1: Vec<(String, usize)> = sp
            .parts
            .iter()
            .map(|p| (p.heading.clone(), p.line))
            .collect();
        self.add_family(1, &l1, &src(l1.first().map(|h| h.1).unwrap_or(0)), year);
        for p in &sp.parts {
            let l2: Vec<(String, usize)> = p
                .parts
                .iter()
                .map(|q| (q.heading.clone(), q.line))
                .collect();
            self.add_family(2, &l2, &src(l2.first().map(|h| h.1).unwrap_or(0)), year);
        }
        // Kind order.
        if !sp.parts.is_empty() {
            let order: Vec<String> = sp
                .parts
                .iter()
                .map(|p| part_category(p).to_string())
                .collect();
            self.kinds
                .entry(kind_of(&sp.title).to_string())
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
            let th = theme_of(&p.heading).map(|t| t.0);
            for b in &p.body {
                self.mine_text(&b.text(), &src(b.line), th, year);
            }
            for it in &p.items {
                let t = format!("{}。{}", it.lead, it.body.text());
                self.mine_text(&t, &src(it.line), th, year);
            }
            for q in &p.parts {
                let th2 = theme_of(&q.heading).map(|t| t.0).or(th);
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

    fn mine_text(&mut self, text: &str, source: &str, theme: Option<&str>, year: Option<i32>) {
        // Quoted formulas and quotations.
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
                                self.add("slogan", &format!("“{q}”"), theme, source, year);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        for s in crate::corpus::outline::sentences(text) {
            // Enumerations (稳增长、调结构、促转型): a clause of at least three items split by 、.
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
                                self.add("slogan", &e, theme, source, year);
                            }
                        }
                    }
                }
            }
            // Runs of four-character clauses (只争朝夕、真抓实干): the segments between
            // ，。；、！：, and an empty one after the last, in one pass.
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
                        self.add("slogan", &run.join("，"), theme, source, year);
                    }
                    run.clear();
                }
                if next.is_none() {
                    break;
                }
                (seg_start, seg_chars, seg_han) = (end + sep_len, 0, true);
            }
            if run.len() >= 2 {
                self.add("slogan", &run.join("，"), theme, source, year);
            }
            // Proverbs: two (or four) clauses of equal length 5–7.
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
                self.add("slogan", s, theme, source, year);
            }
            // Transitions.
            for t in ["同时", "此外", "在此基础上", "总之", "因此", "对此", "为此"]
            {
                if s.starts_with(t) && n <= 30 {
                    self.add("transition", s, None, source, year);
                }
            }
            // Frames: a sentence about a theme with the theme word as {topic}.
            if (12..=40).contains(&n)
                && let Some((th, kw)) = theme_of(s)
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
                self.add("frame", &f, Some(th), source, year);
            }
        }
    }

    /// The jieba dictionary (loaded here if no other thread is loading it; else waits for it).
    fn jieba(&self) -> &Jieba {
        self.jieba.get_or_init(|| std::sync::Arc::new(Jieba::new()))
    }

    /// True when `word` occurs in `s` aligned with jieba's word boundaries.
    fn is_whole_word(&self, s: &str, word: &str) -> bool {
        let Some(pos) = s.find(word) else {
            return false;
        };
        let end = pos + word.len();
        // Only the block holding the word decides (`word` is Chinese, so it is in one block).
        let (b, block) = jieba_block(s, pos, end);
        let tokens = self.jieba().cut(block, false);
        tokens.iter().any(|t| b + t.byte_start == pos)
            && tokens.iter().any(|t| b + t.byte_end == end)
    }

    /// True when the trailing `tail` of `clause`'s first item starts at a word boundary.
    fn whole_word_end(&self, clause: &str, tail: &str) -> bool {
        let first = clause.split('、').next().unwrap_or("");
        if first == tail {
            return true;
        }
        let pos = first.len() - tail.len();
        // `tail` is Chinese: only the block holding it decides.
        let (b, block) = jieba_block(first, pos, first.len());
        self.jieba()
            .cut(block, false)
            .iter()
            .any(|t| b + t.byte_start == pos)
    }

    fn add_family(
        &mut self,
        level: u8,
        headings: &[(String, usize)],
        source: &str,
        year: Option<i32>,
    ) {
        if headings.len() < 2 {
            return;
        }
        let hs: Vec<String> = headings.iter().map(|h| h.0.clone()).collect();
        if let Some(f) = generalise(level, &hs, source, year) {
            self.families.push(f);
        }
    }

    /// Write `candidates.yaml`, `patterns.yaml`, `patterns/*.tera` and `kinds.yaml` under `out`.
    /// All or nothing: when one write fails (a full disk), the files this run created are
    /// removed again ([`crate::io::WriteSet`]).
    pub fn write(&self, out: &Path, force: bool) -> Result<Vec<std::path::PathBuf>> {
        let set = crate::io::WriteSet::new();
        self.write_set(out, force, &set)
            .map_err(|e| set.roll_back(e))
    }

    fn write_set(
        &self,
        out: &Path,
        force: bool,
        set: &crate::io::WriteSet,
    ) -> Result<Vec<std::path::PathBuf>> {
        let pdir = out.join("patterns");
        std::fs::create_dir_all(&pdir).map_err(|e| Error::io(&pdir, "create", e))?;
        let mut written = Vec::new();
        let w = |p: std::path::PathBuf, bytes: &[u8]| -> Result<std::path::PathBuf> {
            set.write(&p, bytes, force)?;
            Ok(p)
        };
        let file = RawFile {
            theme: None,
            description: Some(format!(
                "mined from {} document(s); candidates for review",
                self.documents
            )),
            topics: Vec::new(),
            entries: self.raw_entries(),
        };
        written.push(w(
            out.join("candidates.yaml"),
            &yaml_file(
                "# Mined by `wengao mine`: candidates, never drafted until curated.\n",
                &file,
            )?,
        )?);
        drop(file);
        written.push(w(
            out.join("patterns.yaml"),
            &yaml_file(
                "# Heading patterns by sibling family (mined).\n",
                &self.families,
            )?,
        )?);
        // One small file per family, each written atomically with an fsync: the time is the
        // disk's latency, so several threads write them (a large corpus has tens of thousands).
        let families = &self.families;
        let paths: Vec<std::path::PathBuf> = families
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let stem = f.source.replace(':', "_");
                pdir.join(format!("mined_l{}_{stem}_{i}.tera", f.level))
            })
            .collect();
        let writers = WRITERS.min(paths.len()).max(1);
        let failed: Option<(usize, Error)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..writers)
                .map(|t| {
                    let paths = &paths;
                    scope.spawn(move || {
                        for i in (t..paths.len()).step_by(writers) {
                            let s = families[i].tera_file();
                            if let Err(e) = set.write(&paths[i], s.as_bytes(), force) {
                                return Some((i, e));
                            }
                        }
                        None
                    })
                })
                .collect();
            handles
                .into_iter()
                .filter_map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Some((0, Error::Usage("a writing thread failed".into())))
                    })
                })
                .min_by_key(|(i, _)| *i)
        });
        if let Some((_, e)) = failed {
            return Err(e);
        }
        written.extend(paths);
        written.push(w(out.join("kinds.yaml"), self.kinds_yaml().as_bytes())?);
        Ok(written)
    }

    /// The per-kind part order as YAML text.
    pub fn kinds_yaml(&self) -> String {
        let mut s = String::from(
            "# The order of level-1 parts per meeting kind, as the corpus shows it (mined).\n",
        );
        for (kind, orders) in &self.kinds {
            let mut freq: BTreeMap<Vec<String>, usize> = BTreeMap::new();
            for o in orders {
                let mut d: Vec<String> = Vec::new();
                for c in &o.order {
                    if d.last() != Some(c) {
                        d.push(c.clone());
                    }
                }
                *freq.entry(d).or_default() += 1;
            }
            // The commonest order; on a tie the longest (a truncated speech shows fewer parts).
            let dedup = freq
                .iter()
                .max_by_key(|(o, n)| (**n, o.len()))
                .map(|(o, _)| o.clone())
                .unwrap_or_default();
            let _ = writeln!(s, "{kind}:");
            let _ = writeln!(s, "  order: [{}]", dedup.join(", "));
            let _ = writeln!(s, "  seen:");
            for o in orders {
                let _ = writeln!(
                    s,
                    "    - {{source: \"{}\", order: [{}]}}",
                    o.source,
                    o.order.join(", ")
                );
            }
        }
        s
    }

    /// The candidates as phrasebank entries (`status: candidate`).
    pub fn raw_entries(&self) -> Vec<RawPhrase> {
        self.candidates()
            .into_iter()
            .map(|c| RawPhrase {
                id: candidate_id(c.role, &c.text),
                role: c.role.to_string(),
                text: c.text.clone(),
                themes: c.themes.iter().cloned().collect(),
                topics: self
                    .topics
                    .as_ref()
                    .and_then(|m| m.classify(&c.text))
                    .map(|t| vec![t.name.clone()])
                    .unwrap_or_default(),
                kinds: Vec::new(),
                years: match (c.years.first(), c.years.last()) {
                    (Some(a), Some(b)) if a == b => Some(crate::spec::Text(a.to_string())),
                    (Some(a), Some(b)) => Some(crate::spec::Text(format!("{a}-{b}"))),
                    _ => None,
                },
                weight: None,
                source: Some(c.sources.first().cloned().unwrap_or_default()),
                status: Some(Status::Candidate),
                count: Some(c.count),
            })
            .collect()
    }
}

/// A YAML file's bytes: a comment, then the value serialised right after it (no copy of a large
/// text).
fn yaml_file<T: Serialize + ?Sized>(comment: &str, value: &T) -> Result<Vec<u8>> {
    let mut buf = comment.as_bytes().to_vec();
    serde_yaml::to_writer(&mut buf, value)
        .map_err(|e| Error::Usage(format!("cannot write YAML: {e}")))?;
    Ok(buf)
}

/// `mined.<role>.<hash>`: stable across runs, so merging is idempotent.
pub fn candidate_id(role: &str, text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("mined.{role}.{:08x}", h & 0xffff_ffff)
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

/// Characters that may anchor a pattern on their own (besides punctuation).
const FUNCTION_CHARS: &str = "是在上中以为抓促与和要把让向于对由";

/// Generalise sibling headings to a pattern with slots.
pub fn generalise(level: u8, hs: &[String], source: &str, year: Option<i32>) -> Option<Family> {
    let seqs: Vec<Vec<char>> = hs.iter().map(|h| h.chars().collect()).collect();
    let mut pieces: Vec<Piece> = Vec::new();
    split_common(&seqs, &mut pieces);
    let literal: usize = pieces
        .iter()
        .filter_map(|p| {
            if let Piece::Lit(s) = p {
                Some(s.chars().count())
            } else {
                None
            }
        })
        .sum();
    let slots_n = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Slot(_)))
        .count();
    if literal == 0 || slots_n == 0 {
        return None;
    }
    let mut pattern = String::new();
    let mut slots = Vec::new();
    let names = ["X", "Y", "Z", "A", "B", "C", "D", "E", "F", "G"];
    let mut k = 0;
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Lit(s) => pattern.push_str(s),
            Piece::Slot(fillers) => {
                let lens: BTreeSet<usize> = fillers.iter().map(|f| f.chars().count()).collect();
                let base = names.get(k).copied().unwrap_or("W");
                let name = if lens.len() == 1 && lens.first().is_some_and(|l| *l == 4) {
                    format!("{base}4")
                } else {
                    base.to_string()
                };
                k += 1;
                let before = if i > 0 { lit(&pieces[i - 1]) } else { "" };
                let after = pieces.get(i + 1).map(lit).unwrap_or("");
                let var = slot_var(before, after, &name, i + 1 == pieces.len(), &slots);
                pattern.push_str(&format!("{{{name}}}"));
                slots.push(Slot {
                    name,
                    var,
                    fillers: fillers.clone(),
                });
            }
        }
    }
    Some(Family {
        level,
        pattern,
        slots,
        headings: hs.to_vec(),
        source: source.to_string(),
        year,
    })
}

fn lit(p: &Piece) -> &str {
    match p {
        Piece::Lit(s) => s,
        Piece::Slot(_) => "",
    }
}

/// The Tera variable for a slot: the planner's names where the slot means that.
fn slot_var(before: &str, after: &str, name: &str, last: bool, prev: &[Slot]) -> String {
    let taken = |v: &str| prev.iter().any(|s| s.var == v);
    let pick = |cands: &[&str]| -> String {
        for c in cands {
            if !taken(c) {
                return c.to_string();
            }
        }
        format!("slot{}", prev.len() + 1)
    };
    if after.starts_with("底线") || after.starts_with('是') {
        return pick(&["topic", "name"]);
    }
    if before.ends_with('在') && (after.starts_with('上') || after.starts_with('中')) {
        return pick(&["aim", "goal"]);
    }
    if after.starts_with("抓落实") {
        return pick(&["action"]);
    }
    if before.ends_with("务必") || before.ends_with('、') {
        return pick(&["task1", "task2", "task3"]);
    }
    if name.ends_with('4') {
        return pick(&["motto1", "motto2", "motto3"]);
    }
    if before.ends_with('是') {
        return pick(&["role"]);
    }
    if last {
        return pick(&["goal", "aim"]);
    }
    pick(&["topic", "aim", "goal"])
}

#[derive(Debug, Clone)]
enum Piece {
    Lit(String),
    Slot(Vec<String>),
}

/// Split sequences at their common anchors: common prefix and suffix, then recursively the
/// longest common substring (≥2 chars, or one punctuation/function character at the same offset).
fn split_common(seqs: &[Vec<char>], out: &mut Vec<Piece>) {
    if seqs.iter().all(|s| s.is_empty()) {
        return;
    }
    if seqs.iter().any(|s| s.is_empty()) {
        out.push(Piece::Slot(
            seqs.iter().map(|s| s.iter().collect()).collect(),
        ));
        return;
    }
    if let Some((offsets, len)) = anchor(seqs) {
        let lefts: Vec<Vec<char>> = seqs
            .iter()
            .zip(&offsets)
            .map(|(s, &o)| s[..o].to_vec())
            .collect();
        let rights: Vec<Vec<char>> = seqs
            .iter()
            .zip(&offsets)
            .map(|(s, &o)| s[o + len..].to_vec())
            .collect();
        let lit: String = seqs[0][offsets[0]..offsets[0] + len].iter().collect();
        split_common(&lefts, out);
        match out.last_mut() {
            Some(Piece::Lit(s)) => s.push_str(&lit),
            _ => out.push(Piece::Lit(lit)),
        }
        split_common(&rights, out);
        return;
    }
    out.push(Piece::Slot(
        seqs.iter().map(|s| s.iter().collect()).collect(),
    ));
}

/// The best common anchor: per sequence its offset, and the length.
fn anchor(seqs: &[Vec<char>]) -> Option<(Vec<usize>, usize)> {
    let first = &seqs[0];
    let find = |s: &[char], sub: &[char]| -> Option<usize> {
        (0..=s.len().checked_sub(sub.len())?).find(|&i| s[i..i + sub.len()] == *sub)
    };
    // Longest common substring of length ≥ 2 (prefer the earliest on ties).
    for len in (2..=first.len()).rev() {
        for i in 0..=first.len() - len {
            let sub = &first[i..i + len];
            if sub.iter().all(|c| *c == '“' || *c == '”') {
                continue;
            }
            let offs: Option<Vec<usize>> = seqs.iter().map(|s| find(s, sub)).collect();
            if let Some(o) = offs {
                return Some((o, len));
            }
        }
    }
    // A punctuation mark in all.
    for &c in first {
        if is_cjk_punct(c) && c != '“' && c != '”' {
            let offs: Option<Vec<usize>> = seqs
                .iter()
                .map(|s| s.iter().position(|x| *x == c))
                .collect();
            if let Some(o) = offs {
                return Some((o, 1));
            }
        }
    }
    // A common first or last character.
    if seqs.iter().all(|s| s.len() > 1 && s[0] == first[0]) {
        return Some((vec![0; seqs.len()], 1));
    }
    if let Some(&c) = first.last()
        && seqs.iter().all(|s| s.len() > 1 && s.last() == Some(&c))
    {
        return Some((seqs.iter().map(|s| s.len() - 1).collect(), 1));
    }
    // A function character at the same offset in all.
    for (i, &c) in first.iter().enumerate() {
        if FUNCTION_CHARS.contains(c)
            && i > 0
            && seqs.iter().all(|s| s.get(i) == Some(&c) && s.len() > i + 1)
        {
            return Some((vec![i; seqs.len()], 1));
        }
    }
    None
}

/// Append the candidates of `miner` that `dir` does not hold yet (by id or text) to
/// `dir/candidates/mined.yaml`, as text: curated files are never rewritten. Returns how many.
/// Holds the phrasebank's lock ([`crate::io::DirLock`]) throughout, like `phrasebank add`: two
/// merges at once neither lose candidates nor write an id twice.
pub fn merge(entries: &[RawPhrase], dir: &Path) -> Result<usize> {
    let _lock = crate::io::DirLock::acquire(dir)?;
    let mut known_ids = BTreeSet::new();
    let mut known_texts = BTreeSet::new();
    let mut files = Vec::new();
    collect_yaml(dir, &mut files);
    for f in &files {
        let text = crate::io::read_file_text(f)?;
        for l in text.lines() {
            let t = l.trim_start().trim_start_matches("- ").trim_start();
            if let Some(v) = t.strip_prefix("id:") {
                known_ids.insert(unquote(v));
            } else if let Some(v) = t.strip_prefix("text:") {
                known_texts.insert(unquote(v));
            }
        }
    }
    let new: Vec<&RawPhrase> = entries
        .iter()
        .filter(|e| !known_ids.contains(&e.id) && !known_texts.contains(&e.text))
        .collect();
    if new.is_empty() {
        return Ok(0);
    }
    let cdir = dir.join("candidates");
    std::fs::create_dir_all(&cdir).map_err(|e| Error::io(&cdir, "create", e))?;
    let path = cdir.join("mined.yaml");
    let mut text = match crate::io::read_file_text(&path) {
        Ok(t) => t,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => "# Mined candidates (wengao mine --merge): review, then move into a theme file.\nentries:\n".to_string(),
        Err(e) => return Err(e),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let owned: Vec<RawPhrase> = new.iter().map(|e| (*e).clone()).collect();
    let block = serde_yaml::to_string(&owned)
        .map_err(|e| Error::Usage(format!("cannot write YAML: {e}")))?;
    for l in block.lines() {
        text.push_str("  ");
        text.push_str(l);
        text.push('\n');
    }
    crate::io::write_atomic(&path, text.as_bytes(), true)?;
    Ok(new.len())
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(v);
    let v = v
        .strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .unwrap_or(v);
    v.to_string()
}

fn collect_yaml(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect_yaml(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                out.push(p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pat(hs: &[&str]) -> String {
        let hs: Vec<String> = hs.iter().map(|s| s.to_string()).collect();
        generalise(2, &hs, "t:1", None)
            .map(|f| f.pattern)
            .unwrap_or_default()
    }

    #[test]
    fn generalises_sibling_families() {
        assert_eq!(
            pat(&[
                "守住经济发展底线，在推动经济恢复性增长上下功夫",
                "守住“六项收入”底线，在促进持续稳定增收上下功夫"
            ]),
            "守住{X}底线，在{Y}上下功夫"
        );
        assert_eq!(
            pat(&["要提升能力抓落实", "要提高效率抓落实", "要强化担当抓落实"]),
            "要{X4}抓落实"
        );
        assert_eq!(pat(&["把握大势抓落实", "科学统筹抓落实"]), "{X4}抓落实");
        assert_eq!(
            pat(&[
                "牢记使命，实干为民，始终坚持发展第一要务",
                "坚定信心，迎难而上，奋力实现全年目标"
            ]),
            "{X4}，{Y4}，{Z}"
        );
        assert_eq!(
            pat(&[
                "依法行政是基本方略，务必转职能、提效能，精细化加快实施",
                "加快发展是核心要务，务必抓重点、攻难点，高效化推进落实"
            ]),
            "{X4}是{Y4}，务必{Z}、{A}，{B}"
        );
        assert_eq!(pat(&["旗帜鲜明讲政治", "高效履职敢担当"]), "");
    }

    #[test]
    fn tera_uses_planner_names() {
        let hs = vec![
            "守住经济发展底线，在推动经济恢复性增长上下功夫".to_string(),
            "守住脱贫攻坚底线，在巩固提升脱贫成果上下功夫".to_string(),
        ];
        let f = generalise(2, &hs, "002:27", None).unwrap();
        assert_eq!(f.tera(), "守住{{ topic }}底线，在{{ aim }}上下功夫");
    }

    #[test]
    fn mines_slogans_and_frames() {
        let mut m = Miner::new();
        m.mine_text("千方百计稳增长、调结构、促转型，做好“六稳”工作，只争朝夕、不负韶华。关山千万重，山高人为峰。", "t:1", None, Some(2020));
        let texts: Vec<&str> = m.candidates().iter().map(|c| c.text.as_str()).collect();
        assert!(texts.contains(&"稳增长、调结构、促转型"), "{texts:?}");
        assert!(texts.contains(&"“六稳”"), "{texts:?}");
        assert!(texts.contains(&"只争朝夕，不负韶华"), "{texts:?}");
        assert!(texts.contains(&"关山千万重，山高人为峰。"), "{texts:?}");
        assert!(m.candidates().iter().all(|c| c.years.contains(&2020)));
    }
}
