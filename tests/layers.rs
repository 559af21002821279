//! The layering docs/architecture.md describes, checked on the sources: the library never calls
//! into the command layer (`cmd`, `cli`), and one subcommand never calls into another's file (what
//! two share lives in the library, or in `cmd/mod.rs`).

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `(file, line number, line)` for every code line (comments aside) of `src/` matching `bad`,
/// in the files `checked` picks (by their path under src/).
fn offences(checked: impl Fn(&str) -> bool, bad: impl Fn(&str) -> bool) -> Vec<String> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !checked(&rel) {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, l) in text.lines().enumerate() {
            let code = l.trim_start();
            if !code.starts_with("//") && bad(code) {
                out.push(format!("src/{rel}:{}: {}", i + 1, code));
            }
        }
    }
    out
}

/// The command layer: one file a subcommand, the clap tree, the binaries.
fn command_layer(rel: &str) -> bool {
    rel.starts_with("cmd/")
        || rel.starts_with("bin/")
        || ["cli.rs", "main.rs", "lib.rs"].contains(&rel)
}

#[test]
fn the_library_never_calls_into_the_command_layer() {
    let found = offences(
        |rel| !command_layer(rel),
        |code| {
            ["crate::cmd", "super::cmd", "crate::cli", "super::cli"]
                .iter()
                .any(|p| code.contains(p))
        },
    );
    assert!(
        found.is_empty(),
        "library code using cmd/cli:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_subcommand_calls_into_another() {
    let subcommands: Vec<String> =
        std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/cmd"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
            .filter(|s| s != "mod")
            .collect();
    assert!(subcommands.len() >= 10, "{subcommands:?}");
    let found = offences(
        |rel| rel.starts_with("cmd/") && rel != "cmd/mod.rs",
        |code| {
            subcommands.iter().any(|s| {
                code.contains(&format!("super::{s}::")) || code.contains(&format!("cmd::{s}::"))
            })
        },
    );
    assert!(
        found.is_empty(),
        "one subcommand using another:\n{}",
        found.join("\n")
    );
}
