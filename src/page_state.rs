//! What the islands share. The prose is static HTML; only the interactive parts hydrate, each on
//! its own with no parent component to inherit context from. So the page's state lives here,
//! made once by the first island that asks, and every island puts it into its own context before
//! it renders, so the components inside read it as before.
//!
//! The page has two halves, each a wasm of its own (src/bin/cards.rs, src/main.rs): the card
//! layer, which a reader's first tap needs, and the tools, figures and presenter. They share no
//! memory: each half has its state here, and they meet only on the essay's root element
//! (essay_root.rs).

use crate::cards::cite_card::PageUrl;
use crate::cards::controller::CardController;
use crate::modes::stage::{Presenting, Stage};
use crate::modes::theme::{ChosenTheme, ThemeChoice};
use crate::navigation::history::Navigation;
use leptos::prelude::*;
use std::cell::OnceCell;

/// The state the tools, the figures and the presenter share.
#[derive(Clone, Copy)]
pub struct PageState {
    pub theme: RwSignal<ThemeChoice>,
    /// `None` while reading; `Some(i)` while presenting slide `i`.
    pub presenting: RwSignal<Option<usize>>,
    pub stage: Stage,
    pub page_url: RwSignal<String>,
}

/// The card layer's state.
#[derive(Clone, Copy)]
pub struct CardState {
    pub cards: CardController,
}

thread_local! {
    static STATE: OnceCell<PageState> = const { OnceCell::new() };
    static CARDS: OnceCell<CardState> = const { OnceCell::new() };
}

/// Makes `make`'s state under an owner of its own that lives as long as the page (an island's
/// owner would take the signals with it if it were ever disposed).
fn for_the_page<T>(make: impl FnOnce() -> T) -> T {
    let owner = Owner::new_root(None);
    let state = owner.with(make);
    std::mem::forget(owner);
    state
}

/// The page's address, for citations. Browser only in effect (the Effect never runs in the
/// prerender).
fn page_url() -> RwSignal<String> {
    let url = RwSignal::new(String::new());
    Effect::new(move |_| url.set(crate::dom::page_url()));
    url
}

/// Puts the tools' state into the current island's context.
pub fn provide() -> PageState {
    let state = STATE.with(|cell| *cell.get_or_init(|| for_the_page(make)));
    provide_context(ChosenTheme(state.theme));
    provide_context(Presenting(state.presenting));
    provide_context(state.stage);
    provide_context(PageUrl(state.page_url));
    state
}

fn make() -> PageState {
    let state = PageState {
        theme: RwSignal::new(ThemeChoice::Auto),
        presenting: RwSignal::new(None::<usize>),
        stage: Stage::new(),
        page_url: page_url(),
    };
    // Effects run only in the browser, never in the prerender.
    crate::essay_root::reflect(state.theme, state.presenting, state.stage);
    crate::figures::datum_link::follow_in_charts();
    crate::cards::cite_card::fill_opened(state.page_url);
    state
}

/// Puts the card layer's state into the current island's context.
pub fn provide_cards() -> CardState {
    let state = CARDS.with(|cell| *cell.get_or_init(|| for_the_page(make_cards)));
    provide_context(state.cards);
    state
}

fn make_cards() -> CardState {
    let cards = CardController::new();
    let navigation = Navigation::new(cards);
    navigation.keep_in_step();
    crate::cards::root_events::route(cards, navigation);
    // In a journal's frame: the height, the reader's band and the host's theme.
    Effect::new(move |_| crate::modes::embed::start());
    CardState { cards }
}
