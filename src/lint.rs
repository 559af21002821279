//! Checks on a draft: what a county office writer checks in one reading, made mechanical.
//!
//! The linter works on a [`Speech`] parsed from the draft's text (by the same parser `outline`
//! uses) and on the text itself, so it judges a generated draft and a writer's edited one alike.
//! Each finding has a rule name, a severity and a 1-based line. Rules:
//!
//! | rule | what |
//! | --- | --- |
//! | `title` | a title line 在…上的讲话 |
//! | `salutation` | 同志们： |
//! | `numbering` | 一、二、… （一）（二）… 一要二要… in sequence |
//! | `announced-count` | 下面，我讲三点意见 matches the number of parts |
//! | `parallel` | sibling headings share one shape |
//! | `residue` | placeholders and template residue: XX, **, {{ }}, {slot}, 【待补 |
//! | `punctuation` | half-width punctuation between Chinese characters |
//! | `balance` | quotes and brackets balanced in each paragraph |
//! | `repeat` | a sentence used twice |
//! | `era` | terms used out of their era at the meeting's date (the era lexicon, [`crate::lexicon::era`]) |
//! | `later-event` | a congress or plenary session named that was held after the meeting ([`crate::lexicon::calendar`]) |
//! | `expression` | a wrong or outdated form of a standard expression (规范表述), with the fix ([`crate::lexicon::expressions`]) |
//! | `coverage` | (with a spec) every fact, topic, lead, support unit, deadline, purpose, call present |
//! | `number` | (with a spec) every Arabic number found in the spec or the date |
//! | `copied` | (with a corpus) a run of more than 30 characters copied from the corpus |
//! | `repeated-word`, `near-duplicate`, `ranking-word`, `count-word`, `stress-again`, `motto`, `time-word` | prose a writer would strike ([`crate::prose`]) |
//! | `off-topic` | (with the topic map) sentences of a point that name nothing of its sub-topic: one is let pass (a point may carry one sentence that fits any point of its theme), each beyond it is reported |

use crate::corpus::LineSource;
use crate::text::is_han;
use std::collections::{HashMap, HashSet};

use serde::Serialize;

use chrono::Datelike;

use crate::model::{Part, Speech};
use crate::spec::ValidSpec;

/// How bad a finding is. Errors make `lint` exit 1 and `draft` refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub rule: &'static str,
    /// 1-based line in the draft (0: the whole draft).
    pub line: usize,
    pub message: String,
}

impl Finding {
    fn error(rule: &'static str, line: usize, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            rule,
            line,
            message: message.into(),
        }
    }
    fn warning(rule: &'static str, line: usize, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Warning,
            rule,
            line,
            message: message.into(),
        }
    }
}

/// What to check against besides the draft itself.
#[derive(Default)]
pub struct Options<'a> {
    /// The spec the draft was made from.
    pub spec: Option<&'a ValidSpec>,
    /// The corpus, for verbatim copying.
    pub corpus: Option<&'a CorpusIndex>,
    /// The meeting year when no spec gives it (otherwise read from the draft's title or date line).
    pub year: Option<i32>,
    /// The topic map, for the `off-topic` rule.
    pub topics: Option<&'a crate::topic::TopicMap>,
}

/// Lint a draft: its text and the speech parsed from it.
pub fn lint(text: &str, speech: &Speech, opts: &Options<'_>) -> Vec<Finding> {
    // Read line by line each time (nothing held per line: a `Vec<&str>` was 16 bytes a line,
    // 16× a text of blank lines).
    let lines = crate::corpus::TextLines(text);
    let mut f = Vec::new();
    check_title(speech, &mut f);
    check_numbering(speech, &mut f);
    check_announced(speech, &lines, &mut f);
    check_parallel(speech, &mut f);
    let mut spec_texts: Vec<String> = Vec::new();
    if let Some(vs) = opts.spec {
        crate::spec::for_each_text(&vs.spec, &mut |_, t| spec_texts.push(t.0.clone()));
    }
    check_lines(&lines, &spec_texts, &mut f);
    check_repeats(&lines, &mut f);
    let year = opts
        .spec
        .map(|s| s.year())
        .or(opts.year)
        .or_else(|| year_of(&lines));
    let month = opts
        .spec
        .map(|vs| vs.date.month())
        .or_else(|| month_of(&lines));
    // The day: the spec's, the date line's, or the last day the year and month allow.
    let at = year
        .zip(month)
        .map(|(y, m)| crate::lexicon::YearMonth::new(y, m));
    let day = opts.spec.map(|vs| vs.date).or_else(|| date_of(&lines));
    let on = day.or_else(|| {
        let y = year?;
        let m = month.unwrap_or(12);
        let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        chrono::NaiveDate::from_ymd_opt(next.0, next.1, 1)?.pred_opt()
    });
    check_lexicon(&lines, year, at, on, day.is_some(), &spec_texts, &mut f);
    if let Some(vs) = opts.spec {
        check_coverage(text, &lines, vs, &mut f);
    }
    if let Some(c) = opts.corpus {
        check_copied(&lines, c, opts.spec, &mut f);
    }
    check_prose(&lines, opts.spec, month, &mut f);
    if let Some(map) = opts.topics {
        for r in topic_report(speech, map, opts.spec, year.unwrap_or(2024)) {
            if r.off.len() > 1 {
                for (line, text) in &r.off {
                    f.push(Finding::warning(
                        "off-topic",
                        *line,
                        format!(
                            "in the point 「{}」 (about {}), this sentence names nothing of its sub-topic: {text}",
                            r.heading,
                            r.topics.join("、")
                        ),
                    ));
                }
            }
        }
    }
    f.sort_by_key(|x| (x.line, x.rule));
    f
}

/// The meeting month from the date line of a draft (（2024年2月26日）).
pub fn month_of(lines: &(impl LineSource + ?Sized)) -> Option<u32> {
    for l in lines.iter().take(4) {
        if let Some(i) = l.find('年') {
            let rest = &l[i + '年'.len_utf8()..];
            if let Some(j) = rest.find('月') {
                let m: String = rest[..j].chars().filter(|c| c.is_ascii_digit()).collect();
                if let Ok(m) = m.parse::<u32>()
                    && (1..=12).contains(&m)
                    && rest[..j].chars().all(|c| c.is_ascii_digit())
                {
                    return Some(m);
                }
            }
        }
    }
    None
}

fn is_l1_heading(l: &str) -> bool {
    let t = l.trim_start_matches(['　', ' ']);
    let n = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    n > 0 && t.chars().nth(n) == Some('、')
}

fn is_l2_heading(l: &str) -> bool {
    let t = l.trim_start_matches(['　', ' ']);
    t.starts_with('（')
        && t.chars()
            .skip(1)
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .count()
            > 0
}

/// The prose rules of [`crate::prose`], line by line.
fn check_prose(
    lines: &(impl LineSource + ?Sized),
    spec: Option<&ValidSpec>,
    month: Option<u32>,
    f: &mut Vec<Finding>,
) {
    use crate::prose;
    let mut allowed: Vec<String> = Vec::new();
    if let Some(vs) = spec {
        crate::spec::for_each_text(&vs.spec, &mut |_, t| allowed.push(t.0.clone()));
    }
    let mut in_opening = true;
    let mut said_before = false;
    let mut ranking_seen: Vec<&str> = Vec::new();
    let mut mottos: HashMap<String, usize> = HashMap::new();
    let mut heading = String::new();
    // Near-duplicates through an index of character pairs: sentence → its pairs, pair → sentences.
    let mut sents: Vec<(usize, Vec<(char, char)>)> = Vec::new();
    let mut by_pair: HashMap<(char, char), Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let line = i + 1;
        if is_l1_heading(l) || is_l2_heading(l) {
            if is_l1_heading(l) {
                in_opening = false;
                ranking_seen.clear();
            }
            heading = l.to_string();
            for m in prose::heading_mottos(l.split_once(['、', '）']).map_or(l, |x| x.1)) {
                if let Some(first) = mottos.get(&m) {
                    f.push(Finding::warning(
                        "motto",
                        line,
                        format!(
                            "the motto {m} is in another heading too (line {first}); say it once"
                        ),
                    ));
                } else {
                    mottos.insert(m, line);
                }
            }
        }
        if let Some(w) = prose::wrong_count(l) {
            f.push(Finding::error(
                "count-word",
                line,
                format!("`{w}`: a count before a measure word is 两 (两点, 两个方面)"),
            ));
        }
        if l.contains("再强调") && !said_before {
            f.push(Finding::warning(
                "stress-again",
                line,
                "我再强调 with nothing said before it: say 我强调, or let others speak first (刚才…)",
            ));
        }
        if ["刚才", "强调", "会上", "作了", "发言", "讲了"]
            .iter()
            .any(|w| l.contains(w))
        {
            said_before = true;
        }
        if in_opening
            && let Some(m) = month
            && let Some(w) = prose::misfit_time_word(l, m)
            && !(w == "今年以来" && prose::this_years_figures(l))
        {
            f.push(Finding::warning(
                "time-word",
                line,
                format!(
                    "`{w}` in a meeting held in month {m}: the first quarter looks back on 过去一年, later meetings on 今年以来"
                ),
            ));
        }
        for w in prose::RANKING_WORDS {
            if l.contains(w) {
                if !ranking_seen.is_empty() {
                    f.push(Finding::warning(
                        "ranking-word",
                        line,
                        format!(
                            "`{w}` after `{}` in the same part: rank one task first",
                            ranking_seen[0]
                        ),
                    ));
                }
                ranking_seen.push(w);
            }
        }
        let mut allow: Vec<&str> = allowed.iter().map(String::as_str).collect();
        allow.push(&heading);
        for w in prose::repeated_words(l, &allow) {
            f.push(Finding::warning(
                "repeated-word",
                line,
                format!("`{w}` three times in one paragraph"),
            ));
        }
        if is_l1_heading(l) || is_l2_heading(l) {
            continue;
        }
        for s in sentences(l) {
            if s.chars().count() < 15 {
                continue;
            }
            let ps = prose::pairs(s);
            let k = sents.len();
            if let Some(j) = near_duplicate(&ps, &sents, &by_pair) {
                f.push(Finding::warning(
                    "near-duplicate",
                    line,
                    format!(
                        "this sentence says nearly what line {} says: {s}",
                        sents[j].0
                    ),
                ));
            }
            for p in &ps {
                by_pair.entry(*p).or_default().push(k);
            }
            sents.push((line, ps));
        }
    }
}

/// How many earlier sentences one sentence is compared with, at most, in [`near_duplicate`].
const NEAR_CANDIDATES: usize = 2_000;

/// An earlier sentence at least [`crate::prose::NEAR`] alike with the one of pairs `ps`.
///
/// Linear, not quadratic, on long repetitive text (counting every earlier sentence sharing any
/// pair made 8 MB of speech take minutes): two sentences that alike share at least
/// `need = ⌈NEAR·|ps|⌉` pairs, so any `|ps| - need + 1` of `ps` hold one of them. Those are taken
/// rarest first, the sentences holding them are the candidates (at most [`NEAR_CANDIDATES`]), and
/// each is checked exactly.
fn near_duplicate(
    ps: &[(char, char)],
    sents: &[(usize, Vec<(char, char)>)],
    by_pair: &HashMap<(char, char), Vec<usize>>,
) -> Option<usize> {
    if ps.is_empty() {
        return None;
    }
    let mut order: Vec<(usize, &(char, char))> = ps
        .iter()
        .map(|p| (by_pair.get(p).map_or(0, Vec::len), p))
        .collect();
    order.sort_unstable();
    let need = (crate::prose::NEAR * ps.len() as f64 - 1e-9).ceil() as usize;
    let probe = ps.len() + 1 - need.clamp(1, ps.len());
    let mut seen: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for (_, p) in &order[..probe] {
        for &j in by_pair.get(*p).map(Vec::as_slice).unwrap_or(&[]) {
            if !seen.insert(j) {
                continue;
            }
            if seen.len() > NEAR_CANDIDATES {
                return None;
            }
            if crate::prose::alike(ps, &sents[j].1) >= crate::prose::NEAR {
                return Some(j);
            }
        }
    }
    None
}

/// How one point keeps to its sub-topic (the `off-topic` rule and the tests read it).
#[derive(Debug, Clone, Serialize)]
pub struct PointTopicReport {
    /// 0-based level-1 and level-2 indexes.
    pub section: usize,
    pub point: usize,
    pub heading: String,
    /// What the point resolved to (from the spec's point when given, else from the heading).
    pub topics: Vec<String>,
    /// The point's own sentences (not its facts, tasks, assignment or deadline) and how many of
    /// them name its sub-topic.
    pub own: usize,
    pub on: usize,
    /// The others: line and text.
    pub off: Vec<(usize, String)>,
}

/// For each level-2 part that resolves to a sub-topic: its own sentences, and which of them
/// name the sub-topic (a word, the name or a unit of it, or the point's own topic).
pub fn topic_report(
    speech: &Speech,
    map: &crate::topic::TopicMap,
    spec: Option<&ValidSpec>,
    year: i32,
) -> Vec<PointTopicReport> {
    let mut out = Vec::new();
    for (si, l1) in speech.parts.iter().enumerate() {
        let sec = spec.and_then(|vs| vs.spec.sections.get(si));
        for (pi, l2) in l1.parts.iter().enumerate() {
            let point = sec.and_then(|s| s.points.get(pi));
            let theme = sec.map(|s| s.theme.as_str()).unwrap_or("");
            let (res, own_texts, topic) = match point {
                Some(p) => {
                    // Exactly as the planner resolves it (the spec's fields, not the heading).
                    let q = crate::topic::Query {
                        topic: p.topic.as_str(),
                        title: p.title.as_ref().map(|t| t.as_str()),
                        facts: p.facts.iter().map(|t| t.as_str()).collect(),
                        lead: p.lead.as_ref().map(|t| t.as_str()),
                        support: p.support.iter().map(|t| t.as_str()).collect(),
                        about: p.about.as_ref().map(|t| t.as_str()),
                        theme,
                        year,
                    };
                    let mut spec_texts: Vec<String> = p
                        .facts
                        .iter()
                        .chain(&p.tasks)
                        .chain(&p.support)
                        .chain(p.lead.iter())
                        .map(|t| crate::plan::clause(t.as_str()))
                        .filter(|t| !t.is_empty())
                        .collect();
                    if let Some(d) = spec
                        .and_then(|vs| vs.deadlines.get(si))
                        .and_then(|v| v.get(pi))
                        .copied()
                        .flatten()
                    {
                        spec_texts.push(crate::numerals::deadline_cn(d, year));
                    }
                    (map.resolve(&q), spec_texts, p.topic.as_str().to_string())
                }
                None => {
                    let q = crate::topic::Query {
                        topic: l2.heading.as_str(),
                        theme,
                        year,
                        ..Default::default()
                    };
                    (map.resolve(&q), Vec::new(), String::new())
                }
            };
            if res.is_empty() {
                continue;
            }
            let mut r = PointTopicReport {
                section: si,
                point: pi,
                heading: l2.heading.clone(),
                topics: res.topics.clone(),
                own: 0,
                on: 0,
                off: Vec::new(),
            };
            for para in &l2.body {
                // A short sentence (手中有粮、心中不慌。) is judged with the one it leads into.
                let texts: Vec<String> = para.sentences.iter().map(|s| s.text.clone()).collect();
                for (k, t) in texts.iter().enumerate() {
                    let t = t.as_str();
                    let with_next = if t.chars().count() < 12 {
                        format!("{t}{}", texts.get(k + 1).map(String::as_str).unwrap_or(""))
                    } else {
                        t.to_string()
                    };
                    let carries_spec = if point.is_some() {
                        own_texts.iter().any(|x| t.contains(x.as_str()))
                    } else {
                        t.chars().any(|c| c.is_ascii_digit())
                            || t.contains("牵头")
                            || t.contains("月底前")
                    };
                    // A lead-in to an enumeration (要重点抓好三个方面的工作：) is the shape's.
                    if carries_spec || t.starts_with('【') || t.ends_with('：') {
                        continue;
                    }
                    r.own += 1;
                    let on = res.topics.iter().any(|x| map.mentions(x, &with_next))
                        || (topic.chars().count() >= 2 && with_next.contains(topic.as_str()));
                    if on {
                        r.on += 1;
                    } else {
                        r.off.push((para.line, t.to_string()));
                    }
                }
            }
            out.push(r);
        }
    }
    out
}

/// True when any finding is an error.
pub fn has_errors(f: &[Finding]) -> bool {
    f.iter().any(|x| x.severity == Severity::Error)
}

/// `file:line: error[rule]: message`, one a line.
pub fn format_text(file: &str, findings: &[Finding]) -> String {
    let mut s = String::new();
    for x in findings {
        let sev = match x.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        s.push_str(&format!(
            "{file}:{}: {sev}[{}]: {}\n",
            x.line, x.rule, x.message
        ));
    }
    s
}

fn check_title(s: &Speech, f: &mut Vec<Finding>) {
    if s.title.trim().is_empty() {
        f.push(Finding::error(
            "title",
            1,
            "no title line; a speech opens with 在…上的讲话",
        ));
    } else if !s.title.contains("讲话") {
        f.push(Finding::warning(
            "title",
            1,
            format!("the title `{}` does not read 在…上的讲话", s.title),
        ));
    }
    if s.salutation
        .as_deref()
        .is_none_or(|x| !x.starts_with("同志们"))
    {
        f.push(Finding::warning("salutation", 2, "no salutation 同志们："));
    }
}

fn check_numbering(s: &Speech, f: &mut Vec<Finding>) {
    fn seq<T>(items: &[T], num: impl Fn(&T) -> (u32, usize), what: &str, f: &mut Vec<Finding>) {
        for (i, it) in items.iter().enumerate() {
            let (n, line) = num(it);
            if n != i as u32 + 1 {
                f.push(Finding::error(
                    "numbering",
                    line,
                    format!(
                        "{what} numbered {} where {} is expected",
                        crate::numerals::chinese(n),
                        crate::numerals::chinese(i as u32 + 1)
                    ),
                ));
                break;
            }
        }
    }
    seq(&s.parts, |p| (p.number, p.line), "level-1 part", f);
    for p in &s.parts {
        seq(&p.parts, |q| (q.number, q.line), "level-2 part", f);
        seq(&p.items, |it| (it.number, it.line), "item", f);
        for q in &p.parts {
            seq(&q.items, |it| (it.number, it.line), "item", f);
        }
    }
}

/// The count announced in the opening (下面，我讲三点意见), with its line.
pub fn announced_count(
    lines: &(impl LineSource + ?Sized),
    before_line: usize,
) -> Option<(u32, usize)> {
    for (i, l) in lines.iter().enumerate() {
        if before_line > 0 && i + 1 >= before_line {
            break;
        }
        // 讲两点意见, 再强调四点, 谈三个方面, 讲四个问题, 提三条要求 (几点: no number to compare).
        for key in ["讲", "强调", "谈", "提"] {
            let mut rest = l;
            while let Some(pos) = rest.find(key) {
                let after = &rest[pos + key.len()..];
                let num: String = after
                    .chars()
                    .take_while(|c| "一二两三四五六七八九十".contains(*c))
                    .collect();
                let tail: String = after.chars().skip(num.chars().count()).take(4).collect();
                if !num.is_empty()
                    && ["点", "个方面", "方面", "条", "个问题", "项"]
                        .iter()
                        .any(|t| tail.starts_with(t))
                {
                    if let Some(n) = crate::numerals::parse_chinese(&num.replace('两', "二")) {
                        return Some((n, i + 1));
                    }
                }
                rest = after;
            }
        }
    }
    None
}

fn check_announced(s: &Speech, lines: &(impl LineSource + ?Sized), f: &mut Vec<Finding>) {
    let first_part = s.parts.first().map(|p| p.line).unwrap_or(0);
    if let Some((n, line)) = announced_count(lines, first_part)
        && n as usize != s.parts.len()
    {
        f.push(Finding::error(
            "announced-count",
            line,
            format!(
                "the opening announces {} points but the speech has {} parts",
                crate::numerals::chinese(n),
                s.parts.len()
            ),
        ));
    }
}

/// The shape of a heading: its clauses' count (split at ，；), for parallelism.
fn shape(h: &str) -> usize {
    h.split(['，', '；', ',']).filter(|c| !c.is_empty()).count()
}

fn check_parallel(s: &Speech, f: &mut Vec<Finding>) {
    fn group(parts: &[Part], what: &str, f: &mut Vec<Finding>) {
        if parts.len() < 2 {
            return;
        }
        let shapes: Vec<usize> = parts.iter().map(|p| shape(&p.heading)).collect();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for s in &shapes {
            *counts.entry(*s).or_default() += 1;
        }
        let (&common, _) = counts
            .iter()
            .max_by_key(|(k, v)| (**v, usize::MAX - **k))
            .unwrap();
        for (p, s) in parts.iter().zip(&shapes) {
            if *s != common {
                f.push(Finding::warning(
                    "parallel",
                    p.line,
                    format!(
                        "{what} heading `{}` has {s} clause(s); its siblings have {common}",
                        p.heading
                    ),
                ));
            }
        }
    }
    group(&s.parts, "level-1", f);
    for p in &s.parts {
        group(&p.parts, "level-2", f);
    }
}

fn check_lines(lines: &(impl LineSource + ?Sized), spec_texts: &[String], f: &mut Vec<Finding>) {
    for (i, l) in lines.iter().enumerate() {
        let n = i + 1;
        // The spec's own text is the writer's: `{{ … }}` there is literal, not residue.
        let own: String;
        let suspicious = l.contains(['{', '}', 'X', 'x', '*', '【']);
        let l: &str = if suspicious
            && spec_texts
                .iter()
                .any(|t| !t.is_empty() && l.contains(t.as_str()))
        {
            let mut s = l.to_string();
            for t in spec_texts.iter().filter(|t| !t.is_empty()) {
                s = s.replace(t.as_str(), "｜");
            }
            own = s;
            &own
        } else {
            l
        };
        // Every residue pattern opens with one of the suspicious characters.
        if suspicious {
            for (pat, what) in [
                ("XX", "placeholder XX"),
                ("xx", "placeholder xx"),
                ("**", "placeholder **"),
                ("{{", "template residue {{"),
                ("}}", "template residue }}"),
                ("{%", "template residue {%"),
                ("【待补", "a 【待补】 marker to fill"),
            ] {
                if l.contains(pat) {
                    f.push(Finding::error("residue", n, what.to_string()));
                }
            }
            if let Some(slot) = find_slot(l) {
                f.push(Finding::error(
                    "residue",
                    n,
                    format!("unfilled slot {{{slot}}}"),
                ));
            }
        }
        // One pass over the line: the first half-width mark between Chinese characters, and the
        // depth of each pair of marks.
        const PAIRS: [(char, char, &str); 4] = [
            ('“', '”', "quotes “”"),
            ('（', '）', "brackets （）"),
            ('《', '》', "title marks 《》"),
            ('【', '】', "brackets 【】"),
        ];
        let mut depth = [0i32; 4];
        let mut bad = [false; 4];
        let mut half: Option<[char; 3]> = None;
        let (mut a, mut b) = ('\0', '\0');
        for c in l.chars() {
            if half.is_none()
                && matches!(b, ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')')
                && is_han(a)
                && is_han(c)
            {
                half = Some([a, b, c]);
            }
            (a, b) = (b, c);
            for (k, (open, close, _)) in PAIRS.iter().enumerate() {
                if c == *open {
                    depth[k] += 1;
                } else if c == *close {
                    depth[k] -= 1;
                    if depth[k] < 0 {
                        bad[k] = true;
                    }
                }
            }
        }
        if let Some([x, y, z]) = half {
            f.push(Finding::error(
                "punctuation",
                n,
                format!("half-width `{y}` between Chinese characters ({x}{y}{z})"),
            ));
        }
        for (k, (_, _, what)) in PAIRS.iter().enumerate() {
            if bad[k] || depth[k] != 0 {
                f.push(Finding::error("balance", n, format!("unbalanced {what}")));
            }
        }
    }
}

fn find_slot(l: &str) -> Option<&str> {
    let mut rest = l;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        if let Some(j) = after.find('}')
            && j > 0
            && after[..j]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_')
        {
            return Some(&after[..j]);
        }
        rest = after;
    }
    None
}

/// Split a line into sentences at 。！？ (keeping the mark).
pub fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        if matches!(c, '。' | '！' | '？') {
            let end = i + c.len_utf8();
            let s = line[start..end].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = end;
        }
    }
    let s = line[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

fn check_repeats(lines: &(impl LineSource + ?Sized), f: &mut Vec<Finding>) {
    let mut seen: HashMap<std::borrow::Cow<'_, str>, usize> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        for s in sentences(l) {
            let key: std::borrow::Cow<'_, str> = if s.contains(char::is_whitespace) {
                s.chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .into()
            } else {
                s.into()
            };
            if key.chars().count() < 8 {
                continue;
            }
            if let Some(first) = seen.get(&key) {
                f.push(Finding::error(
                    "repeat",
                    i + 1,
                    format!("this sentence is used twice (first at line {first}): {s}"),
                ));
            } else {
                seen.insert(key, i + 1);
            }
        }
    }
}

/// Terms used out of their era (the era lexicon), references to congresses and plenary
/// sessions held after the meeting (the political calendar) and non-standard expressions (规范表述).
/// `at` is the meeting's month when known; `year` alone judges by the year; `on` is the meeting day
/// (or the last day it can be).
fn check_lexicon(
    lines: &(impl LineSource + ?Sized),
    year: Option<i32>,
    at: Option<crate::lexicon::YearMonth>,
    on: Option<chrono::NaiveDate>,
    exact_day: bool,
    spec_texts: &[String],
    f: &mut Vec<Finding>,
) {
    let lx = crate::lexicon::lexicon();
    // The spec's own words out of era are the writer's to check: a warning, not a refusal.
    let from_spec = |l: &str, what: &str| {
        spec_texts
            .iter()
            .any(|t| t.contains(what) && l.contains(t.as_str()))
    };
    let shown = match (on, at, year) {
        (Some(d), _, _) if exact_day => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        (_, Some(m), _) => m.to_string(),
        (_, _, Some(y)) => format!("{y}年"),
        _ => String::new(),
    };
    for (i, l) in lines.iter().enumerate() {
        if let Some(y) = year {
            for u in lx.era.uses(l) {
                let out = match at {
                    Some(at) => !u.term.span.contains(at),
                    None => !u.term.span.meets_year(y),
                };
                if out {
                    let what = &l[u.start..u.end];
                    let message = format!(
                        "`{what}` belongs to {} ({}), not to a speech of {shown}",
                        u.term.span, u.term.source
                    );
                    f.push(if from_spec(l, what) {
                        Finding::warning("era", i + 1, format!("{message} — the spec's own words"))
                    } else {
                        Finding::error("era", i + 1, message)
                    });
                }
            }
        }
        if let Some(on) = on {
            for (e, _) in lx.calendar.later_mentions(l, on) {
                let when = if e.end > e.date {
                    format!(
                        "{}–{}",
                        e.date.format("%Y年%-m月%-d日"),
                        e.end.format("%-m月%-d日")
                    )
                } else {
                    e.date.format("%Y年%-m月%-d日").to_string()
                };
                f.push(Finding::error(
                    "later-event",
                    i + 1,
                    format!("{} was held {when}, after this speech of {shown}", e.name),
                ));
            }
        }
        for (e, _) in lx.expressions.find(l, on) {
            let why = if e.note.is_empty() {
                String::new()
            } else {
                format!("（{}）", e.note)
            };
            f.push(Finding::warning(
                "expression",
                i + 1,
                format!("write {} for {}{why} — {}", e.right, e.wrong, e.source),
            ));
        }
    }
}

/// The meeting day read from the title or the date line: the first 20XX年M月D日 in the first lines.
pub fn date_of(lines: &(impl LineSource + ?Sized)) -> Option<chrono::NaiveDate> {
    for l in lines.iter().take(4) {
        let chars: Vec<char> = l.chars().collect();
        for (k, w) in chars.windows(5).enumerate() {
            if w[4] == '年' && w[..4].iter().all(|c| c.is_ascii_digit()) {
                let rest: String = chars[k + 5..].iter().take(6).collect();
                let y: i32 = w[..4].iter().collect::<String>().parse().ok()?;
                let (m, rest) = rest.split_once('月')?;
                let (d, _) = rest.split_once('日')?;
                return chrono::NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?);
            }
        }
    }
    None
}

/// The meeting year read from the title or the date line: the first 20XX年 (or （20XX年) in the first lines.
pub fn year_of(lines: &(impl LineSource + ?Sized)) -> Option<i32> {
    for l in lines.iter().take(4) {
        let chars: Vec<char> = l.chars().collect();
        for w in chars.windows(5) {
            if w[4] == '年' && w[..4].iter().all(|c| c.is_ascii_digit()) {
                let y: String = w[..4].iter().collect();
                return y.parse().ok();
            }
        }
    }
    None
}

/// Arabic numbers in a text: runs of digits, with a decimal point inside.
pub fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_digit()
            || (*c == '.'
                && !cur.is_empty()
                && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            cur.push(*c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn check_coverage(
    text: &str,
    lines: &(impl LineSource + ?Sized),
    vs: &ValidSpec,
    f: &mut Vec<Finding>,
) {
    let spec = &vs.spec;
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let has = |s: &str| {
        let s: String = crate::plan::clause(s)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        s.is_empty() || flat.contains(&s)
    };
    let mut missing = |what: String, value: &str| {
        if !has(value) {
            f.push(Finding::error(
                "coverage",
                0,
                format!("{what} `{value}` is missing from the draft"),
            ));
        }
    };
    for p in &spec.meeting.purposes {
        missing("purpose".into(), p.as_str());
    }
    for (si, s) in spec.sections.iter().enumerate() {
        if let Some(t) = &s.title {
            missing(format!("sections[{si}].title"), t.as_str());
        }
        for (pi, p) in s.points.iter().enumerate() {
            let base = format!("sections[{si}].points[{pi}]");
            missing(format!("{base}.topic"), p.topic.as_str());
            if let Some(t) = &p.title {
                missing(format!("{base}.title"), t.as_str());
            }
            for x in &p.facts {
                missing(format!("{base}.facts"), x.as_str());
            }
            if let Some(l) = &p.lead {
                missing(format!("{base}.lead"), l.as_str());
            }
            for x in &p.support {
                missing(format!("{base}.support"), x.as_str());
            }
            for x in &p.tasks {
                missing(format!("{base}.tasks"), x.as_str());
            }
            if let Some(d) = vs
                .deadlines
                .get(si)
                .and_then(|v| v.get(pi))
                .copied()
                .flatten()
            {
                let when = crate::numerals::deadline_cn(d, vs.year());
                missing(format!("{base}.deadline"), &when);
            }
        }
    }
    if let Some(c) = spec.closing.as_ref().and_then(|c| c.call.as_ref()) {
        missing("closing.call".into(), c.as_str());
    }
    // Every Arabic number must come from the spec or the meeting date.
    let mut allowed: HashSet<String> = HashSet::new();
    crate::spec::for_each_text(spec, &mut |_, t| {
        allowed.extend(numbers(t.as_str()));
        // Dates in the spec also show as their parts (2024-06-30 → 2024, 6, 30).
        if let Some(d) = crate::spec::parse_date(t.as_str()) {
            use chrono::Datelike;
            allowed.insert(d.year().to_string());
            allowed.insert(d.month().to_string());
            allowed.insert(d.day().to_string());
        }
    });
    {
        use chrono::Datelike;
        allowed.insert(vs.date.year().to_string());
        allowed.insert(vs.date.month().to_string());
        allowed.insert(vs.date.day().to_string());
        allowed.insert((vs.date.year() - 1).to_string());
        allowed.insert((vs.date.year() + 1).to_string());
    }
    for (i, l) in lines.iter().enumerate() {
        for n in numbers(l) {
            if !allowed.contains(&n) {
                f.push(Finding::error(
                    "number",
                    i + 1,
                    format!("the number {n} is not in the spec: a draft must not invent figures"),
                ));
            }
        }
    }
}

/// Hashes of every window of `WINDOW` characters of a corpus, for finding copied runs.
pub struct CorpusIndex {
    windows: HashSet<u64>,
    text: Vec<char>,
}

/// A copied run longer than this is a finding.
pub const MAX_COPIED: usize = 30;
const WINDOW: usize = MAX_COPIED + 1;

fn hash_chars(cs: &[char]) -> u64 {
    let mut h = crate::hash::StableHasher::new();
    for c in cs {
        h.write_char(*c);
    }
    h.finish()
}

fn squeeze(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

impl CorpusIndex {
    /// Index the texts of a corpus.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut windows = HashSet::new();
        let mut all = Vec::new();
        for t in texts {
            let cs = squeeze(t);
            for w in cs.windows(WINDOW) {
                windows.insert(hash_chars(w));
            }
            all.extend(cs);
            all.push('\n');
        }
        CorpusIndex { windows, text: all }
    }

    /// Index every *.txt in a directory.
    pub fn from_dir(dir: &std::path::Path) -> crate::Result<Self> {
        let mut texts = Vec::new();
        let rd = std::fs::read_dir(dir)
            .map_err(|e| crate::Error::io(dir, "read the corpus directory", e))?;
        let mut paths: Vec<_> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let bytes = crate::io::read_regular(&p).map_err(|e| crate::Error::io(&p, "read", e))?;
            texts.push(crate::io::decode_lenient(&bytes).0);
        }
        Ok(CorpusIndex::new(texts.iter().map(String::as_str)))
    }

    /// The longest run of `text` (white space ignored) found verbatim in the corpus, if longer than 30.
    pub fn longest_copied(&self, text: &str) -> Option<String> {
        let cs = squeeze(text);
        let mut best: Option<(usize, usize)> = None;
        let mut i = 0;
        while i + WINDOW <= cs.len() {
            if self.windows.contains(&hash_chars(&cs[i..i + WINDOW])) {
                // Extend while the longer window is still in the corpus text.
                let mut end = i + WINDOW;
                while end < cs.len() && self.contains_run(&cs[i..=end]) {
                    end += 1;
                }
                if best.is_none_or(|(a, b)| end - i > b - a) {
                    best = Some((i, end));
                }
                i = end;
            } else {
                i += 1;
            }
        }
        best.map(|(a, b)| cs[a..b].iter().collect())
    }

    fn contains_run(&self, run: &[char]) -> bool {
        self.text.windows(run.len()).any(|w| w == run)
    }
}

fn check_copied(
    lines: &(impl LineSource + ?Sized),
    c: &CorpusIndex,
    spec: Option<&ValidSpec>,
    f: &mut Vec<Finding>,
) {
    let mut spec_texts: Vec<String> = Vec::new();
    if let Some(vs) = spec {
        crate::spec::for_each_text(&vs.spec, &mut |_, t| spec_texts.push(t.0.clone()));
    }
    for (i, l) in lines.iter().enumerate() {
        // Quoted slogans and the spec's own text do not count.
        let mut s = strip_quoted(l);
        for t in &spec_texts {
            if t.chars().count() >= 4 {
                s = s.replace(t.as_str(), "｜");
            }
        }
        for part in s.split('｜') {
            if let Some(run) = c.longest_copied(part) {
                f.push(Finding::error(
                    "copied",
                    i + 1,
                    format!(
                        "{} characters copied from the corpus: {run}",
                        run.chars().count()
                    ),
                ));
            }
        }
    }
}

fn strip_quoted(l: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in l.chars() {
        match c {
            '“' => {
                depth += 1;
                out.push('｜');
            }
            '”' => depth = (depth - 1).max(0),
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split() {
        assert_eq!(
            sentences("一要抓。二要干！好吗？尾"),
            vec!["一要抓。", "二要干！", "好吗？", "尾"]
        );
    }

    #[test]
    fn numbers_are_found() {
        assert_eq!(
            numbers("增长6.5%，完成85亿元，第3。"),
            vec!["6.5", "85", "3"]
        );
    }

    #[test]
    fn copied_runs_are_found_and_measured() {
        let c = CorpusIndex::new([
            "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏",
        ]);
        let copied = "开头甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈结尾";
        let run = c.longest_copied(copied).unwrap();
        assert_eq!(run.chars().count(), 33);
        assert!(
            c.longest_copied("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙")
                .is_none(),
            "30 characters are allowed"
        );
    }

    #[test]
    fn announced_count_is_read() {
        assert_eq!(
            announced_count(&["同志们：", "下面，我讲三点意见。"], 0),
            Some((3, 2))
        );
        assert_eq!(
            announced_count(&["下面，我再强调四个方面意见。"], 0),
            Some((4, 1))
        );
        assert_eq!(announced_count(&["讲政治"], 0), None);
        for (line, n) in [
            ("下面，我讲两点意见。", 2),
            ("我就当前工作讲四个问题。", 4),
            ("我谈三个方面的意见。", 3),
            ("最后，我再强调四点。", 4),
            ("对此，我提三条要求。", 3),
        ] {
            assert_eq!(announced_count(&[line], 0), Some((n, 1)), "{line}");
        }
        assert_eq!(announced_count(&["下面，我讲几点意见。"], 0), None);
    }

    #[test]
    fn line_rules_fire_and_stay_quiet() {
        let mut f = Vec::new();
        check_lines(
            &[
                "XX县要抓好{topic}，“四个意识",
                "好的句子，没有问题。",
                "中文,中文",
            ],
            &[],
            &mut f,
        );
        let rules: Vec<(&str, usize)> = f.iter().map(|x| (x.rule, x.line)).collect();
        assert!(rules.contains(&("residue", 1)));
        assert!(rules.contains(&("balance", 1)));
        assert!(rules.contains(&("punctuation", 3)));
        assert!(!rules.iter().any(|r| r.1 == 2));
    }

    #[test]
    fn era_events_and_expressions_by_the_lexicon() {
        use crate::lexicon::YearMonth;
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        let lines = [
            "要决战决胜脱贫攻坚。",
            "坚持常态化疫情防控。",
            "深入贯彻二十届三中全会精神。",
            "这是建国以来最好的一年。",
        ];
        let mut f = Vec::new();
        check_lexicon(
            &lines,
            Some(2024),
            Some(YearMonth::new(2024, 3)),
            day(2024, 3, 1),
            true,
            &[],
            &mut f,
        );
        let rules: Vec<(&str, usize)> = f.iter().map(|x| (x.rule, x.line)).collect();
        assert_eq!(
            rules,
            [
                ("era", 1),
                ("era", 2),
                ("later-event", 3),
                ("expression", 4)
            ],
            "{f:#?}"
        );
        assert!(f[0].message.contains("2024年3月1日"), "{}", f[0].message);
        let mut g = Vec::new();
        check_lexicon(
            &lines[..3],
            Some(2020),
            Some(YearMonth::new(2020, 6)),
            None,
            false,
            &[],
            &mut g,
        );
        assert!(g.is_empty(), "{g:#?}");
        let mut h = Vec::new();
        check_lexicon(
            &lines[2..3],
            Some(2024),
            None,
            day(2024, 12, 31),
            false,
            &[],
            &mut h,
        );
        assert!(h.is_empty(), "after the plenum: {h:#?}");
        // The spec's own words out of era: a warning for the writer, not a refusal.
        let mut w = Vec::new();
        check_lexicon(
            &lines[1..2],
            Some(2024),
            Some(YearMonth::new(2024, 3)),
            day(2024, 3, 1),
            true,
            &["常态化疫情防控".to_string()],
            &mut w,
        );
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].severity, Severity::Warning);
    }
}
