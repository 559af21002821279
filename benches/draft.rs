//! Drafting in process: template start-up, planning and rendering an 8,000-character draft.
//! Run with `cargo bench --bench draft`; results and method are in docs/performance.md.

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use wengao::draft::{Drafter, Format};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bench(c: &mut Criterion) {
    let pb = root().join("phrasebank");
    let tpl = root().join("templates");
    c.bench_function("load phrasebank + templates", |b| {
        b.iter(|| Drafter::load(&pb, &tpl).unwrap());
    });
    let d = Drafter::load(&pb, &tpl).unwrap();
    let src = std::fs::read_to_string(root().join("benches/fixtures/plenary-8000.yaml")).unwrap();
    let vs = d.spec(&src, "plenary-2024.yaml").unwrap();
    let mut seed = 0u64;
    c.bench_function("draft 8000 chars (plan + txt)", |b| {
        b.iter(|| {
            seed += 1;
            let plan = d.plan(&vs, Some(seed)).unwrap();
            d.render(&plan, Format::Txt).unwrap()
        });
    });
    c.bench_function("parse + validate spec", |b| {
        b.iter(|| d.spec(&src, "plenary-2024.yaml").unwrap());
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
