//! The command-line conventions through the real binary: `new`, completions, the man page,
//! `--help` examples, colour, `--quiet`/`--verbose`, and rustc-style errors.

mod common;

use clap::CommandFactory;
use common::{Wengao, root};
use wengao::spec::{Kind, Level};

fn subcommands() -> Vec<String> {
    wengao::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect()
}

#[test]
fn every_subcommand_help_has_an_example() {
    let mut lacking = Vec::new();
    for sub in subcommands() {
        let r = Wengao::new().args([sub.as_str(), "--help"]).run().ok();
        if !r
            .stdout
            .lines()
            .any(|l| l.trim_start().starts_with("Example"))
        {
            lacking.push(sub);
        }
    }
    assert!(
        lacking.is_empty(),
        "`--help` lacks an Example section: {lacking:?}"
    );
    let top = Wengao::new().arg("--help").run().ok();
    assert!(top.stdout.contains("Example"), "{}", top.stdout);
}

#[test]
fn completions_for_every_shell_mention_draft() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let r = Wengao::new().args(["completions", shell]).run().ok();
        assert!(!r.stdout.trim().is_empty(), "{shell}: empty");
        assert!(r.stdout.contains("draft"), "{shell}: no `draft`");
        assert!(
            r.stdout.contains("phrasebank"),
            "{shell}: no global options"
        );
    }
    Wengao::new()
        .args(["completions", "tcsh"])
        .run()
        .code(2)
        .stderr_has("possible values");
}

#[test]
fn man_page_is_roff_and_mentions_draft() {
    let r = Wengao::new().arg("man").run().ok();
    assert!(
        r.stdout.starts_with(".ie") || r.stdout.contains(".TH"),
        "{}",
        &r.stdout[..r.stdout.len().min(200)]
    );
    assert!(
        r.stdout.contains(".TH wengao 1") || r.stdout.contains(".TH"),
        "no title"
    );
    assert!(r.stdout.contains("draft"));
}

#[test]
fn every_kind_and_level_drafts_as_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    for kind in Kind::ALL {
        for level in Level::ALL {
            for chinese in [false, true] {
                let file =
                    dir.path()
                        .join(format!("{}-{}-{chinese}.yaml", kind.name(), level.char()));
                let mut w = Wengao::new()
                    .args([
                        "new",
                        "--kind",
                        kind.name(),
                        "--level",
                        level.char(),
                        "--date",
                        "2024-03-12",
                        "-o",
                    ])
                    .path(&file);
                if chinese {
                    w = w.arg("--chinese");
                }
                w.run().ok();
                let text = std::fs::read_to_string(&file).unwrap();
                if chinese {
                    assert!(
                        text.contains("会议:")
                            && text.contains("部分:")
                            && !text.contains("meeting:"),
                        "{text}"
                    );
                }
                let r = Wengao::new().arg("draft").path(&file).run().ok();
                assert!(
                    r.stdout.starts_with("在"),
                    "{}: {}",
                    file.display(),
                    r.stdout
                );
                assert!(
                    r.stdout.contains(level.whole().as_str()) || level == Level::County,
                    "{}: no {}",
                    file.display(),
                    level.whole()
                );
            }
        }
    }
}

#[test]
fn new_is_deterministic_with_date_and_has_every_field_commented() {
    let a = Wengao::new()
        .args(["new", "--kind", "economy", "--date", "2026-04-15"])
        .run()
        .ok();
    let b = Wengao::new()
        .args(["new", "--kind", "economy", "--date", "2026-04-15"])
        .run()
        .ok();
    assert_eq!(a.stdout, b.stdout);
    assert!(a.stdout.contains("date: 2026-04-15"));
    assert!(a.stdout.contains("2026年"));
    for key in [
        "name:",
        "date:",
        "kind:",
        "purposes:",
        "earlier:",
        "role:",
        "level:",
        "achievements:",
        "figures:",
        "indicator:",
        "value:",
        "benchmark:",
        "problems:",
        "sections:",
        "theme:",
        "title:",
        "points:",
        "topic:",
        "facts:",
        "lead:",
        "support:",
        "deadline:",
        "closing:",
        "call:",
        "output:",
        "length:",
        "seed:",
    ] {
        let line = a
            .stdout
            .lines()
            .find(|l| l.trim_start().trim_start_matches("- ").starts_with(key))
            .unwrap_or_else(|| panic!("no {key}"));
        assert!(line.contains("# "), "{key} has no comment: {line}");
    }
    // Chinese kind names and aliases are accepted; unknown ones are refused with the list.
    Wengao::new()
        .args(["new", "--kind", "安全生产", "--date", "2025-01-01"])
        .run()
        .ok()
        .stdout_has("kind: safety");
    Wengao::new()
        .args(["new", "--kind", "nope"])
        .run()
        .code(2)
        .stderr_has("plenary");
    Wengao::new()
        .args(["new", "--date", "2024-02-30"])
        .run()
        .code(2)
        .stderr_has("YYYY-MM-DD");
    // Today's date by default.
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let t = Wengao::new().args(["new"]).run().ok();
    assert!(
        t.stdout.contains(&today) || t.stdout.contains("date: 20"),
        "{}",
        t.stdout
    );
}

#[test]
fn new_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("spec.yaml");
    std::fs::write(&f, "mine").unwrap();
    Wengao::new()
        .args(["new", "-o"])
        .path(&f)
        .run()
        .code(2)
        .stderr_has("--force");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "mine");
    Wengao::new()
        .args(["new", "--force", "-o"])
        .path(&f)
        .run()
        .ok();
    assert!(std::fs::read_to_string(&f).unwrap().contains("meeting:"));
}

const BAD_SPEC: &str = "meeting:\n  name: 2024年县政府全体会议\n  date: 2024-02-26\nspeaker:\n  role: 县长\nplace:\n  name: 汉阴县\nsections:\n  - theme: 项目建\n  - theme: 作风建设\n";

fn bad_spec() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("spec.yaml");
    std::fs::write(&f, BAD_SPEC).unwrap();
    (dir, f)
}

#[test]
fn spec_errors_are_rustc_style() {
    let (_d, f) = bad_spec();
    let r = Wengao::new()
        .args(["--color", "never", "draft"])
        .path(&f)
        .run()
        .code(2);
    assert!(
        r.stderr.starts_with("error: unknown theme `项目建`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("spec.yaml:9:12"), "{}", r.stderr);
    assert!(r.stderr.contains("9 |   - theme: 项目建"), "{}", r.stderr);
    assert!(r.stderr.contains("^"), "{}", r.stderr);
    assert!(
        r.stderr.contains("= help: did you mean `项目建设`?"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
}

#[test]
fn color_never_and_no_color_give_no_escapes_always_does() {
    let (_d, f) = bad_spec();
    let never = Wengao::new()
        .args(["--color", "never", "draft"])
        .path(&f)
        .run()
        .code(2);
    assert!(!never.stderr.contains('\x1b'), "{:?}", never.stderr);
    let no_color = Wengao::new()
        .arg("draft")
        .path(&f)
        .env("NO_COLOR", "1")
        .run()
        .code(2);
    assert!(!no_color.stderr.contains('\x1b'), "{:?}", no_color.stderr);
    let auto_pipe = Wengao::new().arg("draft").path(&f).run().code(2);
    assert!(
        !auto_pipe.stderr.contains('\x1b'),
        "not a terminal: {:?}",
        auto_pipe.stderr
    );
    let always = Wengao::new()
        .args(["--color", "always", "draft"])
        .path(&f)
        .run()
        .code(2);
    assert!(always.stderr.contains("\x1b["), "{:?}", always.stderr);
    assert!(always.stderr.contains("unknown theme"));
    // An explicit --color always wins over NO_COLOR (no-color.org).
    let forced = Wengao::new()
        .args(["--color", "always", "draft"])
        .path(&f)
        .env("NO_COLOR", "1")
        .run()
        .code(2);
    assert!(forced.stderr.contains("\x1b["), "{:?}", forced.stderr);
}

#[test]
fn quiet_and_verbose() {
    let dir = tempfile::tempdir().unwrap();
    let spec = root().join("examples/plenary-2024.yaml");
    let out = dir.path().join("a.txt");
    let normal = Wengao::new()
        .arg("draft")
        .path(&spec)
        .arg("-o")
        .path(&out)
        .run()
        .ok();
    assert!(normal.stderr.contains("wrote"), "{}", normal.stderr);
    let out2 = dir.path().join("b.txt");
    let quiet = Wengao::new()
        .args(["--quiet", "draft"])
        .path(&spec)
        .arg("-o")
        .path(&out2)
        .run()
        .ok();
    assert!(quiet.stderr.is_empty(), "{}", quiet.stderr);
    assert!(out2.exists());
    let verbose = Wengao::new()
        .args(["draft", "--verbose"])
        .path(&spec)
        .run()
        .ok();
    assert!(verbose.stderr.contains("phrases"), "{}", verbose.stderr);
    assert!(verbose.stderr.contains("templates"), "{}", verbose.stderr);
    assert!(verbose.stderr.contains("seed"), "{}", verbose.stderr);
    let plain = Wengao::new().arg("draft").path(&spec).run().ok();
    assert!(!plain.stderr.contains("phrases"), "{}", plain.stderr);
    let qn = Wengao::new()
        .args(["-q", "new", "-o"])
        .path(&dir.path().join("n.yaml"))
        .run()
        .ok();
    assert!(qn.stderr.is_empty(), "{}", qn.stderr);
}

#[test]
fn phrasebank_errors_are_rustc_style() {
    let dir = tempfile::tempdir().unwrap();
    let pb = dir.path().join("pb");
    std::fs::create_dir_all(pb.join("themes")).unwrap();
    std::fs::write(
        pb.join("common.yaml"),
        "description: c\nentries:\n- id: common.opening.0\n  role: openning\n  text: 今天召开{meeting}。\n",
    )
    .unwrap();
    let (_d, f) = bad_spec();
    let r = Wengao::new()
        .args(["--color", "never", "--phrasebank"])
        .path(&pb)
        .arg("draft")
        .path(&f)
        .run()
        .code(2);
    assert!(
        r.stderr.starts_with("error: unknown role `openning`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("common.yaml:3:1"), "{}", r.stderr);
    assert!(
        r.stderr.contains("3 | - id: common.opening.0"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("^") && r.stderr.contains("= help: did you mean `opening`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn template_errors_are_rustc_style() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("templates");
    copy_dir(&root().join("templates"), &tpl);
    let speech = tpl.join("speech.tera");
    let text = std::fs::read_to_string(&speech).unwrap();
    let (n, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with("{% block title %}"))
        .expect("a title block");
    let broken = text.replacen(line, &format!("{line}{{{{ speech.title | nosuch }}}}"), 1);
    std::fs::write(&speech, broken).unwrap();
    let spec = root().join("examples/plenary-2024.yaml");
    let r = Wengao::new()
        .args(["--color", "never", "--templates"])
        .path(&tpl)
        .arg("draft")
        .path(&spec)
        .run()
        .code(2);
    assert!(
        r.stderr
            .starts_with("error: template error: Unknown filter `nosuch`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("speech.tera:{}:", n + 1)),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains(&format!("{} | {{% block title %}}", n + 1)),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("^") && r.stderr.contains("= help:"),
        "{}",
        r.stderr
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}
