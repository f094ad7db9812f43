//! The overview (O, or Esc from a slide): every slide as a tile with its number, kind and title,
//! to jump to with a click, Enter, or the arrow keys then Enter. Esc or O closes it.

use crate::modes::slide_deck::slide_id;
use crate::modes::slide_texts::LoadedDeck;
use crate::modes::stage::{Presenting, Stage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Overview() -> impl IntoView {
    let Presenting(state) = expect_context::<Presenting>();
    let stage = expect_context::<Stage>();
    let LoadedDeck(loaded) = expect_context::<LoadedDeck>();
    // Shown only once the texts are here (presenter.rs).
    let texts = loaded.get_untracked().unwrap_or_default();
    let count = texts.slides.len();
    // Focus goes to the current slide's tile on opening, and to the slide shown on closing (a
    // screen reader then reads its name).
    Effect::new(move |was_open: Option<bool>| {
        let open = stage.overview.get();
        let at = state.get_untracked().unwrap_or(0);
        if open {
            request_animation_frame(move || focus_tile(at));
        } else if was_open == Some(true) {
            request_animation_frame(move || {
                if let Some(slide) = crate::dom::by_id(&slide_id(at)) {
                    let _ = slide.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
        open
    });
    let jump = move |i: usize| {
        stage.overview.set(false);
        stage.blank.set(false);
        state.set(Some(i));
    };
    view! {
        // Not modal: the slide bar stays in reach beside it.
        <div class="overview" role="dialog" aria-label="Overview of the slides" hidden=move || !stage.overview.get()>
            <ol class="overview-grid" on:keydown=move |ev| arrows(&ev, count)>
                {texts
                    .slides
                    .iter()
                    .enumerate()
                    .map(|(i, s)| view! {
                        <li>
                            <a
                                class="overview-tile"
                                href=format!("#{}", slide_id(i))
                                data-tile=i.to_string()
                                aria-current=move || (state.get() == Some(i)).then_some("true")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    jump(i);
                                }
                            >
                                <span class="overview-number">{(i + 1).to_string()}</span>
                                <span class="overview-kind">{s.kind.clone()} {s.continued().then_some(" · continued")}</span>
                                <span class="overview-title">{s.title.clone()}</span>
                            </a>
                        </li>
                    })
                    .collect_view()}
            </ol>
        </div>
    }
}

fn focus_tile(i: usize) {
    if let Some(el) = crate::dom::query(&format!(".overview-tile[data-tile=\"{i}\"]")) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Arrow keys move between tiles: left and right by one, up and down by a row of the grid.
fn arrows(ev: &leptos::ev::KeyboardEvent, count: usize) {
    let Some(at) = crate::dom::active_element()
        .and_then(|el| el.get_attribute("data-tile"))
        .and_then(|t| t.parse::<usize>().ok())
    else {
        return;
    };
    let columns = crate::dom::query(".overview-grid")
        .and_then(|g| web_sys::window()?.get_computed_style(&g).ok().flatten())
        .and_then(|s| s.get_property_value("grid-template-columns").ok())
        .map_or(1, |cols| cols.split_whitespace().count().max(1));
    let next = match ev.key().as_str() {
        "ArrowRight" => at + 1,
        "ArrowLeft" => at.wrapping_sub(1),
        "ArrowDown" => at + columns,
        "ArrowUp" => at.wrapping_sub(columns),
        "Home" => 0,
        "End" => count - 1,
        _ => return,
    };
    ev.prevent_default();
    if next < count {
        focus_tile(next);
    }
}
