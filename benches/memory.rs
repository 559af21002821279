//! Peak memory and time of the real binary on generated hostile inputs of 1, 8 and 32 MB, for
//! every path that reads text: a speech or draft (`normalize`, `outline`, `lint`, `spec-from`,
//! `mine`), a spec (`draft`), a phrasebank file and its cache (`phrasebank lint`, `draft`).
//!
//! Each run is its own process measured by GNU time (`/usr/bin/time -f '%M %e'`: the peak
//! resident size the kernel recorded for the child, and the wall time). The table printed is the
//! one in docs/performance.md ("Hostile inputs"): wall seconds · peak MB, and the peak over the
//! same command's peak on a tiny input (its fixed cost: the binary, the phrasebank, the lexicon),
//! divided by the input size — the "×" the issue bounds at 10.
//!
//! ```text
//! cargo bench --bench memory                       # 1, 8 and 32 MB, every shape and command
//! WENGAO_MEMORY_SIZES=1,8 cargo bench --bench memory
//! WENGAO_BIN=/path/to/wengao cargo bench --bench memory     # measure another build
//! ```
//!
//! The inputs are written under target/memory-inputs (never committed). Memory, not time, is
//! asserted by tests/memory.rs; time lives here.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const MB: usize = 1024 * 1024;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Repeat `unit` up to `size` bytes (whole units).
fn repeat_to(head: &str, unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + unit.len());
    s.push_str(head);
    while s.len() + unit.len() <= size {
        s.push_str(unit);
    }
    s
}

/// The corpus speeches, concatenated (the "prose" shape is them repeated).
fn corpus_text() -> String {
    let dir = std::env::var_os("WENGAO_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/corpus"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the corpus {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut s = String::new();
    for f in files {
        let bytes = std::fs::read(f).unwrap();
        s.push_str(&wengao::io::decode_lenient(&bytes).0);
        s.push('\n');
    }
    s
}

/// The speech shapes: (name, text of about `size` bytes).
fn speech_shapes(size: usize, corpus: &str) -> Vec<(&'static str, String)> {
    vec![
        ("blank lines", "\n".repeat(size)),
        (
            "short lines (`要抓好落实。`)",
            repeat_to("", "要抓好落实。\n", size),
        ),
        ("the corpus, repeated", repeat_to("", corpus, size)),
        (
            "one line, no break",
            repeat_to("", "同志们，要抓好项目建设，扩大有效投资。", size),
        ),
        (
            "`1.` items, no `2.`",
            repeat_to("同志们：\n一、总体要求\n", "1.推进工作落实。\n", size),
        ),
    ]
}

/// A phrasebank file of `size` bytes: the shipped 项目建设 file with entries added.
fn phrasebank_file(size: usize) -> String {
    let base = std::fs::read_to_string(root().join("phrasebank/themes/xiangmu.yaml")).unwrap();
    let mut s = base.clone();
    let mut n = 0;
    while s.len() < size {
        n += 1;
        let _ = write!(
            s,
            "  - id: xiangmu.generated.{n}\n    role: measure\n    topics: [general]\n    text: \"要抓好第{n}批重点项目，压实责任，确保按期开工、按期建成。\"\n    source: written\n"
        );
    }
    s
}

/// One measurement: (peak bytes, wall seconds, exit code).
fn measure(bin: &Path, args: &[String], env: &[(&str, &Path)]) -> (u64, f64, i32) {
    let out = std::env::temp_dir().join(format!("wengao-memory-{}.time", std::process::id()));
    let mut c = Command::new("/usr/bin/time");
    c.arg("-f")
        .arg("%M %e")
        .arg("-o")
        .arg(&out)
        .arg(bin)
        .args(args);
    c.current_dir(root());
    for (k, v) in env {
        c.env(k, v);
    }
    c.stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let status = c
        .status()
        .expect("GNU time at /usr/bin/time (Debian: apt install time)");
    let text = std::fs::read_to_string(&out).unwrap();
    let last = text.lines().last().unwrap_or_default().to_string();
    let mut it = last.split_whitespace();
    let kb: u64 = it.next().and_then(|v| v.parse().ok()).expect("%M");
    let secs: f64 = it.next().and_then(|v| v.parse().ok()).expect("%e");
    (kb * 1024, secs, status.code().unwrap_or(-1))
}

/// The arguments of a command on a file and a directory holding it.
type CommandLine<'a> = Box<dyn Fn(&Path, &Path) -> Vec<String> + 'a>;

struct Row {
    input: String,
    command: String,
    cells: Vec<String>,
}

fn main() {
    let bin = std::env::var_os("WENGAO_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_wengao")));
    let sizes: Vec<usize> = std::env::var("WENGAO_MEMORY_SIZES")
        .unwrap_or_else(|_| "1,8,32".into())
        .split(',')
        .map(|s| s.trim().parse().expect("sizes in MB, e.g. 1,8,32"))
        .collect();
    let only = std::env::var("WENGAO_MEMORY_ONLY").ok();
    let dir = root().join("target/memory-inputs");
    std::fs::create_dir_all(&dir).unwrap();
    let cache = dir.join("cache");
    let corpus = corpus_text();
    let env = [("WENGAO_CACHE_DIR", cache.as_path())];
    let mut rows: Vec<Row> = Vec::new();
    let s = |p: &Path| p.display().to_string();

    // The fixed cost of each command: the same run on a tiny input.
    let tiny = dir.join("tiny.txt");
    std::fs::write(&tiny, "同志们：\n一、总体要求\n要抓好落实。\n").unwrap();
    let tiny_dir = dir.join("tiny-corpus");
    std::fs::create_dir_all(&tiny_dir).unwrap();
    std::fs::copy(&tiny, tiny_dir.join("a.txt")).unwrap();
    let mine_out = dir.join("mined");
    let speech_commands: Vec<(&str, CommandLine)> = vec![
        (
            "normalize",
            Box::new(|f: &Path, _: &Path| vec!["normalize".into(), s(f)]),
        ),
        (
            "outline",
            Box::new(|f: &Path, _: &Path| vec!["outline".into(), s(f)]),
        ),
        (
            "outline --normalize",
            Box::new(|f: &Path, _: &Path| vec!["outline".into(), "--normalize".into(), s(f)]),
        ),
        (
            "lint",
            Box::new(|f: &Path, _: &Path| vec!["lint".into(), s(f)]),
        ),
        (
            "spec-from",
            Box::new(|f: &Path, _: &Path| vec!["spec-from".into(), s(f)]),
        ),
        (
            "mine -j 1",
            Box::new(|_: &Path, d: &Path| {
                vec![
                    "mine".into(),
                    "-j".into(),
                    "1".into(),
                    "--force".into(),
                    "--out".into(),
                    s(&mine_out),
                    s(d),
                ]
            }),
        ),
    ];
    let base: Vec<u64> = speech_commands
        .iter()
        .map(|(_, args)| measure(&bin, &args(&tiny, &tiny_dir), &env).0)
        .collect();

    let mut texts: Vec<Vec<(&'static str, PathBuf, PathBuf)>> = Vec::new();
    for &mb in &sizes {
        let mut v = Vec::new();
        for (i, (name, text)) in speech_shapes(mb * MB, &corpus).into_iter().enumerate() {
            let f = dir.join(format!("speech-{i}-{mb}mb.txt"));
            std::fs::write(&f, text).unwrap();
            let d = dir.join(format!("corpus-{i}-{mb}mb"));
            std::fs::create_dir_all(&d).unwrap();
            let _ = std::fs::remove_file(d.join("a.txt"));
            std::fs::hard_link(&f, d.join("a.txt")).unwrap();
            v.push((name, f, d));
        }
        texts.push(v);
    }
    let cell = |mb: usize, base: u64, (peak, secs, code): (u64, f64, i32)| {
        let over = peak.saturating_sub(base) as f64 / (mb * MB) as f64;
        let exit = if code == 0 || code == 1 {
            String::new()
        } else {
            format!(", exit {code}")
        };
        format!("{secs:.2} s · {} MB ({over:.1}×{exit})", peak / MB as u64)
    };
    for (shape, (shape_name, _, _)) in texts[0].iter().enumerate() {
        for (ci, (cname, args)) in speech_commands.iter().enumerate() {
            if only.as_deref().is_some_and(|o| !cname.contains(o)) {
                continue;
            }
            let mut cells = Vec::new();
            for (si, &mb) in sizes.iter().enumerate() {
                let (_, f, d) = &texts[si][shape];
                cells.push(cell(mb, base[ci], measure(&bin, &args(f, d), &env)));
            }
            let row = Row {
                input: shape_name.to_string(),
                command: format!("`{cname}`"),
                cells,
            };
            eprintln!(
                "{} | {} | {}",
                row.input,
                row.command,
                row.cells.join(" | ")
            );
            rows.push(row);
        }
    }

    // A spec of 1, 8, 32 MB (one long list of facts): refused at its size, read once.
    let spec_base = measure(
        &bin,
        &["draft".into(), "examples/plenary-2024.yaml".into()],
        &env,
    )
    .0;
    if only.as_deref().is_none_or(|o| "draft".contains(o)) {
        let mut cells = Vec::new();
        for &mb in &sizes {
            let f = dir.join(format!("spec-{mb}mb.yaml"));
            let spec = std::fs::read_to_string(root().join("examples/plenary-2024.yaml")).unwrap();
            std::fs::write(&f, repeat_to(&spec, "# 要抓好落实。\n", mb * MB)).unwrap();
            cells.push(cell(
                mb,
                spec_base,
                measure(&bin, &["draft".into(), s(&f)], &env),
            ));
        }
        rows.push(Row {
            input: "a spec with comment lines".into(),
            command: "`draft` (refused: over 1 MB)".into(),
            cells,
        });
    }

    // A phrasebank with one file of 1, 8, 32 MB: `phrasebank lint`, a draft that builds the
    // cache, and a draft that reads it.
    if only.as_deref().is_none_or(|o| "phrasebank".contains(o)) {
        let pb_commands: [(&str, Vec<String>); 3] = [
            ("phrasebank lint", vec!["phrasebank".into(), "lint".into()]),
            (
                "draft (builds the cache)",
                vec!["draft".into(), "examples/plenary-2024.yaml".into()],
            ),
            (
                "draft (reads the cache)",
                vec!["draft".into(), "examples/plenary-2024.yaml".into()],
            ),
        ];
        let mut cells = vec![Vec::new(), Vec::new(), Vec::new()];
        let pb_base: Vec<u64> = pb_commands
            .iter()
            .map(|(_, a)| measure(&bin, a, &env).0)
            .collect();
        for &mb in &sizes {
            let pb = dir.join(format!("phrasebank-{mb}mb"));
            let _ = std::fs::remove_dir_all(&pb);
            copy_dir(&root().join("phrasebank"), &pb);
            std::fs::write(pb.join("themes/xiangmu.yaml"), phrasebank_file(mb * MB)).unwrap();
            let _ = std::fs::remove_dir_all(&cache);
            for (i, (_, a)) in pb_commands.iter().enumerate() {
                let mut a = a.clone();
                a.insert(0, s(&pb));
                a.insert(0, "--phrasebank".into());
                cells[i].push(cell(mb, pb_base[i], measure(&bin, &a, &env)));
            }
        }
        for ((name, _), cells) in pb_commands.iter().zip(cells) {
            rows.push(Row {
                input: "a phrasebank file of generated entries".into(),
                command: format!("`{name}`"),
                cells,
            });
        }
    }

    let mut t = String::new();
    let _ = write!(t, "| Input | Command |");
    for mb in &sizes {
        let _ = write!(t, " {mb} MB |");
    }
    let _ = write!(t, "\n|---|---|");
    for _ in &sizes {
        t.push_str("---|");
    }
    t.push('\n');
    for r in rows {
        let _ = writeln!(
            t,
            "| {} | {} | {} |",
            r.input,
            r.command,
            r.cells.join(" | ")
        );
    }
    println!("{t}");
}

fn copy_dir(from: &Path, to: &Path) {
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
