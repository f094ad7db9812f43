//! A number in the prose tied to a chart's datum (`a.datum`): without scripts it leads to the
//! datum's row in its figure's table; here the card layer's history brings the figure into view,
//! as a jump that Back returns from (cards/root_events.rs), and the figure's chart opens that datum's
//! tooltip. Under the pointer or focus, it emphasises its marks in every chart.

use crate::figures::chart_runtime;
use leptos::prelude::*;

/// A datum link's target, both written by the prerender (inlines.rs).
pub struct Datum {
    /// The figure that draws it.
    pub figure: String,
    /// The datum's key in that figure's chart.
    pub key: String,
}

/// The datum link a click landed on, if any.
pub fn of(ev: &web_sys::MouseEvent) -> Option<Datum> {
    let link = crate::cards::controller::element(ev.target())?
        .closest("a.datum[data-datum]")
        .ok()??;
    Some(Datum {
        figure: link.get_attribute("data-figure")?,
        key: link.get_attribute("data-datum")?,
    })
}

/// In the browser, on the essay's root: a followed datum link opens its datum's tooltip, and a
/// datum number under the pointer or focus emphasises its marks. The card layer's listener on
/// the same root runs first (it woke first) and takes a click when it jumps; a click it left to
/// the browser (a new tab) opens no tooltip here.
pub fn follow_in_charts() {
    Effect::new(move |_| {
        let Some(root) = crate::dom::by_id(crate::essay_root::ROOT_ID) else {
            return;
        };
        gloo_events::EventListener::new(&root, "click", move |ev| {
            let Some(ev) = wasm_bindgen::JsCast::dyn_ref::<web_sys::MouseEvent>(ev) else {
                return;
            };
            if !ev.default_prevented() {
                return;
            }
            if let Some(datum) = of(ev) {
                chart_runtime::show_datum(&datum.figure, &datum.key);
            }
        })
        .forget();
        for (name, on) in [
            ("pointerover", true),
            ("pointerout", false),
            ("focusin", true),
            ("focusout", false),
        ] {
            gloo_events::EventListener::new(&root, name, move |ev| emphasise(ev, on)).forget();
        }
    });
}

fn emphasise(ev: &web_sys::Event, on: bool) {
    let key = crate::cards::controller::element(ev.target())
        .and_then(|el| el.closest("[data-datum]").ok().flatten())
        .and_then(|d| d.get_attribute("data-datum"));
    if let Some(key) = key {
        chart_runtime::emphasise_everywhere(&key, on);
    }
}
