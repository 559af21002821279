//! insta snapshots of every example draft (seed 1): every phrasebank or template change shows up
//! as a reviewable diff (`cargo insta review`, or INSTA_UPDATE=always to accept).

use wengao::draft::Drafter;

#[test]
fn example_drafts() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let d = Drafter::load(&root.join("phrasebank"), &root.join("templates")).unwrap();
    let mut examples: Vec<_> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    examples.sort();
    for e in examples
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
    {
        let src = std::fs::read_to_string(e).unwrap();
        let vs = d.spec(&src, "example.yaml").unwrap();
        let plan = d.plan(&vs, Some(1)).unwrap();
        let text = d.text(&plan).unwrap();
        let name = e.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_snapshot!(name, text);
    }
}
