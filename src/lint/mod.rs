//! Checks on a draft: what a county office writer checks in one reading, made mechanical.
//!
//! The linter works on a [`Speech`] parsed from the draft's text (by the same parser `outline`
//! uses) and on the text itself, so it judges a generated draft and a writer's edited one alike.
//! Each finding has a rule name, a severity and a 1-based line. Rules:
//!
//! | rule | what |
//! | --- | --- |
//! | `title` | a title line 在…上的讲话 |
//! | `salutation` | 同志们： |
//! | `numbering` | 一、二、… （一）（二）… 一要二要… in sequence |
//! | `announced-count` | 下面，我讲三点意见 matches the number of parts |
//! | `parallel` | sibling headings share one shape |
//! | `residue` | placeholders and template residue: XX, **, {{ }}, {slot}, 【待补 |
//! | `punctuation` | half-width punctuation between Chinese characters |
//! | `balance` | quotes and brackets balanced in each paragraph |
//! | `repeat` | a sentence used twice or more: one finding a sentence, with the count and the lines it is used again on |
//! | `era` | terms used out of their era at the meeting's date (the era lexicon, [`crate::lexicon::era`]) |
//! | `later-event` | a congress or plenary session named that was held after the meeting ([`crate::lexicon::calendar`]) |
//! | `expression` | a wrong or outdated form of a standard expression (规范表述), with the fix ([`crate::lexicon::expressions`]) |
//! | `coverage` | (with a spec) every fact, topic, lead, support unit, deadline, purpose, call present |
//! | `number` | (with a spec) every Arabic number found in the spec or the date |
//! | `copied` | (with a corpus) a run of more than 30 characters copied from the corpus |
//! | `repeated-word`, `near-duplicate`, `ranking-word`, `count-word`, `stress-again`, `numbers-lead`, `motto`, `time-word` | prose a writer would strike ([`crate::prose`]) |
//! | `off-topic` | (with the topic map) sentences of a point that name nothing of its sub-topic: one is let pass (a point may carry one sentence that fits any point of its theme), each beyond it is reported |
//!
//! This file holds the findings, the options and [`lint`], which runs the rules in order; the
//! rules live by job in `structure` (title, numbering, announced count, parallel headings),
//! `lines` (residue, punctuation, balance), `repeats` (repeats and near-duplicates), `lexicon` (era, later events, expressions,
//! and the meeting's date), `coverage` (with a spec), `copied` (with a corpus), `prose` (the
//! prose rules) and `topics` (off-topic, with the topic map).

mod copied;
mod coverage;
mod lexicon;
mod lines;
mod prose;
mod repeats;
mod structure;
mod topics;

pub use copied::{CorpusIndex, MAX_COPIED};
pub use coverage::numbers;
pub use lexicon::{date_of, month_of, year_of};
pub use structure::announced_count;
pub use topics::{PointTopicReport, topic_report};

use chrono::Datelike;
use serde::Serialize;

use crate::model::Speech;
use crate::spec::ValidSpec;
use copied::check_copied;
use coverage::check_coverage;
use lexicon::check_lexicon;
use lines::check_lines;
use prose::check_prose;
use repeats::check_repeats;
use structure::{check_announced, check_numbering, check_parallel, check_title};

/// How bad a finding is. Errors make `lint` exit 1 and `draft` refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub rule: &'static str,
    /// 1-based line in the draft (0: the whole draft).
    pub line: usize,
    pub message: String,
}

impl Finding {
    fn error(rule: &'static str, line: usize, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            rule,
            line,
            message: message.into(),
        }
    }
    fn warning(rule: &'static str, line: usize, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Warning,
            rule,
            line,
            message: message.into(),
        }
    }
}

/// What to check against besides the draft itself.
#[derive(Default)]
pub struct Options<'a> {
    /// The spec the draft was made from.
    pub spec: Option<&'a ValidSpec>,
    /// The corpus, for verbatim copying.
    pub corpus: Option<&'a CorpusIndex>,
    /// The meeting year when no spec gives it (otherwise read from the draft's title or date line).
    pub year: Option<i32>,
    /// The topic map, for the `off-topic` rule.
    pub topics: Option<&'a crate::topic::TopicMap>,
}

/// Lint a draft: its text and the speech parsed from it.
pub fn lint(text: &str, speech: &Speech, opts: &Options<'_>) -> Vec<Finding> {
    lint_with(text, speech, opts, false)
}

/// [`lint`]'s errors only, without running the rules that can only warn (the prose rules but
/// `count-word`, `near-duplicate`, `season`, `expression`, `off-topic`): what `wengao draft`
/// refuses on, at a fraction of the cost. A draft that fails is linted again in full to show its
/// warnings too.
pub fn errors(text: &str, speech: &Speech, opts: &Options<'_>) -> Vec<Finding> {
    let mut f = lint_with(text, speech, opts, true);
    f.retain(|x| x.severity == Severity::Error);
    f
}

fn lint_with(text: &str, speech: &Speech, opts: &Options<'_>, errors_only: bool) -> Vec<Finding> {
    // Read line by line each time (nothing held per line: a `Vec<&str>` was 16 bytes a line,
    // 16× a text of blank lines).
    let lines = crate::corpus::TextLines(text);
    let mut spec_texts: Vec<String> = Vec::new();
    if let Some(vs) = opts.spec {
        crate::spec::for_each_text(&vs.spec, &mut |_, t| spec_texts.push(t.0.clone()));
    }
    let year = opts
        .spec
        .map(|s| s.year())
        .or(opts.year)
        .or_else(|| year_of(&lines));
    let month = opts
        .spec
        .map(|vs| vs.date.month())
        .or_else(|| month_of(&lines));
    // The day: the spec's, the date line's, or the last day the year and month allow.
    let at = year
        .zip(month)
        .map(|(y, m)| crate::lexicon::YearMonth::new(y, m));
    let day = opts.spec.map(|vs| vs.date).or_else(|| date_of(&lines));
    let on = day.or_else(|| {
        let y = year?;
        let m = month.unwrap_or(12);
        let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        chrono::NaiveDate::from_ymd_opt(next.0, next.1, 1)?.pred_opt()
    });
    let mut f = Vec::new();
    check_title(speech, &mut f);
    check_numbering(speech, &mut f);
    check_announced(speech, &lines, &mut f);
    check_parallel(speech, &mut f);
    check_lines(&lines, &spec_texts, &mut f);
    check_repeats(&lines, !errors_only, &mut f);
    // (The lexicon's rules, the spec's coverage and the prose rules were read on a second
    // thread; on two cores starting it cost more than it saved: docs/performance.md, "Twelfth
    // session".)
    check_lexicon(
        &lines,
        year,
        at,
        on,
        day.is_some(),
        &spec_texts,
        errors_only,
        &mut f,
    );
    if let Some(vs) = opts.spec {
        check_coverage(text, &lines, vs, &mut f);
    }
    if let Some(corpus) = opts.corpus {
        check_copied(&lines, corpus, opts.spec, &mut f);
    }
    check_prose(&lines, opts.spec, month, errors_only, &mut f);
    if let Some(map) = opts.topics.filter(|_| !errors_only) {
        for r in topic_report(speech, map, opts.spec, year.unwrap_or(2024)) {
            if r.off.len() > 1 {
                for (line, text) in &r.off {
                    f.push(Finding::warning(
                        "off-topic",
                        *line,
                        format!(
                            "in the point 「{}」 (about {}), this sentence names nothing of its sub-topic: {text}",
                            r.heading,
                            r.topics.join("、")
                        ),
                    ));
                }
            }
        }
    }
    f.sort_by_key(|x| (x.line, x.rule));
    f
}

fn is_l1_heading(l: &str) -> bool {
    let t = l.trim_start_matches(['　', ' ']);
    let n = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    n > 0 && t.chars().nth(n) == Some('、')
}

fn is_l2_heading(l: &str) -> bool {
    let t = l.trim_start_matches(['　', ' ']);
    t.starts_with('（')
        && t.chars()
            .skip(1)
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .count()
            > 0
}

/// True when any finding is an error.
pub fn has_errors(f: &[Finding]) -> bool {
    f.iter().any(|x| x.severity == Severity::Error)
}

/// `file:line: error[rule]: message`, one a line.
pub fn format_text(file: &str, findings: &[Finding]) -> String {
    let mut s = String::new();
    for x in findings {
        let sev = match x.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        s.push_str(&format!(
            "{file}:{}: {sev}[{}]: {}\n",
            x.line, x.rule, x.message
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found() {
        assert_eq!(
            numbers("增长6.5%，完成85亿元，第3。"),
            vec!["6.5", "85", "3"]
        );
    }

    #[test]
    fn copied_runs_are_found_and_measured() {
        let c = CorpusIndex::new([
            "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏",
        ]);
        let copied = "开头甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈结尾";
        let run = c.longest_copied(copied).unwrap();
        assert_eq!(run.chars().count(), 33);
        assert!(
            c.longest_copied("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙")
                .is_none(),
            "30 characters are allowed"
        );
    }

    #[test]
    fn announced_count_is_read() {
        assert_eq!(
            announced_count(&["同志们：", "下面，我讲三点意见。"], 0),
            Some((3, 2))
        );
        assert_eq!(
            announced_count(&["下面，我再强调四个方面意见。"], 0),
            Some((4, 1))
        );
        assert_eq!(announced_count(&["讲政治"], 0), None);
        for (line, n) in [
            ("下面，我讲两点意见。", 2),
            ("我就当前工作讲四个问题。", 4),
            ("我谈三个方面的意见。", 3),
            ("最后，我再强调四点。", 4),
            ("对此，我提三条要求。", 3),
        ] {
            assert_eq!(announced_count(&[line], 0), Some((n, 1)), "{line}");
        }
        assert_eq!(announced_count(&["下面，我讲几点意见。"], 0), None);
    }

    #[test]
    fn line_rules_fire_and_stay_quiet() {
        let mut f = Vec::new();
        check_lines(
            &[
                "XX县要抓好{topic}，“四个意识",
                "好的句子，没有问题。",
                "中文,中文",
            ],
            &[],
            &mut f,
        );
        let rules: Vec<(&str, usize)> = f.iter().map(|x| (x.rule, x.line)).collect();
        assert!(rules.contains(&("residue", 1)));
        assert!(rules.contains(&("balance", 1)));
        assert!(rules.contains(&("punctuation", 3)));
        assert!(!rules.iter().any(|r| r.1 == 2));
    }

    /// Spec text is the writer's, even where two of its texts overlap in a line (a heading on
    /// the topic `{{ 7*7 }}项目` in a section on 项目建设); braces outside it are still residue.
    #[test]
    fn spec_text_is_not_residue_where_texts_overlap() {
        let spec = ["项目建设".to_string(), "{{ 7*7 }}项目".to_string()];
        let mut f = Vec::new();
        check_lines(
            &["（一）要加快推进{{ 7*7 }}项目建设", "推进{{ x }}项目建设"],
            &spec,
            &mut f,
        );
        let lines: Vec<usize> = f
            .iter()
            .filter(|x| x.rule == "residue")
            .map(|x| x.line)
            .collect();
        assert!(!lines.contains(&1), "{f:?}");
        assert!(lines.contains(&2), "{f:?}");
    }

    #[test]
    fn era_events_and_expressions_by_the_lexicon() {
        use crate::lexicon::YearMonth;
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        let lines = [
            "要决战决胜脱贫攻坚。",
            "坚持常态化疫情防控。",
            "深入贯彻二十届三中全会精神。",
            "这是建国以来最好的一年。",
        ];
        let mut f = Vec::new();
        check_lexicon(
            &lines,
            Some(2024),
            Some(YearMonth::new(2024, 3)),
            day(2024, 3, 1),
            true,
            &[],
            false,
            &mut f,
        );
        let rules: Vec<(&str, usize)> = f.iter().map(|x| (x.rule, x.line)).collect();
        assert_eq!(
            rules,
            [
                ("era", 1),
                ("era", 2),
                ("later-event", 3),
                ("expression", 4)
            ],
            "{f:#?}"
        );
        assert!(f[0].message.contains("2024年3月1日"), "{}", f[0].message);
        // The errors only (what `wengao draft` refuses on): the expression, a warning, is not
        // looked for.
        let mut e = Vec::new();
        check_lexicon(
            &lines,
            Some(2024),
            Some(YearMonth::new(2024, 3)),
            day(2024, 3, 1),
            true,
            &[],
            true,
            &mut e,
        );
        assert_eq!(e, f[..3].to_vec());
        let mut g = Vec::new();
        check_lexicon(
            &lines[..3],
            Some(2020),
            Some(YearMonth::new(2020, 6)),
            None,
            false,
            &[],
            false,
            &mut g,
        );
        assert!(g.is_empty(), "{g:#?}");
        let mut h = Vec::new();
        check_lexicon(
            &lines[2..3],
            Some(2024),
            None,
            day(2024, 12, 31),
            false,
            &[],
            false,
            &mut h,
        );
        assert!(h.is_empty(), "after the plenum: {h:#?}");
        // The spec's own words out of era: a warning for the writer, not a refusal.
        let mut w = Vec::new();
        check_lexicon(
            &lines[1..2],
            Some(2024),
            Some(YearMonth::new(2024, 3)),
            day(2024, 3, 1),
            true,
            &["常态化疫情防控".to_string()],
            false,
            &mut w,
        );
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].severity, Severity::Warning);
    }
}
