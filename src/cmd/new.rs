//! `wengao new`: write a commented starter spec for a kind of meeting.
//!
//! The starter holds every field of the spec contract (the optional ones too), each with a Chinese
//! comment saying what it is, and realistic example values for that kind of meeting and level
//! (全县/全市 …, 县发改局/镇经济发展办 …). It drafts as it stands. `--chinese` writes the Chinese
//! keys (会议/名称/日期 …). The meeting date is today unless `--date` is given; deadlines and years
//! in the example values follow it, so the era's vocabulary is right.

use std::path::PathBuf;

use chrono::{Datelike, Months, NaiveDate};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use crate::cli::{Globals, info};
use crate::spec::{Kind, Level};
use crate::{Result, io};

/// Arguments of `wengao new`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wengao new --kind plenary -o 会议.yaml\n  wengao new --kind safety --level 镇 --date 2025-03-10 -o safety.yaml\n  wengao new --kind economy --chinese > 经济运行会.yaml\n  wengao new --kind investment --level 市 | wengao draft -"
)]
pub struct Args {
    /// The kind of meeting.
    #[arg(long, short, default_value = "key_work", value_parser = kind_parser())]
    pub kind: Kind,
    /// The level of the place: 县, 市, 区 or 镇 (sets 全县/县政府/各镇 … in the example values).
    #[arg(long, short, default_value = "县", value_parser = level_parser())]
    pub level: Level,
    /// The meeting date, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Write the keys in Chinese (会议/名称/日期 …) instead of English.
    #[arg(long)]
    pub chinese: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
}

fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    PossibleValuesParser::new(Kind::ALL.map(|k| {
        PossibleValue::new(k.name())
            .help(k.label())
            .alias(k.label())
    }))
    .map(|s| Kind::parse(&s).unwrap_or(Kind::KeyWork))
}

fn level_parser() -> impl TypedValueParser<Value = Level> {
    PossibleValuesParser::new([
        PossibleValue::new("县").alias("county"),
        PossibleValue::new("市").alias("city"),
        PossibleValue::new("区").alias("district"),
        PossibleValue::new("镇").alias("town").alias("乡"),
    ])
    .map(|s| Level::parse(&s).unwrap_or(Level::County))
}

fn parse_date_arg(s: &str) -> std::result::Result<NaiveDate, String> {
    use chrono::Datelike;
    let d = crate::spec::parse_date(s)
        .ok_or_else(|| format!("`{s}` is not a date; write YYYY-MM-DD, e.g. 2024-02-26"))?;
    let years = crate::spec::DRAFT_YEARS;
    if !years.contains(&d.year()) {
        return Err(format!(
            "wengao drafts speeches dated {}–{}; {} is outside",
            years.start(),
            years.end(),
            d.year()
        ));
    }
    Ok(d)
}

/// Run the subcommand.
pub fn run(args: &Args, g: &Globals) -> Result<i32> {
    let date = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let text = starter(args.kind, args.level, date, args.chinese);
    io::emit(args.output.as_deref(), text.as_bytes(), args.force)?;
    if let Some(p) = &args.output {
        info(
            g,
            &format!(
                "wrote {} ({} starter); edit it, then run: wengao draft {}",
                p.display(),
                args.kind.label(),
                p.display()
            ),
        );
    }
    Ok(0)
}

/// The starter spec text for a kind, level and meeting date; `chinese` writes Chinese keys.
pub fn starter(kind: Kind, level: Level, date: NaiveDate, chinese: bool) -> String {
    let s = Starter::of(kind, level, date);
    let mut w = Writer {
        out: String::new(),
        zh: chinese,
        commented: Default::default(),
    };
    w.raw(&format!(
        "# wengao 讲话稿规格：{}（{}）。由 `wengao new` 生成。",
        kind.label(),
        kind.name()
    ));
    w.raw("# 把下面的示例值改成本次会议的事实，然后运行：wengao draft 本文件.yaml");
    w.raw("# 标“可选”的字段可以删除；字段说明见 docs/spec.md。每个值都按原样写入讲话稿。");
    w.raw("");

    w.key(0, "meeting", "会议", "会议");
    w.field(
        1,
        "name",
        "名称",
        &s.name,
        "会议全称（必填）；标题为“在……上的讲话”",
    );
    w.field(
        1,
        "date",
        "日期",
        &date.format("%Y-%m-%d").to_string(),
        "会议日期（必填，YYYY-MM-DD）；决定年代用语和季节",
    );
    let kind_value = if chinese { kind.label() } else { kind.name() };
    w.field(
        1,
        "kind",
        "类型",
        kind_value,
        "会议类型（可选）：plenary 全体会议·廉政 | economy 经济运行 | key_work 重点工作推进 | rule_of_law 依法行政 | safety 安全生产 | investment 招商引资·营商环境",
    );
    w.list(
        1,
        "purposes",
        "任务",
        &s.purposes,
        "会议主要任务（可选）：今天会议的主要任务是……",
    );
    w.list(
        1,
        "earlier",
        "刚才",
        &s.earlier,
        "讲话前的议程（可选）：刚才，……",
    );

    w.key(0, "speaker", "讲话人", "讲话人");
    w.field(1, "role", "职务", &s.role, "讲话人职务（必填）");
    w.field(
        1,
        "name",
        "姓名",
        "李明",
        "讲话人姓名（可选）：只印在标题下",
    );

    w.key(0, "place", "地点", "地点");
    w.field(1, "name", "名称", &s.place, "地方名称（必填）");
    w.field(
        1,
        "level",
        "层级",
        level.char(),
        "层级（可选）：县 | 市 | 区 | 镇，决定“全县/县政府/各镇各部门”等说法；默认县",
    );

    w.key(0, "situation", "形势", "形势（可选）：形势部分用到的事实");
    w.list(
        1,
        "achievements",
        "成绩",
        &s.achievements,
        "主要成绩（可选）：原样引用",
    );
    w.key(1, "figures", "指标", "主要指标（可选）");
    for (indicator, value, benchmark) in &s.figures {
        w.item_field(2, "indicator", "指标", indicator, "指标名称（必填）");
        w.field(3, "value", "数值", value, "数值（必填）");
        w.field(
            3,
            "benchmark",
            "比较",
            benchmark,
            "比较（可选）：高于/低于……",
        );
    }
    w.list(
        1,
        "problems",
        "问题",
        &s.problems,
        "问题不足（可选）：同时也要清醒看到……",
    );

    w.key(
        0,
        "sections",
        "部分",
        "讲话的一级部分（必填，2—6个）：一、二、三……",
    );
    for sec in &s.sections {
        w.item_field(
            1,
            "theme",
            "主题",
            sec.theme,
            "主题（必填）：短语库里的主题，见 wengao phrasebank themes",
        );
        if let Some(t) = &sec.title {
            w.field(
                2,
                "title",
                "标题",
                t,
                "本部分标题（可选）：原样使用；不写则自动生成排比标题",
            );
        }
        if sec.points.is_empty() {
            continue;
        }
        w.key(
            2,
            "points",
            "要点",
            "二级要点（可选，0—9个）：（一）（二）……；不写则生成“一要……二要……”",
        );
        for p in &sec.points {
            w.item_field(
                3,
                "topic",
                "事项",
                &p.topic,
                "事项（必填）：本要点说的是什么",
            );
            if let Some(t) = &p.title {
                w.field(4, "title", "标题", t, "要点标题（可选）：原样使用");
            }
            if !p.facts.is_empty() {
                w.list(4, "facts", "事实", &p.facts, "事实和数字（可选）：原样写入");
            }
            if let Some(l) = &p.lead {
                w.field(4, "lead", "牵头", l, "牵头单位（可选）：由……牵头");
            }
            if !p.support.is_empty() {
                w.list(4, "support", "配合", &p.support, "配合单位（可选）：……配合");
            }
            if let Some(d) = p.deadline {
                w.field(
                    4,
                    "deadline",
                    "时限",
                    &d.format("%Y-%m-%d").to_string(),
                    "完成时限（可选，YYYY-MM-DD）：写成“6月底前”",
                );
            }
        }
    }

    w.key(0, "closing", "结尾", "结尾（可选）");
    w.field(1, "call", "号召", &s.call, "结尾号召（可选）：同志们，……！");
    w.key(0, "output", "输出", "输出（可选）");
    w.field(
        1,
        "length",
        "字数",
        "6000",
        "目标字数（可选，1500—30000，误差±10%）",
    );
    w.field(
        1,
        "seed",
        "种子",
        "1",
        "种子（可选）：换一个数得到另一稿；--seed 优先",
    );
    w.out
}

/// Writes YAML lines with aligned Chinese comments; each comment is written once, at the first
/// field it explains (the second figure, section or point is left uncluttered).
struct Writer {
    out: String,
    zh: bool,
    commented: std::collections::HashSet<String>,
}

/// The column comments start at (in display cells).
const COMMENT_COLUMN: usize = 44;

impl Writer {
    fn raw(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn name<'a>(&self, en: &'a str, zh: &'a str) -> &'a str {
        if self.zh { zh } else { en }
    }

    fn line(&mut self, text: String, comment: &str) {
        self.out.push_str(&text);
        if !comment.is_empty() && self.commented.insert(comment.to_string()) {
            let pad = COMMENT_COLUMN.saturating_sub(width(&text)).max(2);
            self.out.push_str(&" ".repeat(pad));
            self.out.push_str("# ");
            self.out.push_str(comment);
        }
        self.out.push('\n');
    }

    /// `key:` opening a mapping or list.
    fn key(&mut self, indent: usize, en: &str, zh: &str, comment: &str) {
        let text = format!("{}{}:", "  ".repeat(indent), self.name(en, zh));
        self.line(text, comment);
    }

    /// `key: value`
    fn field(&mut self, indent: usize, en: &str, zh: &str, value: &str, comment: &str) {
        let text = format!(
            "{}{}: {}",
            "  ".repeat(indent),
            self.name(en, zh),
            scalar(value)
        );
        self.line(text, comment);
    }

    /// `- key: value`, the first field of a list item (indented as the item's fields, less two).
    fn item_field(&mut self, indent: usize, en: &str, zh: &str, value: &str, comment: &str) {
        let text = format!(
            "{}- {}: {}",
            "  ".repeat(indent),
            self.name(en, zh),
            scalar(value)
        );
        self.line(text, comment);
    }

    /// `key: [a, b]`
    fn list(&mut self, indent: usize, en: &str, zh: &str, values: &[String], comment: &str) {
        let items: Vec<String> = values.iter().map(|v| scalar(v)).collect();
        let text = format!(
            "{}{}: [{}]",
            "  ".repeat(indent),
            self.name(en, zh),
            items.join(", ")
        );
        self.line(text, comment);
    }
}

/// Display width: CJK and other non-ASCII characters take two cells.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// A YAML scalar for `s`: plain when safe (also inside a flow list), double-quoted otherwise.
fn scalar(s: &str) -> String {
    let special = s.is_empty()
        || s.contains([':', '#', ',', '[', ']', '{', '}', '"', '\'', '\\'])
        || s.starts_with(['-', '?', '!', '&', '*', '|', '>', '%', '@', '`', ' '])
        || s.ends_with(' ');
    if special {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        s.to_string()
    }
}

/// The example content of a starter.
struct Starter {
    name: String,
    purposes: Vec<String>,
    earlier: Vec<String>,
    role: String,
    place: String,
    achievements: Vec<String>,
    figures: Vec<(String, String, String)>,
    problems: Vec<String>,
    sections: Vec<Sec>,
    call: String,
}

struct Sec {
    theme: &'static str,
    title: Option<String>,
    points: Vec<Pt>,
}

struct Pt {
    topic: String,
    title: Option<String>,
    facts: Vec<String>,
    lead: Option<String>,
    support: Vec<String>,
    deadline: Option<NaiveDate>,
}

fn v(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn sec(theme: &'static str, title: Option<&str>, points: Vec<Pt>) -> Sec {
    Sec {
        theme,
        title: title.map(str::to_string),
        points,
    }
}

fn pt(
    topic: &str,
    facts: &[&str],
    lead: Option<String>,
    support: Vec<String>,
    deadline: Option<NaiveDate>,
) -> Pt {
    Pt {
        topic: topic.to_string(),
        title: None,
        facts: v(facts),
        lead,
        support,
        deadline,
    }
}

fn titled(mut p: Pt, title: &str) -> Pt {
    p.title = Some(title.to_string());
    p
}

/// The last day of the month `months` after `d`'s month.
fn month_end_after(d: NaiveDate, months: u32) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
    first
        .checked_add_months(Months::new(months + 1))
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

/// Level words used in the example values.
struct Words {
    /// 县
    c: &'static str,
    /// 全县
    whole: String,
    /// The level above, for benchmarks: 市 for a county.
    upper: &'static str,
    /// The units below: 各镇 for a county.
    below: &'static str,
    level: Level,
}

impl Words {
    fn new(level: Level) -> Words {
        let (upper, below) = match level {
            Level::County => ("市", "各镇"),
            Level::City => ("省", "各县区"),
            Level::District => ("市", "各街道"),
            Level::Town => ("县", "各村"),
        };
        Words {
            c: level.char(),
            whole: level.whole(),
            upper,
            below,
            level,
        }
    }

    /// A department: 县发改局, or its town counterpart (镇经济发展办).
    fn unit(&self, base: &str) -> String {
        if self.level == Level::Town {
            let town = match base {
                "发改局" | "工信局" => "经济发展办",
                "自然资源局" => "自然资源所",
                "财政局" => "财政所",
                "农业农村局" => "农业综合服务站",
                "人社局" => "社会保障服务站",
                "教体局" => "中心学校",
                "卫健局" => "卫生院",
                "应急管理局" => "应急管理办",
                "司法局" => "司法所",
                "市场监管局" => "市场监管所",
                "住建局" => "村镇建设办",
                "公安局" => "派出所",
                "交通运输局" => "交通运输管理站",
                "政务服务中心" => "便民服务中心",
                "投资促进局" => "招商办",
                "统计局" => "统计站",
                "税务局" => "税务分局",
                "政府督查室" => "党政办",
                "政府办" => "党政办",
                other => other,
            };
            format!("镇{town}")
        } else {
            format!("{}{base}", self.c)
        }
    }

    fn lead(&self, base: &str) -> Option<String> {
        Some(self.unit(base))
    }

    fn units(&self, bases: &[&str]) -> Vec<String> {
        bases
            .iter()
            .map(|b| {
                if *b == "below" {
                    self.below.to_string()
                } else {
                    self.unit(b)
                }
            })
            .collect()
    }
}

impl Starter {
    fn of(kind: Kind, level: Level, date: NaiveDate) -> Starter {
        let w = Words::new(level);
        let y = date.year();
        let last = y - 1;
        let (c, whole, upper) = (w.c, w.whole.as_str(), w.upper);
        let d1 = month_end_after(date, 2);
        let d2 = month_end_after(date, 5);
        let d3 = if date.month() <= 9 {
            NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(d2)
        } else {
            month_end_after(date, 8)
        };
        let place = match level {
            Level::County => "汉阴县",
            Level::City => "安康市",
            Level::District => "汉滨区",
            Level::Town => "涧池镇",
        };
        let short: String = {
            let n = place.chars().count();
            place.chars().take(n.saturating_sub(1).max(2)).collect()
        };
        let gov = level.government();
        let role = format!("{c}长");
        let above = |s: &str| format!("{s}全{upper}平均");
        match kind {
            Kind::Plenary => Starter {
                name: format!("{y}年{gov}全体（扩大）会议暨廉政工作会议"),
                purposes: vec![
                    format!("总结{last}年政府工作"),
                    format!("安排部署{y}年重点任务"),
                    "推进政府系统党风廉政建设".into(),
                ],
                earlier: vec![
                    format!("各位副{c}长对分管工作作了具体安排"),
                    format!(
                        "{}派驻纪检监察组通报了政府系统党风廉政建设情况",
                        if level == Level::Town {
                            "镇纪委"
                        } else {
                            "纪委监委"
                        }
                    ),
                ],
                role,
                place: place.into(),
                achievements: vec![
                    format!("{whole}地区生产总值增长6.5%"),
                    "城乡居民人均可支配收入分别增长5.8%和7.6%".into(),
                ],
                figures: vec![
                    (
                        "规上工业增加值".into(),
                        "增长8.2%".into(),
                        format!("{}1.1个百分点", above("高于")),
                    ),
                    (
                        "固定资产投资".into(),
                        "增长10.3%".into(),
                        format!("{}2.4个百分点", above("高于")),
                    ),
                ],
                problems: v(&[
                    "项目储备不足，重大项目偏少",
                    "工业经济总量小、结构不优",
                    "部分干部担当作为不够",
                ]),
                sections: vec![
                    sec(
                        "项目建设",
                        Some("全力主攻项目建设，积极扩大有效投资"),
                        vec![
                            titled(
                                pt(
                                    "重点项目",
                                    &["全年实施重点项目120个，完成投资85亿元"],
                                    w.lead("发改局"),
                                    w.units(&["自然资源局", "below"]),
                                    Some(d1),
                                ),
                                "加快推进重点项目建设",
                            ),
                            pt(
                                "项目储备",
                                &["新谋划储备项目不少于200个"],
                                w.lead("发改局"),
                                vec![],
                                Some(d2),
                            ),
                        ],
                    ),
                    sec(
                        "产业发展",
                        None,
                        vec![
                            pt(
                                "特色农业",
                                &["新建标准化茶园5000亩"],
                                w.lead("农业农村局"),
                                w.units(&["below"]),
                                Some(d1),
                            ),
                            pt(
                                "工业园区",
                                &["新建标准化厂房10万平方米"],
                                w.lead("工信局"),
                                w.units(&["自然资源局"]),
                                None,
                            ),
                        ],
                    ),
                    sec(
                        "民生保障",
                        None,
                        vec![
                            pt(
                                "就业增收",
                                &["城镇新增就业2000人"],
                                w.lead("人社局"),
                                vec![],
                                Some(d3),
                            ),
                            pt(
                                "教育医疗",
                                &[],
                                w.lead("教体局"),
                                w.units(&["卫健局"]),
                                Some(d2),
                            ),
                        ],
                    ),
                    sec("廉政建设", None, vec![]),
                ],
                call: format!("奋力谱写{short}高质量发展新篇章"),
            },
            Kind::Economy => Starter {
                name: format!("{y}年{whole}经济运行分析会"),
                purposes: v(&[
                    "分析当前经济运行形势",
                    "安排部署下一阶段经济工作",
                    "确保全年目标任务圆满完成",
                ]),
                earlier: vec![
                    format!("{}通报了{whole}经济运行情况", w.unit("统计局")),
                    "发改、工信、农业农村等部门作了交流发言".into(),
                ],
                role,
                place: place.into(),
                achievements: vec![
                    format!("今年以来，{whole}主要经济指标保持稳中有进"),
                    "规上工业总产值增长7.1%".into(),
                ],
                figures: vec![
                    (
                        "地区生产总值".into(),
                        "增长5.6%".into(),
                        format!("{}0.4个百分点", above("高于")),
                    ),
                    (
                        "社会消费品零售总额".into(),
                        "增长6.8%".into(),
                        format!("{}0.9个百分点", above("高于")),
                    ),
                    (
                        "固定资产投资".into(),
                        "增长4.1%".into(),
                        "低于年度目标1.9个百分点".into(),
                    ),
                ],
                problems: v(&[
                    "工业增长后劲不足",
                    "部分项目开工率偏低",
                    "财政收支平衡压力较大",
                ]),
                sections: vec![
                    sec(
                        "形势分析",
                        Some("正视困难挑战，坚定做好经济工作的信心决心"),
                        vec![],
                    ),
                    sec(
                        "项目建设",
                        None,
                        vec![
                            titled(
                                pt(
                                    "项目开工",
                                    &["新开工项目45个，开工率达到85%"],
                                    w.lead("发改局"),
                                    w.units(&["自然资源局", "住建局"]),
                                    Some(d1),
                                ),
                                "加快项目开工建设",
                            ),
                            pt(
                                "投资入库",
                                &[],
                                w.lead("统计局"),
                                w.units(&["发改局"]),
                                Some(d1),
                            ),
                        ],
                    ),
                    sec(
                        "企业帮扶",
                        None,
                        vec![
                            pt(
                                "规上企业培育",
                                &["新增规上工业企业12户"],
                                w.lead("工信局"),
                                vec![],
                                Some(d3),
                            ),
                            pt(
                                "要素保障",
                                &[],
                                w.lead("财政局"),
                                w.units(&["人社局", "自然资源局"]),
                                None,
                            ),
                        ],
                    ),
                    sec(
                        "财政金融",
                        None,
                        vec![pt(
                            "财税征管",
                            &["一般公共预算收入增长5%"],
                            w.lead("财政局"),
                            w.units(&["税务局"]),
                            Some(d3),
                        )],
                    ),
                ],
                call: "确保全年经济社会发展目标任务圆满完成".into(),
            },
            Kind::KeyWork => {
                let rural = if y <= 2020 {
                    "脱贫攻坚"
                } else {
                    "乡村振兴"
                };
                Starter {
                    name: format!("{y}年{whole}重点工作推进会"),
                    purposes: v(&[
                        "通报重点工作进展情况",
                        "查找差距和不足",
                        "安排部署下一步工作",
                    ]),
                    earlier: vec![
                        format!("{}通报了重点工作推进情况", w.unit("政府督查室")),
                        "各牵头单位作了表态发言".into(),
                    ],
                    role,
                    place: place.into(),
                    achievements: vec![format!("{whole}48项重点工作中，39项达到序时进度")],
                    figures: vec![
                        (
                            "重点项目投资完成率".into(),
                            "62%".into(),
                            "超序时进度4个百分点".into(),
                        ),
                        (
                            "民生实事完成率".into(),
                            "70%".into(),
                            "超序时进度2个百分点".into(),
                        ),
                    ],
                    problems: v(&[
                        "个别项目前期工作滞后",
                        "部分单位协调配合不够",
                        "督查问效力度还需加大",
                    ]),
                    sections: vec![
                        sec(
                            "项目建设",
                            Some("聚焦项目攻坚，全力扩大有效投资"),
                            vec![
                                titled(
                                    pt(
                                        "重点项目",
                                        &["全年实施重点项目80个，完成投资60亿元"],
                                        w.lead("发改局"),
                                        w.units(&["自然资源局", "below"]),
                                        Some(d1),
                                    ),
                                    "加快推进重点项目建设",
                                ),
                                pt(
                                    "要素保障",
                                    &[],
                                    w.lead("自然资源局"),
                                    w.units(&["财政局"]),
                                    Some(d2),
                                ),
                            ],
                        ),
                        sec(
                            rural,
                            None,
                            vec![
                                pt(
                                    "人居环境整治",
                                    &["完成农村户厕改造1500户"],
                                    w.lead("农业农村局"),
                                    w.units(&["below"]),
                                    Some(d2),
                                ),
                                pt("特色产业", &[], w.lead("农业农村局"), vec![], None),
                            ],
                        ),
                        sec(
                            "城乡建设",
                            None,
                            vec![pt(
                                "老旧小区改造",
                                &["改造老旧小区12个"],
                                w.lead("住建局"),
                                w.units(&["财政局"]),
                                Some(d3),
                            )],
                        ),
                        sec(
                            "抓落实",
                            Some("压实工作责任，确保各项重点工作落地见效"),
                            vec![],
                        ),
                    ],
                    call: "以实干实绩推动各项重点工作落地见效".into(),
                }
            }
            Kind::RuleOfLaw => Starter {
                name: format!("{y}年{gov}依法行政工作会议"),
                purposes: vec![
                    format!("总结{last}年法治政府建设工作"),
                    format!("安排部署{y}年依法行政重点任务"),
                ],
                earlier: vec![
                    format!("{}通报了{last}年法治政府建设考核情况", w.unit("司法局")),
                    format!("{}作了交流发言", w.unit("市场监管局")),
                ],
                role,
                place: place.into(),
                achievements: v(&[
                    "重大行政决策合法性审查实现全覆盖",
                    "行政复议纠错率下降至3.2%",
                ]),
                figures: vec![
                    (
                        "行政机关负责人出庭应诉率".into(),
                        "100%".into(),
                        format!("{}6个百分点", above("高于")),
                    ),
                    (
                        "行政诉讼败诉率".into(),
                        "2.1%".into(),
                        format!("{}1.5个百分点", above("低于")),
                    ),
                ],
                problems: v(&[
                    "部分执法人员依法行政意识不强",
                    "行政执法监督还有薄弱环节",
                    "基层法治力量相对不足",
                ]),
                sections: vec![
                    sec(
                        "依法行政",
                        Some("坚持依法决策，提升政府治理法治化水平"),
                        vec![
                            titled(
                                pt(
                                    "重大行政决策",
                                    &["重大行政决策事项全部经过合法性审查"],
                                    w.lead("司法局"),
                                    w.units(&["政府办"]),
                                    Some(d2),
                                ),
                                "严格落实重大行政决策程序",
                            ),
                            pt(
                                "行政执法规范",
                                &[],
                                w.lead("司法局"),
                                w.units(&["市场监管局", "公安局"]),
                                Some(d3),
                            ),
                        ],
                    ),
                    sec(
                        "营商环境",
                        None,
                        vec![
                            pt(
                                "政务服务",
                                &["政务服务事项网上可办率达到95%"],
                                w.lead("政务服务中心"),
                                vec![],
                                Some(d1),
                            ),
                            pt("涉企执法", &[], w.lead("市场监管局"), vec![], None),
                        ],
                    ),
                    sec(
                        "社会治理",
                        None,
                        vec![pt(
                            "矛盾纠纷化解",
                            &["矛盾纠纷调解成功率达到98%"],
                            w.lead("司法局"),
                            w.units(&["公安局", "below"]),
                            Some(d3),
                        )],
                    ),
                    sec("作风建设", None, vec![]),
                ],
                call: format!("为建设更高水平的法治{short}作出新的更大贡献"),
            },
            Kind::Safety => Starter {
                name: format!("{y}年{whole}安全生产工作会议"),
                purposes: v(&[
                    "传达学习上级安全生产工作会议精神",
                    "通报安全生产形势",
                    "部署当前和今后一个时期安全生产工作",
                ]),
                earlier: vec![
                    format!("{}通报了{last}年安全生产工作情况", w.unit("应急管理局")),
                    "相关部门作了表态发言".into(),
                ],
                role,
                place: place.into(),
                achievements: vec![
                    format!("{last}年{whole}生产安全事故起数同比下降18%"),
                    "未发生较大及以上生产安全事故".into(),
                ],
                figures: vec![
                    (
                        "生产安全事故死亡人数".into(),
                        "同比下降21%".into(),
                        format!("{}5个百分点", above("降幅高于")),
                    ),
                    (
                        "重大隐患整改率".into(),
                        "98.6%".into(),
                        format!("{}1.2个百分点", above("高于")),
                    ),
                ],
                problems: v(&[
                    "部分企业主体责任落实不到位",
                    "道路交通和建筑施工领域风险较高",
                    "基层安全监管力量薄弱",
                ]),
                sections: vec![
                    sec(
                        "安全生产",
                        Some("压紧压实责任，坚决筑牢安全生产防线"),
                        vec![
                            titled(
                                pt(
                                    "隐患排查整治",
                                    &["全年排查整治各类隐患1200处"],
                                    w.lead("应急管理局"),
                                    w.units(&["below"]),
                                    Some(d1),
                                ),
                                "深入开展隐患排查整治",
                            ),
                            pt(
                                "道路交通安全",
                                &[],
                                w.lead("公安局"),
                                w.units(&["交通运输局"]),
                                Some(d2),
                            ),
                            pt("建筑施工安全", &[], w.lead("住建局"), vec![], Some(d2)),
                        ],
                    ),
                    sec(
                        "社会治理",
                        None,
                        vec![pt(
                            "应急处置能力",
                            &["组织综合应急演练20场"],
                            w.lead("应急管理局"),
                            w.units(&["below"]),
                            Some(d3),
                        )],
                    ),
                    sec("抓落实", None, vec![]),
                ],
                call: format!("为{short}高质量发展创造安全稳定的环境"),
            },
            Kind::Investment => Starter {
                name: format!("{y}年{whole}招商引资暨优化营商环境工作会议"),
                purposes: vec![
                    format!("总结{last}年招商引资和营商环境工作"),
                    "表彰先进".into(),
                    format!("部署{y}年重点任务"),
                ],
                earlier: vec![
                    format!("{}通报了{last}年招商引资完成情况", w.unit("投资促进局")),
                    "受表彰单位代表作了发言".into(),
                ],
                role,
                place: place.into(),
                achievements: vec![format!("{last}年{whole}新签约项目86个，协议引资210亿元")],
                figures: vec![
                    ("到位资金".into(), "132亿元".into(), "同比增长15.6%".into()),
                    (
                        "营商环境评价".into(),
                        format!("位列全{upper}第3位"),
                        "较上年提升2个位次".into(),
                    ),
                ],
                problems: v(&[
                    "招引项目个头偏小",
                    "产业链招商还不够精准",
                    "项目落地服务有待加强",
                ]),
                sections: vec![
                    sec(
                        "招商引资",
                        Some("坚持招商引资“一号工程”，全力引进大项目好项目"),
                        vec![
                            titled(
                                pt(
                                    "产业链招商",
                                    &["全年新签约亿元以上项目50个"],
                                    w.lead("投资促进局"),
                                    w.units(&["工信局", "below"]),
                                    Some(d3),
                                ),
                                "精准开展产业链招商",
                            ),
                            pt("项目落地", &[], w.lead("发改局"), vec![], Some(d2)),
                        ],
                    ),
                    sec(
                        "营商环境",
                        None,
                        vec![
                            pt(
                                "政务服务",
                                &["企业开办时间压缩至1个工作日"],
                                w.lead("政务服务中心"),
                                vec![],
                                Some(d1),
                            ),
                            pt("涉企服务", &[], w.lead("市场监管局"), vec![], None),
                        ],
                    ),
                    sec(
                        "产业发展",
                        None,
                        vec![pt(
                            "园区承载",
                            &["新建标准化厂房8万平方米"],
                            w.lead("工信局"),
                            w.units(&["自然资源局"]),
                            Some(d3),
                        )],
                    ),
                    sec("企业帮扶", None, vec![]),
                ],
                call: format!("为{short}高质量发展注入强劲动能"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_parse_with_english_and_chinese_keys() {
        let themes: Vec<String> = [
            "项目建设",
            "产业发展",
            "民生保障",
            "廉政建设",
            "形势分析",
            "企业帮扶",
            "财政金融",
            "乡村振兴",
            "脱贫攻坚",
            "城乡建设",
            "抓落实",
            "依法行政",
            "营商环境",
            "社会治理",
            "作风建设",
            "安全生产",
            "招商引资",
        ]
        .map(String::from)
        .to_vec();
        let date = NaiveDate::from_ymd_opt(2024, 11, 5).unwrap();
        for kind in Kind::ALL {
            for level in Level::ALL {
                let en = starter(kind, level, date, false);
                let zh = starter(kind, level, date, true);
                let a = crate::spec::parse(&en, "en.yaml", &themes)
                    .unwrap_or_else(|e| panic!("{e}\n{en}"));
                let b = crate::spec::parse(&zh, "zh.yaml", &themes)
                    .unwrap_or_else(|e| panic!("{e}\n{zh}"));
                assert_eq!(a.spec, {
                    let mut s = b.spec.clone();
                    s.meeting.kind = a.spec.meeting.kind.clone();
                    s
                });
                assert_eq!(a.kind, kind);
                assert_eq!(b.kind, kind);
                assert_eq!(a.level, level);
                assert!(zh.contains("会议:") && !zh.contains("meeting:"), "{zh}");
                // Every contract field is present.
                for key in [
                    "name:",
                    "date:",
                    "kind:",
                    "purposes:",
                    "earlier:",
                    "role:",
                    "level:",
                    "achievements:",
                    "indicator:",
                    "value:",
                    "benchmark:",
                    "problems:",
                    "theme:",
                    "title:",
                    "topic:",
                    "facts:",
                    "lead:",
                    "support:",
                    "deadline:",
                    "call:",
                    "length:",
                    "seed:",
                ] {
                    assert!(en.contains(key), "{kind:?} lacks {key}");
                }
                // Every deadline is after the meeting.
                for d in a.deadlines.iter().flatten().flatten() {
                    assert!(*d > date);
                }
            }
        }
    }

    #[test]
    fn scalars_are_quoted_only_when_needed() {
        assert_eq!(
            scalar("全县地区生产总值增长6.5%"),
            "全县地区生产总值增长6.5%"
        );
        assert_eq!(scalar("a, b"), "\"a, b\"");
        assert_eq!(scalar("x: y"), "\"x: y\"");
    }
}
