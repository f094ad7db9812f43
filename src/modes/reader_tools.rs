//! The reader's settings: light, dark or the system's colours, and classroom presentation. The
//! colour choice is remembered where storage is allowed (it throws inside sandboxed iframes, which
//! is handled).

use crate::modes::stage::Presenting;
use crate::modes::theme::{ChosenTheme, ThemeChoice};
use leptos::prelude::*;

// Exported by the tools half (src/main.rs); the card layer's half leaves it out.
#[cfg_attr(any(feature = "ssr", feature = "tools-half"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "tools-half")), component)]
pub fn ReaderTools() -> impl IntoView {
    crate::page_state::provide();
    let ChosenTheme(theme) = expect_context::<ChosenTheme>();
    let Presenting(presenting) = expect_context::<Presenting>();
    // In the browser: first the choice the page shows (boot.js shows the remembered one before
    // the wasm arrives; a host frame may have chosen since), then every change is remembered.
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            if let Some(saved) = crate::essay_root::shown_theme().or_else(ThemeChoice::remembered) {
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
