//! The Kirov essay: a Leptos front end rendered to static HTML at build time (`ssr`) and
//! hydrated in the browser (`hydrate`). Content arrives already validated from `build.rs`.

//! Rooms, in the order the flow runs (data → content → figures/cards → page):
//! - [`reading`]: the prose: sections, blocks, inline links, contents, masthead, colophon;
//! - [`apparatus`]: the notes, people index and glossary, each the static home of its cards;
//! - [`figures`]: a figure's frame, its live chart (lazily drawn by ECharts), tooltip, tools,
//!   data table and CSV;
//! - [`cards`]: the popovers for people, terms, notes and paragraphs;
//! - [`modes`]: presentation, reader tools and theme, the frame embed, offline;
//! - [`navigation`]: jumps inside the essay and the browser history (Back closes cards);
//! - [`inlines`]: inline rich text (links to people, terms, datums and notes), shared by them all;
//! - [`page_state`] and [`essay_root`]: what the islands of each wasm half share, and the root
//!   element where the two halves meet; `browser`: the start of either half (wasm only);
//! - [`protocol`]: every string shared with `assets/*.js`; [`dom`]: lookups in the page or a
//!   shadow root; [`citation`]: citations; [`bundle`]: finishing the build, [`head`]: the
//!   citation and link-preview tags, [`preview`]: the preview image (these three native only).

pub mod app;
pub mod apparatus;
#[cfg(any(feature = "hydrate", feature = "cards-half"))]
pub mod browser;
#[cfg(feature = "ssr")]
pub mod bundle;
pub mod cards;
#[cfg(feature = "ssr")]
pub mod chart_prerender;
pub mod citation;
pub mod dom;
pub mod essay_root;
pub mod figures;
#[cfg(feature = "ssr")]
pub mod head;
pub mod inlines;
pub mod markup;
pub mod modes;
pub mod navigation;
#[cfg(feature = "ssr")]
pub mod oembed;
pub mod page_state;
#[cfg(feature = "ssr")]
pub mod preview;
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
