//! Dates in a spec: the meeting's (YYYY-MM-DD, YYYY/MM/DD, 2024年2月26日), the years wengao
//! drafts, and a point's deadline as a speech says it (6月底前, 年底前, 三季度末前).

use chrono::{Datelike, NaiveDate};

/// The years a meeting may be dated: 2016 (the first year of 十三五, where the era lexicon and the
/// political calendar start to cover a county speech's usage) to 2030 (the last of 十五五, where
/// the phrasebank's eras end). A 2035 meeting drew on phrases that end in 2030 and half the drafts
/// failed their checks blaming the phrasebank; it is refused at the date instead. The planner
/// drafts 2016–2017 with the entries the era lexicon allows then (tests/lexicon.rs).
pub const DRAFT_YEARS: std::ops::RangeInclusive<i32> = 2016..=2030;

/// Why a date did not parse: not a date at all, or a real date outside 1949–2100.
pub(crate) fn date_problem(s: &str) -> String {
    let t = s.trim();
    let real = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y/%m/%d"))
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y年%m月%d日"));
    match real {
        Ok(d) => format!(
            "`{s}` is a real date, but its year {} is outside 1949–2100",
            d.year()
        ),
        Err(_) => format!("`{s}` is not a real date"),
    }
}

/// Parse YYYY-MM-DD (also YYYY/MM/DD and 2024年2月26日) into a real date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y/%m/%d"))
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y年%m月%d日"))
        .ok()
        .filter(|d| (1949..=2100).contains(&d.year()))
}

/// A point's deadline: a date as [`parse_date`] reads it, or as a speech says it — 6月底前, 6月30日前,
/// 2025年3月底前, 年底前, 年内, 上半年, 三季度末前, 十月底前. Without a year, the meeting's year, or the
/// next when that day is already past at the meeting (a November meeting's 3月底前).
pub fn parse_deadline(s: &str, meeting: Option<NaiveDate>) -> Option<NaiveDate> {
    if let Some(d) = parse_date(s) {
        return Some(d);
    }
    let t = s.trim();
    let t = t.strip_suffix('前').unwrap_or(t);
    let (year, rest) = match t.split_once('年') {
        Some((y, r)) if !y.is_empty() && y.chars().all(|c| c.is_ascii_digit()) => {
            (Some(y.parse::<i32>().ok()?), r)
        }
        _ => (None, t),
    };
    let num = |x: &str| -> Option<u32> {
        x.parse::<u32>()
            .ok()
            .or_else(|| crate::numerals::parse_chinese(x))
    };
    let (month, day) = match rest {
        "底" | "末" | "内" | "" if year.is_some() || !rest.is_empty() => (12, None),
        "年底" | "年末" | "年内" => (12, None),
        "上半年" | "半年" => (6, None),
        _ => {
            let quarter = ["季度末", "季度底"]
                .iter()
                .find_map(|q| rest.strip_suffix(q))
                .map(|q| q.strip_prefix('第').unwrap_or(q));
            if let Some(q) = quarter {
                let q = num(q).filter(|q| (1..=4).contains(q))?;
                (q * 3, None)
            } else {
                let (m, d) = rest.split_once('月')?;
                let m = num(m).filter(|m| (1..=12).contains(m))?;
                match d {
                    "底" | "末" | "" => (m, None),
                    _ => {
                        let d = d.strip_suffix('日').or_else(|| d.strip_suffix('号'))?;
                        (m, Some(num(d)?))
                    }
                }
            }
        }
    };
    let date_in = |y: i32| -> Option<NaiveDate> {
        match day {
            Some(d) => NaiveDate::from_ymd_opt(y, month, d),
            None => {
                let (ny, nm) = if month == 12 {
                    (y + 1, 1)
                } else {
                    (y, month + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
            }
        }
    };
    match (year, meeting) {
        (Some(y), _) => date_in(y),
        (None, Some(m)) => {
            let d = date_in(m.year())?;
            if d < m {
                date_in(m.year() + 1)
            } else {
                Some(d)
            }
        }
        (None, None) => None,
    }
    .filter(|d| (1949..=2100).contains(&d.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_as_a_speech_says_them() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let m = d(2024, 2, 26);
        for (s, want) in [
            ("2024-06-30", d(2024, 6, 30)),
            ("6月底前", d(2024, 6, 30)),
            ("6月底", d(2024, 6, 30)),
            ("六月底前", d(2024, 6, 30)),
            ("6月15日前", d(2024, 6, 15)),
            ("年底前", d(2024, 12, 31)),
            ("年内", d(2024, 12, 31)),
            ("上半年", d(2024, 6, 30)),
            ("三季度末前", d(2024, 9, 30)),
            ("第一季度末", d(2024, 3, 31)),
            ("2025年3月底前", d(2025, 3, 31)),
            ("2025年底前", d(2025, 12, 31)),
            // Already past at a February meeting: next year's January.
            ("1月底前", d(2025, 1, 31)),
        ] {
            assert_eq!(parse_deadline(s, m), want, "{s}");
        }
        for s in [
            "6月32日前",
            "13月底前",
            "五季度末",
            "尽快",
            "月底前",
            "2024年13月底",
        ] {
            assert_eq!(parse_deadline(s, m), None, "{s}");
        }
        assert_eq!(parse_deadline("6月底前", None), None);
    }
}
