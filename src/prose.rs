//! Checks of prose a writer would strike: the rules of `wengao lint` that read a draft as a
//! county office writer does, and that the planner keeps to when it drafts.
//!
//! | rule | what |
//! | --- | --- |
//! | `repeated-word` | a four-character word three times in one paragraph (分析研判 ×3) |
//! | `near-duplicate` | two sentences of a draft that say nearly the same thing (character pairs ≥ 60% alike) |
//! | `ranking-word` | 头等大事, 重中之重, 摆在首位 … more than once in one level-1 part |
//! | `count-word` | 二点, 二个方面, 二项 — a count before a measure word is 两 |
//! | `stress-again` | 我再强调 with nothing said before it (no 刚才 …) |
//! | `motto` | one four-character motto in two headings (久久为功 … 久久为功) |
//! | `time-word` | 今年以来 in the year's first quarter, 过去一年 / 一年来 after it |
//!
//! Each works on the lines of a text draft (a writer's own as well as a generated one). The
//! planner uses the same functions while it drafts, so its drafts raise none of them.

use std::collections::HashMap;

use crate::text::is_han;

/// The prose rules' names, and the `off-topic` rule of the topic map, as `wengao lint` reports
/// them.
pub const RULES: [&str; 8] = [
    "repeated-word",
    "near-duplicate",
    "ranking-word",
    "count-word",
    "stress-again",
    "motto",
    "time-word",
    "off-topic",
];

/// Words that rank a task first: once per level-1 part.
pub const RANKING_WORDS: [&str; 6] = [
    "头等大事",
    "重中之重",
    "摆在首位",
    "首要任务",
    "第一要务",
    "放在首位",
];

/// Four-character words too common in a county speech to count as repeated (the speech's own
/// frame words).
pub const COMMON_FOUR: [&str; 6] = [
    "各镇各部",
    "镇各部门",
    "县委县政",
    "委县政府",
    "高质量发",
    "质量发展",
];

/// The four-character words found three times or more in a text, except those of `allowed`
/// (the point's own topic and the spec's words, which a paragraph may repeat).
pub fn repeated_words(text: &str, allowed: &[&str]) -> Vec<String> {
    // Enumeration labels (一是, 二要) and the 要 that opens a demand (要…。要…。) are markers
    // of the genre's constructions, not words of the text.
    let mut plain = String::with_capacity(text.len());
    let mut prev_num = false;
    let mut at_start = true;
    for c in text.chars() {
        if (prev_num && matches!(c, '是' | '要')) || (at_start && c == '要') {
            plain.push('，');
        } else {
            plain.push(c);
        }
        prev_num = "一二三四五六七八九十".contains(c);
        at_start = matches!(c, '。' | '；' | '：' | '！' | '　');
    }
    // Counted on character arrays; only a word found three times becomes a string.
    let cs: Vec<char> = plain.chars().collect();
    let mut counts: HashMap<[char; 4], usize> = HashMap::new();
    for w in cs.windows(4) {
        if w.iter().all(|c| is_han(*c)) {
            *counts.entry([w[0], w[1], w[2], w[3]]).or_default() += 1;
        }
    }
    let mut v: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(g, _)| g.iter().collect::<String>())
        .filter(|g| {
            !COMMON_FOUR.contains(&g.as_str()) && !allowed.iter().any(|a| a.contains(g.as_str()))
        })
        .collect();
    v.sort();
    v
}

/// The character pairs of a text (Han only), sorted, without repeats.
pub fn pairs(text: &str) -> Vec<(char, char)> {
    let cs: Vec<char> = text.chars().filter(|c| is_han(*c)).collect();
    let mut v: Vec<(char, char)> = cs.windows(2).map(|w| (w[0], w[1])).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// How alike two sentences are: shared character pairs over all pairs of either.
pub fn alike(a: &[(char, char)], b: &[(char, char)]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let n = shared(a, b);
    n as f64 / (a.len() + b.len() - n) as f64
}

/// How many items two sorted, repeat-free lists share.
pub fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Two sentences this alike say the same thing.
pub const NEAR: f64 = 0.6;

/// A 二 counting before a measure word (二点 …), to be 两.
pub fn wrong_count(text: &str) -> Option<&'static str> {
    ["二点", "二个", "二项", "二条", "二方面", "二件"]
        .into_iter()
        .find(|w| {
            text.match_indices(w).any(|(i, _)| {
                // Not a part of a larger numeral (十二点, 二十二个) or an ordinal (第二个).
                let before = text[..i].chars().last();
                !matches!(
                    before,
                    Some(
                        '十' | '第'
                            | '百'
                            | '千'
                            | '万'
                            | '零'
                            | '一'
                            | '二'
                            | '三'
                            | '四'
                            | '五'
                            | '六'
                            | '七'
                            | '八'
                            | '九'
                    )
                )
            })
        })
}

/// Whether figures are this year's own (1-2月, 一季度): a first-quarter meeting reviewing
/// them says 今年以来.
pub fn this_years_figures(text: &str) -> bool {
    [
        "1-2月",
        "1—2月",
        "1－2月",
        "1至2月",
        "一季度",
        "前两个月",
        "1月份",
        "1-3月",
        "1至3月",
        // A figure against 序时进度 (the share of the year's work due by now) is this year's.
        "序时进度",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// The look-back words that fit a meeting month: 过去一年/一年来/去年 in the first quarter,
/// 今年以来 after it. Returns the word that does not fit, if the text has one.
pub fn misfit_time_word(text: &str, month: u32) -> Option<&'static str> {
    if month <= 3 {
        ["今年以来"].into_iter().find(|w| text.contains(w))
    } else if month >= 7 {
        ["过去一年", "一年来"]
            .into_iter()
            .find(|w| text.contains(w))
    } else {
        None
    }
}

/// The four-character clauses of a heading (久久为功 in 在重点项目上久久为功 is not a clause;
/// in 聚焦重点项目，久久为功 it is).
pub fn heading_mottos(heading: &str) -> Vec<String> {
    heading
        .split(['，', '、', '；'])
        .map(str::trim)
        .filter(|c| c.chars().count() == 4 && c.chars().all(is_han))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_fire_and_stay_quiet() {
        assert_eq!(
            repeated_words("要加强分析研判，分析研判要及时，分析研判结果要用好。", &[]),
            ["分析研判"]
        );
        assert!(repeated_words("要加强分析研判，研判结果要用好。", &[]).is_empty());
        assert!(repeated_words("重点项目重点项目重点项目", &["重点项目"]).is_empty());
        assert_eq!(wrong_count("我讲二点意见"), Some("二点"));
        assert_eq!(wrong_count("我讲两点意见，十二点前完成，第二个方面"), None);
        assert_eq!(misfit_time_word("今年以来，全县经济", 2), Some("今年以来"));
        assert_eq!(misfit_time_word("今年以来，全县经济", 5), None);
        assert_eq!(misfit_time_word("过去一年，全县经济", 9), Some("过去一年"));
        assert_eq!(heading_mottos("聚焦重点项目，久久为功"), ["久久为功"]);
        assert!(heading_mottos("在重点项目上久久为功").is_empty());
        let a = pairs("对瓶装液化气实行实名销售，住建部门要入户安检。");
        let b = pairs("对瓶装液化气实行实名销售，住建部门要入户检查。");
        assert!(alike(&a, &b) >= NEAR);
        assert!(alike(&a, &pairs("严查酒驾醉驾，整治超速超载。")) < 0.1);
    }
}
