//! The reader's settings: light, dark or the system's colours, and classroom presentation. The choice is remembered where
//! storage is allowed (it throws inside sandboxed iframes, which is handled).

use crate::components::presenter::Presenting;
use leptos::prelude::*;

/// The colour theme: `None` follows `prefers-color-scheme`.
#[derive(Clone, Copy)]
pub struct ThemeChoice(pub RwSignal<Option<&'static str>>);

#[cfg(target_arch = "wasm32")]
const KEY: &str = "kirov-essay-theme";
const CHOICES: [(Option<&str>, &str); 3] = [(None, "Auto"), (Some("light"), "Light"), (Some("dark"), "Dark")];

#[component]
pub fn ReaderTools() -> impl IntoView {
    let ThemeChoice(theme) = expect_context::<ThemeChoice>();
    let Presenting(presenting) = expect_context::<Presenting>();
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            if let Some(saved) = load() {
                theme.set(CHOICES.iter().find_map(|(v, _)| v.filter(|v| *v == saved)));
            }
        } else {
            save(theme.get());
        }
        theme.track();
    });
    view! {
        <div class="reader-tools" role="group" aria-label="Reading settings">
            <span class="reader-tools-label" aria-hidden="true">"Theme"</span>
            {CHOICES
                .into_iter()
                .map(|(value, name)| view! {
                    <button
                        type="button"
                        class="reader-tool"
                        aria-pressed=move || (theme.get() == value).to_string()
                        aria-label=format!("{name} colour theme")
                        on:click=move |_| theme.set(value)
                    >
                        {name}
                    </button>
                })
                .collect_view()}
            <button type="button" class="reader-tool reader-present" on:click=move |_| presenting.set(Some(0))>
                "Present"
            </button>
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    // `localStorage` throws in a sandboxed iframe without allow-same-origin: treat as absent.
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(target_arch = "wasm32")]
fn load() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

#[cfg(target_arch = "wasm32")]
fn save(choice: Option<&str>) {
    if let Some(s) = storage() {
        let _ = match choice {
            Some(v) => s.set_item(KEY, v),
            None => s.remove_item(KEY),
        };
    }
}
