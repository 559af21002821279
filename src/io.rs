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
    let f = open_regular(p, "read")?;
    // Sized up front: no regrowing (and copying) of the buffer while reading.
    let len = f.metadata().map_or(0, |m| m.len()).min(MAX_INPUT_BYTES);
    buf.reserve_exact(len as usize);
    f.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(p, "read", e))?;
    too_large(path, buf)
}

/// What a non-regular file is, for messages.
fn kind_of(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else {
        "not a plain file"
    }
}

/// Open a file for reading only if it is a regular file: a FIFO, device or socket is refused
/// without blocking (it is opened non-blocking, then checked with `fstat` on the open handle, so a
/// file swapped in between is seen too). Every file wengao reads by name goes through here.
pub fn open_regular(path: &Path, action: &'static str) -> Result<std::fs::File> {
    let f = open_regular_io(path).map_err(|e| match e {
        OpenError::Io(e) => Error::io(path, action, e),
        OpenError::NotRegular(kind) => Error::NotRegular {
            path: path.to_path_buf(),
            action,
            kind,
        },
    })?;
    Ok(f)
}

/// Why [`open_regular_io`] refused.
#[derive(Debug)]
pub enum OpenError {
    Io(std::io::Error),
    NotRegular(&'static str),
}

/// [`open_regular`] for callers that only need to know whether the file can be read (the cache).
pub fn open_regular_io(path: &Path) -> std::result::Result<std::fs::File, OpenError> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting.
        o.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let f = o.open(path).map_err(OpenError::Io)?;
    let t = f.metadata().map_err(OpenError::Io)?.file_type();
    if !t.is_file() {
        return Err(OpenError::NotRegular(kind_of(t)));
    }
    Ok(f)
}

/// Read a whole regular file's bytes, up to [`MAX_INPUT_BYTES`] (a FIFO, device or larger file is
/// an error, never waited on or read without end). For callers that report `std::io::Error`s.
pub fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    let f = open_regular_io(path).map_err(|e| match e {
        OpenError::Io(e) => e,
        OpenError::NotRegular(kind) => std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("it is {kind}, not a regular file"),
        ),
    })?;
    let mut buf = Vec::new();
    f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "larger than {} MB; nothing was read from it",
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(buf)
}

/// Read a whole regular file as UTF-8 (a FIFO or device is refused, never waited on).
pub fn read_file_text(path: &Path) -> Result<String> {
    let mut f = open_regular(path, "read")?;
    let mut s = String::new();
    f.read_to_string(&mut s)
        .map_err(|e| Error::io(path, "read", e))?;
    Ok(s)
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
            let raw = e.as_bytes();
            // UTF-16: a byte-order mark, or a NUL in every other byte of ASCII text.
            let utf16 = raw.starts_with(b"\xFF\xFE")
                || raw.starts_with(b"\xFE\xFF")
                || (raw.len() >= 4
                    && raw.iter().take(200).filter(|b| **b == 0).count() * 3 >= raw.len().min(200));
            let help = if utf16 {
                format!(
                    "the file looks like UTF-16 (as Windows Notepad saves \"Unicode\"); convert it: iconv -f UTF-16 -t UTF-8 {path} > new.yaml, or save it as UTF-8"
                )
            } else if !bad && gbk.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
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

// A speech's strict decoder (UTF-8 or GBK/GB18030, else refused) is `crate::text::decode`.

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

/// [`decode_lenient`] taking the bytes: UTF-8 text becomes the string without a copy.
pub fn decode_lenient_owned(bytes: Vec<u8>) -> (String, bool) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return decode_lenient(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => decode_lenient(e.as_bytes()),
    }
}

/// Where a write lands: `path` itself, or the end of the symbolic links it names (so that the
/// link stays a link and its target gets the new text).
fn write_target(path: &Path, force: bool) -> Result<PathBuf> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(path.to_path_buf());
    };
    if !meta.file_type().is_symlink() {
        return Ok(path.to_path_buf());
    }
    if let Ok(real) = std::fs::canonicalize(path) {
        return Ok(real);
    }
    // A dangling link: it exists, so it is replaced only with --force, and then its target is
    // written (as the shell's `>` would), the link left in place.
    if !force {
        return Err(Error::OutputExists(path.to_path_buf()));
    }
    let mut cur = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&cur) {
            Ok(to) => {
                cur = match cur.parent() {
                    Some(d) => d.join(to),
                    None => to,
                }
            }
            Err(_) => return Ok(cur),
        }
    }
    Err(Error::io(
        path,
        "write",
        std::io::Error::other("too many levels of symbolic links"),
    ))
}

/// Temporary files being written, removed by the SIGINT/SIGTERM/SIGHUP handler.
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Install (once) the handler that removes pending temporary files when the process is
/// interrupted or terminated, then exits with 130, and a panic hook that removes them too (the
/// release binary aborts on a panic, so no destructor would). (SIGKILL cannot be caught: a
/// `kill -9` in the middle of a write can leave one `.NAME.*.wengao-tmp` file; the target is
/// never half-written.)
fn clean_up_on_signal() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            remove_pending();
            std::process::exit(130);
        });
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            remove_pending();
            report(info);
        }));
    });
}

/// Remove the temporary files being written.
fn remove_pending() {
    // Not waiting: a panic on a thread holding the list would wait for itself. A poisoned
    // list's paths still hold.
    let list = match PENDING.try_lock() {
        Ok(l) => l,
        Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
        Err(std::sync::TryLockError::WouldBlock) => return,
    };
    for p in list.iter() {
        let _ = std::fs::remove_file(p);
    }
}

/// A temporary file registered for removal on a signal; removed on drop unless persisted.
struct Pending(PathBuf);

impl Pending {
    fn new(p: &Path) -> Pending {
        if let Ok(mut l) = PENDING.lock() {
            l.push(p.to_path_buf());
        }
        Pending(p.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Ok(mut l) = PENDING.lock() {
            l.retain(|x| x != &self.0);
        }
    }
}

/// Write `bytes` to `path` atomically: a temporary file in the same directory, then a rename.
///
/// The one writer of every output and every phrasebank edit:
/// - on Linux the text goes into an unnamed file first ([`write_unnamed`]), so even `kill -9`
///   leaves nothing behind; otherwise the temporary file has an unpredictable name and is
///   created exclusively (`O_EXCL`, which never follows a symbolic link), by the `tempfile` crate;
/// - an existing file (or a link to one, even a dangling link) is replaced only with `force`; a
///   FIFO, device or socket is never replaced, even with `force`;
/// - a symbolic link stays a link: its target gets the new text; the file's mode is kept
///   (a new file gets 0666 less the umask);
/// - on SIGINT/SIGTERM/SIGHUP the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    let target = write_target(path, force)?;
    let existing = match std::fs::metadata(&target) {
        Ok(m) if m.is_dir() => {
            return Err(Error::io(
                path,
                "write",
                std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a directory"),
            ));
        }
        Ok(m) if !m.is_file() => {
            return Err(Error::NotRegular {
                path: path.to_path_buf(),
                action: "replace",
                kind: kind_of(m.file_type()),
            });
        }
        Ok(_) if !force => return Err(Error::OutputExists(path.to_path_buf())),
        Ok(m) => Some(m),
        Err(_) => None,
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    clean_up_on_signal();
    let prefix = format!(".{name}.");
    #[cfg(target_os = "linux")]
    if let Some(done) = write_unnamed(&dir, &target, &prefix, existing.as_ref(), bytes, force) {
        return done.map_err(|e| match e {
            UnnamedError::Exists => Error::OutputExists(path.to_path_buf()),
            UnnamedError::Io(e) => Error::io(path, "write", e),
        });
    }
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix).suffix(".wengao-tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = existing
            .as_ref()
            .map_or(0o666, |m| m.permissions().mode() & 0o7777);
        b.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = b
        .tempfile_in(&dir)
        .map_err(|e| Error::io(path, "write", e))?;
    let _pending = Pending::new(tmp.path());
    let written = (|| {
        if let Some(m) = &existing {
            // The umask applied at creation: set the old mode exactly.
            tmp.as_file().set_permissions(m.permissions())?;
        }
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()
    })();
    written.map_err(|e| Error::io(path, "write", e))?;
    let persisted = if existing.is_some() {
        tmp.persist(&target).map(|_| ())
    } else {
        // Never replace a file that appeared meanwhile without --force.
        match tmp.persist_noclobber(&target) {
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists && !force => {
                return Err(Error::OutputExists(path.to_path_buf()));
            }
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                e.file.persist(&target).map(|_| ())
            }
            r => r.map(|_| ()),
        }
    };
    persisted.map_err(|e| Error::io(path, "write", e.error))
}

/// Why [`write_unnamed`] failed once it had begun.
#[cfg(target_os = "linux")]
enum UnnamedError {
    Exists,
    Io(std::io::Error),
}

/// The Linux way, which not even `kill -9` can leave a temporary file behind from: the text is
/// written and synced into an unnamed file (`O_TMPFILE`) in the target's directory, then linked
/// in: straight to the target when it is new (`linkat` never replaces: a file that appeared
/// meanwhile is not clobbered), else to an unpredictable name renamed over the target at once —
/// a window of two system calls. `None` when the file system cannot make unnamed files: the
/// caller writes a named temporary file instead.
#[cfg(target_os = "linux")]
fn write_unnamed(
    dir: &Path,
    target: &Path,
    prefix: &str,
    existing: Option<&std::fs::Metadata>,
    bytes: &[u8],
    force: bool,
) -> Option<std::result::Result<(), UnnamedError>> {
    use rustix::fs::{AtFlags, CWD, Mode, OFlags};
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::PermissionsExt;
    let mode = existing.map_or(0o666, |m| m.permissions().mode() & 0o7777);
    let fd = rustix::fs::openat(
        CWD,
        dir,
        OFlags::WRONLY | OFlags::TMPFILE | OFlags::CLOEXEC,
        Mode::from_raw_mode(mode),
    )
    .ok()?;
    let mut f = std::fs::File::from(fd);
    let io = |e: std::io::Error| UnnamedError::Io(e);
    let written = (|| {
        if let Some(m) = existing {
            // The umask applied at creation: set the old mode exactly.
            f.set_permissions(m.permissions())?;
        }
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        return Some(Err(io(e)));
    }
    let me = format!("/proc/self/fd/{}", f.as_raw_fd());
    let link = |to: &Path| {
        rustix::fs::linkat(CWD, me.as_str(), CWD, to, AtFlags::SYMLINK_FOLLOW)
            .map_err(std::io::Error::from)
    };
    if existing.is_none() {
        match link(target) {
            Ok(()) => return Some(Ok(())),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && !force => {
                return Some(Err(UnnamedError::Exists));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            // No /proc, or linking refused: write the named way.
            Err(_) => return None,
        }
    }
    let named = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".wengao-tmp")
        .make_in(dir, |p| link(p));
    let named = match named {
        Ok(n) => n,
        Err(_) => return None,
    };
    let _pending = Pending::new(named.path());
    Some(named.persist(target).map(|_| ()).map_err(|e| io(e.error)))
}

/// A set of files written together (`normalize DIR -o OUT`, `mine --out DIR`): when one write
/// fails, the files this run created are removed again, so a failed run leaves no partial set.
/// (Files it replaced under `--force` keep their new text: each was replaced atomically.)
#[derive(Default)]
pub struct WriteSet {
    created: std::sync::Mutex<Vec<PathBuf>>,
}

impl WriteSet {
    pub fn new() -> WriteSet {
        WriteSet::default()
    }

    /// [`write_atomic`], remembering a file that did not exist before.
    pub fn write(&self, path: &Path, bytes: &[u8], force: bool) -> Result<()> {
        let new = std::fs::symlink_metadata(path).is_err();
        write_atomic(path, bytes, force)?;
        if new && let Ok(mut c) = self.created.lock() {
            c.push(path.to_path_buf());
        }
        Ok(())
    }

    /// Remove every file this set created; returns the error to report.
    pub fn roll_back(&self, e: Error) -> Error {
        if let Ok(c) = self.created.lock() {
            for p in c.iter() {
                let _ = std::fs::remove_file(p);
            }
        }
        e
    }
}

/// An exclusive lock on a directory (a phrasebank): every phrasebank writer (`phrasebank add`,
/// `phrasebank retire`, `mine --merge`) holds it while it reads, edits and writes, so that no two
/// of them lose each other's entries or give out one id twice.
///
/// It is an OS file lock (`flock`, through the `fs4` crate) on the directory itself: the kernel
/// releases it when the process ends, however it ends (`kill -9` included), so a dead edit can
/// never leave the phrasebank locked, and no lock file is left lying in it.
pub struct DirLock {
    _dir: std::fs::File,
}

/// How long a phrasebank writer waits for another before giving up with a message.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

impl DirLock {
    /// Wait (up to [`LOCK_WAIT`]) for the lock of `dir`.
    pub fn acquire(dir: &Path) -> Result<DirLock> {
        use fs4::fs_std::FileExt;
        let f = std::fs::File::open(dir).map_err(|e| Error::io(dir, "lock", e))?;
        let start = std::time::Instant::now();
        loop {
            match FileExt::try_lock_exclusive(&f) {
                Ok(true) => return Ok(DirLock { _dir: f }),
                Ok(false) if start.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Ok(false) => {
                    return Err(Error::Locked {
                        path: dir.to_path_buf(),
                        waited_secs: LOCK_WAIT.as_secs(),
                    });
                }
                Err(e) => return Err(Error::io(dir, "lock", e)),
            }
        }
    }
}

/// Write to stdout; a closed pipe (e.g. `| head`) ends quietly. A standard output the shell
/// closed (`>&-`) is an error (exit 2), never a silent success: see [`stdout_was_closed`].
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    if stdout_was_closed() {
        return Err(Error::io(
            "-",
            "write standard output",
            std::io::Error::other(
                "it was closed when wengao started (`>&-`), so nothing was written; redirect it to a file, or use -o FILE",
            ),
        ));
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("-", "write standard output", e)),
    }
}

/// Whether the shell started wengao with standard output closed (`wengao draft s.yaml >&-`).
///
/// Rust's runtime cannot leave descriptors 0–2 closed: before `main` it polls them and opens
/// `/dev/null` **read-write** (`O_RDWR`) on any that is closed, so writes then "succeed" into
/// nothing (and `std` also swallows `EBADF` on stdout). The rule, from what each party opens:
/// - `fstat` of descriptor 1 fails with `EBADF` → closed (a runtime that did not reopen it);
/// - it is the character device of `/dev/null` (same `st_rdev`) opened read-write → closed and
///   reopened by the runtime. A shell's `>/dev/null` opens it write-only (`O_WRONLY|O_TRUNC`),
///   so `>/dev/null` stays a quiet success;
/// - unless standard error is such a read-write `/dev/null` too: that is also what a daemon's
///   stdio looks like (`daemon(3)` opens `/dev/null` read-write for 0, 1 and 2), and with
///   standard error closed no message could be read anyway, so it is not taken as closed.
///
/// Linux and other Unix; elsewhere never.
pub fn stdout_was_closed() -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let reopened_null = |fd: std::os::fd::BorrowedFd<'_>| -> Option<bool> {
            let st = match rustix::fs::fstat(fd) {
                Ok(st) => st,
                Err(rustix::io::Errno::BADF) => return None,
                Err(_) => return Some(false),
            };
            if rustix::fs::FileType::from_raw_mode(st.st_mode)
                != rustix::fs::FileType::CharacterDevice
            {
                return Some(false);
            }
            let Ok(null) = rustix::fs::stat("/dev/null") else {
                return Some(false);
            };
            if st.st_rdev != null.st_rdev {
                return Some(false);
            }
            let Ok(flags) = rustix::fs::fcntl_getfl(fd) else {
                return Some(false);
            };
            Some(flags & rustix::fs::OFlags::RWMODE == rustix::fs::OFlags::RDWR)
        };
        let out = std::io::stdout();
        let err = std::io::stderr();
        match reopened_null(out.as_fd()) {
            None => true,
            Some(false) => false,
            Some(true) => reopened_null(err.as_fd()) == Some(false),
        }
    }
    #[cfg(not(unix))]
    {
        false
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
