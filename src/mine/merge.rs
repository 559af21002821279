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
        .map_err(|e| Error::Internal(format!("cannot write YAML: {e}")))?;
    for l in block.lines() {
        text.push_str("  ");
        text.push_str(l);
        text.push('\n');
    }
    crate::io::write_atomic(&path, text.as_bytes(), true)?;
    Ok(new.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: &str, text: &str) -> RawPhrase {
        RawPhrase {
            id: id.into(),
            role: "slogan".into(),
            text: text.into(),
            themes: vec![],
            topics: vec![],
            kinds: vec![],
            years: None,
            weight: None,
            source: Some("000:1".into()),
            status: Some(crate::phrasebank::Status::Candidate),
            count: Some(2),
        }
    }

    /// A phrasebank file that does not read would hide its ids: the merge stops, writes nothing.
    #[test]
    fn a_phrasebank_that_does_not_read_is_not_merged_into() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("common.yaml"), "entries:\n  - id: [x\n").unwrap();
        let e = merge(&[candidate("mined.slogan.1", "口号。")], d.path()).unwrap_err();
        assert!(e.to_string().contains("fix the phrasebank first"), "{e}");
        assert!(!d.path().join("candidates").exists());
    }

    /// Ids and texts the phrasebank holds, in any YAML form the reader reads, are not merged again.
    #[test]
    fn known_ids_and_texts_are_skipped() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join("common.yaml"),
            "entries:\n  - {id: 'mined.slogan.1', role: slogan, text: \"甲。\", status: candidate}\n  - id: c.2\n    role: slogan\n    text: >-\n      乙。\n    status: candidate\n",
        )
        .unwrap();
        let new = [
            candidate("mined.slogan.1", "丙。"),
            candidate("mined.slogan.3", "乙。"),
            candidate("mined.slogan.4", "丁。"),
        ];
        assert_eq!(merge(&new, d.path()).unwrap(), 1);
        let text = std::fs::read_to_string(d.path().join("candidates/mined.yaml")).unwrap();
        assert!(
            text.contains("mined.slogan.4") && !text.contains("mined.slogan.3"),
            "{text}"
        );
        assert_eq!(merge(&new, d.path()).unwrap(), 0);
    }
}
