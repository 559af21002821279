//! `mine --merge`: new candidates appended to a phrasebank's `candidates/mined.yaml`.

use std::collections::BTreeSet;
use std::path::Path;

use crate::error::{Error, Result};
use crate::phrasebank::RawPhrase;

/// Append the candidates of `miner` that `dir` does not hold yet (by id or text) to
/// `dir/candidates/mined.yaml`, as text: curated files are never rewritten. Returns how many.
/// Holds the phrasebank's lock ([`crate::io::DirLock`]) throughout, like `phrasebank add`: two
/// merges at once neither lose candidates nor write an id twice.
pub fn merge(entries: &[RawPhrase], dir: &Path) -> Result<usize> {
    let _lock = crate::io::DirLock::acquire(dir)?;
    let mut known_ids = BTreeSet::new();
    let mut known_texts = BTreeSet::new();
    let mut files = Vec::new();
    collect_yaml(dir, &mut files);
    for f in &files {
        let text = crate::io::read_file_text(f)?;
        for l in text.lines() {
            let t = l.trim_start().trim_start_matches("- ").trim_start();
            if let Some(v) = t.strip_prefix("id:") {
                known_ids.insert(unquote(v));
            } else if let Some(v) = t.strip_prefix("text:") {
                known_texts.insert(unquote(v));
            }
        }
    }
    let new: Vec<&RawPhrase> = entries
        .iter()
        .filter(|e| !known_ids.contains(&e.id) && !known_texts.contains(&e.text))
        .collect();
    if new.is_empty() {
        return Ok(0);
    }
    let cdir = dir.join("candidates");
    std::fs::create_dir_all(&cdir).map_err(|e| Error::io(&cdir, "create", e))?;
    let path = cdir.join("mined.yaml");
    let mut text = match crate::io::read_file_text(&path) {
        Ok(t) => t,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => "# Mined candidates (wengao mine --merge): review, then move into a theme file.\nentries:\n".to_string(),
        Err(e) => return Err(e),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let owned: Vec<RawPhrase> = new.iter().map(|e| (*e).clone()).collect();
    let block = serde_yaml::to_string(&owned)
        .map_err(|e| Error::Usage(format!("cannot write YAML: {e}")))?;
    for l in block.lines() {
        text.push_str("  ");
        text.push_str(l);
        text.push('\n');
    }
    crate::io::write_atomic(&path, text.as_bytes(), true)?;
    Ok(new.len())
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(v);
    let v = v
        .strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .unwrap_or(v);
    v.to_string()
}

fn collect_yaml(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect_yaml(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                out.push(p);
            }
        }
    }
}
