//! `phrasebank add` and `retire`: an entry appended to its file with the next id, or marked
//! retired, by a text edit under the phrasebank's lock ([`super::edit`]).

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::edit::{append_entry, locked_edit, parse_raw, set_status_retired};
use super::lint::Severity;
use super::rules::check_entry;
use super::scan::{Scanned, scan_dir};
use super::similar::{NEAR_JACCARD, bigrams, jaccard};
use crate::error::{Error, Result};
use crate::phrasebank::{Phrase, RawPhrase, Role, Status, Years, entry_lines};
use crate::spec::Kind;

/// A new entry for [`add`].
#[derive(Debug, Clone, Default)]
pub struct NewEntry {
    pub text: String,
    pub role: Option<Role>,
    /// The themes it serves; the first picks the file (theme roles need one).
    pub themes: Vec<String>,
    pub years: Option<String>,
    pub weight: Option<u32>,
    pub kinds: Vec<String>,
    /// The sub-topics it serves, or `general`.
    pub topics: Vec<String>,
    pub source: Option<String>,
    pub status: Option<Status>,
}

/// What [`add`] did.
#[derive(Debug, Clone, Serialize)]
pub struct Added {
    pub id: String,
    pub file: PathBuf,
    pub line: usize,
    /// Warnings about the new entry (near duplicates, place names …).
    pub warnings: Vec<String>,
}

/// The next free number for ids `<prefix><n>`.
fn next_number(phrases: &[Phrase], prefix: &str) -> u64 {
    phrases
        .iter()
        .filter_map(|p| {
            p.id.strip_prefix(prefix)
                .and_then(|n| n.parse::<u64>().ok())
        })
        .max()
        .map(|n| n + 1)
        .unwrap_or(1)
}

/// The file an entry of `role` for `theme` goes to.
pub fn target_file(dir: &Path, sc: &Scanned, role: Role, theme: Option<&str>) -> Result<PathBuf> {
    if role.is_theme_role() {
        let Some(t) = theme else {
            return Err(Error::Usage(format!(
                "a `{}` entry needs --theme (the theme whose file it goes to)",
                role.name()
            )));
        };
        match sc.themes.iter().find(|x| x.name == t) {
            Some(x) => Ok(x.file.clone()),
            None => {
                let names: Vec<&str> = sc.themes.iter().map(|x| x.name.as_str()).collect();
                let hint = crate::error::did_you_mean(t, names.iter().copied())
                    .map(|s| format!("did you mean {s}? "))
                    .unwrap_or_default();
                Err(Error::Usage(format!(
                    "unknown theme {t}: {hint}the themes are {}",
                    names.join("、")
                )))
            }
        }
    } else if matches!(role, Role::Slogan | Role::Frame) {
        Err(Error::Usage(format!(
            "`{}` is for mined candidates; `mine` writes those",
            role.name()
        )))
    } else {
        let p = dir.join("common.yaml");
        if p.is_file() {
            Ok(p)
        } else {
            Err(Error::Usage(format!(
                "`{}` does not exist: create it with `entries:`",
                p.display()
            )))
        }
    }
}

/// Every value of a new entry is one line of plain text: a line break or control character
/// (BEL, ESC, NUL …) is refused up front, with the option that holds it.
fn refuse_control_characters(new: &NewEntry) -> Result<()> {
    let mut values: Vec<(&str, &str)> = vec![("--text", new.text.as_str())];
    values.extend(new.source.as_deref().map(|s| ("--source", s)));
    values.extend(new.years.as_deref().map(|s| ("--years", s)));
    values.extend(new.themes.iter().map(|s| ("--theme", s.as_str())));
    values.extend(new.topics.iter().map(|s| ("--topic", s.as_str())));
    values.extend(new.kinds.iter().map(|s| ("--kind", s.as_str())));
    for (opt, v) in values {
        if let Some(c) = v.trim().chars().find(|c| c.is_control()) {
            let what = if matches!(c, '\n' | '\r') {
                "a line break".to_string()
            } else {
                format!("a control character (U+{:04X})", c as u32)
            };
            return Err(Error::Usage(format!(
                "{opt} contains {what}; a phrasebank value is one line of plain text: remove it and run again"
            )));
        }
    }
    Ok(())
}

/// Check a curated entry as lint would (its own rules, and a duplicate or near duplicate among
/// the curated entries of its role): an error refuses it; the warnings are returned.
fn would_lint(sc: &Scanned, role: Role, text: &str, years: &Years) -> Result<Vec<String>> {
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    for (sev, rule, msg) in check_entry(role, text, years) {
        match sev {
            Severity::Error => errors.push(format!("[{rule}] {msg}")),
            Severity::Warning => warnings.push(format!("[{rule}] {msg}")),
        }
    }
    let grams = bigrams(text);
    for p in sc
        .phrases
        .iter()
        .filter(|p| p.role == role && p.status == Status::Curated)
    {
        if p.text == text {
            errors.push(format!(
                "[duplicate] same text as {} ({}:{})",
                p.id,
                p.file.display(),
                p.line
            ));
        } else if jaccard(&grams, &bigrams(&p.text)) >= NEAR_JACCARD {
            warnings.push(format!(
                "[near-duplicate] alike with {} ({}:{})",
                p.id,
                p.file.display(),
                p.line
            ));
        }
    }
    if !errors.is_empty() {
        return Err(Error::Usage(format!(
            "the entry would not lint, so it was not added:\n  {}",
            errors.join("\n  ")
        )));
    }
    Ok(warnings)
}

/// Add an entry: check it as lint would, give it the next id of its file and role, and append it
/// to the file of its (first) theme or to common.yaml. Refused (an error) when it would not lint.
pub fn add(dir: &Path, new: &NewEntry) -> Result<Added> {
    let role = new
        .role
        .ok_or_else(|| Error::Usage("--role is required".into()))?;
    let text = new.text.trim().to_string();
    if text.is_empty() {
        return Err(Error::Usage("--text is empty".into()));
    }
    refuse_control_characters(new)?;
    let years = match &new.years {
        None => Years::default(),
        Some(y) => Years::parse(y).ok_or_else(|| {
            Error::Usage(format!(
                "bad year range `{y}`: write e.g. 2021-2025, 2026-, -2020 or 2024"
            ))
        })?,
    };
    for k in &new.kinds {
        if Kind::parse(k).is_none() {
            return Err(Error::Usage(format!(
                "unknown meeting kind `{k}` (plenary, economy, key_work, rule_of_law, safety, investment)"
            )));
        }
    }
    let sc = scan_dir(dir)?;
    let known: Vec<&str> = sc.themes.iter().map(|t| t.name.as_str()).collect();
    for t in &new.themes {
        if !known.contains(&t.as_str()) {
            let hint = crate::error::did_you_mean(t, known.iter().copied())
                .map(|s| format!("did you mean {s}? "))
                .unwrap_or_default();
            return Err(Error::Usage(format!(
                "unknown theme {t}: {hint}`wengao phrasebank themes` lists them"
            )));
        }
    }
    let file = target_file(dir, &sc, role, new.themes.first().map(String::as_str))?;
    let warnings = if new.status.unwrap_or_default() == Status::Curated {
        would_lint(&sc, role, &text, &years)?
    } else {
        Vec::new()
    };
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let prefix = format!("{stem}.{}.", role.name());
    let file_theme = sc
        .themes
        .iter()
        .find(|t| t.file == file)
        .map(|t| t.name.clone());
    let themes = if new.themes.len() == 1
        && file_theme.as_deref() == new.themes.first().map(String::as_str)
    {
        Vec::new()
    } else {
        new.themes.clone()
    };
    let (id, line) = locked_edit(dir, &file, |before| {
        // Ids from the whole phrasebank, and from this file as it is now (another edit may have added some).
        let mut phrases = scan_dir(dir)?.phrases;
        let old = parse_raw(&file, before)?;
        phrases.extend(old.entries.iter().map(|e| Phrase {
            id: e.id.clone().into(),
            role,
            text: crate::phrasebank::PhraseText::default(),
            themes: Vec::new(),
            topics: Vec::new(),
            kinds: Vec::new(),
            years: Years::default(),
            live: Default::default(),
            weight: 1,
            source: crate::phrasebank::PhraseText::default(),
            status: Status::Curated,
            file: file.as_path().into(),
            line: 0,
        }));
        let id = format!("{prefix}{}", next_number(&phrases, &prefix));
        let raw = RawPhrase {
            id: id.clone(),
            role: role.name().to_string(),
            text: text.clone(),
            themes: themes.clone(),
            topics: new.topics.clone(),
            kinds: new.kinds.clone(),
            years: new
                .years
                .as_ref()
                .map(|y| crate::spec::Text(y.trim().to_string())),
            weight: new.weight,
            source: Some(new.source.clone().unwrap_or_else(|| "written".into())),
            status: new.status.filter(|s| *s != Status::Curated),
            count: None,
        };
        let (after, line) = append_entry(before, &raw)?;
        let parsed = parse_raw(&file, &after)
            .map_err(|e| Error::Internal(format!("the edit would break the file: {e}")))?;
        let mut want = old.clone();
        want.entries.push(raw.clone());
        if parsed != want {
            return Err(Error::Internal(format!(
                "the edited `{}` would not read back as the old entries plus the new one; nothing written",
                file.display()
            )));
        }
        Ok((after, (id, line)))
    })?;
    Ok(Added {
        id,
        file,
        line,
        warnings,
    })
}

/// What [`retire`] did.
#[derive(Debug, Clone, Serialize)]
pub struct Retired {
    pub id: String,
    pub file: PathBuf,
    pub line: usize,
    /// False when it was retired already (nothing written).
    pub changed: bool,
}

/// Set `status: retired` on the entry with this id, in place.
pub fn retire(dir: &Path, id: &str) -> Result<Retired> {
    let sc = scan_dir(dir)?;
    let hits: Vec<&Phrase> = sc.phrases.iter().filter(|p| p.id == id).collect();
    let Some(p) = hits.first() else {
        let ids: Vec<&str> = sc.phrases.iter().map(|p| p.id.as_str()).collect();
        let hint = crate::error::did_you_mean(id, ids.iter().copied())
            .map(|s| format!(" (did you mean {s}?)"))
            .unwrap_or_default();
        return Err(Error::Usage(format!("no entry has the id {id}{hint}")));
    };
    let file = p.file.to_path_buf();
    if p.status == Status::Retired {
        return Ok(Retired {
            id: id.into(),
            file,
            line: p.line,
            changed: false,
        });
    }
    let line = locked_edit(dir, &file, |before| {
        let old = parse_raw(&file, before)?;
        let Some(idx) = old.entries.iter().position(|e| e.id == id) else {
            return Err(Error::Usage(format!(
                "{id} is no longer in `{}`",
                file.display()
            )));
        };
        let after = set_status_retired(before, idx)?;
        let parsed = parse_raw(&file, &after)?;
        let mut want = old.clone();
        want.entries[idx].status = Some(Status::Retired);
        if parsed != want {
            return Err(Error::Usage(format!(
                "cannot retire {id} by a text edit of `{}` (an unusual layout); set `status: retired` by hand",
                file.display()
            )));
        }
        let line = entry_lines(&after).get(idx).copied().unwrap_or(1);
        Ok((after, line))
    })?;
    Ok(Retired {
        id: id.into(),
        file,
        line,
        changed: true,
    })
}
