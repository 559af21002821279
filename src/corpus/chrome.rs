//! Web-page chrome around pasted speeches, recognised by its shape, not by one site's words.
//!
//! Text copied from a document-sharing site carries the site around it: a navigation crumb
//! (`首页 > 范文 > 讲话稿`), the file name (`…讲话.docx`), a line announcing a download or a
//! membership, the editor's preface (`下面是…整理的…，供大家参考`), a truncated-view notice
//! (`剩余2860字未读`, `未完，继续阅读`, `全文共4562字`), a pointer to more of the same
//! (`更多…范文`), tags (`标签：`). Each is a short line of a recognisable form; a sentence of
//! the speech ends with a stop and is never one of them.
//!
//! [`is_chrome`] is the strong test, safe on any line of the text; [`is_ad`] adds the words of
//! advertisements (the seeds' `仅供学习 禁止外传`, QQ groups, subscriptions), used only outside
//! the speech (before its title, after its end). [`chrome_start`] tells where chrome begins inside
//! a line of flattened text.

/// Words of advertisements and site boilerplate (used before the title and after the end only).
const AD_WORDS: &[&str] = &[
    "仅供学习",
    "禁止外传",
    "订阅",
    "会员",
    "QQ群",
    "qq群",
    "公众号",
    "微信",
    "扫码",
    "关注我们",
    "下载",
    "版权",
    "转载",
    "倒卖",
    "举报",
    "http",
    "www.",
    "资料库",
    "客服",
    "免费领取",
    "原创文章",
];

/// Words of a site's own buttons and notices: a download, a membership, a paid or truncated view.
const SITE_ACTIONS: &[&str] = &[
    "下载",
    "会员",
    "积分",
    "VIP",
    "vip",
    "登录",
    "注册",
    "付费",
    "充值",
    "未读",
    "展开全文",
    "阅读全文",
    "查看全文",
    "继续阅读",
    "阅读已结束",
    "完整版",
    "点击",
    "收藏",
    "复制本文",
];

/// Line openings of page furniture: tags, keywords, neighbouring articles.
const FURNITURE: &[&str] = &[
    "标签",
    "关键词",
    "关键字",
    "Tags",
    "TAGS",
    "tags",
    "上一篇",
    "下一篇",
    "相关推荐",
    "相关文章",
    "相关阅读",
    "热门推荐",
    "热门文章",
    "猜你喜欢",
    "推荐阅读",
    "延伸阅读",
    "未完",
];

/// File extensions of documents shared on such sites.
const FILE_EXTS: &[&str] = &[".docx", ".doc", ".pdf", ".wps", ".pptx", ".txt"];

/// Crumb separators.
const CRUMB_SEPS: &[char] = &['>', '＞', '»', '›', '→'];

fn has_stop(s: &str) -> bool {
    s.contains(['。', '！', '？'])
}

/// True for a whole navigation crumb: at least three short segments joined by `>` (or `»` …).
fn is_crumb(s: &str) -> bool {
    let segs: Vec<&str> = s.split(CRUMB_SEPS).map(str::trim).collect();
    segs.len() >= 3
        && segs
            .iter()
            .all(|g| !g.is_empty() && g.chars().count() <= 12 && !has_stop(g))
}

/// The byte length of a navigation crumb at the start of `s` (its last segment ends at the first
/// whitespace after the last separator), when the text goes on after it.
pub fn crumb_prefix(s: &str) -> Option<usize> {
    // A crumb is short: look at the first 240 bytes only.
    let mut cut = s.len().min(240);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let last_sep = s[..cut].rfind(CRUMB_SEPS)?;
    if s[..last_sep].chars().count() > 60 {
        return None;
    }
    let after = &s[last_sep..];
    let sep_len = after.chars().next()?.len_utf8();
    let rest = &after[sep_len..];
    let lead = rest.len() - rest.trim_start().len();
    let seg_end = rest.trim_start().find(char::is_whitespace)?;
    let end = last_sep + sep_len + lead + seg_end;
    is_crumb(&s[..end]).then_some(end)
}

/// A notice of the text's length or a cut-off view: `全文共4562字`, `剩余2860字未读`, `共6页`.
fn is_length_notice(s: &str) -> bool {
    let digits_then = |s: &str, unit: char| {
        s.char_indices().any(|(i, c)| {
            c.is_ascii_digit()
                && s[i..]
                    .trim_start_matches(|d: char| d.is_ascii_digit())
                    .starts_with(unit)
        })
    };
    (s.contains("全文") || s.contains("剩余") || s.contains("本文"))
        && (digits_then(s, '字') || digits_then(s, '页'))
}

/// An editor's preface or afterword: `下面是小编整理的…，供大家参考。`
fn is_preface(s: &str) -> bool {
    let opens = ["下面是", "以下是", "这是", "本文是", "本篇"]
        .iter()
        .any(|w| s.starts_with(w));
    let collected = ["整理", "收集", "精选", "分享", "推荐", "编辑"]
        .iter()
        .any(|w| s.contains(w));
    let offered = [
        "供大家参考",
        "仅供参考",
        "供参考",
        "欢迎阅读",
        "希望对",
        "欢迎借鉴",
    ]
    .iter()
    .any(|w| s.contains(w));
    (opens && (collected || offered)) || (collected && offered)
}

/// True for a line of web chrome (see the module doc); safe to drop anywhere in the text.
#[inline(never)]
pub fn is_chrome(line: &str) -> bool {
    let s = line.trim();
    // At most 90 characters: 270 bytes (a cheap first test on every line of a text).
    if s.is_empty() || s.len() > 270 {
        return false;
    }
    if s.ends_with(['。', '！', '？']) {
        // A sentence: only the editor's preface is one.
        return is_preface(s);
    }
    let n = s.chars().count();
    if n > 90 {
        return false;
    }
    if is_preface(s) {
        return true;
    }
    // Everything below is a short line that is not a sentence of the speech.
    if n > 60 {
        return false;
    }
    if s.contains('.') {
        let lower = s.to_ascii_lowercase();
        if FILE_EXTS.iter().any(|e| {
            lower.ends_with(e)
                || lower
                    .find(e)
                    .is_some_and(|p| lower[p + e.len()..].trim_start().starts_with(['(', '（']))
        }) {
            return true;
        }
    }
    if FURNITURE.iter().any(|w| s.starts_with(w)) {
        return true;
    }
    if s.starts_with("更多")
        && ["范文", "文章", "资料", "访问", "关注", "请", "点击", "精彩"]
            .iter()
            .any(|w| s.contains(w))
    {
        return true;
    }
    if is_length_notice(s) || (s.contains(CRUMB_SEPS) && is_crumb(s)) {
        return true;
    }
    !has_stop(s) && SITE_ACTIONS.iter().any(|w| s.contains(w)) && n <= 40
}

/// True for a line of advertisement or chrome; used only before the title and after the end.
pub fn is_ad(s: &str) -> bool {
    is_chrome(s)
        || AD_WORDS.iter().any(|w| s.contains(w))
        || (s.starts_with('【') && s.ends_with('】'))
}

/// True for chrome that runs to the end of its line (tags, keywords: their words are separated
/// by spaces).
pub fn runs_to_end(s: &str) -> bool {
    FURNITURE.iter().any(|w| s.starts_with(w))
}

/// True when a segment of flattened text (after a space) begins a piece of chrome.
pub fn chrome_start(seg: &str) -> bool {
    FURNITURE.iter().any(|w| seg.starts_with(w))
        || seg.starts_with("更多")
        || seg.starts_with("剩余")
        || seg.starts_with("全文共")
        || seg.starts_with("首页")
        || seg.starts_with("下面是")
        || seg.starts_with("以下是")
        || is_chrome(seg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_shapes() {
        for s in [
            "首页 > 范文大全 > 领导讲话 > 正文",
            "首页»讲话稿»正文",
            "全县消防安全工作会议讲话.docx",
            "某某讲话.pdf（共12页）",
            "标签：消防安全 讲话稿",
            "下面是小编为大家整理的县长讲话，供大家参考。",
            "未完，继续阅读 >",
            "全文共4562字",
            "剩余2860字未读，点击展开阅读全文",
            "免费阅读已结束，点击下载阅读完整版",
            "更多县长讲话范文请访问本站",
            "开通会员，海量范文免费下载",
            "本文档共6页，下载需要10积分",
            "上一篇：在全县教育工作会议上的讲话",
        ] {
            assert!(is_chrome(s), "{s}");
        }
        for s in [
            "要引导群众下载使用反诈APP，提高防范意识。",
            "更多地关注民生，把好事办好。",
            "在全县重点工作推进会议上的讲话",
            "同志们：",
            "一、提高思想认识",
            "全县上下 > 各镇各部门",
            "（2024年3月5日）",
            "今年以来，全县新开工项目32个，完成投资56亿元。",
            "县长 王某某",
        ] {
            assert!(!is_chrome(s), "{s}");
        }
        assert_eq!(
            crumb_prefix("首页 > 讲话稿 > 正文 在全县信访工作会议上的讲话"),
            Some("首页 > 讲话稿 > 正文".len())
        );
        assert_eq!(crumb_prefix("在全县信访工作会议上的讲话"), None);
    }
}
