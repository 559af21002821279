//! The planner: from a validated spec, the phrasebank, the templates and a seed to a [`Speech`].
//!
//! Planning is deterministic: every choice draws from one `ChaCha8Rng` seeded with the spec's or
//! the command line's seed, and indices are taken from `next_u64` by this module (never from a
//! distribution of the `rand` crate), so the same spec and seed give the same bytes on every
//! platform and every version of our dependencies. `tests/golden` keeps the vectors.
//!
//! The planner
//! - reads the opening order from the kind template (`{% block opening_order %}`),
//! - picks one heading pattern per sibling group (`templates/patterns/l1_*.tera` for the level-1
//!   parts, `l2_*.tera` for each group of level-2 parts) and fills it per part, so siblings are parallel,
//! - draws phrases by role, theme, meeting kind and year (the era), never the same entry or the
//!   same sentence twice, weighted by the entries' weights, skipping any whose slots it cannot fill,
//! - weaves in every spec fact, lead, support unit and deadline verbatim,
//! - elaborates every point as deeply as the phrasebank allows, then trims the deepest points one
//!   sentence at a time until the draft meets `output.length` (±10%); it never pads.

use std::collections::BTreeMap;

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

use serde::Serialize;

use crate::Result;
use crate::model::{Item, ItemMarker, Origin, Paragraph, Part, Sentence, Speech};
use crate::numerals;
use crate::phrasebank::{Phrase, Phrasebank, Role};
use crate::render::Templates;
use crate::spec::ValidSpec;

mod anchors;
mod assembly;
mod assignment;
mod body;
mod draw;
mod headings;
mod intro;
mod keep;
mod length;
mod opening;
mod picker;
mod shapes;
mod siblings;
#[cfg(test)]
mod tests;
mod topics;

pub use draw::{clause, fill};
pub use headings::title_of;
pub use headings::verb_words;
pub use length::char_len;
pub use picker::Picker;
pub use shapes::narrows_what_was_said;
pub use topics::{PointTopic, spec_topics, themes_by_topic};

use draw::*;
use length::*;

/// The default target length (characters) when the spec gives none.
pub const DEFAULT_LENGTH: usize = 7_500;

/// What the planner made, with what it chose.
#[derive(Debug, Clone)]
pub struct Plan {
    pub speech: Speech,
    pub seed: u64,
    /// The kind template used, e.g. `kinds/plenary.tera`.
    pub template: String,
    /// The heading pattern of each sibling group: level 1 first, then each part's level 2.
    pub patterns: Vec<String>,
    /// Warnings for the writer (theme out of its era, spec too thin for the length …).
    pub warnings: Vec<String>,
    /// The target length in characters and the length planned.
    pub target: usize,
    pub length: usize,
    /// What each point resolved to in the topic map, and why.
    pub topics: Vec<PointTopic>,
}

/// Plan a speech.
pub fn plan(vs: &ValidSpec, pb: &Phrasebank, templates: &Templates, seed: u64) -> Result<Plan> {
    plan_with(vs, pb, templates, seed, false)
}

/// Plan a speech; with `placeholders`, a point with no fact of its own gets a visible
/// 【待补：…】 marker for the writer to fill, instead of nothing (never an invented figure).
pub fn plan_with(
    vs: &ValidSpec,
    pb: &Phrasebank,
    templates: &Templates,
    seed: u64,
    placeholders: bool,
) -> Result<Plan> {
    let (full, implicit) = topics::with_implicit_points(vs, pb, seed);
    let mut p = Planner::new(&full, pb, templates, seed);
    p.placeholders = placeholders;
    p.implicit = implicit;
    // The spec's own words (a paragraph may repeat them) are the writer's, not the implicit
    // points' sub-topic names.
    p.spec_grams.clear();
    crate::spec::for_each_text(&vs.spec, &mut |_, t| {
        p.spec_grams.extend(keep::grams(t.as_str()));
        p.spec_grams5.extend(keep::grams5(t.as_str()));
    });
    p.run()
}

#[derive(Debug, Clone, Default)]
struct PointPlan {
    heading: String,
    heading_origin: Origin,
    framing: Option<Sentence>,
    /// A second framing sentence, for deeper elaboration (trimmed first).
    framing2: Option<Sentence>,
    facts: Vec<Sentence>,
    /// The spec's own task phrases, verbatim, before the measures.
    tasks: Vec<Sentence>,
    measures: Vec<Sentence>,
    /// Of a point joining two fields, each measure's field by its entry's id (the place of its
    /// sub-topic in the point's resolution): its measures are said a field at a time.
    measure_fields: Vec<(String, usize)>,
    /// The first measure is a `general` one of the theme.
    general: bool,
    /// Its shape (`templates/shapes/{shape}.tera`).
    shape: String,
    /// The spec's facts as written, with their origins (a target shape leads with them).
    fact_clauses: Vec<(String, Origin)>,
    /// Which of the facts is a target at the meeting's date (一季度新增贷款9.6亿元 is one in
    /// January, and an achievement in April).
    fact_targets: Vec<bool>,
    /// The point's topic, and the words of its sub-topics (how specific a measure is).
    topic: String,
    /// The whole place (全县, 全镇): who a target is set for (今年，全县要确保…).
    area: String,
    terms: Vec<String>,
    /// How its topic narrows its sub-topics to one of their fields (矿山 of 生态保护修复).
    narrowing: Option<keep::Narrowing>,
    /// The sub-topics' words that name a side object (非粮化, 公务用车): three characters or
    /// more, not in the heading or topic, and in at most a quarter of the sub-topics' measures
    /// (a core word such as 重大危险源 is in many and may be said again).
    objects: Vec<String>,
    requirement: Option<Sentence>,
    responsibility: Option<Sentence>,
    deadline: Option<Sentence>,
    /// How the phrasebank names the point's lead and support units (民政部门): the departments
    /// a town's speech may set to work (`lexicon::units::department_actor`).
    unit_names: Vec<String>,
    /// The ways a measure names the point's lead unit: as the spec does (县农业农村局, less its
    /// level) and as the phrasebank does (农业农村部门, 督查室).
    lead_names: Vec<String>,
}

#[derive(Debug, Clone, Default)]
struct ItemPlan {
    lead: String,
    lead_origin: Origin,
    measures: Vec<Sentence>,
}

#[derive(Debug, Clone, Default)]
struct SectionPlan {
    heading: String,
    heading_origin: Origin,
    intro: Vec<Sentence>,
    points: Vec<PointPlan>,
    items: Vec<ItemPlan>,
}

struct Planner<'a> {
    vs: &'a ValidSpec,
    pb: &'a Phrasebank,
    templates: &'a Templates,
    rng: Picker,
    seed: u64,
    used_ids: HashSet<String>,
    used_texts: HashSet<String>,
    base: BTreeMap<&'static str, String>,
    warnings: Vec<String>,
    patterns: Vec<String>,
    /// Write 【待补：…】 where a point has no fact (`--placeholders`).
    placeholders: bool,
    /// Which points of each section the planner added (the spec gave the section none).
    implicit: Vec<Vec<bool>>,
    /// What each point resolved to, in order.
    point_topics: Vec<PointTopic>,
    /// The shapes the points so far were given (so that a speech uses several).
    shape_uses: Vec<&'static str>,
    /// Whether a lead unit was set to work 会同 its support units already (once a draft).
    worked_with: bool,
    /// The four-character mottos (and other heading phrases) headings have used.
    mottos: HashSet<String>,
    /// The verbs' cores (抓好, 加强, 推进) the part heading and the sibling point headings so far
    /// have said: the next point heading takes another where it can (全力抓好春季森林防火 /
    /// 认真抓好森林防火工作 / 着力抓好野外火源管控 reads as a program's).
    heading_cores: Vec<String>,
    /// The character pairs of every body sentence kept so far (no near-duplicates): pair →
    /// its latest link in `seen_links` (a sentence and the pair's link before), and each
    /// sentence's number of pairs. One small table and one vector, not a vector a pair.
    seen_index: HashMap<u64, u32>,
    seen_links: Vec<(u32, u32)>,
    seen_len: Vec<u32>,
    /// The four-character words of the spec's own texts (a paragraph may repeat those).
    spec_grams: HashSet<keep::Gram4>,
    spec_grams5: HashSet<keep::Gram5>,
    /// Whether the current level-1 part has ranked a task first already (重中之重).
    ranked_in_part: bool,
    /// Whether the point before opened bare, on its demands or its figures, with no sentence on
    /// why its work matters: in the corpus about half the points open so; read blind, a drawn
    /// saying atop every point (一网通办做得好不好，就看…) was a program's tell.
    bare_before: bool,
    /// The four-character words said so far in the current part (its intro and kept sentences):
    /// a sentence that says three of them again says again what the part has said.
    part_said4: HashSet<keep::Gram4>,
    /// Whether the part has said 一旦… (一旦失控，后果不堪设想): once a part, read blind, the
    /// same “一旦……就” reason in every point was a program's tell.
    yidan_in_part: bool,
    /// Whether the part has brought something into an assessment or plan (纳入…) already:
    /// once a part (the phrasebank's measures end on 纳入…考核 at seven times the corpus's rate).
    incorporated_in_part: bool,
    /// Whether the part's intro spoke of its first point's own field (the point then opens
    /// without a saying of its own: two sayings on one field in a row read as one said twice).
    intro_on_first: bool,
    /// The heading aims and goals each part may not draw (see `off_heading`), by role and part.
    off_headings: HashMap<(Role, String, Vec<String>), HashSet<String>>,
    /// Whether a point has said the moment of its own work (秋粮已经陆续上市…): once a draft.
    point_moment_said: bool,
    /// Whether a point has quoted the national budget's figures of the year: once a draft.
    budget_quoted: bool,
    /// Whether a part's intro has named the work conference that deployed its field: once a
    /// draft.
    conference_said: bool,
}

/// Themes whose live use ended (or began) with an era, and the framing used outside it.
const THEME_ERAS: [(&str, i32, i32, &str); 2] = [
    (
        "脱贫攻坚",
        2015,
        2020,
        "drafted as consolidating the gains (巩固拓展脱贫攻坚成果, 防止返贫)",
    ),
    (
        "疫情防控",
        2020,
        2022,
        "drafted as public-health preparedness (公共卫生体系, 应急能力)",
    ),
];

/// Whether a theme may be spoken of in a year: every theme, but those of [`THEME_ERAS`] only in
/// their own years.
fn theme_in_era(theme: &str, year: i32) -> bool {
    !THEME_ERAS
        .iter()
        .any(|&(name, from, to, _)| name == theme && !(from..=to).contains(&year))
}

struct HeadingNeed {
    /// The spec's own title and its field.
    title: Option<(String, String)>,
    theme: String,
    /// The point's topic and its field (level 2 only).
    topic: Option<(String, String)>,
    /// The sub-topics the part's (or point's) points resolved to: a heading's aim or goal that
    /// names another sub-topic of the theme (提升农村人居环境 over a part on 春耕) is not drawn.
    topics: Vec<String>,
    /// The topics of the part's points as the spec says them (level 1 only): an aim or goal
    /// that says one whole (力戒形式主义 over the point 坚决力戒形式主义) is not drawn.
    said: Vec<String>,
}

impl<'a> Planner<'a> {
    fn new(vs: &'a ValidSpec, pb: &'a Phrasebank, templates: &'a Templates, seed: u64) -> Self {
        let lv = vs.level;
        let mut base = BTreeMap::new();
        base.insert("area", lv.whole());
        base.insert("party", lv.party().to_string());
        base.insert("gov", lv.government().to_string());
        base.insert("units", lv.units().to_string());
        base.insert("level", lv.char().to_string());
        base.insert("place", vs.spec.place.name.0.clone());
        base.insert("year", vs.year().to_string());
        Planner {
            vs,
            pb,
            templates,
            // The seed is combined with the meeting, so two meetings drafted with the same
            // `--seed` do not share their choices (headings, shapes, phrases).
            rng: Picker::new(
                seed ^ crate::hash::stable_hash(
                    format!("{}|{}", vs.spec.meeting.name, vs.date).as_bytes(),
                ),
            ),
            seed,
            used_ids: HashSet::default(),
            used_texts: HashSet::default(),
            base,
            warnings: Vec::new(),
            patterns: Vec::new(),
            placeholders: false,
            implicit: Vec::new(),
            point_topics: Vec::new(),
            shape_uses: Vec::new(),
            worked_with: false,
            mottos: HashSet::default(),
            heading_cores: Vec::new(),
            // Sized for an 8,000-character draft (its ~8,000 pairs, ~4,000 of them distinct):
            // grown from empty, the table was rehashed a dozen times and the vector left its
            // outgrown copies behind in the draft's heap.
            seen_index: HashMap::with_capacity_and_hasher(4096, Default::default()),
            seen_links: Vec::with_capacity(8192),
            seen_len: Vec::with_capacity(256),
            spec_grams: HashSet::default(),
            spec_grams5: HashSet::default(),
            ranked_in_part: false,
            bare_before: false,
            part_said4: HashSet::default(),
            yidan_in_part: false,
            incorporated_in_part: false,
            intro_on_first: false,
            point_moment_said: false,
            budget_quoted: false,
            conference_said: false,
            off_headings: HashMap::default(),
        }
    }
}
