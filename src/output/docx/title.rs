//! The title's line breaks. A title too long for one line is broken at word boundaries (jieba's
//! segmentation, never inside a word, a number with its unit or a bracket) into the fewest lines
//! that make a trapezoid or a diamond (GB/T 9704 7.3.3: 标题回行时，要做到词意完整，排列对称，
//! 长短适宜，间距恰当，标题排列应当使用梯形或菱形): two lines of different lengths, or three and
//! more whose lengths rise and then fall, never a rectangle or an hourglass. Among those, the
//! most even one wins, with a preference for breaking before a conjunction (暨, 和, 及, 与, 并)
//! and against leaving a particle (的) at a line's edge or a line of fewer than three characters.

use std::sync::OnceLock;

use jieba_rs::Jieba;

use super::metrics::title_units as units;

/// Short names of meetings that jieba's dictionary splits (全体 / 会): one word each in a title.
const MEETING_WORDS: &[&str] = &[
    "全体会",
    "常务会",
    "推进会",
    "工作会",
    "座谈会",
    "动员会",
    "部署会",
    "调度会",
    "现场会",
    "观摩会",
    "务虚会",
    "总结会",
    "表彰会",
    "培训会",
    "电视电话会",
];

/// The jieba dictionary with [`MEETING_WORDS`], loaded the first time a title needs breaking (a
/// title that fits on one line never loads it).
fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(|| {
        let mut j = Jieba::new();
        for w in MEETING_WORDS {
            j.add_word(w, None, None);
        }
        j
    })
}

/// The words of a title, by jieba (with its HMM for words not in the dictionary).
fn words(title: &str) -> Vec<&str> {
    jieba()
        .cut(title, true)
        .into_iter()
        .map(|t| t.word)
        .collect()
}

/// The lines of a title whose lines hold `max_units` half-width units (a Han character is two).
/// A title that fits is one line; one that cannot be broken to fit is returned as laid out by
/// the word processor (one line, wrapped by it).
pub(super) fn title_lines(title: &str, max_units: usize) -> Vec<String> {
    if units(title) <= max_units || max_units == 0 {
        return vec![title.to_string()];
    }
    let words = words(title);
    let breaks = break_points(&words);
    let fewest = units(title).div_ceil(max_units).max(2);
    if fewest > MAX_LINES {
        // Not a title a meeting has: fill the lines, still at word boundaries.
        return greedy(title, &breaks, max_units);
    }
    for n in fewest..=(fewest + 2).min(MAX_LINES) {
        if n - 1 > breaks.len() {
            break;
        }
        let mut search = Search {
            title,
            breaks: &breaks,
            max_units,
            chosen: Vec::with_capacity(n - 1),
            best: None,
            budget: MAX_TRIALS,
        };
        search.run(0, n - 1);
        if let Some((_, cuts)) = search.best {
            return split_at(title, &cuts);
        }
    }
    greedy(title, &breaks, max_units)
}

/// The most lines a title is shaped into; a longer one (only a spec's runaway meeting name makes
/// one) is filled line by line.
const MAX_LINES: usize = 4;
/// The most ways of breaking a title that are weighed (a four-line title of short words has a few
/// tens of thousands); the cheapest found so far is taken when they run out.
const MAX_TRIALS: usize = 200_000;

/// Lines filled as far as they go, breaking at the last break point that fits (or, for a word
/// longer than a line, the first after it).
fn greedy(title: &str, breaks: &[usize], max_units: usize) -> Vec<String> {
    let mut cuts = Vec::new();
    let mut start = 0;
    let mut last_fit: Option<usize> = None;
    for &b in breaks {
        if units(&title[start..b]) <= max_units {
            last_fit = Some(b);
            continue;
        }
        let cut = last_fit.unwrap_or(b);
        cuts.push(cut);
        start = cut;
        if cut < b && units(&title[start..b]) > max_units {
            // A word longer than a line: a line of its own.
            cuts.push(b);
            start = b;
        }
        last_fit = (start < b).then_some(b);
    }
    if let Some(b) = last_fit
        && units(&title[start..]) > max_units
    {
        cuts.push(b);
    }
    split_at(title, &cuts)
}

/// Byte offsets where a line may break: between two words, except inside brackets or quotes,
/// before a closing mark or after an opening one, between two ASCII letters or digits, and
/// between a number and its unit (2024年, 3个).
fn break_points(words: &[&str]) -> Vec<usize> {
    const OPEN: &str = "（(“‘《〈【「";
    const CLOSE_BRACKET: &str = "）)”’》〉】」";
    const NO_BREAK_BEFORE: &str = "）)”’》〉】」、，。：；！？";
    const UNITS: &str = "年月日届次个项周号";
    let mut out = Vec::new();
    let mut at = 0;
    let mut depth = 0i32;
    for pair in words.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        at += a.len();
        for c in a.chars() {
            if OPEN.contains(c) {
                depth += 1;
            } else if CLOSE_BRACKET.contains(c) {
                depth -= 1;
            }
        }
        let (Some(last), Some(next)) = (a.chars().last(), b.chars().next()) else {
            continue;
        };
        let glued = depth > 0
            || OPEN.contains(last)
            || NO_BREAK_BEFORE.contains(next)
            || (last.is_ascii_alphanumeric() && next.is_ascii_alphanumeric())
            || (last.is_ascii_digit() && UNITS.contains(next));
        if !glued {
            out.push(at);
        }
    }
    out
}

/// Words that join two meetings or two subjects: a line is best begun with one, never ended.
const CONJUNCTIONS: [char; 5] = ['暨', '和', '及', '与', '并'];

/// The search for the cheapest breaks into a given number of lines.
struct Search<'a> {
    title: &'a str,
    breaks: &'a [usize],
    max_units: usize,
    /// The cuts chosen so far, in order.
    chosen: Vec<usize>,
    /// The cheapest valid cuts found, with their cost.
    best: Option<(i64, Vec<usize>)>,
    /// How many more complete choices may be weighed.
    budget: usize,
}

impl Search<'_> {
    /// Try every choice of `left` more cuts after `breaks[from..]`, keeping the cheapest valid one.
    fn run(&mut self, from: usize, left: usize) {
        if left == 0 {
            self.budget = self.budget.saturating_sub(1);
            if let Some(cost) = cost(self.title, &self.chosen, self.max_units)
                && self.best.as_ref().is_none_or(|(c, _)| cost < *c)
            {
                self.best = Some((cost, self.chosen.clone()));
            }
            return;
        }
        for i in from..self.breaks.len() {
            if self.budget == 0 {
                return;
            }
            // The line so far must fit: later cuts only make it longer.
            let start = self.chosen.last().copied().unwrap_or(0);
            if units(&self.title[start..self.breaks[i]]) > self.max_units {
                break;
            }
            self.chosen.push(self.breaks[i]);
            self.run(i + 1, left - 1);
            self.chosen.pop();
        }
    }
}

fn split_at(title: &str, cuts: &[usize]) -> Vec<String> {
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &c in cuts.iter().chain(std::iter::once(&title.len())) {
        out.push(title[start..c].to_string());
        start = c;
    }
    out
}

/// The cost of breaking at `cuts`, or None when a line does not fit or the shape is neither a
/// trapezoid nor a diamond.
fn cost(title: &str, cuts: &[usize], max_units: usize) -> Option<i64> {
    let lines = split_at(title, cuts);
    let widths: Vec<i64> = lines.iter().map(|l| units(l) as i64).collect();
    if widths.iter().any(|&w| w as usize > max_units) || !trapezoid_or_diamond(&widths) {
        return None;
    }
    let spread = widths.iter().max()? - widths.iter().min()?;
    let mut cost = spread;
    for (i, line) in lines.iter().enumerate() {
        if units(line) < 6 {
            cost += 20;
        }
        if line.ends_with('的') || (i > 0 && line.starts_with('的')) {
            cost += 12;
        }
        if i > 0 && line.starts_with(CONJUNCTIONS) {
            cost -= 16;
        }
        if i + 1 < lines.len() && line.ends_with(CONJUNCTIONS) {
            cost += 12;
        }
    }
    Some(cost)
}

/// Two or more lines, not all of one length, whose lengths never fall and then rise again.
fn trapezoid_or_diamond(widths: &[i64]) -> bool {
    if widths.len() < 2 || widths.iter().all(|&w| w == widths[0]) {
        return false;
    }
    let mut falling = false;
    for pair in widths.windows(2) {
        if pair[1] < pair[0] {
            falling = true;
        } else if pair[1] > pair[0] && falling {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_title_is_one_line() {
        assert_eq!(
            title_lines("在全县2024年经济工作会议上的讲话", 40),
            ["在全县2024年经济工作会议上的讲话"]
        );
    }

    #[test]
    fn a_long_title_breaks_between_words_as_a_trapezoid() {
        let title = "在2024年县政府全体（扩大）会议暨廉政工作会议上的讲话";
        for max in [40, 36] {
            let lines = title_lines(title, max);
            assert_eq!(
                lines,
                ["在2024年县政府全体（扩大）会议", "暨廉政工作会议上的讲话"]
            );
        }
        // A meeting's short name is one word (jieba alone splits 全体 / 会).
        let lines = title_lines("在2023年县政府全体会暨廉政工作会上的讲话", 36);
        assert_eq!(lines, ["在2023年县政府全体会", "暨廉政工作会上的讲话"]);
        // Where Han text meets digits there is a quarter em more: 20 characters do not fit 40.
        assert_eq!(units("在2023年县政府全体会暨廉政工作会上的讲话"), 42);
        // Before the conjunction rather than evenly.
        let lines = title_lines("在全镇招商引资暨优化营商环境工作会议上的讲话", 40);
        assert_eq!(lines, ["在全镇招商引资", "暨优化营商环境工作会议上的讲话"]);
        // Narrower lines: three lines, never a word split.
        let lines = title_lines(title, 24);
        assert_eq!(lines.concat(), title);
        assert!(lines.len() >= 3, "{lines:?}");
        let words = words(title);
        let mut edges = vec![0];
        for w in &words {
            edges.push(edges.last().unwrap() + w.len());
        }
        let mut at = 0;
        for l in &lines[..lines.len() - 1] {
            at += l.len();
            assert!(edges.contains(&at), "{lines:?} breaks inside a word");
        }
        let widths: Vec<i64> = lines.iter().map(|l| units(l) as i64).collect();
        assert!(trapezoid_or_diamond(&widths), "{lines:?}");
        assert!(lines.iter().all(|l| units(l) <= 24), "{lines:?}");
    }

    #[test]
    fn numbers_units_and_brackets_stay_whole() {
        let words = words("在2024年县政府全体（扩大）会议上");
        let breaks = break_points(&words);
        let title = words.concat();
        for b in breaks {
            let (before, after) = title.split_at(b);
            assert!(
                !before.ends_with("2024") && !after.starts_with('年'),
                "{before}|{after}"
            );
            assert!(
                !after.starts_with('）') && !before.ends_with('（'),
                "{before}|{after}"
            );
            assert!(
                !before.contains('（') || before.contains('）'),
                "{before}|{after}"
            );
        }
    }

    #[test]
    fn a_runaway_title_is_filled_at_words_quickly() {
        let title = format!("在{}会议上的讲话", "安全生产和消防工作暨".repeat(40));
        let lines = title_lines(&title, 40);
        assert_eq!(lines.concat(), title);
        assert!(lines.len() > MAX_LINES);
        assert!(lines.iter().all(|l| units(l) <= 40), "{lines:?}");
        // At word boundaries, and as full as they go: the next word would not have fitted.
        let breaks = break_points(&words(&title));
        let mut at = 0;
        for pair in lines.windows(2) {
            at += pair[0].len();
            assert!(breaks.contains(&at), "{lines:?}");
            let next = breaks
                .iter()
                .find(|&&b| b > at)
                .copied()
                .unwrap_or(title.len());
            assert!(units(&pair[0]) + units(&title[at..next]) > 40, "{lines:?}");
        }
        // Four lines' worth is still shaped.
        let title = format!("在{}会议上的讲话", "安全生产和消防工作暨".repeat(7));
        let lines = title_lines(&title, 40);
        assert_eq!(lines.concat(), title);
        assert!(lines.len() <= MAX_LINES, "{lines:?}");
        let widths: Vec<i64> = lines.iter().map(|l| units(l) as i64).collect();
        assert!(trapezoid_or_diamond(&widths), "{lines:?}");
    }

    #[test]
    fn shapes() {
        assert!(trapezoid_or_diamond(&[20, 30]));
        assert!(trapezoid_or_diamond(&[30, 20]));
        assert!(trapezoid_or_diamond(&[20, 30, 24]));
        assert!(trapezoid_or_diamond(&[16, 24, 32]));
        assert!(!trapezoid_or_diamond(&[30, 30]), "rectangle");
        assert!(!trapezoid_or_diamond(&[30, 20, 30]), "hourglass");
        assert!(!trapezoid_or_diamond(&[30]));
    }
}
