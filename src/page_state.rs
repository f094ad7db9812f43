//! What the islands share. The prose is static HTML; only the interactive parts (the card
//! layer, the reader tools, the reading progress, each figure, the people filter, the presenter)
//! hydrate, each on its own with no parent component to inherit context from. So the page's
//! state lives here, made once by the first island that asks, and every island puts it into its
//! own context before it renders, so the components inside read it as before.
//!
//! The essay's root element is static too: the state also drives it (its theme and mode
//! attributes) and listens on it for the events every card trigger and prose link share.

use crate::cards::cite_card::PageUrl;
use crate::cards::controller::CardController;
use crate::modes::stage::{Presenting, Stage};
use crate::modes::theme::{ChosenTheme, ThemeChoice};
use crate::navigation::history::Navigation;
use leptos::prelude::*;
use std::cell::OnceCell;

/// The state every island shares.
#[derive(Clone, Copy)]
pub struct PageState {
    pub cards: CardController,
    pub theme: RwSignal<ThemeChoice>,
    /// `None` while reading; `Some(i)` while presenting slide `i`.
    pub presenting: RwSignal<Option<usize>>,
    pub stage: Stage,
    pub navigation: Navigation,
    pub page_url: RwSignal<String>,
}

thread_local! {
    static STATE: OnceCell<PageState> = const { OnceCell::new() };
}

/// The page's state, made on first use under an owner of its own that lives as long as the
/// page (an island's owner would take the signals with it if it were ever disposed).
pub fn page_state() -> PageState {
    STATE.with(|cell| {
        *cell.get_or_init(|| {
            let owner = Owner::new_root(None);
            let state = owner.with(make);
            std::mem::forget(owner);
            state
        })
    })
}

fn make() -> PageState {
    let cards = CardController::new();
    let presenting = RwSignal::new(None::<usize>);
    let navigation = Navigation::new(cards, Signal::derive(move || presenting.get().is_some()));
    let state = PageState {
        cards,
        theme: RwSignal::new(ThemeChoice::Auto),
        presenting,
        stage: Stage::new(),
        navigation,
        page_url: RwSignal::new(String::new()),
    };
    // Effects run only in the browser, never in the prerender.
    navigation.keep_in_step();
    Effect::new(move |_| state.page_url.set(crate::dom::page_url()));
    Effect::new(move |_| crate::modes::embed::start(state.theme));
    crate::essay_root::drive(crate::essay_root::RootState {
        cards,
        theme: state.theme,
        presenting,
        stage: state.stage,
        navigation,
    });
    state
}

/// Puts the page's state into the current island's context.
pub fn provide() -> PageState {
    let state = page_state();
    provide_context(state.cards);
    provide_context(ChosenTheme(state.theme));
    provide_context(Presenting(state.presenting));
    provide_context(state.stage);
    provide_context(PageUrl(state.page_url));
    state
}
