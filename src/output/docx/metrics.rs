//! The page geometry of the two layouts: A4, the GB/T 9704 margins, type sizes, line pitch and
//! character spacing, in the units WordprocessingML uses (twips = 1/20 pt, half-points).

/// The page layout of the document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Layout {
    /// GB/T 9704: body 仿宋_GB2312 三号 (16 pt) on exact 28.95 pt lines, 22 lines of 28
    /// characters a page; title 二号 (22 pt).
    #[default]
    Standard,
    /// For reading aloud: body 18 pt on exact 30 pt lines, title 24 pt; same fonts and margins.
    Large,
}

/// A4 in twips (1/20 pt; 1 mm = 56.693 twips).
pub(super) const PAGE_W: u32 = 11906;
pub(super) const PAGE_H: u32 = 16838;
pub(super) const MARGIN_TOP: u32 = 2098; // 37 mm
pub(super) const MARGIN_BOTTOM: u32 = 1984; // 35 mm
pub(super) const MARGIN_LEFT: u32 = 1587; // 28 mm
pub(super) const MARGIN_RIGHT: u32 = 1474; // 26 mm
pub(super) const HEADER: u32 = 851; // 15 mm
/// The footer's lower edge 25.4 mm above the page foot. The footer is one 四号 line (14 pt type,
/// about 5 mm high), so its dashes (一字线) lie 7 mm under the text block, whose lower edge is
/// 35 mm above the page foot (GB/T 9704 7.5: 一字线上距版心下边缘 7 mm).
pub(super) const FOOTER: u32 = 1440;
/// 四号, in half-points.
pub(super) const PAGE_NUMBER_HALF_PT: u32 = 28;
/// The width of the text block in twips (156 mm).
pub(super) const TEXT_WIDTH: u32 = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;

/// Sizes of a layout.
pub(super) struct Metrics {
    /// Body, byline and heading size in half-points.
    pub body_half_pt: u32,
    /// Title size in half-points.
    pub title_half_pt: u32,
    /// Exact line spacing of the body in twentieths of a point.
    pub line_twips: u32,
    /// Character spacing of the body text in twentieths of a point (negative: condensed).
    pub char_spacing: i32,
}

impl Metrics {
    pub fn of(layout: Layout) -> Self {
        match layout {
            // 22 lines of 28 characters on the 156 × 225 mm text block: lines 28.95 pt apart,
            // and the 16 pt characters condensed so that 28 fit (28 × 15.75 pt ≤ 442.25 pt <
            // 29 × 15.75 pt). The condensing is character spacing rather than a character grid
            // (`w:docGrid w:type="linesAndChars"`): LibreOffice gives a character wider than a
            // grid cell two cells, which would leave 14 characters a line.
            Layout::Standard => Metrics {
                body_half_pt: 32,
                title_half_pt: 44,
                line_twips: 579,
                char_spacing: (TEXT_WIDTH / 28) as i32 - 320,
            },
            Layout::Large => Metrics {
                body_half_pt: 36,
                title_half_pt: 48,
                line_twips: 600,
                char_spacing: 0,
            },
        }
    }

    /// Two characters of the body font, in twips.
    pub fn indent_twips(&self) -> u32 {
        self.body_half_pt * 20
    }

    /// How many half-width units (a Han character or full-width mark is two, a digit or Latin
    /// letter one) fit on a title line: the title is set without character spacing.
    pub fn title_line_units(&self) -> usize {
        // One unit is half the title size: title_half_pt / 4 points = title_half_pt * 5 twips.
        (TEXT_WIDTH / (self.title_half_pt * 5)) as usize
    }
}

/// The width of a text in half-width units: two for a Han character or full-width mark, one for
/// ASCII (digits and Latin letters are set in Times New Roman, about half an em wide): the
/// display width, [`crate::text::width`].
pub(super) fn units(s: &str) -> usize {
    crate::text::width(s)
}

/// The width of a title line in half-width units: [`units`], and one more where Han text meets
/// a digit or Latin letter (Word and LibreOffice put a quarter em between them, which a title
/// that exactly fits would not have room for).
pub(super) fn title_units(s: &str) -> usize {
    let gaps = s
        .chars()
        .zip(s.chars().skip(1))
        .filter(|&(a, b)| {
            (a.is_ascii_alphanumeric() && !b.is_ascii())
                || (!a.is_ascii() && b.is_ascii_alphanumeric())
        })
        .count();
    units(s) + gaps
}
