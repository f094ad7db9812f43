//! The card layer: the open cards, drawn from the controller's stack.

use super::controller::CardController;
use super::deep_link;
use super::frame::CardFrame;
use leptos::prelude::*;

#[component]
pub fn CardLayer() -> impl IntoView {
    let cards = expect_context::<CardController>();
    cards.mark_triggers();
    deep_link::open_from_address(cards);
    view! {
        <div class="card-layer">
            <CardsFrom from=0 />
        </div>
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
    move || {
        card.get().map(|card| {
            let above = view! { <CardsFrom from=from + 1 /> }.into_any();
            view! { <CardFrame index=from card above /> }
        })
    }
}
