//! The standalone HTML page of a draft (`formats/html.tera`).
//!
//! `wengao draft --format html` renders the speech alone: every sentence a span whose class is
//! its origin's kind and whose title is the phrase id or spec field, with a switch (a checkbox
//! and CSS, no script) that shows or hides the origin colours, off by default. `wengao preview`
//! renders the same template with a [`Page`]: the colours on, the draft's lint findings and the
//! planner's warnings, and links to the draft's other files and back to the index.

use serde::Serialize;

use crate::Result;
use crate::model::Speech;
use crate::render::Templates;

/// The template of the page.
pub const TEMPLATE: &str = "formats/html.tera";

/// What a page in the preview adds to the speech.
#[derive(Debug, Serialize)]
pub struct Page {
    /// The index page, relative to this one (`index.html`).
    pub index: String,
    /// The draft's other files, relative to this one.
    pub files: Vec<Link>,
    /// The draft's lint findings (`line 3: error[rule]: …`).
    pub findings: Vec<String>,
    /// The planner's warnings.
    pub warnings: Vec<String>,
}

/// A link to a file beside the page.
#[derive(Debug, Serialize)]
pub struct Link {
    /// What the file is, in Chinese (文本稿, Word 文档…).
    pub label: String,
    /// Its name, relative to the page.
    pub name: String,
}

/// The HTML page of a speech; with `page`, as the preview shows it.
pub fn render(templates: &Templates, speech: &Speech, page: Option<&Page>) -> Result<String> {
    let extra: Vec<(&str, serde_json::Value)> = page
        .map(|p| ("page", serde_json::json!(p)))
        .into_iter()
        .collect();
    templates.render(TEMPLATE, speech, &extra)
}
