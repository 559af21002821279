//! The compact binary form of a loaded phrasebank: what the load cache stores on disk
//! (`cache.rs`) and what the build script embeds in the binary (`embedded.rs`). Reading it parses
//! no YAML, and entries a draft cannot use are skipped without being decoded.
//!
//! The layout: MAGIC, the file table, the themes, the topic map's two pair indexes (sorted, so
//! that reading the map sorts nothing), the names of themes and sub-topics the phrases use, the
//! selection index, the phrases (naming them by number); last, a CRC-32 of all that. A number is
//! written in groups of seven bits, low group first, one byte each (a u32 in five bytes, a u64 in
//! ten), a text as its length and its UTF-8 bytes, an optional year as a flag byte (0 or 1) and
//! a number. Every byte that is not a text's is ASCII, so the whole form is UTF-8: the built-in
//! phrasebank is included with `include_str!` (checked once, by the compiler) and its texts are
//! sliced out of it in place, with no check of their bytes at run time. Also compiled into the
//! build script (`build.rs`).
//!
//! Two ways to read the phrases, with the same result (a test holds them to each other):
//!
//! - **the built-in phrasebank**, in memory, goes through the selection index — where each
//!   record starts, the curated entries every selection keeps, and each name's entries (as a
//!   theme, apart for the roles a point draws by sub-topic, and as a sub-topic) — and reads only
//!   the ~1,100 records of the ~7,300 that a spec's themes and sub-topics can use;
//! - **a cache file**, read as a stream, walks every record and passes over one left out in a
//!   single step (each record says its length after what a selection is decided on).

use std::path::Path;

use super::{Phrase, PhraseText, Phrasebank, Role, Selection, Status, Theme, Years};
use crate::spec::Kind;

/// Bumped whenever the layout below changes.
pub(crate) const MAGIC: &[u8; 8] = b"wgpb0010";

struct Out(Vec<u8>);

impl Out {
    fn u32(&mut self, n: usize) {
        self.0.extend_from_slice(&seven::<U32>(n as u64));
    }
    fn u64(&mut self, n: u64) {
        self.0.extend_from_slice(&seven::<U64>(n));
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn year(&mut self, y: Option<i32>) {
        self.0.push(u8::from(y.is_some()));
        self.u32(y.unwrap_or(0) as u32 as usize);
    }
}

/// The bytes of a u32 and of a u64 in groups of seven bits.
const U32: usize = 5;
const U64: usize = 10;

/// `n` in `N` groups of seven bits, low group first: bytes below 0x80.
fn seven<const N: usize>(n: u64) -> [u8; N] {
    std::array::from_fn(|k| ((n >> (7 * k)) & 0x7f) as u8)
}

/// The 35 bits five bytes hold in groups of seven; None when a byte is not ASCII.
fn unseven35(b: &[u8]) -> Option<u64> {
    let [b0, b1, b2, b3, b4]: [u8; 5] = b.try_into().ok()?;
    if (b0 | b1 | b2 | b3 | b4) & 0x80 != 0 {
        return None;
    }
    let n = |x: u8, k: u32| u64::from(x) << (7 * k);
    Some(n(b0, 0) | n(b1, 1) | n(b2, 2) | n(b3, 3) | n(b4, 4))
}

/// A u32 in groups of seven bits (five bytes); None when it is not one.
fn unseven32(b: &[u8]) -> Option<u32> {
    u32::try_from(unseven35(b)?).ok()
}

/// A u64 in groups of seven bits (ten bytes); None when it is not one.
fn unseven64(b: &[u8]) -> Option<u64> {
    let (lo, hi) = (unseven35(b.get(..U32)?)?, unseven35(b.get(U32..U64)?)?);
    (hi >> (64 - 35) == 0 && b.len() == U64).then_some(lo | hi << 35)
}

/// A reader of the layout, from a file or from bytes, through its own 32 KB window (the
/// numbers are read from the window, not through `Read` calls); it never reads past the
/// `left` bytes the source has (a damaged length cannot make it allocate more than the file
/// holds).
struct In<R: std::io::Read> {
    r: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    left: u64,
}

impl<R: std::io::Read> In<R> {
    fn new(r: R, left: u64) -> Self {
        In {
            r,
            buf: vec![0; 32 * 1024],
            pos: 0,
            end: 0,
            left,
        }
    }
    /// At least `n` (no more than the window) bytes in the window.
    fn fill(&mut self, n: usize) -> Option<()> {
        if self.end - self.pos >= n {
            return Some(());
        }
        if n > self.buf.len() {
            return None;
        }
        self.buf.copy_within(self.pos..self.end, 0);
        self.end -= self.pos;
        self.pos = 0;
        while self.end < n {
            match self.r.read(&mut self.buf[self.end..]) {
                Ok(0) => return None,
                Ok(k) => self.end += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        Some(())
    }
}

/// What the decoder reads the layout with: a file through a window ([`In`]), or bytes in
/// memory ([`Slice`], the built-in phrasebank: nothing is copied but the strings kept).
trait Src {
    fn bytes<const N: usize>(&mut self) -> Option<[u8; N]>;
    fn str(&mut self) -> Option<String>;
    /// An entry's own text (its id, text, source): borrowed from the built-in phrasebank,
    /// copied from anything else.
    fn text(&mut self) -> Option<PhraseText> {
        self.str().map(PhraseText::from)
    }
    /// Pass over `n` bytes.
    fn skip(&mut self, n: usize) -> Option<()>;
    fn skip_str(&mut self) -> Option<()> {
        let n = self.u32()?;
        self.skip(n)
    }
    /// Where the reader is, when it reads bytes in memory (which can be read again at any
    /// position); None for a stream.
    fn pos(&self) -> Option<usize> {
        None
    }

    /// Whether every byte has been read (a longer file is not what was written).
    fn at_end(&self) -> bool;
    fn u8(&mut self) -> Option<u8> {
        Some(self.bytes::<1>()?[0])
    }
    fn u32(&mut self) -> Option<usize> {
        unseven32(&self.bytes::<U32>()?).map(|n| n as usize)
    }
    fn year(&mut self) -> Option<Option<i32>> {
        let some = match self.u8()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        let y = self.u32()? as u32 as i32;
        Some(some.then_some(y))
    }
}

impl<R: std::io::Read> Src for In<R> {
    fn at_end(&self) -> bool {
        self.left == 0
    }
    fn bytes<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.left = self.left.checked_sub(N as u64)?;
        self.fill(N)?;
        let b: [u8; N] = self.buf[self.pos..self.pos + N].try_into().ok()?;
        self.pos += N;
        Some(b)
    }
    fn str(&mut self) -> Option<String> {
        let n = self.u32()?;
        self.left = self.left.checked_sub(n as u64)?;
        let v = if n <= self.buf.len() {
            self.fill(n)?;
            let v = self.buf[self.pos..self.pos + n].to_vec();
            self.pos += n;
            v
        } else {
            let mut v = self.buf[self.pos..self.end].to_vec();
            self.pos = self.end;
            let have = v.len();
            v.resize(n, 0);
            self.r.read_exact(&mut v[have..]).ok()?;
            v
        };
        String::from_utf8(v).ok()
    }
    fn skip(&mut self, n: usize) -> Option<()> {
        self.left = self.left.checked_sub(n as u64)?;
        if self.end - self.pos >= n {
            self.pos += n;
            return Some(());
        }
        let rest = (n - (self.end - self.pos)) as u64;
        self.pos = self.end;
        let skipped = std::io::copy(
            &mut std::io::Read::take(&mut self.r, rest),
            &mut std::io::sink(),
        )
        .ok()?;
        (skipped == rest).then_some(())
    }
}

/// Bytes in memory, read in place; `text` is the same bytes as a `str` when they are known to
/// be UTF-8 (the built-in phrasebank): then a text is sliced out of it without checking its
/// bytes again.
struct Slice<'a> {
    b: &'a [u8],
    text: Option<&'a str>,
    /// The same bytes as `text`, when they are the binary's own (the built-in phrasebank):
    /// an entry's texts are then borrowed from them, not copied.
    shipped: Option<&'static str>,
    pos: usize,
}

impl<'a> Slice<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.b.len())?;
        let out = &self.b[self.pos..end];
        self.pos = end;
        Some(out)
    }
}

impl Src for Slice<'_> {
    fn at_end(&self) -> bool {
        self.pos == self.b.len()
    }
    fn bytes<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }
    fn str(&mut self) -> Option<String> {
        let n = self.u32()?;
        let at = self.pos;
        let bytes = self.take(n)?;
        match self.text {
            // A text of a form that is UTF-8 as a whole: its ends are checked to fall between
            // characters, which makes it UTF-8 too.
            Some(t) => t.get(at..at + n).map(str::to_owned),
            None => std::str::from_utf8(bytes).ok().map(str::to_owned),
        }
    }
    fn text(&mut self) -> Option<PhraseText> {
        let Some(t) = self.shipped else {
            return self.str().map(PhraseText::from);
        };
        let n = self.u32()?;
        let at = self.pos;
        self.take(n)?;
        t.get(at..at + n).map(PhraseText::shipped)
    }
    fn skip(&mut self, n: usize) -> Option<()> {
        self.take(n).map(|_| ())
    }
    fn pos(&self) -> Option<usize> {
        Some(self.pos)
    }
}

const STATUSES: [Status; 3] = [Status::Curated, Status::Candidate, Status::Retired];

/// A stored month: 0 for an open end, else its index plus one.
fn month(n: usize) -> Option<crate::lexicon::YearMonth> {
    (n > 0).then(|| crate::lexicon::YearMonth::from_index(n as u32 - 1))
}

pub(crate) fn encode(pb: &Phrasebank) -> Vec<u8> {
    let mut files: Vec<&Path> = Vec::new();
    fn file_of<'p>(files: &mut Vec<&'p Path>, p: &'p Path) -> usize {
        match files.iter().position(|f| *f == p) {
            Some(i) => i,
            None => {
                files.push(p);
                files.len() - 1
            }
        }
    }
    let themes: Vec<(usize, &Theme)> = pb
        .themes
        .iter()
        .map(|t| (file_of(&mut files, &t.file), t))
        .collect();
    let phrases: Vec<(usize, &Phrase)> = pb
        .phrases
        .iter()
        .map(|p| (file_of(&mut files, &p.file), p))
        .collect();
    let mut o = Out(MAGIC.to_vec());
    o.u32(files.len());
    for f in &files {
        o.str(&f.to_string_lossy());
    }
    encode_themes(&mut o, themes);
    // The topic map's pair indexes (sorted: building them is most of building the map).
    encode_topic_map(&mut o, pb);
    // The theme and sub-topic names the entries use, once: an entry refers to them by
    // number, so deciding whether to keep it allocates nothing.
    let mut names: Vec<&str> = pb
        .phrases
        .iter()
        .flat_map(|p| p.themes.iter().chain(&p.topics))
        .map(PhraseText::as_str)
        .collect();
    names.sort_unstable();
    names.dedup();
    o.u32(names.len());
    for n in &names {
        o.str(n);
    }
    let records = encode_records(&phrases, &names);
    let ix = selection_index(&records, &phrases, &names);
    o.u32(ix.0.len());
    o.0.extend_from_slice(&ix.0);
    o.u32(records.len());
    for r in &records {
        o.0.extend_from_slice(r);
    }
    let sum = crc32fast::hash(&o.0);
    o.u32(sum as usize);
    o.0
}

/// Write the themes, each with its file's number and its sub-topics.
fn encode_themes(o: &mut Out, themes: Vec<(usize, &Theme)>) {
    o.u32(themes.len());
    for (f, t) in themes {
        o.str(&t.name);
        o.str(&t.description);
        o.u32(f);
        o.u32(t.topics.len());
        for st in &t.topics {
            o.str(&st.name);
            o.u32(st.words.len());
            for w in &st.words {
                o.str(w);
            }
            o.u32(st.units.len());
            for w in &st.units {
                o.str(w);
            }
            o.year(st.years.from);
            o.year(st.years.to);
            o.u32(st.kinds.len());
            for k in &st.kinds {
                o.u32(Kind::ALL.iter().position(|x| x == k).unwrap_or(0));
            }
        }
    }
}

/// Write the topic map's two pair indexes as they are.
fn encode_topic_map(o: &mut Out, pb: &Phrasebank) {
    let (first_pair, pair_topics) = pb.topic_map.indexes();
    o.u32(first_pair.len());
    for &(pair, t, k) in first_pair {
        o.u64(pair);
        o.u32(t as usize);
        o.u32(k as usize);
    }
    o.u32(pair_topics.len());
    for &(pair, t) in pair_topics {
        o.u64(pair);
        o.u32(t as usize);
    }
}

/// Encode each phrase as a record, naming its themes and sub-topics by their number in `names`.
fn encode_records(phrases: &[(usize, &Phrase)], names: &[&str]) -> Vec<Vec<u8>> {
    let name_of = |n: &str| names.binary_search(&n).unwrap_or(0);
    // Each record: what a selection is decided on (status, role, themes, sub-topics), then the
    // length of the rest, so that a record left out is passed over in one step.
    phrases
        .iter()
        .map(|&(f, p)| {
            let mut r = Out(Vec::new());
            r.u32(STATUSES.iter().position(|s| *s == p.status).unwrap_or(0));
            r.u32(Role::ALL.iter().position(|x| *x == p.role).unwrap_or(0));
            r.u32(p.themes.len());
            for t in &p.themes {
                r.u32(name_of(t));
            }
            r.u32(p.topics.len());
            for t in &p.topics {
                r.u32(name_of(t));
            }
            let mut rest = Out(Vec::new());
            rest.str(&p.id);
            rest.str(&p.text);
            rest.u32(p.kinds.len());
            for k in &p.kinds {
                rest.u32(Kind::ALL.iter().position(|x| x == k).unwrap_or(0));
            }
            rest.year(p.years.from);
            rest.year(p.years.to);
            rest.u32(p.live.from.map_or(0, |m| m.index() as usize + 1));
            rest.u32(p.live.until.map_or(0, |m| m.index() as usize + 1));
            rest.u32(p.weight as usize);
            rest.str(&p.source);
            rest.u32(f);
            rest.u32(p.line);
            r.u32(rest.0.len());
            r.0.extend_from_slice(&rest.0);
            r.0
        })
        .collect()
}

/// Build the selection index block (without its length prefix) for the encoded `records`.
fn selection_index(records: &[Vec<u8>], phrases: &[(usize, &Phrase)], names: &[&str]) -> Out {
    let name_of = |n: &str| names.binary_search(&n).unwrap_or(0);
    // The selection index, one length-prefixed block (a stream passes over it): where each
    // record starts (from the first record), the curated entries every selection keeps, and
    // for each name the curated entries of a theme role tagged with it as theme (those of the
    // roles a point draws by sub-topic apart) and as sub-topic. A reader of bytes in memory
    // decodes only the records a selection keeps.
    let mut ix = Out(Vec::new());
    ix.u32(records.len());
    let mut at = 0;
    for r in records {
        ix.u32(at);
        at += r.len();
    }
    let mut always = Vec::new();
    let (mut by_theme, mut drawn_by_theme, mut by_topic) = (
        vec![Vec::new(); names.len()],
        vec![Vec::new(); names.len()],
        vec![Vec::new(); names.len()],
    );
    for (k, (_, p)) in phrases.iter().enumerate() {
        if p.status != Status::Curated {
            continue;
        }
        if !p.role.is_theme_role() || p.themes.is_empty() {
            always.push(k);
            continue;
        }
        let themes = if p.role.drawn_by_topic() {
            &mut drawn_by_theme
        } else {
            &mut by_theme
        };
        for (list, tags) in [(themes, &p.themes), (&mut by_topic, &p.topics)] {
            for t in tags {
                let v: &mut Vec<usize> = &mut list[name_of(t)];
                if v.last() != Some(&k) {
                    v.push(k);
                }
            }
        }
    }
    for list in std::iter::once(&always)
        .chain(&by_theme)
        .chain(&drawn_by_theme)
        .chain(&by_topic)
    {
        ix.u32(list.len());
        for &k in list {
            ix.u32(k);
        }
    }
    ix
}

/// The selection part of a record: status, role, and the names of its themes and sub-topics
/// (into `theme_ix` and `topic_ix`), each checked against the `names` there are.
fn record_header(
    i: &mut impl Src,
    names: usize,
    theme_ix: &mut Vec<usize>,
    topic_ix: &mut Vec<usize>,
) -> Option<(Status, Role)> {
    let status = *STATUSES.get(i.u32()?)?;
    let role = *Role::ALL.get(i.u32()?)?;
    for ix in [theme_ix, topic_ix] {
        ix.clear();
        for _ in 0..i.u32()? {
            let k = i.u32()?;
            (k < names).then_some(())?;
            ix.push(k);
        }
    }
    Some((status, role))
}

/// The rest of a record, after [`record_header`]: the entry.
fn record_body(
    i: &mut impl Src,
    (status, role): (Status, Role),
    (theme_ix, topic_ix): (&[usize], &[usize]),
    names: &[PhraseText],
    files: &[std::sync::Arc<Path>],
) -> Option<Phrase> {
    i.u32()?; // the record's length
    Some(Phrase {
        id: i.text()?,
        role,
        text: i.text()?,
        themes: theme_ix.iter().map(|&k| names[k].clone()).collect(),
        topics: topic_ix.iter().map(|&k| names[k].clone()).collect(),
        kinds: (0..i.u32()?)
            .map(|_| Kind::ALL.get(i.u32()?).copied())
            .collect::<Option<_>>()?,
        years: Years {
            from: i.year()?,
            to: i.year()?,
        },
        live: crate::lexicon::Span {
            from: month(i.u32()?),
            until: month(i.u32()?),
        },
        weight: i.u32()? as u32,
        source: i.text()?,
        status,
        file: files.get(i.u32()?)?.clone(),
        line: i.u32()?,
    })
}

/// Decode the layout from `i`; `memory` is all of it when it is in memory (`i` reads it from
/// the start), so that only the records a selection keeps are read (with the same bytes as a
/// `str` when they are UTF-8 as a whole).
fn decode_from<S: Src>(
    mut i: S,
    memory: Option<(&[u8], Option<&str>, Option<&'static str>)>,
    statics: Option<crate::topic::StaticIndexes>,
    dir: &Path,
    select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
) -> Option<Phrasebank> {
    if &i.bytes::<8>()? != MAGIC {
        return None;
    }
    let files: Vec<std::sync::Arc<Path>> = (0..i.u32()?)
        .map(|_| i.str().map(|s| Path::new(&s).into()))
        .collect::<Option<_>>()?;
    let themes = decode_themes(&mut i, &files)?;
    // The topic map is built once: the selection resolves the spec's points with it, and
    // the phrasebank keeps it.
    let topic_map = decode_topic_map(&mut i, &themes, statics)?;
    let chosen = select(&themes, &topic_map);
    let n_names = i.u32()?;
    let names: Vec<PhraseText> = (0..n_names.min(1 << 20))
        .map(|_| i.text())
        .collect::<Option<_>>()?;
    // Which names the selection wants, worked out once (not once an entry): as a theme, as a
    // theme of the roles a point draws by sub-topic, as a sub-topic.
    let wants: Wants = match &chosen {
        None => Wants {
            theme: vec![true; names.len()],
            drawn: vec![true; names.len()],
            topic: vec![true; names.len()],
        },
        Some(c) => Wants {
            theme: names.iter().map(|n| c.wants_theme(n)).collect(),
            drawn: names
                .iter()
                .map(|n| c.wants_theme_for(n, Role::Measure))
                .collect(),
            topic: names
                .iter()
                .map(|n| c.topics.iter().any(|t| *t == **n))
                .collect(),
        },
    };
    // The selection index: used when the bytes are in memory and the selection names its
    // themes (a spec that did not parse keeps every curated entry: then every record is read).
    let index_at = i.pos();
    i.skip_str()?;
    let n = i.u32()?;
    let records_at = i.pos();
    let indexed = match (&chosen, memory, index_at, records_at) {
        (Some(c), Some(bytes), Some(ix), Some(rec)) if c.themes.is_some() => Some((bytes, ix, rec)),
        _ => None,
    };
    let phrases = if let Some((bytes, ix, rec)) = indexed {
        read_indexed(bytes, ix, rec, &wants, &names, &files)?
    } else {
        read_streamed(&mut i, n, chosen.as_ref(), &wants, &names, &files)?
    };
    if indexed.is_none() && !i.at_end() {
        return None;
    }
    let mut pb = Phrasebank {
        phrases,
        themes,
        dir: dir.to_path_buf(),
        topic_map,
        ..Default::default()
    };
    pb.index();
    Some(pb)
}

/// Read the themes and their sub-topics, naming their files from `files`.
fn decode_themes(i: &mut impl Src, files: &[std::sync::Arc<Path>]) -> Option<Vec<Theme>> {
    (0..i.u32()?)
        .map(|_| {
            let name = i.text()?;
            let description = i.str()?;
            let file = files.get(i.u32()?)?.to_path_buf();
            let topics = (0..i.u32()?)
                .map(|_| {
                    Some(crate::topic::SubTopic {
                        name: i.text()?,
                        theme: name.clone(),
                        words: (0..i.u32()?).map(|_| i.text()).collect::<Option<_>>()?,
                        units: (0..i.u32()?).map(|_| i.text()).collect::<Option<_>>()?,
                        years: Years {
                            from: i.year()?,
                            to: i.year()?,
                        },
                        kinds: (0..i.u32()?)
                            .map(|_| Kind::ALL.get(i.u32()?).copied())
                            .collect::<Option<_>>()?,
                    })
                })
                .collect::<Option<_>>()?;
            Some(Theme {
                name: name.into(),
                description,
                file,
                topics,
            })
        })
        .collect::<Option<_>>()
}

/// Read the topic map's two pair indexes and build the map over the themes' sub-topics; with
/// `statics` (the shipped phrasebank's, compiled in), the stored rows are passed over.
fn decode_topic_map(
    i: &mut impl Src,
    themes: &[Theme],
    statics: Option<crate::topic::StaticIndexes>,
) -> Option<crate::topic::TopicMap> {
    let topics = || -> Vec<crate::topic::SubTopic> {
        themes
            .iter()
            .flat_map(|t| t.topics.iter().cloned())
            .collect()
    };
    if let Some((first_pair, pair_topics)) = statics {
        let n = i.u32()?;
        i.skip(n.checked_mul(U64 + 2 * U32)?)?;
        let m = i.u32()?;
        i.skip(m.checked_mul(U64 + U32)?)?;
        // The arrays are the rows the build stored: as many.
        if n != first_pair.len() || m != pair_topics.len() {
            return None;
        }
        return Some(crate::topic::TopicMap::with_static_indexes(
            topics(),
            (first_pair, pair_topics),
        ));
    }
    // Tens of thousands of rows: read into vectors of their size (not grown row by row).
    let n = i.u32()?;
    let mut first_pair = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let row: [u8; U64 + 2 * U32] = i.bytes()?;
        first_pair.push((
            unseven64(&row[..U64])?,
            unseven32(&row[U64..U64 + U32])?,
            unseven32(&row[U64 + U32..])?,
        ));
    }
    let n = i.u32()?;
    let mut pair_topics = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let row: [u8; U64 + U32] = i.bytes()?;
        pair_topics.push((unseven64(&row[..U64])?, unseven32(&row[U64..])?));
    }
    crate::topic::TopicMap::with_indexes(topics(), (first_pair, pair_topics))
}

/// Which names a selection wants, by number: as a theme (of the roles a point does not draw by
/// sub-topic), as a theme of those it does, as a sub-topic.
struct Wants {
    theme: Vec<bool>,
    drawn: Vec<bool>,
    topic: Vec<bool>,
}

/// Read, through the selection index at `ix` in `bytes`, only the records the wanted names
/// keep (records start at `rec`); `text` is `bytes` as a `str` when they are UTF-8 as a whole,
/// `shipped` the same when they are the binary's own.
fn read_indexed(
    (bytes, text, shipped): (&[u8], Option<&str>, Option<&'static str>),
    ix: usize,
    rec: usize,
    wants: &Wants,
    names: &[PhraseText],
    files: &[std::sync::Arc<Path>],
) -> Option<Vec<Phrase>> {
    let (mut theme_ix, mut topic_ix): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    // The records the selection keeps, in phrasebank order, read where they are.
    let mut x = Slice {
        b: bytes,
        text: None,
        shipped: None,
        pos: ix,
    };
    x.u32()?;
    let count = x.u32()?;
    let offsets = x.take(count.checked_mul(U32)?)?;
    // The records kept, as bits by record number: read in order, each once, without a sort.
    let mut kept = vec![0u64; count.div_ceil(64)];
    let mut n_kept = 0;
    let mut list = |x: &mut Slice<'_>, wanted: bool| -> Option<()> {
        let len = x.u32()?;
        let ks = x.take(len.checked_mul(U32)?)?;
        if wanted {
            for b in ks.chunks_exact(U32) {
                let k = unseven32(b)? as usize;
                let word = kept.get_mut(k / 64)?;
                n_kept += usize::from(*word & (1 << (k % 64)) == 0);
                *word |= 1 << (k % 64);
            }
        }
        Some(())
    };
    list(&mut x, true)?;
    for &w in wants.theme.iter().chain(&wants.drawn).chain(&wants.topic) {
        list(&mut x, w)?;
    }
    let mut phrases = Vec::with_capacity(n_kept);
    let kept = kept.iter().enumerate().flat_map(|(w, &bits)| {
        (0..64)
            .filter(move |b| bits & (1 << b) != 0)
            .map(move |b| w * 64 + b)
    });
    for k in kept {
        let at = unseven32(offsets.get(U32 * k..U32 * k + U32)?)? as usize;
        let mut r = Slice {
            b: bytes,
            text,
            shipped,
            pos: rec.checked_add(at)?,
        };
        let head = record_header(&mut r, names.len(), &mut theme_ix, &mut topic_ix)?;
        phrases.push(record_body(
            &mut r,
            head,
            (&theme_ix, &topic_ix),
            names,
            files,
        )?);
    }
    Some(phrases)
}

/// Walk all `n` records of `i`, decoding those the selection keeps and passing over the rest.
fn read_streamed(
    i: &mut impl Src,
    n: usize,
    chosen: Option<&Selection>,
    wants: &Wants,
    names: &[PhraseText],
    files: &[std::sync::Arc<Path>],
) -> Option<Vec<Phrase>> {
    let (mut theme_ix, mut topic_ix): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut phrases = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let (status, role) = record_header(i, names.len(), &mut theme_ix, &mut topic_ix)?;
        let kept = match chosen {
            None => true,
            Some(c) => c.keeps_by(
                status,
                role,
                theme_ix.is_empty(),
                theme_ix.iter().any(|&k| {
                    if role.drawn_by_topic() {
                        wants.drawn[k]
                    } else {
                        wants.theme[k]
                    }
                }),
                topic_ix.iter().any(|&k| wants.topic[k]),
            ),
        };
        if kept {
            phrases.push(record_body(
                i,
                (status, role),
                (&theme_ix, &topic_ix),
                names,
                files,
            )?);
        } else {
            let len = i.u32()?;
            i.skip(len)?;
        }
    }
    Some(phrases)
}

/// A reader that feeds every byte it passes through a CRC-32.
struct Summed<'h, R> {
    r: R,
    h: &'h mut crc32fast::Hasher,
}

impl<R: std::io::Read> std::io::Read for Summed<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.r.read(buf)?;
        self.h.update(&buf[..n]);
        Ok(n)
    }
}

/// Why a compact phrasebank was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unread {
    /// It does not decode (damaged, cut short, or of another layout).
    Damaged,
    /// It decodes but does not match its checksum.
    Checksum,
}

/// Decode `len` bytes of `r`: the body, then the CRC-32 of the body (a u32 in seven-bit groups).
/// A body that decodes but does not match its checksum is refused (a corrupted but
/// well-formed cache would otherwise change the words of a draft).
pub(crate) fn decode_checked<R: std::io::Read>(
    mut r: R,
    len: u64,
    dir: &Path,
    select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
) -> Result<Phrasebank, Unread> {
    let body = len.checked_sub(U32 as u64).ok_or(Unread::Damaged)?;
    let mut h = crc32fast::Hasher::new();
    let summed = Summed {
        r: std::io::Read::take(&mut r, body),
        h: &mut h,
    };
    let pb = decode_from(In::new(summed, body), None, None, dir, select).ok_or(Unread::Damaged)?;
    let mut sum = [0u8; U32];
    std::io::Read::read_exact(&mut r, &mut sum).map_err(|_| Unread::Damaged)?;
    if Some(h.finalize()) != unseven32(&sum) {
        return Err(Unread::Checksum);
    }
    Ok(pb)
}

/// Decode a form that cannot have changed since it was written (the phrasebank compiled into
/// the binary, included as a `str`): the checksum is not computed, and the texts are sliced
/// out of `form` without checking their bytes.
pub(crate) fn decode_trusted(
    form: &'static str,
    statics: Option<crate::topic::StaticIndexes>,
    dir: &Path,
    select: &mut dyn FnMut(&[Theme], &crate::topic::TopicMap) -> Option<Selection>,
) -> Option<Phrasebank> {
    let body = form.get(..form.len().checked_sub(U32)?)?;
    let slice = Slice {
        b: body.as_bytes(),
        text: Some(body),
        shipped: Some(body),
        pos: 0,
    };
    decode_from(
        slice,
        Some((body.as_bytes(), Some(body), Some(body))),
        statics,
        dir,
        select,
    )
}

#[cfg(test)]
#[path = "compact_tests.rs"]
mod tests;
