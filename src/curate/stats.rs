//! `phrasebank stats`: entries per theme and role, the topic map's depth, era coverage by year
//! and candidates waiting, as data ([`Stats`]) and as the text report.

use std::collections::BTreeMap;

use serde::Serialize;

use super::YEARS;
use super::rules::{TOPIC_DEPTH, slots_fillable};
use crate::phrasebank::{Phrase, Role, Status, Theme};
use crate::text::width;

/// Counts of one role.
#[derive(Debug, Clone, Serialize)]
pub struct RoleCount {
    pub role: &'static str,
    /// Curated entries (any year).
    pub curated: usize,
    /// The depth the planner needs each year.
    pub need: usize,
    /// The fewest curated entries valid in one year of 2018–2030.
    pub min_year: usize,
}

/// Counts of one theme (or of common.yaml).
#[derive(Debug, Clone, Serialize)]
pub struct ThemeStats {
    pub theme: String,
    pub file: String,
    pub roles: Vec<RoleCount>,
    pub curated: usize,
    pub candidates: usize,
    pub retired: usize,
    /// Roles below depth in some year.
    pub thin: usize,
    /// Its sub-topics and their depth.
    pub topics: Vec<TopicStats>,
}

/// The depth of one sub-topic: curated entries tagged with it, of any theme.
#[derive(Debug, Clone, Serialize)]
pub struct TopicStats {
    pub name: String,
    pub measures: usize,
    pub framings: usize,
    pub item_leads: usize,
    /// Below [`TOPIC_DEPTH`].
    pub thin: bool,
}

/// Coverage of one year.
#[derive(Debug, Clone, Serialize)]
pub struct YearStats {
    pub year: i32,
    /// Curated entries valid that year.
    pub curated: usize,
    /// Curated entries valid only in part of 2018–2030 (era-bound) and valid that year.
    pub era_bound: usize,
    /// Theme × role pairs (and common roles) below depth that year.
    pub thin: usize,
}

/// Candidates waiting for curation in one file.
#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    pub file: String,
    pub candidates: usize,
}

/// What `phrasebank stats` shows.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub entries: usize,
    pub curated: usize,
    pub candidates: usize,
    pub retired: usize,
    pub themes: Vec<ThemeStats>,
    pub common: ThemeStats,
    pub years: Vec<YearStats>,
    pub waiting: Vec<Waiting>,
}

fn count_status(ps: &[&Phrase], s: Status) -> usize {
    ps.iter().filter(|p| p.status == s).count()
}

fn role_counts(ps: &[&Phrase], theme: Option<&str>, table: &[(Role, usize)]) -> Vec<RoleCount> {
    table
        .iter()
        .map(|&(role, need)| {
            let pool: Vec<&&Phrase> = ps
                .iter()
                .filter(|p| {
                    p.role == role && p.status == Status::Curated && slots_fillable(role, &p.text)
                })
                .filter(|p| theme.is_none_or(|t| p.themes.iter().any(|x| x == t)))
                .collect();
            RoleCount {
                role: role.name(),
                curated: pool.len(),
                need,
                min_year: YEARS
                    .map(|y| pool.iter().filter(|p| p.years.contains(y)).count())
                    .min()
                    .unwrap_or(0),
            }
        })
        .collect()
}

/// Stats of loaded phrases and themes (from [`scan`] or a loaded [`crate::phrasebank::Phrasebank`]).
pub fn stats(phrases: &[Phrase], themes: &[Theme]) -> Stats {
    let all: Vec<&Phrase> = phrases.iter().collect();
    let mut theme_stats = Vec::new();
    for t in themes {
        let mine: Vec<&Phrase> = all
            .iter()
            .copied()
            .filter(|p| p.in_theme(&t.name))
            .collect();
        let roles = role_counts(&all, Some(&t.name), &Role::THEME_DEPTH);
        let topics = t
            .topics
            .iter()
            .map(|st| {
                let names = [st.name.clone()];
                let n = |role: Role| {
                    all.iter()
                        .filter(|p| {
                            p.status == Status::Curated && p.role == role && p.serves(&names)
                        })
                        .count()
                };
                let (measures, framings) = (n(Role::Measure), n(Role::Framing));
                TopicStats {
                    name: st.name.to_string(),
                    measures,
                    framings,
                    item_leads: n(Role::ItemLead),
                    thin: measures < TOPIC_DEPTH[0].1 || framings < TOPIC_DEPTH[1].1,
                }
            })
            .collect();
        theme_stats.push(ThemeStats {
            topics,
            theme: t.name.clone(),
            file: t.file.display().to_string(),
            thin: roles.iter().filter(|r| r.min_year < r.need).count(),
            roles,
            curated: count_status(&mine, Status::Curated),
            candidates: count_status(&mine, Status::Candidate),
            retired: count_status(&mine, Status::Retired),
        });
    }
    let speech: Vec<&Phrase> = all
        .iter()
        .copied()
        .filter(|p| !p.role.is_theme_role())
        .collect();
    let common_roles = role_counts(&all, None, &Role::COMMON_DEPTH);
    let common_file = speech
        .iter()
        .find(|p| p.file.file_stem().is_some_and(|s| s == "common"))
        .map(|p| p.file.display().to_string())
        .unwrap_or_else(|| "common.yaml".into());
    let common = ThemeStats {
        topics: Vec::new(),
        theme: "common".into(),
        file: common_file,
        thin: common_roles.iter().filter(|r| r.min_year < r.need).count(),
        roles: common_roles,
        curated: count_status(&speech, Status::Curated),
        candidates: count_status(&speech, Status::Candidate),
        retired: count_status(&speech, Status::Retired),
    };
    let years = YEARS
        .map(|y| {
            let valid: Vec<&&Phrase> = all
                .iter()
                .filter(|p| p.status == Status::Curated && p.years.contains(y))
                .collect();
            let mut thin = 0;
            for t in themes {
                for &(role, need) in &Role::THEME_DEPTH {
                    let n = valid
                        .iter()
                        .filter(|p| {
                            p.role == role && p.in_theme(&t.name) && slots_fillable(role, &p.text)
                        })
                        .count();
                    thin += usize::from(n < need);
                }
            }
            for &(role, need) in &Role::COMMON_DEPTH {
                let n = valid
                    .iter()
                    .filter(|p| p.role == role && slots_fillable(role, &p.text))
                    .count();
                thin += usize::from(n < need);
            }
            YearStats {
                year: y,
                curated: valid.len(),
                era_bound: valid.iter().filter(|p| !p.years.is_always()).count(),
                thin,
            }
        })
        .collect();
    let mut waiting: BTreeMap<String, usize> = BTreeMap::new();
    for p in &all {
        if p.status == Status::Candidate {
            *waiting.entry(p.file.display().to_string()).or_default() += 1;
        }
    }
    Stats {
        entries: all.len(),
        curated: count_status(&all, Status::Curated),
        candidates: count_status(&all, Status::Candidate),
        retired: count_status(&all, Status::Retired),
        themes: theme_stats,
        common,
        years,
        waiting: waiting
            .into_iter()
            .map(|(file, candidates)| Waiting { file, candidates })
            .collect(),
    }
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

impl Stats {
    /// The text report of `phrasebank stats`.
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut o = String::new();
        let _ = writeln!(
            o,
            "{} entries: {} curated, {} candidates, {} retired; {} themes",
            self.entries,
            self.curated,
            self.candidates,
            self.retired,
            self.themes.len()
        );
        let _ = writeln!(
            o,
            "\nEntries per theme and role (curated; `n/need` where the thinnest year is below depth):"
        );
        let roles: Vec<&str> = Role::THEME_DEPTH.iter().map(|(r, _)| r.name()).collect();
        let tw = self
            .themes
            .iter()
            .map(|t| width(&t.theme))
            .max()
            .unwrap_or(5)
            .max(6);
        let _ = write!(o, "{}", pad("theme", tw));
        for r in &roles {
            let _ = write!(o, "  {r}");
        }
        let _ = writeln!(o, "  candidates  retired");
        for t in &self.themes {
            let _ = write!(o, "{}", pad(&t.theme, tw));
            for (rc, name) in t.roles.iter().zip(&roles) {
                let cell = if rc.min_year < rc.need {
                    format!("{}!{}/{}", rc.curated, rc.min_year, rc.need)
                } else {
                    rc.curated.to_string()
                };
                let _ = write!(o, "  {:>w$}", cell, w = name.len());
            }
            let _ = writeln!(o, "  {:>10}  {:>7}", t.candidates, t.retired);
        }
        let _ = writeln!(
            o,
            "\nSub-topics (the topic map): measures/framings/item leads tagged with each, any theme; `!` below depth ({} measures, {} framings):",
            TOPIC_DEPTH[0].1, TOPIC_DEPTH[1].1
        );
        for t in &self.themes {
            let cells: Vec<String> = t
                .topics
                .iter()
                .map(|st| {
                    format!(
                        "{}{} {}/{}/{}",
                        if st.thin { "!" } else { "" },
                        st.name,
                        st.measures,
                        st.framings,
                        st.item_leads
                    )
                })
                .collect();
            let _ = writeln!(
                o,
                "  {} ({}): {}",
                pad(&t.theme, tw),
                t.topics.len(),
                if cells.is_empty() {
                    "none".to_string()
                } else {
                    cells.join("  ")
                }
            );
        }
        let _ = writeln!(o, "\nSpeech-level roles (common):");
        for rc in &self.common.roles {
            let mark = if rc.min_year < rc.need {
                format!(
                    "  below depth: {} in the thinnest year, needs {}",
                    rc.min_year, rc.need
                )
            } else {
                String::new()
            };
            let _ = writeln!(o, "  {:<18} {:>4}{mark}", rc.role, rc.curated);
        }
        let _ = writeln!(
            o,
            "\nEra coverage (curated entries valid each year; era-bound ones; theme×role pairs below depth):"
        );
        for y in &self.years {
            let _ = writeln!(
                o,
                "  {}  {:>5}  {:>5} era-bound  {:>3} thin",
                y.year, y.curated, y.era_bound, y.thin
            );
        }
        let _ = writeln!(o, "\nCandidates waiting for curation: {}", self.candidates);
        for w in &self.waiting {
            let _ = writeln!(o, "  {:>5}  {}", w.candidates, w.file);
        }
        o
    }
}
