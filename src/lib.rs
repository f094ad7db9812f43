//! The Kirov essay: a Leptos front end rendered to static HTML at build time (`ssr`) and
//! hydrated in the browser (`hydrate`). Content arrives already validated from `build.rs`.

//! Rooms, in the order the flow runs (data → content → figures/cards → page):
//! - [`reading`]: the prose: sections, blocks, inline links, contents, masthead, colophon;
//! - [`apparatus`]: the notes, people index and glossary, each the static home of its cards;
//! - [`figures`]: a figure's frame, its live chart (lazily drawn by ECharts), tooltip, tools,
//!   data table and CSV;
//! - [`cards`]: the popovers for people, terms, notes and paragraphs;
//! - [`modes`]: presentation, reader tools and theme, the frame embed, offline;
//! - [`inlines`]: inline rich text (links to people, terms, datums and notes), shared by them all;
//! - [`protocol`]: every string shared with `assets/*.js`; [`dom`]: lookups in the page or a
//!   shadow root; [`citation`]: citations; [`bundle`]: finishing the build (native only).

pub mod app;
pub mod apparatus;
#[cfg(feature = "ssr")]
pub mod bundle;
pub mod cards;
pub mod citation;
pub mod dom;
pub mod figures;
pub mod inlines;
pub mod modes;
pub mod protocol;
pub mod reading;

use kirov_content::Content;
use std::sync::OnceLock;

/// The chart library, copied from npm into the bundle and loaded only when a figure nears the
/// viewport; for the same reason the offline worker caches it on first use, not on install.
pub const ECHARTS_SCRIPT: &str = "echarts.common.min.js";

/// The validated content, as written by `build.rs` from `data/`.
static CONTENT_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bin"));

/// The essay's content: immutable and `'static`, decoded once on first use.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| {
        // The bytes were serialised from this same model type in this same build, so decoding
        // can only fail if the binary itself is corrupt.
        postcard::from_bytes(CONTENT_BYTES).expect("content.bin matches the content model")
    })
}

/// The page body as static HTML: exactly what the browser build hydrates.
#[cfg(feature = "ssr")]
pub fn render_body() -> String {
    use leptos::prelude::*;
    Owner::new().with(|| view! { <app::App /> }.to_html())
}

/// The marker in `index.html` that the prerendered body replaces. It must sit directly after
/// `<body>`: whitespace before the root element breaks hydration.
pub const BODY_MARKER: &str = "<!--prerendered-essay-->";

/// Puts the prerendered body into Trunk's `index.html` in place of [`BODY_MARKER`].
pub fn inject_body(index_html: &str, body: &str) -> Result<String, String> {
    match index_html.matches(BODY_MARKER).count() {
        1 => {}
        n => {
            return Err(format!(
                "index.html must contain the marker {BODY_MARKER} exactly once (found {n})"
            ))
        }
    }
    if !index_html.contains(&format!("<body>{BODY_MARKER}")) {
        return Err(format!(
            "the marker must follow `<body>` directly, with no whitespace: `<body>{BODY_MARKER}`"
        ));
    }
    let title = format!("<title>{}</title>", escape(&content().meta.title));
    Ok(index_html
        .replacen("<title></title>", &title, 1)
        .replacen(BODY_MARKER, body, 1))
}

/// Minimal HTML text escaping for the few strings written outside Leptos.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
