//! One card's frame around its body: a preview (a tooltip beside its trigger), a pinned card (a
//! non-modal dialog beside it) or a bottom sheet (see `sheet`).

use super::card_texts;
use super::controller::CardController;
use super::sheet::Sheet;
use super::state::{CardTarget, OpenCard, Presentation};
use crate::dom::px;
use leptos::prelude::*;

#[component]
pub fn CardFrame(
    /// The card's place in the stack (0 = the bottom card).
    index: usize,
    /// The card to show.
    card: OpenCard,
    /// The name of the card below, when this one was opened from inside it.
    parent: Option<String>,
    /// The cards opened above this one.
    above: AnyView,
) -> impl IntoView {
    let cards = expect_context::<CardController>();
    let dom_id = card.target.dom_id(index);
    let heading_id = format!("{dom_id}-title");
    let presentation = card.presentation;
    let close = (presentation != Presentation::Preview).then(|| {
        view! {
            <button type="button" class="card-close" aria-label="Close" on:click=move |_| cards.close_from(index)>"×"</button>
        }
    });
    // A pinned card or sheet opened from inside another shows the way back to it.
    let back = parent.filter(|_| presentation != Presentation::Preview).map(|title| {
        view! {
            <button type="button" class="card-back" on:click=move |_| cards.close_from(index)>
                <span aria-hidden="true">"‹ "</span>
                <span class="visually-hidden">"Back to "</span>
                {title}
            </button>
        }
    });
    let body = match &card.target {
        CardTarget::Paragraph(id) => {
            // A stand-in, which the tools' half fills (cite_card::fill_opened; the attributes
            // are its CITE_BODY and CITE_HEADING).
            view! {
                {back}
                <div class="card-body" data-cite-body=id.clone() data-cite-heading=heading_id.clone()>
                    <h2 class="card-title" id=heading_id.clone() aria-busy="true">"Loading…"</h2>
                </div>
            }
            .into_any()
        }
        target => {
            // Drawn from the body the build rendered (card_texts), once it is here.
            let key = card_texts::key(target).unwrap_or_default();
            let (texts, heading_id) = (cards.texts, heading_id.clone());
            let html = move || texts.with(|t| card_texts::body(t.body(&key), &heading_id));
            view! { {back} <div class="card-body" inner_html=html></div> }.into_any()
        }
    };
    if presentation == Presentation::Sheet {
        let (trigger, side) = (card.trigger.clone(), card.place.side);
        return view! { <Sheet index dom_id heading_id trigger side close=close.into_any() body=body.into_any() above /> }.into_any();
    }
    let (class, role) = match presentation {
        Presentation::Preview => ("card card-preview", "tooltip"),
        _ => ("card card-pinned", "dialog"),
    };
    let place = card.place;
    // A preview is read, not used: its links join the Tab order only once it is pinned.
    let node = NodeRef::<leptos::html::Div>::new();
    if presentation == Presentation::Preview {
        // Again when the card's text arrives, with its links.
        let texts = cards.texts;
        Effect::new(move |_| {
            texts.track();
            if let Some(el) = node.get() {
                crate::dom::out_of_tab_order(&el);
            }
        });
    }
    view! {
        <div
            node_ref=node
            class=class
            id=dom_id
            role=role
            aria-labelledby=(presentation == Presentation::Pinned).then_some(heading_id)
            tabindex="-1"
            data-card-index=index.to_string()
            style:left=px(place.left)
            style:top=place.top.map(px)
            style:bottom=place.bottom.map(px)
            style:width=px(place.width)
            style:max-height=px(place.max_height)
        >
            {close}
            {body}
        </div>
        {above}
    }
    .into_any()
}
