//! What a speech is: its year, its kind of meeting, the category of each part and the theme a
//! text is about.

use crate::model::{Part, Speech};

/// Theme keywords (the phrasebank's themes, docs/phrasebank.md); the first keyword found names the
/// theme.
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
pub(super) fn theme_of(s: &str) -> Option<(&'static str, &'static str)> {
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
