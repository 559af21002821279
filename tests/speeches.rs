//! Speeches as writers find them (`tests/speeches/*.txt`: written for these tests in the shapes
//! of text pasted from web pages, PDFs and .docx files — flattened, with site chrome, page
//! numbers, PDF spaces, half-width marks — each with its expected outline in `NAME.json`), run
//! through the binary by one table: `normalize` (idempotent, every removed character reported),
//! `outline --normalize` (title, salutation, level-1 headings, level-2 counts, closing) and
//! `spec-from` | `draft`.
//!
//! The expected JSON: `title` ("" when the text has none), `salutation` (null when none),
//! `headings` (the level-1 headings in order), optional `l2` (level-2 counts per part),
//! `closing` (paragraph count, when checked), `present` / `absent` (text the clean text must
//! keep / must not hold), and `spec` (what spec-from must read: `role`, `level`, `date`, `year`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn cases() -> Vec<(String, String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/speeches");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let out: Vec<_> = names
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&p).unwrap();
            let want: Value =
                serde_json::from_str(&std::fs::read_to_string(p.with_extension("json")).unwrap())
                    .unwrap_or_else(|e| panic!("{name}.json: {e}"));
            (name, text, want)
        })
        .collect();
    assert!(out.len() >= 25, "only {} test speeches", out.len());
    out
}

fn wengao() -> Command {
    let mut c = Command::cargo_bin("wengao").unwrap();
    // The output must not depend on the corpus being at hand.
    c.env("WENGAO_CORPUS", "/nonexistent");
    c
}

fn run(args: &[&str], stdin: &str) -> (String, String) {
    let out = wengao().args(args).write_stdin(stdin).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "wengao {args:?}: {err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

#[test]
fn outlines_of_the_test_speeches() {
    let mut failures = Vec::new();
    for (name, text, want) in cases() {
        let (json, _) = run(&["outline", "--normalize", "--format", "json", "-"], &text);
        let got: Value = serde_json::from_str(&json).unwrap();
        let (clean, _) = run(&["normalize", "-"], &text);
        let mut check = |what: &str, ok: bool, detail: String| {
            if !ok {
                failures.push(format!("{name}: {what}: {detail}"));
            }
        };
        check(
            "title",
            got["title"] == want["title"],
            format!("{} ≠ {}", got["title"], want["title"]),
        );
        check(
            "salutation",
            got["salutation"] == want["salutation"],
            format!("{} ≠ {}", got["salutation"], want["salutation"]),
        );
        let headings: Vec<String> = got["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["heading"].as_str().unwrap().to_string())
            .collect();
        let want_headings = strs(&want["headings"]);
        check(
            "level-1 headings",
            headings == want_headings,
            format!("{headings:?} ≠ {want_headings:?}"),
        );
        if let Some(l2) = want.get("l2") {
            let got_l2: Vec<usize> = got["parts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["parts"].as_array().unwrap().len())
                .collect();
            check(
                "level-2 counts",
                serde_json::json!(got_l2) == *l2,
                format!("{got_l2:?} ≠ {l2}"),
            );
        }
        if let Some(n) = want.get("closing") {
            let c = got["closing"].as_array().unwrap().len();
            check("closing", c as u64 == n.as_u64().unwrap(), format!("{c}"));
        }
        for p in strs(&want["present"]) {
            check(
                "kept",
                clean.contains(&p),
                format!("{p} missing in\n{clean}"),
            );
        }
        for a in strs(&want["absent"]) {
            check(
                "removed",
                !clean.contains(&a),
                format!("{a} left in\n{clean}"),
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The Han characters of a text, counted.
fn han(s: &str) -> HashMap<char, usize> {
    let mut m = HashMap::new();
    for c in s.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) {
        *m.entry(c).or_default() += 1;
    }
    m
}

#[test]
fn normalize_is_idempotent_and_reports_every_removed_character() {
    for (name, text, _) in cases() {
        let (clean, report) = run(&["normalize", "--report", "-"], &text);
        let (twice, _) = run(&["normalize", "-"], &clean);
        assert_eq!(twice, clean, "{name}: normalising twice changed the text");
        // Every Han character of the input is in the output or in what the report says was
        // removed (advertisement, teaser, page number) or de-spun.
        let mut removed = String::new();
        for l in report.lines() {
            for kind in [
                ": advertisement: ",
                ": teaser: ",
                ": page_number: ",
                ": despun: ",
            ] {
                if let Some((_, r)) = l.split_once(kind) {
                    removed.push_str(r.split(" → ").next().unwrap());
                }
            }
        }
        let (input, output, listed) = (han(&text), han(&clean), han(&removed));
        for (c, n) in input {
            let kept = output.get(&c).copied().unwrap_or(0);
            let said = listed.get(&c).copied().unwrap_or(0);
            assert!(
                kept + said >= n,
                "{name}: {n}×{c} in the input, {kept} in the output, {said} reported removed\n{report}"
            );
        }
    }
}

#[test]
fn spec_from_each_test_speech_drafts() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, want) in cases() {
        if strs(&want["headings"]).len() < 2 {
            continue;
        }
        let (spec, _) = run(&["spec-from", "-"], &text);
        let v: serde_yaml::Value = serde_yaml::from_str(&spec).unwrap();
        if let Some(s) = want.get("spec") {
            if let Some(role) = s.get("role") {
                assert_eq!(
                    v["speaker"]["role"].as_str(),
                    role.as_str(),
                    "{name}: role\n{spec}"
                );
            }
            if let Some(level) = s.get("level") {
                assert_eq!(
                    v["place"]["level"].as_str(),
                    level.as_str(),
                    "{name}: level\n{spec}"
                );
            }
            let date = v["meeting"]["date"].as_str().unwrap().to_string();
            if let Some(d) = s.get("date") {
                assert_eq!(Some(date.as_str()), d.as_str(), "{name}: date\n{spec}");
            }
            if let Some(y) = s.get("year") {
                assert!(
                    date.starts_with(y.as_str().unwrap()),
                    "{name}: {date}\n{spec}"
                );
            }
        }
        let title = want["title"].as_str().unwrap();
        let meeting = v["meeting"]["name"].as_str().unwrap();
        assert!(
            !meeting.contains("讲话") && !meeting.contains("发言"),
            "{name}: meeting name {meeting}"
        );
        if !title.is_empty() {
            assert!(
                title.contains(meeting),
                "{name}: {meeting} not from {title}"
            );
        }
        let path = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&path, &spec).unwrap();
        let out = wengao().arg("draft").arg(&path).arg("-q").output().unwrap();
        assert!(
            out.status.success(),
            "{name}: the spec does not draft: {}\n{spec}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{name}: empty draft");
    }
}

/// `lint` reads the count the opening announces in each form (两点意见, 三个方面, 再强调四点 …)
/// and compares it with the parts: quiet when they agree, an error when the number is changed.
#[test]
fn lint_compares_the_announced_count_with_the_parts() {
    let forms = ["两点", "三点", "四点", "三个方面", "四个问题"];
    let mut checked = 0;
    for (name, text, _) in cases() {
        let (clean, _) = run(&["normalize", "-"], &text);
        let Some(form) = forms.iter().find(|f| clean.contains(*f)) else {
            continue;
        };
        let lint = |t: &str| {
            let out = wengao()
                .args(["lint", "--format", "json", "-"])
                .write_stdin(t)
                .output()
                .unwrap();
            String::from_utf8(out.stdout).unwrap()
        };
        assert!(
            !lint(&clean).contains("announced-count"),
            "{name}: {form} agrees with the parts"
        );
        let wrong = clean.replacen(form, &form.replacen(|c: char| c != '个', "九", 1), 1);
        assert!(
            lint(&wrong).contains("announced-count"),
            "{name}: {form} changed to 九 is not found\n{wrong}"
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} speeches announce a count");
}
