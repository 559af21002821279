//! Property tests over generated specs: every spec within the contract drafts, and every draft
//! passes lint (era, repetition, numbers, coverage, structure and the round trip), at any date
//! from 2018 to 2030, at every level, for every kind, with 2–6 sections of 0–9 points.
//! PROPTEST_CASES raises the number of cases (default 48 here, to keep CI fast).

use std::sync::OnceLock;

use proptest::prelude::*;
use wengao::draft::Drafter;

fn drafter() -> &'static Drafter {
    static D: OnceLock<Drafter> = OnceLock::new();
    D.get_or_init(|| Drafter::embedded().unwrap())
}

const TOPICS: [&str; 12] = [
    "重点项目",
    "春耕生产",
    "工业园区",
    "营商环境优化",
    "河道治理",
    "校园安全",
    "县城建设",
    "就业帮扶",
    "债务化解",
    "信访维稳",
    "招商推介",
    "干部队伍",
];
const UNITS: [&str; 6] = [
    "县发改局",
    "县财政局",
    "县住建局",
    "各镇",
    "县农业农村局",
    "县应急管理局",
];
const KINDS: [&str; 6] = [
    "plenary",
    "economy",
    "key_work",
    "rule_of_law",
    "safety",
    "investment",
];
const LEVELS: [&str; 4] = ["县", "市", "区", "镇"];

/// A point: topic index, with a fact, a lead, support, and a deadline month.
type GenPoint = (usize, bool, bool, bool, Option<u32>);

#[derive(Debug, Clone)]
struct Gen {
    year: i32,
    month: u32,
    day: u32,
    kind: usize,
    level: usize,
    sections: Vec<(usize, Vec<GenPoint>)>,
    length: Option<u32>,
    seed: u64,
    with_situation: bool,
}

fn specs() -> impl Strategy<Value = Gen> {
    let point = (
        0..TOPICS.len(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(1u32..=12),
    );
    let section = (0..26usize, proptest::collection::vec(point, 0..=9));
    (
        2018..=2030i32,
        1..=12u32,
        1..=28u32,
        0..6usize,
        0..4usize,
        proptest::collection::vec(section, 2..=6),
        proptest::option::of(prop_oneof![
            Just(3000u32),
            Just(6000),
            Just(8000),
            Just(12000)
        ]),
        any::<u64>(),
        any::<bool>(),
    )
        .prop_map(
            |(year, month, day, kind, level, sections, length, seed, with_situation)| Gen {
                year,
                month,
                day,
                kind,
                level,
                sections,
                length,
                seed,
                with_situation,
            },
        )
}

fn spec_yaml(g: &Gen, themes: &[String]) -> String {
    let mut y = format!(
        "meeting:\n  name: {}年重点工作会议\n  date: {}-{:02}-{:02}\n  kind: {}\n  purposes: [部署今年重点任务]\nspeaker:\n  role: 主要负责同志\nplace:\n  name: 某地\n  level: {}\n",
        g.year, g.year, g.month, g.day, KINDS[g.kind], LEVELS[g.level]
    );
    if g.with_situation {
        y.push_str("situation:\n  achievements: [地区生产总值增长5.5%]\n  figures:\n    - {indicator: 固定资产投资, value: 增长7.1%}\n  problems: [发展不平衡问题仍然突出]\n");
    }
    y.push_str("sections:\n");
    for (si, (t, points)) in g.sections.iter().enumerate() {
        y.push_str(&format!("  - theme: {}\n", themes[*t % themes.len()]));
        if !points.is_empty() {
            y.push_str("    points:\n");
        }
        for (i, (topic, fact, lead, support, deadline)) in points.iter().enumerate() {
            // Topics are unique within a section, as a writer would write them.
            y.push_str(&format!(
                "      - topic: {}{}\n",
                TOPICS[*topic],
                if i > 0 {
                    format!("第{}项", i + 1)
                } else {
                    String::new()
                }
            ));
            if *fact {
                y.push_str(&format!(
                    "        facts: [完成投资{}亿元]\n",
                    10 * (si + 1) + i
                ));
            }
            if *lead {
                y.push_str(&format!(
                    "        lead: {}\n",
                    UNITS[(topic + i) % UNITS.len()]
                ));
            }
            if *support {
                y.push_str(&format!(
                    "        support: [{}]\n",
                    UNITS[(topic + i + 1) % UNITS.len()]
                ));
            }
            if let Some(m) = deadline {
                y.push_str(&format!("        deadline: {}-{:02}-15\n", g.year, m));
            }
        }
    }
    y.push_str("closing:\n  call: 奋力开创各项事业新局面\n");
    if let Some(l) = g.length {
        y.push_str(&format!("output:\n  length: {l}\n"));
    }
    y
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(48), ..ProptestConfig::default() })]

    #[test]
    fn every_spec_in_the_contract_drafts_and_passes_lint(g in specs()) {
        let d = drafter();
        let themes = d.phrasebank.theme_names();
        let src = spec_yaml(&g, &themes);
        let vs = d.spec(&src, "gen.yaml").map_err(|e| TestCaseError::fail(format!("{e}\n{src}")))?;
        let plan = d.plan(&vs, Some(g.seed)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let findings = d.check(&vs, &plan, None).unwrap();
        let errors: Vec<_> = findings.iter().filter(|f| f.severity == wengao::lint::Severity::Error).collect();
        prop_assert!(errors.is_empty(), "{:#?}\n{}\n{}", errors, src, d.text(&plan).unwrap());
        // Within ±10% of the length asked, or a warning saying why not.
        let target = plan.target;
        if plan.length * 10 > target * 11 {
            prop_assert!(plan.warnings.iter().any(|w| w.contains("over the")), "{} > {} +10% without a warning", plan.length, target);
        }
        if plan.length * 10 < target * 9 {
            prop_assert!(plan.warnings.iter().any(|w| w.contains("short of")), "short without a warning");
        }
    }
}
