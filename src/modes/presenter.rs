//! Classroom presentation: `?mode=present` or the Present button shows one slide at a time, large
//! and high-contrast, each with its own URL (`#slide-7`). A clicker or the keys move it:
//! → ← PageDown PageUp Space (Shift+Space back) Home End, or a number then Enter. Esc leaves (after any open card).

use crate::modes::slides::slides;
use crate::protocol::{MODE_PARAM, PRESENT_MODE, SLIDE_LINK_PREFIX};
use leptos::prelude::*;
use std::cell::RefCell;

/// `None` while reading; `Some(i)` while presenting slide `i`.
#[derive(Clone, Copy)]
pub struct Presenting(pub RwSignal<Option<usize>>);

#[component]
pub fn Presenter() -> impl IntoView {
    let Presenting(state) = expect_context::<Presenting>();
    let count = slides(crate::content()).len();
    start_from_address(state, count);
    show_current_slide(state);
    follow_keys(state, count);
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

/// Starts presenting when the address asks: `?mode=present`, optionally at `#slide-N`.
fn start_from_address(state: RwSignal<Option<usize>>, count: usize) {
    Effect::new(move |_| {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        if crate::dom::url_param(MODE_PARAM).as_deref() == Some(PRESENT_MODE) {
            let start = crate::modes::slides::from_hash(&location.hash().unwrap_or_default(), count).unwrap_or(0);
            state.set(Some(start));
        }
    });
}

/// Shows the current slide's elements, and keeps the URL and the charts in step.
fn show_current_slide(state: RwSignal<Option<usize>>) {
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
}

/// Moves the slides with the keys, from anywhere in the page, while presenting.
fn follow_keys(state: RwSignal<Option<usize>>, count: usize) {
    Effect::new(move |_| {
        let typed = RefCell::new(String::new());
        let listener = window_event_listener(leptos::ev::keydown, move |ev| {
            let Some(at) = state.get_untracked() else { return };
            // A card or a chart that handled the key comes first.
            if ev.default_prevented() || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
                return;
            }
            let next = match key_action(&ev.key(), ev.shift_key(), &mut typed.borrow_mut(), at, count) {
                KeyAction::Go(n) => Some(n),
                KeyAction::Leave => None,
                KeyAction::Nothing => return,
            };
            ev.prevent_default();
            state.set(next);
        });
        on_cleanup(move || listener.remove());
    });
}

/// What a key does while presenting.
#[derive(Debug, PartialEq, Eq)]
enum KeyAction {
    /// Show this slide.
    Go(usize),
    /// Leave the mode.
    Leave,
    Nothing,
}

/// What `key` does at slide `at` of `count`. Digits are collected in `typed` until Enter takes
/// them as a slide number. Space goes forward and Shift+Space back, as in a scrolling page.
fn key_action(key: &str, shift: bool, typed: &mut String, at: usize, count: usize) -> KeyAction {
    let last = count.saturating_sub(1);
    match key {
        " " if shift => KeyAction::Go(at.saturating_sub(1)),
        "ArrowRight" | "ArrowDown" | "PageDown" | " " => KeyAction::Go((at + 1).min(last)),
        "ArrowLeft" | "ArrowUp" | "PageUp" => KeyAction::Go(at.saturating_sub(1)),
        "Home" => KeyAction::Go(0),
        "End" => KeyAction::Go(last),
        "Escape" => KeyAction::Leave,
        "Enter" => std::mem::take(typed)
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=count).contains(n))
            .map_or(KeyAction::Nothing, |n| KeyAction::Go(n - 1)),
        k if k.len() == 1 && k.chars().all(|c| c.is_ascii_digit()) => {
            typed.push_str(k);
            KeyAction::Nothing
        }
        _ => KeyAction::Nothing,
    }
}

/// `#slide-N` while presenting; the plain page URL after.
fn set_url(slide: Option<usize>) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let path = window.location().pathname().unwrap_or_default();
    let url = slide_url(&path, slide);
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

/// The address of slide `slide` (0-based) on the page at `path`, or of the page itself.
fn slide_url(path: &str, slide: Option<usize>) -> String {
    match slide {
        Some(i) => format!("{path}?{MODE_PARAM}={PRESENT_MODE}#{SLIDE_LINK_PREFIX}{}", i + 1),
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_step_jump_and_leave_within_the_slides() {
        let mut typed = String::new();
        let mut key = |k: &str, at| key_action(k, false, &mut typed, at, 10);
        assert_eq!(key("ArrowRight", 3), KeyAction::Go(4));
        assert_eq!(key(" ", 9), KeyAction::Go(9), "the last slide stays");
        assert_eq!(
            key_action(" ", true, &mut String::new(), 4, 10),
            KeyAction::Go(3),
            "Shift+Space goes back"
        );
        assert_eq!(key("PageUp", 0), KeyAction::Go(0));
        assert_eq!(key("End", 2), KeyAction::Go(9));
        assert_eq!(key("Escape", 2), KeyAction::Leave);
        assert_eq!(key("x", 2), KeyAction::Nothing);
    }

    #[test]
    fn a_number_then_enter_goes_to_that_slide_and_nonsense_is_ignored() {
        let mut typed = String::new();
        assert_eq!(key_action("1", false, &mut typed, 0, 12), KeyAction::Nothing);
        assert_eq!(key_action("2", false, &mut typed, 0, 12), KeyAction::Nothing);
        assert_eq!(key_action("Enter", false, &mut typed, 0, 12), KeyAction::Go(11));
        assert_eq!(key_action("9", false, &mut typed, 0, 5), KeyAction::Nothing);
        assert_eq!(
            key_action("Enter", false, &mut typed, 0, 5),
            KeyAction::Nothing,
            "no slide 9 of 5"
        );
        assert_eq!(
            key_action("Enter", false, &mut typed, 0, 5),
            KeyAction::Nothing,
            "nothing typed"
        );
    }

    #[test]
    fn a_slide_has_its_own_address_and_leaving_restores_the_page_address() {
        assert_eq!(slide_url("/essay/", Some(6)), "/essay/?mode=present#slide-7");
        assert_eq!(slide_url("/essay/", None), "/essay/");
    }
}
