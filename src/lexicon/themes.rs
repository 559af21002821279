//! The words that say what a text is about: one table for the 26 themes every phrasebank knows
//! (`curate::REQUIRED_THEMES`, docs/phrasebank.md), read by `mine` (the theme of a heading, and
//! the theme word a mined frame turns into `{topic}`) and by `spec-from` (the theme of a part
//! the topic map cannot place).
//!
//! The words were picked by hand from the headings of the seed corpus (`../shared/corpus`) and
//! the themes' descriptions in `phrasebank/themes/*.yaml`. Each theme has two kinds:
//!
//! - **names**: the words that name the theme when a heading or a sentence says them (项目建设,
//!   招商, 营商环境 …). They are specific enough for [`theme_named`]'s rule, the first found
//!   decides, and to stand for the theme in a mined frame (要把{topic}摆在突出位置).
//! - **signs**: words that point to the theme when a text says them often, but say too little
//!   alone (项目, 投资, 岗位, 隐患, 资金 …); only [`theme_most_said`]'s count reads them.
//!
//! The order matters: [`theme_named`] tries the themes top to bottom, so the themes of a field
//! of work come first and the general ones (抓落实, 高质量发展, 学习贯彻, 政治建设, 形势分析,
//! 问题差距) last: 抓好重点项目落实 is about 项目建设, not 抓落实.

use std::sync::OnceLock;

/// One theme's words.
#[derive(Debug, Clone, Copy)]
pub struct ThemeWords {
    /// The theme, as the phrasebank names it.
    pub theme: &'static str,
    /// Words that name the theme (the strongest first).
    pub names: &'static [&'static str],
    /// Words that point to it in a longer text.
    pub signs: &'static [&'static str],
}

const fn theme(
    theme: &'static str,
    names: &'static [&'static str],
    signs: &'static [&'static str],
) -> ThemeWords {
    ThemeWords {
        theme,
        names,
        signs,
    }
}

/// The themes and their words, fields of work first (see the module's comment).
pub const THEMES: [ThemeWords; 26] = [
    theme(
        "项目建设",
        &["项目建设", "重点项目", "有效投资"],
        &["项目", "投资", "开工"],
    ),
    theme("招商引资", &["招商引资", "招商"], &["引资", "签约"]),
    theme("营商环境", &["营商环境", "放管服"], &["审批", "政务服务"]),
    theme(
        "产业发展",
        &["产业发展", "产业链", "工业经济"],
        &["产业", "园区", "工业", "旅游"],
    ),
    theme("企业帮扶", &["企业", "复工复产"], &["帮扶", "纾困", "惠企"]),
    theme("稳定就业", &["就业"], &["岗位", "务工"]),
    theme("乡村振兴", &["乡村振兴", "三农"], &["农村", "农业"]),
    theme("脱贫攻坚", &["脱贫攻坚", "脱贫"], &["贫困", "返贫"]),
    theme(
        "城乡建设",
        &["城镇化", "城乡建设", "城市建设"],
        &["城镇", "城市", "县城", "基础设施"],
    ),
    theme("民生保障", &["民生"], &["社会保障", "群众"]),
    theme("教育医疗", &["教育", "医疗"], &["学校", "卫生"]),
    theme(
        "生态环保",
        &["生态", "环保", "污染防治"],
        &["污染", "环境保护"],
    ),
    theme("安全生产", &["安全生产"], &["安全", "隐患", "事故"]),
    theme(
        "社会治理",
        &["社会治理", "信访", "稳定"],
        &["治理", "矛盾纠纷"],
    ),
    theme("疫情防控", &["疫情防控", "疫情"], &["防控"]),
    theme("改革创新", &["改革", "创新"], &[]),
    theme("依法行政", &["依法行政", "法治"], &["执法", "决策"]),
    theme("财政金融", &["财政", "金融"], &["税收", "资金"]),
    theme("作风建设", &["作风"], &["担当", "形式主义", "效率"]),
    theme("廉政建设", &["廉政", "廉洁", "从严治党"], &["腐败"]),
    theme("抓落实", &["抓落实", "落实"], &["督查", "考核", "责任"]),
    theme("高质量发展", &["高质量发展"], &["新发展理念", "转型"]),
    theme("学习贯彻", &["学习贯彻", "重要讲话"], &["精神", "学懂弄通"]),
    theme(
        "政治建设",
        &["政治建设", "讲政治"],
        &["政治", "两个维护", "四个意识", "党的领导"],
    ),
    theme("形势分析", &["形势"], &["大势", "机遇", "挑战", "成绩"]),
    theme("问题差距", &["差距", "短板"], &["不足", "问题"]),
];

/// The theme a text names, and the word that names it: the first theme (in [`THEMES`] order,
/// then in the order of its names) with a name in `s`, wherever in `s` it stands. One pass over
/// `s`: at each character only the names starting with it are tried.
pub fn theme_named(s: &str) -> Option<(&'static str, &'static str)> {
    // (first character, theme index, name index), sorted by character.
    static FIRST: OnceLock<Vec<(char, usize, usize)>> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut v: Vec<(char, usize, usize)> = THEMES
            .iter()
            .enumerate()
            .flat_map(|(ti, t)| {
                t.names
                    .iter()
                    .enumerate()
                    .filter_map(move |(ni, n)| Some((n.chars().next()?, ti, ni)))
            })
            .collect();
        v.sort_unstable();
        v
    });
    let mut best: Option<(usize, usize)> = None;
    for (i, c) in s.char_indices() {
        let from = first.partition_point(|e| e.0 < c);
        for &(fc, ti, ni) in &first[from..] {
            if fc != c {
                break;
            }
            if best.is_none_or(|b| (ti, ni) < b) && s[i..].starts_with(THEMES[ti].names[ni]) {
                best = Some((ti, ni));
            }
        }
    }
    best.map(|(ti, ni)| (THEMES[ti].theme, THEMES[ti].names[ni]))
}

/// The theme whose words `text` says most, among `known` (the phrasebank's themes): each theme
/// scores the times its words occur, its first name three times, the others once; on a tie the
/// first in [`THEMES`] order. None when `text` says no word of a known theme.
pub fn theme_most_said(text: &str, known: &[String]) -> Option<&'static str> {
    let mut best: Option<(&'static str, usize)> = None;
    for t in &THEMES {
        if !known.iter().any(|k| k == t.theme) {
            continue;
        }
        let score: usize = t
            .names
            .iter()
            .chain(t.signs)
            .enumerate()
            .map(|(i, w)| text.matches(w).count() * if i == 0 { 3 } else { 1 })
            .sum();
        if score > best.map_or(0, |b| b.1) {
            best = Some((t.theme, score));
        }
    }
    best.map(|b| b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Headings of the seed corpus and the theme `mine` gives them (the first theme named, in
    /// table order: the field of work before the general theme).
    #[test]
    fn a_heading_goes_by_the_first_theme_it_names() {
        let cases = [
            (
                "全力主攻项目建设，积极扩大有效投资",
                Some(("项目建设", "项目建设")),
            ),
            (
                "全面完成脱贫任务，巩固提升脱贫成果",
                Some(("脱贫攻坚", "脱贫")),
            ),
            (
                "加快推进产业发展，力促企业复产达效",
                Some(("产业发展", "产业发展")),
            ),
            (
                "切实保障基本民生，坚决维护平安稳定",
                Some(("民生保障", "民生")),
            ),
            (
                "守正创新，担当作为，自觉带头廉洁勤政",
                Some(("改革创新", "创新")),
            ),
            ("要强化督查抓落实", Some(("抓落实", "抓落实"))),
            ("要廉洁从政抓落实", Some(("廉政建设", "廉洁"))),
            (
                "守住社会稳定底线，在推进基层社会治理上下功夫",
                Some(("社会治理", "社会治理")),
            ),
            ("旗帜鲜明讲政治", Some(("政治建设", "讲政治"))),
            ("发展水平上的差距", Some(("问题差距", "差距"))),
            (
                "时不我待，以决战决胜姿态推动高质量发展",
                Some(("高质量发展", "高质量发展")),
            ),
            ("抓好常态化疫情防控", Some(("疫情防控", "疫情防控"))),
            (
                "深入学习贯彻习近平总书记来陕来安考察重要讲话重要指示精神",
                Some(("学习贯彻", "学习贯彻")),
            ),
            (
                "守住生态环保底线，在当好生态环境卫士上下功夫",
                Some(("生态环保", "生态")),
            ),
            (
                "学习成效要体现在认清形势、坚定信心上",
                Some(("形势分析", "形势")),
            ),
            // A sign alone names nothing: 防控 points to 疫情防控 only in a count.
            ("毫不放松抓好防控，用好用活支持政策", None),
        ];
        for (heading, want) in cases {
            assert_eq!(theme_named(heading), want, "{heading}");
        }
    }

    /// What `spec-from` makes of a part the topic map cannot place.
    #[test]
    fn a_text_goes_by_the_theme_it_says_most() {
        let all: Vec<String> = THEMES.iter().map(|t| t.theme.to_string()).collect();
        let cases = [
            (
                "全力主攻项目建设，积极扩大有效投资，重点项目开工",
                "项目建设",
            ),
            ("自觉带头廉洁勤政，推进全面从严治党", "廉政建设"),
            (
                "锤炼作风，讲担当，反对形式主义，提高效率，抓好落实",
                "作风建设",
            ),
            ("要在强化督查问责上下功夫，以考核压实责任", "抓落实"),
            (
                "突出为民服务，解决好群众急难愁盼问题，兜牢民生底线",
                "民生保障",
            ),
            // A tie goes to the theme listed first: the field of work.
            ("抓项目，兴产业", "项目建设"),
        ];
        for (text, want) in cases {
            assert_eq!(theme_most_said(text, &all), Some(want), "{text}");
        }
        assert_eq!(theme_most_said("同志们，大家好", &all), None);
        // Only the known themes count.
        let known = vec!["抓落实".to_string()];
        assert_eq!(
            theme_most_said("自觉带头廉洁勤政，抓好落实", &known),
            Some("抓落实")
        );
        assert_eq!(theme_most_said("自觉带头廉洁勤政", &known), None);
    }

    #[test]
    fn the_table_holds_each_required_theme_once() {
        let mut themes: Vec<&str> = THEMES.iter().map(|t| t.theme).collect();
        themes.sort_unstable();
        let mut required = crate::curate::REQUIRED_THEMES.to_vec();
        required.sort_unstable();
        assert_eq!(themes, required);
        for t in &THEMES {
            assert!(!t.names.is_empty(), "{}: no name", t.theme);
            for w in t.names.iter().chain(t.signs) {
                assert!(w.chars().count() >= 2, "{}: {w}", t.theme);
            }
            let words: Vec<&&str> = t.names.iter().chain(t.signs).collect();
            for (i, w) in words.iter().enumerate() {
                assert!(!words[..i].contains(w), "{}: {w} twice", t.theme);
            }
        }
    }
}
