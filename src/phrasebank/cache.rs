//! The load cache of a phrasebank folder: `$WENGAO_CACHE_DIR`, else `$XDG_CACHE_HOME/wengao`,
//! else `~/.cache/wengao`; `WENGAO_CACHE_DIR=off` turns it off. A cache file (the compact form,
//! `compact.rs`) is named by a hash of wengao's version and every phrasebank file's path and
//! bytes, so any edit misses the cache; a stamp file maps the files' paths, sizes and times to
//! it. Any trouble with the cache (unwritable, corrupt) just means parsing the YAML. The embedded
//! phrasebank never uses it.

use std::path::{Path, PathBuf};

use super::compact::{MAGIC, Unread, decode_checked, encode};
use super::{Phrasebank, Selection, Theme};
use crate::hash::StableHasher;

pub fn dir() -> Option<PathBuf> {
    match std::env::var_os("WENGAO_CACHE_DIR") {
        Some(v) if v == "off" || v.is_empty() => None,
        Some(v) => Some(PathBuf::from(v)),
        None => std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
            .map(|d| d.join("wengao")),
    }
}

/// What the files look like from outside: a hash of wengao's version and each file's path,
/// size, modification time (and inode), unless a file was modified in the last two seconds
/// (a later edit in the same clock tick could go unseen: such files are read and hashed).
pub struct Stamp {
    key: u64,
    dir: PathBuf,
}

pub fn stamp(dir: &Path, files: &[PathBuf]) -> Option<Stamp> {
    let dir = dir.to_path_buf();
    let now = std::time::SystemTime::now();
    let mut h = StableHasher::new();
    h.write_field(MAGIC);
    h.write_field(b"stamp");
    h.write_field(env!("CARGO_PKG_VERSION").as_bytes());
    h.write_field(crate::lexicon::ERA_YAML.as_bytes());
    h.write_field(crate::lexicon::CALENDAR_YAML.as_bytes());
    for f in files {
        let m = std::fs::metadata(f).ok()?;
        let modified = m.modified().ok()?;
        let age = now.duration_since(modified).ok()?;
        if age < std::time::Duration::from_secs(2) {
            return None;
        }
        let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        h.write_field(f.to_string_lossy().as_bytes());
        h.write_field(&m.len().to_le_bytes());
        h.write_field(&since.as_secs().to_le_bytes());
        h.write_field(&since.subsec_nanos().to_le_bytes());
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            h.write_field(&m.ino().to_le_bytes());
            h.write_field(&m.dev().to_le_bytes());
        }
    }
    Some(Stamp {
        key: h.finish(),
        dir,
    })
}

fn stamp_path(s: &Stamp) -> PathBuf {
    s.dir.join(format!("stamp-{:016x}", s.key))
}

/// The cache the stamp points at, if both are there and sound.
pub fn read_stamped(
    s: &Stamp,
    dir: &Path,
    select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
) -> Option<Phrasebank> {
    // A stamp is a short name: a FIFO or a link to a device is not waited on or read on.
    let f = crate::io::open_regular_io(&stamp_path(s)).ok()?;
    let mut name = String::new();
    std::io::Read::read_to_string(&mut std::io::Read::take(f, 256), &mut name).ok()?;
    let name = name.trim();
    if !(name.starts_with("phrasebank-") && name.ends_with(".bin") && !name.contains('/')) {
        return None;
    }
    read(&s.dir.join(name), dir, select)
}

/// Point the stamp at a content cache (a small file holding its name).
pub fn write_stamp(s: &Stamp, cache: &Path) {
    let Some(name) = cache.file_name() else {
        return;
    };
    write_file(&stamp_path(s), name.to_string_lossy().as_bytes());
}

pub fn path(dir: &Path, sources: &[(PathBuf, String)]) -> PathBuf {
    let mut h = StableHasher::new();
    h.write_field(MAGIC);
    h.write_field(env!("CARGO_PKG_VERSION").as_bytes());
    // The era lexicon narrows the entries' months: a new lexicon is a new cache.
    h.write_field(crate::lexicon::ERA_YAML.as_bytes());
    h.write_field(crate::lexicon::CALENDAR_YAML.as_bytes());
    for (p, t) in sources {
        h.write_field(p.to_string_lossy().as_bytes());
        h.write_field(t.as_bytes());
    }
    dir.join(format!("phrasebank-{:016x}.bin", h.finish()))
}

// The layout is the compact form's (`compact.rs`), checksum included.

/// The largest cache file read (the shipped phrasebank's is under 2 MB).
const MAX_CACHE_BYTES: u64 = 256 * 1024 * 1024;

/// Notes on caches that were ignored, printed under `-v` ([`super::take_cache_notes`]).
pub static NOTES: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

fn note(msg: String) {
    if let Ok(mut n) = NOTES.lock() {
        n.push(msg);
    }
}

/// Read a cache file, streamed: the file is never held whole in memory (for a short process,
/// memory touched is time). Only a regular file is read (a FIFO or a link to a device is
/// ignored without blocking), up to [`MAX_CACHE_BYTES`].
pub fn read(
    path: &Path,
    dir: &Path,
    select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
) -> Option<Phrasebank> {
    let f = crate::io::open_regular_io(path).ok()?;
    let len = f.metadata().ok()?.len();
    if len > MAX_CACHE_BYTES {
        return None;
    }
    match decode_checked(f, len, dir, select) {
        Ok(pb) => Some(pb),
        Err(Unread::Damaged) => {
            note(format!(
                "note: the phrasebank cache `{}` is damaged or old; it was ignored",
                path.display()
            ));
            None
        }
        Err(Unread::Checksum) => {
            note(format!(
                "note: the phrasebank cache `{}` does not match its checksum; it was ignored and the YAML read instead",
                path.display()
            ));
            None
        }
    }
}

pub fn write(path: &Path, pb: &Phrasebank) {
    write_file(path, &encode(pb));
    if let Some(parent) = path.parent() {
        prune(parent);
    }
}

fn write_file(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    // A temporary file (unpredictable name, created exclusively) and a rename: a reader
    // never sees half a cache file.
    let Some(parent) = path.parent() else { return };
    if let Ok(mut tmp) = tempfile::Builder::new()
        .prefix(".cache.")
        .suffix(".wengao-tmp")
        .tempfile_in(parent)
        && std::io::Write::write_all(&mut tmp, bytes).is_ok()
    {
        let _ = tmp.persist(path);
    }
}

/// How many cache files (and stamps) are kept: every phrasebank edit makes a new one.
const KEEP: usize = 12;

/// Remove all but the newest [`KEEP`] cache files and stamps, so that the cache directory does not
/// grow with every edit of the phrasebank.
fn prune(dir: &Path) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut caches = Vec::new();
    let mut stamps = Vec::new();
    for ent in rd.flatten() {
        let name = ent.file_name().to_string_lossy().to_string();
        let modified = ent
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(std::time::UNIX_EPOCH);
        if name.starts_with("phrasebank-") && name.ends_with(".bin") {
            caches.push((modified, ent.path()));
        } else if name.starts_with("stamp-") {
            stamps.push((modified, ent.path()));
        }
    }
    for mut list in [caches, stamps] {
        list.sort_by_key(|e| std::cmp::Reverse(e.0));
        for (_, p) in list.into_iter().skip(KEEP) {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Notes about phrasebank caches that were ignored (damaged, checksum mismatch), for `-v`.
pub fn take_cache_notes() -> Vec<String> {
    NOTES
        .lock()
        .map(|mut n| std::mem::take(&mut *n))
        .unwrap_or_default()
}
