//! What a key, or a button of the bar or the console, asks of the presentation.

use crate::modes::slide_keys::KeyAction;
use crate::modes::stage::Stage;
use leptos::prelude::*;

/// Does what a key (or a button of the bar or console) asks.
pub fn act(action: KeyAction, state: RwSignal<Option<usize>>, stage: Stage) {
    match action {
        KeyAction::Go(n) => {
            stage.blank.set(false);
            state.set(Some(n));
        }
        KeyAction::Blank => stage.blank.update(|b| *b = !*b),
        KeyAction::Overview if !stage.console.get_untracked() => stage.overview.update(|o| *o = !*o),
        KeyAction::FullScreen => toggle_full_screen(),
        KeyAction::Console if !stage.console.get_untracked() => {
            crate::modes::slide_channel::open_console(state.get_untracked().unwrap_or(0))
        }
        KeyAction::Help => stage.help.update(|h| *h = !*h),
        _ => {}
    }
}

/// Full screen for the whole page, or back.
fn toggle_full_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        let _ = root.request_fullscreen();
    }
}
