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

use crate::text::is_han;

/// The prose rules' names, and the `off-topic` rule of the topic map, as `wengao lint` reports
/// them.
pub const RULES: [&str; 9] = [
    "repeated-word",
    "near-duplicate",
    "ranking-word",
    "count-word",
    "stress-again",
    "numbers-lead",
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

/// Words too common in the fields' names to tie a sentence to a part (安全 in 食品安全 and in
/// 群众安全感).
pub const GENERIC_WORDS: [&str; 12] = [
    "安全", "工作", "建设", "管理", "服务", "责任", "发展", "推进", "体系", "机制", "质量", "保障",
];

/// Words a point's topic adds to a term of its sub-topic that do not narrow it to one of the
/// sub-topic's fields (治理 in 扬尘治理, 重大 in 重大项目开工): [`GENERIC_WORDS`] and these.
pub const BROAD_WORDS: [&str; 29] = [
    "治理", "整治", "提升", "改造", "监管", "防治", "加强", "健全", "建立", "专项", "综合", "全面",
    "重点", "重大", "农村", "城乡", "项目", "经济", "问题", "企业", "落实", "常态", "防控", "增收",
    "化解", "落地", "开工", "追究", "清零",
];

/// Stock figures a point says once (筑牢…防线, 反弹回潮, 讲短话): said twice, they read as one
/// closing pasted twice (讲短话、讲实话 then 倡导开短会、讲短话: economy-2020 seed 63, read at
/// the stop). And duty rules said once (领导带班 in the list and again in the assignment,
/// 脱岗 twice: read blind, round 28, and at the drafts of round 30).
pub const ONCE_A_POINT: [&str; 7] = [
    "筑牢",
    "防线",
    "反弹回潮",
    "回头看",
    "讲短话",
    "带班",
    "脱岗",
];

/// Words that place a text in the villages or in the town (a county seat's streets).
pub const RURAL_WORDS: [&str; 3] = ["农村", "乡村", "村庄"];
pub const URBAN_WORDS: [&str; 4] = ["城区", "城市", "县城", "小区"];

/// Which side of a county a text speaks of, when it speaks of one only: `Some(true)` the
/// villages, `Some(false)` the town; `None` for both (城乡, or words of each) or neither.
pub fn side_of(text: &str) -> Option<bool> {
    if text.contains("城乡") {
        return None;
    }
    let rural = RURAL_WORDS.iter().any(|w| text.contains(w));
    let urban = URBAN_WORDS.iter().any(|w| text.contains(w));
    match (rural, urban) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

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
///
/// The lint check and the planner call this on every paragraph they read, so it allocates two
/// buffers and no string per window: each window of four Han characters is packed into a `u64`
/// (15 bits a character), the packed windows are sorted, and only a run of three or more becomes
/// a word.
pub fn repeated_words(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut windows: Vec<u64> = Vec::with_capacity(text.len() / 3);
    // Enumeration labels (一是, 二要) and the 要 that opens a demand (要…。要…。) are markers
    // of the genre's constructions, not words of the text: they break a window as a comma does.
    let mut prev_num = false;
    let mut at_start = true;
    // The packed last characters and how many of them in a row are Han.
    let (mut packed, mut run) = (0u64, 0usize);
    for c in text.chars() {
        let marker = (prev_num && matches!(c, '是' | '要')) || (at_start && c == '要');
        match han_index(c) {
            Some(k) if !marker => {
                packed = ((packed << 15) | k) & ((1 << 60) - 1);
                run += 1;
                if run >= 4 {
                    windows.push(packed);
                }
            }
            _ => run = 0,
        }
        prev_num = "一二三四五六七八九十".contains(c);
        at_start = matches!(c, '。' | '；' | '：' | '！' | '　');
    }
    windows.sort_unstable();
    let mut v: Vec<String> = Vec::new();
    let mut i = 0;
    while i < windows.len() {
        let w = windows[i];
        let n = windows[i..].iter().take_while(|&&x| x == w).count();
        if n >= 3 {
            let g: String = (0..4)
                .rev()
                .filter_map(|k| char::from_u32(HAN_FIRST + ((w >> (15 * k)) & 0x7fff) as u32))
                .collect();
            if !COMMON_FOUR.contains(&g.as_str()) && !allowed.iter().any(|a| a.contains(&g)) {
                v.push(g);
            }
        }
        i += n;
    }
    v.sort();
    v
}

/// The first and last Han character the rules count (CJK Unified Ideographs).
const HAN_FIRST: u32 = 0x4e00;
const HAN_LAST: u32 = 0x9fff;

/// A Han character's offset from [`HAN_FIRST`] (under 2^15), None for any other character.
fn han_index(c: char) -> Option<u64> {
    let c = u32::from(c);
    (HAN_FIRST..=HAN_LAST)
        .contains(&c)
        .then(|| u64::from(c - HAN_FIRST))
}

/// The character pairs of a text (Han only), sorted, without repeats.
pub fn pairs(text: &str) -> Vec<(char, char)> {
    // Sorted as packed numbers (one comparison a pair, not two), then unpacked.
    packed_pairs(text)
        .into_iter()
        .filter_map(|p| Some((char::from_u32((p >> 32) as u32)?, char::from_u32(p as u32)?)))
        .collect()
}

/// [`pairs`] packed as numbers (the first character in the high half): sorted, without repeats,
/// in the same order.
pub fn packed_pairs(text: &str) -> Vec<u64> {
    let mut packed: Vec<u64> = Vec::with_capacity(text.len() / 3);
    let mut prev: Option<u64> = None;
    for c in text.chars().filter(|c| is_han(*c)) {
        let c = u64::from(u32::from(c));
        if let Some(p) = prev {
            packed.push((p << 32) | c);
        }
        prev = Some(c);
    }
    packed.sort_unstable();
    packed.dedup();
    packed
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
        // A figure against 序时进度 (the share of the year's work due by now) is this year's,
        // and so is one that says how much of the year's task is done (完成年度任务的21%, read
        // in a March meeting whose look back opened 过去一年…).
        "序时进度",
        // (A share, not 完成全年目标任务: a January meeting says that of last year.)
        "年度任务的",
        "年度目标的",
        "年度目标任务的",
        "全年任务的",
        "全年目标任务的",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// Whether figures are last year's (去年完成…, 上年…, 2024年… in a 2025 meeting) and none this
/// year's own: a meeting reviewing them says 过去一年, not 今年以来, whatever its month.
pub fn last_years_figures(text: &str, year: i32) -> bool {
    let last = format!("{}年", year - 1);
    !this_years_figures(text)
        && !text.contains("今年")
        && ["去年", "上年", "上一年", last.as_str()]
            .iter()
            .any(|w| text.contains(w))
}

/// Whether `text` says a pair of Han characters that `said` says, `skip` aside (a heading's goal
/// that says a word of its aim; 特别是 taking up a word of the measure before it).
pub fn shares_a_pair(said: &str, text: &str, skip: impl Fn(&str) -> bool) -> bool {
    let cs: Vec<char> = text.chars().collect();
    cs.windows(2).any(|w| {
        let p: String = w.iter().collect();
        w.iter().all(|c| is_han(*c)) && !skip(&p) && said.contains(p.as_str())
    })
}

/// The words by which a fact says its own time (今年新建…, 明年计划…, 全县今年秋季…, 到2027年…).
pub const OWN_TIME_WORDS: [&str; 13] = [
    "今年",
    "明年",
    "去年",
    "全年",
    "年内",
    "本年",
    "年底",
    "上半年",
    "下半年",
    "季度",
    "今冬",
    "明春",
    "冬春",
];

/// Whether a fact says its own time ([`OWN_TIME_WORDS`], or a year: 2027年): a frame does not set
/// it in 今年 again (今年，全县要确保明年计划新建… says two years at once).
pub fn says_its_time(fact: &str) -> bool {
    OWN_TIME_WORDS.iter().any(|w| fact.contains(w)) || {
        let cs: Vec<char> = fact.chars().collect();
        cs.windows(5)
            .any(|w| w[..4].iter().all(char::is_ascii_digit) && w[4] == '年')
    }
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

/// The lead-ins that promise figures (这里讲一组数字：…, 用数据说话): true only before two
/// figures or more.
pub const NUMBERS_LEADS: [&str; 7] = [
    "一组数字",
    "几组数字",
    "几个数字",
    "一组数据",
    "几组数据",
    "用数据说话",
    "用数字说话",
];

/// How many times a text says 确保 (to ensure), not counting 确 ending another word before 保
/// (明确保洁区域, 准确保存).
pub fn ensures(text: &str) -> usize {
    text.match_indices("确保")
        .filter(|&(at, _)| !text[..at].ends_with(['明', '准', '正', '精']))
        .count()
}

/// The words that make a figure the change of the one before it (火灾42起，同比下降12%: one
/// statistic, not two — read blind, round 21: 这里讲一组数字 before it was a program's tell).
const CHANGE_WORDS: [&str; 6] = ["同比", "环比", "比上年", "比去年", "较上年", "较去年"];

/// The figures of a text: its Arabic numbers that are not a date's (2026年, 12月, 10日 are
/// when, not how much) nor the change of the figure before them (同比下降12%).
pub fn quantities(text: &str) -> usize {
    let mut n = 0;
    let mut start = None;
    let mut it = text.char_indices().peekable();
    while let Some((at, c)) = it.next() {
        let digit = c.is_ascii_digit() || (start.is_some() && c == '.');
        if !digit {
            start = None;
            continue;
        }
        let from = *start.get_or_insert(at);
        let next = it.peek().map(|&(_, d)| d);
        if next.is_some_and(|d| d.is_ascii_digit() || d == '.') {
            continue;
        }
        start = None;
        if matches!(next, Some('年' | '月' | '日' | '号' | '时')) {
            continue;
        }
        // The clause before the figure: a change word there ties it to the figure before.
        let clause = text[..from].rsplit(['，', '；', '。']).next().unwrap_or("");
        if n > 0 && CHANGE_WORDS.iter().any(|w| clause.contains(w)) {
            continue;
        }
        n += 1;
    }
    n
}

/// A lead-in that promises figures in a sentence that gives fewer than two after it (这里讲一组
/// 数字：冬季攻坚行动从12月持续到2026年春节前): the lead-in, if the text has one.
pub fn numbers_lead_without_figures(text: &str) -> Option<&'static str> {
    for sentence in text.split_inclusive(['。', '！', '？']) {
        for w in NUMBERS_LEADS {
            if let Some(at) = sentence.find(w)
                && quantities(&sentence[at + w.len()..]) < 2
            {
                return Some(w);
            }
        }
    }
    None
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
    use proptest::prelude::*;

    #[test]
    fn a_text_speaks_of_the_villages_or_the_town() {
        assert_eq!(side_of("农村供水保障"), Some(true));
        assert_eq!(side_of("加强城区二次供水设施管理。"), Some(false));
        assert_eq!(side_of("统筹城乡供水，推进农村供水规模化。"), None);
        assert_eq!(side_of("推动县城污水管网向农村延伸。"), None);
        assert_eq!(side_of("森林防火"), None);
    }

    #[test]
    fn ensure_is_counted_as_a_word() {
        assert_eq!(
            ensures("明确保洁区域，确保改一户、用一户。确保10月底前完成。"),
            2
        );
        assert_eq!(ensures("准确保存档案。"), 0);
    }

    #[test]
    fn a_numbers_lead_needs_two_figures_after_it() {
        assert_eq!(quantities("冬季攻坚行动从12月持续到2026年春节前"), 0);
        assert_eq!(quantities("签约的41个项目中，已开工22个，增长6.5%"), 3);
        // A change is the figure it qualifies, not a second one.
        assert_eq!(quantities("今年以来全县共发生火灾42起，同比下降12%"), 1);
        assert_eq!(quantities("完成投资85亿元，比上年增长6.5%，占全年的52%"), 2);
        assert_eq!(
            numbers_lead_without_figures(
                "这里讲一组数字：今年以来全县共发生火灾42起，同比下降12%。"
            ),
            Some("一组数字")
        );
        assert_eq!(
            numbers_lead_without_figures("这里讲一组数字：冬季攻坚行动从12月持续到2026年春节前。"),
            Some("一组数字")
        );
        assert_eq!(
            numbers_lead_without_figures("这里讲一组数字：全年实施重点项目120个。"),
            Some("一组数字")
        );
        assert_eq!(
            numbers_lead_without_figures("这里讲一组数字：签约的41个项目中，已开工22个。"),
            None
        );
        // Figures in another sentence do not count for the lead.
        assert_eq!(
            numbers_lead_without_figures("用数据说话。增长6.5%，完成85亿元。"),
            Some("用数据说话")
        );
        assert_eq!(numbers_lead_without_figures("全年完成投资85亿元。"), None);
    }

    /// The rules as first written (a string and a hash map entry per window): the packed
    /// versions above must find exactly what these find.
    fn repeated_words_reference(text: &str, allowed: &[&str]) -> Vec<String> {
        let mut plain = String::new();
        let (mut prev_num, mut at_start) = (false, true);
        for c in text.chars() {
            if (prev_num && matches!(c, '是' | '要')) || (at_start && c == '要') {
                plain.push('，');
            } else {
                plain.push(c);
            }
            prev_num = "一二三四五六七八九十".contains(c);
            at_start = matches!(c, '。' | '；' | '：' | '！' | '　');
        }
        let cs: Vec<char> = plain.chars().collect();
        let mut counts: std::collections::HashMap<String, usize> = Default::default();
        for w in cs.windows(4).filter(|w| w.iter().all(|c| is_han(*c))) {
            *counts.entry(w.iter().collect()).or_default() += 1;
        }
        let mut v: Vec<String> = counts
            .into_iter()
            .filter(|(g, n)| {
                *n >= 3
                    && !COMMON_FOUR.contains(&g.as_str())
                    && !allowed.iter().any(|a| a.contains(g.as_str()))
            })
            .map(|(g, _)| g)
            .collect();
        v.sort();
        v
    }

    fn pairs_reference(text: &str) -> Vec<(char, char)> {
        let cs: Vec<char> = text.chars().filter(|c| is_han(*c)).collect();
        let mut v: Vec<(char, char)> = cs.windows(2).map(|w| (w[0], w[1])).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Text over a small alphabet, so that words repeat: Han characters (the edges of the
    /// range among them), the numerals and markers (一是, 要), stops, and non-Han characters.
    fn prose_text() -> impl Strategy<Value = String> {
        let alphabet: Vec<char> =
            "分析研判要是一二十。；：！　，各镇部门县委政府高质量发展A1 \u{4e00}\u{9fff}\u{3400}\u{a000}"
                .chars()
                .collect();
        proptest::collection::vec(proptest::sample::select(alphabet), 0..200)
            .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn packed_rules_find_what_the_first_ones_did(text in prose_text(), cut in 0usize..20) {
            let allowed: String = text.chars().take(cut).collect();
            prop_assert_eq!(repeated_words(&text, &[]), repeated_words_reference(&text, &[]));
            prop_assert_eq!(
                repeated_words(&text, &[allowed.as_str()]),
                repeated_words_reference(&text, &[allowed.as_str()])
            );
            prop_assert_eq!(pairs(&text), pairs_reference(&text));
            let packed: Vec<u64> = pairs_reference(&text)
                .into_iter()
                .map(|(a, b)| (u64::from(a) << 32) | u64::from(b))
                .collect();
            prop_assert_eq!(packed_pairs(&text), packed);
        }
    }

    #[test]
    fn packed_rules_agree_on_the_examples_drafts() {
        // Real paragraphs: every example spec's text and the README's sample.
        let readme = std::fs::read_to_string("README.md").unwrap();
        let mut n = 0;
        for line in readme.lines().filter(|l| l.chars().any(is_han)) {
            assert_eq!(
                repeated_words(line, &[]),
                repeated_words_reference(line, &[])
            );
            assert_eq!(pairs(line), pairs_reference(line));
            n += 1;
        }
        assert!(n > 20, "README.md has Chinese paragraphs to check ({n})");
        let doubled = "要加强分析研判，分析研判要及时，分析研判结果要用好。".repeat(2);
        assert_eq!(repeated_words(&doubled, &[]), ["分析研判"]);
        assert_eq!(
            repeated_words(&doubled, &[]),
            repeated_words_reference(&doubled, &[])
        );
    }

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
        assert!(last_years_figures("去年完成农村户厕改造3100户", 2025));
        assert!(last_years_figures("2024年全县生产总值增长6%", 2025));
        assert!(!last_years_figures("2025年1-2月规上工业增加值增长8%", 2025));
        assert!(!last_years_figures(
            "去年完成3100户；今年以来完成800户",
            2025
        ));
        assert!(!last_years_figures("全县生产总值增长6%", 2025));
        // A share of the year's task done is this year's; the year's task done in full is not.
        assert!(this_years_figures("城镇新增就业420人，完成年度任务的21%"));
        assert!(!this_years_figures("圆满完成全年目标任务"));
        assert_eq!(misfit_time_word("过去一年，全县经济", 9), Some("过去一年"));
        assert_eq!(heading_mottos("聚焦重点项目，久久为功"), ["久久为功"]);
        assert!(heading_mottos("在重点项目上久久为功").is_empty());
        let a = pairs("对瓶装液化气实行实名销售，住建部门要入户安检。");
        let b = pairs("对瓶装液化气实行实名销售，住建部门要入户检查。");
        assert!(alike(&a, &b) >= NEAR);
        assert!(alike(&a, &pairs("严查酒驾醉驾，整治超速超载。")) < 0.1);
    }
}
