//! The speech's frame: the opening blocks (purpose, recap, the year's context, the situation, the
//! announced count) and the closing.

use super::*;

/// The moment of the year a meeting is held in, as an opening says it: a fact of the calendar
/// (the meeting date), never of the meeting. Safety meetings from May to August speak of the
/// flood season; others do not.
pub(super) fn moment(month: u32, day: u32, kind: crate::spec::Kind) -> Option<&'static str> {
    use crate::spec::Kind;
    Some(match (month, kind) {
        (1, _) | (2, _) => "新春伊始，各项工作都在抢时间、争主动，一刻也等不得、慢不得。",
        (3, _) if day >= 15 => "一季度即将过去，各项工作要尽快进入状态、形成实物工作量。",
        (3, _) | (4, _) => "眼下正值春季生产和项目开工的关键时节，时间不等人、机遇不等人。",
        (5, Kind::Safety) | (6, Kind::Safety) => {
            "主汛期即将到来，防汛备汛和安全生产到了最吃劲的时候，容不得半点松懈。"
        }
        (5, _) => "二季度是实现时间过半、任务过半的关键时段，必须抓紧抓实。",
        (6, _) => "上半年即将结束，离“时间过半、任务过半”只剩几周，必须加压奋进。",
        (7, Kind::Safety) | (8, Kind::Safety) => {
            "眼下正值主汛期，也是下半年工作承上启下的关键时期。"
        }
        // 主汛期 only where the meeting is on safety: in a meeting on 物业管理 it says nothing.
        (7, _) => "眼下已进入下半年，正是承上启下、冲刺全年目标的关键时期。",
        (8, _) => "三季度已经过半，这几个月抓得怎么样，直接关系全年目标能否实现。",
        (9, _) => "三季度即将结束，离全年收官只剩一个季度，各项工作都要提速。",
        (10, _) => "四季度是冲刺全年目标任务的关键时期，离年底只剩两个多月。",
        (11, _) => "离年底只剩一个多月，全年目标任务到了最后冲刺的时候。",
        (12, _) => "今年只剩最后一个月，既要收好尾，也要为明年开好局。",
        _ => return None,
    })
}

/// The moment of a point's own work at the meeting's month, as a real speech says it once
/// (明天就是“五一”小长假…; 现在已临近年底…): by sub-topic, the months (inclusive, wrapping past
/// December) and the sentence. Facts of the calendar (when the harvest, the flood season, the
/// graduation season are), never of the meeting.
const POINT_MOMENTS: &[(&str, u32, u32, &str)] = &[
    (
        "防汛",
        3,
        4,
        "再过一段时间就要入汛，留给我们备汛的时间已经不多了。",
    ),
    (
        "粮食收储",
        9,
        11,
        "秋粮已经陆续上市，收购工作马上要全面铺开。",
    ),
    (
        "根治欠薪",
        11,
        1,
        "岁末年初是农民工工资支付的集中期，也是欠薪问题的易发期。",
    ),
    (
        "高校毕业生就业",
        5,
        7,
        "毕业季就在眼前，一批高校毕业生即将离校求职。",
    ),
    ("校园安全", 6, 7, "暑假临近，学生离校以后的安全最让人揪心。"),
    (
        "防溺水",
        6,
        6,
        "暑假临近，孩子们离校以后到水边玩耍的机会多了，溺水风险随之上升。",
    ),
    (
        "防溺水",
        7,
        8,
        "眼下正值暑假，孩子们在家时间长、到水边玩耍的机会多，正是溺水事故的高发期。",
    ),
    (
        "校车安全",
        8,
        8,
        "秋季开学在即，校车和接送学生的车辆又要天天往返于城乡道路。",
    ),
    (
        "秸秆综合利用",
        5,
        6,
        "夏收在即，秸秆禁烧和综合利用又到了最吃劲的时候。",
    ),
    (
        "秸秆综合利用",
        9,
        10,
        "秋收在即，秸秆禁烧和综合利用又到了最吃劲的时候。",
    ),
    (
        "城镇燃气",
        10,
        12,
        "天气转冷，用气高峰即将到来，燃气安全风险随之上升。",
    ),
    (
        "城镇燃气",
        1,
        2,
        "眼下正是冬季用气高峰，春节前后用火用气集中，燃气安全一刻也不能放松。",
    ),
    (
        "文化旅游",
        4,
        4,
        "“五一”假期临近，文旅市场即将迎来客流高峰。",
    ),
    ("文化旅游", 9, 9, "国庆假期临近，文旅市场即将迎来客流高峰。"),
    // Read blind (rounds 31, 32), the corpus's points say where the year stands (当前已进入
    // 汛期, 明天就是“五一”小长假) and ours seldom did: more of the calendar's moments. Not in
    // the openings' words (眼下正值…, 主汛期即将到来, 关键时节), which a meeting says first;
    // none for 春耕备耕, whose part intros say its moment already (当前正值春耕备耕的关键时节).
    (
        "防汛",
        5,
        6,
        "入汛以后，强降雨过程随时可能出现，各项防汛准备必须赶在主汛期之前到位。",
    ),
    (
        "防汛",
        7,
        8,
        "当前防汛进入最吃劲的阶段，强降雨一场接着一场，丝毫松懈不得。",
    ),
    (
        "森林防火",
        3,
        4,
        "清明节临近，上坟烧纸、进山入林的人多，历年这个时候都是山火多发的关口。",
    ),
    (
        "森林防火",
        11,
        2,
        "进入冬春季森林防火期，气候干燥、风大林密，一点火星就可能酿成大灾。",
    ),
    (
        "地质灾害",
        5,
        8,
        "雨季已经到来，强降雨极易诱发滑坡、崩塌和泥石流。",
    ),
    (
        "道路交通",
        1,
        2,
        "春运已经开始，返乡客流、车流集中，道路交通安全压力明显加大。",
    ),
    (
        "道路交通",
        4,
        4,
        "“五一”假期临近，群众出行集中，农村道路和景区周边的交通安全压力随之加大。",
    ),
    (
        "道路交通",
        9,
        9,
        "国庆假期临近，群众出行集中，农村道路和景区周边的交通安全压力随之加大。",
    ),
    (
        "夏粮生产",
        5,
        6,
        "夏收在即，小麦从成熟到收割只有短短几天，一场连阴雨就可能让到手的粮食受损。",
    ),
    (
        "秋粮收获",
        9,
        10,
        "秋粮陆续成熟，抢收抢晒的时间窗口很短，一场连阴雨就可能让一年的辛苦打了折扣。",
    ),
    ("消防", 11, 2, "入冬以后取暖用火用电增多，火灾进入高发期。"),
];

/// The moment of a point on `topics` at `month`, if its work has one then.
pub(super) fn point_moment(topics: &[String], month: u32) -> Option<&'static str> {
    POINT_MOMENTS.iter().find_map(|(t, from, to, text)| {
        let now = crate::lexicon::season::in_months(month, *from, *to);
        (now && topics.first().is_some_and(|f| f == t)).then_some(*text)
    })
}

impl<'a> Planner<'a> {
    pub(super) fn purpose(&mut self) -> Vec<Paragraph> {
        let m = &self.vs.spec.meeting;
        let meeting = m.name.0.clone();
        let mut s = Vec::new();
        if m.purposes.is_empty() {
            s.extend(self.sentence(
                Role::OpeningPlain,
                None,
                &[("meeting", meeting)],
                &["meeting.name".into()],
            ));
        } else {
            let purposes: Vec<String> = m.purposes.iter().map(|p| clause(p.as_str())).collect();
            s.extend(self.sentence(
                Role::Opening,
                None,
                &[("meeting", meeting), ("purposes", purposes.join("，"))],
                &["meeting.name".into(), "meeting.purposes".into()],
            ));
        }
        s.extend(self.sentence(Role::OpeningAim, None, &[], &[]));
        // Where the year stands (汛期将至, 四季度冲刺 …): what a real opening says of the moment.
        let (month, day) = (
            chrono::Datelike::month(&self.vs.date),
            chrono::Datelike::day(&self.vs.date),
        );
        if let Some(m) = moment(month, day, self.vs.kind) {
            s.push(Sentence::new(
                m.to_string(),
                Origin::Template {
                    name: "plan:moment".into(),
                },
            ));
        }
        vec![Paragraph::new(s)]
    }

    pub(super) fn recap(&mut self) -> Vec<Paragraph> {
        let m = &self.vs.spec.meeting;
        if m.earlier.is_empty() {
            return Vec::new();
        }
        let earlier: Vec<String> = m.earlier.iter().map(|p| clause(p.as_str())).collect();
        let mut s = Vec::new();
        s.extend(self.sentence(
            Role::Recap,
            None,
            &[("earlier", earlier.join("；"))],
            &["meeting.earlier".into()],
        ));
        // 「…大家的发言都很有针对性。大家的讲话既总结了成绩…」: a follow-up does not say 大家
        // again right after the recap did.
        let said_all = s.iter().any(|x| x.text.contains("大家"));
        let again: HashSet<String> = self
            .pb
            .pool_iter(Role::RecapFollow, None, self.vs.kind, self.vs.at())
            .filter(|p| said_all && p.text.contains("大家"))
            .map(|p| p.id.to_string())
            .collect();
        let follow = self
            .draw(Role::RecapFollow, None, &[], &again, true)
            .or_else(|| self.draw(Role::RecapFollow, None, &[], &HashSet::default(), true));
        s.extend(follow.map(|(id, text)| Sentence::new(text, Origin::Phrase { id })));
        vec![Paragraph::new(s)]
    }

    pub(super) fn year_context(&mut self) -> Vec<Paragraph> {
        let cal = &crate::lexicon::lexicon().calendar;
        // A year's start is said at its start (开局就要冲刺 in a November meeting was false).
        let month = self.vs.at().month;
        let out_of_season: HashSet<String> = self
            .pb
            .pool_iter(Role::YearContext, None, self.vs.kind, self.vs.at())
            .filter(|ph| !crate::lexicon::season::in_season(&ph.text, month))
            .map(|ph| ph.id.to_string())
            .collect();
        let mut s: Vec<Sentence> = self
            .sentence_except(
                Role::YearContext,
                super::draw::Pool::Theme(None),
                &[],
                &[],
                &out_of_season,
            )
            .into_iter()
            .collect();
        // A year the phrasebank has nothing for still has its framing in the calendar.
        if s.is_empty()
            && let Some(f) = cal.framing(self.vs.year())
        {
            s.push(Sentence::new(
                format!("今年是{f}。"),
                Origin::Template {
                    name: "lexicon:calendar".into(),
                },
            ));
        }
        s.extend(self.guiding());
        if s.is_empty() {
            Vec::new()
        } else {
            vec![Paragraph::new(s)]
        }
    }

    /// The guiding sentence: the theory and the latest national meetings before the meeting date,
    /// in their standard wording (the political calendar, [`crate::lexicon::calendar`]), never a
    /// later one; provincial framing only when the spec gives it.
    pub(super) fn guiding(&mut self) -> Option<Sentence> {
        use crate::spec::Kind;
        let cal = &crate::lexicon::lexicon().calendar;
        let on = self.vs.date;
        let party = cal.party_spirit(on)?;
        let theory = cal.theory(on);
        // Who is asked (the government system at a plenary, the units elsewhere) and to what end.
        let (who, end) = match self.vs.kind {
            Kind::Plenary => (
                format!("{}政府系统", self.base["area"]),
                "确保全年目标任务圆满完成",
            ),
            Kind::Economy => (self.base["units"].clone(), "推动经济平稳健康发展"),
            Kind::KeyWork => (self.base["units"].clone(), "确保各项重点工作按期见效"),
            Kind::RuleOfLaw => (self.base["units"].clone(), "加快建设法治政府"),
            Kind::Safety => (self.base["units"].clone(), "坚决防范遏制重特大事故发生"),
            Kind::Investment => (self.base["units"].clone(), "全力以赴抓招商、上项目"),
        };
        let mut clauses: Vec<String> = Vec::new();
        match theory {
            Some(t) if t.verb.starts_with('以') => {
                clauses.push(format!("{who}要坚持{}", t.verb));
                clauses.push(format!("全面贯彻{party}"));
            }
            Some(t) => {
                clauses.push(format!("{who}要全面贯彻{party}"));
                clauses.push(t.verb.to_string());
            }
            None => clauses.push(format!("{who}要全面贯彻{party}")),
        }
        let economic = matches!(
            self.vs.kind,
            Kind::Plenary | Kind::Economy | Kind::KeyWork | Kind::Investment
        )
        .then(|| cal.economic_spirit(on))
        .flatten();
        // The spec's own guidance (省委…全会精神), literally, after the national meetings.
        let local: Vec<String> = self
            .vs
            .spec
            .meeting
            .guidance
            .iter()
            .map(|g| clause(g.as_str()))
            .collect();
        match (economic, local.is_empty()) {
            (Some(e), true) => clauses.push(format!("认真落实{e}")),
            (Some(e), false) => clauses.push(format!("认真落实{e}和{}", local.join("、"))),
            (None, false) => clauses.push(format!("认真落实{}", local.join("、"))),
            (None, true) => {}
        }
        clauses.push(format!("按照{}的部署要求", self.base["party"]));
        let text = format!("{}，{end}。", clauses.join("，"));
        let origin = if local.is_empty() {
            Origin::Template {
                name: "lexicon:calendar".into(),
            }
        } else {
            Origin::Mixed {
                id: "lexicon:calendar".into(),
                fields: (0..local.len())
                    .map(|i| format!("meeting.guidance[{i}]"))
                    .collect(),
            }
        };
        Some(Sentence::new(text, origin))
    }

    /// The situation's figures in one sentence, led as they allow (主要经济指标 only before
    /// economic figures, 用数据来说话 only before two of them).
    fn figures_sentence(&mut self, figures: &[crate::spec::Figure]) -> Sentence {
        let figs: Vec<String> = figures
            .iter()
            .map(|f| {
                let mut s = format!(
                    "{}{}",
                    clause(f.indicator.as_str()),
                    clause(f.value.as_str())
                );
                if let Some(b) = &f.benchmark {
                    s.push('，');
                    s.push_str(&clause(b.as_str()));
                }
                s
            })
            .collect();
        // 主要经济指标 only before economic figures (not before 全县60岁以上老年人口5.6万人);
        // a lead on numbers only before two of them.
        const ECONOMIC: [&str; 12] = [
            "生产总值",
            "GDP",
            "增加值",
            "投资",
            "财政",
            "收入",
            "零售",
            "进出口",
            "税",
            "产值",
            "营业",
            "外贸",
        ];
        let economic = figures
            .iter()
            .any(|f| ECONOMIC.iter().any(|w| f.indicator.as_str().contains(w)));
        let not_said: HashSet<String> = self
            .pb
            .pool_iter(Role::FigureLead, None, self.vs.kind, self.vs.at())
            .filter(|ph| {
                // Nor 主要指标 or 统计数据 before 森林火情0起: a count of the meeting's own
                // field is not one of the year's statistics.
                (!economic && ["经济", "主要指标", "统计"].iter().any(|w| ph.text.contains(w)))
                    // 用数据来说话 before two figures or more, not one.
                    || (figures.len() < 2
                        && (ph.text.contains("数据") || ph.text.contains("数字")))
            })
            .map(|ph| ph.id.to_string())
            .collect();
        self.led_list(Role::FigureLead, &figs, "situation.figures", &not_said)
    }

    /// The spec's list (`field`) in one sentence, joined with ；, after a lead of `role` drawn
    /// outside `not_said` (the list alone where none is left).
    fn led_list(
        &mut self,
        role: Role,
        items: &[String],
        field: &str,
        not_said: &HashSet<String>,
    ) -> Sentence {
        let lead = self.draw(role, None, &[], not_said, true);
        let text = format!(
            "{}{}。",
            lead.as_ref().map(|l| l.1.as_str()).unwrap_or(""),
            items.join("；")
        );
        let origin = match lead {
            Some((id, _)) => Origin::Mixed {
                id,
                fields: vec![field.into()],
            },
            None => Origin::Spec {
                field: field.into(),
            },
        };
        Sentence::new(text, origin)
    }

    pub(super) fn situation(&mut self) -> Vec<Paragraph> {
        let Some(sit) = self.vs.spec.situation.clone() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut first = Vec::new();
        if !sit.achievements.is_empty() || !sit.figures.is_empty() {
            // Looking back over the past year (过去一年, 一年来) fits the year's first quarter,
            // unless the figures are this year's own (1-2月, 一季度); later the look back is
            // over this year so far (今年以来). `wengao lint` checks the same (rule time-word).
            let month = chrono::Datelike::month(&self.vs.date);
            let mut texts: Vec<String> = Vec::new();
            crate::spec::for_each_text(&self.vs.spec, &mut |f, t| {
                if f.starts_with("situation") {
                    texts.push(t.0.clone());
                }
            });
            // A meeting on the quarter (一季度重点工作推进会) reviews this year so far.
            texts.push(self.vs.spec.meeting.name.0.clone());
            // At any time of year, figures of last year's (去年完成农村户厕改造3100户, read in an
            // April meeting that opened 今年以来…) are reviewed as the past year.
            let said = texts.concat();
            let year_review = (month <= 3 && !crate::prose::this_years_figures(&said))
                || crate::prose::last_years_figures(&said, self.vs.year());
            let misfit = |p: &crate::phrasebank::Phrase| {
                if year_review {
                    p.text.contains("今年以来")
                } else {
                    p.text.contains("一年") && !p.text.contains("今年以来")
                }
            };
            // A meeting kind with looks back of its own (a safety meeting's: 坚持人民至上、
            // 生命至上…) says one of them, not the economy's (经济社会发展保持稳中向好 before
            // 森林火情0起).
            let own_kind = self
                .pb
                .pool_iter(Role::SituationLead, None, self.vs.kind, self.vs.at())
                .any(|p| !p.kinds.is_empty() && !misfit(p));
            let wrong: HashSet<String> = self
                .pb
                .pool_iter(Role::SituationLead, None, self.vs.kind, self.vs.at())
                .filter(|p| misfit(p) || (own_kind && p.kinds.is_empty()))
                .map(|p| p.id.to_string())
                .collect();
            let lead = self
                .draw(Role::SituationLead, None, &[], &wrong, true)
                .or_else(|| self.draw(Role::SituationLead, None, &[], &HashSet::default(), true));
            first.extend(lead.map(|(id, text)| Sentence::new(text, Origin::Phrase { id })));
        }
        if !sit.achievements.is_empty() {
            let a: Vec<String> = sit
                .achievements
                .iter()
                .map(|t| clause(t.as_str()))
                .collect();
            let joined = a.join("；");
            // The leadership is not thanked twice (在县委的坚强领导下… then 这些成绩的取得，是
            // 县委坚强领导的结果), nor several aspects announced for one achievement (成绩主要
            // 体现在以下几个方面：汉江出境断面水质稳定保持II类, read at the drafts).
            let led = first.iter().any(|s| s.text.contains("领导"));
            let untrue: HashSet<String> = self
                .pb
                .pool_iter(Role::AchievementFrame, None, self.vs.kind, self.vs.at())
                .filter(|p| {
                    led && p.text.contains("领导") || a.len() == 1 && announces_several(&p.text)
                })
                .map(|p| p.id.to_string())
                .collect();
            match self.sentence_except(
                Role::AchievementFrame,
                Pool::Theme(None),
                &[("achievements", joined.clone())],
                &["situation.achievements".into()],
                &untrue,
            ) {
                Some(s) => first.push(s),
                None => first.push(Sentence::new(
                    format!("{joined}。"),
                    Origin::Spec {
                        field: "situation.achievements".into(),
                    },
                )),
            }
        }
        if !sit.figures.is_empty() {
            first.push(self.figures_sentence(&sit.figures));
        }
        if !first.is_empty() {
            out.push(Paragraph::new(first));
        }
        if !sit.problems.is_empty() {
            let mut s = Vec::new();
            let probs: Vec<String> = sit.problems.iter().map(|t| clause(t.as_str())).collect();
            s.push(self.led_list(
                Role::ProblemLead,
                &probs,
                "situation.problems",
                &HashSet::default(),
            ));
            s.extend(self.sentence(Role::ProblemFollow, None, &[], &[]));
            out.push(Paragraph::new(s));
        }
        out
    }

    pub(super) fn announce(&mut self, n: usize) -> Vec<Paragraph> {
        // 两点, 两个方面 — never 二点.
        let count = numerals::count_cn(n as u32);
        // Only entries that say the count: 下面，我讲三点意见 (not 讲几点意见); 我再强调 only
        // after others have spoken (the recap), since 再 needs something said before.
        let recap = !self.vs.spec.meeting.earlier.is_empty();
        let vague: HashSet<String> = self
            .pb
            .pool(Role::Announce, None, self.vs.kind, self.vs.at())
            .into_iter()
            .filter(|ph| !ph.slots().contains(&"count") || (!recap && ph.text.contains('再')))
            .map(|ph| ph.id.to_string())
            .collect();
        match self
            .draw(
                Role::Announce,
                None,
                &[("count", count.clone())],
                &vague,
                true,
            )
            .map(|(id, text)| Sentence::new(text, Origin::Phrase { id }))
        {
            Some(s) => vec![Paragraph::new(vec![s])],
            None => vec![Paragraph::new(vec![Sentence::new(
                format!("下面，我讲{count}点意见。"),
                Origin::Template {
                    name: "plan:announce".into(),
                },
            )])],
        }
    }

    /// The office the speaker holds when it heads the government (县长, 区长 …): its deputies
    /// (各位副县长, 分管副县长) are who the speech charges. None for any other speaker.
    pub(super) fn government_head(&self) -> Option<&'static str> {
        let role = self.vs.spec.speaker.role.as_str().trim();
        ["县长", "区长", "市长", "镇长", "乡长"]
            .into_iter()
            .find(|h| role == *h)
    }

    /// 同志们，今天会议部署的各项任务，会后各位副县长要…: the speaker's deputies when the speaker heads the
    /// government (县长 → 各位副县长), else the units alone; in one of four wordings the seed picks
    /// (one fixed line closing every draft was a tell across drafts; the corpus: 会后，各位副县长要
    /// 迅速召集分管部门…).
    fn audience(&mut self) -> String {
        let units = self.vs.level.units();
        let area = self.vs.level.whole();
        let gov = self.vs.level.government();
        let pick = self.rng.below(4);
        match self.government_head() {
            Some(h) => match pick {
                0 => format!(
                    "同志们，今天会议部署的各项任务，会后各位副{h}要抓紧召集分管部门分解任务、明确时限，{units}要对照分工一项一项抓到位，{area}上下拧成一股绳、形成合力。"
                ),
                1 => format!(
                    "同志们，任务已经明确，关键在于落实。会后，各位副{h}要迅速召集分管部门研究细化，拿出具体措施；{units}主要负责同志要亲自抓、负总责，确保会议精神不折不扣落到实处。"
                ),
                2 => format!(
                    "同志们，会议结束以后，各位副{h}要把今天的部署带回去，对照分管领域的工作，该调度的调度，该协调的协调；{units}要把责任落到具体岗位、具体人头。"
                ),
                _ => format!(
                    "同志们，今天讲的这几项工作，时间紧、任务重。各位副{h}要靠前指挥、一线协调，{units}要立说立行、马上就办，{gov}督查室要跟踪问效，按月报告进展。"
                ),
            },
            None => match pick {
                0 | 1 => format!(
                    "同志们，今天会议部署的各项任务，会后{units}要分解任务、明确时限，一项一项抓到位，{area}上下拧成一股绳、形成合力。"
                ),
                2 => format!(
                    "同志们，任务已经明确，关键在于落实。会后，{units}要迅速研究细化，拿出具体措施，主要负责同志要亲自抓、负总责，确保会议精神落到实处。"
                ),
                _ => format!(
                    "同志们，今天讲的这几项工作，时间紧、任务重。{units}要立说立行、马上就办，{gov}督查室要跟踪问效，按月报告进展。"
                ),
            },
        }
    }

    pub(super) fn closing(&mut self) -> Vec<Paragraph> {
        let mut s = Vec::new();
        s.extend(self.sentence(Role::Closing, None, &[], &[]));
        if let Some(call) = self.vs.spec.closing.as_ref().and_then(|c| c.call.as_ref()) {
            let call = clause(call.as_str());
            match self.sentence(
                Role::ClosingCall,
                None,
                &[("call", call.clone())],
                &["closing.call".into()],
            ) {
                Some(c) => s.push(c),
                None => s.push(Sentence::new(
                    format!("{call}！"),
                    Origin::Spec {
                        field: "closing.call".into(),
                    },
                )),
            }
        }
        if s.is_empty() {
            return Vec::new();
        }
        // The closing paragraph opens with 同志们，
        // The closing paragraph opens with 同志们 and, first, the audience: what the speaker's
        // deputies and the units do after the meeting; then the rallying sentences.
        if let Some(t) = s[0].text.strip_prefix("同志们，") {
            s[0].text = t.to_string();
        }
        s.insert(
            0,
            Sentence::new(
                self.audience(),
                Origin::Mixed {
                    id: "plan:audience".into(),
                    fields: vec!["speaker.role".into()],
                },
            ),
        );
        vec![Paragraph::new(s)]
    }
}

/// Whether a frame announces several things to come (以下几个方面, 这样几项).
fn announces_several(text: &str) -> bool {
    ["几个方面", "几项", "几点"]
        .iter()
        .any(|w| text.contains(w))
}
