//! `mine --merge`: new candidates appended to a phrasebank's `candidates/mined.yaml`. The
//! phrasebank's ids and texts are read with the one reader ([`crate::phrasebank::read`]).

use std::collections::HashSet;
use std::path::Path;

use crate::error::{Error, Result};
use crate::phrasebank::RawPhrase;

/// Append the candidates of `miner` that `dir` does not hold yet (by id or text) to
/// `dir/candidates/mined.yaml`, as text: curated files are never rewritten. Returns how many.
/// Holds the phrasebank's lock ([`crate::io::DirLock`]) throughout, like `phrasebank add`: two
/// merges at once neither lose candidates nor write an id twice.
pub fn merge(entries: &[RawPhrase], dir: &Path) -> Result<usize> {
    let _lock = crate::io::DirLock::acquire(dir)?;
    // The phrasebank as the tools read it (the one reader, lenient): a file that does not read
    // (or an entry left out) would hide its ids, so the merge stops rather than risk a second
    // entry with one of them.
    let reading = crate::phrasebank::read_lenient(&crate::phrasebank::read_dir(dir)?);
    let hides = |rule: &str| matches!(rule, "schema" | "unknown-role" | "bad-years");
    if let Some(p) = reading.problems.iter().find(|p| hides(p.rule)) {
        return Err(Error::Usage(format!(
            "{}:{}: {}; fix the phrasebank first (`wengao phrasebank lint`), then merge again",
            p.file.display(),
            p.line,
            p.message
        )));
    }
    let known_ids: HashSet<&str> = reading.phrases.iter().map(|p| p.id.as_str()).collect();
    let known_texts: HashSet<&str> = reading.phrases.iter().map(|p| p.text.as_str()).collect();
    let new: Vec<&RawPhrase> = entries
        .iter()
        .filter(|e| !known_ids.contains(e.id.as_str()) && !known_texts.contains(e.text.as_str()))
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
