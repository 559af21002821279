//! The per-meeting spec: parse, validate, explain errors with file:line:column.
//!
//! The field names are a public contract (see docs/spec.md); Chinese aliases (会议/名称/日期 …) are
//! accepted for every key. Parsing is strict (`deny_unknown_fields`, with a did-you-mean), and a
//! second, explicit validation pass checks what types cannot: required text is not empty, dates
//! are real, there are 2–6 sections of 0–9 points, the meeting kind and every theme are known.
//! Every problem is reported at once, each with its position found by [`crate::yamlpos`].
//!
//! Every string of a spec is literal text. Nothing here or later evaluates it as template code.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Diagnostic, Result, did_you_mean};
use crate::yamlpos::{Seg, locate};

mod date;
pub(crate) use date::date_problem;
pub use date::{DRAFT_YEARS, parse_date, parse_deadline};
pub mod keys;
pub mod starter;
mod validate;
pub mod write;

/// The longest text a single spec value may hold, in characters.
pub const MAX_VALUE_CHARS: usize = 2_000;
/// The largest spec file read, in bytes.
pub const MAX_SPEC_BYTES: usize = 1_000_000;

/// A literal text value. Accepts any YAML scalar (so `value: 8.2` reads as "8.2").
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Text(pub String);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a text value")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Text, E> {
                Ok(Text(v.trim().to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> std::result::Result<Text, E> {
                Ok(Text(v.trim().to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> std::result::Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// The whole spec.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    #[serde(alias = "会议")]
    pub meeting: Meeting,
    #[serde(alias = "讲话人")]
    pub speaker: Speaker,
    #[serde(alias = "地点")]
    pub place: Place,
    #[serde(default, alias = "形势")]
    pub situation: Option<Situation>,
    #[serde(alias = "部分")]
    pub sections: Vec<Section>,
    #[serde(default, alias = "结尾")]
    pub closing: Option<Closing>,
    #[serde(default, alias = "输出")]
    pub output: Option<OutputOptions>,
}

/// `meeting:`
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    #[serde(alias = "名称")]
    pub name: Text,
    #[serde(alias = "日期")]
    pub date: Text,
    #[serde(default, alias = "类型")]
    pub kind: Option<Text>,
    #[serde(default, alias = "任务")]
    pub purposes: Vec<Text>,
    #[serde(default, alias = "刚才")]
    pub earlier: Vec<Text>,
    /// The province's, city's or county's own guidance the guiding sentence names after the
    /// national events (省委十二届五次全会精神, 市委经济工作会议部署), literally: wengao keeps no
    /// calendar of local events.
    #[serde(default, alias = "上级精神")]
    pub guidance: Vec<Text>,
}

/// `speaker:`
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    #[serde(alias = "职务")]
    pub role: Text,
    /// Optional: printed in the byline only.
    #[serde(default, alias = "姓名")]
    pub name: Option<Text>,
}

/// `place:`
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    #[serde(alias = "名称")]
    pub name: Text,
    #[serde(default, alias = "层级")]
    pub level: Option<Text>,
}

/// `situation:`
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    #[serde(default, alias = "成绩")]
    pub achievements: Vec<Text>,
    #[serde(default, alias = "指标")]
    pub figures: Vec<Figure>,
    #[serde(default, alias = "问题")]
    pub problems: Vec<Text>,
}

/// One figure of the situation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    #[serde(alias = "指标")]
    pub indicator: Text,
    #[serde(alias = "数值")]
    pub value: Text,
    #[serde(default, alias = "比较")]
    pub benchmark: Option<Text>,
}

/// One level-1 part.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    #[serde(alias = "主题")]
    pub theme: Text,
    #[serde(default, alias = "标题")]
    pub title: Option<Text>,
    #[serde(default, alias = "要点")]
    pub points: Vec<Point>,
}

/// One level-2 part.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    #[serde(alias = "事项")]
    pub topic: Text,
    #[serde(default, alias = "标题")]
    pub title: Option<Text>,
    #[serde(default, alias = "事实")]
    pub facts: Vec<Text>,
    #[serde(default, alias = "牵头")]
    pub lead: Option<Text>,
    /// The leader who takes the point in charge (韩靖同志, 李明副县长), as the speech names
    /// them: 由韩靖同志牵头，县商务局具体负责，…. Needs `lead`, the unit that does the work.
    #[serde(default, alias = "分管领导")]
    pub leader: Option<Text>,
    #[serde(default, alias = "配合")]
    pub support: Vec<Text>,
    #[serde(default, alias = "时限")]
    pub deadline: Option<Text>,
    /// A sub-topic of the topic map to draw from (otherwise resolved from the topic, title,
    /// facts and units).
    #[serde(default, alias = "归类")]
    pub about: Option<Text>,
    /// The writer's own task phrases, woven in verbatim before the phrasebank's measures.
    #[serde(default, alias = "任务清单")]
    pub tasks: Vec<Text>,
}

/// `closing:`
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closing {
    #[serde(default, alias = "号召")]
    pub call: Option<Text>,
}

/// `output:`
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputOptions {
    #[serde(default, alias = "字数")]
    pub length: Option<u32>,
    #[serde(default, alias = "种子")]
    pub seed: Option<u64>,
}

/// The kind of meeting; it picks the kind template and flavours the opening and closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Plenary,
    Economy,
    KeyWork,
    RuleOfLaw,
    Safety,
    Investment,
}

impl Kind {
    /// All kinds, in the order of the contract.
    pub const ALL: [Kind; 6] = [
        Kind::Plenary,
        Kind::Economy,
        Kind::KeyWork,
        Kind::RuleOfLaw,
        Kind::Safety,
        Kind::Investment,
    ];

    /// The English name used in specs and file names.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Plenary => "plenary",
            Kind::Economy => "economy",
            Kind::KeyWork => "key_work",
            Kind::RuleOfLaw => "rule_of_law",
            Kind::Safety => "safety",
            Kind::Investment => "investment",
        }
    }

    /// The Chinese name (also accepted in specs).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Plenary => "全体会议·廉政",
            Kind::Economy => "经济运行",
            Kind::KeyWork => "重点工作推进",
            Kind::RuleOfLaw => "依法行政",
            Kind::Safety => "安全生产",
            Kind::Investment => "招商引资·营商环境",
        }
    }

    /// Parse an English or Chinese kind name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == s || k.label() == s || k.label().split('·').next() == Some(s))
    }
}

/// The administrative level of the place: it sets 全县/县委/县政府 and the like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Level {
    County,
    City,
    District,
    Town,
}

impl Level {
    /// All levels.
    pub const ALL: [Level; 4] = [Level::County, Level::City, Level::District, Level::Town];

    /// 县 / 市 / 区 / 镇
    pub fn char(self) -> &'static str {
        match self {
            Level::County => "县",
            Level::City => "市",
            Level::District => "区",
            Level::Town => "镇",
        }
    }

    /// Parse 县/市/区/镇 (or county/city/district/town).
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "县" | "county" => Some(Level::County),
            "市" | "city" => Some(Level::City),
            "区" | "district" => Some(Level::District),
            "镇" | "乡" | "town" => Some(Level::Town),
            _ => None,
        }
    }

    /// 全县 / 全市 / 全区 / 全镇
    pub fn whole(self) -> String {
        format!("全{}", self.char())
    }

    /// The party committee: 县委 / 市委 / 区委 / 镇党委
    pub fn party(self) -> &'static str {
        match self {
            Level::County => "县委",
            Level::City => "市委",
            Level::District => "区委",
            Level::Town => "镇党委",
        }
    }

    /// The government: 县政府 / 市政府 / 区政府 / 镇政府
    pub fn government(self) -> &'static str {
        match self {
            Level::County => "县政府",
            Level::City => "市政府",
            Level::District => "区政府",
            Level::Town => "镇政府",
        }
    }

    /// A phrase written for a county said at this level: the towns a county speech names (各镇)
    /// are the 镇街 of a district, the 县区 of a city, the 村 of a town. Read blind, 各镇要… beside
    /// 各街道配合 in one district speech was a program's tell.
    /// So is each of them (每个镇先建样板户厕 said by a town's head, read at a draft of our own:
    /// 每个村).
    pub fn localize(self, text: &str) -> std::borrow::Cow<'_, str> {
        let (towns, each) = match self {
            Level::County => return text.into(),
            Level::City => ("各县区", "每个县区"),
            Level::District => ("各镇街", "每个镇街"),
            Level::Town => ("各村", "每个村"),
        };
        if text.contains("各镇") || text.contains("每个镇") {
            text.replace("各镇", towns).replace("每个镇", each).into()
        } else {
            text.into()
        }
    }

    /// Who carries out the work below this level: 各镇各部门 for a county.
    pub fn units(self) -> &'static str {
        match self {
            Level::County => "各镇各部门",
            Level::City => "各县区、各部门",
            Level::District => "各街道、各部门",
            Level::Town => "各村、各站所",
        }
    }
}

/// A spec that parsed and validated, with the derived values the planner needs.
#[derive(Debug, Clone)]
pub struct ValidSpec {
    pub spec: Spec,
    pub date: NaiveDate,
    pub kind: Kind,
    pub level: Level,
    /// Parsed deadlines, by section and point index.
    pub deadlines: Vec<Vec<Option<NaiveDate>>>,
    /// Where the spec came from, as the user named it.
    pub file: String,
}

impl ValidSpec {
    /// The meeting year.
    pub fn year(&self) -> i32 {
        self.date.year()
    }

    /// The meeting month (the era lexicon's precision).
    pub fn at(&self) -> crate::lexicon::YearMonth {
        crate::lexicon::YearMonth::of(self.date)
    }
}

/// Locate a dotted field path such as `sections[2].points[0].deadline` in `src`.
pub fn locate_field(src: &str, field: &str) -> (usize, usize) {
    // Each key with every name it may be written under, then its indices.
    let mut path: Vec<(Vec<&str>, Vec<usize>)> = Vec::new();
    for part in field.split('.') {
        let (key, rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        let indices = rest
            .split('[')
            .filter_map(|idx| idx.trim_end_matches(']').parse().ok())
            .collect();
        path.push((keys::names(key), indices));
    }
    let mut segs = Vec::new();
    for (names, indices) in &path {
        segs.push(Seg::Key(names));
        segs.extend(indices.iter().map(|&n| Seg::Index(n)));
    }
    locate(src, &segs).unwrap_or((1, 1))
}

/// Parse and validate a spec from its text. `file` is the name shown in messages;
/// `themes` are the themes the phrasebank knows.
pub fn parse(src: &str, file: &str, themes: &[String]) -> Result<ValidSpec> {
    if src.len() > MAX_SPEC_BYTES {
        // Point at the longest line: that is where the bulk is.
        let (line, _) = src
            .lines()
            .enumerate()
            .max_by_key(|(i, l)| (l.len(), std::cmp::Reverse(*i)))
            .unwrap_or((0, ""));
        return Err(Diagnostic::new(
            file,
            format!(
                "the spec is {} bytes; the limit is {MAX_SPEC_BYTES}",
                src.len()
            ),
        )
        .at(src, line + 1, 1)
        .help(format!("a spec is a short YAML file of the meeting's facts; keep each value under {MAX_VALUE_CHARS} characters and move long text out of it"))
        .into());
    }
    if src.trim().is_empty() {
        return Err(Diagnostic::new(file, "the spec is empty")
            .at(src, 1, 1)
            .help("start from `wengao new`, or see docs/spec.md for the fields")
            .into());
    }
    if let Some((l, line)) = src.lines().enumerate().find(|(_, l)| {
        let t = l.trim_start_matches(' ');
        t.starts_with('\t')
    }) {
        let col = line.chars().take_while(|c| *c == ' ').count() + 1;
        return Err(Diagnostic::new(
            file,
            "a tab indents this line; YAML indents with spaces only",
        )
        .at(src, l + 1, col)
        .help("replace the tab with spaces (two per level)")
        .into());
    }
    if let Some(d) = too_deep(src, file) {
        return Err(d.into());
    }
    if let Some((l, line)) = src.lines().enumerate().find(|(_, l)| {
        l.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\r'))
    }) {
        let (col, c) = line
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\r'))
            .unwrap_or((0, '\0'));
        return Err(Diagnostic::new(
            file,
            format!("the file contains a control character (U+{:04X})", c as u32),
        )
        .at(src, l + 1, col + 1)
        .help("remove it (an editor can show it, e.g. `cat -A`); a spec is plain text")
        .into());
    }
    let spec: Spec = match serde_yaml::from_str(src) {
        Ok(s) => s,
        Err(e) => return Err(yaml_error(src, file, &e).into()),
    };
    validate::validate(spec, src, file, themes)
}

/// The deepest nesting a spec may have (shared with the phrasebank loader).
pub const MAX_FLOW_DEPTH: usize = crate::yamlpos::MAX_DEPTH;

/// A spec nested deeper than [`MAX_FLOW_DEPTH`] ([`crate::yamlpos::too_deep`]), refused before
/// parsing.
fn too_deep(src: &str, file: &str) -> Option<Diagnostic> {
    let (l, c) = crate::yamlpos::too_deep(src)?;
    Some(
        Diagnostic::new(
            file,
            format!("lists or maps nested more than {MAX_FLOW_DEPTH} deep"),
        )
        .at(src, l, c)
        .help("a spec nests at most a few levels (sections → points → facts); remove the extra brackets or dashes"),
    )
}

fn yaml_error(src: &str, file: &str, e: &serde_yaml::Error) -> Diagnostic {
    let raw = e.to_string();
    // yaml_serde appends " at line L column C"; keep the message, position it ourselves.
    let msg = raw
        .split(" at line ")
        .next()
        .unwrap_or(&raw)
        .trim()
        .to_string();
    let (line, col) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    let (line, col) = match duplicate_key(&msg) {
        Some(key) => second_occurrence(src, key, line).unwrap_or((line, col)),
        None => (line, col),
    };
    let mut d = Diagnostic::new(file, friendly(&msg)).at(src, line, col);
    let full_width_colon = src
        .lines()
        .nth(line.saturating_sub(1))
        .is_some_and(|l| l.contains('：') && !l.contains(": "));
    if full_width_colon {
        d.message = "this line has no `key: value`: its colon is full-width (：)".into();
        d = d.help("write a half-width colon and a space after the key, e.g. `role: 县长`");
    } else if let Some(key) = duplicate_key(&msg) {
        d = d.help(format!(
            "`{key}` is given twice in the same place; keep one (the first is above)"
        ));
    } else if msg.contains("invalid value: integer") {
        d = d.help("the number is out of range for this field (e.g. output.length is a count of characters, like 8000; output.seed fits in 64 bits)");
    } else if let Some(field) = msg
        .split_once("unknown field `")
        .and_then(|(_, r)| r.split('`').next())
    {
        let expected: Vec<&str> = msg
            .split("expected ")
            .nth(1)
            .map(|r| r.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let ascii = field.is_ascii();
        let candidates: Vec<&str> = expected
            .iter()
            .copied()
            .filter(|k| k.is_ascii() == ascii)
            .collect();
        d = match did_you_mean(field, candidates.iter().copied()) {
            Some(s) => d.help(format!(
                "did you mean `{s}`? (the fields here: {})",
                candidates.join(", ")
            )),
            None => d.help(format!("the fields here are: {}", candidates.join(", "))),
        };
    } else if msg.contains("missing field") {
        d = d.help("add the field; docs/spec.md lists every field with an example");
    } else if msg.contains("invalid type") {
        d = d.help("check the value's shape: a list is written `[a, b]` or as `- a` lines; docs/spec.md shows each field");
    } else if msg.contains("recursion limit") || msg.contains("repetition limit") {
        d = d.help("the spec nests too deeply or expands too many aliases; write it out plainly");
    } else {
        d = d.help("this is not valid YAML here: check the indentation (spaces, two per level), a missing `:` after a key, or an unclosed quote or bracket");
    }
    d
}

/// The key of a "duplicate field `k`" / "duplicate entry with key \"k\"" error.
fn duplicate_key(msg: &str) -> Option<&str> {
    if let Some((_, r)) = msg.split_once("duplicate field `") {
        return r.split('`').next();
    }
    let (_, r) = msg.split_once("duplicate entry with key \"")?;
    r.split('"').next()
}

/// Where `key:` is written the second time at one indentation, from `from_line` on (the parser
/// points at the first, or at the mapping; the writer must fix the second).
fn second_occurrence(src: &str, key: &str, from_line: usize) -> Option<(usize, usize)> {
    let mut first_indent: Option<usize> = None;
    for (i, l) in src.lines().enumerate().skip(from_line.saturating_sub(1)) {
        let t = l.trim_start_matches([' ', '-']);
        let indent = l.len() - t.len();
        let is_key = t
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with(':'));
        if !is_key {
            continue;
        }
        match first_indent {
            None => first_indent = Some(indent),
            Some(fi) if fi == indent => {
                return Some((i + 1, l[..indent].chars().count() + 1));
            }
            Some(_) => {}
        }
    }
    None
}

fn friendly(msg: &str) -> String {
    msg.replace("invalid type: ", "wrong type: ")
}

/// Call `f` with every text value of the spec and its field path.
pub fn for_each_text(spec: &Spec, f: &mut dyn FnMut(&str, &Text)) {
    let m = &spec.meeting;
    f("meeting.name", &m.name);
    f("meeting.date", &m.date);
    if let Some(k) = &m.kind {
        f("meeting.kind", k);
    }
    for (i, t) in m.purposes.iter().enumerate() {
        f(&format!("meeting.purposes[{i}]"), t);
    }
    for (i, t) in m.earlier.iter().enumerate() {
        f(&format!("meeting.earlier[{i}]"), t);
    }
    for (i, t) in m.guidance.iter().enumerate() {
        f(&format!("meeting.guidance[{i}]"), t);
    }
    f("speaker.role", &spec.speaker.role);
    if let Some(n) = &spec.speaker.name {
        f("speaker.name", n);
    }
    f("place.name", &spec.place.name);
    if let Some(s) = &spec.situation {
        for (i, t) in s.achievements.iter().enumerate() {
            f(&format!("situation.achievements[{i}]"), t);
        }
        for (i, fig) in s.figures.iter().enumerate() {
            f(&format!("situation.figures[{i}].indicator"), &fig.indicator);
            f(&format!("situation.figures[{i}].value"), &fig.value);
            if let Some(b) = &fig.benchmark {
                f(&format!("situation.figures[{i}].benchmark"), b);
            }
        }
        for (i, t) in s.problems.iter().enumerate() {
            f(&format!("situation.problems[{i}]"), t);
        }
    }
    for (si, s) in spec.sections.iter().enumerate() {
        f(&format!("sections[{si}].theme"), &s.theme);
        if let Some(t) = &s.title {
            f(&format!("sections[{si}].title"), t);
        }
        for (pi, p) in s.points.iter().enumerate() {
            let base = format!("sections[{si}].points[{pi}]");
            f(&format!("{base}.topic"), &p.topic);
            if let Some(t) = &p.title {
                f(&format!("{base}.title"), t);
            }
            for (i, t) in p.facts.iter().enumerate() {
                f(&format!("{base}.facts[{i}]"), t);
            }
            if let Some(t) = &p.lead {
                f(&format!("{base}.lead"), t);
            }
            if let Some(t) = &p.leader {
                f(&format!("{base}.leader"), t);
            }
            for (i, t) in p.support.iter().enumerate() {
                f(&format!("{base}.support[{i}]"), t);
            }
            if let Some(t) = &p.deadline {
                f(&format!("{base}.deadline"), t);
            }
            if let Some(t) = &p.about {
                f(&format!("{base}.about"), t);
            }
            for (i, t) in p.tasks.iter().enumerate() {
                f(&format!("{base}.tasks[{i}]"), t);
            }
        }
    }
    if let Some(c) = spec.closing.as_ref().and_then(|c| c.call.as_ref()) {
        f("closing.call", c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn themes() -> Vec<String> {
        ["项目建设", "招商引资", "作风建设"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    const GOOD: &str = "meeting:\n  name: 2024年县政府全体会议\n  date: 2024-02-26\n  kind: plenary\nspeaker:\n  role: 县长\nplace:\n  name: 汉阴县\nsections:\n  - theme: 项目建设\n    points:\n      - topic: 重点项目\n        deadline: 2024-06-30\n  - theme: 作风建设\n";

    #[test]
    fn parses_a_good_spec() {
        let v = parse(GOOD, "s.yaml", &themes()).unwrap();
        assert_eq!(v.kind, Kind::Plenary);
        assert_eq!(v.level, Level::County);
        assert_eq!(v.year(), 2024);
        assert_eq!(v.deadlines[0][0], NaiveDate::from_ymd_opt(2024, 6, 30));
    }

    #[test]
    fn a_deadline_written_in_chinese_is_read() {
        let v = parse(&GOOD.replace("2024-06-30", "9月底前"), "s.yaml", &themes()).unwrap();
        assert_eq!(v.deadlines[0][0], NaiveDate::from_ymd_opt(2024, 9, 30));
        let e = parse(&GOOD.replace("2024-06-30", "尽快"), "s.yaml", &themes())
            .unwrap_err()
            .to_string();
        assert!(e.contains("6月底前"), "{e}");
    }

    #[test]
    fn chinese_keys_are_aliases() {
        let src = "会议:\n  名称: 全县安全生产会议\n  日期: 2025-03-01\n讲话人:\n  职务: 县长\n地点:\n  名称: 某县\n部分:\n  - 主题: 项目建设\n  - 主题: 招商引资\n";
        let v = parse(src, "s.yaml", &themes()).unwrap();
        assert_eq!(v.spec.sections.len(), 2);
    }

    #[test]
    fn impossible_date_is_located() {
        let src = GOOD.replace("2024-02-26", "2024-02-30");
        let e = parse(&src, "s.yaml", &themes()).unwrap_err().to_string();
        assert!(e.contains("s.yaml:3:9"), "{e}");
        assert!(e.contains("meeting.date"), "{e}");
    }

    #[test]
    fn unknown_key_suggests() {
        let src = GOOD.replace("speaker:", "speker:");
        let e = parse(&src, "s.yaml", &themes()).unwrap_err().to_string();
        assert!(e.contains("did you mean `speaker`"), "{e}");
        assert!(e.contains("s.yaml:5:1"), "{e}");
    }

    #[test]
    fn unknown_theme_lists_known() {
        let src = GOOD.replace("theme: 作风建设", "theme: 作风建");
        let e = parse(&src, "s.yaml", &themes()).unwrap_err().to_string();
        assert!(e.contains("did you mean `作风建设`"), "{e}");
        assert!(e.contains("s.yaml:14:12"), "{e}");
    }

    #[test]
    fn scalars_read_as_text() {
        let src = GOOD.replace("name: 汉阴县", "name: 2024");
        let v = parse(&src, "s.yaml", &themes()).unwrap();
        assert_eq!(v.spec.place.name.as_str(), "2024");
    }
}
