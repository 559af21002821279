//! `phrasebank era`: entries whose written years overreach the era of their terms (the era
//! lexicon), and the years that fit, set in place with `--write`.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::YEARS;
use super::edit::{locked_edit, parse_raw, set_entry_key};
use super::scan::scan_dir;
use crate::error::{Error, Result};
use crate::phrasebank::Years;

/// What the era lexicon asks of an entry whose written years overreach its terms.
#[derive(Debug, Clone, Serialize)]
pub struct EraNeed {
    /// Each term out of the years, with its span and source (新质生产力 belongs to 2023年9月起 (…)).
    pub terms: Vec<String>,
    /// The years that fit (written years narrowed by the terms), when some do.
    pub fit: Option<String>,
}

/// Whether the era lexicon's terms in `text` cover `years` (an open end is the end of the years
/// drafted at all, 2018–2030); what they ask when not.
pub fn era_need(text: &str, years: &Years) -> Option<EraNeed> {
    let (first, last) = (
        years.from.unwrap_or(*YEARS.start()),
        years.to.unwrap_or(*YEARS.end()),
    );
    let mut terms = Vec::new();
    let mut fit = years.span();
    for u in crate::lexicon::lexicon().era.uses(text) {
        let span = u.term.span;
        fit = fit.intersect(span);
        let ok_lo = span.from.is_none_or(|lo| first >= lo.year);
        let ok_hi = span.until.is_none_or(|hi| last <= hi.year);
        if !(ok_lo && ok_hi) {
            terms.push(format!(
                "{} belongs to {span} ({})",
                u.term.term, u.term.source
            ));
        }
    }
    if terms.is_empty() {
        return None;
    }
    // Written as years, inside the drafted range.
    let drafted = crate::lexicon::Span {
        from: Some(crate::lexicon::YearMonth::new(*YEARS.start(), 1)),
        until: Some(crate::lexicon::YearMonth::new(*YEARS.end(), 12)),
    };
    let fit = (!fit.intersect(drafted).is_empty()).then(|| {
        let mut f = fit;
        // An open or early start stays as written; only the ends the terms set are added.
        if f.from.is_some_and(|m| m.year <= *YEARS.start()) && years.from.is_none() {
            f.from = None;
        }
        if f.until.is_some_and(|m| m.year >= *YEARS.end()) && years.to.is_none() {
            f.until = None;
        }
        f.as_years()
    });
    Some(EraNeed { terms, fit })
}

/// One entry whose years the era lexicon narrows.
#[derive(Debug, Clone, Serialize)]
pub struct EraFix {
    pub id: String,
    pub file: PathBuf,
    pub line: usize,
    pub need: EraNeed,
}

/// Every entry whose written years overreach the era of its terms; with `write`, the ones that can
/// be fixed get the years that fit, in place (a text edit under the file's lock, like `retire`).
pub fn era_fixes(dir: &Path, write: bool) -> Result<Vec<EraFix>> {
    let sc = scan_dir(dir)?;
    let mut out = Vec::new();
    for p in &sc.phrases {
        if let Some(need) = era_need(&p.text, &p.years) {
            out.push(EraFix {
                id: p.id.to_string(),
                file: p.file.to_path_buf(),
                line: p.line,
                need,
            });
        }
    }
    if !write {
        return Ok(out);
    }
    let mut files: Vec<PathBuf> = out.iter().map(|f| f.file.clone()).collect();
    files.sort();
    files.dedup();
    for file in files {
        let fixes: Vec<(&str, &str)> = out
            .iter()
            .filter(|f| f.file == file)
            .filter_map(|f| Some((f.id.as_str(), f.need.fit.as_deref()?)))
            .collect();
        locked_edit(dir, &file, |before| {
            let old = parse_raw(&file, before)?;
            let mut text = before.to_string();
            let mut want = old.clone();
            for (id, years) in &fixes {
                let Some(idx) = old.entries.iter().position(|e| e.id == *id) else {
                    continue;
                };
                text = set_entry_key(&text, idx, "years", &format!("\"{years}\""))?;
                want.entries[idx].years = Some(crate::spec::Text((*years).to_string()));
            }
            let parsed = parse_raw(&file, &text)?;
            if parsed != want {
                return Err(Error::Usage(format!(
                    "cannot set years by a text edit of `{}` (an unusual layout); set them by hand",
                    file.display()
                )));
            }
            Ok((text, ()))
        })?;
    }
    Ok(out)
}
