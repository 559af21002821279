//! The names of a government's working units: a spec names them as the office does (县民政局,
//! 县发改局, 县消防救援大队), the phrasebank as any county would (民政部门, 发展改革部门). In a
//! point whose lead or support unit is one of them, the phrasebank's name is said as the spec's:
//! read blind, 县民政局 in one sentence and 民政部门 in the next, doing the same work, was a
//! program's tell.
//!
//! A unit's core is its name without the level before it (县, 市, 区, 镇) and the kind of body
//! after it (局, 委员会, 大队 …); the phrasebank says `{core}部门`. Where an office shortens a
//! core (发展改革 → 发改), [`SHORT_FORMS`] holds the pair.

/// Cores as the phrasebank says them, and as offices shorten them in their names (县发改局).
pub const SHORT_FORMS: [(&str, &str); 9] = [
    ("发展改革", "发改"),
    ("人力资源社会保障", "人社"),
    ("住房城乡建设", "住建"),
    ("卫生健康", "卫健"),
    ("市场监督管理", "市场监管"),
    ("教育体育", "教体"),
    ("文化和旅游", "文旅"),
    ("交通运输", "交通"),
    ("生态环境", "生态环境"),
];

/// The body kinds a unit's name ends with, longest first.
const BODIES: [&str; 10] = [
    "委员会",
    "管委会",
    "大队",
    "分局",
    "中心",
    "办公室",
    "局",
    "委",
    "办",
    "所",
];

/// Words in the name of a unit that oversees, coordinates or checks others' work rather than doing
/// it (县政府督查室, 镇党政办, 县纪委监委): such a unit leads a point's assignment, never one of
/// its measures (read blind, round 22: 县政府督查室要按时足额发放高龄老人津贴).
const OVERSEERS: [&str; 7] = [
    "督查",
    "督导",
    "党政办",
    "政府办",
    "办公室",
    "纪委",
    "考核办",
];

/// Whether a unit oversees rather than does the work (see [`OVERSEERS`]).
pub fn oversees(unit: &str) -> bool {
    OVERSEERS.iter().any(|w| unit.contains(w))
}

/// Words that open with a level's character but are no level (市场监管局 is not 市 + 场监管局).
const NOT_LEVELS: [&str; 4] = ["市场", "市政", "市容", "区划"];

/// A unit's core: 县民政局 → 民政, 县消防救援大队 → 消防救援, 县市场监管局 → 市场监管 (None for
/// 各镇 and the like). One level is taken off its front: read blind, a draft said 市县市场监管局
/// when every level character was (场监管部门 named, 市场监管部门 rewritten).
pub fn core(unit: &str) -> Option<&str> {
    let mut u = unit;
    if let Some(c) = u.chars().next()
        && ['县', '市', '区', '镇'].contains(&c)
        && !NOT_LEVELS.iter().any(|w| u.starts_with(w))
    {
        u = &u[c.len_utf8()..];
    }
    let body = BODIES.iter().find(|b| u.ends_with(*b))?;
    let c = &u[..u.len() - body.len()];
    (c.chars().count() >= 2).then_some(c)
}

/// The ways the phrasebank may name a unit's work: `{core}部门`, and the long form of a
/// shortened core (发改 → 发展改革部门); an office (县政府办, 县政府办公室) as `{core}办公室`,
/// never a 部门 (read at the stop: economy-2020 seed 63 said 政府办公室要严格审核… and then
/// 会风文风的牵头责任在县政府办, the lead it had not recognised).
pub fn phrasebank_names(unit: &str) -> Vec<String> {
    // An office of the government by its own name (县政府督查室 → 督查室, as the phrasebank's
    // measures say it: 督查室要定期编发督查专报). Read at the stop (rule-of-law-2021 seed 7): not
    // recognised as the lead, it was assigned again (督查问效由县政府督查室牵头负总责…).
    if let Some((_, office)) = unit.split_once("政府")
        && office.ends_with('室')
        && !office.ends_with("办公室")
        && office.chars().count() >= 3
    {
        return vec![office.to_string()];
    }
    let Some(c) = core(unit) else {
        return Vec::new();
    };
    if unit.ends_with('办') || unit.ends_with("办公室") {
        // The phrasebank's inspection office is {gov}督查室 (县政府督查室): a spec's 县督查办
        // is the same office, named as the spec names it (economy-2020 said 县政府督查室要…
        // in a point its 县督查办 led). The long name first, so that it is renamed whole.
        if c == "督查" {
            let level = unit
                .chars()
                .next()
                .filter(|l| ['县', '市', '区'].contains(l));
            return level
                .map(|l| format!("{l}政府督查室"))
                .into_iter()
                .chain(["督查室".to_string(), format!("{c}办公室")])
                .collect();
        }
        return vec![format!("{c}办公室")];
    }
    let mut out = vec![format!("{c}部门")];
    for (long, short) in SHORT_FORMS {
        if c == short && long != short {
            out.push(format!("{long}部门"));
        }
    }
    out
}

/// The department a sentence sets to work by the phrasebank's name (住建部门牵头, 人社部门要…,
/// 由林业、应急部门组成督查组), if any: the name as written (its last core with 部门). Not the
/// departments in general (各部门, 有关部门, 职能部门 …).
pub fn department_actor(text: &str) -> Option<&str> {
    const GENERAL: [&str; 8] = ["各", "有关", "相关", "职能", "分管", "责任", "成员", "牵头"];
    const ACTS: [&str; 14] = [
        "要", "牵头", "负责", "联合", "按", "对", "每", "组成", "跟踪", "会同", "定期", "逐", "为",
        "依法",
    ];
    let mut from = 0;
    while let Some(at) = text[from..].find("部门").map(|i| from + i) {
        let after = &text[at + "部门".len()..];
        let before = &text[..at];
        from = at + "部门".len();
        // 部门负责人 is a person, not the department at work.
        let person = ["负责人", "负责同志", "主要负责"]
            .iter()
            .any(|p| after.starts_with(p));
        if GENERAL.iter().any(|g| before.ends_with(g))
            || !ACTS.iter().any(|a| after.starts_with(a))
            || person
        {
            continue;
        }
        // The name: the Han characters before 部门, back to the last break (、，等 or a verb).
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| {
                ('\u{4e00}'..='\u{9fff}').contains(c) && !"、，等由和与及".contains(*c)
            })
            .last()
            .map_or(at, |(i, _)| i);
        // Several departments said as one (交通运输、公安部门要…; 教育和公安部门要…) are not
        // one actor: naming only the last (交通运输、县公安局要…) mangles the list.
        let joined = text[..start].ends_with(LIST_JOINERS);
        // A name, not a clause that ends on 部门 (推行部门…).
        if start < at && !joined && !text[start..at].contains('要') {
            return Some(&text[start..from]);
        }
    }
    None
}

/// How a leader's name ends (韩靖同志, 光辉县长, 李明副县长): a person who takes a point in charge,
/// not a unit (由韩靖同志牵头，县科工信局具体负责).
pub const LEADER_TITLES: [&str; 6] = ["同志", "县长", "区长", "市长", "镇长", "乡长"];

/// Whether words name a leader (a name and a title), not a unit.
pub fn is_leader(words: &str) -> bool {
    LEADER_TITLES.iter().any(|t| words.ends_with(t))
}

/// What joins departments said as one (交通运输、公安部门; 教育和公安部门): a department name
/// after one of these closes a list, and is no one actor.
const LIST_JOINERS: [char; 4] = ['、', '和', '与', '及'];

/// `text` with the phrasebank's `name` of a unit (公安部门) said as the spec's `unit` (县公安局),
/// where the name stands alone: not where it closes a list of departments said as one
/// (交通运输、公安部门要会同… would read 交通运输、县公安局要会同…). `None` when no place is
/// renamed.
pub fn name_the_unit(text: &str, name: &str, unit: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + unit.len());
    let mut from = 0;
    let mut renamed = false;
    while let Some(at) = text[from..].find(name).map(|i| from + i) {
        let listed = text[..at].ends_with(LIST_JOINERS);
        // Already the unit's whole name (督查室 in 县政府督查室): left as it is.
        let whole = text[..at + name.len()].ends_with(unit);
        let keep = listed || whole;
        out.push_str(&text[from..at]);
        out.push_str(if keep { name } else { unit });
        renamed |= !keep;
        from = at + name.len();
    }
    out.push_str(&text[from..]);
    renamed.then_some(out)
}

/// Whether a few words name one office (县农业农村局, 区城管局, 县政府督查室), not the units at
/// large (各镇各部门) or several (县公安局、县交通运输局).
pub fn is_one_unit(words: &str) -> bool {
    const ENDS: [&str; 7] = ["局", "办", "委", "室", "队", "中心", "分局"];
    let n = words.chars().count();
    (3..=12).contains(&n)
        && ENDS.iter().any(|e| words.ends_with(e))
        && !words.starts_with('各')
        && !words.contains(['，', '、', '及', '与'])
}

/// Whether a unit is an office or a station, not a department with a leadership team (县政府
/// 督查室, 镇卫生院, 镇农业服务中心, 镇财政所).
pub fn is_small_office(unit: &str) -> bool {
    ["室", "所", "站", "院", "中心"]
        .iter()
        .any(|e| unit.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_set_to_work() {
        assert_eq!(
            department_actor("住建部门牵头，市场监管等部门联合执法。"),
            Some("住建部门")
        );
        assert_eq!(department_actor("人社部门要跟踪核查。"), Some("人社部门"));
        // Departments said as one are no one actor (交通运输、县公安局要… was drafted).
        assert_eq!(department_actor("由林业、应急部门组成督查组。"), None);
        assert_eq!(
            department_actor("交通运输、公安部门要会同教育部门核定校车线路。"),
            None
        );
        assert_eq!(department_actor("教育和公安部门要联合排查。"), None);
        assert_eq!(department_actor("各部门要密切配合。"), None);
        assert_eq!(department_actor("有关部门要及时跟进。"), None);
        assert_eq!(department_actor("推动部门间数据共享。"), None);
        assert_eq!(
            department_actor("一定要推行部门负责人“走流程”，查找堵点。"),
            None
        );
        assert_eq!(department_actor("加强隐患排查整治。"), None);
    }

    /// An inspection office the spec calls 督查办 is the phrasebank's 督查室.
    #[test]
    fn an_inspection_office_by_either_name() {
        assert_eq!(
            phrasebank_names("县督查办"),
            ["县政府督查室", "督查室", "督查办公室"]
        );
        assert_eq!(phrasebank_names("县政府办"), ["政府办公室"]);
    }

    /// A unit is named as the spec names it where it stands alone, not inside a list.
    #[test]
    fn a_unit_named_alone_not_in_a_list() {
        assert_eq!(
            name_the_unit("公安部门要联合排查。", "公安部门", "县公安局").as_deref(),
            Some("县公安局要联合排查。")
        );
        assert_eq!(
            name_the_unit(
                "交通运输、公安部门要会同教育部门核定线路。",
                "公安部门",
                "县公安局"
            ),
            None
        );
        assert_eq!(
            name_the_unit(
                "由公安部门牵头，交通和公安部门配合。",
                "公安部门",
                "县公安局"
            )
            .as_deref(),
            Some("由县公安局牵头，交通和公安部门配合。")
        );
    }

    #[test]
    fn overseers_and_doers() {
        assert!(oversees("县政府督查室"));
        assert!(oversees("镇党政办"));
        assert!(oversees("县纪委监委"));
        assert!(!oversees("县民政局"));
        assert!(!oversees("县消防救援大队"));
    }

    #[test]
    fn cores_and_names() {
        assert_eq!(core("县民政局"), Some("民政"));
        assert_eq!(core("县消防救援大队"), Some("消防救援"));
        assert_eq!(core("县生态环境分局"), Some("生态环境"));
        assert_eq!(core("各镇"), None);
        assert_eq!(core("县市场监管局"), Some("市场监管"));
        assert_eq!(core("市场监管局"), Some("市场监管"));
        assert_eq!(core("区市政管理局"), Some("市政管理"));
        assert_eq!(
            phrasebank_names("县市场监管局"),
            vec!["市场监管部门".to_string(), "市场监督管理部门".to_string()]
        );
        assert_eq!(
            phrasebank_names("县发改局"),
            vec!["发改部门".to_string(), "发展改革部门".to_string()]
        );
        assert_eq!(phrasebank_names("县民政局"), vec!["民政部门".to_string()]);
        // An office of the government by its own name; its whole name is not renamed again.
        assert_eq!(phrasebank_names("县政府督查室"), ["督查室"]);
        assert_eq!(
            name_the_unit(
                "督查室要编发专报，报县政府督查室备案。",
                "督查室",
                "县政府督查室"
            )
            .as_deref(),
            Some("县政府督查室要编发专报，报县政府督查室备案。")
        );
        assert_eq!(
            name_the_unit("报县政府督查室备案。", "督查室", "县政府督查室"),
            None
        );
        assert_eq!(phrasebank_names("县政府办"), vec!["政府办公室".to_string()]);
        assert_eq!(
            phrasebank_names("县政府办公室"),
            vec!["政府办公室".to_string()]
        );
    }

    #[test]
    fn one_unit_is_one_office() {
        assert!(is_one_unit("县政府督查室"));
        assert!(is_one_unit("县生态环境分局"));
        assert!(!is_one_unit("各镇政府"));
        assert!(!is_one_unit("县财政局及税务局"));
    }

    #[test]
    fn an_office_is_small_and_a_bureau_is_not() {
        for unit in ["县政府督查室", "镇卫生院", "镇农业服务中心", "镇财政所"]
        {
            assert!(is_small_office(unit), "{unit}");
        }
        for unit in ["县应急管理局", "各镇", "县发改委"] {
            assert!(!is_small_office(unit), "{unit}");
        }
    }
}
