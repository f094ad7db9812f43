//! The presenter's console (`?mode=console`, opened with S or the Console button): the slide the
//! room sees, the next one, the speaker notes, and the time, overall and on this slide. It moves
//! the room's window and follows it (see `slide_channel.rs`).

use crate::modes::slide_view::SlideView;
use crate::modes::slides::plan;
use crate::modes::speaker_notes::SpeakerNotes;
use crate::modes::stage::{Presenting, Stage};
use leptos::prelude::*;

#[component]
pub fn PresenterConsole() -> impl IntoView {
    let Presenting(state) = expect_context::<Presenting>();
    let stage = expect_context::<Stage>();
    let count = plan().slides.len();
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
    let slide = move |offset: usize| {
        state.get().and_then(|i| {
            let i = i + offset;
            plan().slides.get(i).map(|s| (i, s))
        })
    };
    let preview = move |offset: usize| {
        slide(offset).map(|(i, s)| view! { <div class="console-preview"><SlideView slide=s index=i /></div> })
    };
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
                {move || preview(0)}
            </section>
            <section class="console-next" aria-labelledby="console-next-title">
                <h2 class="console-label" id="console-next-title">"Next"</h2>
                {move || preview(1).map(|v| v.into_any()).unwrap_or_else(|| view! { <p class="console-end">"The end of the slides."</p> }.into_any())}
            </section>
            // Focusable, so the notes scroll by keyboard too.
            <section class="console-notes" aria-labelledby="console-notes-title" tabindex="0">
                <h2 class="console-label" id="console-notes-title">"Notes"</h2>
                {move || slide(0).map(|(_, s)| view! { <SpeakerNotes slide=s /> })}
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
