//! The farming and weather seasons a sentence can be said in.
//!
//! A measure that names a moment of the year (抓好夏粮抢收, 抓好“三夏”生产, 秋粮收购, 春耕备耕)
//! is said in the months before and during it; read in a March meeting, 抓好夏粮抢收 under a
//! 春耕备耕 heading was a program's tell. Standing practices (汛期…开展抽查, 每年…) are not
//! seasonal: they say what is done every year, and are drafted any month.
//!
//! These are facts of the calendar (when the harvest is), kept here with the other domain word
//! lists; the planner leaves out a sentence said out of its season.

/// Words of a season and the months (1–12, inclusive, wrapping past December) a sentence
/// naming one is said in.
const SEASONS: &[(&[&str], u32, u32)] = &[
    // 夏收夏种 in late May and June: said from April, reviewed in July.
    (&["夏粮", "三夏", "夏收", "夏种", "麦收"], 4, 7),
    // 秋收秋种 and autumn procurement, September to November.
    (&["秋粮", "三秋", "秋收", "秋冬种", "秋种"], 8, 11),
    // Spring ploughing and sowing, prepared from December.
    (&["春耕", "春播", "备春耕"], 12, 4),
    // A late-spring cold snap is feared before and during it, not in a May harvest meeting.
    (&["倒春寒"], 12, 4),
    // The work after a flood season (汛期结束后组织水毁设施排查), said from August: read blind
    // under an April 防汛备汛 heading it was a program's contradiction.
    (&["汛期结束后", "汛后及时", "汛期一过"], 8, 12),
    // The main flood season is under way in July and August (the openings' moment says so
    // then): 眼下已进入主汛期 at a meeting on 5 June was out of its time.
    (&["已进入主汛期", "正值主汛期"], 7, 8),
    // Winter and spring as the season of a risk (冬春季火灾高发, 冬春季流感, 冬春季群众室内
    // 聚集增多) or of a practice (农村党员冬春训练), said from September to April: read in an
    // August meeting, 针对冬春季火灾高发 was out of its time.
    (&["冬春季", "冬春训练"], 9, 4),
    // Winter building work planned (续建项目要合理安排冬季施工) from September.
    (&["安排冬季施工"], 9, 1),
    // Summer ozone, managed from spring to its end (在夏季臭氧污染高发时段督促错峰生产).
    (&["夏季臭氧"], 3, 8),
    // Winter on the roads and building sites and at the year's end (入冬后…结冰, 春运, 冬季施工
    // 期间, 春节前后停工复工, 岁末年初要组织…专项行动), said from October to February; 岁末年初
    // listed among the times accidents peak is not.
    (
        &[
            "冬季道路",
            "入冬后",
            "今冬明春",
            "春运",
            "岁末年初要",
            "冬季施工期间",
            "春节前后",
        ],
        10,
        2,
    ),
    // A year's start (开局就要冲刺, 开好局、起好步, 一季度开门红), said from December to April.
    (
        &[
            "开局就要",
            "起步就要",
            "开好局、起好步",
            "开好头、起好步",
            "开门红",
        ],
        12,
        4,
    ),
];

/// Whether `month` is in the months `from` to `to` (inclusive, wrapping past December: 11 to 2
/// is November to February).
pub fn in_months(month: u32, from: u32, to: u32) -> bool {
    if from <= to {
        (from..=to).contains(&month)
    } else {
        month >= from || month <= to
    }
}

/// Whether a sentence naming a season's words may be said in `month` (1–12); a sentence that
/// names no season may be said in any.
pub fn in_season(text: &str, month: u32) -> bool {
    out_of_season(text, month).is_none()
}

/// The first season word of a text that is not said in `month`, with the months it is said in.
pub fn out_of_season(text: &str, month: u32) -> Option<(&'static str, u32, u32)> {
    // Most sentences name no season: one reading of the text for every word says so.
    static WORDS: std::sync::OnceLock<super::TermSet<&'static str>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        super::TermSet::new(
            SEASONS
                .iter()
                .flat_map(|(w, _, _)| w.iter().copied())
                .collect(),
        )
    });
    if !words.any_in(text) {
        return None;
    }
    SEASONS.iter().find_map(|(words, from, to)| {
        if in_months(month, *from, *to) {
            return None;
        }
        words
            .iter()
            .find(|w| text.contains(**w))
            .map(|w| (*w, *from, *to))
    })
}

#[cfg(test)]
mod tests {
    use super::in_season;

    #[test]
    fn a_harvest_is_said_before_and_during_it() {
        assert!(!in_season("抓好夏粮抢收和机收减损，确保颗粒归仓。", 3));
        assert!(in_season("抓好夏粮抢收和机收减损，确保颗粒归仓。", 5));
        assert!(!in_season("落实秋粮收购政策。", 3));
        assert!(in_season("落实秋粮收购政策。", 10));
        assert!(in_season("组织农资企业储足种子，保障春耕生产需要。", 1));
        assert!(in_season("组织农资企业储足种子，保障春耕生产需要。", 12));
        assert!(!in_season("组织农资企业储足种子，保障春耕生产需要。", 8));
        assert!(in_season("汛期对在建工程开展抽查。", 1));
    }

    #[test]
    fn winter_on_the_roads_is_said_in_winter() {
        let s = "春运前要对客运企业、客运车辆和驾驶人逐一开展安全检查。";
        assert!(in_season(s, 12));
        assert!(in_season(s, 1));
        assert!(!in_season(s, 5));
        assert!(!in_season("冬季道路交通要盯紧雨雪冰冻和团雾天气。", 7));
        assert!(!in_season("冬季施工期间要盯紧混凝土冬期养护。", 6));
        // A standing line that lists the times accidents peak is said in any month.
        assert!(in_season("汛期、节假日和岁末年初是事故易发多发时段。", 5));
        assert!(!in_season("岁末年初要组织开展根治欠薪冬季专项行动。", 5));
    }

    #[test]
    fn a_years_start_is_said_at_its_start() {
        let s = "今年是全面学习贯彻党的二十大精神的第一年，开局就要冲刺，起步就要争先。";
        assert!(in_season(s, 2));
        assert!(in_season(s, 12));
        assert!(!in_season(s, 11));
        assert!(!in_season("确保一季度实现开门红。", 7));
        assert!(!in_season("汛期结束后组织水毁设施排查。", 4));
        assert!(!in_season(
            "眼下已进入主汛期，防汛工作到了最吃劲的时候。",
            6
        ));
        assert!(in_season("眼下已进入主汛期，防汛工作到了最吃劲的时候。", 7));
        assert!(in_season("主汛期即将到来，要抓紧备汛。", 6));
        assert!(in_season("汛期结束后组织水毁设施排查。", 9));
        assert!(!in_season("一场倒春寒就可能让庄稼减产。", 5));
    }
}
