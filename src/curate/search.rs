//! `phrasebank search`: entries by text or id, theme, role and year, in file order.

use crate::phrasebank::{Phrase, Role, Status};

/// A search of the phrasebank.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Text (or id) to look for; empty matches every entry.
    pub text: String,
    pub theme: Option<String>,
    pub role: Option<Role>,
    /// Only entries valid this year.
    pub year: Option<i32>,
    /// Include candidates and retired entries.
    pub all: bool,
}

/// Entries matching a query, in file order.
pub fn search<'a>(phrases: &'a [Phrase], q: &Query) -> Vec<&'a Phrase> {
    let needle = q.text.trim();
    phrases
        .iter()
        .filter(|p| q.all || p.status == Status::Curated)
        .filter(|p| needle.is_empty() || p.text.contains(needle) || p.id.contains(needle))
        .filter(|p| q.theme.as_ref().is_none_or(|t| p.in_theme(t)))
        .filter(|p| q.role.is_none_or(|r| p.role == r))
        .filter(|p| q.year.is_none_or(|y| p.years.contains(y)))
        .collect()
}
