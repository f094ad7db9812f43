//! The slide bar along the bottom of the room's screen: previous, where we are, next, the
//! overview, the console, the keys and Exit. Every button has a key too (see `slide_keys.rs`).

use crate::modes::slide_actions::act;
use crate::modes::slide_keys::KeyAction;
use crate::modes::slide_texts::LoadedDeck;
use crate::modes::stage::{Presenting, Stage};
use leptos::prelude::*;

#[component]
pub fn PresenterBar() -> impl IntoView {
    let Presenting(state) = expect_context::<Presenting>();
    let stage = expect_context::<Stage>();
    let LoadedDeck(loaded) = expect_context::<LoadedDeck>();
    let count = move || loaded.with(|d| d.as_ref().map_or(0, |d| d.slides.len()));
    let step = move |delta: isize| {
        let count = loaded.with_untracked(|d| d.as_ref().map_or(0, |d| d.slides.len()));
        if let (Some(i), true) = (state.get_untracked(), count > 0) {
            let n = (i as isize + delta).clamp(0, count as isize - 1) as usize;
            act(KeyAction::Go(n), state, stage);
        }
    };
    let label = move || {
        let i = state.get()?;
        loaded.with(|d| {
            d.as_ref()?.slides.get(i).map(|s| {
                let continued = if s.continued() { " (continued)" } else { "" };
                format!("{}{continued} · {} of {}", s.kind, i + 1, count())
            })
        })
    };
    let room = move || !stage.console.get();
    // Offered only where the browser can place windows on screens (read in the browser only).
    let placing = RwSignal::new(false);
    Effect::new(move |_| placing.set(crate::modes::slide_channel::can_place_windows()));
    view! {
        <nav class="presenter-bar" aria-label="Slides" hidden=move || state.get().is_none()>
            <button type="button" class="presenter-button" on:click=move |_| step(-1) aria-label="Previous slide">"←"</button>
            <span class="presenter-position" aria-live="polite">{label}</span>
            <button type="button" class="presenter-button" on:click=move |_| step(1) aria-label="Next slide">"→"</button>
            <button type="button" class="presenter-button presenter-overview" hidden=move || !room() on:click=move |_| act(KeyAction::Overview, state, stage)>
                "Overview"
            </button>
            <button type="button" class="presenter-button presenter-blank-button" aria-pressed=move || stage.blank.get().to_string() on:click=move |_| act(KeyAction::Blank, state, stage)>
                "Blank"
            </button>
            <button type="button" class="presenter-button presenter-console-button" hidden=move || !room() on:click=move |_| act(KeyAction::Console, state, stage)>
                "Console"
            </button>
            <button type="button" class="presenter-button presenter-place" hidden=move || !(room() && placing.get()) on:click=move |_| crate::modes::slide_channel::full_screen_on_other_screen()>
                "Other screen"
            </button>
            <button type="button" class="presenter-button" aria-label="Keys" on:click=move |_| act(KeyAction::Help, state, stage)>"?"</button>
            <button type="button" class="presenter-button presenter-exit" hidden=move || !room() on:click=move |_| state.set(None)>"Exit"</button>
        </nav>
    }
}
