//! The corpus pipeline on the real corpus (../shared/corpus or WENGAO_CORPUS), through the binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn corpus() -> PathBuf {
    match std::env::var("WENGAO_CORPUS") {
        Ok(d) => PathBuf::from(d),
        Err(_) => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    }
}

fn file(prefix: &str) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("the corpus directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    files.sort();
    files
        .pop()
        .unwrap_or_else(|| panic!("no corpus file {prefix}_*"))
}

fn wengao() -> Command {
    let mut c = Command::cargo_bin("wengao").unwrap();
    c.env("WENGAO_CORPUS", corpus());
    c.env(
        "WENGAO_CACHE_DIR",
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("wengao-cache"),
    );
    c
}

fn normalized(prefix: &str) -> String {
    let out = wengao()
        .arg("normalize")
        .arg(file(prefix))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn outline(prefix: &str) -> Value {
    let out = wengao()
        .args(["outline", "--normalize", "--format", "json"])
        .arg(file(prefix))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn l2_counts(v: &Value) -> Vec<usize> {
    v["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["parts"].as_array().unwrap().len())
        .collect()
}

#[test]
fn outline_counts_on_the_corpus() {
    let o = outline("000");
    assert_eq!(l2_counts(&o), vec![0, 0, 5, 0]);
    assert_eq!(o["parts"][0]["items"].as_array().unwrap().len(), 3);
    assert_eq!(outline("001")["parts"].as_array().unwrap().len(), 4);
    let o = outline("002");
    assert_eq!(l2_counts(&o), vec![3, 6, 3]);
    assert_eq!(o["salutation"], "同志们：");
    assert!(
        o["title"]
            .as_str()
            .unwrap()
            .starts_with("在2020年县政府全体")
    );
    assert_eq!(o["closing"].as_array().unwrap().len(), 1);
    let o = outline("003");
    assert_eq!(o["parts"].as_array().unwrap().len(), 3);
    assert_eq!(
        o["title"],
        "县长在全县依法行政暨全县重点工作推进会议上的讲话"
    );
    // 一要… run on inside a paragraph (003 part 1).
    assert_eq!(o["parts"][0]["items"].as_array().unwrap().len(), 5);
    let o = outline("004");
    assert_eq!(o["parts"].as_array().unwrap().len(), 2);
    assert_eq!(o["parts"][0]["heading"], "把握大势抓落实");
    assert_eq!(o["parts"][1]["items"].as_array().unwrap().len(), 4);
}

#[test]
fn outline_does_not_take_figures_or_lone_yiyao_for_items() {
    let o = outline("001");
    // （四）工作推进上的差距: 1. 2. 3. 4. *. 6. — and no item from 1.5 or *.*%.
    let q = &o["parts"][0]["parts"][3];
    assert_eq!(q["heading"], "工作推进上的差距");
    assert_eq!(q["items"].as_array().unwrap().len(), 6);
    assert_eq!(q["item_marker"], "arabic");
}

#[test]
fn despinning_004_from_evidence() {
    let t = normalized("004");
    for fixed in [
        "高质量发展",
        "新发展理念",
        "坚实基础",
        "招商服务中心",
        "欠发达",
    ] {
        assert!(t.contains(fixed), "{fixed} missing");
    }
    for spun in ["高质量开展", "新开展理念", "根底", "效劳", "兴旺"] {
        assert!(!t.contains(spun), "{spun} left");
    }
    for genuine in ["开展精准招商", "常态化开展监测调度", "开展环境隐患排查"]
    {
        assert!(t.contains(genuine), "genuine {genuine} was changed");
    }
    // Page numbers, half-width punctuation, the glued title and the inline heading.
    assert!(!t.lines().any(|l| l.starts_with("3、")));
    assert!(!t.contains(','));
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines[0], "在2023年县政府全体会暨廉政工作会上的讲话");
    assert_eq!(lines[1], "同志们：");
    assert!(
        lines.contains(&"一、把握大势抓落实。"),
        "the heading keeps its stop"
    );
    assert!(t.contains("“两会”"), "the known formula's quote is closed");
}

#[test]
fn normalize_report_says_what_where_how_many() {
    let out = wengao()
        .args(["normalize", "--report"])
        .arg(file("004"))
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("spun text de-spun"), "{err}");
    assert!(err.contains("page_number 16"), "{err}");
    assert!(err.contains(":1: page_number: 1、"), "{err}");
    assert!(
        err.contains("despun: 高质量开展的关键 → 高质量发展的关键"),
        "{err}"
    );
    let out = wengao()
        .args(["normalize", "--report"])
        .arg(file("002"))
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("advertisement 8"), "{err}");
    let t = String::from_utf8(out.stdout).unwrap();
    assert!(t.starts_with("在2020年县政府全体"));
    assert!(!t.contains("会员"));
}

#[test]
fn normalize_is_idempotent_on_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    wengao()
        .arg("normalize")
        .arg(corpus())
        .arg("-o")
        .arg(&a)
        .assert()
        .success();
    wengao()
        .arg("normalize")
        .arg(&a)
        .arg("-o")
        .arg(&b)
        .assert()
        .success();
    let mut n = 0;
    for e in std::fs::read_dir(&a).unwrap() {
        let p = e.unwrap().path();
        let once = std::fs::read_to_string(&p).unwrap();
        let twice = std::fs::read_to_string(b.join(p.file_name().unwrap())).unwrap();
        assert_eq!(once, twice, "{}", p.display());
        n += 1;
    }
    assert_eq!(n, 5);
    // Writing again without --force is refused.
    wengao()
        .arg("normalize")
        .arg(corpus())
        .arg("-o")
        .arg(&a)
        .assert()
        .code(2);
}

#[test]
fn gbk_input_is_decoded() {
    let text = std::fs::read_to_string(file("003")).unwrap();
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("gbk.txt");
    std::fs::write(&p, &gbk).unwrap();
    let out = wengao()
        .args(["normalize", "--report"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), normalized("003"));
    assert!(String::from_utf8(out.stderr).unwrap().contains("encoding"));
    // Bytes that are neither UTF-8 nor GB18030 are refused with exit 2 and a way out.
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, [0xff, 0xff, 0xff, 0x80]).unwrap();
    let out = wengao().arg("normalize").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("iconv"));
}

#[test]
fn mine_finds_the_sibling_families_and_merges_idempotently() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    wengao()
        .arg("mine")
        .arg(corpus())
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let patterns = std::fs::read_to_string(out.join("patterns.yaml")).unwrap();
    for p in [
        "守住{X}底线，在{Y}上下功夫",
        "要{X4}抓落实",
        "{X4}，{Y4}，{Z}",
        "{X4}是{Y4}，务必{Z}、{A}，{B}",
    ] {
        assert!(patterns.contains(p), "family {p} not found");
    }
    let teras: Vec<String> = std::fs::read_dir(out.join("patterns"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(
        teras
            .iter()
            .any(|t| t.contains("守住{{ topic }}底线，在{{ aim }}上下功夫"))
    );
    for t in &teras {
        let mut tera = tera::Tera::default();
        tera.add_raw_template("t", t)
            .expect("a valid Tera template");
    }
    let kinds = std::fs::read_to_string(out.join("kinds.yaml")).unwrap();
    assert!(
        kinds.contains("plenary:\n  order: [形势, 重点任务, 作风/廉政]"),
        "{kinds}"
    );
    assert!(
        kinds.contains("key_work:\n  order: [重点任务, 当前工作, 作风/廉政]"),
        "{kinds}"
    );
    let cands = std::fs::read_to_string(out.join("candidates.yaml")).unwrap();
    for s in [
        "“放管服”",
        "稳增长、调结构、促转型",
        "关山千万重，山高人为峰。",
    ] {
        assert!(cands.contains(s), "{s} not mined");
    }
    assert!(
        !cands.contains("XX") && !cands.contains("**"),
        "placeholders mined as words"
    );
    assert!(cands.contains("status: candidate") && cands.contains("source: 002:"));
    // A second run refuses to overwrite without --force.
    wengao()
        .arg("mine")
        .arg(corpus())
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2);

    // --merge: appends to candidates/mined.yaml, never touches curated files, idempotent.
    let pb = dir.path().join("phrasebank");
    std::fs::create_dir_all(&pb).unwrap();
    let curated = "# curated, with a comment\nentries:\n  - id: x.slogan.1\n    role: slogan\n    text: “放管服”\n";
    std::fs::write(pb.join("common.yaml"), curated).unwrap();
    let out2 = dir.path().join("out2");
    wengao()
        .arg("mine")
        .arg(corpus())
        .arg("--out")
        .arg(&out2)
        .arg("--merge")
        .arg(&pb)
        .assert()
        .success();
    let mined = std::fs::read_to_string(pb.join("candidates/mined.yaml")).unwrap();
    assert!(mined.contains("稳增长、调结构、促转型"));
    assert!(
        !mined.contains("text: “放管服”"),
        "a curated text was added again"
    );
    let parsed: wengao::phrasebank::RawFile =
        serde_yaml::from_str(&mined).expect("mined.yaml parses");
    assert!(parsed.entries.len() > 50);
    let out3 = dir.path().join("out3");
    wengao()
        .arg("mine")
        .arg(corpus())
        .arg("--out")
        .arg(&out3)
        .arg("--merge")
        .arg(&pb)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(pb.join("candidates/mined.yaml")).unwrap(),
        mined
    );
    assert_eq!(
        std::fs::read_to_string(pb.join("common.yaml")).unwrap(),
        curated
    );
}

#[test]
fn outline_of_a_clean_draft_in_both_formats() {
    let draft = "在全县重点工作推进会议上的讲话\n（2024年2月26日）\n同志们：\n　　今天召开会议。下面，我讲两点意见。\n一、提高认识抓落实\n　　要提高认识。\n（一）抓好项目建设\n　　一要加快进度。进度要快。\n　　二要保证质量。\n二、转变作风抓落实\n　　同志们，让我们共同努力！\n";
    let out = wengao()
        .args(["outline", "-", "--format", "json"])
        .write_stdin(draft)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["parts"][0]["parts"][0]["items"],
        serde_json::json!(["加快进度", "保证质量"])
    );
    assert_eq!(v["parts"][1]["heading"], "转变作风抓落实");
    assert_eq!(v["closing"][0], "同志们，让我们共同努力！");
    let out = wengao()
        .args(["outline", "-"])
        .write_stdin(draft)
        .output()
        .unwrap();
    let t = String::from_utf8(out.stdout).unwrap();
    assert!(t.contains("（一）抓好项目建设"), "{t}");
    assert!(
        t.contains("2 level-1 part(s), 1 level-2 part(s), 2 item(s)"),
        "{t}"
    );
}

/// The built-in de-spinning table is the statistics of the corpus's clean speeches, so that
/// `normalize` gives the same output with and without the corpus at hand. Regenerate it with
/// `WENGAO_BLESS=1 cargo test --test corpus builtin_reference`.
#[test]
fn builtin_reference_is_the_corpus_statistics() {
    let from_corpus = wengao::corpus::despin::Reference::from_dir(&corpus())
        .unwrap()
        .to_table();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/corpus/despin_reference.tsv");
    if std::env::var_os("WENGAO_BLESS").is_some() {
        std::fs::write(&path, &from_corpus).unwrap();
    }
    assert_eq!(
        wengao::corpus::despin::Reference::builtin().to_table(),
        from_corpus,
        "src/corpus/despin_reference.tsv is stale: rerun with WENGAO_BLESS=1"
    );
}

/// Normalising with and without the corpus directory gives the same text.
#[test]
fn normalize_does_not_depend_on_the_corpus_being_there() {
    let empty = tempfile::tempdir().unwrap();
    for prefix in ["002", "004"] {
        let out = Command::cargo_bin("wengao")
            .unwrap()
            .env("WENGAO_CORPUS", empty.path().join("missing"))
            .arg("normalize")
            .arg(file(prefix))
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_eq!(String::from_utf8(out.stdout).unwrap(), normalized(prefix));
    }
}

/// The five seeds keep their titles, salutations, headings, item counts and closings
/// (`tests/speeches/corpus_outlines.json`).
#[test]
fn the_seeds_keep_their_outlines() {
    let want: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/speeches/corpus_outlines.json"),
        )
        .unwrap(),
    )
    .unwrap();
    for (prefix, w) in want.as_object().unwrap() {
        let v = outline(prefix);
        let parts: Vec<Value> = v["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let items = p["items"].as_array().unwrap().len()
                    + p["parts"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|q| q["items"].as_array().unwrap().len())
                        .sum::<usize>();
                serde_json::json!({
                    "heading": p["heading"],
                    "parts": p["parts"].as_array().unwrap().iter().map(|q| q["heading"].clone()).collect::<Vec<_>>(),
                    "items": items,
                })
            })
            .collect();
        let got = serde_json::json!({
            "title": v["title"],
            "salutation": v["salutation"],
            "parts": parts,
            "closing": v["closing"].as_array().unwrap().len(),
        });
        assert_eq!(&got, w, "{prefix}");
    }
}
