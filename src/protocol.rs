//! Every string the Rust side and the JavaScript in `assets/` must agree on, defined once.
//!
//! The scripts never repeat a value: each holds a placeholder, a whole quoted string
//! `'__KIROV_<NAME>__'`, which the build (`bundle::fill_placeholders`, run by `bin/prerender`)
//! replaces with the value of the constant `<NAME>` declared in `shared!` below. A placeholder
//! with no constant, or a constant no script uses, fails the build or `tests/protocol.rs`.
//! The constants after `shared!` are agreed between Rust files and the tests, not the scripts.

/// A shared value as the build writes it into a script: a string or a list of strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    List(Vec<String>),
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_string())
    }
}

impl<const N: usize> From<[&str; N]> for Value {
    fn from(list: [&str; N]) -> Self {
        Value::List(list.iter().map(|s| s.to_string()).collect())
    }
}

/// Declares the constants the scripts share, and `shared()`, which lists them by name.
macro_rules! shared {
    ($($(#[doc = $doc:literal])+ pub const $name:ident: $ty:ty = $value:expr;)+) => {
        $($(#[doc = $doc])+ pub const $name: $ty = $value;)+

        /// Every constant of `shared!` by name: what the build writes over `'__KIROV_<NAME>__'`.
        pub fn shared() -> Vec<(&'static str, Value)> {
            vec![$((stringify!($name), Value::from($name))),+]
        }
    };
}

shared! {
    // Loading the wasm.

    /// `<meta name>` naming the card layer's half's wasm-bindgen glue (src/bin/cards.rs, loaded
    /// first): written by bundle.rs, read by boot.js and kirov-essay-element.js.
    pub const CARDS_GLUE_META: &str = "kirov-essay-cards-glue";
    /// `<meta name>` naming the card layer's half's wasm: as `CARDS_GLUE_META`.
    pub const CARDS_WASM_META: &str = "kirov-essay-cards-wasm";
    /// `<meta name>` naming the tools' half's glue (src/main.rs: tools, figures, presenter).
    pub const TOOLS_GLUE_META: &str = "kirov-essay-tools-glue";
    /// `<meta name>` naming the tools' half's wasm: as `TOOLS_GLUE_META`.
    pub const TOOLS_WASM_META: &str = "kirov-essay-tools-wasm";
    /// The page the bundle is served as: prerender.rs writes it, kirov-essay-element.js and sw.js fetch it.
    pub const INDEX_PAGE: &str = "index.html";
    /// The global through which kirov-essay-element.js hands main.rs its mount (`{ root, base }`).
    pub const MOUNT_GLOBAL: &str = "kirovEssayMount";
    /// The mount's shadow-root container: set by kirov-essay-element.js, hydrated by main.rs.
    pub const MOUNT_ROOT: &str = "root";
    /// The mount's base URL for the bundle's assets: set by kirov-essay-element.js, read by main.rs.
    pub const MOUNT_BASE: &str = "base";
    /// Dispatched on the window by the card layer (root_events.rs) once its listeners are on the
    /// essay's root: boot.js stops holding and replaying clicks on card triggers from then on.
    pub const CARDS_AWAKE_EVENT: &str = "kirov-essay-cards-awake";
    /// Set on the state element (dom.rs) once the first islands are awake: by main.rs (`essay_ready`,
    /// called by islands.js); boot.js then stops replaying clicks.
    pub const HYDRATED_ATTRIBUTE: &str = "data-hydrated";

    // The page.

    /// The essay's root element's class: rendered by app.rs; chart_runtime.rs and boot.js find it by it.
    pub const ROOT_CLASS: &str = "kirov";
    /// The class of the card fonts' warm-up: rendered (hidden) by warm_up.rs; boot.js lays it
    /// out once, unseen, when the page is idle after load, then removes it.
    pub const WARM_UP_CLASS: &str = "card-warm-up";
    /// A figure's class: rendered by figure.rs; boot.js starts the wasm when one nears the viewport.
    pub const FIGURE_CLASS: &str = "figure";
    /// Every card trigger: card_layer.rs opens cards for them, boot.js replays an early click on one.
    pub const TRIGGERS: &str = "[data-person],[data-term],[data-note],[data-cite]";
    /// The start of a figure's islands' names (`data-component`): figure_chart.rs and
    /// figure_tools.rs; islands.js wakes them when they near the screen rather than at once.
    pub const FIGURE_ISLAND: &str = "Figure";
    /// The folder beside the page with one file per kind of card (`cards/person.json`): written
    /// by bin/prerender (card_texts.rs), fetched by the card layer; boot.js preloads the
    /// people's beside the card layer's wasm, and the kind of a card tapped before it arrives.
    pub const CARD_TEXTS_FOLDER: &str = "cards";
    /// How far ahead of the viewport a chart loads (figure_chart.rs) and the wasm starts (boot.js).
    pub const LOAD_AHEAD: &str = "400px 0px";

    // Themes.

    /// The root's theme attribute: set by app.rs (and by boot.js before the wasm), read by chart_runtime.rs.
    pub const THEME_ATTRIBUTE: &str = "data-theme";
    /// The themes a reader or host can choose: reader_tools.rs, embed.rs, boot.js, embed.js.
    pub const THEMES: [&str; 2] = [LIGHT_THEME, DARK_THEME];
    /// The host's choice to follow the system's colours: embed.rs and embed.js.
    pub const AUTO_THEME: &str = "auto";
    /// Where the reader's theme is remembered: reader_tools.rs saves it, boot.js applies it early.
    pub const THEME_STORAGE_KEY: &str = "kirov-essay-theme";

    // The page's address.

    /// The URL parameter naming a mode (`?mode=present`): presenter.rs, dom.rs, boot.js.
    pub const MODE_PARAM: &str = "mode";
    /// Presentation mode, in `?mode=present` and the root's `data-mode`: presenter.rs, app.rs,
    /// chart_runtime.rs; boot.js starts the wasm at once for it.
    pub const PRESENT_MODE: &str = "present";
    /// `#person-<id>` opens a person's card: card_layer.rs; boot.js starts the wasm at once for it.
    pub const PERSON_LINK_PREFIX: &str = "person-";
    /// `#term-<id>` opens a term's card: card_layer.rs; boot.js starts the wasm at once for it.
    pub const TERM_LINK_PREFIX: &str = "term-";
    /// `#slide-<n>` opens slide n: slides.rs, presenter.rs; boot.js starts the wasm at once for it.
    pub const SLIDE_LINK_PREFIX: &str = "slide-";

    // The frame protocol (host page ↔ essay in an iframe).

    /// The message with the page's height in px: posted by embed.rs, read by embed.js.
    pub const HEIGHT_MESSAGE: &str = "kirov-essay-height";
    /// The message with a theme (`THEMES` or `AUTO_THEME`): posted by embed.js, read by embed.rs.
    pub const THEME_MESSAGE: &str = "kirov-essay-theme";
    /// The message with the band of the frame the reader sees, `{top, height}` in the frame's px
    /// (a frame as tall as the essay is mostly off screen): posted by embed.js, read by embed.rs.
    pub const VIEWPORT_MESSAGE: &str = "kirov-essay-viewport";

    // Offline.

    /// Every cache the offline worker makes starts with this: sw.js, and offline.rs when it clears them.
    pub const CACHE_PREFIX: &str = "kirov-essay-";
}

/// The light theme, one of [`THEMES`]: reader_tools.rs, embed.rs, charts/theme.rs.
pub const LIGHT_THEME: &str = "light";
/// The dark theme, one of [`THEMES`]: reader_tools.rs, embed.rs, charts/theme.rs.
pub const DARK_THEME: &str = "dark";
/// The offline worker's script, beside the page: prerender.rs fills it in, offline.rs registers it.
pub const WORKER_SCRIPT: &str = "sw.js";
/// `?offline=on|off` turns the offline worker on or off: offline.rs, dom.rs.
pub const OFFLINE_PARAM: &str = "offline";
/// `?host=<origin>` pins the frame host's origin: embed.rs, dom.rs.
pub const HOST_PARAM: &str = "host";
/// The window event the frame protocol fires once it has applied a new screen band (embed.rs),
/// for what follows the reader's screen (the reading progress).
pub const BAND_EVENT: &str = "kirov-band";
/// The presenter's console, in `?mode=console` and the root's `data-mode`: presenter.rs, app.rs.
pub const CONSOLE_MODE: &str = "console";
/// The BroadcastChannel the room's window and the console keep in step through: slide_channel.rs.
pub const SLIDES_CHANNEL: &str = "kirov-essay-slides";
/// Counts Rust panics on the state element: main.rs; read by tests/e2e (random runs).
pub const PANICS_ATTRIBUTE: &str = "data-panics";

/// The element id of a person's entry in the people index, the card that `#person-<id>` opens.
pub fn person_anchor(id: &str) -> String {
    format!("{PERSON_LINK_PREFIX}{id}")
}

/// The element id of a term's glossary entry, the card that `#term-<id>` opens.
pub fn term_anchor(id: &str) -> String {
    format!("{TERM_LINK_PREFIX}{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shared_constant_is_listed_once_with_its_value() {
        let all = shared();
        let names: std::collections::BTreeSet<_> = all.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), all.len(), "a name listed twice");
        assert!(all.contains(&("TRIGGERS", Value::Text(TRIGGERS.into()))));
        assert!(all.contains(&("THEMES", Value::List(vec!["light".into(), "dark".into()]))));
    }
}
