//! Bad inputs through the real binary: each exits 2 with a message naming file:line:column (or
//! the file) and what to do, never hangs, and nothing is lost on a failed write. Each test is
//! named after what it guards (issues 7 and 16); no test here times anything (a hang guard
//! aside): time is measured in benches/, memory in tests/memory.rs.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Ran, Wengao, root};

/// How long a run may take before it is taken as hung (a FIFO waited on, a quadratic loop).
/// A hang guard, not a speed check: every run here takes well under a second in release and a
/// few in debug; the inputs are sized so that the old quadratic or blocking behaviour would take
/// hours or forever. Speed is measured in benches/ and stated in docs/performance.md.
const HANG: Duration = Duration::from_secs(600);

/// Run `wengao`, failing the test (instead of hanging it) if the run never ends.
fn run_guarded(w: Wengao) -> Ran {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(w.run());
    });
    rx.recv_timeout(HANG)
        .unwrap_or_else(|_| panic!("wengao hung: no answer in {HANG:?}"))
}

fn draft(spec: &Path) -> Ran {
    run_guarded(Wengao::new().arg("draft").path(spec))
}

fn example() -> String {
    std::fs::read_to_string(root().join("examples/plenary-2024.yaml")).unwrap()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Exit 2, a located message (`name:line:col`), and a help line.
fn located(r: Ran, name: &str, line_col: &str, what: &str) {
    let r = r.code(2).stderr_has(what).stderr_has("help:");
    assert!(
        r.stderr.contains(&format!("{name}:{line_col}")),
        "no {name}:{line_col} in:\n{}",
        r.stderr
    );
    assert!(r.stdout.is_empty(), "stdout: {}", r.stdout);
    assert!(
        r.stderr.len() < 4000,
        "message too long: {} bytes",
        r.stderr.len()
    );
}

#[test]
fn empty_spec() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "empty.yaml", "");
    located(draft(&p), "empty.yaml", "1:1", "the spec is empty");
}

#[test]
fn gbk_spec() {
    let d = tempfile::tempdir().unwrap();
    let text = example();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let p = write(d.path(), "gbk.yaml", gbk.as_ref());
    located(draft(&p), "gbk.yaml", "1:", "not UTF-8");
    draft(&p).stderr_has("iconv -f GB18030");
}

#[test]
fn tabs_in_yaml() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "tabs.yaml",
        example().replace("  name: 汉阴县", "\tname: 汉阴县"),
    );
    located(draft(&p), "tabs.yaml", "11:1", "a tab indents this line");
}

#[test]
fn yaml_alias_bomb() {
    let d = tempfile::tempdir().unwrap();
    let mut lines = vec![
        "meeting:".to_string(),
        "  name: 会议".into(),
        "  date: 2024-02-26".into(),
        "  purposes:".into(),
        r#"    - &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#.into(),
    ];
    let mut prev = 'a';
    for n in 'b'..='i' {
        let refs = vec![format!("*{prev}"); 9].join(",");
        lines.push(format!("    - &{n} [{refs}]"));
        prev = n;
    }
    let p = write(d.path(), "bomb.yaml", lines.join("\n") + "\n");
    located(draft(&p), "bomb.yaml", "5:", "wrong type");
    // The same bomb at the top level, under keys the spec does not have.
    let mut top = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for n in 'b'..='i' {
        let refs = vec![format!("*{prev}"); 9].join(",");
        top.push_str(&format!("{n}: &{n} [{refs}]\n"));
        prev = n;
    }
    let p = write(d.path(), "bomb2.yaml", top);
    located(draft(&p), "bomb2.yaml", "1:1", "unknown field");
}

#[test]
fn deep_nesting() {
    let d = tempfile::tempdir().unwrap();
    let deep = format!("meeting: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let p = write(d.path(), "deep.yaml", deep);
    located(draft(&p), "deep.yaml", "1:", "nested more than");
    let dashes = format!("meeting:\n  name: {}x\n", "- ".repeat(100_000));
    let p = write(d.path(), "dashes.yaml", dashes);
    located(draft(&p), "dashes.yaml", "2:", "not allowed");
}

#[test]
fn ten_megabyte_value_is_refused() {
    let d = tempfile::tempdir().unwrap();
    let big = example().replace("name: 汉阴县", &format!("name: {}", "汉".repeat(3_500_000)));
    let p = write(d.path(), "big.yaml", big);
    located(draft(&p), "big.yaml", "11:1", "the limit is");
}

#[test]
fn unknown_keys_and_wrong_types() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "u.yaml", example().replace("speaker:", "speakr:"));
    located(draft(&p), "u.yaml", "8:1", "unknown field `speakr`");
    draft(&p).stderr_has("did you mean `speaker`");
    let p = write(
        d.path(),
        "t.yaml",
        example().replace("  length: 8000", "  length: [8000]"),
    );
    located(draft(&p), "t.yaml", "", "wrong type");
}

#[test]
fn impossible_dates() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "d.yaml",
        example().replace("date: 2024-02-26", "date: 2024-02-30"),
    );
    located(draft(&p), "d.yaml", "4:9", "not a real date");
    let p = write(
        d.path(),
        "dl.yaml",
        example().replace("deadline: 2024-06-30", "deadline: 2024-13-01"),
    );
    located(draft(&p), "dl.yaml", "", "2024-13-01");
}

#[test]
fn a_directory_where_a_file_is_expected() {
    let d = tempfile::tempdir().unwrap();
    let r = draft(d.path()).code(2).stderr_has("directory, not a file");
    assert!(r.stderr.contains("help:"), "{}", r.stderr);
    run_guarded(Wengao::new().arg("lint").path(d.path()))
        .code(2)
        .stderr_has("directory");
}

#[test]
fn unwritable_output_paths() {
    let d = tempfile::tempdir().unwrap();
    let spec = root().join("examples/plenary-2024.yaml");
    let missing = d.path().join("no/such/dir/out.txt");
    run_guarded(
        Wengao::new()
            .arg("draft")
            .path(&spec)
            .arg("-o")
            .path(&missing),
    )
    .code(2)
    .stderr_has("cannot write")
    .stderr_has("help:");
    let file = write(d.path(), "afile", "x");
    run_guarded(
        Wengao::new()
            .arg("draft")
            .path(&spec)
            .arg("-o")
            .path(&file.join("out.txt")),
    )
    .code(2)
    .stderr_has("cannot write");
    // A directory as -o.
    run_guarded(
        Wengao::new()
            .arg("draft")
            .path(&spec)
            .arg("-o")
            .path(d.path()),
    )
    .code(2)
    .stderr_has("directory");
}

#[test]
fn output_is_never_clobbered_without_force_and_leaves_no_temp_files() {
    let d = tempfile::tempdir().unwrap();
    let spec = root().join("examples/plenary-2024.yaml");
    let out = write(d.path(), "draft.txt", "keep me");
    run_guarded(Wengao::new().arg("draft").path(&spec).arg("-o").path(&out))
        .code(2)
        .stderr_has("already exists")
        .stderr_has("--force");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    run_guarded(
        Wengao::new()
            .arg("draft")
            .path(&spec)
            .arg("-o")
            .path(&out)
            .arg("--force"),
    )
    .ok();
    assert_ne!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let names: Vec<String> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["draft.txt".to_string()]);
}

#[test]
fn template_syntax_in_values_comes_out_literally_in_every_format() {
    let d = tempfile::tempdir().unwrap();
    let tricky = "{{ 7 * 7 }}{% raw %}{# x #}";
    let p = write(
        d.path(),
        "tpl.yaml",
        example().replace(
            "facts: [全年实施重点项目120个，完成投资85亿元]",
            &format!("facts: [\"全年实施重点项目120个{tricky}\"]"),
        ),
    );
    for format in ["txt", "md", "json"] {
        let r = run_guarded(Wengao::new().arg("draft").path(&p).args([
            "--no-lint",
            "--format",
            format,
        ]))
        .ok();
        let want = match format {
            "json" => serde_json::to_string(tricky).unwrap(),
            // Markdown shows it literally through its escapes (`*` → `\*`).
            "md" => wengao::render::md_escape(tricky),
            _ => tricky.to_string(),
        };
        let want = want.trim_matches('"');
        assert!(r.stdout.contains(want), "{format}: no literal {want}");
        if format != "json" {
            assert!(
                !r.stdout.contains("重点项目12049"),
                "{format}: template code ran"
            );
        }
    }
    let r =
        run_guarded(
            Wengao::new()
                .arg("draft")
                .path(&p)
                .args(["--no-lint", "--format", "html"]),
        )
        .ok();
    assert!(r.stdout.contains("{{ 7 * 7 }}"), "html");
    let out = d.path().join("t.docx");
    run_guarded(
        Wengao::new()
            .arg("draft")
            .path(&p)
            .args(["--no-lint", "--format", "docx", "-o"])
            .path(&out),
    )
    .ok();
    assert!(std::fs::metadata(&out).unwrap().len() > 1000);
}

/// `wengao draft spec.yaml >&-`: a standard output closed by the shell exits 2 saying so (it
/// exited 0 with the draft lost: Rust's runtime reopens a closed descriptor on /dev/null). The
/// shell's `>/dev/null` stays a quiet success, a full device (`/dev/full`) is an error, and
/// `-o FILE` still writes with standard output closed.
#[test]
fn a_closed_standard_output_is_an_error_not_a_lost_draft() {
    let bin = assert_cmd::cargo::cargo_bin("wengao");
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("draft.txt");
    // `exec`, so that the shell's redirection is what wengao itself starts with.
    let run = |args: &str, redirect: &str| {
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {args} {redirect}"))
            .arg(&bin)
            .current_dir(root())
            .output()
            .expect("sh")
    };
    let closed = run("draft examples/plenary-2024.yaml", ">&-");
    let err = String::from_utf8_lossy(&closed.stderr);
    assert_eq!(closed.status.code(), Some(2), "{err}");
    assert!(
        err.contains("standard output") && err.contains("closed"),
        "{err}"
    );
    assert!(err.contains("-o FILE"), "{err}");

    let null = run("draft examples/plenary-2024.yaml", ">/dev/null");
    assert_eq!(
        null.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&null.stderr)
    );

    let full = run("draft examples/plenary-2024.yaml", ">/dev/full");
    let err = String::from_utf8_lossy(&full.stderr);
    assert_eq!(full.status.code(), Some(2), "{err}");
    assert!(err.contains("No space left"), "{err}");

    let to_file = run(
        &format!("draft examples/plenary-2024.yaml -o {}", out.display()),
        ">&-",
    );
    assert_eq!(
        to_file.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&to_file.stderr)
    );
    assert!(std::fs::read_to_string(&out).unwrap().contains("同志们"));

    // Every command that prints goes through the same check.
    let outline = run("outline tests/golden/plenary-2024-seed7.txt", ">&-");
    assert_eq!(outline.status.code(), Some(2));
}

#[test]
fn a_broken_pipe_exits_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("wengao"))
        .current_dir(root())
        .env("WENGAO_CACHE_DIR", common::cache_dir())
        .args(["draft", "examples/plenary-2024.yaml"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then close the pipe.
    let mut buf = [0u8; 16];
    let mut out = child.stdout.take().unwrap();
    let _ = out.read(&mut buf);
    drop(out);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.code() == Some(0), "{status:?}: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
}

#[test]
fn mine_merge_that_fails_leaves_the_phrasebank_as_it_was() {
    let d = tempfile::tempdir().unwrap();
    let pb = d.path().join("pb");
    std::fs::create_dir_all(pb.join("candidates")).unwrap();
    let mined = pb.join("candidates/mined.yaml");
    std::fs::write(&mined, "# kept\nentries: []\n").unwrap();
    // A corpus with one good and one undecodable file: mining fails before anything is merged.
    let corpus = d.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(
        common::corpus().join("000_3c3b354d342957f0.txt"),
        corpus.join("000_a.txt"),
    )
    .unwrap();
    std::fs::write(
        corpus.join("001_b.txt"),
        [0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80],
    )
    .unwrap();
    run_guarded(
        Wengao::new()
            .arg("mine")
            .path(&corpus)
            .arg("--out")
            .path(&d.path().join("out"))
            .arg("--merge")
            .path(&pb),
    )
    .code(2)
    .stderr_has("001_b.txt");
    assert_eq!(
        std::fs::read_to_string(&mined).unwrap(),
        "# kept\nentries: []\n"
    );
}

/// An input over 64 MB is refused whole, never read in part (a sparse file: no disk is used).
#[test]
fn an_input_over_64_megabytes_is_refused_not_truncated() {
    let d = tempfile::tempdir().unwrap();
    let big = d.path().join("huge.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(64 * 1024 * 1024 + 1).unwrap();
    drop(f);
    let r = run_guarded(Wengao::new().arg("outline").path(&big))
        .code(2)
        .stderr_has("larger than 64 MB")
        .stderr_has("help:");
    assert!(r.stdout.is_empty(), "stdout: {}", r.stdout);
}

// ---------------------------------------------------------------------------------------------
// Issue 16: nothing lost, nothing overwritten, nothing waited on.

fn mkfifo(p: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(p)
        .status()
        .expect("mkfifo (coreutils)")
        .success();
    assert!(ok, "mkfifo {}", p.display());
}

fn symlink(to: impl AsRef<Path>, at: &Path) {
    std::os::unix::fs::symlink(to, at).unwrap();
}

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

/// The names in a directory that look like wengao's temporary files.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect()
}

fn draft_to(out: &Path, force: bool) -> Ran {
    let mut w = Wengao::new()
        .arg("draft")
        .path(&root().join("examples/plenary-2024.yaml"))
        .arg("-o")
        .path(out);
    if force {
        w = w.arg("--force");
    }
    run_guarded(w)
}

/// A link planted where the old writer put its temporary file (`.NAME.wengao-PID.tmp`, opened
/// following links) made it write through the link: now the name is unpredictable and the file
/// is created exclusively, so the link's target is never touched.
#[test]
fn a_planted_link_at_the_temp_name_is_never_written_through() {
    let d = tempfile::tempdir().unwrap();
    let victim = write(d.path(), "victim", "precious");
    let out = d.path().join("out.txt");
    symlink(
        &victim,
        &d.path()
            .join(format!(".out.txt.wengao-{}.tmp", std::process::id())),
    );
    wengao::io::write_atomic(&out, b"new text", false).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "new text");
}

/// `-o FIFO --force` (or a link to one) is refused: only a regular file is ever replaced. (A
/// device takes the same path — anything but a regular file is refused — but a test never aims
/// wengao at a real device: as root, a bug would replace /dev/null for the whole machine.)
#[test]
fn force_never_replaces_a_fifo_or_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("pipe");
    mkfifo(&fifo);
    draft_to(&fifo, true)
        .code(2)
        .stderr_has("FIFO")
        .stderr_has("help:");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    let null = d.path().join("null");
    symlink(&fifo, &null);
    draft_to(&null, true).code(2).stderr_has("FIFO");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(
        std::fs::symlink_metadata(&null)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        temp_files(d.path()).is_empty(),
        "{:?}",
        temp_files(d.path())
    );
}

/// A dangling link at `-o` exists: it is replaced only with --force, and then its target is
/// written and the link kept.
#[test]
fn a_dangling_link_at_the_output_needs_force() {
    let d = tempfile::tempdir().unwrap();
    let link = d.path().join("draft.txt");
    symlink("target.txt", &link);
    draft_to(&link, false).code(2).stderr_has("already exists");
    assert!(!d.path().join("target.txt").exists());
    draft_to(&link, true).ok();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(d.path().join("target.txt"))
            .unwrap()
            .contains("同志们")
    );
}

/// An overwrite keeps the file's mode (600 stays 600) and a symlinked output stays a link whose
/// target gets the new text.
#[test]
fn an_overwrite_keeps_the_mode_and_the_link() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    let out = write(d.path(), "draft.txt", "old");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    draft_to(&out, true).ok();
    assert_eq!(mode(&out), 0o600);
    let real = write(d.path(), "real.txt", "old");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = d.path().join("link.txt");
    symlink("real.txt", &link);
    draft_to(&link, true).ok();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&real).unwrap().contains("同志们"));
    assert_eq!(mode(&real), 0o640);
}

/// A phrasebank file that is a symlink (e.g. shared between checkouts) stays a link after
/// `phrasebank add`, the edit lands in its target, and the target's mode is kept.
#[test]
fn phrasebank_add_writes_through_a_symlinked_file_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    let pb = d.path().join("pb");
    copy_dir(&root().join("phrasebank"), &pb);
    let theme = pb.join("themes/xiangmu.yaml");
    let real = d.path().join("xiangmu-real.yaml");
    std::fs::rename(&theme, &real).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    symlink(&real, &theme);
    let before = std::fs::read_to_string(&real).unwrap();
    run_guarded(
        Wengao::new()
            .args([
                "phrasebank",
                "add",
                "--role",
                "measure",
                "--theme",
                "项目建设",
                "--candidate",
                "--text",
                "要加快项目审批节奏，推动项目手续并联办理。",
            ])
            .arg("--phrasebank")
            .path(&pb)
            .env("WENGAO_CACHE_DIR", "off"),
    )
    .ok();
    assert!(
        std::fs::symlink_metadata(&theme)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let after = std::fs::read_to_string(&real).unwrap();
    assert!(after.starts_with(&before) && after.contains("并联办理"));
    assert_eq!(mode(&real), 0o600);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// The ids in a mined candidates file.
fn mined_ids(pb: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(pb.join("candidates/mined.yaml")).unwrap();
    text.lines()
        .filter_map(|l| l.trim_start().trim_start_matches("- ").strip_prefix("id:"))
        .map(|v| v.trim().to_string())
        .collect()
}

fn mine_merge(corpus: &Path, out: &Path, pb: &Path) -> Wengao {
    Wengao::new()
        .arg("mine")
        .path(corpus)
        .arg("--out")
        .path(out)
        .arg("--merge")
        .path(pb)
        .arg("--quiet")
}

/// Two `mine --merge` into one phrasebank at once: every round ends with exactly the candidates
/// the two give one after the other, none lost and no id twice (the old merge took no lock and
/// lost 64–82 candidates in 3 rounds of 30, once writing 18 duplicate ids).
#[test]
fn two_merges_at_once_lose_no_candidate_and_write_no_id_twice() {
    let d = tempfile::tempdir().unwrap();
    // Two corpora (links to the shared speeches): different candidates, some in common.
    let files = wengao::corpus::txt_files(&common::corpus()).unwrap();
    assert!(files.len() >= 4, "the shared corpus has five speeches");
    let (a, b) = (d.path().join("a"), d.path().join("b"));
    for (dir, part) in [(&a, &files[..2]), (&b, &files[2..])] {
        std::fs::create_dir_all(dir).unwrap();
        for f in part {
            symlink(f, &dir.join(f.file_name().unwrap()));
        }
    }
    // One after the other: the expected set.
    let serial = d.path().join("serial");
    std::fs::create_dir_all(&serial).unwrap();
    mine_merge(&a, &d.path().join("o1"), &serial).run().ok();
    mine_merge(&b, &d.path().join("o2"), &serial).run().ok();
    let mut expected = mined_ids(&serial);
    expected.sort();
    assert!(expected.len() > 100);
    for round in 0..4 {
        let pb = d.path().join(format!("pb{round}"));
        std::fs::create_dir_all(&pb).unwrap();
        let (ja, jb) = (
            mine_merge(&a, &d.path().join(format!("a{round}")), &pb),
            mine_merge(&b, &d.path().join(format!("b{round}")), &pb),
        );
        let (ta, tb) = (
            std::thread::spawn(|| ja.run()),
            std::thread::spawn(|| jb.run()),
        );
        ta.join().unwrap().ok();
        tb.join().unwrap().ok();
        let mut ids = mined_ids(&pb);
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "round {round}: an id written twice");
        assert_eq!(ids, expected, "round {round}: candidates lost or added");
    }
}

/// SIGTERM (or Ctrl-C), or even SIGKILL, in the middle of `draft -o` leaves no temporary file
/// behind (on Linux a new output is written unnamed and linked in whole).
#[test]
fn a_terminated_draft_leaves_no_temp_file() {
    let d = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("wengao");
    for i in 0..24u64 {
        let signal = if i % 2 == 0 { "-TERM" } else { "-KILL" };
        let out = d.path().join(format!("d{i}.docx"));
        let mut child = std::process::Command::new(&bin)
            .current_dir(root())
            .env("WENGAO_CACHE_DIR", common::cache_dir())
            .args([
                "draft",
                "examples/plenary-2024.yaml",
                "--format",
                "docx",
                "-o",
            ])
            .arg(&out)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(15 * i));
        let _ = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status();
        child.wait().unwrap();
    }
    assert!(
        temp_files(d.path()).is_empty(),
        "{:?}",
        temp_files(d.path())
    );
}

/// `normalize DIR -o OUT` with one bad file writes nothing and names every bad file.
#[test]
fn normalize_dir_with_a_bad_file_writes_nothing() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    write(&input, "a.txt", "同志们：\n今天开会。\n");
    write(&input, "b.txt", [0x80, 0x80, 0xff, 0xff]);
    write(&input, "c.txt", "同志们：\n再开一次会。\n");
    write(&input, "d.txt", [0xff, 0x80]);
    let out = d.path().join("out");
    run_guarded(
        Wengao::new()
            .arg("normalize")
            .path(&input)
            .arg("-o")
            .path(&out),
    )
    .code(2)
    .stderr_has("b.txt")
    .stderr_has("d.txt")
    .stderr_has("nothing was written");
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none());
}

/// `mine --out` that cannot write one of its files (as on a full disk) removes the files it had
/// written: no partial set.
#[test]
fn mine_out_that_fails_midway_leaves_no_partial_set() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("out");
    // kinds.yaml is written last; a directory in its place makes that write fail.
    std::fs::create_dir_all(out.join("kinds.yaml")).unwrap();
    run_guarded(
        Wengao::new()
            .arg("mine")
            .path(&common::corpus())
            .arg("--out")
            .path(&out),
    )
    .code(2)
    .stderr_has("kinds.yaml");
    let mut left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["kinds.yaml", "patterns"], "written files removed");
    assert!(
        std::fs::read_dir(out.join("patterns"))
            .unwrap()
            .next()
            .is_none()
    );
}

/// The phrasebank cache carries a checksum: a corrupted but well-formed cache (a word changed in
/// place) is ignored, with a note under -v, and the draft is what it was.
#[test]
fn a_corrupted_cache_is_ignored_with_a_note() {
    let d = tempfile::tempdir().unwrap();
    let cache = d.path().join("cache");
    let cache_s = cache.to_string_lossy().into_owned();
    let run = |v: bool| {
        let mut w = Wengao::new()
            .arg("draft")
            .path(&root().join("examples/plenary-2024.yaml"))
            .env("WENGAO_CACHE_DIR", &cache_s);
        if v {
            w = w.arg("-v");
        }
        run_guarded(w).ok()
    };
    let first = run(false).stdout;
    let bins: Vec<PathBuf> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "bin"))
        .collect();
    assert_eq!(bins.len(), 1);
    let mut bytes = std::fs::read(&bins[0]).unwrap();
    let (from, to) = ("重要".as_bytes(), "次要".as_bytes());
    let mut changed = 0;
    let mut i = 0;
    while i + from.len() <= bytes.len() {
        if &bytes[i..i + from.len()] == from {
            bytes[i..i + to.len()].copy_from_slice(to);
            changed += 1;
        }
        i += 1;
    }
    assert!(changed > 0);
    std::fs::write(&bins[0], &bytes).unwrap();
    let again = run(true);
    assert_eq!(again.stdout, first, "the damaged cache changed the draft");
    assert!(again.stderr.contains("checksum"), "{}", again.stderr);
}

/// A cache or stamp file that is a FIFO, or a link to /dev/zero, is neither waited on nor read
/// without end: the YAML is read instead.
#[test]
fn a_fifo_or_device_in_the_cache_is_not_waited_on() {
    let d = tempfile::tempdir().unwrap();
    let cache = d.path().join("cache");
    let cache_s = cache.to_string_lossy().into_owned();
    let run = || {
        run_guarded(
            Wengao::new()
                .arg("draft")
                .path(&root().join("examples/plenary-2024.yaml"))
                .env("WENGAO_CACHE_DIR", &cache_s),
        )
        .ok()
        .stdout
    };
    let first = run();
    run();
    let names: Vec<PathBuf> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let stamp = names
        .iter()
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("stamp-")
        })
        .expect("a stamp (the shipped phrasebank files are old)")
        .clone();
    let bin = names
        .iter()
        .find(|p| p.extension().is_some_and(|x| x == "bin"))
        .unwrap()
        .clone();
    std::fs::remove_file(&bin).unwrap();
    symlink("/dev/zero", &bin);
    assert_eq!(run(), first);
    std::fs::remove_file(&stamp).unwrap();
    mkfifo(&stamp);
    assert_eq!(run(), first);
}

/// A spec, draft or corpus file that is a FIFO, and a FIFO named *.yaml in the phrasebank, are
/// refused at once (exit 2, naming the FIFO), never waited on.
#[test]
fn a_fifo_as_input_is_refused_not_waited_on() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("spec.yaml");
    mkfifo(&fifo);
    draft(&fifo).code(2).stderr_has("FIFO").stderr_has("help:");
    run_guarded(Wengao::new().arg("lint").path(&fifo))
        .code(2)
        .stderr_has("FIFO");
    let pb = d.path().join("pb");
    copy_dir(&root().join("phrasebank"), &pb);
    mkfifo(&pb.join("themes/zz.yaml"));
    run_guarded(
        Wengao::new()
            .arg("draft")
            .path(&root().join("examples/plenary-2024.yaml"))
            .arg("--phrasebank")
            .path(&pb)
            .env("WENGAO_CACHE_DIR", "off"),
    )
    .code(2)
    .stderr_has("zz.yaml")
    .stderr_has("FIFO");
    let corpus = d.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    mkfifo(&corpus.join("a.txt"));
    let spec = root().join("examples/plenary-2024.yaml");
    let draft_txt = d.path().join("draft.txt");
    draft_to(&draft_txt, false).ok();
    run_guarded(
        Wengao::new()
            .arg("lint")
            .path(&draft_txt)
            .arg("--spec")
            .path(&spec)
            .arg("--corpus")
            .path(&corpus),
    )
    .code(2)
    .stderr_has("a.txt");
}

/// A part of 100,000 `1.` items and no `2.` is read in one pass by every command that parses a
/// speech (outline, lint, spec-from and mine asked, for every `1.`, whether a `2.` came later:
/// 8 MB took 55 s in release). Sized so that the old quadratic reading would run for hours in a
/// debug build: the hang guard is the bound, not a clock (times: docs/performance.md).
#[test]
fn many_first_items_without_a_second_are_linear() {
    let d = tempfile::tempdir().unwrap();
    let text = format!(
        "同志们：\n一、总体要求\n{}",
        "1.推进工作落实。\n".repeat(100_000)
    );
    let p = write(d.path(), "many.txt", text);
    let r = run_guarded(Wengao::new().arg("outline").path(&p)).ok();
    assert!(
        r.stdout
            .contains("1 level-1 part(s), 0 level-2 part(s), 0 item(s)")
    );
    // lint: findings (the repeats: one finding for the sentence, with its count), not a hang;
    // spec-from: one part is not a speech.
    let lint = run_guarded(Wengao::new().arg("lint").path(&p));
    assert_eq!(lint.code, 1, "{}", lint.stderr);
    assert_eq!(
        lint.stdout.matches("error[repeat]").count(),
        1,
        "{}",
        lint.stdout
    );
    assert!(lint.stdout.contains("used 100000 times"), "{}", lint.stdout);
    run_guarded(Wengao::new().arg("spec-from").path(&p))
        .code(2)
        .stderr_has("many.txt");
    let corpus = d.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::rename(&p, corpus.join("many.txt")).unwrap();
    run_guarded(
        Wengao::new()
            .arg("mine")
            .path(&corpus)
            .arg("--out")
            .path(&d.path().join("mined")),
    )
    .ok();
}

/// Titles that start with a digit, a Latin letter, 「 or （ draft (they made `draft` exit 1
/// blaming the phrasebank: the parser did not read `一、5G…` as a heading).
#[test]
fn titles_starting_with_a_digit_letter_or_bracket_draft() {
    let d = tempfile::tempdir().unwrap();
    for (k, title) in [
        "5G网络建设全面提速",
        "A级景区创建提质增效",
        "「三个一」工程扎实推进",
        "（重点）项目攻坚",
    ]
    .iter()
    .enumerate()
    {
        let spec = example()
            .replace(
                "title: 全力主攻项目建设，积极扩大有效投资",
                &format!("title: {title}"),
            )
            .replace(
                "      - topic: 项目储备\n",
                &format!("      - topic: 项目储备\n        title: {title}\n"),
            );
        let p = write(d.path(), &format!("t{k}.yaml"), spec);
        let r = draft(&p).ok();
        assert!(r.stdout.contains(&format!("一、{title}")), "{title}");
    }
}

/// Control characters and line breaks in a spec value are refused at the value (a fact could
/// plant a line `一、…` that read as a heading, and ESC reached the terminal).
#[test]
fn control_characters_and_line_breaks_in_values_are_refused() {
    let d = tempfile::tempdir().unwrap();
    let fact = "facts: [全年实施重点项目120个，完成投资85亿元]";
    let p = write(
        d.path(),
        "nl.yaml",
        example().replace(
            fact,
            "facts: [\"全年实施重点项目120个\\n一、完成投资85亿元\"]",
        ),
    );
    located(draft(&p), "nl.yaml", "24:", "a line break");
    let p = write(
        d.path(),
        "esc.yaml",
        example().replace(fact, "facts: [\"全年实施\\e[31m重点项目\\a120个\"]"),
    );
    located(draft(&p), "esc.yaml", "24:", "control character (U+001B)");
    // A raw control byte in the file: located where it is, and never echoed to the terminal.
    let p = write(
        d.path(),
        "raw.yaml",
        example().replace("role: 县长", "role: 县\u{1b}[2J\u{0}长"),
    );
    let r = draft(&p);
    assert!(
        !r.stderr.contains('\u{1b}') && !r.stderr.contains('\0'),
        "{:?}",
        r.stderr
    );
    located(r, "raw.yaml", "9:10", "control character (U+001B)");
}

/// Markdown output escapes a value's markup: `<script>`, `<img onerror>` and
/// `[x](javascript:…)` are text, not HTML or a link.
#[test]
fn markdown_output_escapes_html_and_links_in_values() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "x.yaml",
        example().replace(
            "facts: [全年实施重点项目120个，完成投资85亿元]",
            "facts: [\"全年实施<script>alert(1)</script>重点项目<img src=x onerror=alert(1)>，见[x](javascript:alert(1))\"]",
        ),
    );
    let md = run_guarded(Wengao::new().arg("draft").path(&p).args(["--format", "md"]))
        .ok()
        .stdout;
    assert!(md.contains("\\<script\\>"), "{md}");
    // Every `<`, `[` and `]` of the value is escaped: no tag, no link.
    for (i, c) in md.char_indices() {
        if "<[]".contains(c) {
            assert!(md[..i].ends_with('\\'), "unescaped {c} in {md}");
        }
    }
}

/// A spec file named `javascript:….yaml` gives a relative link on the preview index, never a
/// javascript: URL.
#[test]
fn preview_index_never_links_a_javascript_url() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "javascript:alert(1).yaml", example());
    let out = d.path().join("out");
    run_guarded(
        Wengao::new()
            .arg("preview")
            .path(&p)
            .arg("--out")
            .path(&out),
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!index.contains("href=\"javascript:"), "a javascript: link");
    assert!(index.contains("href=\"./javascript:alert(1).txt\""));
}

/// A meeting dated outside the years the phrasebank is written for is refused at the date with
/// the rule (2031–2100 were accepted and half the drafts then failed blaming the phrasebank); a
/// real date outside 1949–2100 is not called "not a real date".
#[test]
fn years_outside_the_phrasebank_are_refused_at_the_date() {
    let d = tempfile::tempdir().unwrap();
    for y in [2015, 2031, 2060, 2100] {
        let p = write(
            d.path(),
            "y.yaml",
            example().replace("date: 2024-02-26", &format!("date: {y}-02-26")),
        );
        located(
            draft(&p),
            "y.yaml",
            "4:9",
            "wengao drafts speeches dated 2016–2030",
        );
    }
    let p = write(
        d.path(),
        "old.yaml",
        example().replace("deadline: 2024-06-30", "deadline: 1900-06-30"),
    );
    let r = draft(&p).code(2).stderr_has("outside 1949–2100");
    assert!(!r.stderr.contains("not a real date"), "{}", r.stderr);
}

/// Messages point where the problem is and say what to do: a NUL byte at its line, a duplicate
/// key at its second occurrence, UTF-16 called UTF-16, a huge number out of range, a full-width
/// colon by name.
#[test]
fn messages_point_at_the_problem() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "nul.yaml",
        example().replace("role: 县长", "role: 县\0长"),
    );
    located(draft(&p), "nul.yaml", "9:10", "control character (U+0000)");
    let p = write(
        d.path(),
        "dup.yaml",
        example().replace(
            "speaker:\n  role: 县长",
            "speaker:\n  role: 县长\n  role: 副县长",
        ),
    );
    located(draft(&p), "dup.yaml", "10:3", "duplicate field `role`");
    let mut u16 = vec![0xff, 0xfe];
    for u in example().encode_utf16() {
        u16.extend_from_slice(&u.to_le_bytes());
    }
    let p = write(d.path(), "u16.yaml", u16);
    let r = draft(&p)
        .code(2)
        .stderr_has("UTF-16")
        .stderr_has("iconv -f UTF-16");
    assert!(!r.stderr.contains("GBK"), "{}", r.stderr);
    let p = write(
        d.path(),
        "len.yaml",
        example().replace("length: 8000", "length: 1000000000000"),
    );
    let r = draft(&p).code(2).stderr_has("out of range");
    assert!(!r.stderr.contains("indentation"), "{}", r.stderr);
    let p = write(
        d.path(),
        "colon.yaml",
        example().replace("speaker:\n  role: 县长", "speaker:\n  role：县长"),
    );
    let r = draft(&p)
        .code(2)
        .stderr_has("full-width")
        .stderr_has("role: 县长");
    assert!(!r.stderr.contains("expected struct"), "{}", r.stderr);
}

/// `phrasebank add` with a BEL or a line break in `--source` is refused, naming the option (it
/// reached its own "internal error, please report").
#[test]
fn phrasebank_add_refuses_control_characters_in_options() {
    let d = tempfile::tempdir().unwrap();
    let pb = d.path().join("pb");
    copy_dir(&root().join("phrasebank"), &pb);
    for bad in ["a\u{7}b", "第一行\n第二行"] {
        let r = run_guarded(
            Wengao::new()
                .args([
                    "phrasebank",
                    "add",
                    "--role",
                    "measure",
                    "--theme",
                    "项目建设",
                    "--candidate",
                    "--text",
                    "要加快项目审批节奏，推动项目手续并联办理。",
                    "--source",
                    bad,
                ])
                .arg("--phrasebank")
                .path(&pb)
                .env("WENGAO_CACHE_DIR", "off"),
        )
        .code(2)
        .stderr_has("--source contains");
        assert!(!r.stderr.contains("internal"), "{}", r.stderr);
    }
}
