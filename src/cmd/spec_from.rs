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
use crate::model::{Paragraph, Part, Speech};
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

/// Keywords that point to each theme, strongest first.
const THEME_WORDS: [(&str, &[&str]); 26] = [
    (
        "政治建设",
        &["政治", "讲政治", "两个维护", "四个意识", "党的领导"],
    ),
    ("学习贯彻", &["学习贯彻", "精神", "重要讲话", "学懂弄通"]),
    ("形势分析", &["形势", "大势", "机遇", "挑战", "成绩"]),
    ("问题差距", &["差距", "短板", "不足", "问题"]),
    ("高质量发展", &["高质量发展", "新发展理念", "转型"]),
    ("项目建设", &["项目", "投资", "开工"]),
    ("招商引资", &["招商", "引资", "签约"]),
    ("营商环境", &["营商环境", "放管服", "审批", "政务服务"]),
    ("产业发展", &["产业", "园区", "工业", "旅游"]),
    ("企业帮扶", &["企业", "帮扶", "纾困", "惠企"]),
    ("稳定就业", &["就业", "岗位", "务工"]),
    ("乡村振兴", &["乡村振兴", "农村", "农业", "三农"]),
    ("脱贫攻坚", &["脱贫", "贫困", "返贫"]),
    ("城乡建设", &["城镇", "城市", "县城", "基础设施"]),
    ("民生保障", &["民生", "社会保障", "群众"]),
    ("教育医疗", &["教育", "医疗", "学校", "卫生"]),
    ("生态环保", &["生态", "环保", "污染", "环境保护"]),
    ("安全生产", &["安全生产", "安全", "隐患", "事故"]),
    ("社会治理", &["治理", "信访", "矛盾纠纷", "稳定"]),
    ("疫情防控", &["疫情", "防控"]),
    ("改革创新", &["改革", "创新"]),
    ("依法行政", &["依法行政", "法治", "执法", "决策"]),
    ("财政金融", &["财政", "金融", "税收", "资金"]),
    ("作风建设", &["作风", "担当", "形式主义", "效率"]),
    ("廉政建设", &["廉政", "廉洁", "从严治党", "腐败"]),
    ("抓落实", &["落实", "督查", "考核", "责任"]),
];

/// The theme whose words occur most in `text` (ties: the first listed), among `known`.
pub fn guess_theme(text: &str, known: &[String]) -> String {
    let mut best = ("抓落实", 0usize);
    for (theme, words) in THEME_WORDS {
        if !known.iter().any(|k| k == theme) {
            continue;
        }
        let score: usize = words
            .iter()
            .enumerate()
            .map(|(i, w)| text.matches(w).count() * if i == 0 { 3 } else { 1 })
            .sum();
        if score > best.1 {
            best = (theme, score);
        }
    }
    best.0.to_string()
}

/// The theme of a level-1 part: the theme most of its points' sub-topics belong to (by the topic
/// map), else the theme whose words occur most in it.
fn theme_of_part(p: &Part, themes: &[String], map: &crate::topic::TopicMap) -> String {
    let mut votes: Vec<(String, usize)> = Vec::new();
    for s in &p.parts {
        if let Some(t) = map.classify(&s.heading)
            && themes.contains(&t.theme)
        {
            match votes.iter_mut().find(|(n, _)| *n == t.theme) {
                Some(v) => v.1 += 1,
                None => votes.push((t.theme.clone(), 1)),
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

/// Quote a value for YAML (a JSON string is a YAML string), with anonymised runs (XX, **, *.*)
/// replaced by 某, so no placeholder reaches a draft.
fn q(s: &str) -> String {
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
    serde_json::to_string(&out).unwrap_or_else(|_| "\"\"".into())
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

/// A short topic from a heading: its first clause, at most ten characters.
fn topic_of(heading: &str) -> String {
    let first = heading
        .split(['，', '；', '。', '：'])
        .next()
        .unwrap_or(heading);
    let first = first.trim_start_matches('要');
    first.chars().take(10).collect()
}

/// The meeting name from a title: 县长在X上的讲话 → X.
fn meeting_of(title: &str) -> (String, Option<String>) {
    let t = title.trim();
    let (role, rest) = match t.find('在') {
        Some(i) if i > 0 => (Some(t[..i].to_string()), &t[i + '在'.len_utf8()..]),
        Some(_) => (None, &t['在'.len_utf8()..]),
        None => (None, t),
    };
    let name = rest
        .trim_end_matches("的讲话")
        .trim_end_matches("上的讲话")
        .trim_end_matches('上');
    (name.to_string(), role)
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
    let (name, role) = meeting_of(&sp.title);
    let all_text: String = sp.opening.iter().map(Paragraph::text).collect::<String>();
    let year_in_title =
        crate::lint::year_of(&[sp.title.as_str()]).or_else(|| crate::mine::speech_year(sp, text));
    let (date, date_note) = match date_in(&sp.title).or_else(|| date_in(&all_text)) {
        Some(d) => (d, ""),
        None => match year_in_title {
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
                    "  # 原文只能看出年份：请改为会议的实际日期",
                )
            }
            None => (
                chrono::Local::now()
                    .date_naive()
                    .format("%Y-%m-%d")
                    .to_string(),
                "  # 原文未给出日期：请改为会议日期",
            ),
        },
    };
    let kind = if name.contains("廉政") || name.contains("全体") {
        "plenary"
    } else if name.contains("经济运行") {
        "economy"
    } else if name.contains("依法行政") || name.contains("法治") {
        "rule_of_law"
    } else if name.contains("安全") {
        "safety"
    } else if name.contains("招商") || name.contains("营商") {
        "investment"
    } else {
        "key_work"
    };
    let level = ["县", "市", "区", "镇"]
        .into_iter()
        .find(|l| name.contains(&format!("{l}政府")) || name.starts_with(&format!("全{l}")))
        .unwrap_or("县");
    let mut y = String::new();
    y.push_str(&format!(
        "# 由 wengao spec-from 从 {source} 生成：请核对名称、日期、地名和各部分的主题。\n"
    ));
    y.push_str("meeting:\n");
    y.push_str(&format!(
        "  name: {}\n",
        q(if name.is_empty() {
            "（会议名称）"
        } else {
            &name
        })
    ));
    y.push_str(&format!("  date: {date}{date_note}\n"));
    y.push_str(&format!("  kind: {kind}\n"));
    let purposes: Vec<String> = all_text
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
        .unwrap_or_default();
    if !purposes.is_empty() {
        y.push_str(&format!(
            "  purposes: [{}]\n",
            purposes.iter().map(|p| q(p)).collect::<Vec<_>>().join(", ")
        ));
    }
    y.push_str("speaker:\n");
    y.push_str(&format!(
        "  role: {}\n",
        q(role
            .as_deref()
            .filter(|r| r.chars().count() <= 6)
            .unwrap_or("县长"))
    ));
    y.push_str("place:\n");
    y.push_str(&format!(
        "  name: {}  # 请改为本地地名\n",
        q(&format!("某{level}"))
    ));
    y.push_str(&format!("  level: {level}\n"));
    let opening_paras: Vec<&Paragraph> = sp.opening.iter().collect();
    let achievements = facts_of(&opening_paras, 4);
    if !achievements.is_empty() {
        y.push_str("situation:\n  achievements:\n");
        for a in &achievements {
            y.push_str(&format!("    - {}\n", q(a)));
        }
    }
    y.push_str("sections:\n");
    if n > 6 {
        y.push_str(&format!("  # 原文有{n}个部分，只取前6个\n"));
    }
    for p in sp.parts.iter().take(6) {
        let theme = theme_of_part(p, themes, map);
        y.push_str(&format!("  - theme: {theme}\n"));
        y.push_str(&format!("    title: {}\n", q(&p.heading)));
        if !p.parts.is_empty() {
            y.push_str("    points:\n");
            for s in p.parts.iter().take(9) {
                y.push_str(&format!("      - topic: {}\n", q(&topic_of(&s.heading))));
                y.push_str(&format!("        title: {}\n", q(&s.heading)));
                // The topic map's reading of the point, when its heading names a sub-topic.
                if let Some(t) = map.classify(&s.heading) {
                    y.push_str(&format!(
                        "        # about: {}   # 主题图谱对本要点的判断；如不准确，改为正确的子主题后去掉#\n",
                        t.name
                    ));
                }
                let mut paras: Vec<&Paragraph> = s.body.iter().collect();
                paras.extend(s.items.iter().map(|i| &i.body));
                let facts = facts_of(&paras, 3);
                if !facts.is_empty() {
                    y.push_str(&format!(
                        "        facts: [{}]\n",
                        facts.iter().map(|f| q(f)).collect::<Vec<_>>().join(", ")
                    ));
                }
            }
        }
    }
    if let Some(c) = sp.closing.first() {
        let last = c
            .sentences
            .last()
            .map(|s| crate::plan::clause(&s.text))
            .unwrap_or_default();
        let call = last.rsplit('，').next().unwrap_or("").to_string();
        if !call.is_empty() && call.chars().count() <= 30 && !call.contains('X') {
            y.push_str(&format!("closing:\n  call: {}\n", q(&call)));
        }
    }
    Ok(y)
}

/// Run the subcommand.
pub fn run(args: &Args, g: &Globals) -> Result<i32> {
    let bytes = io::read_bytes(&args.speech)?;
    let (text, _) = io::decode_lenient(&bytes);
    let clean = normalize::normalize(&text).text;
    let sp = outline::parse(&clean);
    let pb = crate::phrasebank::Phrasebank::load(&super::phrasebank_dir(g))?;
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
    }

    #[test]
    fn themes_are_guessed_from_words() {
        let known: Vec<String> = THEME_WORDS.iter().map(|t| t.0.to_string()).collect();
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
