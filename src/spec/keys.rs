//! The spec's keys: every field's English name, its Chinese alias and what it is for, in one table.
//!
//! The table is the one place a key is named. The parser locates fields by it
//! ([`super::locate_field`]), the writer ([`super::write`]) takes a key's name in either language
//! and its comment from it, and docs/spec.md documents the same fields. serde's `alias`
//! attributes on the spec structs must be literals, so they repeat the Chinese names; a test
//! checks they agree with this table both ways.

/// One key of the spec, at one place in it (`name` is three keys: the meeting's, the speaker's
/// and the place's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// Where the key sits, as a dotted path of English names (`sections.points.title`).
    pub path: &'static str,
    /// The English name, the one the structs use.
    pub en: &'static str,
    /// The Chinese alias.
    pub zh: &'static str,
    /// What the field is for, as the starter spec's comment says it (Chinese, for the writer).
    pub doc: &'static str,
}

impl Key {
    /// The name in the chosen language.
    pub fn name(&self, chinese: bool) -> &'static str {
        if chinese { self.zh } else { self.en }
    }
}

const fn key(path: &'static str, en: &'static str, zh: &'static str, doc: &'static str) -> Key {
    Key { path, en, zh, doc }
}

pub const MEETING: Key = key("meeting", "meeting", "会议", "会议");
pub const MEETING_NAME: Key = key(
    "meeting.name",
    "name",
    "名称",
    "会议全称（必填）；标题为“在……上的讲话”",
);
pub const DATE: Key = key(
    "meeting.date",
    "date",
    "日期",
    "会议日期（必填，YYYY-MM-DD）；决定年代用语和季节",
);
pub const KIND: Key = key(
    "meeting.kind",
    "kind",
    "类型",
    "会议类型（可选）：plenary 全体会议·廉政 | economy 经济运行 | key_work 重点工作推进 | rule_of_law 依法行政 | safety 安全生产 | investment 招商引资·营商环境",
);
pub const PURPOSES: Key = key(
    "meeting.purposes",
    "purposes",
    "任务",
    "会议主要任务（可选）：今天会议的主要任务是……",
);
pub const EARLIER: Key = key(
    "meeting.earlier",
    "earlier",
    "刚才",
    "讲话前的议程（可选）：刚才，……",
);
pub const GUIDANCE: Key = key(
    "meeting.guidance",
    "guidance",
    "上级精神",
    "上级精神（可选）：原样写入指导思想句，如 省委十二届五次全会精神",
);
pub const SPEAKER: Key = key("speaker", "speaker", "讲话人", "讲话人");
pub const ROLE: Key = key("speaker.role", "role", "职务", "讲话人职务（必填）");
pub const SPEAKER_NAME: Key = key(
    "speaker.name",
    "name",
    "姓名",
    "讲话人姓名（可选）：只印在标题下",
);
pub const PLACE: Key = key("place", "place", "地点", "地点");
pub const PLACE_NAME: Key = key("place.name", "name", "名称", "地方名称（必填）");
pub const LEVEL: Key = key(
    "place.level",
    "level",
    "层级",
    "层级（可选）：县 | 市 | 区 | 镇，决定“全县/县政府/各镇各部门”等说法；默认县",
);
pub const SITUATION: Key = key(
    "situation",
    "situation",
    "形势",
    "形势（可选）：形势部分用到的事实",
);
pub const ACHIEVEMENTS: Key = key(
    "situation.achievements",
    "achievements",
    "成绩",
    "主要成绩（可选）：原样引用",
);
pub const FIGURES: Key = key("situation.figures", "figures", "指标", "主要指标（可选）");
pub const INDICATOR: Key = key(
    "situation.figures.indicator",
    "indicator",
    "指标",
    "指标名称（必填）",
);
pub const VALUE: Key = key("situation.figures.value", "value", "数值", "数值（必填）");
pub const BENCHMARK: Key = key(
    "situation.figures.benchmark",
    "benchmark",
    "比较",
    "比较（可选）：高于/低于……",
);
pub const PROBLEMS: Key = key(
    "situation.problems",
    "problems",
    "问题",
    "问题不足（可选）：同时也要清醒看到……",
);
pub const SECTIONS: Key = key(
    "sections",
    "sections",
    "部分",
    "讲话的一级部分（必填，2—6个）：一、二、三……",
);
pub const THEME: Key = key(
    "sections.theme",
    "theme",
    "主题",
    "主题（必填）：短语库里的主题，见 wengao phrasebank themes",
);
pub const SECTION_TITLE: Key = key(
    "sections.title",
    "title",
    "标题",
    "本部分标题（可选）：原样使用；不写则自动生成排比标题",
);
pub const POINTS: Key = key(
    "sections.points",
    "points",
    "要点",
    "二级要点（可选，0—9个）：（一）（二）……；不写则生成“一要……二要……”",
);
pub const TOPIC: Key = key(
    "sections.points.topic",
    "topic",
    "事项",
    "事项（必填）：本要点说的是什么",
);
pub const POINT_TITLE: Key = key(
    "sections.points.title",
    "title",
    "标题",
    "要点标题（可选）：原样使用",
);
pub const FACTS: Key = key(
    "sections.points.facts",
    "facts",
    "事实",
    "事实和数字（可选）：原样写入",
);
pub const LEAD: Key = key(
    "sections.points.lead",
    "lead",
    "牵头",
    "牵头单位（可选）：由……牵头",
);
pub const LEADER: Key = key(
    "sections.points.leader",
    "leader",
    "分管领导",
    "分管领导（可选，须有牵头单位）：由……同志牵头，牵头单位具体负责",
);
pub const SUPPORT: Key = key(
    "sections.points.support",
    "support",
    "配合",
    "配合单位（可选）：……配合",
);
pub const DEADLINE: Key = key(
    "sections.points.deadline",
    "deadline",
    "时限",
    "完成时限（可选，YYYY-MM-DD 或 6月底前、年底前）",
);
pub const ABOUT: Key = key(
    "sections.points.about",
    "about",
    "归类",
    "子主题（可选）：主题图谱里的子主题，不写则自动判断",
);
pub const TASKS: Key = key(
    "sections.points.tasks",
    "tasks",
    "任务清单",
    "任务清单（可选）：原样写入，放在短语库的措施之前",
);
pub const CLOSING: Key = key("closing", "closing", "结尾", "结尾（可选）");
pub const CALL: Key = key(
    "closing.call",
    "call",
    "号召",
    "结尾号召（可选）：同志们，……！",
);
pub const OUTPUT: Key = key("output", "output", "输出", "输出（可选）");
pub const LENGTH: Key = key(
    "output.length",
    "length",
    "字数",
    "目标字数（可选，1500—30000，误差±10%）",
);
pub const SEED: Key = key(
    "output.seed",
    "seed",
    "种子",
    "种子（可选）：换一个数得到另一稿；--seed 优先",
);

/// Every key of the spec contract, in the order a spec is written.
pub const ALL: [Key; 38] = [
    MEETING,
    MEETING_NAME,
    DATE,
    KIND,
    PURPOSES,
    EARLIER,
    GUIDANCE,
    SPEAKER,
    ROLE,
    SPEAKER_NAME,
    PLACE,
    PLACE_NAME,
    LEVEL,
    SITUATION,
    ACHIEVEMENTS,
    FIGURES,
    INDICATOR,
    VALUE,
    BENCHMARK,
    PROBLEMS,
    SECTIONS,
    THEME,
    SECTION_TITLE,
    POINTS,
    TOPIC,
    POINT_TITLE,
    FACTS,
    LEAD,
    LEADER,
    SUPPORT,
    DEADLINE,
    ABOUT,
    TASKS,
    CLOSING,
    CALL,
    OUTPUT,
    LENGTH,
    SEED,
];

/// Every name a key called `en` in English may be written under, wherever it sits: the English
/// name first, then the Chinese aliases (`name` → name, 名称, 姓名).
pub fn names(en: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for k in ALL.iter().filter(|k| k.en == en) {
        if out.is_empty() {
            out.push(k.en);
        }
        if !out.contains(&k.zh) {
            out.push(k.zh);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_named_once_a_place() {
        for (i, a) in ALL.iter().enumerate() {
            assert!(a.path.ends_with(a.en), "{}", a.path);
            assert!(!a.doc.is_empty(), "{}", a.path);
            for b in &ALL[i + 1..] {
                assert_ne!(a.path, b.path);
            }
        }
        assert_eq!(names("name"), ["name", "名称", "姓名"]);
        assert_eq!(names("indicator"), ["indicator", "指标"]);
        assert!(names("nope").is_empty());
    }

    /// docs/spec.md names every key in both languages.
    #[test]
    fn docs_name_every_key() {
        let docs = include_str!("../../docs/spec.md");
        for k in ALL {
            assert!(
                docs.contains(k.zh),
                "docs/spec.md lacks {} ({})",
                k.zh,
                k.path
            );
            let last = k.path.rsplit('.').next().unwrap_or(k.en);
            assert!(
                docs.contains(&format!("{last}`")) || docs.contains(&format!("{last}:")),
                "docs/spec.md lacks {}",
                k.path
            );
        }
    }
}
