//! Classroom presentation: `?mode=present` or the Present button shows one slide at a time, large
//! and high-contrast, each with its own URL (`#slide-7`; a paragraph's link opens the slide that
//! holds it). The keys are in `slide_keys.rs`; the slides in `slide_deck.rs`. The same component
//! runs the presenter's console (`?mode=console`) in a second window, kept in step with this one
//! by `slide_channel.rs`. What the slides show was rendered at build time (`slide_texts.rs`):
//! it is fetched when presenting starts, or when the browser is idle before that.

use crate::modes::key_help::KeyHelp;
use crate::modes::overview::Overview;
use crate::modes::presenter_bar::PresenterBar;
use crate::modes::presenter_console::PresenterConsole;
use crate::modes::slide_actions::act;
use crate::modes::slide_charts::LoadedCharts;
use crate::modes::slide_deck::SlideDeck;
use crate::modes::slide_keys::{key_action, KeyAction};
use crate::modes::slide_texts::{load_deck, LoadedDeck};
use crate::modes::stage::{slide_url, Presenting, Stage};
use crate::protocol::{CONSOLE_MODE, MODE_PARAM, PRESENT_MODE};
use leptos::prelude::*;
use std::cell::RefCell;

// Exported by the tools half (src/main.rs); the card layer's half leaves it out.
#[cfg_attr(any(feature = "ssr", feature = "tools-half"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "tools-half")), component)]
pub fn Presenter() -> impl IntoView {
    crate::page_state::provide();
    let Presenting(state) = expect_context::<Presenting>();
    let stage = expect_context::<Stage>();
    let deck = LoadedDeck(RwSignal::new(None));
    provide_context(deck);
    provide_context(LoadedCharts(RwSignal::new(None)));
    load_when_needed(state, deck);
    start_from_address(state, stage, deck);
    show_current_slide(state, stage, deck);
    follow_keys(state, stage, deck);
    crate::modes::slide_channel::keep_in_step(state, stage);
    // The slides show once their texts are here (at once, when they were fetched while idle).
    let ready = move || state.get().is_some() && deck.0.with(Option::is_some);
    view! {
        <p class="slides-loading" role="status" hidden=move || state.get().is_none() || deck.0.with(Option::is_some)>
            "Loading the slides…"
        </p>
        <Show when=move || ready() && !stage.console.get()>
            <SlideDeck />
            // A click on the black brings the slide back, as B does.
            <div class="presenter-blank" hidden=move || !stage.blank.get() on:click=move |_| stage.blank.set(false)></div>
            <Overview />
        </Show>
        <Show when=move || ready() && stage.console.get()>
            <PresenterConsole />
        </Show>
        <PresenterBar />
        <KeyHelp />
    }
}

/// Fetches the slides' texts when presenting starts, or before that once the browser is idle.
fn load_when_needed(state: RwSignal<Option<usize>>, deck: LoadedDeck) {
    Effect::new(move |first: Option<()>| {
        if state.get().is_some() {
            load_deck(deck);
        } else if first.is_none() {
            crate::modes::slide_texts::when_idle(move || load_deck(deck));
        }
    });
}

/// Starts presenting when the address asks: `?mode=present` (or `?mode=console`), at
/// `#slide-N` or at the slide holding `#<paragraph>`, as soon as the slides' texts are here.
fn start_from_address(state: RwSignal<Option<usize>>, stage: Stage, deck: LoadedDeck) {
    // Effects run in the browser only: the address is read there.
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        if started.is_none() {
            let mode = crate::dom::url_param(MODE_PARAM);
            if !matches!(mode.as_deref(), Some(PRESENT_MODE) | Some(CONSOLE_MODE)) {
                return true;
            }
            stage.console.set(mode.as_deref() == Some(CONSOLE_MODE));
            load_deck(deck);
        }
        let Some(texts) = deck.0.get() else { return false };
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        state.set(Some(texts.from_address(&hash).unwrap_or(0)));
        true
    });
}

/// Keeps the URL in step with the slide, closes any card the slide change leaves behind, and
/// on leaving returns the reader to the passage the last slide retold.
fn show_current_slide(state: RwSignal<Option<usize>>, stage: Stage, deck: LoadedDeck) {
    Effect::new(move |previous: Option<Option<usize>>| {
        let current = state.get();
        let console = stage.console.get_untracked();
        if current != previous.flatten() {
            crate::essay_root::close_cards();
        }
        match (previous.flatten(), current) {
            (_, Some(i)) => {
                set_url(Some(i), console);
                if let Some(w) = web_sys::window() {
                    if !crate::modes::slide_deck::scrolling() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                }
            }
            (Some(last), None) => {
                set_url(None, console);
                stage.blank.set(false);
                stage.overview.set(false);
                return_to(deck, last);
            }
            (None, None) => {}
        }
        current
    });
}

/// Scrolls the essay to the passage slide `index` retold, once the page is laid out again.
fn return_to(deck: LoadedDeck, index: usize) {
    let home = deck
        .0
        .with_untracked(|d| d.as_ref().and_then(|d| d.slides.get(index)).map(|s| s.home.clone()));
    let Some(home) = home else {
        return;
    };
    request_animation_frame(move || {
        if let Some(el) = crate::dom::by_id(&home) {
            el.scroll_into_view();
        }
    });
}

/// Moves the slides with the keys, from anywhere in the page, while presenting.
fn follow_keys(state: RwSignal<Option<usize>>, stage: Stage, deck: LoadedDeck) {
    Effect::new(move |_| {
        let typed = RefCell::new(String::new());
        let listener = window_event_listener(leptos::ev::keydown, move |ev| {
            let Some(at) = state.get_untracked() else { return };
            let Some(count) = deck.0.with_untracked(|d| d.as_ref().map(|d| d.slides.len())) else {
                return;
            };
            // A card or a chart that handled the key comes first; typing in a field is not a key.
            if ev.default_prevented() || ev.alt_key() || ev.ctrl_key() || ev.meta_key() || in_field() {
                return;
            }
            if stage.help.get_untracked() && matches!(ev.key().as_str(), "Escape" | "?") {
                ev.prevent_default();
                stage.help.set(false);
                return;
            }
            // The overview takes its own keys (arrows between tiles, Enter on one).
            if stage.overview.get_untracked() && !matches!(ev.key().as_str(), "Escape" | "o" | "O" | "?") {
                return;
            }
            let action = key_action(&ev.key(), ev.shift_key(), &mut typed.borrow_mut(), at, count);
            if !matches!(action, KeyAction::Nothing) {
                ev.prevent_default();
            }
            act(action, state, stage);
        });
        on_cleanup(move || listener.remove());
    });
}

/// Whether the focus is in a text field (the people filter), where keys are typing.
fn in_field() -> bool {
    crate::dom::active_element().is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"))
}

/// `#slide-N` while presenting; the plain page URL after.
fn set_url(slide: Option<usize>, console: bool) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let path = window.location().pathname().unwrap_or_default();
    let url = slide_url(&path, slide, console);
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}
