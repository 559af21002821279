//! Wording a phrase must not carry: spun (伪原创) words and names of particular places.

use std::sync::OnceLock;

use crate::lexicon::spun;
use crate::text::is_han;

/// A test on the text before and after a spun phrase that says whether this occurrence is spun.
type SpunTest = fn(&str, &str) -> bool;

/// Spun (伪原创) phrases, each holding the spun form of one pair of [`crate::lexicon::spun`]
/// (whose original makes the fix), and the test of an occurrence. A longer phrase comes before
/// the phrases it holds.
const SPUN: &[(&str, SpunTest)] = &[
    ("新开展理念", |_, _| true),
    ("高质量开展", |_, after| {
        after.chars().next().is_none_or(|c| !is_han(c))
            || [
                "的", "之", "新", "道路", "阶段", "理念", "示范", "水平", "要求", "体系", "先行",
                "格局", "路子", "篇章", "成效",
            ]
            .iter()
            .any(|s| after.starts_with(s))
    }),
    ("开展理念", |_, _| true),
    ("开展格局", |_, _| true),
    ("开展战略", |_, _| true),
    ("开展方式", |_, _| true),
    ("开展动能", |_, _| true),
    ("开展质量", |_, _| true),
    ("开展态势", |_, _| true),
    ("开展潜力", |_, _| true),
    ("开展空间", |_, _| true),
    ("开展机遇", |_, _| true),
    ("开展后劲", |_, _| true),
    ("开展底线", |_, _| true),
    ("开展大局", |_, _| true),
    ("开展壮大", |_, _| true),
    ("开展短板", |_, _| true),
    ("经济开展", |_, _| true),
    ("可持续开展", |_, _| true),
    ("绿色开展", |_, _| true),
    ("跨越式开展", |_, _| true),
    ("根底", |_, _| true),
    ("效劳", |_, _| true),
    ("稳固", |_, after| {
        after
            .chars()
            .next()
            .is_some_and(|c| is_han(c) && !"的性地".contains(c))
    }),
    ("比拟", |before, _| {
        !["可", "以", "能", "堪"].iter().any(|s| before.ends_with(s))
    }),
    ("到达", |_, after| {
        !["现场", "一线", "基层", "目的地"]
            .iter()
            .any(|s| after.starts_with(s))
    }),
    ("筹划", |before, _| {
        !["统", "精心", "周密"].iter().any(|s| before.ends_with(s))
    }),
    ("兴旺", |before, after| {
        ["地区", "国家", "县", "省", "市"]
            .iter()
            .any(|s| after.starts_with(s))
            || ["经济", "交通", "信息", "工业"]
                .iter()
                .any(|s| before.ends_with(s))
    }),
    ("晋级", |_, _| true),
    ("结构性变革", |_, _| true),
    ("树立健全", |_, _| true),
    ("进步", |_, after| {
        [
            "质量", "水平", "效率", "才能", "本领", "能力", "效益", "认识", "站位",
        ]
        .iter()
        .any(|s| after.starts_with(s))
    }),
];

/// The fix of each phrase of [`SPUN`]: the phrase with its pair's original.
fn fixes() -> &'static [String] {
    static FIXES: OnceLock<Vec<String>> = OnceLock::new();
    FIXES.get_or_init(|| {
        SPUN.iter()
            .map(|(word, _)| spun::restore(word).unwrap_or_else(|| word.to_string()))
            .collect()
    })
}

/// Spun words in a text: (word, the standard word).
pub fn spun_words(text: &str) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for ((word, test), fix) in SPUN.iter().zip(fixes()) {
        for (i, _) in text.match_indices(word) {
            let j = i + word.len();
            if taken.iter().any(|&(a, b)| i >= a && j <= b) {
                continue; // inside a longer spun word already reported (新开展理念 ⊃ 开展理念)
            }
            if test(&text[..i], &text[j..]) {
                out.push((*word, fix.as_str()));
                taken.push((i, j));
                break;
            }
        }
    }
    out
}

/// Generic words ending in 县/市/区/镇 that name no particular place.
const GENERIC_PLACE_WORDS: &[&str] = &[
    "地区",
    "小区",
    "深水区",
    "上市",
    "禁区",
    "盲区",
    "误区",
    "雷区",
    "风险区",
    "核心区",
    "安置区",
    "园区",
    "社区",
    "城区",
    "景区",
    "辖区",
    "片区",
    "新区",
    "库区",
    "山区",
    "湖区",
    "矿区",
    "街区",
    "校区",
    "厂区",
    "灾区",
    "老区",
    "边区",
    "牧区",
    "林区",
    "垦区",
    "市区",
    "郊区",
    "功能区",
    "开发区",
    "示范区",
    "保护区",
    "试验区",
    "集聚区",
    "先行区",
    "经济区",
    "产业区",
    "商业区",
    "工业区",
    "生活区",
    "行政区",
    "城市",
    "都市",
    "超市",
    "集市",
    "股市",
    "楼市",
    "车市",
    "城镇",
    "乡镇",
    "集镇",
    "村镇",
    "小镇",
    "重镇",
    "名镇",
    "强镇",
    "强县",
    "大县",
    "区县",
    "市县",
    "郡县",
    "县市",
    "示范县",
    "重点县",
    "先进县",
    "百强县",
    "强市",
    "县区",
    "市区县",
    "特色小镇",
    "示范镇",
    "重点镇",
    "中心镇",
    "特色镇",
];

/// Characters that, right after 县/市/区/镇, make a generic compound (县域, 市场, 区位 …).
const PLACE_CONTINUATIONS: &str = "域场级直属城乡委政府长民位情内外里管县市区镇村街间块";

/// Likely names of particular places (汉阴县, 安康市) in a text.
pub fn place_names(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if !"县市区镇".contains(c) || i < 2 {
            continue;
        }
        if chars
            .get(i + 1)
            .is_some_and(|n| PLACE_CONTINUATIONS.contains(*n))
        {
            continue;
        }
        let mut start = i;
        while start > 0 && i - start < 3 && is_han(chars[start - 1]) {
            start -= 1;
        }
        // 全县/各镇 are generic; 三个区 counts; 工业强县/产业立县 are slogans.
        if i - start < 2
            || "全各本该我每其两此个一二三四五六七八九十强立活兴富稳美绿靓治旺"
                .contains(chars[i - 1])
        {
            continue;
        }
        // Try the two-character stem first (…汉阴县), then the three-character one.
        let two: String = chars[i - 2..=i].iter().collect();
        let full: String = chars[start..=i].iter().collect();
        let generic = |w: &str| {
            GENERIC_PLACE_WORDS.iter().any(|g| w.ends_with(g))
                || w.chars()
                    .next()
                    .is_some_and(|f| "全各本该我每其两此".contains(f))
        };
        if generic(&two) || generic(&full) {
            continue;
        }
        // Common function characters before the stem make it part of a phrase, not a name.
        if "的在和与及是为把对向从到县市区镇".contains(chars[i - 2]) {
            continue;
        }
        out.push(two);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genuine_words_are_not_spun() {
        for ok in [
            "要开展精准招商。",
            "开展环境隐患排查。",
            "推动产业兴旺。",
            "无可比拟的优势。",
            "基础更加稳固。",
            "推动高质量发展。",
            "高质量开展主题教育。",
        ] {
            assert!(spun_words(ok).is_empty(), "{ok}: {:?}", spun_words(ok));
        }
        for bad in [
            "推动高质量开展。",
            "稳固拓展成果。",
            "转型晋级。",
            "到达预期目标。",
            "提供优质效劳。",
        ] {
            assert!(!spun_words(bad).is_empty(), "{bad}");
        }
    }

    #[test]
    fn each_spun_phrase_holds_one_pair_whose_original_is_the_fix() {
        let pairs: Vec<spun::Pair> = spun::RESTORED
            .iter()
            .chain(&spun::FLAGGED)
            .copied()
            .collect();
        for (word, _) in SPUN {
            let held = pairs.iter().filter(|(s, _)| word.contains(s)).count();
            assert_eq!(held, 1, "{word} holds {held} spun forms");
        }
        for (text, want) in [
            ("贯彻新开展理念。", vec![("新开展理念", "新发展理念")]),
            (
                "推动经济开展和绿色开展。",
                vec![("经济开展", "经济发展"), ("绿色开展", "绿色发展")],
            ),
            (
                "夯实根底，提供优质效劳。",
                vec![("根底", "基础"), ("效劳", "服务")],
            ),
            ("稳固拓展成果。", vec![("稳固", "巩固")]),
            ("转型晋级。", vec![("晋级", "升级")]),
            ("深化结构性变革。", vec![("结构性变革", "结构性改革")]),
            ("树立健全长效机制。", vec![("树立健全", "建立健全")]),
            ("进步服务水平，进步质量。", vec![("进步", "提高")]),
            ("到达预期目标。", vec![("到达", "达到")]),
        ] {
            assert_eq!(spun_words(text), want, "{text}");
        }
    }

    #[test]
    fn place_names_spare_generic_words() {
        assert_eq!(place_names("把汉阴县建成强县"), vec!["汉阴县"]);
        assert_eq!(place_names("在安康市"), vec!["安康市"]);
        for generic in [
            "向先进地区看齐",
            "保持在合理区间",
            "统筹全县资源",
            "划分三个区",
            "产业稳县、旅游活县",
            "改造老旧小区",
            "推动企业上市",
        ] {
            assert!(
                place_names(generic).is_empty(),
                "{generic}: {:?}",
                place_names(generic)
            );
        }
        for generic in [
            "全县上下",
            "各镇各部门",
            "工业园区",
            "城乡区域协调",
            "县委县政府",
            "推进新型城镇化",
            "建设特色小镇",
            "稳定市场预期",
            "县域经济",
        ] {
            assert!(
                place_names(generic).is_empty(),
                "{generic}: {:?}",
                place_names(generic)
            );
        }
    }
}
