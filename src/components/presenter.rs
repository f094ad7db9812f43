//! Classroom presentation: `?mode=present` or the Present button shows one slide at a time, large
//! and high-contrast, each with its own URL (`#slide-7`). A clicker or the keys move it:
//! → ← PageDown PageUp Space Home End, or a number then Enter. Esc leaves (after any open card).

use crate::slides::slides;
use leptos::prelude::*;

/// `None` while reading; `Some(i)` while presenting slide `i`.
#[derive(Clone, Copy)]
pub struct Presenting(pub RwSignal<Option<usize>>);

#[component]
pub fn Presenter() -> impl IntoView {
    let Presenting(state) = expect_context::<Presenting>();
    let count = slides(crate::content()).len();
    #[cfg(target_arch = "wasm32")]
    browser::run(state, count);
    let go = move |delta: isize| {
        state.update(|s| {
            if let Some(i) = s {
                *i = (*i as isize + delta).clamp(0, count as isize - 1) as usize;
            }
        })
    };
    let label = move || {
        state.get().and_then(|i| {
            slides(crate::content())
                .get(i)
                .map(|s| format!("{} · {} of {count}", s.kind, i + 1))
        })
    };
    view! {
        <nav class="presenter-bar" aria-label="Slides" hidden=move || state.get().is_none()>
            <button type="button" class="presenter-button" on:click=move |_| go(-1) aria-label="Previous slide">"←"</button>
            <span class="presenter-position" aria-live="polite">{label}</span>
            <button type="button" class="presenter-button" on:click=move |_| go(1) aria-label="Next slide">"→"</button>
            <button type="button" class="presenter-button presenter-exit" on:click=move |_| state.set(None)>"Exit"</button>
        </nav>
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use gloo_events::EventListener;
    use send_wrapper::SendWrapper;
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;

    thread_local! {
        static DIGITS: RefCell<String> = const { RefCell::new(String::new()) };
    }

    pub fn run(state: RwSignal<Option<usize>>, count: usize) {
        // Start from the URL: `?mode=present`, optionally at `#slide-N`.
        Effect::new(move |_| {
            let Some(location) = web_sys::window().map(|w| w.location()) else {
                return;
            };
            let search = location.search().unwrap_or_default();
            if search.contains("mode=present") {
                let start = crate::slides::from_hash(&location.hash().unwrap_or_default(), count).unwrap_or(0);
                state.set(Some(start));
            }
        });
        // Show the current slide's elements; keep the URL and the charts in step.
        Effect::new(move |previous: Option<Option<usize>>| {
            let current = state.get();
            for el in crate::dom::query_all(".on-slide") {
                let _ = el.class_list().remove_1("on-slide");
            }
            if let Some(i) = current {
                if let Some(slide) = slides(crate::content()).get(i) {
                    for id in &slide.ids {
                        if let Some(el) = crate::dom::by_id(id) {
                            let _ = el.class_list().add_1("on-slide");
                        }
                    }
                }
                set_url(Some(i));
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            } else if previous.flatten().is_some() {
                set_url(None);
            }
            current
        });
        let Some(window) = web_sys::window() else { return };
        // Not passive: the keys it handles must not also scroll the page.
        let options = gloo_events::EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&window, "keydown", options, move |event| {
            let Some(ev) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let Some(i) = state.get_untracked() else { return };
            // A card or a chart that handled the key comes first.
            if ev.default_prevented() || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
                return;
            }
            let last = count.saturating_sub(1);
            let key = ev.key();
            let next = match key.as_str() {
                "ArrowRight" | "ArrowDown" | "PageDown" | " " => Some((i + 1).min(last)),
                "ArrowLeft" | "ArrowUp" | "PageUp" => Some(i.saturating_sub(1)),
                "Home" => Some(0),
                "End" => Some(last),
                "Escape" => {
                    state.set(None);
                    ev.prevent_default();
                    return;
                }
                "Enter" => {
                    let typed = DIGITS.with(|d| std::mem::take(&mut *d.borrow_mut()));
                    typed
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=count).contains(n))
                        .map(|n| n - 1)
                }
                k if k.len() == 1 && k.chars().all(|c| c.is_ascii_digit()) => {
                    DIGITS.with(|d| d.borrow_mut().push_str(k));
                    None
                }
                _ => None,
            };
            if let Some(n) = next {
                ev.prevent_default();
                state.set(Some(n));
            }
        });
        let held = SendWrapper::new(listener);
        on_cleanup(move || drop(held.take()));
    }

    /// `#slide-N` while presenting; the plain page URL after.
    fn set_url(slide: Option<usize>) {
        let Some(window) = web_sys::window() else { return };
        let Ok(history) = window.history() else { return };
        let location = window.location();
        let path = location.pathname().unwrap_or_default();
        let url = match slide {
            Some(i) => format!("{path}?mode=present#slide-{}", i + 1),
            None => path,
        };
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
