//! Bad inputs through the real binary: each exits 2 with a message naming file:line:column (or
//! the file) and what to do, quickly and in modest memory; nothing is lost on a failed write.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{Ran, Wengao, root};

/// Run `wengao` with the given args, failing the test if it takes more than `limit`.
fn run_within(limit: Duration, w: Wengao) -> Ran {
    let (tx, rx) = std::sync::mpsc::channel();
    let started = Instant::now();
    std::thread::spawn(move || {
        let _ = tx.send(w.run());
    });
    let ran = rx
        .recv_timeout(limit + Duration::from_secs(5))
        .unwrap_or_else(|_| panic!("wengao did not finish within {limit:?}"));
    // Debug builds under a busy CI: allow a margin over the one second a user waits.
    assert!(
        started.elapsed() < limit,
        "took {:?} (limit {limit:?})",
        started.elapsed()
    );
    ran
}

fn draft(spec: &Path) -> Ran {
    run_within(
        Duration::from_secs(5),
        Wengao::new().arg("draft").path(spec),
    )
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
    run_within(
        Duration::from_secs(5),
        Wengao::new().arg("lint").path(d.path()),
    )
    .code(2)
    .stderr_has("directory");
}

#[test]
fn unwritable_output_paths() {
    let d = tempfile::tempdir().unwrap();
    let spec = root().join("examples/plenary-2024.yaml");
    let missing = d.path().join("no/such/dir/out.txt");
    run_within(
        Duration::from_secs(10),
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
    run_within(
        Duration::from_secs(10),
        Wengao::new()
            .arg("draft")
            .path(&spec)
            .arg("-o")
            .path(&file.join("out.txt")),
    )
    .code(2)
    .stderr_has("cannot write");
    // A directory as -o.
    run_within(
        Duration::from_secs(10),
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
    run_within(
        Duration::from_secs(10),
        Wengao::new().arg("draft").path(&spec).arg("-o").path(&out),
    )
    .code(2)
    .stderr_has("already exists")
    .stderr_has("--force");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    run_within(
        Duration::from_secs(10),
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
        let r = run_within(
            Duration::from_secs(10),
            Wengao::new()
                .arg("draft")
                .path(&p)
                .args(["--no-lint", "--format", format]),
        )
        .ok();
        let want = if format == "json" {
            serde_json::to_string(tricky).unwrap()
        } else {
            tricky.to_string()
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
    let r = run_within(
        Duration::from_secs(10),
        Wengao::new()
            .arg("draft")
            .path(&p)
            .args(["--no-lint", "--format", "html"]),
    )
    .ok();
    assert!(r.stdout.contains("{{ 7 * 7 }}"), "html");
    let out = d.path().join("t.docx");
    run_within(
        Duration::from_secs(10),
        Wengao::new()
            .arg("draft")
            .path(&p)
            .args(["--no-lint", "--format", "docx", "-o"])
            .path(&out),
    )
    .ok();
    assert!(std::fs::metadata(&out).unwrap().len() > 1000);
}

#[test]
fn a_broken_pipe_exits_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("wengao"))
        .current_dir(root())
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
    run_within(
        Duration::from_secs(60),
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
    let r = run_within(
        Duration::from_secs(10),
        Wengao::new().arg("outline").path(&big),
    )
    .code(2)
    .stderr_has("larger than 64 MB")
    .stderr_has("help:");
    assert!(r.stdout.is_empty(), "stdout: {}", r.stdout);
}
