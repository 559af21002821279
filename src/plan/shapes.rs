//! Point shapes: how a point's sentences are built into paragraphs.
//!
//! The shapes are Tera templates (`templates/shapes/*.tera`), each seen in the corpus: running
//! prose joined by 同时/此外/特别是 (`plain`), an enumeration 一是…；二是… (`enumeration`), a run
//! of demands 要…。要…。同时，要… (`yao`), a short point of three or four sentences (`short`), and a
//! point led by its target (`target`). A template gets the point's sentences (and their forms
//! with and without a leading 要) and writes one paragraph a line; each sentence of the result is
//! given back the origin of the sentence it carries. The planner picks the shapes so that siblings
//! differ and a speech does not repeat one shape throughout.

use super::*;

/// The shapes, by the name of their template.
pub(super) const SHAPES: [&str; 5] = ["plain", "enumeration", "yao", "short", "target"];

/// Whether a fact reads as a target (全年新建…，力争…) rather than a result (已完成…，同比增长…).
pub(super) fn is_target(fact: &str) -> bool {
    let target = [
        "全年",
        "力争",
        "确保",
        "年内",
        "目标",
        "新建",
        "新开工",
        "季度",
        "上半年",
        "下半年",
        "新增",
        "计划",
        "年底前",
        "不少于",
        "新谋划",
        "新引进",
        "新培育",
        "迎接",
        "前完成",
        "不低于",
        "以上",
        "控制在",
    ];
    let done = [
        "已",
        "累计",
        "同比",
        "完成了",
        "实现了",
        "达到了",
        "稳定在",
        "排查",
        "整改",
    ];
    // This year's work said with its verb (今年改造背街小巷42条) is a target too; this year's
    // price or state (今年小麦最低收购价…) and what it has done (今年以来…) are not.
    let this_years_work = fact
        .strip_prefix("今年")
        .map(|r| r.trim_start_matches(['要', '将']))
        .is_some_and(|r| THIS_YEARS_VERBS.iter().any(|v| r.starts_with(v)));
    // An age bound (60岁以上老年人口) says who is counted, not a floor to reach (read at the
    // stop, round 22: 全县60岁以上老年人口12.6万人…这是定下的硬目标).
    let bounded = fact.replace("岁以上", "岁");
    (this_years_work || target.iter().any(|w| crate::text::contains(&bounded, w)))
        && !done.iter().any(|w| crate::text::contains(fact, w))
}

/// Whether a fact is a target at the meeting's date: a target (see [`is_target`]) of a period
/// that has not ended. 一季度新增企业贷款9.6亿元 said at an April meeting is what was done (read
/// blind, round 21: 全县要确保一季度…新增企业贷款9.6亿元 in April).
pub(super) fn is_target_on(fact: &str, date: chrono::NaiveDate) -> bool {
    is_target(fact) && !of_a_past_period(fact, date)
}

/// Whether a fact names a period that ended before the meeting's month: 去年, 上年, 一季度 from
/// April, 上半年 and 二季度 from July, 前三季度 from October, 1—5月 from June.
pub(super) fn of_a_past_period(fact: &str, date: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    let month = date.month();
    if ["去年", "上年", "过去一年"]
        .iter()
        .any(|w| fact.contains(w))
    {
        return true;
    }
    // A period of next year (明年一季度) has not ended.
    if fact.contains("明年") {
        return false;
    }
    let ends = [
        ("前三季度", 9),
        ("三季度", 9),
        ("一季度", 3),
        ("第一季度", 3),
        ("二季度", 6),
        ("上半年", 6),
    ];
    if ends
        .iter()
        .any(|&(w, last)| fact.contains(w) && month > last && !fact.contains("四季度"))
    {
        return true;
    }
    // 1—5月, 1-5月, 1至5月, 前5个月.
    for lead in ["1—", "1-", "1～", "1至", "前"] {
        let mut rest = fact;
        while let Some(i) = rest.find(lead) {
            let after = &rest[i + lead.len()..];
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            let unit = &after[digits.len()..];
            if let Ok(last) = digits.parse::<u32>()
                && (unit.starts_with('月') || unit.starts_with("个月"))
                && (1..=12).contains(&last)
                && month > last
            {
                return true;
            }
            rest = after;
        }
    }
    false
}

/// The verbs of a year's work a fact may say after 今年 (今年改造…, 今年建成…).
const THIS_YEARS_VERBS: [&str; 14] = [
    "改造", "建设", "建成", "实施", "完成", "培育", "打造", "创建", "改建", "整治", "推进", "开工",
    "发放", "培训",
];

/// Whether a text enumerates items of its own (1.…, 一是…, 第一，…).
pub(super) fn enumerates(text: &str) -> bool {
    ["1.", "1．", "一是", "一要", "（1）", "第一，"]
        .iter()
        .any(|m| crate::text::contains(text, m))
}

/// A measure without its leading 要 and its final stop: the item of an enumeration.
pub(super) fn bare(text: &str) -> String {
    let t = text.trim();
    let t = t.strip_prefix('要').unwrap_or(t);
    t.trim_end_matches(['。', '；', '！']).to_string()
}

/// Words of time a measure may open with, before which 要 cannot stand (要汛期… is not Chinese).
const TIME_OPENERS: [&str; 22] = [
    "汛期",
    "主汛期",
    "汛前",
    "入汛",
    "每年",
    "每月",
    "每季度",
    "每周",
    "每半年",
    "节假日",
    "今年",
    "明年",
    "当前",
    "目前",
    "近期",
    "年底前",
    "年内",
    "冬春",
    "春节",
    "农忙",
    "夏季",
    "冬季",
];

/// How a measure that can take 要 opens: with its verb (加强, 建立, 严格 …, an adverb before it
/// such as 定期 or 逐条), or a preposition that leads to it (把…, 以…, 在…). Another opening is
/// its subject (督查情况按月形成通报, 医共体内统一药品目录, 防火期内暂停…), before which 要 is
/// not Chinese (要督查情况按月…).
pub(super) const VERB_OPENERS: &[&str] = &[
    "加强", "建立", "推行", "推动", "严格", "坚持", "落实", "推进", "定期", "健全", "加快", "深入",
    "持续", "围绕", "深化", "全面", "开展", "聚焦", "用好", "支持", "组织", "规范", "着力", "统筹",
    "进一", "发挥", "积极", "完善", "强化", "扎实", "大力", "做好", "坚决", "针对", "依托", "推广",
    "实行", "引导", "实施", "建设", "认真", "畅通", "鼓励", "培育", "督促", "紧盯", "探索", "注重",
    "按照", "组建", "依法", "压实", "加大", "主动", "严禁", "稳步", "设立", "结合", "及时", "科学",
    "抓好", "稳妥", "扩大", "清理", "盘活", "聘请", "严把", "按季", "广泛", "举办", "运用", "开通",
    "办好", "有序", "制定", "优化", "发展", "密切", "关注", "着眼", "提前", "巩固", "严肃", "从严",
    "选派", "抓紧", "因地", "评选", "委托", "配齐", "自觉", "选树", "编制", "建好", "利用", "帮助",
    "创新", "按时", "切实", "高质", "把握", "抢抓", "邀请", "大兴", "精简", "改进", "分期", "绘制",
    "稳定", "立足", "发动", "学习", "引入", "营造", "整合", "严守", "借助", "重视", "深挖", "严厉",
    "常态", "编印", "细化", "搭建", "全力", "集中", "开齐", "做实", "提高", "合理", "扶持", "倡导",
    "打造", "研究", "摸清", "逐条", "高标", "分层", "紧扣", "精准", "压缩", "适时", "纠正", "补齐",
    "扭转", "分批", "精心", "盯紧", "繁荣", "用足", "选优", "发掘", "严防", "稳慎", "厘清", "整治",
    "动态", "聘用", "壮大", "综合", "修订", "严打", "铸牢", "挖掘", "动员", "简化", "排查", "备足",
    "配足", "适应", "上好", "提升", "因城", "公布", "指导", "毫不", "分区", "坚定", "顺应", "激发",
    "促进", "划定", "延续", "推荐", "抓住", "改造", "跟踪", "开辟", "按月", "充分", "突出", "统一",
    "治理", "纵深", "逐一", "逐项", "严查", "查处", "防范", "保障", "守住", "筑牢",
    // 消除薄弱村6个 is work to do, not where things stand (目前，消除… read blind, round 32);
    // so is 发放创业担保贷款3000万元 (目前，发放…, round 33).
    "消除", "发放",
];

/// Whether a measure is about checking the work (its first clause assesses, inspects, reports
/// or calls to account) rather than doing it: such measures come last in a point.
pub(super) fn checks_the_work(text: &str) -> bool {
    let first = text.split(['，', '；', '。']).next().unwrap_or(text);
    // What inspections found is work to do, not a check (全面梳理各级巡视、考核、督查反馈问题，
    // 制定整改措施 opens a 问题整改 point).
    let found = ["反馈", "指出", "发现的"]
        .iter()
        .any(|w| crate::text::contains(first, w));
    // Regular measuring of the work checks it too (建立医共体绩效评价制度，…; 县卫健局每季度统计
    // 各医共体上转下转…: read at the stop, plenary-2024 seed 52, both said before 派驻专家).
    !found
        && [
            "纳入",
            "考核",
            "督查",
            "通报",
            "暗访",
            "抽查",
            "问责",
            "约谈",
            "考评",
            "评比",
            "绩效评价",
            "每季度统计",
            "按季度统计",
            "每月统计",
            "按月统计",
        ]
        .iter()
        .any(|w| crate::text::contains(first, w))
}

/// Where a measure stands in the work's own sequence: 0 the work, 1 checking it
/// ([`checks_the_work`]), 2 looking again at what was checked or calling to account (回头看,
/// 问责; not 复核, which is often the work itself: 对低保对象开展复核). Read blind, round 28: a
/// 督查 point opened on 要对已办结的交办事项开展“回头看” before anything was handed out.
pub(super) fn work_stage(text: &str) -> u8 {
    let first = text.split(['，', '；', '。']).next().unwrap_or(text);
    let to_account = ["问责", "追责", "追究"];
    // A condition that ends in a call to account (凡因看护责任不落实导致学生溺水的，要倒查…
    // 严肃追究) comes last too.
    let conditional =
        first.ends_with('的') && to_account.iter().any(|w| crate::text::contains(text, w));
    if conditional
        || ["回头看"]
            .iter()
            .chain(&to_account)
            .any(|w| crate::text::contains(first, w))
    {
        2
    } else {
        u8::from(checks_the_work(text))
    }
}

/// Whether 要 can stand before a measure: it opens with its verb or a preposition leading to it.
pub(super) fn opens_with_verb_or_preposition(t: &str) -> bool {
    t.starts_with([
        '把', '将', '以', '在', '为', '与', '从', '按', '向', '让', '经',
    ]) || opens_with_verb_opener(t)
}

/// Whether a text opens with one of [`VERB_OPENERS`]: its first characters looked up, one
/// look-up for each length the openers have (not a comparison with each of them).
pub(super) fn opens_with_verb_opener(t: &str) -> bool {
    static OPENERS: std::sync::OnceLock<(HashSet<&'static str>, Vec<usize>)> =
        std::sync::OnceLock::new();
    let (set, lengths) = OPENERS.get_or_init(|| {
        let mut lengths: Vec<usize> = VERB_OPENERS.iter().map(|v| v.chars().count()).collect();
        lengths.sort_unstable();
        lengths.dedup();
        (VERB_OPENERS.iter().copied().collect(), lengths)
    });
    lengths.iter().any(|&n| {
        // The end of the first `n` characters, if the text has them.
        let end = match t.char_indices().nth(n) {
            Some((end, _)) => end,
            None if t.chars().count() == n => t.len(),
            None => return false,
        };
        set.contains(&t[..end])
    })
}

/// A measure as a demand: 要 prefixed when the sentence opens with its verb and has no 要 of
/// its own (要严格落实…), left as it is when it names its actor (住建部门要…) or a condition
/// (凡是…的，一律…).
pub(super) fn yao(text: &str) -> String {
    let t = text.trim();
    let head = crate::text::prefix(t, 30);
    // A sentence that opens with a time (汛期对…开展抽查, 每年…) takes no 要 before it.
    let timed = TIME_OPENERS.iter().any(|w| t.starts_with(w));
    // 对… that frames what follows (对政府投资项目，严禁…; 对企业来说，…) takes 要 after it, where
    // the corpus puts it (对已经实现脱贫的人口，要…), or none: 要对政府投资项目，严禁… (read in a
    // draft of the session's own) is not how a writer says it. The corpus says 要对… only of
    // 对标 and 对照, verbs in their own right.
    if let Some((first, rest)) = t.split_once('，')
        && first.starts_with('对')
        && !head.contains('要')
        && frames(first)
    {
        return if opens_with_verb_or_preposition(rest) {
            format!("{first}，要{rest}")
        } else {
            t.to_string()
        };
    }
    if t.starts_with('要')
        || t.starts_with('凡')
        || t.starts_with('由')
        // 对…的，要…: the demand is in the sentence already (要对…，要… says 要 twice).
        || (t.starts_with('对') && t.contains('要'))
        || !(t.starts_with('对') || opens_with_verb_or_preposition(t))
        || head.contains('要')
        || t.starts_with('各')
        || timed
    {
        t.to_string()
    } else {
        format!("要{t}")
    }
}

/// Words opening with 对 that are verbs in their own right (对标先进地区, 对照指标体系), not the
/// preposition of a frame (对政府投资项目，…).
pub(super) const DUI_VERBS: [&str; 5] = ["对标", "对照", "对表", "对接", "对口"];

/// Whether a first clause 对… sets out what the sentence is about (对政府投资项目, 对列入的监测
/// 对象, 对企业来说) rather than doing the work (对风险隐患实行分级管控, 对已出台的惠企政策开展
/// 评估): after its last 的 it has no verb of action. Not 对标, 对照 and their like (verbs), and
/// not a condition (对…的), which takes 要 after it already.
fn frames(first: &str) -> bool {
    // (Not 监测: 监测对象 is a thing.)
    const ACTION: [&str; 34] = [
        "实行", "开展", "实施", "进行", "落实", "建立", "推行", "加强", "给予", "明确", "紧盯",
        "逐", "每", "评估", "建档", "按", "检查", "管理", "调度", "盘点", "扶持", "回避", "选派",
        "坚持", "一律", "核查", "登记", "挂牌", "封闭", "排查", "安置", "评定", "抽查", "考核",
    ];
    if DUI_VERBS.iter().any(|v| first.starts_with(v)) || first.ends_with('的') {
        return false;
    }
    if first.ends_with("来说") {
        return true;
    }
    // A frame is a thing: a few words after its last 的 (对列入的监测对象), or a short clause
    // (对政府投资项目); 对具备条件的新建项目抓紧组织开工 goes on to the work.
    let (last, most) = match first.rsplit_once('的') {
        Some((_, last)) => (last, 6),
        None => (first, 11),
    };
    last.chars().count() <= most && !ACTION.iter().any(|v| crate::text::contains(last, v))
}

/// The core of a sentence for finding it again in a shaped paragraph: up to its first twelve
/// characters without a leading 要.
fn needle(text: &str) -> String {
    crate::text::prefix(&bare(text), 12).to_string()
}

/// What the shaping of one point hands to the next in a draft.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shaping {
    /// The enumerations shaped so far (each takes the next lead-in and marker).
    pub enumerations: usize,
    /// The speaker's aside (在这里我想强调一下，), until a point has said it.
    pub aside: Option<&'static str>,
    /// The target points shaped so far (each sets its target and turns to the work in other
    /// words than the one before it).
    pub targets: usize,
}

/// One point to shape: its section's and its own number, its variant and voice.
pub(super) struct ToShape<'p> {
    pub point: &'p PointPlan,
    pub variant: usize,
    pub voice: usize,
    /// Whether the aside becomes available before it (the draft's second part).
    pub aside_from_here: bool,
}

/// Shape every point of the draft in order, each meeting the state the one before it left. (They
/// were shaped half on a second thread, each point's state foreseen; on two cores a thread
/// started for ~1.5 ms of work cost more than it saved: docs/performance.md, "Twelfth session".)
pub(super) fn shape_all(
    templates: &Templates,
    points: &[ToShape<'_>],
    facts_first: bool,
    start: Shaping,
    aside: &'static str,
) -> Vec<(Vec<Paragraph>, Vec<Item>)> {
    let mut draft = start;
    points
        .iter()
        .map(|t| {
            if t.aside_from_here {
                draft.aside = Some(aside);
            }
            shape_point(
                templates,
                t.point,
                facts_first,
                t.variant,
                t.voice,
                &mut draft,
            )
        })
        .collect()
}

/// How a speaker breaks off to stress one thing, as the corpus says it.
pub(super) const ASIDES: [&str; 3] = [
    "在这里我想强调一下，",
    "这里我强调一下，",
    "有一点我要特别强调，",
];

/// Render one point with its shape (falling back to `plain` when the shape does not fit what is
/// left after trimming) into paragraphs whose sentences carry their origins.
pub(super) fn shape_point(
    templates: &Templates,
    p: &PointPlan,
    facts_first: bool,
    variant: usize,
    voice: usize,
    draft: &mut Shaping,
) -> (Vec<Paragraph>, Vec<Item>) {
    let mut measures: Vec<&Sentence> = p.tasks.iter().chain(&p.measures).collect();
    let mut tasks = p.tasks.len();
    order_measures(p, &mut measures, tasks);
    let mut n = measures.len();
    let shape = shape_name(p, n);
    // An enumeration does not open on who leads it (要重点抓好四个方面的工作：一是由县林业局牵头，
    // …, read blind as a template twice, round 25): the measure that names the lead is said
    // before the list, as the opening's last sentence, where three items or more remain.
    // (The planner may have put it first among the writer's tasks.)
    let led = if shape == "enumeration" && n >= 4 {
        measures
            .iter()
            .position(|s| names_its_lead(&s.text))
            .map(|j| {
                if j < tasks {
                    tasks -= 1;
                }
                measures.remove(j)
            })
    } else {
        None
    };
    n = measures.len();
    let emph = emphasis(&measures, tasks, &p.topic);
    let (marker, mut lead_in) = if shape == "enumeration" {
        let form = enumeration_form(&mut measures, tasks, draft);
        n = measures.len();
        // Cut, its items are said a field at a time (a point joining two fields).
        measures[tasks..].sort_by_key(|s| {
            (
                super::body::field_of(&p.measure_fields, s),
                work_stage(&s.text),
            )
        });
        form
    } else {
        (ItemMarker::Shi, 0)
    };
    let mut opening = opening_of(p, facts_first);
    opening.extend(led);
    // A point joining two fields says them a paragraph each (教育医疗: the schools, then the
    // hospitals; read at the stop, a new school's playground stood at the head of the
    // hospitals' paragraph): the break falls where the second field starts.
    let field_break = measures
        .iter()
        .position(|s| super::body::field_of(&p.measure_fields, s) > 0)
        .filter(|&k| k >= 2 && k + 2 <= measures.len());
    // There, the second field's framing opens its paragraph (家长最盼的是… then 县域就诊率上不去…
    // then the schools' measures: the hospitals' reason stood over the schools' work).
    let field = |s: &Sentence| super::body::field_of(&p.measure_fields, s);
    let second_opening = p
        .framing2
        .as_ref()
        .filter(|f2| {
            (shape == "plain" || shape == "yao")
                && field_break.is_some()
                && field(f2) > 0
                && p.framing.as_ref().is_some_and(|f| field(f) == 0)
        })
        .inspect(|f2| opening.retain(|s| !std::ptr::eq(*s, *f2)));
    let responsibility = p
        .responsibility
        .as_ref()
        .filter(|r| !super::assignment::assigned_by_a_measure(r, &measures));
    // Nor does a list end on a demand on the unit that does a measure (…四是…。县公安局交通管理
    // 大队要推动城区学校、医院周边增设临时停车泊位…, read blind, round 34: "an item tacked on
    // after the list"): it is said before the list, as the lead's measure is.
    let (responsibility, demand) = match responsibility {
        Some(r) if shape == "enumeration" && super::assignment::is_a_units_demand(r) => {
            (None, Some(r))
        }
        r => (r, None),
    };
    opening.extend(demand);
    let tail: Vec<&Sentence> = p
        .requirement
        .iter()
        .chain(responsibility)
        .chain(&p.deadline)
        .collect();
    // Items follow the opening bare (lead-ins 3 and 4) only after a sentence that ends: a placeholder
    // (【待补：…】) last would run into 一是 and the items would not be read as items.
    // Nor with no opening at all: the items would stand as paragraphs of their own, not run on
    // in one (a point that opens bare opens on its lead-in: 要重点抓好四个方面的工作：一是…).
    // Such a point takes one of the lead-ins that say something, not always the same one (要重点
    // 抓好四个方面的工作： in two of six passages read blind, round 25).
    if (lead_in == 3 || lead_in == 4)
        && opening
            .last()
            .is_none_or(|s| !s.text.ends_with(['。', '！', '？', '：', '；']))
    {
        lead_in = if lead_in == 3 { 1 } else { 5 };
    }
    // Nor does a point with no opening open on its assignment or deadline: said before a
    // counted lead-in, it stood alone as the point's first words (确保8月底前取得实质性进展。
    // then 具体要在四个方面下功夫：…). The lead-in that counts nothing takes it after the items.
    if shape == "enumeration"
        && opening.is_empty()
        && !tail.is_empty()
        && matches!(lead_in, 0 | 1 | 5)
    {
        lead_in = 2;
    }
    let mut ctx = shape_context(
        p,
        (&opening, &measures, &tail),
        (n, lead_in, emph),
        variant,
        voice,
    );
    // Why it matters runs on into what to do, as the corpus joins them (收入水平是经济发展的
    // 晴雨表，…，必须千方百计增加…): in two plain or 要… points of three that join nothing else.
    if let Some(joined) = framing_runs_on(p, &opening, &measures, (shape, variant, voice), emph) {
        ctx.insert(
            "opening_head",
            &opening[..opening.len() - 1]
                .iter()
                .map(|s| s.text.clone())
                .collect::<Vec<_>>(),
        );
        ctx.insert("join", &joined);
    }
    let carries_work = responsibility
        .is_some_and(|r| matches!(&r.origin, Origin::Mixed { id, .. } if id.contains(".measure.")));
    // The assignment said before the work in one plain point of three that has one and no
    // deadline of its own (read blind, every point ending on 由…牵头抓总… or 请…牵头，会同…
    // was a program's closing).
    // And always when the assignment carries the point's general work (区城管局要会同各街道，提升
    // 城市精细化管理水平，推进…): said last, after the specific measures, the general came after
    // the particular (read blind, round 25).
    // Of a point joining two fields, the assignment carries a measure of the first field: said
    // last, it stood at the end of the second field's paragraph (县教体局要会同县卫健局，办好
    // 特殊教育… after the hospitals' measures, plenary-2024 seed 7), so it is said first there
    // too, in a 要… point as well, and the deadline still last.
    let joined = !p.measure_fields.is_empty();
    let first = responsibility.filter(|_| {
        (shape == "plain"
            && !ctx.contains_key("join")
            && p.deadline.is_none()
            && (carries_work || (variant == 2 && !opening.is_empty())))
            || ((shape == "plain" || shape == "yao") && joined && carries_work)
    });
    ctx.insert("tail_first", &first.is_some());
    if let Some(r) = first {
        ctx.insert("head", &[r.text.as_str()]);
        let rest: Vec<&str> = tail
            .iter()
            .filter(|s| !std::ptr::eq(**s, r))
            .map(|s| s.text.as_str())
            .collect();
        ctx.insert("tail", &rest);
    } else {
        ctx.insert("head", &Vec::<&str>::new());
    }
    // The speaker's own aside, once a draft, on a plain point that joins nothing else: the
    // measure it would emphasise, stressed in the first person (在这里我想强调一下，…), as the
    // corpus's speakers break off to stress one thing.
    if shape == "plain"
        && voice == 0
        && let Some(e) = emph
        && let Some(words) = draft.aside.take()
    {
        let y = yao(&measures[e].text);
        let stressed = match y.strip_prefix('要') {
            Some(rest) => format!("一定要{rest}"),
            None => y,
        };
        ctx.insert("aside", &format!("{words}{stressed}"));
    }
    // Two target points of a draft do not set their targets in one frame (今年，全县要确保…。
    // 围绕这一目标，… in two points, read blind as a template, round 26): the second takes the
    // other wording and the other way to the work.
    if shape == "target" {
        let turn = draft.targets % 2 == 1;
        ctx.insert("named", &((variant == 0) != turn));
        ctx.insert(
            "connective",
            if (variant == 2) != turn {
                "为此，"
            } else {
                "围绕这一目标，"
            },
        );
        draft.targets += 1;
    }
    ctx.insert("field_break", &field_break.unwrap_or(0));
    ctx.insert(
        "second_opening",
        second_opening.map_or("", |s| s.text.as_str()),
    );
    let name = format!("shapes/{shape}.tera");
    let lines = match templates.render_shape(&name, &ctx) {
        Ok(l) => l,
        // A shape template that fails (a curator's edit) leaves the point in plain paragraphs.
        Err(_) => vec![
            opening.iter().map(|s| s.text.as_str()).collect::<String>(),
            measures
                .iter()
                .chain(&tail)
                .map(|s| s.text.as_str())
                .collect::<String>(),
        ],
    };
    // Every sentence given back its origin: the input it carries, else the shape's own words.
    let mut known: Vec<(String, &Origin)> = Vec::new();
    for s in opening
        .iter()
        .chain(&measures)
        .chain(&tail)
        .chain(second_opening.iter())
    {
        known.push((needle(&s.text), &s.origin));
    }
    for (f, o) in &p.fact_clauses {
        known.push((crate::text::prefix(f, 12).to_string(), o));
    }
    body_and_items(&lines, &known, name, marker)
}

/// The point's last opening sentence, a framing, run on into its first measure (…往哪里使，
/// 必须清理规范…), where both allow it: a short framing that demands nothing itself, and a
/// first measure that is a bare demand (要…), not the writer's task or the one emphasised.
fn framing_runs_on(
    p: &PointPlan,
    opening: &[&Sentence],
    measures: &[&Sentence],
    (shape, variant, voice): (&str, usize, usize),
    emph: Option<usize>,
) -> Option<String> {
    if !(shape == "plain" || shape == "yao") || variant == 0 || !(voice == 0 || voice == 2) {
        return None;
    }
    if !p.tasks.is_empty() || measures.len() < 2 || emph == Some(0) {
        return None;
    }
    let last = opening.last()?;
    let is_framing = p
        .framing
        .iter()
        .chain(&p.framing2)
        .any(|f| f.text == last.text);
    let why = last.text.strip_suffix('。')?;
    if !is_framing
        || why.chars().count() > 60
        || why.contains(['要', '；', '！', '？', '。', '：'])
        || why.contains("必须")
        || why.contains("务必")
    {
        return None;
    }
    let first = yao(&measures[0].text);
    let rest = first.strip_prefix('要')?;
    let joint = if voice == 0 {
        "，我们要"
    } else {
        "，必须"
    };
    Some(format!("{why}{joint}{rest}"))
}

/// A point's measures in the order said: from the general to the specific, the writer's tasks
/// first and kept in their order.
fn order_measures(p: &PointPlan, measures: &mut [&Sentence], tasks: usize) {
    // From the general to the specific, the writer's tasks first: a measure naming many of the
    // point's own terms (深入推进道路交通安全源头治理) says the point's work as a whole and
    // comes first; the ones naming their objects (校车, 渣土车) follow. Read blind, ending on
    // the measures that restate the heading was a program's tell.
    // Checking the work comes after the work (read blind: 由县文旅局牵头，…纳入各镇年度考核
    // before saying what the work is was a program's inverted order).
    // Closest to the heading's own words first (养老机构消防安全: the fire inspection before the
    // nursing staff), so that an enumeration cut at four keeps what the heading names.
    let own = p.own_pairs();
    // The point's terms, each measure read once for all of them.
    let terms = crate::lexicon::TermSet::new(p.terms.iter().map(String::as_str).collect());
    // A point joining two fields says one field's measures, then the other's (an enumeration
    // is grouped after its cut, which keeps both fields' closest: shape_point).
    let grouped = p.shape != "enumeration";
    // An enumeration takes the fields in turn before its cut (its k-th of each field), so that
    // the cut keeps both.
    let mut turns: Vec<(*const Sentence, usize)> = Vec::new();
    if !grouped && !p.measure_fields.is_empty() {
        let mut said: Vec<usize> = Vec::new();
        for s in &measures[tasks..] {
            let f = super::body::field_of(&p.measure_fields, s);
            if said.len() <= f {
                said.resize(f + 1, 0);
            }
            turns.push((std::ptr::from_ref(*s), said[f]));
            said[f] += 1;
        }
    }
    let field = |s: &Sentence| {
        if grouped {
            super::body::field_of(&p.measure_fields, s)
        } else {
            turns
                .iter()
                .find(|(q, _)| std::ptr::eq(*q, s))
                .map_or(0, |&(_, k)| k)
        }
    };
    // A field at a time, each from its work to its check (a point joining two fields: the
    // schools' check after the hospitals' work read as the fields alternating, seed 13); an
    // enumeration's turns within each stage.
    let stage_and_field = |s: &Sentence| {
        let (st, f) = (work_stage(&s.text), field(s));
        if grouped {
            (f, st as usize)
        } else {
            (st as usize, f)
        }
    };
    measures[tasks..].sort_by_cached_key(|s| {
        (
            stage_and_field(s),
            std::cmp::Reverse(PointPlan::closeness(&own, &s.text).min(4)),
            std::cmp::Reverse(terms.found_in(&s.text).into_iter().filter(|&f| f).count()),
        )
    });
    // Demands 要…。要…: those that open with 要 lead, one after another, then the ones naming
    // their actor or time (住建部门要…, 汛期…), each group from the general to the specific.
    // The ones on the heading's own work keep the lead (三夏农机调度: 农业农村部门要…制定三夏
    // 农机调度方案 before the 要… on service centres).
    // Checking the work still comes last (read blind, round 19: 对农村饮水安全问题实行季度通报…
    // opened a 要… point before anything was done).
    if p.shape == "yao" {
        measures[tasks..].sort_by_cached_key(|s| {
            (
                stage_and_field(s),
                PointPlan::closeness(&own, &s.text) == 0,
                !yao(&s.text).starts_with('要'),
            )
        });
    }
}

/// An enumeration's form: its items cut at four long ones or six short ones, and the lead-in and
/// marker (一要 or 一是) the draft's enumerations take in turn.
fn enumeration_form(
    measures: &mut Vec<&Sentence>,
    tasks: usize,
    draft: &mut Shaping,
) -> (ItemMarker, usize) {
    // An enumeration of long items stops at four (六是… of sentences of sixty characters read
    // blind as a list a program made); of short ones, at six.
    let cap = if measures.iter().all(|s| bare(&s.text).chars().count() <= 30) {
        6
    } else {
        4
    };
    measures.truncate(cap.max(tasks));
    // The lead-in, and 一要 or 一是, differ from one enumeration of the draft to the next:
    // 一要 only where every item opens with its verb (一要加强…, not 一要各镇要…).
    let lead_in = draft.enumerations % 6;
    let verbs = measures.iter().all(|s| {
        let b = bare(&s.text);
        let head = crate::text::prefix(&b, 30);
        opens_with_verb_or_preposition(&b) && !head.contains('要')
    });
    let marker = if verbs && draft.enumerations % 2 == 1 {
        ItemMarker::Yao
    } else {
        ItemMarker::Shi
    };
    draft.enumerations += 1;
    (marker, lead_in)
}

/// The measure a point emphasises (特别是…): the last one that does the work (checks come
/// after it) and narrows to a part of it, as the corpus says 特别是 — before a case or an object
/// (特别是对…的，要…; 特别是高三、初三年级…; 特别是汛期…), never before a verb restating the
/// heading (特别是要加强道路交通安全管理 read blind as a program's).
fn emphasis(measures: &[&Sentence], tasks: usize, topic: &str) -> Option<usize> {
    let n = measures.len();
    if n < 3 {
        return None;
    }
    // Never the first: 特别是 narrows what was said before it, so it speaks of something the
    // measure before it named (…借高息资金周转，特别是财政部门要统筹设立产业引导基金 joined two
    // things, read at the start).
    (tasks + 1..n)
        .rev()
        .filter(|&i| !checks_the_work(&measures[i].text))
        .filter(|&i| narrows(&measures[i].text))
        .find(|&i| narrows_what_was_said(&measures[i - 1].text, &measures[i].text, topic))
}

/// Whether `next` can narrow what `before` said (特别是…): it takes up two of its words, neither
/// one the point's topic says (every measure of the point says 燃气) nor one any measure says.
/// Read blind (round 33), …垃圾日产日清。特别是对已建农村生活污水处理设施… took up 处理 alone,
/// and …液化气站点依法整合。特别是每起燃气泄漏险情… the topic's 燃气: nothing was narrowed.
pub fn narrows_what_was_said(before: &str, next: &str, topic: &str) -> bool {
    const EVERYWHERE: [&str; 8] = [
        "部门", "企业", "群众", "单位", "要求", "确保", "进一", "一步",
    ];
    // The pairs of Han characters of `next`, as slices of it (no allocation: this is asked of
    // every measure that may take 特别是).
    let mut shared: Vec<&str> = Vec::new();
    let mut chars = next.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let Some(&(mid, d)) = chars.peek() else {
            break;
        };
        if !crate::text::is_han(c) || !crate::text::is_han(d) {
            continue;
        }
        let p = &next[at..mid + d.len_utf8()];
        if !shared.contains(&p)
            && !crate::topic::COMMON_PAIRS.contains(&p)
            && !EVERYWHERE.contains(&p)
            && !topic.contains(p)
            && before.contains(p)
        {
            shared.push(p);
            if shared.len() >= 2 {
                return true;
            }
        }
    }
    false
}

/// Whether a measure opens on the part of the work it is about: a case (对…的，要…), a time
/// (汛期…), or its own subject (金融机构要…), not on a verb.
pub(super) fn narrows(text: &str) -> bool {
    let t = text.trim();
    let head = crate::text::prefix(t, 20);
    if t.starts_with('对') {
        return t.contains("的，") && t.contains('要');
    }
    if TIME_OPENERS.iter().any(|w| t.starts_with(w)) {
        return true;
    }
    !opens_with_verb_or_preposition(t)
        && !t.starts_with([
            '要', '各', '由', '县', '区', '市', '凡', '同', '此', '特', '我', '大', '今', '全',
            '这', '坚', '一',
        ])
        && head.contains('要')
}

/// A point's opening sentences: its framings and facts, the facts first in some drafts.
fn opening_of(p: &PointPlan, facts_first: bool) -> Vec<&Sentence> {
    let mut opening: Vec<&Sentence> = Vec::new();
    // A fact leads only in a frame of its own (从任务安排看，…): read blind, a point opening on a
    // bare figure (全县耕地保有量不低于52.6万亩。) was a program's tell.
    let framed = p
        .facts
        .iter()
        .zip(&p.fact_clauses)
        .all(|(s, (f, _))| !s.text.starts_with(f.as_str()));
    if facts_first && framed && !p.facts.is_empty() {
        opening.extend(&p.facts);
        opening.extend(&p.framing);
    } else {
        opening.extend(&p.framing);
        opening.extend(&p.facts);
    }
    opening.extend(&p.framing2);
    opening
}

/// Whether a measure opens on the unit that leads it (由县林业局牵头，…).
pub(super) fn names_its_lead(text: &str) -> bool {
    text.starts_with('由') && crate::text::prefix(text, 24).contains("牵头，")
}

/// The shape a point takes: the one it was given where its sentences allow it, else plain.
fn shape_name(p: &PointPlan, n: usize) -> &'static str {
    let targets = p.fact_targets.iter().filter(|&&t| t).count();
    match p.shape.as_str() {
        "enumeration" if n >= 2 && !p.fact_clauses.iter().any(|(f, _)| enumerates(f)) => {
            "enumeration"
        }
        "yao" if n >= 2 => "yao",
        "short" => "short",
        "target" if targets > 0 && targets == p.fact_clauses.len() && n >= 1 => "target",
        _ => "plain",
    }
}

/// The template context of a point: its sentences in each form the shapes use, and the
/// numbers that choose among their wordings.
fn shape_context(
    p: &PointPlan,
    (opening, measures, tail): (&[&Sentence], &[&Sentence], &[&Sentence]),
    (n, lead_in, emph): (usize, usize, Option<usize>),
    variant: usize,
    voice: usize,
) -> tera::Context {
    let texts = |v: &[&Sentence]| v.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
    let framing: Vec<&Sentence> = p.framing.iter().chain(&p.framing2).collect();
    let facts: Vec<&Sentence> = p.facts.iter().collect();
    let bares: Vec<String> = measures.iter().map(|s| bare(&s.text)).collect();
    let mut ctx = tera::Context::new();
    ctx.insert("opening", &texts(opening));
    ctx.insert("framing", &texts(&framing));
    ctx.insert("facts", &texts(&facts));
    ctx.insert(
        "fact_clauses",
        &p.fact_clauses
            .iter()
            .map(|(f, _)| f.clone())
            .collect::<Vec<_>>(),
    );
    ctx.insert("measures", &texts(measures));
    ctx.insert(
        "yao",
        &measures.iter().map(|s| yao(&s.text)).collect::<Vec<_>>(),
    );
    // A measure that 特别是 may follow mid-sentence, as the corpus says it (…，特别是要…): a
    // short one without clauses of its own, its 。 turned to ，.
    ctx.insert(
        "lead_clause",
        &measures
            .iter()
            .map(|s| {
                let t = s.text.as_str();
                match t.strip_suffix('。') {
                    Some(c) if c.chars().count() <= 45 && !c.contains(['；', '。', '：', '！']) =>
                    {
                        format!("{c}，")
                    }
                    _ => String::new(),
                }
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert("short", &bares.iter().all(|b| b.chars().count() <= 30));
    ctx.insert("bare", &bares);
    ctx.insert("tail", &texts(tail));
    ctx.insert("n", &n);
    ctx.insert("lead_in", &lead_in);
    // A target that says its own time (今年新建…, 明年计划…) is not led by 今年 again.
    ctx.insert(
        "dated",
        &p.fact_clauses
            .iter()
            .any(|(f, _)| crate::prose::says_its_time(f)),
    );
    ctx.insert(
        "runs_on",
        &(opening.len() == 1 && opening[0].text.chars().count() <= 40),
    );
    ctx.insert("emph", &emph.map_or(-1, |e| e as i64));
    ctx.insert("variant", &variant);
    ctx.insert("voice", &voice);
    ctx.insert("mid", &(n / 2).max(1));
    ctx.insert("topic", &p.topic);
    ctx.insert("area", &p.area);
    // A target that names the place itself (全县耕地保有量…) is not set for it again.
    ctx.insert(
        "area_said",
        &p.fact_clauses
            .first()
            .is_some_and(|(f, _)| !p.area.is_empty() && f.starts_with(p.area.as_str())),
    );
    ctx
}

/// The paragraphs and enumerated items of the rendered `lines`, each sentence given the origin
/// of the input it carries (from `known`), else the shape template `name`.
fn body_and_items(
    lines: &[String],
    known: &[(String, &Origin)],
    name: String,
    marker: ItemMarker,
) -> (Vec<Paragraph>, Vec<Item>) {
    let shape_origin = Origin::Template { name };
    let origin_of = |s: &str| {
        known
            .iter()
            .find(|(k, _)| !k.is_empty() && crate::text::contains(s, k))
            .map(|(_, o)| (*o).clone())
            .unwrap_or_else(|| shape_origin.clone())
    };
    let sentences = |line: &str| -> Vec<Sentence> {
        // The one sentence splitter (the outline parser's): a shaped line is read as a reader would.
        crate::corpus::outline::sentences(line)
            .map(|s| Sentence::new(s.to_string(), origin_of(s)))
            .collect()
    };
    // Lines marked 〔item〕 are enumerated items (一是…) that run on in the paragraph before
    // them; what follows the last item runs on after it.
    let mut body: Vec<Paragraph> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    for line in lines {
        if let Some(lead) = line.strip_prefix(ITEM) {
            let lead = lead.trim().trim_end_matches(['。', '；']).to_string();
            items.push(Item {
                number: items.len() as u32 + 1,
                marker,
                lead_origin: origin_of(&lead),
                lead,
                body: Paragraph::new(Vec::new()),
                own_paragraph: false,
                line: 0,
            });
        } else if let Some(last) = items.last_mut() {
            last.body.sentences.extend(sentences(line));
        } else {
            let p = Paragraph::new(sentences(line));
            if !p.is_empty() {
                body.push(p);
            }
        }
    }
    (body, items)
}

/// The mark a shape template puts before an enumerated item's line.
pub(super) const ITEM: &str = "〔item〕";

impl PointPlan {
    /// The character pairs of the point's topic that tell its measures apart: those fewer than
    /// half of them share (养老机构消防安全 in a 养老机构 pool: 消防, 防安, 安全, not 养老, 机构).
    pub(super) fn own_pairs(&self) -> Vec<u64> {
        let mut own = super::draw::bigrams(&self.topic);
        // How many measures have each pair (each measure read once, no pair set made of it).
        let mut having = vec![0usize; own.len()];
        for m in &self.measures {
            let had = pairs_had(&own, &m.text);
            for (k, n) in having.iter_mut().enumerate() {
                *n += usize::from(had.has(k));
            }
        }
        let most = self.measures.len().max(2);
        let mut k = 0;
        own.retain(|_| {
            k += 1;
            having[k - 1] * 2 < most
        });
        own
    }

    /// How many of `own` pairs (sorted, without repeats) a text has.
    pub(super) fn closeness(own: &[u64], text: &str) -> usize {
        pairs_had(own, text).count()
    }
}

/// Places in a point's own pairs: as bits while there are 64 or fewer (a topic's pairs are a
/// handful), else listed.
enum Had {
    Bits(u64),
    List(Vec<usize>),
}

impl Had {
    fn has(&self, k: usize) -> bool {
        match self {
            Had::Bits(b) => k < 64 && b & (1 << k) != 0,
            Had::List(l) => l.contains(&k),
        }
    }

    fn count(&self) -> usize {
        match self {
            Had::Bits(b) => b.count_ones() as usize,
            Had::List(l) => l.len(),
        }
    }
}

/// Which of `own` (sorted, without repeats) a text has, by place: read in one pass over the text.
fn pairs_had(own: &[u64], text: &str) -> Had {
    if own.is_empty() {
        return Had::Bits(0);
    }
    if own.len() <= 64 {
        // The pairs' second characters by their low six bits: most of a text's pairs are none
        // of them, told by one test.
        let seconds = own.iter().fold(0u64, |m, p| m | 1 << (p & 63));
        let mut bits = 0u64;
        super::draw::for_each_bigram(text, |p| {
            if seconds & (1 << (p & 63)) != 0
                && let Ok(k) = own.binary_search(&p)
            {
                bits |= 1 << k;
            }
        });
        return Had::Bits(bits);
    }
    let mut had: Vec<usize> = Vec::new();
    super::draw::for_each_bigram(text, |p| {
        if let Ok(k) = own.binary_search(&p)
            && !had.contains(&k)
        {
            had.push(k);
        }
    });
    Had::List(had)
}

impl<'a> Planner<'a> {
    /// Pick each point's shape: siblings differ, a section's points cycle through the shapes
    /// that fit them in an order the seed picks, and the speech as a whole uses several.
    pub(super) fn pick_shapes(&mut self, plans: &mut [PointPlan]) {
        let mut order: Vec<&str> = SHAPES.to_vec();
        self.rng.shuffle(&mut order);
        let n = plans.len();
        let mut prev = "";
        // A point the meeting is named after (防溺水 at a 防汛暨防溺水工作会议) is no minor point:
        // cut to two measures as the last of its siblings, it read thinner than its heading.
        let meeting = self.vs.spec.meeting.name.0.clone();
        for (k, p) in plans.iter_mut().enumerate() {
            let titled = p.topic.chars().count() >= 2 && meeting.contains(p.topic.as_str());
            let fits = |s: &str| match s {
                "target" => !p.fact_clauses.is_empty() && p.fact_targets.iter().all(|&t| t),
                // An enumeration of its own only where the facts have none (a fact that reads
                // 1.…2.… would be counted with the point's 一是…二是… by a reader and the parser).
                "enumeration" => {
                    p.measures.len() + p.tasks.len() >= 3
                        && !p.fact_clauses.iter().any(|(f, _)| enumerates(f))
                }
                // Demands 要…。要…: only where two measures or more can open with 要 (a measure
                // naming its actor, 住建部门要…, or its time, 汛期…, cannot).
                "yao" => {
                    p.measures.len() + p.tasks.len() >= 3
                        && p.measures
                            .iter()
                            .filter(|m| yao(&m.text).starts_with('要'))
                            .count()
                            >= 2
                }
                // A minor point: one of several siblings, without facts or tasks of its own.
                "short" => {
                    n >= 3 && p.facts.is_empty() && p.tasks.is_empty() && k + 1 == n && !titled
                }
                _ => true,
            };
            // The fitting shape the speech has used least so far (ties in the seed's order), so a
            // speech of six points or more uses three shapes or more.
            let pick = order
                .iter()
                .copied()
                .filter(|s| *s != prev && fits(s))
                .min_by_key(|s| self.shape_uses.iter().filter(|u| *u == s).count())
                .unwrap_or("plain");
            self.shape_uses.push(pick);
            if pick == "short" {
                p.measures.truncate(2);
                p.framing2 = None;
            }
            p.shape = pick.to_string();
            prev = pick;
        }
    }
}
