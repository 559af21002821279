//! Reading inputs and writing outputs without losing anything.
//!
//! `-` reads standard input. Text must be UTF-8; GBK/GB18030 input is recognised and decoded
//! where asked (`read_text_lenient`). Outputs are written to a temporary file in the same directory
//! and renamed into place, so a reader never sees half a file, and an existing file is only
//! replaced with `--force`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};

/// The largest input read, in bytes (spec, speech, draft).
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Read raw bytes from a path, or standard input for `-`.
pub fn read_bytes(path: &str) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    if path == "-" {
        std::io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io("-", "read standard input", e))?;
        return too_large(path, buf);
    }
    let p = Path::new(path);
    if p.is_dir() {
        return Err(Diagnostic::new(path, "this is a directory, not a file")
            .help("name a file (a directory is taken only by `normalize`, `mine` and `preview`)")
            .into());
    }
    let f = std::fs::File::open(p).map_err(|e| Error::io(p, "read", e))?;
    // Sized up front: no regrowing (and copying) of the buffer while reading.
    let len = f.metadata().map_or(0, |m| m.len()).min(MAX_INPUT_BYTES);
    buf.reserve_exact(len as usize);
    f.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(p, "read", e))?;
    too_large(path, buf)
}

/// An input over [`MAX_INPUT_BYTES`] is refused, never read in part.
fn too_large(path: &str, buf: Vec<u8>) -> Result<Vec<u8>> {
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(Diagnostic::new(
            path,
            format!(
                "the input is larger than {} MB; nothing was read from it",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        )
        .help("a speech, spec or draft is far smaller: split the file, or check that it is the right one")
        .into());
    }
    Ok(buf)
}

/// Read UTF-8 text; a file in another encoding is refused with a message saying how to convert.
pub fn read_text(path: &str) -> Result<String> {
    let bytes = read_bytes(path)?;
    decode_strict(path, bytes)
}

/// Decode UTF-8 (dropping a BOM), or explain how to convert.
pub fn decode_strict(path: &str, bytes: Vec<u8>) -> Result<String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let text = String::from_utf8_lossy(valid);
            let line = text.matches('\n').count() + 1;
            let col = text
                .rsplit('\n')
                .next()
                .map(|l| l.chars().count() + 1)
                .unwrap_or(1);
            let (gbk, _, bad) = encoding_rs::GB18030.decode(e.as_bytes());
            let help = if !bad && gbk.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                format!(
                    "the file looks like GBK/GB18030; convert it: iconv -f GB18030 -t UTF-8 {path} > new.yaml"
                )
            } else {
                "save the file as UTF-8 text".to_string()
            };
            let mut d = Diagnostic::new(path, "the file is not UTF-8 text").help(help);
            d.line = line;
            d.column = col;
            Err(d.into())
        }
    }
}

/// Decode UTF-8, or GBK/GB18030 when the bytes are not UTF-8. Returns the text and whether it was GBK.
pub fn decode_lenient(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(_) => {
            let (s, _, _) = encoding_rs::GB18030.decode(bytes);
            (s.into_owned(), true)
        }
    }
}

/// Write `bytes` to `path` atomically: a temporary file in the same directory, then a rename.
/// An existing file is replaced only with `force`.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    if path.is_dir() {
        return Err(Error::io(
            path,
            "write",
            std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a directory"),
        ));
    }
    if path.exists() && !force {
        return Err(Error::OutputExists(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.wengao-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, "write", e));
    }
    Ok(())
}

/// Write to stdout; a closed pipe (e.g. `| head`) ends quietly.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("-", "write standard output", e)),
    }
}

/// Write to `-o FILE` atomically, or to stdout when `out` is None or `-`.
pub fn emit(out: Option<&Path>, bytes: &[u8], force: bool) -> Result<()> {
    match out {
        Some(p) if p != Path::new("-") => write_atomic(p, bytes, force),
        _ => write_stdout(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, b"one", false).unwrap();
        assert!(matches!(
            write_atomic(&p, b"two", false),
            Err(Error::OutputExists(_))
        ));
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"two", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[test]
    fn gbk_is_recognised() {
        let (bytes, _, _) = encoding_rs::GBK.encode("同志们：今天开会。");
        let e = decode_strict("s.yaml", bytes.to_vec())
            .unwrap_err()
            .to_string();
        assert!(e.contains("GB18030"), "{e}");
        let (s, was_gbk) = decode_lenient(&bytes);
        assert!(was_gbk);
        assert_eq!(s, "同志们：今天开会。");
    }
}
