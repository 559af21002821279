//! Writing what was mined: `candidates.yaml` (phrasebank schema, `status: candidate`),
//! `patterns.yaml`, one `patterns/*.tera` per family and `kinds.yaml`, all or nothing.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::Miner;
use crate::error::{Error, Result};
use crate::phrasebank::{RawFile, RawPhrase, Status};

/// Threads writing the `patterns/*.tera` files.
const WRITERS: usize = 8;

impl Miner {
    /// Write `candidates.yaml`, `patterns.yaml`, `patterns/*.tera` and `kinds.yaml` under `out`.
    /// All or nothing: when one write fails (a full disk), the files this run created are
    /// removed again ([`crate::io::WriteSet`]).
    pub fn write(&self, out: &Path, force: bool) -> Result<Vec<std::path::PathBuf>> {
        let set = crate::io::WriteSet::new();
        self.write_set(out, force, &set)
            .map_err(|e| set.roll_back(e))
    }

    fn write_set(
        &self,
        out: &Path,
        force: bool,
        set: &crate::io::WriteSet,
    ) -> Result<Vec<std::path::PathBuf>> {
        let pdir = out.join("patterns");
        std::fs::create_dir_all(&pdir).map_err(|e| Error::io(&pdir, "create", e))?;
        let mut written = Vec::new();
        let w = |p: std::path::PathBuf, bytes: &[u8]| -> Result<std::path::PathBuf> {
            set.write(&p, bytes, force)?;
            Ok(p)
        };
        let file = RawFile {
            theme: None,
            description: Some(format!(
                "mined from {} document(s); candidates for review",
                self.documents
            )),
            topics: Vec::new(),
            entries: self.raw_entries(),
        };
        written.push(w(
            out.join("candidates.yaml"),
            &yaml_file(
                "# Mined by `wengao mine`: candidates, never drafted until curated.\n",
                &file,
            )?,
        )?);
        drop(file);
        written.push(w(
            out.join("patterns.yaml"),
            &yaml_file(
                "# Heading patterns by sibling family (mined).\n",
                &self.families,
            )?,
        )?);
        // One small file per family, each written atomically with an fsync: the time is the
        // disk's latency, so several threads write them (a large corpus has tens of thousands).
        let families = &self.families;
        let paths: Vec<std::path::PathBuf> = families
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let stem = f.source.replace(':', "_");
                pdir.join(format!("mined_l{}_{stem}_{i}.tera", f.level))
            })
            .collect();
        let writers = WRITERS.min(paths.len()).max(1);
        let failed: Option<(usize, Error)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..writers)
                .map(|t| {
                    let paths = &paths;
                    scope.spawn(move || {
                        for i in (t..paths.len()).step_by(writers) {
                            let s = families[i].tera_file();
                            if let Err(e) = set.write(&paths[i], s.as_bytes(), force) {
                                return Some((i, e));
                            }
                        }
                        None
                    })
                })
                .collect();
            handles
                .into_iter()
                .filter_map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Some((0, Error::Internal("a writing thread failed".into())))
                    })
                })
                .min_by_key(|(i, _)| *i)
        });
        if let Some((_, e)) = failed {
            return Err(e);
        }
        written.extend(paths);
        written.push(w(out.join("kinds.yaml"), self.kinds_yaml().as_bytes())?);
        Ok(written)
    }

    /// The per-kind part order as YAML text.
    pub fn kinds_yaml(&self) -> String {
        let mut s = String::from(
            "# The order of level-1 parts per meeting kind, as the corpus shows it (mined).\n",
        );
        for (kind, orders) in &self.kinds {
            let mut freq: BTreeMap<Vec<String>, usize> = BTreeMap::new();
            for o in orders {
                let mut d: Vec<String> = Vec::new();
                for c in &o.order {
                    if d.last() != Some(c) {
                        d.push(c.clone());
                    }
                }
                *freq.entry(d).or_default() += 1;
            }
            // The commonest order; on a tie the longest (a truncated speech shows fewer parts).
            let dedup = freq
                .iter()
                .max_by_key(|(o, n)| (**n, o.len()))
                .map(|(o, _)| o.clone())
                .unwrap_or_default();
            let _ = writeln!(s, "{kind}:");
            let _ = writeln!(s, "  order: [{}]", dedup.join(", "));
            let _ = writeln!(s, "  seen:");
            for o in orders {
                let _ = writeln!(
                    s,
                    "    - {{source: \"{}\", order: [{}]}}",
                    o.source,
                    o.order.join(", ")
                );
            }
        }
        s
    }

    /// The candidates as phrasebank entries (`status: candidate`).
    pub fn raw_entries(&self) -> Vec<RawPhrase> {
        self.candidates()
            .into_iter()
            .map(|c| RawPhrase {
                id: candidate_id(c.role, &c.text),
                role: c.role.to_string(),
                text: c.text.clone(),
                themes: c.themes.iter().cloned().collect(),
                topics: self
                    .topics
                    .as_ref()
                    .and_then(|m| m.classify(&c.text))
                    .map(|t| vec![t.name.to_string()])
                    .unwrap_or_default(),
                kinds: Vec::new(),
                years: match (c.years.first(), c.years.last()) {
                    (Some(a), Some(b)) if a == b => Some(crate::spec::Text(a.to_string())),
                    (Some(a), Some(b)) => Some(crate::spec::Text(format!("{a}-{b}"))),
                    _ => None,
                },
                weight: None,
                source: Some(c.sources.first().cloned().unwrap_or_default()),
                status: Some(Status::Candidate),
                count: Some(c.count),
            })
            .collect()
    }
}

/// A YAML file's bytes: a comment, then the value serialised right after it (no copy of a large
/// text).
fn yaml_file<T: Serialize + ?Sized>(comment: &str, value: &T) -> Result<Vec<u8>> {
    let mut buf = comment.as_bytes().to_vec();
    serde_yaml::to_writer(&mut buf, value)
        .map_err(|e| Error::Internal(format!("cannot write YAML: {e}")))?;
    Ok(buf)
}

/// `mined.<role>.<hash>`: stable across runs, so merging is idempotent.
pub fn candidate_id(role: &str, text: &str) -> String {
    let h = crate::hash::stable_hash(text.as_bytes());
    format!("mined.{role}.{:08x}", h & 0xffff_ffff)
}
