//! insta snapshots of every example draft (seed 1): every phrasebank or template change shows up
//! as a reviewable diff (`cargo insta review`, or INSTA_UPDATE=always to accept).
//!
//! One snapshot an example, taken with `insta::glob!`: every example is drafted and compared
//! before the test fails, so a change shows in all the drafts it touches at once, not only in
//! the first. A new example gets its snapshot without touching this file.

use wengao::draft::Drafter;

#[test]
fn example_drafts() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let d = Drafter::load(&root.join("phrasebank"), &root.join("templates")).unwrap();
    insta::glob!("../examples", "*.yaml", |path| {
        let src = std::fs::read_to_string(path).unwrap();
        let vs = d.spec(&src, "example.yaml").unwrap();
        let plan = d.plan(&vs, Some(1)).unwrap();
        let text = d.text(&plan).unwrap();
        insta::assert_snapshot!(text);
    });
}
