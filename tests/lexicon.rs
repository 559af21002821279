//! The lexicon against the shipped phrasebank, the examples and the corpus: the era lexicon, the
//! political calendar and the standard expressions (规范表述).

mod common;

use chrono::NaiveDate;
use wengao::lexicon::{YearMonth, lexicon};
use wengao::phrasebank::{Phrasebank, Status};

fn shipped() -> Phrasebank {
    Phrasebank::embedded().unwrap()
}

/// The last day an entry can be drafted (2030 when open).
fn last_day(until: Option<YearMonth>) -> NaiveDate {
    let m = until.unwrap_or(YearMonth::new(2030, 12));
    let (y, mo) = if m.month == 12 {
        (m.year + 1, 1)
    } else {
        (m.year, m.month + 1)
    };
    NaiveDate::from_ymd_opt(y, mo, 1)
        .unwrap()
        .pred_opt()
        .unwrap()
}

#[test]
fn no_standard_expression_fires_on_the_phrasebank() {
    let pb = shipped();
    let lx = lexicon();
    let mut bad = Vec::new();
    for p in pb.phrases.iter().filter(|p| p.status == Status::Curated) {
        let on = last_day(p.live.until);
        for (e, _) in lx.expressions.find(&p.text, Some(on)) {
            bad.push(format!("{}: {} → {}: {}", p.id, e.wrong, e.right, p.text));
        }
    }
    assert!(bad.is_empty(), "{} entries:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn every_curated_entry_has_an_era() {
    let pb = shipped();
    let empty: Vec<&str> = pb
        .phrases
        .iter()
        .filter(|p| p.status == Status::Curated && p.live.is_empty())
        .map(|p| p.id.as_str())
        .collect();
    assert!(
        empty.is_empty(),
        "entries whose terms contradict their years: {empty:?}"
    );
}

/// Every sentence of a speech with its origin (headings too).
fn all_sentences(s: &wengao::model::Speech) -> Vec<(String, wengao::model::Origin)> {
    use wengao::model::{Paragraph, Part};
    fn paras(ps: &[Paragraph], out: &mut Vec<(String, wengao::model::Origin)>) {
        for p in ps {
            out.extend(
                p.sentences
                    .iter()
                    .map(|s| (s.text.clone(), s.origin.clone())),
            );
        }
    }
    fn part(p: &Part, out: &mut Vec<(String, wengao::model::Origin)>) {
        out.push((p.heading.clone(), p.heading_origin.clone()));
        paras(&p.body, out);
        for i in &p.items {
            out.push((i.lead.clone(), i.lead_origin.clone()));
            paras(std::slice::from_ref(&i.body), out);
        }
        for c in &p.parts {
            part(c, out);
        }
    }
    let mut out = Vec::new();
    paras(&s.opening, &mut out);
    for p in &s.parts {
        part(p, &mut out);
    }
    paras(&s.closing, &mut out);
    out
}

/// Every example at its own date and moved to each year 2016–2030: nothing the planner wrote is
/// out of its era or names a later congress or plenary session, and the opening's guiding
/// sentence names only events before the date. (The spec's own words are the writer's: a 2024
/// spec moved to 2016 may name a bureau founded in 2018, which `wengao lint` reports.)
#[test]
fn drafts_keep_to_their_date_in_every_year() {
    let d = wengao::draft::Drafter::embedded().unwrap();
    let lx = lexicon();
    let mut checked = 0;
    for e in common::examples() {
        let src = std::fs::read_to_string(&e).unwrap();
        let own = d.spec(&src, &e.display().to_string()).unwrap();
        let (m, day) = (
            chrono::Datelike::month(&own.date),
            chrono::Datelike::day(&own.date),
        );
        let years: Vec<i32> = std::iter::once(own.year()).chain(2016..=2030).collect();
        for (k, y) in years.into_iter().enumerate() {
            let moved = src.replacen(
                &own.date.format("%Y-%m-%d").to_string(),
                &format!("{y}-{m:02}-{day:02}"),
                1,
            );
            let vs = d.spec(&moved, &e.display().to_string()).unwrap();
            assert_eq!(vs.year(), y);
            let at = YearMonth::of(vs.date);
            for seed in 0..if k == 0 { 5 } else { 2 } {
                let plan = d.plan(&vs, Some(seed)).unwrap();
                let mut guiding = 0;
                for (text, origin) in all_sentences(&plan.speech) {
                    let calendar = match &origin {
                        wengao::model::Origin::Template { name } => name == "lexicon:calendar",
                        wengao::model::Origin::Mixed { id, .. } => id == "lexicon:calendar",
                        _ => false,
                    };
                    if calendar && text.contains("全面贯彻") {
                        guiding += 1;
                        let party = lx.calendar.party_spirit(vs.date).unwrap();
                        assert!(text.contains(&party), "{text} does not name {party}");
                        for g in &vs.spec.meeting.guidance {
                            assert!(text.contains(g.as_str()), "{text} lacks {}", g.as_str());
                        }
                    }
                    if origin.carries_spec() {
                        continue;
                    }
                    checked += 1;
                    let out: Vec<String> = lx
                        .era
                        .out_of_era(&text, at)
                        .iter()
                        .map(|u| format!("{} ({})", u.term.term, u.term.span))
                        .collect();
                    assert!(
                        out.is_empty(),
                        "{} at {y}-{m}, seed {seed}: {out:?} in {text}",
                        e.display()
                    );
                    let later = lx.calendar.later_mentions(&text, vs.date);
                    assert!(
                        later.is_empty(),
                        "{} at {y}-{m}: a later event in {text}",
                        e.display()
                    );
                }
                assert_eq!(
                    guiding,
                    1,
                    "{} at {y}-{m}: one guiding sentence",
                    e.display()
                );
            }
        }
    }
    assert!(checked > 10_000, "only {checked} sentences checked");
}

/// `wengao lint` on the five corpus speeches (after `normalize`): the lexicon's rules raise exactly
/// their real findings (docs/lint.md lists them and why).
#[test]
fn the_corpus_raises_only_its_real_lexicon_findings() {
    let dir = tempfile::tempdir().unwrap();
    let mut found: Vec<String> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(common::corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "the corpus has five speeches");
    for f in files {
        let prefix = f.file_name().unwrap().to_string_lossy()[..3].to_string();
        let norm = common::Wengao::new().arg("normalize").path(&f).run().ok();
        let out = dir.path().join(format!("{prefix}.txt"));
        std::fs::write(&out, &norm.stdout).unwrap();
        let lint = common::Wengao::new().arg("lint").path(&out).run();
        for l in lint.stdout.lines().chain(lint.stderr.lines()) {
            for rule in ["[era]", "[expression]", "[later-event]"] {
                if let Some(i) = l.find(rule) {
                    // The rule and the form it names: `核酸检测` or 习总书记.
                    let msg = &l[i + rule.len()..];
                    let what = msg
                        .split('`')
                        .nth(1)
                        .or_else(|| {
                            msg.split(" for ")
                                .nth(1)
                                .map(|s| s.split('（').next().unwrap_or(s))
                        })
                        .unwrap_or(msg)
                        .trim()
                        .to_string();
                    found.push(format!("{prefix} {rule} {what}"));
                }
            }
        }
    }
    found.sort();
    assert_eq!(
        found,
        [
            "001 [expression] 习总书记",
            "003 [expression] 十四五",
            "004 [era] 核酸检测",
        ],
        "docs/lint.md lists the corpus's real findings"
    );
}
