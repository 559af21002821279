//! The national budget's headline figures by year, as the 政府工作报告 sets them at the 全国两会:
//! what a county speech quotes when it says where the money for its projects is
//! (今年中央安排专项债券3.75万亿元，中央预算内投资安排6000亿元…, a 2020 speech of the corpus).
//!
//! These are facts of the calendar, not of a meeting: the same for every county, known from the
//! day the report is read (5 March) and said only in meetings after the 两会 of that year. Only
//! figures checked against a public report are kept, each with its source; a year without one
//! says nothing. A draft's own numbers still come only from its spec.

/// One year's figures, each as the report words it (亿元/万亿元).
#[derive(Debug, Clone, Copy)]
pub struct NationalBudget {
    pub year: i32,
    /// 地方政府专项债券 (拟安排…).
    pub special_bonds: Option<&'static str>,
    /// 超长期特别国债 (拟发行…), from 2024; 抗疫特别国债 in 2020 is named in `other`.
    pub ultra_long_bonds: Option<&'static str>,
    /// 中央预算内投资 (安排…).
    pub central_investment: Option<&'static str>,
    /// Where the figures were checked.
    pub source: &'static str,
}

const BUDGETS: &[NationalBudget] = &[
    NationalBudget {
        year: 2020,
        special_bonds: Some("3.75万亿元"),
        ultra_long_bonds: None,
        central_investment: Some("6000亿元"),
        source: "2020年政府工作报告, as a county speech of May 2020 quotes it (../shared/corpus, 002: \
                 今年中央安排专项债券3.75万亿元，中央预算内投资安排6000亿元)",
    },
    NationalBudget {
        year: 2021,
        special_bonds: Some("3.65万亿元"),
        ultra_long_bonds: None,
        central_investment: Some("6100亿元"),
        source: "2021年政府工作报告 (十三届全国人大四次会议, 2021-03-05), 北京青年报 report: \
                 news.shi-fen.com/china/202103/50-957428.html",
    },
    NationalBudget {
        year: 2024,
        special_bonds: Some("3.9万亿元"),
        ultra_long_bonds: Some("1万亿元"),
        central_investment: None,
        source: "2025年政府工作报告's comparison with 2024 (专项债券4.4万亿元、比上年增加5000亿元; \
                 超长期特别国债1.3万亿元、比上年增加3000亿元): \
                 world.chinadaily.com.cn/a/202503/05/WS67c7beb1a310510f19ee9ca7.html",
    },
    NationalBudget {
        year: 2025,
        special_bonds: Some("4.4万亿元"),
        ultra_long_bonds: Some("1.3万亿元"),
        central_investment: Some("7350亿元"),
        source: "2025年政府工作报告 (十四届全国人大三次会议, 2025-03-05): \
                 world.chinadaily.com.cn/a/202503/05/WS67c7beb1a310510f19ee9ca7.html; \
                 中央预算内投资 from the 2025 central budget",
    },
    NationalBudget {
        year: 2026,
        special_bonds: Some("4.4万亿元"),
        ultra_long_bonds: Some("1.3万亿元"),
        central_investment: Some("7550亿元"),
        source: "2026年政府工作报告 (十四届全国人大四次会议, 2026-03-05): hk01.com 60327573, \
                 udn.com/news/story/7333/9361040 (专项债券4.4万亿元, 超长期特别国债1.3万亿元), \
                 am730.com.hk 1015830 (中央预算内投资7550亿元)",
    },
];

/// The figures a meeting on `year`-`month`-`day` may quote: its own year's, once the report has
/// been read (after 15 March, when the 两会 has closed).
pub fn quoted_at(year: i32, month: u32, day: u32) -> Option<&'static NationalBudget> {
    if month < 3 || (month == 3 && day < 15) {
        return None;
    }
    BUDGETS.iter().find(|b| b.year == year)
}

#[cfg(test)]
mod tests {
    use super::quoted_at;

    #[test]
    fn a_years_figures_are_quoted_after_its_two_sessions() {
        assert!(quoted_at(2025, 2, 20).is_none(), "before the report");
        assert!(quoted_at(2025, 3, 10).is_none(), "while the 两会 sits");
        let b = quoted_at(2025, 6, 1).unwrap();
        assert_eq!(b.special_bonds, Some("4.4万亿元"));
        // A year not checked says nothing.
        assert!(quoted_at(2022, 6, 1).is_none());
        assert!(quoted_at(2030, 6, 1).is_none());
    }
}
