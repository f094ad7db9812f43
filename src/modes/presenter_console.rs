//! The presenter's console (`?mode=console`, opened with S or the Console button): the slide the
//! room sees, the next one, the speaker notes, and the time, overall and on this slide. It moves
//! the room's window and follows it (see `slide_channel.rs`).

use crate::modes::slide_charts::LoadedCharts;
use crate::modes::slide_texts::LoadedDeck;
use crate::modes::slide_view::SlideView;
use crate::modes::stage::{Presenting, Stage};
use leptos::prelude::*;

#[component]
pub fn PresenterConsole() -> impl IntoView {
    let Presenting(state) = expect_context::<Presenting>();
    let stage = expect_context::<Stage>();
    let LoadedDeck(loaded) = expect_context::<LoadedDeck>();
    let charts = expect_context::<LoadedCharts>();
    // Shown only once the texts are here (presenter.rs).
    let texts = loaded.get_untracked().unwrap_or_default();
    let count = texts.slides.len();
    Effect::new(move |_| crate::modes::slide_charts::load(charts));
    // Milliseconds since the epoch: when the console opened, when this slide came, and now.
    let started = RwSignal::new(0.0);
    let slide_started = RwSignal::new(0.0);
    let now = RwSignal::new(0.0);
    Effect::new(move |_| {
        let t = js_sys::Date::now();
        started.set(t);
        now.set(t);
        let tick = gloo_timers::callback::Interval::new(1000, move || now.set(js_sys::Date::now()));
        let held = send_wrapper::SendWrapper::new(tick);
        on_cleanup(move || drop(held.take()));
    });
    Effect::new(move |_| {
        state.track();
        slide_started.set(js_sys::Date::now());
        now.set(js_sys::Date::now());
    });
    // The slide `offset` after the one shown, if there is one.
    let slide = move |offset: usize| state.get().map(|i| i + offset).filter(|i| *i < count);
    let preview = {
        let texts = texts.clone();
        move |offset: usize| {
            slide(offset).map(|i| view! { <div class="console-preview"><SlideView deck=texts.clone() index=i /></div> })
        }
    };
    let notes = move || slide(0).map(|i| texts.slides[i].notes.clone());
    view! {
        <main class="console" aria-label="Presenter console">
            <header class="console-head">
                <h1 class="console-title">"Presenter console"</h1>
                <p class="console-position">{move || state.get().map(|i| format!("Slide {} of {count}", i + 1))}</p>
                <p class="console-blank" hidden=move || !stage.blank.get()>"The room's screen is blank"</p>
                <p class="console-time">
                    "Elapsed " <span class="console-elapsed">{move || clock(now.get() - started.get())}</span>
                    " · this slide " <span class="console-slide-time">{move || clock(now.get() - slide_started.get())}</span>
                </p>
                <button type="button" class="presenter-button" on:click=move |_| {
                    let t = js_sys::Date::now();
                    started.set(t);
                    slide_started.set(t);
                    now.set(t);
                }>"Restart the clock"</button>
            </header>
            <section class="console-now" aria-labelledby="console-now-title">
                <h2 class="console-label" id="console-now-title">"Now"</h2>
                {let preview = preview.clone(); move || preview(0)}
            </section>
            <section class="console-next" aria-labelledby="console-next-title">
                <h2 class="console-label" id="console-next-title">"Next"</h2>
                {move || preview(1).map(|v| v.into_any()).unwrap_or_else(|| view! { <p class="console-end">"The end of the slides."</p> }.into_any())}
            </section>
            // Focusable, so the notes scroll by keyboard too.
            <section class="console-notes" aria-labelledby="console-notes-title" tabindex="0">
                <h2 class="console-label" id="console-notes-title">"Notes"</h2>
                {move || notes().map(|html| view! { <div inner_html=html></div> })}
            </section>
        </main>
    }
}

/// "4:05", or "1:02:09" past an hour.
pub fn clock(ms: f64) -> String {
    let s = (ms.max(0.0) / 1000.0).floor() as u64;
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_clock_reads_minutes_and_seconds() {
        assert_eq!(super::clock(0.0), "0:00");
        assert_eq!(super::clock(245_900.0), "4:05");
        assert_eq!(super::clock(3_729_000.0), "1:02:09");
    }
}
