//! The phrasebank and templates built into wengao: drafting needs nothing from the checkout, the
//! sources are looked up in order (flag, environment, wengao.toml, built in) and `-v` says which,
//! and `phrasebank export` writes the built-in files out. (.ci/check-embedded proves the first
//! again with the release binary, the checkout hidden under an empty tmpfs.)

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{cache_dir, examples, root};

/// The test binary, copied out of the target directory, and a clean place to run it.
struct Elsewhere {
    _tmp: tempfile::TempDir,
    bin: PathBuf,
    work: PathBuf,
    home: PathBuf,
}

impl Elsewhere {
    fn new() -> Elsewhere {
        let tmp = tempfile::tempdir().unwrap();
        let bin = tmp.path().join("bin/wengao");
        std::fs::create_dir_all(bin.parent().unwrap()).unwrap();
        std::fs::copy(assert_cmd::cargo::cargo_bin("wengao"), &bin).unwrap();
        let (work, home) = (tmp.path().join("work"), tmp.path().join("home"));
        std::fs::create_dir_all(work.join("specs")).unwrap();
        std::fs::create_dir_all(&home).unwrap();
        for e in examples() {
            std::fs::copy(&e, work.join("specs").join(e.file_name().unwrap())).unwrap();
        }
        Elsewhere {
            _tmp: tmp,
            bin,
            work,
            home,
        }
    }

    /// `wengao ARGS` in `dir` with an empty HOME and no cache or source settings of the caller's.
    ///
    /// The binary was copied a moment ago: a test thread that forked while the copy was open holds
    /// its descriptor until it execs, and running it then fails with ETXTBSY (Text file busy).
    /// That passes within moments, so it is tried again, a bounded number of times.
    fn run(&self, dir: &Path, args: &[&str]) -> std::process::Output {
        let mut tries = 0;
        loop {
            let out = Command::new(&self.bin)
                .current_dir(dir)
                .args(args)
                .env("HOME", &self.home)
                .env_remove("XDG_CACHE_HOME")
                .env_remove("WENGAO_CACHE_DIR")
                .env_remove("WENGAO_PHRASEBANK")
                .env_remove("WENGAO_TEMPLATES")
                .output();
            match out {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy && tries < 50 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => return other.unwrap(),
            }
        }
    }

    /// Everything under HOME (it must stay empty).
    fn home_files(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![self.home.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                out.push(e.path());
                if e.path().is_dir() {
                    stack.push(e.path());
                }
            }
        }
        out
    }
}

/// The same binary run in the checkout on the in-tree folders.
fn in_tree(args: &[&str]) -> Vec<u8> {
    let pb = root().join("phrasebank");
    let tpl = root().join("templates");
    let out = Command::new(assert_cmd::cargo::cargo_bin("wengao"))
        .current_dir(root())
        .arg("--phrasebank")
        .arg(&pb)
        .arg("--templates")
        .arg(&tpl)
        .args(args)
        .env("WENGAO_CACHE_DIR", cache_dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?} in tree: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn drafting_elsewhere_gives_the_in_tree_drafts_and_writes_nothing_under_home() {
    let e = Elsewhere::new();
    for spec in examples() {
        let name = spec.file_name().unwrap().to_string_lossy().into_owned();
        let copied = format!("specs/{name}");
        for seed in [None, Some("5")] {
            for format in ["txt", "json"] {
                let mut args = vec!["draft", copied.as_str(), "--format", format, "-q"];
                if let Some(s) = seed {
                    args.extend(["--seed", s]);
                }
                let out = e.run(&e.work, &args);
                assert!(
                    out.status.success(),
                    "{args:?}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let mut tree_args = args.clone();
                let in_tree_spec = spec.to_string_lossy().into_owned();
                tree_args[1] = &in_tree_spec;
                assert!(
                    out.stdout == in_tree(&tree_args),
                    "{name} (seed {seed:?}, {format}) drafted with the built-in phrasebank differs from the in-tree one"
                );
            }
        }
    }
    assert_eq!(
        e.home_files(),
        Vec::<PathBuf>::new(),
        "drafting wrote under HOME"
    );
}

#[test]
fn the_built_in_phrasebank_reads_and_writes_no_cache() {
    let e = Elsewhere::new();
    let cache = e.work.join("cache");
    let out = Command::new(&e.bin)
        .current_dir(&e.work)
        .args(["-v", "draft", "specs/plenary-2024.yaml", "-o", "d.txt"])
        .env("HOME", &e.home)
        .env("WENGAO_CACHE_DIR", &cache)
        .env_remove("WENGAO_PHRASEBANK")
        .env_remove("WENGAO_TEMPLATES")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("phrasebank: built into wengao"), "{stderr}");
    assert!(stderr.contains("templates: built into wengao"), "{stderr}");
    assert!(!cache.exists(), "a cache directory was made");
    assert!(e.work.join("d.txt").is_file());
}

#[test]
fn the_sources_are_looked_up_in_order_and_v_says_which() {
    let e = Elsewhere::new();
    let stderr = |o: std::process::Output| {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    // A ./phrasebank folder is not picked up by itself: this one would not even load.
    std::fs::create_dir_all(e.work.join("phrasebank")).unwrap();
    std::fs::write(e.work.join("phrasebank/broken.yaml"), "entries: [").unwrap();
    let s = stderr(e.run(&e.work, &["-v", "phrasebank", "themes"]));
    assert!(s.contains("phrasebank: built into wengao"), "{s}");

    // wengao.toml in a parent names folders, relative to itself.
    let project = e.work.join("office");
    let below = project.join("speeches/2024");
    std::fs::create_dir_all(&below).unwrap();
    let out = e.run(&project, &["phrasebank", "export", "."]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = stderr(e.run(&below, &["-v", "phrasebank", "themes"]));
    let toml = project.join("wengao.toml");
    assert!(
        s.contains(&format!(
            "phrasebank: the folder `{}` (from {})",
            project.join("phrasebank").display(),
            toml.display()
        )),
        "{s}"
    );
    assert!(s.contains("templates: the folder"), "{s}");

    // The environment beats the project file, and the flag beats both.
    let env_pb = project.join("phrasebank").to_string_lossy().into_owned();
    let out = Command::new(&e.bin)
        .current_dir(&e.work)
        .args(["-v", "phrasebank", "themes"])
        .env("HOME", &e.home)
        .env("WENGAO_PHRASEBANK", &env_pb)
        .output()
        .unwrap();
    let s = stderr(out);
    assert!(s.contains("(from $WENGAO_PHRASEBANK)"), "{s}");
    assert!(s.contains("templates: built into wengao"), "{s}");
    let s = stderr(e.run(
        &below,
        &["-v", "--phrasebank", &env_pb, "phrasebank", "themes"],
    ));
    assert!(s.contains("(from --phrasebank)"), "{s}");

    // An unknown key in the project file is an error at its line and column.
    std::fs::write(&toml, "phrasebank = \"phrasebank\"\nphrasbank = \"x\"\n").unwrap();
    let out = e.run(&below, &["phrasebank", "themes"]);
    let s = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{s}");
    assert!(s.contains("wengao.toml:2:1"), "{s}");
    assert!(s.contains("phrasbank"), "{s}");
}

#[test]
fn export_writes_the_built_in_files_and_overwrites_only_with_force() {
    let e = Elsewhere::new();
    let dir = e.work.join("data");
    let out = e.run(&e.work, &["phrasebank", "export", "data"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Byte for byte the files of the checkout.
    for sub in [
        "phrasebank/common.yaml",
        "templates/speech.tera",
        "templates/preview/index.html.tera",
    ] {
        assert_eq!(
            std::fs::read(dir.join(sub)).unwrap(),
            std::fs::read(root().join(sub)).unwrap(),
            "{sub}"
        );
    }
    let count = |d: &Path| walk(d).len();
    assert_eq!(
        count(&dir.join("phrasebank")),
        count(&root().join("phrasebank"))
    );
    assert_eq!(
        count(&dir.join("templates")),
        count(&root().join("templates"))
    );
    // Again: refused, nothing touched.
    std::fs::write(dir.join("phrasebank/common.yaml"), "# mine\n").unwrap();
    let out = e.run(&e.work, &["phrasebank", "export", "data"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(dir.join("phrasebank/common.yaml")).unwrap(),
        "# mine\n"
    );
    let out = e.run(&e.work, &["phrasebank", "export", "data", "--force"]);
    assert!(out.status.success());
    assert_ne!(
        std::fs::read_to_string(dir.join("phrasebank/common.yaml")).unwrap(),
        "# mine\n"
    );
    // The exported folder lints clean and drafts what the built-in phrasebank drafts.
    let out = e.run(&dir, &["phrasebank", "lint", "--errors-only"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let spec = e.work.join("specs/economy-2020.yaml");
    let spec = spec.to_string_lossy();
    let from_folder = e.run(&dir, &["draft", &spec, "-q"]);
    let built_in = e.run(&e.work, &["draft", &spec, "-q"]);
    assert!(from_folder.status.success() && built_in.status.success());
    assert_eq!(from_folder.stdout, built_in.stdout);
}

#[test]
fn a_command_that_edits_files_asks_for_a_folder() {
    let e = Elsewhere::new();
    let out = e.run(&e.work, &["phrasebank", "lint"]);
    let s = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{s}");
    assert!(s.contains("--phrasebank DIR"), "{s}");
    assert!(s.contains("phrasebank export"), "{s}");
}

fn walk(d: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(d).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn preview_elsewhere_needs_its_specs_named_and_renders_with_the_built_in_templates() {
    let e = Elsewhere::new();
    let out = e.run(&e.work, &["preview", "--out", "p"]);
    let s = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{s}");
    assert!(s.contains("name the specs"), "{s}");
    let out = e.run(
        &e.work,
        &["preview", "specs/plenary-2024.yaml", "--out", "p"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let index = std::fs::read_to_string(e.work.join("p/index.html")).unwrap();
    assert!(index.contains("plenary-2024"), "the index lacks the draft");
    assert!(e.work.join("p/plenary-2024.txt").is_file());
    assert_eq!(
        e.home_files(),
        Vec::<PathBuf>::new(),
        "preview wrote under HOME"
    );
}
