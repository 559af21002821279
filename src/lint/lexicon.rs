//! The lexicon rules: terms out of their era, congresses and plenums held after the meeting, and
//! non-standard expressions (规范表述); and the meeting's date as the draft's title and date line
//! give it.

use super::Finding;
use crate::corpus::LineSource;
use chrono::Datelike;

/// The meeting month from the date line of a draft (（2024年2月26日）).
pub fn month_of(lines: &(impl LineSource + ?Sized)) -> Option<u32> {
    for l in lines.iter().take(4) {
        if let Some(i) = l.find('年') {
            let rest = &l[i + '年'.len_utf8()..];
            if let Some(j) = rest.find('月') {
                let m: String = rest[..j].chars().filter(|c| c.is_ascii_digit()).collect();
                if let Ok(m) = m.parse::<u32>()
                    && (1..=12).contains(&m)
                    && rest[..j].chars().all(|c| c.is_ascii_digit())
                {
                    return Some(m);
                }
            }
        }
    }
    None
}

/// Terms used out of their era (the era lexicon), references to congresses and plenary
/// sessions held after the meeting (the political calendar) and non-standard expressions (规范表述).
/// `at` is the meeting's month when known; `year` alone judges by the year; `on` is the meeting day
/// (or the last day it can be). `errors_only` leaves out the rules that can only warn (seasons,
/// expressions).
#[allow(clippy::too_many_arguments)]
pub(super) fn check_lexicon(
    lines: &(impl LineSource + ?Sized),
    year: Option<i32>,
    at: Option<crate::lexicon::YearMonth>,
    on: Option<chrono::NaiveDate>,
    exact_day: bool,
    spec_texts: &[String],
    errors_only: bool,
    f: &mut Vec<Finding>,
) {
    let lx = crate::lexicon::lexicon();
    // The spec's own words out of era are the writer's to check: a warning, not a refusal.
    let from_spec = |l: &str, what: &str| {
        spec_texts
            .iter()
            .any(|t| t.contains(what) && l.contains(t.as_str()))
    };
    let shown = match (on, at, year) {
        (Some(d), _, _) if exact_day => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        (_, Some(m), _) => m.to_string(),
        (_, _, Some(y)) => format!("{y}年"),
        _ => String::new(),
    };
    for (i, l) in lines.iter().enumerate() {
        if let Some(y) = year {
            for u in lx.era.uses(l) {
                let out = match at {
                    Some(at) => !u.term.span.contains(at),
                    None => !u.term.span.meets_year(y),
                };
                if out {
                    let what = &l[u.start..u.end];
                    let message = format!(
                        "`{what}` belongs to {} ({}), not to a speech of {shown}",
                        u.term.span, u.term.source
                    );
                    f.push(if from_spec(l, what) {
                        Finding::warning("era", i + 1, format!("{message} — the spec's own words"))
                    } else {
                        Finding::error("era", i + 1, message)
                    });
                }
            }
        }
        // A farming season named out of its months (抓好夏粮抢收 in a March speech); the
        // spec's own words are the writer's.
        if let Some(at) = at
            && !errors_only
            && let Some((w, from, to)) = crate::lexicon::season::out_of_season(l, at.month)
            && !from_spec(l, w)
        {
            f.push(Finding::warning(
                "season",
                i + 1,
                format!("`{w}` is said from {from}月 to {to}月, not in a speech of {shown}"),
            ));
        }
        if let Some(on) = on {
            for (e, _) in lx.calendar.later_mentions(l, on) {
                let when = if e.end > e.date {
                    format!(
                        "{}–{}",
                        e.date.format("%Y年%-m月%-d日"),
                        e.end.format("%-m月%-d日")
                    )
                } else {
                    e.date.format("%Y年%-m月%-d日").to_string()
                };
                f.push(Finding::error(
                    "later-event",
                    i + 1,
                    format!("{} was held {when}, after this speech of {shown}", e.name),
                ));
            }
        }
        if errors_only {
            continue;
        }
        for (e, _) in lx.expressions.find(l, on) {
            let why = if e.note.is_empty() {
                String::new()
            } else {
                format!("（{}）", e.note)
            };
            f.push(Finding::warning(
                "expression",
                i + 1,
                format!("write {} for {}{why} — {}", e.right, e.wrong, e.source),
            ));
        }
    }
}

/// The meeting day read from the title or the date line: the first 20XX年M月D日 in the first lines.
pub fn date_of(lines: &(impl LineSource + ?Sized)) -> Option<chrono::NaiveDate> {
    for l in lines.iter().take(4) {
        let chars: Vec<char> = l.chars().collect();
        for (k, w) in chars.windows(5).enumerate() {
            if w[4] == '年' && w[..4].iter().all(|c| c.is_ascii_digit()) {
                let rest: String = chars[k + 5..].iter().take(6).collect();
                let y: i32 = w[..4].iter().collect::<String>().parse().ok()?;
                let (m, rest) = rest.split_once('月')?;
                let (d, _) = rest.split_once('日')?;
                return chrono::NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?);
            }
        }
    }
    None
}

/// The meeting year read from the title or the date line: the first 20XX年 (or （20XX年) in the first lines.
pub fn year_of(lines: &(impl LineSource + ?Sized)) -> Option<i32> {
    for l in lines.iter().take(4) {
        let chars: Vec<char> = l.chars().collect();
        for w in chars.windows(5) {
            if w[4] == '年' && w[..4].iter().all(|c| c.is_ascii_digit()) {
                let y: String = w[..4].iter().collect();
                return y.parse().ok();
            }
        }
    }
    None
}
