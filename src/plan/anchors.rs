//! Anchors: what ties a point to its time, as a real speech says it once — the moment of the
//! point's own work at the meeting's month (秋粮已经陆续上市…) and the year's national budget
//! figures where the point is on funds or projects (今年国家安排地方政府专项债券…). Both are
//! facts of the calendar (the moments in `opening.rs`, the figures in `lexicon::budget`), never
//! of the meeting.

use super::*;
use crate::topic::Resolution;

impl<'a> Planner<'a> {
    /// The year's national budget figures (今年国家安排地方政府专项债券4.4万亿元…), once a draft,
    /// in the first point on funds or projects, after its framing: what a real speech quotes
    /// when it says where the money for its projects is (a 2020 speech of the corpus: 今年中央
    /// 安排专项债券3.75万亿元…). Facts of the calendar, from the lexicon with their sources.
    pub(super) fn quote_the_budget(&mut self, plans: &mut [PointPlan], resolved: &[Resolution]) {
        if self.budget_quoted {
            return;
        }
        use chrono::Datelike;
        let d = self.vs.date;
        let Some(b) = crate::lexicon::budget::quoted_at(d.year(), d.month(), d.day()) else {
            return;
        };
        let figures: Vec<String> = [
            ("地方政府专项债券", b.special_bonds),
            ("超长期特别国债", b.ultra_long_bonds),
            ("中央预算内投资", b.central_investment),
        ]
        .into_iter()
        .filter_map(|(what, f)| f.map(|f| format!("{what}{f}")))
        .collect();
        for (k, pp) in plans.iter_mut().enumerate() {
            let Some(why) = resolved[k]
                .topics
                .first()
                .and_then(|t| BUDGET_TOPICS.iter().find(|(name, _)| name == t))
                .map(|(_, why)| *why)
            else {
                continue;
            };
            pp.framing2 = Some(Sentence::new(
                format!("今年国家安排{}，{why}", figures.join("、")),
                Origin::Template {
                    name: "lexicon:budget".into(),
                },
            ));
            // The quote has said the year: a fact framed 今年，… after it says it again
            // (今年国家安排… 今年，二季度新开工…).
            for f in &mut pp.facts {
                if let Some(rest) = f.text.strip_prefix("今年，") {
                    f.text = rest.to_string();
                }
            }
            self.budget_quoted = true;
            return;
        }
    }

    /// The moment of a point's own work (秋粮已经陆续上市…), once a draft, before its
    /// framing: where the corpus's points get their time (明天就是“五一”小长假…).
    pub(super) fn say_point_moment(&mut self, plans: &mut [PointPlan], resolved: &[Resolution]) {
        if !self.point_moment_said {
            let month = self.vs.at().month;
            for (k, pp) in plans.iter_mut().enumerate() {
                if let Some(m) = super::opening::point_moment(&resolved[k].topics, month) {
                    pp.framing2 = pp.framing.take();
                    pp.framing = Some(Sentence::new(
                        m.to_string(),
                        Origin::Template {
                            name: "plan:point-moment".into(),
                        },
                    ));
                    self.point_moment_said = true;
                    break;
                }
            }
        }
    }
}

/// The sub-topics whose first point quotes the year's national budget figures, and what the
/// speech makes of them.
const BUDGET_TOPICS: [(&str, &str); 6] = [
    (
        "专项债券",
        "额度向项目成熟、前期工作扎实的地方倾斜，谁的项目准备得好，谁就能多争取。",
    ),
    (
        "争取上级项目",
        "政策窗口就在眼前，关键看我们的项目储备和前期工作跟不跟得上。",
    ),
    (
        "争取上级资金",
        "政策窗口就在眼前，关键看我们的项目储备和前期工作跟不跟得上。",
    ),
    (
        "项目谋划储备",
        "支持力度不减，我们要抓住这个窗口期，把项目谋深谋实。",
    ),
    (
        "重点项目推进",
        "支持力度不减，关键是要把争取到的资金尽快转化为实物工作量。",
    ),
    (
        "扩大内需",
        "支持力度不减，我们要抓住这个窗口期，以有效投资带动扩大内需。",
    ),
];
