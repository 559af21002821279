//! `wengao lint`: each rule fails on a draft that breaks it and passes on one that does not,
//! and a writer's typical edits get the findings the writer would want.

mod common;

use common::{Wengao, corpus, root};

fn draft(spec: &str, seed: u64) -> String {
    Wengao::new()
        .arg("draft")
        .path(&root().join(spec))
        .args(["--seed", &seed.to_string()])
        .run()
        .ok()
        .stdout
}

fn lint_text(text: &str, extra: &[&str]) -> common::Ran {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("draft.txt");
    std::fs::write(&f, text).unwrap();
    let r = Wengao::new()
        .arg("lint")
        .path(&f)
        .args(extra)
        .args(["--format", "json"])
        .run();
    drop(dir);
    r
}

fn rules(r: &common::Ran) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|_| panic!("json: {}\n{}", r.stdout, r.stderr));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has_error(r: &common::Ran, rule: &str) -> bool {
    rules(r)
        .iter()
        .any(|(ru, sev)| ru == rule && sev == "error")
}

const SPEC: &str = "examples/plenary-2024.yaml";

#[test]
fn a_generated_draft_passes_every_rule() {
    let text = draft(SPEC, 7);
    let spec = root().join(SPEC);
    let r = lint_text(
        &text,
        &[
            "--spec",
            spec.to_str().unwrap(),
            "--corpus",
            corpus().to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(!rules(&r).iter().any(|(_, s)| s == "error"), "{}", r.stdout);
}

/// The draft with the first sentence of its opening said again at the end of the closing.
fn repeated(text: &str) -> String {
    let opening = text
        .lines()
        .skip_while(|l| !l.starts_with("同志们："))
        .nth(1)
        .unwrap();
    let first = &opening[..opening.find('。').unwrap() + '。'.len_utf8()];
    let first = first.trim_start_matches('　');
    format!("{}{first}\n", text.trim_end())
}

#[test]
fn each_rule_fails_when_broken() {
    let text = draft(SPEC, 7);
    let spec = root().join(SPEC);
    let spec_args = ["--spec", spec.to_str().unwrap()];
    let cases: Vec<(&str, String, bool)> = vec![
        ("numbering", text.replacen("二、", "三、", 1), false),
        (
            "residue",
            text.replacen("同志们：", "同志们：XX县", 1),
            false,
        ),
        (
            "residue",
            text.replacen("同志们：", "同志们：{{ topic }}", 1),
            false,
        ),
        (
            "punctuation",
            text.replacen("。", "，各镇,各部门。", 1),
            false,
        ),
        ("balance", text.replacen("。", "，“四个意识。", 1), false),
        ("repeat", repeated(&text), false),
        ("era", text.replacen("。", "，决战决胜脱贫攻坚。", 1), false),
        ("number", text.replacen("120个", "130个", 1), true),
        (
            "coverage",
            text.replacen("县自然资源局", "县林业局", 2),
            true,
        ),
    ];
    for (rule, broken, with_spec) in cases {
        let r = if with_spec {
            lint_text(&broken, &spec_args)
        } else {
            lint_text(&broken, &[])
        };
        assert_eq!(r.code, 1, "{rule}: exit 1 expected\n{}", r.stdout);
        assert!(has_error(&r, rule), "{rule} not found in\n{}", r.stdout);
    }
}

#[test]
fn copied_corpus_text_is_caught() {
    let text = draft(SPEC, 7);
    let copied =
        "党政军民学、东南西北中，党是领导一切的。坚持党的全面领导是我们战胜一切困难挑战的定海神针";
    let broken = text.replacen("同志们：\n", &format!("同志们：\n{copied}。\n"), 1);
    let r = lint_text(&broken, &["--corpus", corpus().to_str().unwrap()]);
    assert!(has_error(&r, "copied"), "{}", r.stdout);
}

#[test]
fn announced_count_must_match() {
    let text = draft(SPEC, 7);
    // Drop the last level-1 part (from 四、 to the closing).
    let start = text.find("　　四、").unwrap();
    let end = text.rfind("　　同志们，").unwrap();
    let broken = format!("{}{}", &text[..start], &text[end..]);
    let r = lint_text(&broken, &[]);
    assert!(has_error(&r, "announced-count"), "{}", r.stdout);
}

#[test]
fn a_writers_edits_get_the_findings_a_writer_wants() {
    // The writer deleted the second point of part one and renumbered nothing, and turned 一、 into 1、.
    let text = draft(SPEC, 7);
    let start = text.find("　　（二）").unwrap();
    let end = text.find("　　（三）").unwrap();
    let edited = format!("{}{}", &text[..start], &text[end..]);
    let spec = root().join(SPEC);
    let r = lint_text(&edited, &["--spec", spec.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let found = rules(&r);
    assert!(
        found.iter().any(|(ru, _)| ru == "numbering"),
        "the gap （一）（三） is reported:\n{}",
        r.stdout
    );
    assert!(
        found.iter().any(|(ru, _)| ru == "coverage"),
        "the deleted point's facts are missing:\n{}",
        r.stdout
    );
    // The text report names the line.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("edited.txt");
    std::fs::write(&f, &edited).unwrap();
    let t = Wengao::new().arg("lint").path(&f).run();
    assert!(
        t.stdout.contains("edited.txt:") && t.stdout.contains("error[numbering]"),
        "{}",
        t.stdout
    );
}

#[test]
fn every_example_draft_stays_within_length_era_and_originality() {
    let d = wengao::draft::Drafter::embedded().unwrap();
    let index = wengao::lint::CorpusIndex::from_dir(&corpus()).unwrap();
    for e in common::examples() {
        let src = std::fs::read_to_string(&e).unwrap();
        let vs = d.spec(&src, "example.yaml").unwrap();
        for seed in [1, 7] {
            let plan = d.plan(&vs, Some(seed)).unwrap();
            let errors: Vec<_> = d
                .check(&vs, &plan, Some(&index))
                .unwrap()
                .into_iter()
                .filter(|f| f.severity == wengao::lint::Severity::Error)
                .collect();
            assert!(
                errors.is_empty(),
                "{} seed {seed}: {errors:#?}",
                e.display()
            );
            // Never over the target by more than 10%; short only when the points' sub-topics
            // ran dry, and then said (a point draws from its own sub-topics, never pads).
            let len = plan.length;
            let t = vs
                .spec
                .output
                .as_ref()
                .and_then(|o| o.length)
                .map(|t| t as usize)
                .unwrap_or(wengao::plan::DEFAULT_LENGTH);
            assert!(len * 10 <= t * 11, "{}: {len} over {t}", e.display());
            assert!(len >= 3_000, "{}: only {len} characters", e.display());
            if len * 10 < t * 9 {
                assert!(
                    plan.warnings.iter().any(|w| w.contains("short of")),
                    "{}: {len} short of {t} without a warning",
                    e.display()
                );
            }
        }
    }
}

/// Every prose rule on a draft that breaks it (and not on the generated draft it came from).
#[test]
fn prose_rules_fire_when_broken_and_stay_quiet_otherwise() {
    let text = draft(SPEC, 7);
    let spec = root().join(SPEC);
    let spec_args = ["--spec", spec.to_str().unwrap()];
    let clean = rules(&lint_text(&text, &spec_args));
    let prose = wengao::prose::RULES;
    assert!(
        !clean.iter().any(|(r, _)| prose.contains(&r.as_str())),
        "{clean:?}"
    );
    // The first body line after the first point's heading.
    let body = text
        .lines()
        .skip_while(|l| !l.contains("（一）"))
        .nth(1)
        .unwrap()
        .to_string();
    let first_sentence = body[..body.find('。').unwrap() + '。'.len_utf8()]
        .trim_start_matches('　')
        .to_string();
    let heading = text
        .lines()
        .find(|l| l.contains("（一）"))
        .unwrap()
        .to_string();
    let cases: Vec<(&str, String)> = vec![
        (
            "repeated-word",
            text.replacen(
                &body,
                &format!("{body}要加强分析研判，分析研判要及时，分析研判结果要用好。"),
                1,
            ),
        ),
        (
            "near-duplicate",
            text.replacen(
                &body,
                &format!("{body}{}", first_sentence.replacen('，', "，切实", 1)),
                1,
            ),
        ),
        (
            "ranking-word",
            text.replacen(&body, &format!("{body}这是头等大事。这也是重中之重。"), 1),
        ),
        (
            "count-word",
            text.replacen("下面，", "先讲二点看法。下面，", 1),
        ),
        (
            "stress-again",
            text.replacen("同志们：\n", "同志们：\n　　我再强调几点。\n", 1),
        ),
        (
            "numbers-lead",
            text.replacen(
                &body,
                &format!("{body}这里讲一组数字：6月底前全部开工。"),
                1,
            ),
        ),
        (
            "motto",
            text.replacen(&heading, "　　（一）聚焦重点项目，久久为功", 1)
                .replacen(
                    text.lines().find(|l| l.contains("（二）")).unwrap(),
                    "　　（二）聚焦项目储备，久久为功",
                    1,
                ),
        ),
        (
            "time-word",
            text.replacen("下面，", "今年以来，各项工作稳步推进。下面，", 1),
        ),
        (
            // A paragraph of their own under the point's heading (the first body line may be an
            // enumeration, whose lead-in and last item would take them).
            "off-topic",
            text.replacen(
                &heading,
                &format!("{heading}\n　　群众文化活动要丰富多彩。图书馆要延长开放时间。"),
                1,
            ),
        ),
    ];
    for (rule, broken) in cases {
        let found = rules(&lint_text(&broken, &spec_args));
        assert!(
            found.iter().any(|(r, _)| r == rule),
            "{rule} not found in {found:?}"
        );
    }
}

/// A farming season named out of its months is a `season` warning: 夏粮抢收 in the February
/// draft, not in the same draft dated June, and never in the generated draft itself.
#[test]
fn a_season_out_of_its_months_is_flagged() {
    let text = draft(SPEC, 7);
    let season = |r: &common::Ran| rules(r).iter().any(|(ru, _)| ru == "season");
    assert!(!season(&lint_text(&text, &[])));
    let broken = text.replacen("。", "，抓好夏粮抢收和机收减损。", 1);
    let r = lint_text(&broken, &[]);
    assert!(season(&r), "{}", r.stdout);
    // In June the harvest is in season; a year's start (开局就要…, 开门红) is not, so its
    // sentences are left out of the June draft.
    let june: String = broken
        .replacen("2024年2月26日", "2024年6月6日", 1)
        .split_inclusive('。')
        .filter(|s| {
            !["开局就要", "开好局", "开门红"]
                .iter()
                .any(|w| s.contains(w))
        })
        .collect();
    assert!(
        june.contains("2024年6月6日") && june.contains("夏粮抢收"),
        "{june}"
    );
    assert!(!season(&lint_text(&june, &[])));
}
