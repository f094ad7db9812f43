//! The essay's root element, which stays static HTML: the page's state sets its theme and mode
//! attributes, and listens on it for the events that card triggers, prose links and numbers
//! tied to a chart share (one listener each for the whole essay, rather than one per link).

use crate::cards::controller::CardController;
use crate::modes::stage::Stage;
use crate::modes::theme::ThemeChoice;
use crate::navigation::history::Navigation;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The root's id, as the prerender writes it (app.rs).
pub const ROOT_ID: &str = "kirov-essay";

/// The parts of the page's state the root answers to.
pub struct RootState {
    pub cards: CardController,
    pub theme: RwSignal<ThemeChoice>,
    pub presenting: RwSignal<Option<usize>>,
    pub stage: Stage,
    pub navigation: Navigation,
}

/// In the browser: keeps the root's attributes in step with the state and routes its events.
pub fn drive(state: RootState) {
    let RootState {
        cards,
        theme,
        presenting,
        stage,
        navigation,
    } = state;
    Effect::new(move |_| {
        let name = theme.get().name();
        if let Some(root) = crate::dom::by_id(ROOT_ID) {
            set_or_remove(&root, "data-theme", name);
        }
    });
    Effect::new(move |_| {
        let mode = presenting.get().map(|_| stage.mode());
        if let Some(root) = crate::dom::by_id(ROOT_ID) {
            set_or_remove(&root, "data-mode", mode);
        }
    });
    Effect::new(move |_| {
        let Some(root) = crate::dom::by_id(ROOT_ID) else { return };
        let on = |name: &'static str, f: Box<dyn Fn(web_sys::Event)>| {
            // Not passive: a click on a trigger or a prose link is taken over (preventDefault).
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            gloo_events::EventListener::new_with_options(&root, name, options, move |ev| f(ev.clone())).forget();
        };
        on(
            "pointerover",
            Box::new(move |ev| cards.pointer_over(ev.unchecked_into())),
        );
        on("pointerout", Box::new(move |ev| cards.pointer_out(ev.unchecked_into())));
        on("focusin", Box::new(move |ev| cards.focus_in(ev.unchecked_into())));
        on("focusout", Box::new(move |ev| cards.focus_out(ev.unchecked_into())));
        on("keydown", Box::new(move |ev| cards.key(ev.unchecked_into())));
        on(
            "click",
            Box::new(move |ev| {
                let ev: web_sys::MouseEvent = ev.unchecked_into();
                cards.click(ev.clone());
                if !crate::figures::datum_link::follow(&ev, navigation) {
                    navigation.follow(&ev);
                }
            }),
        );
    });
}

fn set_or_remove(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => el.set_attribute(name, value),
        None => el.remove_attribute(name),
    };
}
