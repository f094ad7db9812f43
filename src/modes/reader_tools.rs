//! The reader's settings: light, dark or the system's colours, and classroom presentation. The
//! colour choice is remembered where storage is allowed (it throws inside sandboxed iframes, which
//! is handled).

use crate::modes::stage::Presenting;
use crate::modes::theme::{ChosenTheme, ThemeChoice};
use leptos::prelude::*;

#[island]
pub fn ReaderTools() -> impl IntoView {
    crate::page_state::provide();
    let ChosenTheme(theme) = expect_context::<ChosenTheme>();
    let Presenting(presenting) = expect_context::<Presenting>();
    // In the browser: first the remembered choice, then every change is remembered.
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            if let Some(saved) = ThemeChoice::remembered() {
                theme.set(saved);
            }
        } else {
            theme.get().remember();
        }
        theme.track();
    });
    view! {
        // A landmark of its own (complementary), so no content sits outside every landmark.
        <aside class="reader-tools" aria-label="Reading settings">
            <span class="reader-tools-label" aria-hidden="true">"Theme"</span>
            {ThemeChoice::ALL
                .into_iter()
                .map(|choice| view! {
                    <button
                        type="button"
                        class="reader-tool"
                        aria-pressed=move || (theme.get() == choice).to_string()
                        aria-label=format!("{} colour theme", choice.label())
                        on:click=move |_| theme.set(choice)
                    >
                        {choice.label()}
                    </button>
                })
                .collect_view()}
            <button type="button" class="reader-tool reader-present" on:click=move |_| crate::modes::present_from_frame::start(presenting, 0)>
                "Present"
            </button>
        </aside>
    }
}
