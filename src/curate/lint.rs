//! `phrasebank lint`: every rule over a leniently read phrasebank, as [`Finding`]s sorted by
//! file and line.
//!
//! The reading ([`super::scan`]) brings the problems of the files as written (YAML, schema,
//! roles, years, kinds, ids, sub-topic tags) and where each file sits; this adds the rules a
//! curator answers to: each curated entry's wording ([`super::rules::check_entry`]), its
//! sub-topic tags, duplicates and near duplicates among the entries of a role
//! ([`super::similar`]), and the depth the planner needs per theme, role, sub-topic and year.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::rules::{
    LARGE_THEME_TOPICS, TAGGED_ROLES, THEME_TOPICS, TOPIC_DEPTH, check_entry, slots_fillable,
};
use super::scan::{Place, Scanned, place_of, scan};
use super::{REQUIRED_THEMES, YEARS};
use crate::error::Result;
use crate::phrasebank::{Phrase, Role, Status};

/// How bad a finding is: errors fail `phrasebank lint` (exit 1); warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing lint found, at a file and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    /// A short rule name: schema, duplicate-id, duplicate, near-duplicate, unknown-role,
    /// unknown-theme, unknown-kind, misplaced-role, status, bad-years, era, slot, spun-word,
    /// punctuation, quotes, figure, place-name, level-word, shape, depth, missing-theme.
    pub rule: &'static str,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}[{}]: {}",
            self.file,
            self.line,
            self.severity.name(),
            self.rule,
            self.message
        )
    }
}

/// Options of [`lint`].
#[derive(Debug, Clone)]
pub struct LintOptions {
    /// Themes that must have a theme file (missing → error).
    pub required_themes: Vec<String>,
    /// Check the themes × roles depth (off for partial fixtures).
    pub depth: bool,
}

impl Default for LintOptions {
    fn default() -> Self {
        LintOptions {
            required_themes: REQUIRED_THEMES.iter().map(|s| s.to_string()).collect(),
            depth: true,
        }
    }
}

/// The topic-map rules of one curated entry: `untagged`, `topic-words`.
fn check_tags(
    p: &Phrase,
    map: &crate::topic::TopicMap,
    find: &mut dyn FnMut(Severity, &'static str, String),
) {
    if !TAGGED_ROLES.contains(&p.role) || p.themes.is_empty() {
        return;
    }
    if p.topics.is_empty() {
        find(
            Severity::Error,
            "untagged",
            format!(
                "{}: a {} names its sub-topic(s): `topics: [NAME]`, or `topics: [general]` when it fits any point of its theme",
                p.id,
                p.role.name()
            ),
        );
        return;
    }
    // A tag no theme declares is the reader's problem (`unknown-topic`, any entry).
    let named: Vec<&str> = p
        .topics
        .iter()
        .map(crate::phrasebank::PhraseText::as_str)
        .filter(|t| *t != crate::topic::GENERAL && map.get(t).is_some())
        .collect();
    if !named.is_empty()
        && p.role != Role::PartIntro
        && !named.iter().any(|t| map.mentions(t, &p.text))
    {
        find(
            Severity::Warning,
            "topic-words",
            format!(
                "{}: tagged {} but names none of its words; a reader (and the off-topic lint) cannot see it is on topic",
                p.id,
                named.join("、")
            ),
        );
    }
}

/// Per sub-topic depth (`topic-depth`, a warning) and per theme the number of sub-topics
/// (`topic-count`: an error under four, a warning under eight for a theme with many entries).
fn topic_depth(sc: &Scanned, all: &[&Phrase], out: &mut Vec<Finding>) {
    for t in &sc.themes {
        let file = t.file.display().to_string();
        let line = sc.theme_lines.get(&t.name).copied().unwrap_or(1);
        let measures = all
            .iter()
            .filter(|p| p.role == Role::Measure && p.in_theme(&t.name))
            .count();
        if t.topics.len() < THEME_TOPICS {
            out.push(Finding {
                severity: Severity::Error,
                file: file.clone(),
                line,
                rule: "topic-count",
                message: format!(
                    "theme {} has {} sub-topic(s); every theme needs at least {THEME_TOPICS} under `topics:`",
                    t.name,
                    t.topics.len()
                ),
            });
        } else if t.topics.len() < LARGE_THEME_TOPICS && measures >= 100 {
            out.push(Finding {
                severity: Severity::Warning,
                file: file.clone(),
                line,
                rule: "topic-count",
                message: format!(
                    "theme {} has {measures} measures but {} sub-topics; a large theme wants at least {LARGE_THEME_TOPICS}",
                    t.name,
                    t.topics.len()
                ),
            });
        }
        for st in &t.topics {
            let names = [st.name.clone()];
            for (role, need) in TOPIC_DEPTH {
                let have = all
                    .iter()
                    .filter(|p| p.status == Status::Curated && p.role == role && p.serves(&names))
                    .count();
                if have < need {
                    out.push(Finding {
                        severity: Severity::Warning,
                        file: file.clone(),
                        line: sc
                            .topic_lines
                            .get(st.name.as_str())
                            .copied()
                            .unwrap_or(line),
                        rule: "topic-depth",
                        message: format!(
                            "sub-topic {} has {have} {}(s); a point on it needs {need}",
                            st.name,
                            role.name()
                        ),
                    });
                }
            }
        }
    }
}

/// A role below depth: (role, need, [(year, have)]).
type Gap = (Role, usize, Vec<(i32, usize)>);

/// Depth shortfalls: (role, need, Vec<(year, have)>) for the entries serving `theme` (None: common).
fn depth_gaps(phrases: &[&Phrase], theme: Option<&str>, table: &[(Role, usize)]) -> Vec<Gap> {
    let mut out = Vec::new();
    for &(role, need) in table {
        let pool: Vec<&&Phrase> = phrases
            .iter()
            .filter(|p| {
                p.role == role && p.status == Status::Curated && slots_fillable(role, &p.text)
            })
            .filter(|p| theme.is_none_or(|t| p.themes.iter().any(|x| x == t)))
            .collect();
        let short: Vec<(i32, usize)> = YEARS
            .map(|y| (y, pool.iter().filter(|p| p.years.contains(y)).count()))
            .filter(|(_, n)| *n < need)
            .collect();
        if !short.is_empty() {
            out.push((role, need, short));
        }
    }
    out
}

/// `2018–2020 (2), 2026 (1)`: runs of years with the same count.
fn year_runs(short: &[(i32, usize)]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < short.len() {
        let (y0, n0) = short[i];
        let mut j = i;
        while j + 1 < short.len() && short[j + 1].0 == short[j].0 + 1 && short[j + 1].1 == n0 {
            j += 1;
        }
        let y1 = short[j].0;
        parts.push(if y0 == y1 {
            format!("{y0} (has {n0})")
        } else {
            format!("{y0}–{y1} (has {n0})")
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// Lint a phrasebank directory. The files' text is dropped once they are read: the rules need
/// only the entries.
pub fn lint(dir: &Path, opts: &LintOptions) -> Result<Vec<Finding>> {
    let sc = scan(dir, &crate::phrasebank::read_dir(dir)?);
    Ok(lint_scanned(dir, sc, opts))
}

/// Lint (path, text) pairs of a phrasebank rooted at `dir`. Findings are sorted by file and line.
pub fn lint_sources(dir: &Path, sources: &[(PathBuf, String)], opts: &LintOptions) -> Vec<Finding> {
    lint_scanned(dir, scan(dir, sources), opts)
}

/// Lint a phrasebank as read.
fn lint_scanned(dir: &Path, mut sc: Scanned, opts: &LintOptions) -> Vec<Finding> {
    let mut out = std::mem::take(&mut sc.findings);
    let known: HashSet<&str> = sc.themes.iter().map(|t| t.name.as_str()).collect();
    entry_rules(&sc, &known, &mut out);
    // Duplicates and near duplicates, among curated entries of one role.
    let mut by_role: BTreeMap<Role, Vec<&Phrase>> = BTreeMap::new();
    for p in sc.phrases.iter().filter(|p| p.status == Status::Curated) {
        by_role.entry(p.role).or_default().push(p);
    }
    for group in by_role.values() {
        super::similar::duplicates(group, &mut out);
    }
    drop(by_role);
    if opts.depth {
        depth(dir, &sc, &mut out);
    }
    for t in &opts.required_themes {
        if !known.contains(t.as_str()) {
            out.push(Finding {
                severity: Severity::Error,
                file: dir.join("themes").display().to_string(),
                line: 0,
                rule: "missing-theme",
                message: format!("no theme file for {t}, a theme every phrasebank must know"),
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.file, a.line, a.severity, a.rule).cmp(&(&b.file, b.line, b.severity, b.rule))
    });
    out
}

/// A finding about an entry, at its file and line.
pub(super) fn at(p: &Phrase, severity: Severity, rule: &'static str, message: String) -> Finding {
    Finding {
        severity,
        file: p.file.display().to_string(),
        line: p.line,
        rule,
        message,
    }
}

/// The rules on each entry: its themes are known (every entry not retired), its wording and its
/// sub-topic tags (curated entries).
fn entry_rules(sc: &Scanned, known: &HashSet<&str>, out: &mut Vec<Finding>) {
    let map = crate::topic::TopicMap::new(
        sc.themes
            .iter()
            .flat_map(|t| t.topics.iter().cloned())
            .collect(),
    );
    for p in &sc.phrases {
        if p.status == Status::Retired {
            continue;
        }
        for t in &p.themes {
            if !known.contains(t.as_str()) {
                let sev = if p.status == Status::Curated {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let hint = crate::error::did_you_mean(t, known.iter().copied())
                    .map(|s| format!(" (did you mean {s}?)"))
                    .unwrap_or_default();
                let msg = format!("{}: unknown theme {t}{hint}", p.id);
                out.push(at(p, sev, "unknown-theme", msg));
            }
        }
        if p.status != Status::Curated {
            continue;
        }
        for (sev, rule, msg) in check_entry(p.role, &p.text, &p.years) {
            out.push(at(p, sev, rule, format!("{}: {msg}", p.id)));
        }
        check_tags(p, &map, &mut |sev, rule, msg| {
            out.push(at(p, sev, rule, msg))
        });
    }
}

/// Themes × roles × years depth, sub-topic depth, and common.yaml's roles.
fn depth(dir: &Path, sc: &Scanned, out: &mut Vec<Finding>) {
    let all: Vec<&Phrase> = sc.phrases.iter().collect();
    topic_depth(sc, &all, out);
    for t in &sc.themes {
        for (role, need, short) in depth_gaps(&all, Some(&t.name), &Role::THEME_DEPTH) {
            out.push(Finding {
                severity: Severity::Error,
                file: t.file.display().to_string(),
                line: sc.theme_lines.get(&t.name).copied().unwrap_or(1),
                rule: "depth",
                message: format!(
                    "theme {} × {}: the planner needs {need} curated entries each year; short in {}",
                    t.name,
                    role.name(),
                    year_runs(&short)
                ),
            });
        }
    }
    let Some(f) = sc.files.iter().find(|f| place_of(dir, f) == Place::Common) else {
        out.push(Finding {
            severity: Severity::Error,
            file: dir.join("common.yaml").display().to_string(),
            line: 0,
            rule: "depth",
            message: "no common.yaml: the speech-level roles (opening, closing …) have no entries"
                .into(),
        });
        return;
    };
    for (role, need, short) in depth_gaps(&all, None, &Role::COMMON_DEPTH) {
        out.push(Finding {
            severity: Severity::Error,
            file: f.display().to_string(),
            line: 1,
            rule: "depth",
            message: format!(
                "common × {}: the planner needs {need} curated entries each year; short in {}",
                role.name(),
                year_runs(&short)
            ),
        });
    }
}

/// True when any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint_one(text: &str) -> Vec<Finding> {
        let dir = Path::new("pb");
        let opts = LintOptions {
            required_themes: Vec::new(),
            depth: false,
        };
        // The topic-map rules have their own test; these fixtures are untagged.
        let mut f = lint_sources(
            dir,
            &[
                (dir.join("common.yaml"), "entries: []\n".into()),
                (dir.join("themes/xm.yaml"), text.to_string()),
            ],
            &opts,
        );
        f.retain(|x| x.rule != "untagged");
        f
    }

    #[test]
    fn topic_rules_fire() {
        let dir = Path::new("pb");
        let text = "theme: 安全生产\ndescription: 安全\ntopics:\n  - name: 城镇燃气\n    words: [燃气, 液化气, 燃气管网]\n    units: [住建局]\n  - name: 消防\n    words: [消防, 火灾, 消防通道]\nentries:\n  - id: aq.measure.1\n    role: measure\n    topics: [城镇燃气]\n    text: 对瓶装液化气实行实名销售，住建部门要入户安检。\n  - id: aq.measure.2\n    role: measure\n    text: 要压实安全生产责任。\n  - id: aq.measure.3\n    role: measure\n    topics: [城镇燃汽]\n    text: 要排查燃气管网。\n  - id: aq.measure.4\n    role: measure\n    topics: [消防]\n    text: 要压实属地责任。\n  - id: aq.measure.5\n    role: measure\n    topics: [general]\n    text: 要强化督查问责。\n";
        let f = lint_sources(
            dir,
            &[
                (dir.join("common.yaml"), "entries: []\n".into()),
                (dir.join("themes/aq.yaml"), text.into()),
            ],
            &LintOptions {
                required_themes: Vec::new(),
                depth: true,
            },
        );
        let has =
            |rule: &str, what: &str| f.iter().any(|x| x.rule == rule && x.message.contains(what));
        assert!(has("untagged", "aq.measure.2"), "{f:#?}");
        assert!(
            has("unknown-topic", "城镇燃汽") && has("unknown-topic", "城镇燃气"),
            "{f:#?}"
        );
        assert!(has("topic-words", "aq.measure.4"), "{f:#?}");
        assert!(has("topic-depth", "城镇燃气"), "{f:#?}");
        assert!(has("topic-count", "2 sub-topic"), "{f:#?}");
        for id in ["aq.measure.1", "aq.measure.5"] {
            assert!(
                !f.iter().any(|x| x.message.starts_with(&format!("{id}:"))),
                "{id}: {f:#?}"
            );
        }
    }

    fn rules(f: &[Finding]) -> Vec<(&'static str, usize)> {
        f.iter().map(|f| (f.rule, f.line)).collect()
    }

    const HEAD: &str = "# 项目建设\ntheme: 项目建设\ndescription: 项目\nentries:\n";

    #[test]
    fn clean_entries_have_no_findings() {
        let f = lint_one(&format!(
            "{HEAD}  - id: xm.measure.1\n    role: measure\n    text: 要坚持项目为王，在{{area}}上下形成抓项目的浓厚氛围。\n  - id: xm.framing.1\n    role: framing\n    text: '{{topic}}直接关系全年目标能否实现。'\n"
        ));
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn each_rule_fires_at_its_line() {
        let f = lint_one(&format!(
            "{HEAD}  - id: a\n    role: measure\n    text: 要坚持新开展理念，夯实根底。\n  - id: b\n    role: measure\n    text: 完成投资85亿元。\n  - id: c\n    role: measure\n    text: 要抓好项目,推进建设。\n  - id: d\n    role: measure\n    text: 要树立“项目为王理念。\n  - id: e\n    role: measure\n    text: 要落实{{deadline}}的要求。\n  - id: f\n    role: measure\n    text: 要决战决胜脱贫攻坚。\n  - id: g\n    role: measure\n    text: 要把汉阴县建设得更好。\n  - id: h\n    role: mesure\n    text: x\n  - id: i\n    role: measure\n    text: y\n    years: 2025-2021\n  - id: j\n    role: measure\n    text: z\n    themes: [项目建议]\n  - id: a\n    role: measure\n    text: w\n"
        ));
        let r = rules(&f);
        for want in [
            ("spun-word", 5),
            ("figure", 8),
            ("punctuation", 11),
            ("quotes", 14),
            ("slot", 17),
            ("era", 20),
            ("place-name", 23),
            ("unknown-role", 26),
            ("bad-years", 29),
            ("unknown-theme", 33),
            ("duplicate-id", 37),
        ] {
            assert!(r.contains(&want), "missing {want:?} in {f:#?}");
        }
        let spun: Vec<&Finding> = f.iter().filter(|f| f.rule == "spun-word").collect();
        assert_eq!(spun.len(), 2, "{spun:#?}");
        assert!(f.iter().all(|x| x.file == "pb/themes/xm.yaml"));
        assert_eq!(
            f.iter().find(|x| x.rule == "place-name").unwrap().severity,
            Severity::Warning
        );
        assert!(
            f.iter()
                .find(|x| x.rule == "unknown-theme")
                .unwrap()
                .message
                .contains("did you mean 项目建设")
        );
    }

    #[test]
    fn near_duplicates_are_warned() {
        let f = lint_one(&format!(
            "{HEAD}  - id: a\n    role: measure\n    text: 要坚持项目为王，牢固树立抓项目就是抓发展的理念。\n  - id: b\n    role: measure\n    text: 必须坚持项目为王，牢固树立抓项目就是抓发展的理念。\n  - id: c\n    role: measure\n    text: 要优化营商环境，当好服务企业的店小二。\n  - id: d\n    role: framing\n    text: 要优化营商环境，当好服务企业的店小二。\n  - id: e\n    role: measure\n    text: 要优化营商环境，当好服务企业的店小二。\n"
        ));
        let r = rules(&f);
        assert!(r.contains(&("near-duplicate", 8)), "{f:#?}");
        assert!(r.contains(&("duplicate", 17)), "{f:#?}");
        assert!(
            !r.iter().any(|(_, l)| *l == 14),
            "different roles are not duplicates: {f:#?}"
        );
    }

    #[test]
    fn depth_is_checked_per_theme_role_and_year() {
        let dir = Path::new("pb");
        let mut t = String::from(HEAD);
        for i in 0..2 {
            t.push_str(&format!("  - id: xm.requirement.{i}\n    role: requirement\n    text: 确保第{}项要求落到实处。\n", ["一", "二"][i]));
        }
        t.push_str("  - id: xm.requirement.9\n    role: requirement\n    text: 确保各项要求全面落实见效。\n    years: 2018-2020\n");
        let f = lint_sources(
            dir,
            &[(dir.join("themes/xm.yaml"), t)],
            &LintOptions {
                required_themes: vec!["项目建设".into(), "招商引资".into()],
                depth: true,
            },
        );
        let depth: Vec<&Finding> = f.iter().filter(|f| f.rule == "depth").collect();
        assert!(
            depth
                .iter()
                .any(|f| f.message.contains("项目建设 × measure")
                    && f.message.contains("2018–2030 (has 0)")),
            "{depth:#?}"
        );
        assert!(
            !depth.iter().any(|f| f.message.contains("× requirement")),
            "requirement has 2 a year: {depth:#?}"
        );
        assert!(depth.iter().any(|f| f.message.contains("no common.yaml")));
        assert!(
            f.iter()
                .any(|f| f.rule == "missing-theme" && f.message.contains("招商引资"))
        );
        assert!(
            !f.iter()
                .any(|f| f.rule == "missing-theme" && f.message.contains("项目建设"))
        );
        let measure = depth
            .iter()
            .find(|f| f.message.contains("× measure"))
            .unwrap();
        assert_eq!(
            (measure.file.as_str(), measure.line),
            ("pb/themes/xm.yaml", 2),
            "at the theme: line"
        );
    }
}
