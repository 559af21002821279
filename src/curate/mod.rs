//! The phrasebank tools — what a curator runs: `lint`, `stats`, `search`, `add`, `retire` and
//! `era`, as library functions returning data. `wengao phrasebank …` (src/cmd/phrasebank.rs) is a
//! thin layer over this module.
//!
//! Everything here reads the phrasebank with the one reader in its lenient mode
//! ([`crate::phrasebank::read`]): one broken entry is a finding at its file:line, not the end of
//! the run (`draft` reads the same files strictly, and stops at the first problem).
//!
//! One job a file:
//! - `scan.rs` — the lenient reading, and where each file sits (common, themes, candidates);
//! - `lint.rs` — the findings, and the rules across entries (tags, duplicates, depth);
//! - `rules.rs` — the rules on one entry (slots, punctuation, figures, era, shape), shared by
//!   `lint` and `add`; `wording.rs` — spun words and place names; `similar.rs` — near duplicates;
//! - `stats.rs`, `search.rs`, `era.rs` — the reports;
//! - `edit.rs` — text edits under the lock; `add.rs` — `add` and `retire`.
//!
//! Edits ([`add`], [`retire`], [`era_fixes`]) change the text of a file, never re-serialise it:
//! every comment and the formatting stay as they were. They hold the phrasebank's lock
//! ([`crate::io::DirLock`], an OS lock a killed process cannot leave behind) while they read,
//! edit and write, re-read the file before the atomic rename to detect a writer that ignored the
//! lock, and check that the edited file parses to exactly the old entries plus the change.

use std::ops::RangeInclusive;

mod add;
mod edit;
mod era;
mod lint;
mod rules;
mod scan;
mod search;
mod similar;
mod stats;
mod wording;

pub use add::{Added, NewEntry, Retired, add, retire, target_file};
pub use edit::{append_entry, yaml_scalar};
pub use era::{EraFix, EraNeed, era_fixes, era_need};
pub use lint::{Finding, LintOptions, Severity, has_errors, lint, lint_sources};
pub use rules::{
    BASE_SLOTS, LARGE_THEME_TOPICS, TAGGED_ROLES, THEME_TOPICS, TOPIC_DEPTH, check_entry,
    role_slots, slots_fillable,
};
pub use scan::{Scanned, scan, scan_dir};
pub use search::{Query, search};
pub use similar::{NEAR_JACCARD, NEAR_RUN, similarity};
pub use stats::{RoleCount, Stats, ThemeStats, TopicStats, Waiting, YearStats, stats};
pub use wording::{place_names, spun_words};

/// The years the planner must be able to draft for: depth is checked in each.
pub const YEARS: RangeInclusive<i32> = 2018..=2030;

/// The themes every phrasebank must know (design notes).
pub const REQUIRED_THEMES: [&str; 26] = [
    "政治建设",
    "学习贯彻",
    "形势分析",
    "问题差距",
    "高质量发展",
    "项目建设",
    "招商引资",
    "营商环境",
    "产业发展",
    "企业帮扶",
    "稳定就业",
    "乡村振兴",
    "脱贫攻坚",
    "城乡建设",
    "民生保障",
    "教育医疗",
    "生态环保",
    "安全生产",
    "社会治理",
    "疫情防控",
    "改革创新",
    "依法行政",
    "财政金融",
    "作风建设",
    "廉政建设",
    "抓落实",
];
