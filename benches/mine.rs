//! Corpus throughput: normalise, outline and mine a generated 10 MB corpus (MB/s).
//!
//! Generate the corpus first (it is not committed):
//!
//! ```text
//! cargo run --release --bin gencorpus -- --size 10M --out target/corpus/10m
//! cargo bench --bench mine -- --warm-up-time 1 --measurement-time 3 --sample-size 10
//! ```
//!
//! `WENGAO_BENCH_CORPUS=DIR` benchmarks another directory; without a generated corpus the seed
//! corpus (../shared/corpus, 130 KB) is used. Results and method are in docs/performance.md.

use std::path::PathBuf;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wengao::corpus::normalize::normalize;
use wengao::corpus::outline::parse;
use wengao::mine::{Miner, mine_files};

fn corpus_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if let Some(d) = std::env::var_os("WENGAO_BENCH_CORPUS") {
        return PathBuf::from(d);
    }
    let generated = root.join("target/corpus/10m");
    if generated.is_dir() {
        return generated;
    }
    eprintln!(
        "note: no target/corpus/10m; benchmarking the seed corpus. Generate it with\n  cargo run --release --bin gencorpus -- --size 10M --out target/corpus/10m"
    );
    root.join("../shared/corpus")
}

fn bench(c: &mut Criterion) {
    let dir = corpus_dir();
    let files = wengao::corpus::txt_files(&dir).expect("a corpus directory");
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).unwrap();
            let (t, _) = wengao::io::decode_lenient(&bytes);
            (wengao::corpus::source_name(f), t)
        })
        .collect();
    let bytes: u64 = texts.iter().map(|(_, t)| t.len() as u64).sum();
    let mut g = c.benchmark_group(format!("corpus {:.1} MB", bytes as f64 / 1e6));
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for (_, t) in &texts {
                std::hint::black_box(normalize(t));
            }
        })
    });
    let clean: Vec<String> = texts.iter().map(|(_, t)| normalize(t).text).collect();
    g.bench_function("outline (of normalised text)", |b| {
        b.iter(|| {
            for t in &clean {
                std::hint::black_box(parse(t));
            }
        })
    });
    let jieba = Arc::new(jieba_rs::Jieba::new());
    g.bench_function("normalize + outline + mine, 1 thread", |b| {
        b.iter(|| {
            let mut m = Miner::with_jieba(jieba.clone());
            for (name, t) in &texts {
                m.add_document(name, t);
            }
            m.documents
        })
    });
    g.bench_function("read + mine files, 2 threads (as `wengao mine`)", |b| {
        b.iter(|| mine_files(&files, 2, &|| {}).unwrap().documents)
    });
    g.finish();
    c.bench_function("load jieba dictionary", |b| b.iter(jieba_rs::Jieba::new));
}

criterion_group!(benches, bench);
criterion_main!(benches);
