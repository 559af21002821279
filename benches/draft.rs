//! Drafting in process: template environment start-up, phrasebank loading, spec parsing, and
//! planning + rendering an 8,000-character draft (drafts/s).
//! Run with `cargo bench --bench draft -- --warm-up-time 1 --measurement-time 3 --sample-size 20`;
//! results and method are in docs/performance.md.

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wengao::draft::{Drafter, Format};
use wengao::phrasebank::Phrasebank;
use wengao::project::Source;
use wengao::render::Templates;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The benchmark spec: examples/plenary-2024.yaml grown to an 8,000-character draft.
const SPEC: &str = "benches/fixtures/plenary-8000.yaml";

fn bench(c: &mut Criterion) {
    let pb = root().join("phrasebank");
    let tpl = root().join("templates");
    c.bench_function(
        "start-up: template environment (load + compile templates)",
        |b| {
            b.iter(|| Templates::load(&tpl).unwrap());
        },
    );
    c.bench_function("start-up: built-in templates (compile)", |b| {
        b.iter(|| Templates::embedded().unwrap());
    });
    // A cache of the bench's own (never the user's ~/.cache/wengao).
    let cache = tempfile::tempdir().unwrap();
    c.bench_function("start-up: phrasebank folder (whole, from the cache)", |b| {
        b.iter(|| Phrasebank::load_with_cache(&pb, Some(cache.path())).unwrap());
    });
    c.bench_function("start-up: built-in phrasebank (whole)", |b| {
        b.iter(|| Phrasebank::embedded().unwrap());
    });
    let src = std::fs::read_to_string(root().join(SPEC)).unwrap();
    c.bench_function(
        "start-up: as `wengao draft` (built-in phrasebank selected for the spec + templates + spec)",
        |b| {
            b.iter(|| {
                Drafter::open_for_spec(&Source::Embedded, &Source::Embedded, None, &src, "plenary-8000.yaml")
                    .unwrap()
            });
        },
    );
    let d = Drafter::embedded().unwrap();
    c.bench_function("parse + validate spec", |b| {
        b.iter(|| d.spec(&src, "plenary-8000.yaml").unwrap());
    });
    let vs = d.spec(&src, "plenary-8000.yaml").unwrap();
    let mut g = c.benchmark_group("drafting");
    g.throughput(Throughput::Elements(1));
    let mut seed = 0u64;
    g.bench_function("plan + render txt", |b| {
        b.iter(|| {
            seed += 1;
            let plan = d.plan(&vs, Some(seed)).unwrap();
            d.render(&plan, Format::Txt).unwrap()
        });
    });
    g.bench_function("plan + check + render txt (as `wengao draft`)", |b| {
        b.iter(|| {
            seed += 1;
            let plan = d.plan(&vs, Some(seed)).unwrap();
            let f = d.check(&vs, &plan, None).unwrap();
            (f, d.render(&plan, Format::Txt).unwrap())
        });
    });
    // The check `wengao draft` runs on its own text (outline parse, lint, the prose rules).
    let plan = d.plan(&vs, Some(1)).unwrap();
    let text = d.text(&plan).unwrap();
    g.bench_function("check a rendered draft (as `wengao draft`)", |b| {
        b.iter(|| d.check_text(&vs, &plan, &text, None));
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
