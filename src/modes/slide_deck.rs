//! The slides, shown while presenting (never in the prerendered page) from the texts the build
//! rendered (`slides.json`, see `slide_texts.rs`). On a projector one slide shows at a time;
//! below 640 px wide (students following on a phone) they are a vertical scroll, and the slide read at the top of the screen is the one in the address.
//! In print they are the handout: one slide per landscape page with its speaker notes.

use crate::modes::slide_charts::LoadedCharts;
use crate::modes::slide_texts::LoadedDeck;
use crate::modes::slide_view::SlideView;
use crate::modes::stage::Presenting;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Below this width the deck is a scroll of slides, as on a phone.
pub const SCROLL_BELOW: f64 = 640.0;

/// Whether the deck is a vertical scroll (a narrow screen) rather than one slide at a time.
pub fn scrolling() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < SCROLL_BELOW)
}

#[component]
pub fn SlideDeck() -> impl IntoView {
    let Presenting(state) = expect_context::<Presenting>();
    let LoadedDeck(loaded) = expect_context::<LoadedDeck>();
    let charts = expect_context::<LoadedCharts>();
    // Shown only once the texts are here (presenter.rs).
    let texts = loaded.get_untracked().unwrap_or_default();
    let count = texts.slides.len();
    let deck = NodeRef::<leptos::html::Div>::new();
    follow_scroll(deck, state);
    // Charts come soon in a talk, and the handout needs them drawn at once: load them now.
    Effect::new(move |_| crate::modes::slide_charts::load(charts));
    // On a phone, a slide chosen by key or link scrolls into view.
    Effect::new(move |_| {
        let Some(i) = state.get() else { return };
        if scrolling() {
            if let Some(el) = crate::dom::by_id(&slide_id(i)) {
                if !near_top(&el) {
                    el.scroll_into_view();
                }
            }
        }
    });
    view! {
        <div class="slide-deck" node_ref=deck aria-roledescription="slide deck" role="region" aria-label="Slides">
            {texts
                .slides
                .iter()
                .enumerate()
                .map(|(i, slide)| {
                    let current = move || state.get() == Some(i);
                    view! {
                        <section
                            class="slide"
                            class:is-current=current
                            id=slide_id(i)
                            data-slide=(i + 1).to_string()
                            data-section=slide.section.clone()
                            aria-roledescription="slide"
                            aria-label=format!("Slide {} of {count}: {}", i + 1, slide.title)
                            aria-current=move || current().then_some("true")
                            tabindex="-1"
                        >
                            <SlideView deck=texts.clone() index=i />
                            <div class="slide-handout-notes" inner_html=slide.notes.clone()></div>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The element id of slide `index` (0-based), which is also its address: `#slide-N`.
pub fn slide_id(index: usize) -> String {
    format!("{}{}", crate::protocol::SLIDE_LINK_PREFIX, index + 1)
}

fn near_top(el: &web_sys::Element) -> bool {
    el.get_bounding_client_rect().top().abs() < 2.0
}

/// On a phone, the slide crossing the top third of the screen becomes the current one.
fn follow_scroll(deck: NodeRef<leptos::html::Div>, state: RwSignal<Option<usize>>) {
    Effect::new(move |_| {
        let Some(root) = deck.get() else { return };
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if !scrolling() {
                return;
            }
            for e in entries.iter() {
                let e: web_sys::IntersectionObserverEntry = e.unchecked_into();
                if !e.is_intersecting() {
                    continue;
                }
                let n = e
                    .target()
                    .get_attribute("data-slide")
                    .and_then(|n| n.parse::<usize>().ok());
                if let Some(n) = n.filter(|n| *n >= 1) {
                    if state.get_untracked() != Some(n - 1) {
                        state.set(Some(n - 1));
                    }
                }
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        // A band a third of the way down the screen.
        options.set_root_margin("-33% 0px -66% 0px");
        let Ok(observer) = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
        else {
            return;
        };
        let root: web_sys::Element = root.into();
        if let Ok(list) = root.query_selector_all(".slide") {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    observer.observe(&el);
                }
            }
        }
        let held = SendWrapper::new((observer, callback));
        on_cleanup(move || {
            let (observer, _callback) = held.take();
            observer.disconnect();
        });
    });
}
