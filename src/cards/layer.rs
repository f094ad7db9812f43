//! The card layer: the open cards, drawn from the controller's stack. The prerender writes only
//! its empty home (app.rs); the card layer's wasm half mounts it there (src/bin/cards.rs).

use super::card_texts;
use super::controller::CardController;
use super::deep_link;
use super::frame::CardFrame;
use crate::dom;
use leptos::prelude::*;

/// How long after the card layer wakes the texts of cards other than people's are fetched.
const OTHER_TEXTS_AFTER: std::time::Duration = std::time::Duration::from_secs(3);

#[component]
pub fn CardLayer() -> impl IntoView {
    let cards = crate::page_state::provide_cards().cards;
    cards.mark_triggers();
    deep_link::open_from_address(cards);
    // While a sheet is open the page behind it does not scroll (style/cards.css).
    Effect::new(move |_| {
        let sheet = cards
            .stack
            .with(|s| s.iter().any(|c| c.presentation == super::state::Presentation::Sheet));
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = if sheet {
                root.set_attribute("data-sheet-open", "")
            } else {
                root.remove_attribute("data-sheet-open")
            };
        }
    });
    // The cards' texts: the people's as soon as the cards can open (asked for beside the wasm,
    // assets/boot.js, they are here or nearly), so the first name tapped has its text; the
    // others a few seconds on, once the browser is idle, not while it answers a first tap, which
    // on a phone comes within about a second (a card whose file has not come asks for it as it
    // opens).
    Effect::new(move |_| {
        let [people, others @ ..] = card_texts::KINDS;
        card_texts::load(cards.texts, people);
        let load_others = move || {
            for kind in others {
                card_texts::load(cards.texts, kind);
            }
        };
        set_timeout(move || dom::when_idle(load_others), OTHER_TEXTS_AFTER);
    });
    // Closing a card says where the reader is now (a nested card's parent, or the page).
    let status = RwSignal::new(String::new());
    Effect::new(move |was: Option<usize>| {
        let now = cards.stack.with(|s| s.len());
        if was.is_some_and(|was| now < was) {
            let top = cards
                .stack
                .with_untracked(|s| s.last().map(|c| c.target.clone()))
                .map(|target| cards.texts.with_untracked(|t| t.title(&target)));
            status.set(match top {
                Some(title) => format!("Back to {title}"),
                None => "Card closed".to_string(),
            });
        }
        now
    });
    view! {
        <CardsFrom from=0 />
        <p class="visually-hidden" role="status">{move || status.get()}</p>
    }
}

/// The card at `from` in the stack and every card above it. A card is drawn again only when it
/// changes, so it keeps its element (and the focus in it) while cards open and close above it.
#[component]
fn CardsFrom(
    /// The place in the stack to start from.
    from: usize,
) -> impl IntoView {
    let cards = expect_context::<CardController>();
    let card = Memo::new(move |_| cards.stack.with(|s| s.get(from).cloned()));
    // The card below, whose name a nested card shows as the way back.
    let parent = Memo::new(move |_| {
        let below = from.checked_sub(1)?;
        cards
            .stack
            .with(|s| s.get(below).map(|c| c.target.clone()))
            .map(|target| cards.texts.with(|t| t.title(&target)))
    });
    move || {
        card.get().map(|card| {
            let above = view! { <CardsFrom from=from + 1 /> }.into_any();
            let parent = parent.get_untracked();
            view! { <CardFrame index=from card parent above /> }
        })
    }
}
