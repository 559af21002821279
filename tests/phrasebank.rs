//! `wengao phrasebank …` end to end: lint exit codes and locations, search, themes, stats, and the
//! edits (add, retire) that keep every byte and never lose an entry under concurrent use.

mod common;

use std::path::{Path, PathBuf};

use common::Wengao;
use wengao::curate::{self, LintOptions, NewEntry, Severity};
use wengao::phrasebank::{RawFile, Role};

const THEME: &str = "# 项目建设 — hand-written header comment
theme: 项目建设
description: 重大项目谋划、储备、开工与有效投资
entries:
  # framing — why it matters
  - id: xiangmu.framing.1
    role: framing   # aligned comment
    text: \"{topic}直接关系全年投资目标能否实现。\"
    source: written

  - id: xiangmu.measure.1
    role: measure
    text: \"要坚持项目为王，在{area}上下形成抓项目的浓厚氛围。\"
    source: written

# trailing comment kept after the list\n";

const COMMON: &str = "# speech-level phrasing\nentries:\n  - id: common.closing.1\n    role: closing\n    text: 同志们，让我们团结一心、真抓实干！\n";

fn fixture() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("themes")).unwrap();
    std::fs::write(d.path().join("themes/xiangmu.yaml"), THEME).unwrap();
    std::fs::write(d.path().join("common.yaml"), COMMON).unwrap();
    d
}

fn no_depth() -> LintOptions {
    LintOptions {
        required_themes: Vec::new(),
        depth: false,
    }
}

/// Lint errors of one file, apart from depth (a fixture is never deep enough).
fn file_errors(dir: &Path, file: &Path) -> Vec<String> {
    curate::lint(dir, &no_depth())
        .unwrap()
        .into_iter()
        // These fixtures predate the topic map; its rules have their own tests.
        .filter(|f| f.severity == Severity::Error && Path::new(&f.file) == file)
        .filter(|f| f.rule != "untagged")
        .map(|f| f.to_string())
        .collect()
}

fn pb(dir: &Path) -> String {
    dir.to_string_lossy().to_string()
}

#[test]
fn add_appends_keeps_every_byte_and_lints() {
    let d = fixture();
    let file = d.path().join("themes/xiangmu.yaml");
    let r = Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "add",
            "--role",
            "measure",
            "--theme",
            "项目建设",
        ])
        .args([
            "--text",
            "要压紧压实项目推进责任，倒排工期、挂图作战。",
            "--years",
            "2021-2025",
        ])
        .run()
        .ok();
    assert!(r.stdout.starts_with("xiangmu.measure.2\t"), "{}", r.stdout);
    let after = std::fs::read_to_string(&file).unwrap();
    // Every byte up to the end of the last entry is kept; the trailing comment stays after the list.
    let keep = THEME.find("\n\n# trailing").unwrap() + 1;
    assert!(after.starts_with(&THEME[..keep]), "{after}");
    assert!(
        after.ends_with("\n# trailing comment kept after the list\n"),
        "{after}"
    );
    assert!(
        after.contains("  - id: xiangmu.measure.2\n    role: measure\n    text: \"要压紧压实项目推进责任，倒排工期、挂图作战。\"\n    source: written\n    years: 2021-2025\n"),
        "indentation, quoting and key order follow the file:\n{after}"
    );
    let line: usize = r.stdout.trim().rsplit(':').next().unwrap().parse().unwrap();
    assert_eq!(
        after.lines().nth(line - 1).unwrap(),
        "  - id: xiangmu.measure.2"
    );
    let raw: RawFile = serde_yaml::from_str(&after).unwrap();
    assert_eq!(raw.entries.len(), 3);
    assert!(
        file_errors(d.path(), &file).is_empty(),
        "{:?}",
        file_errors(d.path(), &file)
    );

    // A speech-level role goes to common.yaml.
    let r = Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "add",
            "--role",
            "closing",
        ])
        .args(["--text", "同志们，使命在肩、重任在身，让我们奋勇争先！"])
        .run()
        .ok();
    assert!(r.stdout.starts_with("common.closing.2\t"), "{}", r.stdout);
    assert!(
        std::fs::read_to_string(d.path().join("common.yaml"))
            .unwrap()
            .starts_with(COMMON)
    );
}

#[test]
fn add_refuses_what_would_not_lint() {
    let d = fixture();
    let file = d.path().join("themes/xiangmu.yaml");
    for (text, why) in [
        ("全年完成投资85亿元。", "figure"),
        ("要树立新开展理念。", "spun-word"),
        ("要抓好项目,推进建设。", "punctuation"),
        ("要落实{fact}。", "slot"),
        (
            "要坚持项目为王，在{area}上下形成抓项目的浓厚氛围。",
            "duplicate",
        ),
    ] {
        Wengao::new()
            .args([
                "--phrasebank",
                &pb(d.path()),
                "phrasebank",
                "add",
                "--role",
                "measure",
                "--theme",
                "项目建设",
                "--text",
                text,
            ])
            .run()
            .code(2)
            .stderr_has(why);
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            THEME,
            "{why}: file untouched"
        );
    }
    Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "add",
            "--role",
            "measure",
            "--theme",
            "项目建筑",
            "--text",
            "要。",
        ])
        .run()
        .code(2)
        .stderr_has("did you mean 项目建设");
    Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "add",
            "--role",
            "measure",
            "--text",
            "要抓项目。",
        ])
        .run()
        .code(2)
        .stderr_has("--theme");
}

#[test]
fn retire_marks_in_place() {
    let d = fixture();
    let file = d.path().join("themes/xiangmu.yaml");
    Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "retire",
            "xiangmu.framing.1",
        ])
        .run()
        .ok();
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        after,
        THEME.replace(
            "    source: written\n\n  - id: xiangmu.measure.1",
            "    source: written\n    status: retired\n\n  - id: xiangmu.measure.1"
        )
    );
    // Retired entries are never drafted: search hides them unless --all.
    let r = Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "search",
            "投资目标",
        ])
        .run();
    assert_eq!(r.code, 1, "no curated hit: {}", r.stdout);
    Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "search",
            "投资目标",
            "--all",
        ])
        .run()
        .ok()
        .stdout_has("[retired]");
    Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "retire",
            "xiangmu.framing.9",
        ])
        .run()
        .code(2)
        .stderr_has("did you mean xiangmu.framing.1");
}

fn texts(tag: &str, n: usize) -> Vec<String> {
    (1..=n)
        .map(|i| {
            format!(
                "要聚焦{tag}第{}批任务，逐项明确责任、逐项推进落实。",
                wengao::numerals::chinese(i as u32)
            )
        })
        .collect()
}

fn check_forty(dir: &Path, file: &Path, before: usize) {
    let raw: RawFile = serde_yaml::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(raw.entries.len(), before + 40, "no entry lost");
    let ids: std::collections::HashSet<&str> = raw.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), raw.entries.len(), "ids unique");
    assert!(
        file_errors(dir, file).is_empty(),
        "{:?}",
        file_errors(dir, file)
    );
    let leftovers: Vec<PathBuf> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.ends_with("tmp") || n.ends_with(".lock")
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn two_threads_adding_twenty_each_lose_nothing() {
    let d = fixture();
    let dir = d.path().to_path_buf();
    let handles: Vec<_> = ["招商", "开工"]
        .into_iter()
        .map(|tag| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                for text in texts(tag, 20) {
                    let e = NewEntry {
                        text,
                        role: Some(Role::Measure),
                        themes: vec!["项目建设".into()],
                        ..Default::default()
                    };
                    curate::add(&dir, &e).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    check_forty(&dir, &dir.join("themes/xiangmu.yaml"), 2);
}

#[test]
fn two_processes_adding_twenty_each_lose_nothing() {
    let d = fixture();
    let dir = d.path().to_path_buf();
    let handles: Vec<_> = ["要素", "储备"]
        .into_iter()
        .map(|tag| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                for text in texts(tag, 20) {
                    Wengao::new()
                        .args([
                            "--phrasebank",
                            &pb(&dir),
                            "-q",
                            "phrasebank",
                            "add",
                            "--role",
                            "measure",
                            "--theme",
                            "项目建设",
                            "--text",
                            &text,
                        ])
                        .run()
                        .ok();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    check_forty(&dir, &dir.join("themes/xiangmu.yaml"), 2);
}

#[test]
fn a_live_lock_is_waited_for_and_a_killed_holder_leaves_none() {
    let d = fixture();
    let file = d.path().join("themes/xiangmu.yaml");
    // A live lock held for a moment: add waits, then succeeds.
    let held = wengao::io::DirLock::acquire(d.path()).unwrap();
    let dir = d.path().to_path_buf();
    let t = std::thread::spawn(move || {
        curate::add(
            &dir,
            &NewEntry {
                text: "要强化项目要素保障，推动用地、资金等要素向重点项目集中。".into(),
                role: Some(Role::Measure),
                themes: vec!["项目建设".into()],
                ..Default::default()
            },
        )
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        THEME,
        "nothing written while the lock is held"
    );
    drop(held);
    let added = t.join().unwrap().unwrap();
    assert_eq!(added.id, "xiangmu.measure.2");
    // A holder killed with SIGKILL (a `flock` child here) leaves no lock behind: the next edit
    // goes through at once, not after a timeout.
    let mut holder = std::process::Command::new("flock")
        .arg("-o")
        .arg(d.path())
        .args(["sleep", "30"])
        .spawn()
        .expect("flock(1) from util-linux");
    std::thread::sleep(std::time::Duration::from_millis(300));
    holder.kill().unwrap();
    holder.wait().unwrap();
    let added = curate::add(
        d.path(),
        &NewEntry {
            text: "要加快项目前期工作，推动项目早开工、早投产、早见效。".into(),
            role: Some(Role::Measure),
            themes: vec!["项目建设".into()],
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(added.id, "xiangmu.measure.3");
}

#[test]
fn lint_reports_file_line_and_exits_1_on_errors() {
    let d = fixture();
    std::fs::write(
        d.path().join("themes/bad.yaml"),
        "theme: 招商引资\ndescription: 招商\nentries:\n  - id: bad.measure.1\n    role: measure\n    text: 要开展精准招商,引进项目20个。\n  - id: bad.measure.2\n    role: mesure\n    text: 要招商。\n",
    )
    .unwrap();
    let r = Wengao::new()
        .args(["--phrasebank", &pb(d.path()), "phrasebank", "lint"])
        .run()
        .code(1);
    let bad = d.path().join("themes/bad.yaml").display().to_string();
    assert!(
        r.stdout.contains(&format!("{bad}:4: error[figure]")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&format!("{bad}:4: error[punctuation]")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&format!("{bad}:7: error[unknown-role]")),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("spun-word"),
        "开展精准招商 is genuine: {}",
        r.stdout
    );
    assert!(r.stdout.contains("error[depth]"), "{}", r.stdout);
    assert!(r.stdout.contains("error[missing-theme]"), "{}", r.stdout);
    let j = Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "lint",
            "--format",
            "json",
        ])
        .run()
        .code(1);
    let v: serde_json::Value = serde_json::from_str(&j.stdout).unwrap();
    let first = &v.as_array().unwrap()[0];
    for k in ["severity", "file", "line", "rule", "message"] {
        assert!(first.get(k).is_some(), "{k} in {first}");
    }
}

#[test]
fn themes_search_and_stats() {
    let d = fixture();
    Wengao::new()
        .args(["--phrasebank", &pb(d.path()), "phrasebank", "themes"])
        .run()
        .ok()
        .stdout_has("项目建设  重大项目谋划、储备、开工与有效投资");
    let file = d.path().join("themes/xiangmu.yaml").display().to_string();
    Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "search",
            "氛围",
            "--theme",
            "项目建设",
            "--role",
            "measure",
            "--year",
            "2024",
        ])
        .run()
        .ok()
        .stdout_has(&format!("xiangmu.measure.1\t{file}:11\t要坚持项目为王"));
    let r = Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "search",
            "氛围",
            "--role",
            "framing",
        ])
        .run();
    assert_eq!(r.code, 1);
    let s = Wengao::new()
        .args([
            "--phrasebank",
            &pb(d.path()),
            "phrasebank",
            "stats",
            "--format",
            "json",
        ])
        .run()
        .ok();
    let v: serde_json::Value = serde_json::from_str(&s.stdout).unwrap();
    assert_eq!(v["curated"], 3);
    assert_eq!(v["themes"][0]["theme"], "项目建设");
    assert_eq!(v["years"].as_array().unwrap().len(), 13);
    Wengao::new()
        .args(["--phrasebank", &pb(d.path()), "phrasebank", "stats"])
        .run()
        .ok()
        .stdout_has("Era coverage");
}

#[test]
fn the_real_phrasebank_reads_without_schema_errors() {
    let dir = common::root().join("phrasebank");
    if !dir.join("common.yaml").exists() {
        eprintln!("skipped: no phrasebank/ in this checkout");
        return;
    }
    let f = curate::lint(&dir, &LintOptions::default()).unwrap();
    let schema: Vec<String> = f
        .iter()
        .filter(|f| {
            matches!(
                f.rule,
                "schema" | "unknown-role" | "duplicate-id" | "bad-years"
            ) && f.severity == Severity::Error
        })
        .map(|f| f.to_string())
        .collect();
    assert!(schema.is_empty(), "{schema:#?}");
}

/// `phrasebank lint` over many alike entries is not quadratic: each entry is reported as a near
/// duplicate at most once (all pairs were compared and reported: 10,000 similar entries took 16 s
/// and 300,000 took 18 GB), and entries alike with none are not reported.
#[test]
fn lint_of_many_alike_entries_reports_each_once() {
    let d = fixture();
    let n = 3000;
    let mut text = String::from("theme: 项目建设\nentries:\n");
    let digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    for k in 0..n {
        // Alike: one long shared sentence, a different four-character tail.
        let tail: String = [k / 1000, (k / 100) % 10, (k / 10) % 10, k % 10]
            .iter()
            .map(|&x| digits[x])
            .collect();
        text.push_str(&format!(
            "  - id: xiangmu.measure.{}\n    role: measure\n    topics: [general]\n    text: 要坚持项目为王，全力推动重大项目早开工早投产早见效，切实扩大有效投资规模{tail}。\n",
            k + 2
        ));
    }
    std::fs::write(d.path().join("themes/more.yaml"), text).unwrap();
    let findings = curate::lint(d.path(), &no_depth()).unwrap();
    let near: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == "near-duplicate")
        .collect();
    assert!(
        near.len() >= n - 1,
        "every later entry is alike: {}",
        near.len()
    );
    assert!(near.len() <= n, "each entry once: {}", near.len());
}

/// `phrasebank retire` of a 30,000-character id answers at once (the did-you-mean compared it
/// with every id character by character) and offers no suggestion.
#[test]
fn retire_of_a_huge_id_says_no_such_entry() {
    let d = fixture();
    let id = "x".repeat(30_000);
    let e = curate::retire(d.path(), &id).unwrap_err().to_string();
    assert!(e.contains("no entry has the id"), "{e}");
    assert!(!e.contains("did you mean"), "{}", &e[..200.min(e.len())]);
    // A near miss still gets its suggestion.
    let e = curate::retire(d.path(), "xiangmu.measure.l")
        .unwrap_err()
        .to_string();
    assert!(e.contains("did you mean xiangmu.measure.1"), "{e}");
}

/// A phrasebank file nested 100,000 deep is refused at once, at its position, by the loader and
/// by lint (it made every command take a minute).
#[test]
fn a_deeply_nested_phrasebank_file_is_refused_at_its_position() {
    let d = fixture();
    let deep = format!("entries: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    std::fs::write(d.path().join("themes/deep.yaml"), deep).unwrap();
    let e = wengao::phrasebank::Phrasebank::load(d.path())
        .expect_err("refused")
        .to_string();
    assert!(e.contains("deep.yaml:1:42"), "{e}");
    assert!(e.contains("nested more than 32 deep"), "{e}");
    let findings = curate::lint(d.path(), &no_depth()).unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f.file.ends_with("deep.yaml") && f.message.contains("nested")),
        "{findings:?}"
    );
}
