//! What a speech is: its year and the category of each part (the theme a text names is
//! [`crate::lexicon::themes::theme_named`]).

use crate::model::{Part, Speech};

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
