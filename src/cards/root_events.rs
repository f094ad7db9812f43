//! The card layer listens on the essay's root element for the events every card trigger and
//! prose link share: one listener each for the whole essay, rather than one per link.

use super::controller::CardController;
use crate::navigation::history::Navigation;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// In the browser: routes the root's events to the cards and the history.
pub fn route(cards: CardController, navigation: Navigation) {
    Effect::new(move |_| {
        let Some(root) = crate::essay_root::root() else { return };
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
                navigation.before_click(&ev);
                cards.click(ev.clone());
                // A number tied to a chart leads to its figure (whose tools show the datum).
                match crate::figures::datum_link::of(&ev) {
                    Some(datum) => {
                        navigation.follow_to(&ev, &format!("fig-{}", datum.figure));
                    }
                    None => {
                        navigation.follow(&ev);
                    }
                }
            }),
        );
        on(
            crate::essay_root::CLOSE_CARDS_EVENT,
            Box::new(move |_| cards.close_all()),
        );
        // From here a tap on a name reaches the cards: boot.js stops holding taps for them.
        if let (Some(window), Ok(ev)) = (
            web_sys::window(),
            web_sys::Event::new(crate::protocol::CARDS_AWAKE_EVENT),
        ) {
            let _ = window.dispatch_event(&ev);
        }
    });
}
