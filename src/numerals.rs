//! Chinese numerals and dates as speeches write them.
//!
//! `chinese(3)` is 三, `chinese(12)` is 十二, `chinese(20)` 二十; dates are written 2024年3月5日,
//! and deadlines 6月底前 (the last day of a month), 6月15日前 otherwise. These back the Tera
//! filters `cn`, `ordinal`, `date_cn` and `deadline` and are used by the parser to read numbers back.

use chrono::{Datelike, NaiveDate};

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// The Chinese numeral for `n` (0–99 as speeches write them; larger numbers digit by digit).
/// A count before a measure word: 两 for 2 (两点, 两个方面), else [`chinese`] (三点, 十二项).
pub fn count_cn(n: u32) -> String {
    if n == 2 {
        "两".to_string()
    } else {
        chinese(n)
    }
}

pub fn chinese(n: u32) -> String {
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[(n % 10) as usize]),
        20..=99 => {
            let tens = DIGITS[(n / 10) as usize];
            if n % 10 == 0 {
                format!("{tens}十")
            } else {
                format!("{tens}十{}", DIGITS[(n % 10) as usize])
            }
        }
        _ => n
            .to_string()
            .chars()
            .map(|c| DIGITS[c.to_digit(10).unwrap_or(0) as usize])
            .collect(),
    }
}

/// The value of a Chinese numeral of the form `chinese` writes (一 … 九十九), or `None`.
pub fn parse_chinese(s: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        DIGITS
            .iter()
            .position(|d| d.starts_with(c))
            .map(|p| p as u32)
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', d] => Some(10 * digit(*t)? + digit(*d)?),
        [d] => digit(*d),
        _ => None,
    }
}

/// 2024年3月5日
pub fn date_cn(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// A deadline as a speech says it: 6月底前 for a month's last day, 6月15日前 otherwise;
/// with the year (2025年6月底前) when it is not the meeting's year.
pub fn deadline_cn(d: NaiveDate, meeting_year: i32) -> String {
    let last_day = last_day_of_month(d.year(), d.month());
    let year_end = d.month() == 12 && d.day() == last_day;
    let md = if year_end {
        String::new()
    } else if d.day() == last_day {
        format!("{}月底前", d.month())
    } else {
        format!("{}月{}日前", d.month(), d.day())
    };
    match (d.year() == meeting_year, year_end) {
        (true, true) => "年底前".to_string(),
        (true, false) => md,
        (false, true) => format!("{}年底前", d.year()),
        (false, false) => format!("{}年{md}", d.year()),
    }
}

fn last_day_of_month(year: i32, month: u32) -> u32 {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .map(|d| d.day())
        .unwrap_or(28)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_round_trip() {
        for n in 1..=99 {
            assert_eq!(parse_chinese(&chinese(n)), Some(n), "{n}");
        }
        assert_eq!(chinese(3), "三");
        assert_eq!(chinese(10), "十");
        assert_eq!(chinese(19), "十九");
        assert_eq!(chinese(40), "四十");
        assert_eq!(parse_chinese("二十一"), Some(21));
        assert_eq!(parse_chinese("百"), None);
    }

    #[test]
    fn deadlines() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(deadline_cn(d(2024, 6, 30), 2024), "6月底前");
        assert_eq!(deadline_cn(d(2024, 2, 29), 2024), "2月底前");
        assert_eq!(deadline_cn(d(2024, 6, 15), 2024), "6月15日前");
        assert_eq!(deadline_cn(d(2024, 12, 31), 2024), "年底前");
        assert_eq!(deadline_cn(d(2025, 12, 31), 2024), "2025年底前");
        assert_eq!(deadline_cn(d(2025, 3, 31), 2024), "2025年3月底前");
        assert_eq!(date_cn(d(2024, 3, 5)), "2024年3月5日");
    }
}
