//! `wengao spec-from SPEECH.txt [-o FILE]`: the spec that would reproduce a speech's skeleton.
//!
//! The speech is normalised and outlined as in the corpus pipeline; then the meeting name comes
//! from the title (在…上的讲话), the date from the text (2024年2月26日, or the title's year), one
//! section per level-1 part with its heading as `title` and its theme guessed from its words, one
//! point per level-2 part with its heading as `title` and a short topic, and the sentences with
//! figures as `facts`. Anonymised figures (XX, *.*) are never taken as facts. What could not be
//! found is marked with a comment for the writer to fill. The result validates and drafts.

use std::path::PathBuf;

use crate::cli::{Globals, info};
use crate::corpus::{normalize, outline};
use crate::lexicon::themes;
use crate::model::{Paragraph, Part, Speech};
use crate::spec::keys;
use crate::spec::write::{Value, Writer};
use crate::{Diagnostic, Result, io};

/// Arguments of `wengao spec-from`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wengao spec-from 去年的讲话.txt -o 会议.yaml\n  wengao spec-from ../shared/corpus/000_3c3b354d342957f0.txt | wengao draft -"
)]
pub struct Args {
    /// The speech (text, UTF-8 or GBK; `-` for standard input).
    pub speech: String,
    /// Write the spec to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
}

/// The theme whose words a text says most (`lexicon::themes`), among `known`; 抓落实 when it says
/// none of them.
fn guess_theme(text: &str, known: &[String]) -> String {
    themes::theme_most_said(text, known)
        .unwrap_or("抓落实")
        .to_string()
}

/// The theme of a level-1 part: the theme most of its points' sub-topics belong to (by the topic
/// map), else the theme whose words occur most in it.
fn theme_of_part(p: &Part, themes: &[String], map: &crate::topic::TopicMap) -> String {
    let mut votes: Vec<(String, usize)> = Vec::new();
    for s in &p.parts {
        if let Some(t) = map.classify(&s.heading)
            && themes.iter().any(|n| *n == *t.theme)
        {
            match votes.iter_mut().find(|(n, _)| *n == *t.theme) {
                Some(v) => v.1 += 1,
                None => votes.push((t.theme.to_string(), 1)),
            }
        }
    }
    let best = votes.iter().map(|v| v.1).max().unwrap_or(0);
    if best * 2 > p.parts.len() {
        if let Some((t, _)) = votes.into_iter().find(|v| v.1 == best) {
            return t;
        }
    }
    guess_theme(&part_text(p), themes)
}

/// A value with anonymised runs (XX, **, *.*) replaced by 某, so no placeholder reaches a draft.
fn anon(s: &str) -> String {
    let mut out = String::new();
    let mut in_run = false;
    for c in s.chars() {
        if matches!(c, 'X' | 'x' | '*') {
            if !in_run {
                out.push('某');
            }
            in_run = true;
        } else if in_run && c == '.' {
        } else {
            in_run = false;
            out.push(c);
        }
    }
    out
}

fn part_text(p: &Part) -> String {
    let mut s = p.heading.clone();
    for b in &p.body {
        s.push_str(&b.text());
    }
    for it in &p.items {
        s.push_str(&it.lead);
        s.push_str(&it.body.text());
    }
    for q in &p.parts {
        s.push_str(&part_text(q));
    }
    s
}

/// Sentences with real (not anonymised) Arabic figures.
fn facts_of(paras: &[&Paragraph], max: usize) -> Vec<String> {
    let mut out = Vec::new();
    for p in paras {
        for s in &p.sentences {
            // An item number (1.加快…, 2、…) is not a figure: strip it first.
            let full = s.text.trim();
            let rest = full.trim_start_matches(|c: char| c.is_ascii_digit());
            let t = match rest.strip_prefix(['.', '．', '、']) {
                Some(r) if rest.len() < full.len() && !r.is_empty() => r,
                _ => full,
            };
            let has_digit = t.chars().any(|c| c.is_ascii_digit());
            let anonymised = t.contains('X') || t.contains('x') || t.contains('*');
            if has_digit && !anonymised && t.chars().count() <= 150 && out.len() < max {
                out.push(crate::plan::clause(t));
            }
        }
    }
    out
}

/// Who a point's assignment names: 由韩靖同志牵头，县科工信局具体负责 (a leader and the unit),
/// 由县信访联席办牵头，各乡镇具体负责 (the unit and its support).
#[derive(Debug, PartialEq)]
struct Assignment {
    lead: String,
    leader: Option<String>,
    support: Vec<String>,
}

/// The first assignment a point's paragraphs say as 由…牵头(，…具体负责): the spec's `lead`,
/// `leader` and `support` that would say it again.
fn assignment_of(paras: &[&Paragraph]) -> Option<Assignment> {
    // A leader is a name and a title (韩靖同志, 光辉县长); a unit ends in what units end in.
    const UNIT_ENDS: [&str; 12] = [
        "局",
        "办",
        "委",
        "部",
        "站",
        "所",
        "中心",
        "院",
        "队",
        "室",
        "组",
        "管委会",
    ];
    let short = |t: &str, n: usize| !t.is_empty() && t.chars().count() <= n;
    let plain = |t: &str| t.chars().all(|c| c.is_alphabetic() || c == '、');
    for p in paras {
        for s in &p.sentences {
            let t = s.text.trim();
            let Some(rest) = t.strip_prefix('由') else {
                continue;
            };
            let Some((who, after)) = rest.split_once("牵头") else {
                continue;
            };
            if !short(who, 12) || !plain(who) || who.contains('、') {
                continue;
            }
            let does = after
                .strip_prefix(['，', ','])
                .and_then(|a| a.split_once("具体负责"))
                .map(|(u, _)| u)
                .filter(|u| short(u, 30) && plain(u));
            let person = crate::lexicon::units::is_leader(who);
            let unit = |u: &str| {
                !u.starts_with('各')
                    && UNIT_ENDS.iter().any(|w| u.ends_with(w))
                    && !crate::lexicon::units::is_leader(u)
            };
            if !person && !unit(who) {
                continue;
            }
            return Some(match (person, does) {
                (true, Some(unit)) if short(who, 10) => {
                    let mut units = unit.split('、').map(anon);
                    Assignment {
                        lead: units.next()?,
                        leader: Some(anon(who)),
                        support: units.collect(),
                    }
                }
                (true, _) => continue,
                (false, unit) => Assignment {
                    lead: anon(who),
                    leader: None,
                    support: unit
                        .map(|u| u.split('、').map(anon).collect())
                        .unwrap_or_default(),
                },
            });
        }
    }
    None
}

/// A short topic from a heading: its first clause, at most ten characters.
fn topic_of(heading: &str) -> String {
    let first = heading
        .split(['，', '；', '。', '：'])
        .next()
        .unwrap_or(heading);
    let first = first.trim_start_matches('要');
    first.chars().take(10).collect()
}

/// Speakers' roles, longest first (副县长 before 县长).
const ROLES: [&str; 22] = [
    "常务副县长",
    "常务副区长",
    "常务副市长",
    "县委书记",
    "区委书记",
    "市委书记",
    "镇党委书记",
    "副县长",
    "副区长",
    "副市长",
    "副镇长",
    "副乡长",
    "县长",
    "区长",
    "市长",
    "镇长",
    "乡长",
    "主任",
    "局长",
    "书记",
    "主席",
    "秘书长",
];

/// The role named in a speaker's words (县长张三, 王某某 副县长): the longest role found.
fn role_in(s: &str) -> Option<&'static str> {
    ROLES.into_iter().find(|r| s.contains(r))
}

/// The meeting name from a title: 县长在X上的讲话 → X; also X上讲话, X讲话稿, 在X上的发言(稿),
/// 王某某：在X上的讲话 and X会议讲话稿; a title repeated in itself is read once. Returns the name
/// and the words before 在 (the speaker).
fn meeting_of(title: &str) -> (String, Option<String>) {
    let (t, _) = crate::corpus::split_title_byline(title.trim());
    // A title pasted twice into one line: read once.
    let t = match t.len() % 2 == 0 && t.is_char_boundary(t.len() / 2) {
        true if t[..t.len() / 2] == t[t.len() / 2..] => &t[..t.len() / 2],
        _ => t,
    };
    let t = match t.split_once(['：', ':']) {
        Some((who, rest)) if who.chars().count() <= 12 && crate::corpus::title_form(rest) => {
            rest.trim()
        }
        _ => t,
    };
    let (role, rest) = match t.find('在') {
        Some(0) => (None, &t['在'.len_utf8()..]),
        Some(i) if t[..i].chars().count() <= 12 => {
            (Some(t[..i].to_string()), &t[i + '在'.len_utf8()..])
        }
        _ => (None, t),
    };
    let mut name = rest;
    for end in crate::corpus::TITLE_ENDS {
        if let Some(n) = name.strip_suffix(end) {
            name = n;
            break;
        }
    }
    let name = name.trim_end_matches('的').trim_end_matches('上').trim();
    let name = name.to_string();
    (name, role)
}

/// The level of the place the speech is about: the one its title names (全区, 区政府), else the
/// one the text says most often (全县/全区/全市/全镇/全乡; 乡 counts as 镇).
fn level_of(name: &str, text: &str) -> &'static str {
    const LEVELS: [&str; 4] = ["县", "市", "区", "镇"];
    if let Some(l) = LEVELS
        .into_iter()
        .find(|l| name.contains(&format!("{l}政府")) || name.contains(&format!("全{l}")))
    {
        return l;
    }
    if name.contains("全乡") || name.contains("乡政府") {
        return "镇";
    }
    let count = |l: &str| text.matches(&format!("全{l}")).count();
    let mut best = ("县", 0);
    for l in LEVELS {
        let n = count(l) + if l == "镇" { count("乡") } else { 0 };
        if n > best.1 {
            best = (l, n);
        }
    }
    best.0
}

/// The year an opening speaks of as its own: the latest 20XX年 it names that is not a target
/// (到2035年, 至2025年), else the year its era words give (收官之年 of 十三五 …).
fn opening_year(opening: &str) -> Option<i32> {
    let c: Vec<char> = opening.chars().collect();
    let mut best: Option<i32> = None;
    for i in 0..c.len().saturating_sub(4) {
        if c[i..i + 4].iter().all(|d| d.is_ascii_digit())
            && c[i + 4] == '年'
            && (i == 0 || !c[i - 1].is_ascii_digit())
            && !(i > 0 && matches!(c[i - 1], '到' | '至'))
            && let Ok(y) = c[i..i + 4].iter().collect::<String>().parse::<i32>()
            && (2000..=2100).contains(&y)
        {
            best = Some(best.map_or(y, |b| b.max(y)));
        }
    }
    best.or_else(|| crate::mine::speech_year(&Speech::default(), opening))
}

/// The year the speech's own era words place it in: a year's framing of the political calendar
/// (“十四五”开局之年 → 2021), else the last year all its era-lexicon terms were in use together
/// (疫情防控 … 六保 → 2022), when that span ends.
fn era_year(text: &str) -> Option<i32> {
    let lx = crate::lexicon::lexicon();
    if let Some((y, _, _)) = lx
        .calendar
        .years
        .iter()
        .find(|(_, f, _)| text.contains(&**f))
    {
        return Some(*y);
    }
    let span = lx.era.span_of(text);
    if span.is_empty() {
        return None;
    }
    span.until.map(|u| u.year)
}

fn date_in(text: &str) -> Option<String> {
    let cs: Vec<char> = text.chars().collect();
    for i in 0..cs.len().saturating_sub(7) {
        if cs[i..i + 4].iter().all(|c| c.is_ascii_digit()) && cs[i + 4] == '年' {
            let rest: String = cs[i + 5..(i + 12).min(cs.len())].iter().collect();
            let m: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            let after_m: String = rest.chars().skip(m.len()).collect();
            if !m.is_empty() && after_m.starts_with('月') {
                let d: String = after_m
                    .chars()
                    .skip(1)
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                let y: String = cs[i..i + 4].iter().collect();
                let date = format!(
                    "{y}-{:0>2}-{:0>2}",
                    m,
                    if d.is_empty() { "1".into() } else { d }
                );
                if crate::spec::parse_date(&date).is_some() {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// Build the spec text for a parsed speech.
pub fn spec_text(
    sp: &Speech,
    text: &str,
    source: &str,
    themes: &[String],
    map: &crate::topic::TopicMap,
) -> std::result::Result<String, String> {
    let n = sp.parts.len();
    if n < 2 {
        return Err(format!(
            "the speech has {n} level-1 part(s) (一、二、…); a spec needs 2 to 6"
        ));
    }
    let (name, speaker) = meeting_of(&sp.title);
    let all_text: String = sp.opening.iter().map(Paragraph::text).collect::<String>();
    let (date, date_note) = meeting_date(sp, &all_text, text);
    let body_text: String = std::iter::once(all_text.clone())
        .chain(sp.parts.iter().map(part_text))
        .collect();
    let level = level_of(&name, &body_text);
    let role = speaker
        .as_deref()
        .and_then(role_in)
        .or_else(|| sp.byline.iter().find_map(|b| role_in(b)))
        .map(str::to_string)
        .unwrap_or_else(|| format!("{level}长"));
    let kind = crate::lexicon::kinds::kind_named(&name).name();
    let mut w = Writer::quoted();
    w.comment(
        0,
        &format!("由 wengao spec-from 从 {source} 生成：请核对名称、日期、地名和各部分的主题。"),
    );
    w.key(0, keys::MEETING);
    let name = if name.is_empty() {
        "（会议名称）".to_string()
    } else {
        anon(&name)
    };
    w.field(1, keys::MEETING_NAME, Value::Text(&name));
    w.field_noted(1, keys::DATE, Value::Word(&date), date_note);
    w.field(1, keys::KIND, Value::Word(kind));
    let purposes = purposes_in(&all_text);
    if !purposes.is_empty() {
        let purposes: Vec<String> = purposes.iter().map(|p| anon(p)).collect();
        w.list(1, keys::PURPOSES, &strs(&purposes));
    }
    w.key(0, keys::SPEAKER);
    w.field(1, keys::ROLE, Value::Text(&anon(&role)));
    w.key(0, keys::PLACE);
    w.field_noted(
        1,
        keys::PLACE_NAME,
        Value::Text(&format!("某{level}")),
        Some("请改为本地地名"),
    );
    w.field(1, keys::LEVEL, Value::Word(level));
    let opening_paras: Vec<&Paragraph> = sp.opening.iter().collect();
    let achievements: Vec<String> = facts_of(&opening_paras, 4)
        .iter()
        .map(|a| anon(a))
        .collect();
    if !achievements.is_empty() {
        w.key(0, keys::SITUATION);
        w.block_list(1, keys::ACHIEVEMENTS, &strs(&achievements));
    }
    write_sections(&mut w, sp, themes, map);
    if let Some(c) = sp.closing.first() {
        let last = c
            .sentences
            .last()
            .map(|s| crate::plan::clause(&s.text))
            .unwrap_or_default();
        let call = last.rsplit('，').next().unwrap_or("").to_string();
        if !call.is_empty() && call.chars().count() <= 30 && !call.contains('X') {
            w.key(0, keys::CLOSING);
            w.field(1, keys::CALL, Value::Text(&anon(&call)));
        }
    }
    Ok(w.finish())
}

/// The meeting date and, when it is a guess, a note for the writer. The title's or the byline's
/// date; else their year, else the year the opening speaks of (今年是2024年…, era words), never a
/// figure of the body; else today.
fn meeting_date(sp: &Speech, all_text: &str, text: &str) -> (String, Option<&'static str>) {
    // The date: the title's or the byline's; else their year, else the year the opening speaks
    // of (今年是2024年…, era words); never a figure of the body.
    let head = format!("{}\n{}", sp.title, sp.byline.join("\n"));
    let year = crate::lint::year_of(&[head.as_str()])
        .or_else(|| opening_year(all_text))
        .or_else(|| era_year(text));
    match date_in(&head) {
        Some(d) => (d, None),
        None => match year {
            Some(y) => {
                // The speech's era terms can place it later in its year (六保: from April 2020);
                // a draft dated before them would be an anachronism.
                let month = crate::lexicon::lexicon()
                    .era
                    .uses(text)
                    .iter()
                    .filter_map(|u| u.term.span.from)
                    .filter(|m| m.year == y)
                    .map(|m| m.month)
                    .max()
                    .unwrap_or(1);
                (
                    format!("{y}-{month:02}-15"),
                    Some("原文只能看出年份：请改为会议的实际日期"),
                )
            }
            None => (
                chrono::Local::now()
                    .date_naive()
                    .format("%Y-%m-%d")
                    .to_string(),
                Some("原文未给出日期：请改为会议日期"),
            ),
        },
    }
}

/// The purposes the opening lists (会议的主要任务是……), at most four.
fn purposes_in(all_text: &str) -> Vec<String> {
    all_text
        .split(['。', '；'])
        .find_map(|s| {
            s.split_once("主要任务是")
                .or_else(|| s.split_once("主要目的是"))
                .map(|(_, r)| r.to_string())
        })
        .map(|r| {
            r.trim_start_matches(['，', '：'])
                .split('，')
                .map(str::to_string)
                .filter(|p| !p.is_empty() && !p.contains('X'))
                .take(4)
                .collect()
        })
        .unwrap_or_default()
}

/// `sections:`, one a level-1 part (six at most), with its points (nine at most).
fn write_sections(w: &mut Writer, sp: &Speech, themes: &[String], map: &crate::topic::TopicMap) {
    let n = sp.parts.len();
    w.key(0, keys::SECTIONS);
    if n > 6 {
        w.comment(1, &format!("原文有{n}个部分，只取前6个"));
    }
    for p in sp.parts.iter().take(6) {
        w.item_field(1, keys::THEME, Value::Word(&theme_of_part(p, themes, map)));
        w.field(2, keys::SECTION_TITLE, Value::Text(&anon(&p.heading)));
        if !p.parts.is_empty() {
            w.key(2, keys::POINTS);
            for s in p.parts.iter().take(9) {
                w.item_field(3, keys::TOPIC, Value::Text(&anon(&topic_of(&s.heading))));
                w.field(4, keys::POINT_TITLE, Value::Text(&anon(&s.heading)));
                // The topic map's reading of the point, when its heading names a sub-topic.
                if let Some(t) = map.classify(&s.heading) {
                    w.proposal(
                        4,
                        keys::ABOUT,
                        Value::Word(&t.name),
                        "主题图谱对本要点的判断；如不准确，改为正确的子主题后去掉#",
                    );
                }
                let mut paras: Vec<&Paragraph> = s.body.iter().collect();
                paras.extend(s.items.iter().map(|i| &i.body));
                let facts: Vec<String> = facts_of(&paras, 3).iter().map(|f| anon(f)).collect();
                if !facts.is_empty() {
                    w.list(4, keys::FACTS, &strs(&facts));
                }
                if let Some(a) = assignment_of(&paras) {
                    w.field(4, keys::LEAD, Value::Text(&a.lead));
                    if let Some(l) = &a.leader {
                        w.field(4, keys::LEADER, Value::Text(l));
                    }
                    if !a.support.is_empty() {
                        w.list(4, keys::SUPPORT, &strs(&a.support));
                    }
                }
            }
        }
    }
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Run the subcommand.
pub fn run(args: &Args, g: &Globals) -> Result<i32> {
    let bytes = io::read_bytes(&args.speech)?;
    let (text, _) = io::decode_lenient_owned(bytes);
    let clean = normalize::normalize(&text).text;
    drop(text);
    let sp = outline::parse(&clean);
    let pb = super::sources(g)?.phrasebank()?;
    let themes = pb.theme_names();
    let y = spec_text(&sp, &clean, &args.speech, &themes, &pb.topic_map).map_err(|m| {
        Diagnostic::new(&args.speech, m).help("spec-from reads speeches with numbered parts 一、二、…; check the text with `wengao outline --normalize`")
    })?;
    // What we write must validate.
    crate::spec::parse(&y, "<spec-from>", &themes)?;
    io::emit(args.output.as_deref(), y.as_bytes(), args.force)?;
    if let Some(p) = &args.output {
        info(
            g,
            &format!(
                "wrote {}; check it, then run: wengao draft {}",
                p.display(),
                p.display()
            ),
        );
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The corpus's assignments read back as the spec's fields that would say them again.
    #[test]
    fn assignments_read_as_lead_leader_and_support() {
        let para = |t: &str| Paragraph {
            sentences: t
                .split_inclusive('。')
                .map(|s| crate::model::Sentence::new(s, crate::model::Origin::Text { line: 1 }))
                .collect(),
            line: 0,
        };
        let of = |t: &str| assignment_of(&[&para(t)]);
        assert_eq!(
            of("扎实推进企业帮扶。由韩靖同志牵头，县科工信局具体负责，扎实推进“万人助万企”活动。"),
            Some(Assignment {
                lead: "县科工信局".into(),
                leader: Some("韩靖同志".into()),
                support: vec![],
            })
        );
        assert_eq!(
            of("由县信访联席办牵头，各乡镇、各单位具体负责，突出抓好信访稳定工作。"),
            Some(Assignment {
                lead: "县信访联席办".into(),
                leader: None,
                support: vec!["各乡镇".into(), "各单位".into()],
            })
        );
        // Not a unit, nor a leader with no unit to do the work.
        assert_eq!(of("由县处级领导牵头组成招商小分队外出招商。"), None);
        assert_eq!(of("由各位副县长牵头，召集分管部门认真研究。"), None);
        assert_eq!(
            of("由李新同志牵头，县公安部门要加强社会治安防控体系建设。"),
            None
        );
    }

    #[test]
    fn meeting_names_and_dates() {
        assert_eq!(
            meeting_of("县长在全县依法行政暨全县重点工作推进会议上的讲话"),
            (
                "全县依法行政暨全县重点工作推进会议".to_string(),
                Some("县长".to_string())
            )
        );
        assert_eq!(
            meeting_of("在2023年县政府全体会暨廉政工作会上的讲话").0,
            "2023年县政府全体会暨廉政工作会"
        );
        assert_eq!(
            date_in("会议于2024年2月26日召开"),
            Some("2024-02-26".to_string())
        );
        assert_eq!(date_in("2024年工作"), None);
        for (title, name, who) in [
            (
                "县长在全县安全生产工作会议上讲话",
                "全县安全生产工作会议",
                Some("县长"),
            ),
            (
                "2024年全区经济工作会议讲话稿",
                "2024年全区经济工作会议",
                None,
            ),
            (
                "在全镇乡村振兴工作推进会上的发言稿",
                "全镇乡村振兴工作推进会",
                None,
            ),
            (
                "副县长在全县防汛工作会议上的发言",
                "全县防汛工作会议",
                Some("副县长"),
            ),
            (
                "王某某：在全区营商环境大会上的讲话",
                "全区营商环境大会",
                None,
            ),
            (
                "在全县民政工作会议上的讲话（2024年4月18日）",
                "全县民政工作会议",
                None,
            ),
            (
                "在全县教育工作会议上的讲话在全县教育工作会议上的讲话",
                "全县教育工作会议",
                None,
            ),
        ] {
            let (n, r) = meeting_of(title);
            assert_eq!((n.as_str(), r.as_deref()), (name, who), "{title}");
        }
        assert_eq!(role_in("常务副县长 张某"), Some("常务副县长"));
        assert_eq!(role_in("副县长"), Some("副县长"));
        assert_eq!(role_in("王某某"), None);
        assert_eq!(level_of("全区经济工作会议", ""), "区");
        assert_eq!(level_of("安全生产会议", "全乡上下，全乡各村，全县"), "镇");
        assert_eq!(
            opening_year("总结2023年工作，部署2024年任务，到2035年基本实现"),
            Some(2024)
        );
    }

    #[test]
    fn themes_are_guessed_from_words() {
        let known: Vec<String> = themes::THEMES.iter().map(|t| t.theme.to_string()).collect();
        assert_eq!(
            guess_theme("全力主攻项目建设，积极扩大有效投资，重点项目开工", &known),
            "项目建设"
        );
        assert_eq!(
            guess_theme("自觉带头廉洁勤政，推进全面从严治党", &known),
            "廉政建设"
        );
        assert_eq!(
            topic_of("毫不放松抓好防控，用好用活支持政策"),
            "毫不放松抓好防控"
        );
    }
}
