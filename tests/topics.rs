//! The topic map: every point resolves to sub-topics of any theme and keeps to them.

mod common;

use std::collections::BTreeSet;

use common::*;
use wengao::draft::Drafter;
use wengao::lint::topic_report;
use wengao::model::Origin;
use wengao::topic::Query;

/// Every sentence of a point with its origin: its paragraphs and its enumerated items.
fn sentences(p: &wengao::model::Part) -> Vec<(&str, &Origin)> {
    let mut v: Vec<(&str, &Origin)> = p
        .body
        .iter()
        .flat_map(|b| &b.sentences)
        .map(|s| (s.text.as_str(), &s.origin))
        .collect();
    for i in &p.items {
        v.push((i.lead.as_str(), &i.lead_origin));
        v.extend(
            i.body
                .sentences
                .iter()
                .map(|s| (s.text.as_str(), &s.origin)),
        );
    }
    v
}

fn drafter() -> Drafter {
    Drafter::embedded().unwrap()
}

/// The share of a point's own sentences on its topic, letting one pass: a point may carry one
/// sentence that fits any point of its theme (a `general` entry).
fn check_on_topic(
    d: &Drafter,
    src: &str,
    name: &str,
    seeds: std::ops::Range<u64>,
) -> (usize, usize) {
    let vs = d.spec(src, name).unwrap();
    let (mut own, mut on) = (0, 0);
    for seed in seeds {
        let plan = d.plan(&vs, Some(seed)).unwrap();
        let text = d.text(&plan).unwrap();
        let speech = wengao::corpus::outline::parse(&text);
        for r in topic_report(&speech, &d.phrasebank.topic_map, Some(&vs), vs.year()) {
            let counted = r.own - usize::from(!r.off.is_empty());
            own += counted;
            on += r.on;
            assert!(
                r.on * 10 >= counted * 9,
                "{name} seed {seed}: point 「{}」 ({}) has {} of {counted} sentences on topic; off: {:#?}",
                r.heading,
                r.topics.join("、"),
                r.on,
                r.off
            );
        }
    }
    (own, on)
}

#[test]
fn every_point_of_every_example_keeps_to_its_topic() {
    let d = drafter();
    let (mut own, mut on) = (0, 0);
    for e in examples() {
        let src = std::fs::read_to_string(&e).unwrap();
        let (o, n) = check_on_topic(&d, &src, &e.display().to_string(), 0..20);
        own += o;
        on += n;
    }
    assert!(own > 1000, "only {own} sentences checked");
    eprintln!("examples × 20 seeds: {on} of {own} sentences on topic");
}

/// Specs whose points are drawn from the topic map itself: each theme's sub-topics, named by
/// one of their words (an alias), two themes a spec.
#[test]
fn generated_specs_keep_to_their_topics() {
    let d = drafter();
    let map = &d.phrasebank.topic_map;
    let themes: Vec<String> = d.phrasebank.theme_names();
    let (mut own, mut on) = (0, 0);
    for (i, pair) in themes.chunks(2).enumerate() {
        let mut sections = String::new();
        for theme in pair {
            let subs: Vec<_> = map.of_theme(theme).filter(|t| t.fits(2024, None)).collect();
            if subs.len() < 2 {
                continue;
            }
            sections.push_str(&format!("  - theme: {theme}\n    points:\n"));
            for (k, t) in subs.iter().take(4).enumerate() {
                let topic = t.words.get(k % t.words.len().max(1)).unwrap_or(&t.name);
                sections.push_str(&format!("      - topic: \"{topic}\"\n"));
            }
        }
        if sections.is_empty() {
            continue;
        }
        let src = format!(
            "meeting:\n  name: 2024年县政府第{i}次常务会议\n  date: 2024-0{}-15\n  kind: key_work\nspeaker:\n  role: 县长\nplace:\n  name: 某县\nsections:\n{sections}",
            i % 9 + 1
        );
        let (o, n) = check_on_topic(&d, &src, &format!("generated-{i}.yaml"), 0..3);
        own += o;
        on += n;
    }
    assert!(own > 500, "only {own} sentences checked");
    eprintln!("generated specs: {on} of {own} sentences on topic");
}

fn resolve(topic: &str, theme: &str) -> Vec<String> {
    let d = drafter();
    d.phrasebank
        .topic_map
        .resolve(&Query {
            topic,
            theme,
            year: 2024,
            ..Default::default()
        })
        .topics
}

#[test]
fn resolution_by_alias() {
    assert_eq!(resolve("燃气安全", "安全生产")[0], "城镇燃气");
    assert_eq!(resolve("酒驾醉驾整治", "安全生产")[0], "道路交通");
}

/// A topic joining two fields by words neither sub-topic has whole (教育医疗: 教育 …, 医疗 …)
/// resolves to one sub-topic of each field, not to schools alone; a topic of one field to one.
#[test]
fn a_topic_joining_two_fields_resolves_to_both() {
    let d = drafter();
    let r = d.phrasebank.topic_map.resolve(&Query {
        topic: "教育医疗",
        lead: Some("县教体局"),
        support: vec!["县卫健局"],
        theme: "民生保障",
        year: 2024,
        ..Default::default()
    });
    let theme_of = |t: &str| {
        d.phrasebank
            .topic_map
            .get(t)
            .map(|s| s.terms().collect::<Vec<_>>().join(""))
            .unwrap_or_default()
    };
    assert_eq!(r.topics.len(), 2, "{r:?}");
    assert!(
        r.topics.iter().any(|t| theme_of(t).contains("教育")),
        "{r:?}"
    );
    assert!(r.topics.iter().any(|t| theme_of(t).contains("医")), "{r:?}");
    assert_eq!(resolve("就业增收", "民生保障").len(), 1);
}

#[test]
fn resolution_by_unit_name() {
    let d = drafter();
    let r = d.phrasebank.topic_map.resolve(&Query {
        topic: "专项整治",
        lead: Some("县公安局交警大队"),
        theme: "安全生产",
        year: 2024,
        ..Default::default()
    });
    assert_eq!(
        r.topics.first().map(String::as_str),
        Some("道路交通"),
        "{r:?}"
    );
    assert!(r.why.contains("unit"), "{r:?}");
}

/// The lead's unit says what a point is about when its words say nothing; the departments that
/// support it do not pull it to a field the lead does not own (秋季开学准备 with 县住建局 and
/// 县市场监管局 in support drew 城镇燃气's measures).
#[test]
fn supporting_units_do_not_take_a_point_from_its_lead() {
    let d = drafter();
    let theme_of = |t: &str| {
        d.phrasebank
            .topic_map
            .get(t)
            .map(|s| s.theme.clone())
            .unwrap_or_default()
    };
    for (topic, lead) in [
        ("秋季开学准备", "县教体局"),
        ("暑期重点工作", "县卫健局"),
        ("下半年重点工作", "县卫健局"),
    ] {
        let r = d.phrasebank.topic_map.resolve(&Query {
            topic,
            lead: Some(lead),
            support: vec!["县住建局", "县市场监管局"],
            theme: "教育医疗",
            year: 2025,
            ..Default::default()
        });
        assert!(
            !r.topics.is_empty() && r.topics.iter().all(|t| theme_of(t) == "教育医疗"),
            "{topic}: {r:?}"
        );
    }
    // Where the lead owns the field too, its supporters still count.
    let r = d.phrasebank.topic_map.resolve(&Query {
        topic: "专项整治",
        lead: Some("县水利局"),
        support: vec!["县应急管理局", "县气象局"],
        theme: "安全生产",
        year: 2024,
        ..Default::default()
    });
    assert!(
        r.why.contains("unit 应急管理局") && r.why.contains("unit 气象局"),
        "{r:?}"
    );
}

const CROSS: &str = "meeting:\n  name: 2024年全县社会治理工作会议\n  date: 2024-05-20\nspeaker:\n  role: 县长\nplace:\n  name: 某县\nsections:\n  - theme: 社会治理\n    points:\n      - topic: 防汛\n      - topic: 信访积案化解\n  - theme: 作风建设\n    points:\n      - topic: 为基层减负\n      - topic: 重点工作\n        about: 督查督办\n";

/// A 防汛 point under a 社会治理 section draws 安全生产's flood-control measures; an explicit
/// `about` wins over the words.
#[test]
fn resolution_across_themes_and_by_about() {
    let d = drafter();
    let vs = d.spec(CROSS, "cross.yaml").unwrap();
    let plan = d.plan(&vs, Some(1)).unwrap();
    let flood = &plan.topics[0];
    assert_eq!(flood.resolution.topics, ["防汛"]);
    let about = plan.topics.iter().find(|t| t.topic == "重点工作").unwrap();
    assert_eq!(about.resolution.topics, ["督查督办"]);
    assert!(about.resolution.why.starts_with("about"));
    let point = &plan.speech.parts[0].parts[0];
    let ids: Vec<&str> = sentences(point)
        .into_iter()
        .filter_map(|(_, o)| match o {
            Origin::Phrase { id } if id.contains(".measure.") => Some(id.as_str()),
            _ => None,
        })
        .collect();
    assert!(ids.len() >= 4, "{ids:?}");
    let flood_measures = ids
        .iter()
        .filter(|id| {
            d.phrasebank
                .get(id)
                .is_some_and(|p| p.topics.iter().any(|t| t == "防汛"))
        })
        .count();
    assert!(flood_measures + 1 >= ids.len(), "{ids:?}");
}

#[test]
fn an_unknown_about_is_an_error_naming_the_closest() {
    let src = CROSS.replace("about: 督查督办", "about: 督查督促");
    let dir = std::env::temp_dir().join(format!("wengao-about-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("about.yaml");
    std::fs::write(&f, src).unwrap();
    Wengao::new()
        .arg("draft")
        .path(&f)
        .run()
        .code(2)
        .stderr_has("督查督促")
        .stderr_has("not a sub-topic")
        .stderr_has("督查督办")
        .stderr_has("about.yaml:");
}

/// A point on something the topic map does not know is drafted short and honest: its facts and
/// its assignment, no borrowed measures, and a warning naming it.
#[test]
fn an_unknown_topic_drafts_short_with_a_warning() {
    let src = "meeting:\n  name: 2024年县政府常务会议\n  date: 2024-05-20\nspeaker:\n  role: 县长\nplace:\n  name: 某县\nsections:\n  - theme: 产业发展\n    points:\n      - topic: 星际航行\n        facts: [建成星际航行体验馆一座]\n        lead: 县星际办\n      - topic: 全域旅游\n  - theme: 安全生产\n    points:\n      - topic: 城镇燃气\n";
    let d = drafter();
    let vs = d.spec(src, "unknown.yaml").unwrap();
    let plan = d.plan(&vs, Some(2)).unwrap();
    assert!(plan.topics[0].resolution.is_empty(), "{:?}", plan.topics[0]);
    assert!(
        plan.warnings
            .iter()
            .any(|w| w.contains("星际航行") && w.contains("no sub-topic")),
        "{:?}",
        plan.warnings
    );
    let point = &plan.speech.parts[0].parts[0];
    let drawn: Vec<&str> = sentences(point)
        .into_iter()
        .filter(|(_, o)| matches!(o, Origin::Phrase { id } if id.contains(".measure.") || id.contains(".framing.")))
        .map(|(t, _)| t)
        .collect();
    assert!(drawn.is_empty(), "{drawn:?}");
    let text: String = point.body.iter().map(|p| p.text()).collect();
    assert!(
        text.contains("建成星际航行体验馆一座") && text.contains("县星际办"),
        "{text}"
    );
    // With --placeholders the writer sees where the measures go.
    let mut d = d;
    d.placeholders = true;
    let plan = d.plan(&vs, Some(2)).unwrap();
    let text: String = plan.speech.parts[0].parts[0]
        .body
        .iter()
        .map(|p| p.text())
        .collect();
    assert!(text.contains("【待补：星际航行的具体举措】"), "{text}");
}

/// Drafts of one spec with different seeds share few of their drawn sentences: of the measures
/// drawn (framings are drawn with the spec's topic, so their origin is mixed and not counted),
/// two seeds share about half (measured: mean 0.48–0.50 over ten triples, 0.25–0.61 a pair; a
/// point takes about six of its sub-topic's 15–19 measures, the closest to its words more often).
#[test]
fn seeds_share_few_sentences() {
    let d = drafter();
    let src = std::fs::read_to_string(root().join("examples/safety-2025.yaml")).unwrap();
    let vs = d.spec(&src, "safety-2025.yaml").unwrap();
    let drawn = |seed: u64| -> BTreeSet<String> {
        let plan = d.plan(&vs, Some(seed)).unwrap();
        let mut out = BTreeSet::new();
        for p in plan.speech.parts.iter().flat_map(|p| &p.parts) {
            for (_, o) in sentences(p) {
                if let Origin::Phrase { id } = o
                    && (id.contains(".measure.") || id.contains(".framing."))
                {
                    out.insert(id.clone());
                }
            }
        }
        out
    };
    let share = |x: &BTreeSet<String>, y: &BTreeSet<String>| {
        x.intersection(y).count() as f64 / x.len().min(y.len()).max(1) as f64
    };
    // Ten triples of seeds (1–3, 4–6 … 28–30): each pair of a triple.
    let mut shares = Vec::new();
    for t in 0..10u64 {
        let (a, b, c) = (drawn(3 * t + 1), drawn(3 * t + 2), drawn(3 * t + 3));
        shares.extend([share(&a, &b), share(&a, &c), share(&b, &c)]);
    }
    let mean = shares.iter().sum::<f64>() / shares.len() as f64;
    eprintln!("shared between seeds: mean {mean:.2} of {shares:.2?}");
    assert!(mean < 0.55, "mean {mean} of {shares:?}");
    for s in &shares {
        assert!(*s < 0.7, "{shares:?}");
    }
}

/// `draft --format json` says what each point resolved to and why.
#[test]
fn json_shows_each_points_resolution() {
    let r = Wengao::new()
        .args(["draft", "--format", "json", "--seed", "1"])
        .path(&root().join("examples/safety-2025.yaml"))
        .run()
        .ok();
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let topics = v["topics"].as_array().unwrap();
    assert!(!topics.is_empty());
    let road = topics
        .iter()
        .find(|t| t["topic"] == "道路交通安全")
        .expect("the road point");
    assert_eq!(road["topics"][0], "道路交通");
    assert!(road["why"].as_str().unwrap().contains("交通"));
}

/// The prose of every example at 20 seeds: no finding of the prose rules (nor of expression,
/// parallel or season), several point shapes
/// in every draft of six points or more, no motto twice, and two meetings drafted with one seed
/// do not share their headings.
#[test]
fn every_example_reads_as_written_prose() {
    let d = drafter();
    let prose = wengao::prose::RULES;
    for e in examples() {
        let src = std::fs::read_to_string(&e).unwrap();
        let vs = d.spec(&src, &e.display().to_string()).unwrap();
        for seed in 0..20 {
            let plan = d.plan(&vs, Some(seed)).unwrap();
            let text = d.text(&plan).unwrap();
            let speech = wengao::corpus::outline::parse(&text);
            let findings = wengao::lint::lint(
                &text,
                &speech,
                &wengao::lint::Options {
                    spec: Some(&vs),
                    corpus: None,
                    year: None,
                    topics: Some(&d.phrasebank.topic_map),
                },
            );
            // And what a writer is warned of in their own draft: a non-standard expression
            // (纠治四风 for 纠治“四风”), headings not parallel to the spec's titles, a season's
            // words out of their months.
            let bad: Vec<_> = findings
                .iter()
                .filter(|f| {
                    prose.contains(&f.rule)
                        || ["expression", "parallel", "season"].contains(&f.rule)
                })
                .collect();
            assert!(bad.is_empty(), "{} seed {seed}: {bad:#?}", e.display());
            let points: Vec<&wengao::model::Part> =
                plan.speech.parts.iter().flat_map(|p| &p.parts).collect();
            if points.len() >= 6 {
                // Each point's shape, read off its text as a writer would see it.
                let shapes: BTreeSet<&str> = points
                    .iter()
                    .map(|p| {
                        let text: String = p.body.iter().map(|b| b.text()).collect();
                        let yao_run = p.body.iter().any(|b| {
                            b.sentences
                                .iter()
                                .filter(|s| s.text.starts_with('要'))
                                .count()
                                >= 2
                        });
                        if !p.items.is_empty() {
                            "enumeration"
                        } else if text.contains("的目标是：") {
                            "target"
                        } else if p.body.len() == 1 {
                            "short"
                        } else if yao_run {
                            "yao"
                        } else {
                            "plain"
                        }
                    })
                    .collect();
                assert!(shapes.len() >= 3, "{} seed {seed}: {shapes:?}", e.display());
            }
        }
    }
    // One seed, two meetings: their headings differ.
    let heads = |spec: &str| -> BTreeSet<String> {
        let src = std::fs::read_to_string(root().join(spec)).unwrap();
        let vs = d.spec(&src, spec).unwrap();
        let plan = d.plan(&vs, Some(5)).unwrap();
        plan.speech
            .parts
            .iter()
            .flat_map(|p| &p.parts)
            .filter(|p| {
                matches!(
                    p.heading_origin,
                    Origin::Phrase { .. } | Origin::Mixed { .. }
                )
            })
            .map(|p| p.heading.chars().rev().take(4).collect::<String>())
            .collect()
    };
    let (a, b) = (
        heads("examples/plenary-2023.yaml"),
        heads("examples/plenary-2024.yaml"),
    );
    assert!(
        a.intersection(&b).count() * 2 <= a.len().min(b.len()),
        "{a:?} {b:?}"
    );
}

/// `wengao draft` refuses on `lint::errors`, which skips the rules that can only warn: it finds
/// exactly the errors of the full lint, on every example and on drafts broken to raise errors
/// (二点, a repeated sentence, a heading out of order, a term out of its era) and warnings (a
/// ranking word twice, a wrong expression, a season word).
#[test]
fn the_drafts_error_check_finds_what_full_lint_finds() {
    let d = drafter();
    for e in examples() {
        let src = std::fs::read_to_string(&e).unwrap();
        let vs = d.spec(&src, &e.display().to_string()).unwrap();
        for seed in 0..3 {
            let plan = d.plan(&vs, Some(seed)).unwrap();
            let text = d.text(&plan).unwrap();
            let first = text.lines().find(|l| l.contains('。')).unwrap().to_string();
            for t in [
                text.clone(),
                text.replacen("两", "二", 3),
                text.replacen("二、", "三、", 1),
                format!("{text}{first}\n{first}\n"),
                text.replacen("。", "，这是重中之重，也是头等大事。", 2),
                // An era error beside a wrong expression and a season word (warnings).
                text.replacen("。", "，打赢建国以来的脱贫攻坚战，抓好夏粮抢收。", 1),
            ] {
                let full: Vec<_> = d
                    .check_text(&vs, &plan, &t, None)
                    .into_iter()
                    .filter(|f| f.severity == wengao::lint::Severity::Error)
                    .collect();
                let errors = d.check_errors(&vs, &plan, &t);
                assert_eq!(
                    format!("{errors:?}"),
                    format!("{full:?}"),
                    "{} seed {seed}",
                    e.display()
                );
            }
        }
    }
}

/// A part's point headings take other verbs and adverbs than their part heading and each other
/// (全力抓好春季森林防火 / 认真抓好森林防火工作 / 着力抓好野外火源管控 read as a program's): over
/// every example × 10 seeds, at most one point heading in twenty repeats one (the verbs a heading
/// can take run out only where the objects allow few: a 安全 point is 抓好-ed, 做好-ed or 加强-ed).
/// Measured 22% before the rule, 3% after.
#[test]
fn sibling_headings_take_other_verbs() {
    let d = drafter();
    let (mut repeated, mut total) = (0, 0);
    for e in examples() {
        let src = std::fs::read_to_string(&e).unwrap();
        let vs = d.spec(&src, &e.display().to_string()).unwrap();
        for seed in 0..10 {
            let plan = d.plan(&vs, Some(seed)).unwrap();
            for part in &plan.speech.parts {
                let mut said = wengao::plan::verb_words(&part.heading);
                for point in &part.parts {
                    let v = wengao::plan::verb_words(&point.heading);
                    total += 1;
                    if v.iter().any(|w| said.contains(w)) {
                        repeated += 1;
                    }
                    said.extend(v);
                }
            }
        }
    }
    assert!(total > 300, "{total}");
    assert!(
        repeated * 20 <= total,
        "{repeated} of {total} point headings repeat a verb of their part or siblings"
    );
}

/// Not every point opens on a saying about why its work matters: in the corpus about half the
/// points open so (16 of 33), the rest on a demand, a figure or a list; read blind, a drawn
/// framing atop every point was a program's tell. Over every example × 10 seeds, between a
/// quarter and two thirds of the points open on a framing (it was 88% before).
#[test]
fn points_open_in_more_than_one_way() {
    let d = drafter();
    let (mut framed, mut total) = (0, 0);
    for e in examples() {
        let src = std::fs::read_to_string(&e).unwrap();
        let vs = d.spec(&src, &e.display().to_string()).unwrap();
        for seed in 0..10 {
            let plan = d.plan(&vs, Some(seed)).unwrap();
            for point in plan.speech.parts.iter().flat_map(|p| &p.parts) {
                let Some(first) = point.body.first().and_then(|b| b.sentences.first()) else {
                    continue;
                };
                total += 1;
                let id = match &first.origin {
                    Origin::Phrase { id } | Origin::Mixed { id, .. } => id.as_str(),
                    Origin::Template { name } => name.as_str(),
                    _ => "",
                };
                if id.contains(".framing.") || id.contains("point-moment") {
                    framed += 1;
                }
            }
        }
    }
    assert!(total > 300, "{total}");
    assert!(
        framed * 4 >= total && framed * 3 <= total * 2,
        "{framed} of {total} points open on a framing"
    );
}

/// A specialised meeting (专题会议) whose points all sit inside one field of the map: a
/// 农村人居环境整治提升 meeting (issue 12's review, renju-2022).
const RENJU: &str = "meeting:\n  name: 全县农村人居环境整治提升现场推进会\n  date: 2022-05-19\n  kind: key_work\nspeaker:\n  role: 副县长\nplace:\n  name: 某县\nsections:\n  - theme: 乡村振兴\n    title: 扎实推进农村厕所革命\n    points:\n      - topic: 农村户厕改造\n        facts: [今年计划改造农村户厕3000户]\n        lead: 县农业农村局\n      - topic: 农村生活污水治理\n        lead: 县生态环境分局\n  - theme: 乡村振兴\n    points:\n      - topic: 农村生活垃圾治理\n        lead: 县城管局\n      - topic: 村庄清洁行动\n  - theme: 抓落实\n    points:\n      - topic: 长效管护\n";

/// Each point of the 人居环境 meeting resolves to a field of its own (they all resolved to the
/// one 农村人居环境, whose measures ran dry by the third point, and 长效管护 went to 预算绩效),
/// and with every seed no point is thin.
#[test]
fn a_specialised_meeting_gives_each_point_its_own_field() {
    let d = drafter();
    let vs = d.spec(RENJU, "renju.yaml").unwrap();
    for seed in 1..=4 {
        let plan = d.plan(&vs, Some(seed)).unwrap();
        let got: Vec<(&str, Vec<&str>)> = plan
            .topics
            .iter()
            .map(|t| {
                (
                    t.topic.as_str(),
                    t.resolution.topics.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("农村户厕改造", vec!["农村改厕"]),
                ("农村生活污水治理", vec!["农村生活污水治理"]),
                ("农村生活垃圾治理", vec!["农村生活垃圾治理"]),
                ("村庄清洁行动", vec!["村庄清洁和村容村貌"]),
                ("长效管护", vec!["人居环境长效管护"]),
            ]
        );
        let thin: Vec<&String> = plan
            .warnings
            .iter()
            .filter(|w| w.contains("thin"))
            .collect();
        assert!(thin.is_empty(), "seed {seed}: {thin:?}");
    }
    // A point on the whole of it still finds the umbrella.
    assert_eq!(resolve("农村人居环境整治", "乡村振兴"), ["农村人居环境"]);
}

/// The points of a 营商环境 or 政务服务 meeting find their own fields: project approval is not
/// 廉政建设's 重点领域廉政风险 (it was, by 工程建设); the hotline, 帮办代办 and 一网通办 are not all
/// 政务服务.
#[test]
fn business_environment_points_find_their_fields() {
    assert_eq!(
        resolve("工程建设项目审批", "营商环境"),
        ["工程建设项目审批"]
    );
    assert_eq!(resolve("施工许可提速", "营商环境"), ["工程建设项目审批"]);
    assert_eq!(
        resolve("12345热线工单办理", "营商环境"),
        ["政务服务便民热线"]
    );
    assert_eq!(resolve("项目帮办代办", "营商环境"), ["帮办代办服务"]);
    assert_eq!(resolve("一网通办", "营商环境"), ["一网通办"]);
    assert_eq!(resolve("政务服务好差评", "营商环境"), ["政务服务"]);
    assert_eq!(resolve("企业开办", "营商环境"), ["审批制度改革"]);
}

/// The speaker turns to the room (我们要…, 大家要…) as the corpus's speakers do, not always to
/// 各镇各部门: over every example × 10 seeds, at least a third of the sentences that open on who
/// is to act say 我们 or 大家 (none did before; the corpus says 我们 98 times and 各镇 17).
#[test]
fn the_speaker_turns_to_the_room() {
    let d = drafter();
    let (mut room, mut units) = (0, 0);
    for e in examples() {
        let src = std::fs::read_to_string(&e).unwrap();
        let vs = d.spec(&src, &e.display().to_string()).unwrap();
        let said = format!("{}要", vs.level.units());
        for seed in 0..10 {
            let text = d.text(&d.plan(&vs, Some(seed)).unwrap()).unwrap();
            for s in text.split(['。', '　', '\n']) {
                if s.starts_with("我们要") || s.starts_with("大家要") {
                    room += 1;
                } else if s.starts_with(&said) {
                    units += 1;
                }
            }
        }
    }
    assert!(room + units > 100, "{room} {units}");
    assert!(
        room * 3 >= room + units,
        "{room} of {} turn to the room",
        room + units
    );
    // And stresses a demand now and then, as the corpus does (一定要 14 times, 务必 19).
    let (mut stressed, mut drafts) = (0, 0);
    for e in examples() {
        let src = std::fs::read_to_string(&e).unwrap();
        let vs = d.spec(&src, &e.display().to_string()).unwrap();
        for seed in 0..5 {
            let text = d.text(&d.plan(&vs, Some(seed)).unwrap()).unwrap();
            drafts += 1;
            if ["。一定要", "。务必", "　一定要", "　务必"]
                .iter()
                .any(|w| text.contains(w))
            {
                stressed += 1;
            }
        }
    }
    assert!(
        stressed * 2 >= drafts,
        "{stressed} of {drafts} drafts stress a demand"
    );
}

/// House words are said where a writer would say them, not as every measure's tail: read blind,
/// 销号 in five of six generated passages and …，结果定期通报 / …挂牌督办 closing measure after
/// measure gave the drafts away (the corpus: 销号 0.9 and 通报 2.0 per 10,000 characters,
/// 挂牌督办 never). Over every example × seeds 0–9 (70 drafts), no draft says 销号 or 挂牌督办
/// more than twice, and 通报 and 台账 stay under 6 and 2.5 per 10,000 characters. Measured on
/// the phrasebank before the rewrite: 销号 up to 5 in one draft (7 drafts over 2), 挂牌督办 up to
/// 3 (2 drafts over 2), 通报 9.0 and 台账 3.1 per 10,000; after: 销号 at most 1, 挂牌督办 at most
/// 2 (spec text included; with up to ten measures a point since, the spec's own text is not
/// counted), 通报 4.2, 台账 1.4.
///
/// The mechanism words of the next pass (issue 13, read blind again: the same 定期 in every
/// measure) stay within about three times the corpus's rate per 10,000 characters (the corpus's
/// 45,562 characters: 定期 0.66, 纳入 0.22, 督办 0.22, 逐项 0.66, 限期 0.44, 约谈 0.22), a spec's
/// own word not counted once a draft. Measured with `wengao draft` over the same 70 drafts, before
/// the rewrite → after: 定期 9.96 → 0.42, 纳入 5.38 → 0.57, 督办 4.40 → 0.51, 逐项 6.36 → 1.22
/// (the rest is the assignment and closing lines of `src/plan`), 限期 4.49 → 0.12, 约谈 1.81 →
/// 0.15.
#[test]
fn house_words_are_not_every_measures_tail() {
    let d = drafter();
    let (mut chars, mut notices, mut ledgers, mut drafts) = (0usize, 0usize, 0usize, 0usize);
    // Each word and its ceiling in hundredths per 10,000 characters (about 3× the corpus's rate).
    let mechanism = [
        ("定期", 200),
        // 纳入…考核 is the idiom: the rewrite's 计入…考核 read as odd to the blind reviewer of
        // round 10, so 62 entries say 纳入 again (1.64 per 10,000 then, about 7× the corpus:
        // a known overuse, held from growing).
        ("纳入", 200),
        // 督办 also stands in key-work-2026's topic 督查督办, which its headings and assignment
        // repeat (0.80 after the merge of the planner's changes, about half of it the spec's).
        ("督办", 110),
        ("逐项", 200),
        ("限期", 130),
        ("约谈", 70),
    ];
    let mut said = [0usize; 6];
    for e in examples() {
        let src = std::fs::read_to_string(&e).unwrap();
        let vs = d.spec(&src, &e.display().to_string()).unwrap();
        for seed in 0..10 {
            let plan = d.plan(&vs, Some(seed)).unwrap();
            let text = d.text(&plan).unwrap();
            // What the spec's own texts say is the writer's; the phrasebank says each twice at most.
            for word in ["销号", "挂牌督办"] {
                let n = text
                    .matches(word)
                    .count()
                    .saturating_sub(src.matches(word).count().min(1));
                assert!(n <= 2, "{} seed {seed}: {word} said {n} times", e.display());
            }
            for ((word, _), n) in mechanism.iter().zip(said.iter_mut()) {
                *n += text
                    .matches(word)
                    .count()
                    .saturating_sub(src.matches(word).count().min(1));
            }
            chars += text.chars().count();
            notices += text.matches("通报").count();
            ledgers += text.matches("台账").count();
            drafts += 1;
        }
    }
    assert!(drafts >= 70, "{drafts} drafts");
    assert!(
        notices * 10_000 < chars * 6,
        "通报 {notices} times in {chars} characters"
    );
    assert!(
        ledgers * 10_000 * 2 < chars * 5,
        "台账 {ledgers} times in {chars} characters"
    );
    for ((word, ceiling), n) in mechanism.iter().zip(said) {
        assert!(
            n * 10_000 * 100 < chars * ceiling,
            "{word} {n} times in {chars} characters ({:.2} per 10,000; at most {:.2})",
            (n * 10_000) as f64 / chars as f64,
            *ceiling as f64 / 100.0
        );
    }
}

/// A topic another theme's sub-topic is named after still resolves to the section's own theme
/// when one of its sub-topics names the topic: 问题整改 under 脱贫攻坚 (2020) is its 考核评估整改,
/// not 问题差距's general 问题整改 (历史遗留问题, 巡视巡察), which drew a point about legacy cases
/// into a 脱贫攻坚 part; under 问题差距 it stays that theme's own.
#[test]
fn the_sections_own_sub_topic_wins_a_close_call() {
    let d = drafter();
    let at = |theme: &str| {
        d.phrasebank
            .topic_map
            .resolve(&Query {
                topic: "问题整改",
                theme,
                year: 2020,
                ..Default::default()
            })
            .topics
    };
    assert_eq!(at("脱贫攻坚"), ["考核评估整改"]);
    assert_eq!(at("问题差距")[0], "问题整改");
}

/// A topic named exactly after another theme's sub-topic is that sub-topic when no sub-topic of
/// the section's theme has the whole topic among its words: 惠企政策兑现 under 企业帮扶 is
/// 营商环境's 惠企政策兑现, not 企业帮扶's 降本减负 that shares two of its words (read blind,
/// round 21: a 惠企政策兑现 point drifted into land, logistics and energy costs).
#[test]
fn a_topic_named_after_another_themes_sub_topic_is_that_sub_topic() {
    let d = drafter();
    let r = d.phrasebank.topic_map.resolve(&Query {
        topic: "惠企政策兑现",
        theme: "企业帮扶",
        year: 2023,
        ..Default::default()
    });
    assert_eq!(r.topics, ["惠企政策兑现"]);
    assert!(r.why.contains("营商环境"), "{}", r.why);
}

/// The fields of 养老服务, 城市更新/城市精细化管理 and 文化旅游 that a specialised meeting
/// discusses one by one: a point named after each resolves to it alone (a 背街小巷 point drew
/// 城市双修 and 棚户区 from the one 城市更新; a 乡村旅游 point everything of 文化旅游), and a point
/// on the whole still finds the umbrella.
#[test]
fn the_broad_fields_split_for_specialised_meetings() {
    for (topic, theme) in [
        ("居家社区养老", "民生保障"),
        ("农村养老", "民生保障"),
        ("养老机构", "民生保障"),
        ("医养结合", "民生保障"),
        ("背街小巷整治", "城乡建设"),
        ("城中村改造", "城乡建设"),
        ("历史文化街区保护", "城乡建设"),
        ("市容秩序", "城乡建设"),
        ("城市停车", "城乡建设"),
        ("园林绿化", "城乡建设"),
        ("景区提档升级", "产业发展"),
        ("乡村旅游", "产业发展"),
        ("文旅消费", "产业发展"),
        ("旅游市场秩序", "产业发展"),
    ] {
        assert_eq!(resolve(topic, theme), [topic], "{topic} under {theme}");
    }
    // The names a writer gives such points, by their words.
    for (topic, theme, want) in [
        ("社区老年助餐", "民生保障", "居家社区养老"),
        ("家庭养老床位", "民生保障", "居家社区养老"),
        ("农村互助养老", "民生保障", "农村养老"),
        ("养老机构消防安全", "民生保障", "养老机构"),
        ("公办养老机构改革", "民生保障", "养老机构"),
        ("街巷整治", "城乡建设", "背街小巷整治"),
        ("棚户区改造", "城乡建设", "城中村改造"),
        ("历史建筑保护", "城乡建设", "历史文化街区保护"),
        ("占道经营整治", "城乡建设", "市容秩序"),
        ("城区停车", "城乡建设", "城市停车"),
        ("口袋公园建设", "城乡建设", "园林绿化"),
        ("创建4A级景区", "产业发展", "景区提档升级"),
        ("民宿发展", "产业发展", "乡村旅游"),
        ("文旅融合", "产业发展", "文旅消费"),
        ("研学旅行", "产业发展", "文旅消费"),
    ] {
        assert_eq!(resolve(topic, theme), [want], "{topic} under {theme}");
    }
    // A point on the whole of each keeps its umbrella.
    assert_eq!(resolve("养老服务体系建设", "民生保障"), ["养老服务"]);
    assert_eq!(resolve("城市管理", "城乡建设"), ["城市精细化管理"]);
    assert_eq!(resolve("城市更新行动", "城乡建设"), ["城市更新"]);
    assert_eq!(resolve("文化旅游", "产业发展"), ["文化旅游"]);
    assert_eq!(resolve("全域旅游", "产业发展"), ["文化旅游"]);
}

/// Three specialised meetings (/work/review10's specs): 养老服务, 城市更新和城市管理, 文化旅游.
const YANGLAO: &str = "meeting:\n  name: 全县养老服务体系建设推进会\n  date: 2024-09-12\n  kind: key_work\nspeaker:\n  role: 副县长\nplace:\n  name: 某县\nsections:\n  - theme: 民生保障\n    points:\n      - topic: 社区老年助餐\n        facts: [年底前建成社区老年助餐点28个]\n        lead: 县民政局\n      - topic: 家庭养老床位\n        lead: 县民政局\n  - theme: 民生保障\n    points:\n      - topic: 农村互助养老\n        lead: 各镇\n      - topic: 养老机构消防安全\n        lead: 县民政局\n        support: [县消防救援大队]\n      - topic: 医养结合\n        lead: 县卫生健康局\n";
const CHENGSHI: &str = "meeting:\n  name: 全县城市更新和城市管理工作会议\n  date: 2024-04-16\n  kind: key_work\nspeaker:\n  role: 副县长\nplace:\n  name: 某县\nsections:\n  - theme: 城乡建设\n    points:\n      - topic: 背街小巷整治\n        facts: [今年改造背街小巷42条]\n        lead: 县住建局\n      - topic: 城中村改造\n        lead: 县住建局\n      - topic: 历史文化街区保护\n        lead: 县住建局\n  - theme: 城乡建设\n    points:\n      - topic: 市容秩序整治\n        lead: 县城管局\n      - topic: 城区停车\n        lead: 县公安局交警大队\n      - topic: 园林绿化\n        lead: 县住建局\n";
const WENLV: &str = "meeting:\n  name: 全县文化旅游产业发展大会\n  date: 2025-03-20\n  kind: key_work\nspeaker:\n  role: 县长\nplace:\n  name: 某县\nsections:\n  - theme: 产业发展\n    points:\n      - topic: 景区提档升级\n        lead: 县文旅局\n      - topic: 乡村旅游\n        facts: [今年培育精品民宿20家]\n        lead: 县文旅局\n  - theme: 产业发展\n    points:\n      - topic: 文旅消费\n        lead: 县文旅局\n      - topic: 旅游市场秩序\n        lead: 县文旅局\n";

/// Every point of each specialised meeting resolves to a field of its own, no two alike, and
/// with every seed tried no point is thin.
#[test]
fn specialised_meetings_give_each_point_a_field_of_its_own() {
    let d = drafter();
    for (name, src, want) in [
        (
            "yanglao",
            YANGLAO,
            &[
                "居家社区养老",
                "居家社区养老",
                "农村养老",
                "养老机构",
                "医养结合",
            ][..],
        ),
        (
            "chengshi",
            CHENGSHI,
            &[
                "背街小巷整治",
                "城中村改造",
                "历史文化街区保护",
                "市容秩序",
                "城市停车",
                "园林绿化",
            ][..],
        ),
        (
            "wenlv",
            WENLV,
            &["景区提档升级", "乡村旅游", "文旅消费", "旅游市场秩序"][..],
        ),
    ] {
        for_each_seed(&d, name, src, 1..=6, |plan, seed| {
            let got: Vec<Vec<&str>> = plan
                .topics
                .iter()
                .map(|t| t.resolution.topics.iter().map(String::as_str).collect())
                .collect();
            let want: Vec<Vec<&str>> = want.iter().map(|w| vec![*w]).collect();
            assert_eq!(got, want, "{name} seed {seed}");
        });
    }
}

/// Plan a spec with each seed, check that no point is thin, and hand each plan to `check`.
fn for_each_seed(
    d: &Drafter,
    name: &str,
    src: &str,
    seeds: std::ops::RangeInclusive<u64>,
    mut check: impl FnMut(&wengao::plan::Plan, u64),
) {
    let vs = d.spec(src, name).unwrap();
    for seed in seeds {
        let plan = d.plan(&vs, Some(seed)).unwrap();
        no_thin_point(&plan, name, seed);
        check(&plan, seed);
    }
}

/// The fields of 粮食安全 that a farming meeting discusses one by one (issue 12, the review of a
/// March 春季农业生产 meeting whose first three points all resolved to 粮食安全 and each got one
/// measure): a point named after each field, or as a writer names it, resolves to that field;
/// 粮食安全 itself is still the umbrella, and 秋收秋种 is both of its fields.
#[test]
fn a_farming_meetings_points_find_their_fields() {
    for field in [
        "春耕备耕",
        "田间管理",
        "农资保供和市场监管",
        "夏粮生产",
        "夏种夏管",
        "秋粮收获",
        "秋冬种",
        "种粮扶持政策",
        "单产提升",
        "农业防灾减灾",
        "农机和社会化服务",
        "农田建后管护",
    ] {
        assert_eq!(resolve(field, "乡村振兴"), [field], "{field}");
    }
    for (topic, field) in [
        ("小麦田间管理", "田间管理"),
        ("农资市场监管", "农资保供和市场监管"),
        ("夏粮抢收", "夏粮生产"),
        ("机收减损", "夏粮生产"),
        ("小麦播种", "秋冬种"),
        ("病虫害统防统治", "农业防灾减灾"),
        ("农业生产托管", "农业社会化服务"),
        ("大面积单产提升", "单产提升"),
        ("建后管护", "农田建后管护"),
        ("粮食生产", "粮食安全"),
    ] {
        assert_eq!(resolve(topic, "乡村振兴")[0], field, "{topic}");
    }
    assert_eq!(resolve("粮食安全", "乡村振兴"), ["粮食安全"]);
    assert_eq!(resolve("秋收秋种", "乡村振兴"), ["秋粮收获", "秋冬种"]);
    // Procurement stays with 粮食收储, not the harvest of its season.
    assert_eq!(resolve("夏粮收购", "乡村振兴")[0], "粮食收储");
    assert_eq!(resolve("秋粮收购", "乡村振兴")[0], "粮食收储");
}

/// The March 2029 春季农业生产 meeting of the review (/work/review12/chungeng-2029.yaml).
const CHUNGENG: &str = "meeting:\n  name: 全县春季农业生产暨高标准农田建设工作会议\n  date: 2029-03-06\n  kind: key_work\n  purposes: [部署春季农业生产和高标准农田建设]\nspeaker:\n  role: 副县长\nplace:\n  name: 清河县\n  level: 县\nsections:\n  - theme: 乡村振兴\n    title: 抓紧抓实春季农业生产\n    points:\n      - topic: 春耕备耕\n        facts: [全县粮食播种面积稳定在86万亩以上]\n        lead: 县农业农村局\n      - topic: 小麦田间管理\n        lead: 县农业农村局\n      - topic: 农资市场监管\n        lead: 县市场监管局\n        support: [县农业农村局]\n  - theme: 乡村振兴\n    title: 高质量推进高标准农田建设\n    points:\n      - topic: 高标准农田建设\n        facts: [今年新建高标准农田5.2万亩]\n        lead: 县农业农村局\n        deadline: 10月底前\n      - topic: 建后管护\n      - topic: 耕地保护\n        lead: 县自然资源局\nclosing:\n  call: 确保粮食生产开好局\n";

/// A 三夏 meeting of late May (/work/review12/sanxia-2027.yaml).
const SANXIA: &str = "meeting:\n  name: 全县“三夏”生产暨秸秆禁烧工作会议\n  date: 2027-05-24\n  kind: key_work\nspeaker:\n  role: 副县长\nplace:\n  name: 汝南县\nsections:\n  - theme: 乡村振兴\n    points:\n      - topic: 夏粮抢收\n        facts: [全县小麦种植面积62.5万亩，预计5月28日前后由南向北大面积开镰]\n        lead: 县农业农村局\n      - topic: 三夏农机调度\n        lead: 县农业农村局\n      - topic: 夏种夏管\n        lead: 县农业农村局\n  - theme: 乡村振兴\n    points:\n      - topic: 防范烂场雨\n        lead: 县气象局\n      - topic: 夏粮收购\n        lead: 县发改局\n      - topic: 秸秆禁烧\n        lead: 县生态环境分局\n";

/// Each point of a farming meeting draws on a field of its own, with every seed none is thin
/// (the March meeting's first three points had one measure each, from 粮食安全), and none says
/// a sentence of another season (a May meeting never says 春耕, a March one never 夏粮).
#[test]
fn a_farming_meeting_is_not_thin_in_its_season() {
    let d = drafter();
    let cases = [
        (
            CHUNGENG,
            "chungeng.yaml",
            vec![
                "春耕备耕",
                "田间管理",
                "农资保供和市场监管",
                "高标准农田",
                "农田建后管护",
                "耕地保护",
            ],
            ["夏粮", "三夏", "秋粮", "秋收"],
        ),
        (
            SANXIA,
            "sanxia.yaml",
            vec![
                "夏粮生产",
                "农机作业调度",
                "夏种夏管",
                "农业防灾减灾",
                "粮食收储",
                "秸秆综合利用",
            ],
            ["春耕", "春播", "秋粮", "秋收"],
        ),
    ];
    for (src, name, fields, out_of_season) in cases {
        let vs = d.spec(src, name).unwrap();
        for seed in 1..=4 {
            let plan = d.plan(&vs, Some(seed)).unwrap();
            let got: Vec<&str> = plan
                .topics
                .iter()
                .map(|t| t.resolution.topics[0].as_str())
                .collect();
            assert_eq!(got, fields, "{name} seed {seed}");
            no_thin_point(&plan, name, seed);
            let text = d.text(&plan).unwrap();
            for w in out_of_season {
                assert!(!text.contains(w), "{name} seed {seed} says {w}");
            }
        }
    }
}

/// A specialised meeting's draft warns of no thin point.
fn no_thin_point(plan: &wengao::plan::Plan, name: &str, seed: u64) {
    let thin: Vec<&String> = plan
        .warnings
        .iter()
        .filter(|w| w.contains("thin"))
        .collect();
    assert!(thin.is_empty(), "{name} seed {seed}: {thin:?}");
}

/// The fields of 食品药品安全 and of 农机和社会化服务 that a 食安委 or a 农业机械化 meeting discusses
/// one by one (a 校园食品安全 point drew 药品 sentences from the one 食品药品安全; a 三夏农机调度
/// point 农机购置补贴 and 生产托管 from the one 农机和社会化服务): a point named after each field,
/// or as a writer names it, resolves to that field, and a point on the whole keeps its umbrella.
#[test]
fn food_safety_and_farm_machinery_split_into_fields() {
    for (topic, theme) in [
        ("食品安全责任", "社会治理"),
        ("校园食品安全", "社会治理"),
        ("农村集体聚餐", "社会治理"),
        ("餐饮服务食品安全", "社会治理"),
        ("食用农产品质量安全", "社会治理"),
        ("食品小作坊", "社会治理"),
        ("药品安全", "社会治理"),
        ("农机作业调度", "乡村振兴"),
        ("农业社会化服务", "乡村振兴"),
        ("农机购置补贴", "乡村振兴"),
        ("农机安全", "乡村振兴"),
    ] {
        assert_eq!(resolve(topic, theme), [topic], "{topic} under {theme}");
    }
    for (topic, theme, want) in [
        ("食品安全“两个责任”", "社会治理", "食品安全责任"),
        ("落实食品安全两个责任", "社会治理", "食品安全责任"),
        ("学校食堂管理", "社会治理", "校园食品安全"),
        ("农村宴席", "社会治理", "农村集体聚餐"),
        ("网络订餐", "社会治理", "餐饮服务食品安全"),
        ("明厨亮灶", "社会治理", "餐饮服务食品安全"),
        ("农药残留治理", "社会治理", "食用农产品质量安全"),
        ("小作坊整治", "社会治理", "食品小作坊"),
        ("药品监管", "社会治理", "药品安全"),
        ("三夏农机调度", "乡村振兴", "农机作业调度"),
        ("跨区机收", "乡村振兴", "农机作业调度"),
        ("生产托管服务", "乡村振兴", "农业社会化服务"),
        ("农机报废更新", "乡村振兴", "农机购置补贴"),
        ("拖拉机安全管理", "乡村振兴", "农机安全"),
        ("农机安全生产", "乡村振兴", "农机安全"),
    ] {
        assert_eq!(resolve(topic, theme)[0], want, "{topic} under {theme}");
    }
    // A point on the whole keeps its umbrella: 食品安全 alone is the umbrella's (the fields'
    // names hold it too), and 食品药品安全 is the umbrella with its 药品 half.
    assert_eq!(resolve("食品安全", "社会治理"), ["食品药品安全"]);
    assert_eq!(resolve("食品安全工作", "社会治理"), ["食品药品安全"]);
    let whole: BTreeSet<String> = resolve("食品药品安全", "社会治理").into_iter().collect();
    assert_eq!(
        whole,
        BTreeSet::from(["食品药品安全".to_string(), "药品安全".to_string()])
    );
    assert_eq!(
        resolve("农机和社会化服务", "乡村振兴"),
        ["农机和社会化服务"]
    );
    assert_eq!(resolve("农业机械化", "乡村振兴"), ["农机和社会化服务"]);
}

/// A 食安委 meeting (/work/review13/shian-2025.yaml).
const SHIAN: &str = "meeting:\n  name: 2025年全县食品安全委员会全体会议\n  date: 2025-03-27\n  kind: key_work\nspeaker:\n  role: 副县长\nplace:\n  name: 宁陵县\nsections:\n  - theme: 社会治理\n    points:\n      - topic: 食品安全“两个责任”\n        facts: [全县1.2万家食品生产经营主体已全部落实包保干部]\n        lead: 县食安办\n        support: [各镇]\n      - topic: 校园食品安全\n        lead: 县市场监管局\n        support: [县教体局]\n      - topic: 农村集体聚餐\n        lead: 各镇\n  - theme: 社会治理\n    points:\n      - topic: 食用农产品质量安全\n        lead: 县农业农村局\n        support: [县市场监管局]\n      - topic: 药品安全\n        lead: 县市场监管局\n        support: [县卫生健康委, 县医保局]\n";

/// A 三夏机收暨农业机械化 meeting of late May (/work/review13/jixie-2026.yaml).
const JIXIE: &str = "meeting:\n  name: 全县“三夏”机收暨农业机械化推进会议\n  date: 2026-05-22\n  kind: key_work\nspeaker:\n  role: 副县长\nplace:\n  name: 郸城县\nsections:\n  - theme: 乡村振兴\n    points:\n      - topic: 三夏农机作业调度\n        facts: [全县预计投入联合收割机2100台，其中外来跨区作业机具约600台]\n        lead: 县农业农村局\n        support: [县交通运输局, 县公安局交警大队]\n      - topic: 机收减损\n        lead: 县农业农村局\n      - topic: 农机安全生产\n        lead: 县农业农村局\n  - theme: 乡村振兴\n    points:\n      - topic: 农业生产托管\n        lead: 县农业农村局\n        support: [县供销社]\n      - topic: 农机购置补贴\n        lead: 县农业农村局\n        support: [县财政局]\n";

/// Each point of a 食安委 and of a 农业机械化 meeting resolves to a sub-topic of its own, no two
/// alike, whatever the seed, and none is thin; a 校园食品安全 point says nothing of 药品.
#[test]
fn a_food_safety_and_a_farm_machinery_meeting_give_each_point_its_field() {
    let d = drafter();
    for (name, src, want) in [
        (
            "shian",
            SHIAN,
            &[
                "食品安全责任",
                "校园食品安全",
                "农村集体聚餐",
                "食用农产品质量安全",
                "药品安全",
            ][..],
        ),
        (
            "jixie",
            JIXIE,
            &[
                "农机作业调度",
                "夏粮生产",
                "农机安全",
                "农业社会化服务",
                "农机购置补贴",
            ][..],
        ),
    ] {
        for_each_seed(&d, name, src, 1..=5, |plan, seed| {
            let got: Vec<&str> = plan
                .topics
                .iter()
                .map(|t| t.resolution.topics[0].as_str())
                .collect();
            assert_eq!(got, want, "{name} seed {seed}");
            let distinct: BTreeSet<&str> = got.iter().copied().collect();
            assert_eq!(distinct.len(), got.len(), "{name} seed {seed}: {got:?}");
            if name == "shian" {
                let text = d.text(plan).unwrap();
                let speech = wengao::corpus::outline::parse(&text);
                let school = &speech.parts[0].parts[1];
                for (s, _) in sentences(school) {
                    assert!(!s.contains("药"), "seed {seed}: 校园食品安全 says {s}");
                }
            }
        });
    }
}

/// The three thin sub-topics of issue 12's depth (全民健身 6 measures, 公共文化服务 7, 值班值守 7)
/// have at least eight curated measures, two framings and an item lead each.
#[test]
fn the_thin_sub_topics_have_depth() {
    use wengao::phrasebank::Role;
    let d = drafter();
    for topic in ["全民健身", "公共文化服务", "值班值守"] {
        let count = |role: Role| {
            d.phrasebank
                .phrases
                .iter()
                .filter(|p| p.role == role && p.status == wengao::phrasebank::Status::Curated)
                .filter(|p| p.topics.iter().any(|t| t == topic))
                .count()
        };
        assert!(
            count(Role::Measure) >= 8,
            "{topic}: {} measures",
            count(Role::Measure)
        );
        assert!(
            count(Role::Framing) >= 2,
            "{topic}: {} framings",
            count(Role::Framing)
        );
        assert!(count(Role::ItemLead) >= 1, "{topic}: no item lead");
    }
}

const NEXT_YEAR: &str = "meeting:\n  name: 全县冬春农田水利基本建设暨高标准农田建设推进会\n  date: 2026-11-25\n  kind: key_work\nspeaker:\n  role: 县长\nplace:\n  name: 旬阳县\n  level: 县\nsections:\n  - theme: 乡村振兴\n    points:\n      - topic: 高标准农田建设\n        facts: [明年计划新建高标准农田4万亩]\n        lead: 县农业农村局\n        deadline: 2027-03-31\n      - topic: 农村饮水安全\n        facts: [全县今冬明春改造提升农村供水工程36处]\n        lead: 县水利局\n  - theme: 生态环保\n    points:\n      - topic: 河湖长制\n        lead: 县水利局\n";

/// A fact that says its own time is not set in 今年 again (今年，全县要确保明年计划新建… said two
/// years at once, read at the stop).
#[test]
fn a_fact_with_its_own_time_is_not_set_in_this_year() {
    let d = drafter();
    let vs = d.spec(NEXT_YEAR, "next-year.yaml").unwrap();
    for seed in 0..24 {
        let plan = d.plan(&vs, Some(seed)).unwrap();
        let text = d.text(&plan).unwrap();
        for s in text.split(['。', '；', '\n']) {
            let twice = s.contains("今年") && (s.contains("明年") || s.contains("今冬明春"));
            assert!(!twice, "seed {seed}: {s}");
        }
    }
}

/// Every example's plan with each of `seeds`, with the example's name and validated spec.
fn for_each_example_plan(
    d: &Drafter,
    seeds: std::ops::Range<u64>,
    mut check: impl FnMut(&str, &wengao::spec::ValidSpec, &wengao::plan::Plan, u64),
) {
    for e in examples() {
        let src = std::fs::read_to_string(&e).unwrap();
        let name = e.display().to_string();
        let vs = d.spec(&src, &name).unwrap();
        for seed in seeds.clone() {
            let plan = d.plan(&vs, Some(seed)).unwrap();
            check(&name, &vs, &plan, seed);
        }
    }
}

/// A point says its topic in full in three of its framings and measures at most (read at the
/// start: 老旧小区改造 in seven sentences of one point).
#[test]
fn a_point_names_its_topic_in_few_of_its_sentences() {
    let d = drafter();
    let mut checked = 0;
    for_each_example_plan(&d, 0..12, |name, vs, plan, seed| {
        for (sec, part) in vs.spec.sections.iter().zip(&plan.speech.parts) {
            for (p, point) in sec.points.iter().zip(&part.parts) {
                let topic = p.topic.as_str();
                if topic.chars().count() < 4 {
                    continue;
                }
                checked += 1;
                let drawn: Vec<&str> = sentences(point)
                    .into_iter()
                    .filter(|(t, o)| {
                        t.contains(topic)
                            && matches!(o, Origin::Phrase { id } | Origin::Mixed { id, .. }
                                    if [".measure.", ".framing.", ".formula."]
                                        .iter()
                                        .any(|r| id.contains(r)))
                    })
                    .map(|(t, _)| t)
                    .collect();
                assert!(
                    drawn.len() <= 3,
                    "{name} seed {seed}: 「{topic}」 said in {} sentences: {drawn:#?}",
                    drawn.len()
                );
            }
        }
    });
    assert!(checked > 200, "only {checked} points checked");
}

/// 特别是 narrows what the sentence before it said, so the two share two words (read at the start:
/// …借高息资金周转，特别是财政部门要统筹设立产业引导基金; 医共体内统一药品目录…，特别是寄宿制学校
/// 要为留守儿童建立关爱档案).
#[test]
fn especially_takes_up_what_was_just_said() {
    let d = drafter();
    let mut seen = 0;
    for_each_example_plan(&d, 0..12, |name, _, plan, seed| {
        let text = d.text(plan).unwrap();
        for para in text.lines() {
            let mut rest = para;
            while let Some(at) = rest.find("特别是") {
                let (before, after) = rest.split_at(at);
                // The sentence before: what follows its last 。 (or the clause before the ，).
                let prev = before
                    .trim_end_matches(['，', '。'])
                    .rsplit('。')
                    .next()
                    .unwrap_or("");
                let next = after["特别是".len()..].split('。').next().unwrap_or("");
                if !prev.is_empty() && !para.contains("在这里") {
                    seen += 1;
                    assert!(
                        // (The point's topic is not known here: its words count.)
                        wengao::plan::narrows_what_was_said(prev, next, ""),
                        "{name} seed {seed}: {prev}……特别是{next}"
                    );
                }
                rest = &after["特别是".len()..];
            }
        }
    });
    assert!(seen > 20, "only {seen} 特别是 checked");
}

/// A heading's goal says no word its aim said (倾力帮扶企业发展，提振市场发展预期, read at the
/// start) while its theme has another goal to draw: over every example × 12 seeds, one heading in
/// fifty at most says a word twice (where a theme's goals are spent); 54 of 232 did before.
#[test]
fn a_headings_two_halves_say_different_words() {
    let d = drafter();
    let (mut seen, mut twice) = (0, Vec::new());
    for_each_example_plan(&d, 0..12, |_, _, plan, _| {
        for part in &plan.speech.parts {
            let from_pattern = matches!(&part.heading_origin,
                    Origin::Phrase { id } if id.contains("aim_goal"));
            let Some((aim, goal)) = part.heading.split_once('，') else {
                continue;
            };
            if !from_pattern {
                continue;
            }
            seen += 1;
            let cs: Vec<char> = goal.chars().collect();
            if cs.windows(2).any(|w| {
                w.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                    && aim.contains(w.iter().collect::<String>().as_str())
            }) {
                twice.push(part.heading.clone());
            }
        }
    });
    assert!(seen > 50, "only {seen} headings checked");
    eprintln!(
        "{} of {seen} headings say a word twice: {twice:?}",
        twice.len()
    );
    assert!(
        twice.len() * 50 <= seen,
        "{} of {seen}: {twice:#?}",
        twice.len()
    );
}

/// Two measures of a point do not open with the same six characters (一是加强道路交通安全管理…
/// 二是加强道路交通安全路面管控…, read at the stop).
#[test]
fn a_points_measures_open_differently() {
    let d = drafter();
    let mut seen = 0;
    for_each_example_plan(&d, 0..12, |name, _, plan, seed| {
        for part in &plan.speech.parts {
            for point in &part.parts {
                let mut openings: Vec<String> = Vec::new();
                for (t, o) in sentences(point) {
                    let measure = matches!(o, Origin::Phrase { id } | Origin::Mixed { id, .. }
                        if id.contains(".measure."));
                    if !measure {
                        continue;
                    }
                    seen += 1;
                    let bare = [
                        "一是",
                        "二是",
                        "三是",
                        "四是",
                        "五是",
                        "六是",
                        "同时，",
                        "此外，",
                        "特别是",
                    ]
                    .iter()
                    .fold(t, |t, m| t.strip_prefix(m).unwrap_or(t));
                    // Past the lead that opens it (由县X局牵头，县Y局配合，…).
                    let bare = match bare.strip_prefix('由') {
                        Some(_) => ["牵头，", "配合，", "具体负责，"]
                            .iter()
                            .filter_map(|m| bare.find(m).map(|i| &bare[i + m.len()..]))
                            .min_by_key(|r| r.len())
                            .unwrap_or(bare),
                        None => bare,
                    }
                    .trim_start_matches('要');
                    let opens: String = bare.chars().take(6).collect();
                    let own = point.heading.contains(&opens);
                    assert!(
                        own || !openings.contains(&opens),
                        "{name} seed {seed}: two measures of 「{}」 open with {opens}",
                        point.heading
                    );
                    openings.push(opens);
                }
            }
        }
    });
    assert!(seen > 1000, "only {seen} measures checked");
}

/// A point whose measure sets its lead unit to work by name does not end on a plain assignment
/// naming the unit again (read at the stop, safety-2025 seed 58: 同时，区交通运输局要督促运输企业…
/// then 区交通运输局要牵好道路交通安全这个头，该协调的主动协调，该上报的及时上报). Fails on the code
/// before it in several examples.
#[test]
fn a_lead_named_by_a_measure_is_not_assigned_again() {
    let d = drafter();
    let mut named = 0;
    for_each_example_plan(&d, 0..12, |name, vs, plan, seed| {
        for (sec, part) in vs.spec.sections.iter().zip(&plan.speech.parts) {
            for (p, point) in sec.points.iter().zip(&part.parts) {
                let Some(lead) = &p.lead else { continue };
                if !p.support.is_empty() {
                    continue;
                }
                let lead = lead.as_str().trim_end_matches(['。', '，']);
                let all = sentences(point);
                let by_measure = all.iter().any(|(t, o)| {
                    t.contains(lead)
                        && matches!(o, Origin::Mixed { id, .. } if id.contains(".measure."))
                });
                if !by_measure {
                    continue;
                }
                named += 1;
                let plain = all.iter().find(|(t, o)| {
                    t.contains(lead)
                        && matches!(o, Origin::Mixed { id, fields }
                            if fields.len() == 1
                                && (id.starts_with("plan:assignment")
                                    || id.starts_with("plan:responsibility")
                                    || id.contains(".responsibility.")))
                });
                assert!(
                    plain.is_none(),
                    "{name} seed {seed}, point {}: a measure names {lead} and then {:?}",
                    point.heading,
                    plain.map(|p| p.0)
                );
            }
        }
    });
    assert!(
        named >= 20,
        "only {named} points have a measure naming the lead"
    );
}

/// Checking the work comes after the work in every shape (read blind, round 19: 对农村饮水安全问题
/// 实行季度通报… opened a 要… point, and the village-by-village survey came after it). Its words
/// are the planner's (`shapes::checks_the_work`): in a measure's first clause, not of what an
/// inspection found (督查反馈问题).
#[test]
fn checking_the_work_comes_after_the_work() {
    const CHECK: [&str; 15] = [
        "纳入",
        "考核",
        "督查",
        "通报",
        "暗访",
        "抽查",
        "问责",
        "约谈",
        "考评",
        "评比",
        "绩效评价",
        "每季度统计",
        "按季度统计",
        "每月统计",
        "按月统计",
    ];
    let d = drafter();
    let mut checked = 0;
    for_each_example_plan(&d, 0..20, |name, _, plan, seed| {
        for part in &plan.speech.parts {
            for point in &part.parts {
                // A point on checking itself (督查问效) is all checking.
                if CHECK.iter().any(|w| point.heading.contains(w)) {
                    continue;
                }
                let mut seen_check: Option<&str> = None;
                // A paragraph at a time: a point joining two fields says each a paragraph, from
                // its work to its check (the schools' check, then the hospitals' work).
                let paragraphs = point
                    .body
                    .iter()
                    .map(|b| {
                        b.sentences
                            .iter()
                            .map(|s| (s.text.as_str(), &s.origin))
                            .collect::<Vec<_>>()
                    })
                    .chain(std::iter::once(
                        sentences(point)
                            .into_iter()
                            .skip(point.body.iter().map(|b| b.sentences.len()).sum())
                            .collect(),
                    ));
                for said in
                    paragraphs.flat_map(|p| std::iter::once(None).chain(p.into_iter().map(Some)))
                {
                    let Some((t, o)) = said else {
                        seen_check = None;
                        continue;
                    };
                    // Not a measure made a demand on the lead unit (县工信局要…): that is the
                    // assignment, said in the assignment's place.
                    let measure = matches!(o, Origin::Phrase { id } if id.contains(".measure."))
                        || matches!(o, Origin::Mixed { id, fields }
                            if id.contains(".measure.")
                                && !fields.iter().any(|f| f.ends_with(".lead")));
                    if !measure || t.starts_with('由') || t.contains("牵头") {
                        continue;
                    }
                    // Past the connective the shape put before it (同时，…).
                    let bare = ["同时，", "此外，", "与此同时，", "在此基础上，", "特别是"]
                        .iter()
                        .fold(t, |t, m| t.strip_prefix(m).unwrap_or(t));
                    let first = bare.split(['，', '；', '。']).next().unwrap_or(bare);
                    let found = ["反馈", "指出", "发现的"].iter().any(|w| first.contains(w));
                    // Looking back and calling to account come after the check
                    // (对已办结的事项开展“回头看”; 凡…的，…严肃追究).
                    let to_account = ["问责", "追责", "追究"];
                    let after = first.contains("回头看")
                        || to_account.iter().any(|w| first.contains(w))
                        || (first.ends_with('的') && to_account.iter().any(|w| bare.contains(w)));
                    let check = after || (!found && CHECK.iter().any(|w| first.contains(w)));
                    if check {
                        seen_check.get_or_insert(t);
                        checked += 1;
                    } else if let Some(c) = seen_check {
                        panic!(
                            "{name} seed {seed}, point {}: {c} before {t}",
                            point.heading
                        );
                    }
                }
            }
        }
    });
    assert!(checked >= 20, "only {checked} checking measures seen");
}

/// A town's speech sets its own offices to work, not the county's departments (read blind,
/// round 20: a town's 劳动保障所 beside orders to 住建、交通、水利 departments): no measure of
/// the town example has a department as its actor but the point's own units.
#[test]
fn a_towns_measures_set_no_county_department_to_work() {
    use wengao::lexicon::units::{department_actor, phrasebank_names};
    let d = drafter();
    let mut measures = 0;
    for_each_example_plan(&d, 0..20, |name, vs, plan, seed| {
        if vs.level != wengao::spec::Level::Town {
            return;
        }
        for (sec, part) in vs.spec.sections.iter().zip(&plan.speech.parts) {
            for (p, point) in sec.points.iter().zip(&part.parts) {
                let own: Vec<String> = p
                    .lead
                    .iter()
                    .chain(&p.support)
                    .flat_map(|u| phrasebank_names(u.as_str()))
                    .collect();
                for (t, o) in sentences(point) {
                    if !matches!(o, Origin::Phrase { id } | Origin::Mixed { id, .. }
                        if id.contains(".measure."))
                    {
                        continue;
                    }
                    measures += 1;
                    if let Some(dep) = department_actor(t) {
                        assert!(
                            own.iter().any(|n| n == dep),
                            "{name} seed {seed}, point {}: {dep} set to work in {t}",
                            point.heading
                        );
                    }
                }
            }
        }
    });
    assert!(measures >= 100, "only {measures} town measures read");
}
