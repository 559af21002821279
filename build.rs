//! Build script: the lexicon (`lexicon/*.yaml`) is checked for YAML syntax and converted to JSON
//! in `OUT_DIR`, which the binary embeds and reads with serde_json (a YAML parse of the lexicon
//! took ~10 ms of every `wengao draft`; the JSON read takes well under one). The structure is
//! validated by the same types at run time and by `lexicon::tests::embedded_lexicon_parses`.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["era", "calendar", "expressions"] {
        let src = Path::new("lexicon").join(format!("{name}.yaml"));
        println!("cargo::rerun-if-changed={}", src.display());
        let text = std::fs::read_to_string(&src)
            .unwrap_or_else(|e| panic!("error: cannot read {}: {e}", src.display()));
        let value: serde_yaml::Value =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("error: {}: {e}", src.display()));
        let json = serde_json::to_string(&value)
            .unwrap_or_else(|e| panic!("error: {}: not representable as JSON: {e}", src.display()));
        std::fs::write(Path::new(&out).join(format!("{name}.json")), json)
            .unwrap_or_else(|e| panic!("error: cannot write {name}.json: {e}"));
    }
}
