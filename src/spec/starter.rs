//! Starter specs: one data file a kind of meeting (`starters/*.yaml`, built into the binary),
//! filled in for a level of place and a meeting date, then written with every key explained.
//!
//! A starter holds every field of the contract with realistic example values. What depends on
//! the place and the date is written as a placeholder the filling replaces:
//!
//! | placeholder | county, 2024-11-05 | town |
//! |---|---|---|
//! | `${y}`, `${last}` | 2024, 2023 | |
//! | `${date}` | the meeting date | |
//! | `${d1}` `${d2}` `${d3}` | deadlines: the end of the month 2 and 5 months on, and the year's end (8 months on after September) | |
//! | `${c}` `${whole}` `${gov}` | 县, 全县, 县政府 | 镇, 全镇, 镇政府 |
//! | `${upper}` `${below}` | 市, 各镇 (the level above, the units below) | 县, 各村 |
//! | `${place}` `${short}` | 汉阴县, 汉阴 | 涧池镇, 涧池 |
//! | `${unit:发改局}` | 县发改局 | 镇经济发展办 (the town's counterpart) |
//! | `${discipline}` | 纪委监委 | 镇纪委 |
//! | `${rural}` | 乡村振兴 (脱贫攻坚 until 2020) | |
//!
//! The filled text is read as a [`Spec`] and written by [`super::write::Writer`], so a starter
//! and a spec written any other way share their layout, quoting and key names.

use chrono::{Datelike, Months, NaiveDate};

use super::write::Writer;
use super::{Kind, Level, Spec};
use crate::{Diagnostic, Result};

/// The data file of a kind of meeting: its name (for messages) and its text.
fn data(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Plenary => (
            "starters/plenary.yaml",
            include_str!("../../starters/plenary.yaml"),
        ),
        Kind::Economy => (
            "starters/economy.yaml",
            include_str!("../../starters/economy.yaml"),
        ),
        Kind::KeyWork => (
            "starters/key_work.yaml",
            include_str!("../../starters/key_work.yaml"),
        ),
        Kind::RuleOfLaw => (
            "starters/rule_of_law.yaml",
            include_str!("../../starters/rule_of_law.yaml"),
        ),
        Kind::Safety => (
            "starters/safety.yaml",
            include_str!("../../starters/safety.yaml"),
        ),
        Kind::Investment => (
            "starters/investment.yaml",
            include_str!("../../starters/investment.yaml"),
        ),
    }
}

/// The starter spec text for a kind, level and meeting date; `chinese` writes Chinese keys.
pub fn starter(kind: Kind, level: Level, date: NaiveDate, chinese: bool) -> Result<String> {
    let (file, text) = data(kind);
    let filled = fill(text, &Place::new(level, date)).map_err(|m| Diagnostic::new(file, m))?;
    let mut spec: Spec = serde_yaml::from_str(&filled)
        .map_err(|e| Diagnostic::new(file, format!("the built-in starter does not read: {e}")))?;
    if chinese {
        spec.meeting.kind = Some(super::Text(kind.label().to_string()));
    }
    let mut w = Writer::explained(chinese);
    w.comment(
        0,
        &format!(
            "wengao 讲话稿规格：{}（{}）。由 `wengao new` 生成。",
            kind.label(),
            kind.name()
        ),
    );
    w.comment(
        0,
        "把下面的示例值改成本次会议的事实，然后运行：wengao draft 本文件.yaml",
    );
    w.comment(
        0,
        "标“可选”的字段可以删除；字段说明见 docs/spec.md。每个值都按原样写入讲话稿。",
    );
    w.blank();
    w.spec(&spec);
    Ok(w.finish())
}

/// Replaces every `${name}` of `text`; an unknown name is an error naming it.
fn fill(text: &str, place: &Place) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("${") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after
            .find('}')
            .ok_or_else(|| format!("`${{` without its `}}`: {}", &rest[i..]))?;
        let name = &after[..end];
        out.push_str(
            &place
                .value(name)
                .ok_or_else(|| format!("unknown placeholder `${{{name}}}`"))?,
        );
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The words of a level of place at a meeting date, for the placeholders.
struct Place {
    level: Level,
    date: NaiveDate,
}

impl Place {
    fn new(level: Level, date: NaiveDate) -> Place {
        Place { level, date }
    }

    fn value(&self, name: &str) -> Option<String> {
        let (level, date) = (self.level, self.date);
        let y = date.year();
        if let Some(base) = name.strip_prefix("unit:") {
            return Some(self.unit(base));
        }
        Some(match name {
            "y" => y.to_string(),
            "last" => (y - 1).to_string(),
            "date" => ymd(date),
            "d1" => ymd(month_end_after(date, 2)),
            "d2" => ymd(month_end_after(date, 5)),
            "d3" => ymd(if date.month() <= 9 {
                NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(month_end_after(date, 5))
            } else {
                month_end_after(date, 8)
            }),
            "c" => level.char().to_string(),
            "whole" => level.whole(),
            "gov" => level.government().to_string(),
            "upper" => match level {
                Level::County | Level::District => "市",
                Level::City => "省",
                Level::Town => "县",
            }
            .to_string(),
            "below" => match level {
                Level::County => "各镇",
                Level::City => "各县区",
                Level::District => "各街道",
                Level::Town => "各村",
            }
            .to_string(),
            "place" => place_name(level).to_string(),
            "short" => {
                let p = place_name(level);
                let n = p.chars().count();
                p.chars().take(n.saturating_sub(1).max(2)).collect()
            }
            "discipline" => if level == Level::Town {
                "镇纪委"
            } else {
                "纪委监委"
            }
            .to_string(),
            "rural" => if y <= 2020 {
                "脱贫攻坚"
            } else {
                "乡村振兴"
            }
            .to_string(),
            _ => return None,
        })
    }

    /// A department: 县发改局, or its town counterpart (镇经济发展办).
    fn unit(&self, base: &str) -> String {
        if self.level != Level::Town {
            return format!("{}{base}", self.level.char());
        }
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
            "政府督查室" | "政府办" => "党政办",
            other => other,
        };
        format!("镇{town}")
    }
}

/// The example place of a level.
fn place_name(level: Level) -> &'static str {
    match level {
        Level::County => "汉阴县",
        Level::City => "安康市",
        Level::District => "汉滨区",
        Level::Town => "涧池镇",
    }
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The last day of the month `months` after `d`'s month.
fn month_end_after(d: NaiveDate, months: u32) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
    first
        .checked_add_months(Months::new(months + 1))
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn themes() -> Vec<String> {
        [
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
        .to_vec()
    }

    #[test]
    fn starters_parse_with_english_and_chinese_keys() {
        let themes = themes();
        let date = NaiveDate::from_ymd_opt(2024, 11, 5).unwrap();
        for kind in Kind::ALL {
            for level in Level::ALL {
                let en = starter(kind, level, date, false).unwrap();
                let zh = starter(kind, level, date, true).unwrap();
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
                // The level's words, not the county's, in a town's starter.
                if level == Level::Town {
                    assert!(en.contains("lead: 镇") && !en.contains("lead: 县"), "{en}");
                }
            }
        }
    }

    #[test]
    fn placeholders_are_filled_or_refused() {
        let p = Place::new(Level::Town, NaiveDate::from_ymd_opt(2020, 10, 9).unwrap());
        assert_eq!(
            fill("${whole}${unit:发改局}${rural}${d3}", &p).unwrap(),
            "全镇镇经济发展办脱贫攻坚2021-06-30"
        );
        assert!(fill("${nope}", &p).unwrap_err().contains("`${nope}`"));
        assert!(fill("${y", &p).is_err());
    }
}
