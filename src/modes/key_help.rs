//! The list of every presentation key (`?`), from the same table the key handler follows.

use crate::modes::slide_keys::KEYS;
use crate::modes::stage::{Presenting, Stage};
use leptos::prelude::*;

#[component]
pub fn KeyHelp() -> impl IntoView {
    let Presenting(state) = expect_context::<Presenting>();
    let stage = expect_context::<Stage>();
    let close = NodeRef::<leptos::html::Button>::new();
    // Focus moves into the list when it opens, so Tab and screen readers find it.
    Effect::new(move |_| {
        if stage.help.get() {
            request_animation_frame(move || {
                if let Some(b) = close.get_untracked() {
                    let _ = b.focus();
                }
            });
        }
    });
    view! {
        <div
            class="key-help"
            role="dialog"
            aria-modal="true"
            aria-labelledby="key-help-title"
            hidden=move || !(stage.help.get() && state.get().is_some())
            // Modal: its one button keeps the focus until the list closes.
            on:keydown=move |ev| {
                if ev.key() == "Tab" {
                    ev.prevent_default();
                }
            }
        >
            <h2 id="key-help-title">"Keys"</h2>
            <dl class="key-help-list">
                {KEYS.iter().map(|(keys, what)| view! { <dt>{*keys}</dt><dd>{*what}</dd> }).collect_view()}
            </dl>
            <button type="button" class="presenter-button" node_ref=close on:click=move |_| stage.help.set(false)>
                "Close"
            </button>
        </div>
    }
}
