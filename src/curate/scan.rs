//! Reading a phrasebank folder for the tools: the one reader in its lenient mode
//! ([`crate::phrasebank::read`]), and the rules on where things sit — what is in common.yaml,
//! under themes/ and under candidates/ — with the reader's problems, as [`Finding`]s.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::lint::{Finding, Severity};
use crate::error::Result;
use crate::phrasebank::{FileHead, Phrase, Problem, Role, Status, Theme};

/// Where a file sits in the phrasebank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Common,
    Theme,
    Candidates,
    Other,
}

pub(super) fn place_of(dir: &Path, path: &Path) -> Place {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().to_string());
    match first.as_deref() {
        Some("common.yaml") | Some("common.yml") => Place::Common,
        Some("themes") => Place::Theme,
        Some("candidates") => Place::Candidates,
        _ => Place::Other,
    }
}

/// A leniently read phrasebank: every entry that could be read, the themes, and the problems met.
#[derive(Debug, Clone, Default)]
pub struct Scanned {
    pub phrases: Vec<Phrase>,
    pub themes: Vec<Theme>,
    /// The reader's problems and the placement rules' findings.
    pub findings: Vec<Finding>,
    /// The line of each theme's `theme:` key.
    pub theme_lines: BTreeMap<String, usize>,
    /// Every file read.
    pub files: Vec<PathBuf>,
    /// The line of each sub-topic's declaration.
    pub topic_lines: BTreeMap<String, usize>,
}

/// Read a phrasebank directory leniently.
pub fn scan_dir(dir: &Path) -> Result<Scanned> {
    Ok(scan(dir, &crate::phrasebank::read_dir(dir)?))
}

/// Read (path, text) pairs leniently: every problem becomes a finding.
pub fn scan(dir: &Path, sources: &[(PathBuf, String)]) -> Scanned {
    let reading = crate::phrasebank::read_lenient(sources);
    let mut findings: Vec<Finding> = reading.problems.iter().map(finding).collect();
    for head in &reading.files {
        file_rules(dir, head, &mut findings);
    }
    for t in &reading.themes {
        theme_rules(t, &reading, &mut findings);
    }
    for p in &reading.phrases {
        place_rules(place_of(dir, &p.file), p, &mut findings);
    }
    let theme_lines = reading
        .themes
        .iter()
        .filter_map(|t| {
            let head = reading.files.iter().find(|h| h.path == t.file)?;
            Some((t.name.clone(), head.theme_line))
        })
        .collect();
    Scanned {
        phrases: reading.phrases,
        themes: reading.themes,
        findings,
        theme_lines,
        files: reading.files.into_iter().map(|h| h.path).collect(),
        topic_lines: reading.topic_lines,
    }
}

/// A reader's problem as a finding (an error).
fn finding(p: &Problem) -> Finding {
    Finding {
        severity: Severity::Error,
        file: p.file.display().to_string(),
        line: p.line,
        rule: p.rule,
        message: p.one_line(),
    }
}

/// A theme file declares its theme; common.yaml declares none.
fn file_rules(dir: &Path, head: &FileHead, out: &mut Vec<Finding>) {
    let at = |line, message: &str| Finding {
        severity: Severity::Error,
        file: head.path.display().to_string(),
        line,
        rule: "schema",
        message: message.into(),
    };
    match (&head.theme, place_of(dir, &head.path)) {
        (None, Place::Theme) if head.read => out.push(at(
            1,
            "a theme file needs `theme:` (the theme its entries serve)",
        )),
        (Some(_), Place::Common) => out.push(at(
            head.theme_line,
            "common.yaml holds speech-level phrasing: it has no theme",
        )),
        _ => {}
    }
}

/// A theme has a description, and each of its sub-topics the words that identify it.
fn theme_rules(t: &Theme, reading: &crate::phrasebank::Reading, out: &mut Vec<Finding>) {
    let file = t.file.display().to_string();
    if t.description.is_empty() {
        let line = reading
            .files
            .iter()
            .find(|h| h.path == t.file)
            .map_or(1, |h| h.theme_line);
        out.push(Finding {
            severity: Severity::Warning,
            file: file.clone(),
            line,
            rule: "schema",
            message: format!(
                "theme {} has no description (shown by `phrasebank themes`)",
                t.name
            ),
        });
    }
    for st in &t.topics {
        if st.words.len() < 3 {
            out.push(Finding {
                severity: Severity::Warning,
                file: file.clone(),
                line: reading
                    .topic_lines
                    .get(st.name.as_str())
                    .copied()
                    .unwrap_or(1),
                rule: "topic",
                message: format!(
                    "sub-topic {} has {} words; give it the terms that identify it (at least 3)",
                    st.name,
                    st.words.len()
                ),
            });
        }
    }
}

/// A theme role in a theme file, a speech-level role in common.yaml, a mined-only role (slogan,
/// frame) only in candidates/, and everything in candidates/ marked `status: candidate`.
fn place_rules(place: Place, p: &Phrase, out: &mut Vec<Finding>) {
    let drafted_role = !matches!(p.role, Role::Slogan | Role::Frame);
    let mut find = |rule, message: String| {
        out.push(Finding {
            severity: Severity::Error,
            file: p.file.display().to_string(),
            line: p.line,
            rule,
            message,
        })
    };
    let (id, role) = (&p.id, p.role.name());
    match place {
        Place::Common if p.role.is_theme_role() => find(
            "misplaced-role",
            format!("{id}: `{role}` is a theme role; put it in its theme file under themes/"),
        ),
        Place::Theme if !p.role.is_theme_role() && drafted_role => find(
            "misplaced-role",
            format!("{id}: `{role}` is a speech-level role; put it in common.yaml"),
        ),
        Place::Candidates if p.status == Status::Curated && drafted_role => find(
            "status",
            format!(
                "{id}: an entry in candidates/ must say `status: candidate` (else it is drafted); curate it into its theme file"
            ),
        ),
        _ => {}
    }
    if !drafted_role && place != Place::Candidates && p.status == Status::Curated {
        find(
            "misplaced-role",
            format!("{id}: `{role}` is only for mined candidates; give it a drafted role"),
        );
    }
}
