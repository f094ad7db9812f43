//! The essay's root element, which stays static HTML. It is also where the page's two halves meet:
//! the card layer (the first wasm a reader needs) and the tools, figures and presenter (the
//! second) share no memory, so what one must know of the other lives on the root:
//! - its `data-theme` attribute is the reader's colour theme: the tools set it, a host frame may
//!   (through the card layer's frame protocol), and the tools follow it whoever set it;
//! - its `data-mode` attribute says the essay is being presented: the tools set it, and the card
//!   layer's history reads it;
//! - a `kirov-close-cards` event asks the card layer to close every card (a slide change);
//! - the card layer's home (`CARD_LAYER_ID`), where the tools' half fills citation cards.
//!
//! The card layer also listens on it for the events every card trigger and prose link share
//! (cards/root_events.rs).

use crate::modes::stage::Stage;
use crate::modes::theme::ThemeChoice;
use crate::protocol::THEME_ATTRIBUTE;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The root's id, as the prerender writes it (app.rs).
pub const ROOT_ID: &str = "kirov-essay";
/// Set while presenting: present or console (stage.rs).
const MODE_ATTRIBUTE: &str = "data-mode";
/// Asks the card layer to close every card.
pub const CLOSE_CARDS_EVENT: &str = "kirov-close-cards";
/// The card layer's home, `<div class="card-layer">`: empty in the prerendered page, where the
/// card layer's half mounts the cards (src/bin/cards.rs).
pub const CARD_LAYER_ID: &str = "card-layer";

pub fn root() -> Option<web_sys::Element> {
    crate::dom::by_id(ROOT_ID)
}

/// The tools' side, in the browser: keeps the root's theme and mode in step with the tools'
/// state, and the theme with the root (a host frame may choose it through the card layer).
pub fn reflect(theme: RwSignal<ThemeChoice>, presenting: RwSignal<Option<usize>>, stage: Stage) {
    Effect::new(move |started: Option<()>| {
        let name = theme.get().name();
        // First the tools take the theme the root already shows (boot.js shows the remembered
        // one before the wasm; a host frame may have chosen since), rather than undo it.
        if started.is_none() {
            if let Some(shown) = shown_theme() {
                if shown != theme.get_untracked() {
                    theme.set(shown);
                }
                return;
            }
        }
        if let Some(root) = root() {
            set_or_remove(&root, THEME_ATTRIBUTE, name);
        }
    });
    Effect::new(move |_| {
        let mode = presenting.get().map(|_| stage.mode());
        if let Some(root) = root() {
            set_or_remove(&root, MODE_ATTRIBUTE, mode);
        }
    });
    Effect::new(move |_| {
        let Some(root) = root() else { return };
        let follow = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            let now = shown_theme().unwrap_or_default();
            if theme.get_untracked() != now {
                theme.set(now);
            }
        });
        let Ok(observer) = web_sys::MutationObserver::new(follow.as_ref().unchecked_ref()) else {
            return;
        };
        follow.forget();
        let options = web_sys::MutationObserverInit::new();
        options.set_attribute_filter(&js_sys::Array::of1(&THEME_ATTRIBUTE.into()));
        let _ = observer.observe_with_options(&root, &options);
    });
}

/// The theme the root shows now: `None` when it follows the system's (or before any is set).
pub fn shown_theme() -> Option<ThemeChoice> {
    ThemeChoice::from_name(&root()?.get_attribute(THEME_ATTRIBUTE)?)
}

/// Shows a theme on the root (a host frame's choice); the tools follow.
pub fn show_theme(choice: ThemeChoice) {
    if let Some(root) = root() {
        set_or_remove(&root, THEME_ATTRIBUTE, choice.name());
    }
}

/// Whether the essay is being presented.
pub fn presenting() -> bool {
    root().is_some_and(|r| r.has_attribute(MODE_ATTRIBUTE))
}

/// Asks the card layer to close every card.
pub fn close_cards() {
    if let (Some(root), Ok(ev)) = (root(), web_sys::Event::new(CLOSE_CARDS_EVENT)) {
        let _ = root.dispatch_event(&ev);
    }
}

fn set_or_remove(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => el.set_attribute(name, value),
        None => el.remove_attribute(name),
    };
}
