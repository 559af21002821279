//! `gencorpus`: build a large corpus for benchmarks by recombining and perturbing the paragraphs
//! of the seed corpus (../shared/corpus), keeping its noise.
//!
//! ```text
//! cargo run --release --bin gencorpus -- --size 10M --out target/corpus/10m
//! cargo run --release --bin gencorpus -- --size 1G --out target/corpus/1g --seed 7
//! ```
//!
//! Deterministic: the same seed corpus, `--seed` and `--size` give byte-identical files. Each
//! generated speech is 20–40 KB: the skeleton of one seed speech (title, salutation, opening, its
//! level-1/level-2 headings in order, closing) with body paragraphs drawn from every seed, numbers
//! and years changed, sentences reordered, and the seeds' noise added at their rate: page numbers
//! glued to lines (`3、`), lines broken mid-sentence, half-width punctuation, spun words (发展→开展),
//! an advertisement line, a teaser repeating the first lines, and now and then a GBK-encoded file.
//! Files are written one at a time; nothing but the seed corpus is held in memory.
//! Generated corpora belong under target/ and are never committed.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Parser;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

/// Build a benchmark corpus from the seed speeches.
#[derive(Debug, Parser)]
#[command(name = "gencorpus")]
struct Args {
    /// Total size to write: bytes, or with a K, M or G suffix (10M, 1G).
    #[arg(long, value_parser = parse_size)]
    size: u64,
    /// The directory to write NNNNNN_gen.txt files into (created; must be empty or absent).
    #[arg(long)]
    out: PathBuf,
    /// The seed corpus.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"))]
    from: PathBuf,
    /// The random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, mult) = match s.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&s[..s.len() - 1], 1u64 << 10),
        Some('M') => (&s[..s.len() - 1], 1 << 20),
        Some('G') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n * mult)
        .map_err(|_| format!("`{s}` is not a size; write e.g. 10M or 1G"))
}

/// One seed speech split into its lines, each marked structural (kept in order) or body.
struct Seed {
    lines: Vec<(String, bool)>,
}

/// A level-1/level-2 heading, the title, the salutation, or a closing line: the skeleton.
fn is_structural(i: usize, line: &str) -> bool {
    let t = line.trim();
    if i == 0 || t.starts_with("同志们") || t.contains("讲这么多") {
        return true;
    }
    let mut cs = t.chars();
    let first = cs.next();
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    match first {
        Some(c) if cn(c) => t.chars().take(3).any(|c| c == '、'),
        Some('（') | Some('(') => cs.next().is_some_and(cn),
        _ => false,
    }
}

/// Spun words of the seed corpus (伪原创), applied to some generated speeches: (spun form,
/// original), the first eight of the pairs `normalize` restores.
const SPIN: &[(&str, &str)] = wengao::lexicon::spun::RESTORED.as_slice().split_at(8).0;

const ADS: [&str; 3] = [
    "本文由公文写作网整理，更多范文请关注微信公众号。",
    "【免费下载】精品讲话稿合集，点击获取完整版！",
    "温馨提示：本文档可编辑，下载后可自由修改。",
];

struct Gen {
    rng: ChaCha8Rng,
    seeds: Vec<Seed>,
    body: Vec<String>,
}

impl Gen {
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.rng.next_u64() % n as u64) as usize
        }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.rng.next_u64() % 100 < percent
    }

    /// Change digits (keeping their count) and years (to 2016–2026), reorder some sentences.
    fn perturb(&mut self, para: &str) -> String {
        let mut out = String::with_capacity(para.len() + 16);
        let cs: Vec<char> = para.chars().collect();
        let mut i = 0;
        while i < cs.len() {
            let c = cs[i];
            // A year: 20XX年 → another year of the era the corpus spans.
            if c == '2'
                && i + 4 < cs.len()
                && cs[i + 1] == '0'
                && cs[i + 2].is_ascii_digit()
                && cs[i + 3].is_ascii_digit()
                && cs[i + 4] == '年'
            {
                let y = 2016 + self.below(11);
                out.push_str(&y.to_string());
                i += 4;
                continue;
            }
            if c.is_ascii_digit() && self.chance(50) {
                out.push(char::from(b'0' + self.below(10) as u8));
            } else {
                out.push(c);
            }
            i += 1;
        }
        if self.chance(30) {
            // Swap two sentences of the paragraph.
            let mut sents: Vec<&str> = out.split_inclusive('。').collect();
            if sents.len() >= 3 {
                let a = self.below(sents.len() - 1);
                let b = self.below(sents.len() - 1);
                sents.swap(a, b);
                return sents.concat();
            }
        }
        out
    }

    /// Add the seeds' noise to a finished speech's lines.
    fn noise(&mut self, lines: &mut Vec<String>) {
        let spun = self.chance(20);
        let halfwidth = self.chance(20);
        let pages = self.chance(20);
        let broken = self.chance(20);
        if spun {
            for l in lines.iter_mut() {
                for &(spun, original) in SPIN {
                    if self.chance(70) {
                        *l = l.replace(original, spun);
                    }
                }
            }
        }
        if halfwidth {
            for l in lines.iter_mut() {
                *l = l
                    .replace('，', ",")
                    .replace('：', ":")
                    .replace('；', ";")
                    .replace('（', "(")
                    .replace('）', ")");
                if self.chance(10) {
                    *l = l.replacen('”', "", 1); // an unbalanced quote
                }
            }
        }
        if broken {
            let mut out = Vec::with_capacity(lines.len() * 2);
            for l in lines.drain(..) {
                let n = l.chars().count();
                if n > 60 && self.chance(40) {
                    let at = 20 + self.below(n - 40);
                    let cut = l.char_indices().nth(at).map_or(l.len(), |(i, _)| i);
                    out.push(l[..cut].to_string());
                    out.push(l[cut..].to_string());
                } else {
                    out.push(l);
                }
            }
            *lines = out;
        }
        if pages {
            let mut page = 1;
            for l in lines.iter_mut().skip(3) {
                if self.chance(15) {
                    page += 1;
                    *l = format!("{page}、{}", l.trim_start());
                }
            }
        }
        if self.chance(10) {
            let ad = ADS[self.below(ADS.len())];
            lines.insert(0, ad.to_string());
        }
        if self.chance(8) && lines.len() > 4 {
            let teaser: Vec<String> = lines[..3].to_vec();
            for (k, t) in teaser.into_iter().enumerate() {
                lines.insert(k, t);
            }
        }
    }

    /// One speech of about `target` bytes.
    fn speech(&mut self, target: usize) -> Vec<String> {
        let si = self.below(self.seeds.len());
        let skeleton: Vec<(String, bool)> = self.seeds[si].lines.clone();
        let mut out = Vec::new();
        let mut size = 0;
        let body_count = skeleton.iter().filter(|(_, s)| !*s).count().max(1);
        for (line, structural) in &skeleton {
            let text = if *structural {
                line.clone()
            } else {
                // Keep the seed's own paragraph, or take one from any seed.
                let src = if self.chance(50) {
                    line.clone()
                } else {
                    let k = self.below(self.body.len());
                    self.body[k].clone()
                };
                self.perturb(&src)
            };
            size += text.len() + 1;
            out.push(text);
            if !*structural {
                // Borrow extra body paragraphs in proportion to the room left.
                let room = target.saturating_sub(size);
                let per = room / body_count;
                let mut added = 0;
                while added < per && size < target {
                    let k = self.below(self.body.len());
                    let extra = self.body[k].clone();
                    let p = self.perturb(&extra);
                    added += p.len() + 1;
                    size += p.len() + 1;
                    out.push(p);
                }
            }
        }
        self.noise(&mut out);
        out
    }
}

fn load_seeds(dir: &Path) -> std::io::Result<Vec<Seed>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut seeds = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f)?;
        let (text, _) = wengao::io::decode_lenient(&bytes);
        let lines = text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, l)| (l.to_string(), is_structural(i, l)))
            .collect();
        seeds.push(Seed { lines });
    }
    Ok(seeds)
}

fn main() {
    let args = Args::parse();
    if let Err(e) = run(&args) {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

fn run(args: &Args) -> Result<(), String> {
    let seeds = load_seeds(&args.from).map_err(|e| format!("{}: {e}", args.from.display()))?;
    if seeds.is_empty() {
        return Err(format!("no *.txt seed speeches in {}", args.from.display()));
    }
    if args.out.exists()
        && std::fs::read_dir(&args.out)
            .map_err(|e| e.to_string())?
            .next()
            .is_some()
    {
        return Err(format!(
            "{} is not empty; remove it or choose another --out",
            args.out.display()
        ));
    }
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let body: Vec<String> = seeds
        .iter()
        .flat_map(|s| {
            s.lines
                .iter()
                .filter(|(_, st)| !*st)
                .map(|(l, _)| l.clone())
        })
        .filter(|l| l.chars().count() > 30)
        .collect();
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(args.seed),
        seeds,
        body,
    };
    let mut written: u64 = 0;
    let mut n = 0usize;
    while written < args.size {
        let target = 20_000 + g.below(20_000);
        let lines = g.speech(target);
        let mut text = lines.join("\n");
        text.push('\n');
        let bytes: Vec<u8> = if g.chance(5) {
            encoding_rs::GB18030.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        let path = args.out.join(format!("{n:06}_gen.txt"));
        let mut f = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        f.write_all(&bytes)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        written += bytes.len() as u64;
        n += 1;
    }
    eprintln!(
        "wrote {n} speeches, {written} bytes ({:.1} MB), into {}",
        written as f64 / 1_048_576.0,
        args.out.display()
    );
    Ok(())
}
