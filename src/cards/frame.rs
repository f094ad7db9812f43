//! One card's frame around its body: a preview (a tooltip beside its trigger), a pinned card (a
//! non-modal dialog beside it) or a bottom sheet. The sheet is a native `<dialog>` shown with
//! `showModal()`, so the browser makes the rest of the page inert, keeps focus inside it and
//! draws its backdrop; the cards opened above a sheet are drawn inside it, so they stay usable.

use super::controller::{element, CardController};
use super::state::{CardTarget, OpenCard, Presentation};
use super::{cite_card::CiteCard, note_card::NoteCard, person_card::PersonCard, term_card::TermCard};
use crate::content;
use crate::dom::px;
use leptos::prelude::*;

/// How far down a finger must drag a sheet to close it.
const SWIPE_CLOSES_PX: f64 = 60.0;

#[component]
pub fn CardFrame(
    /// The card's place in the stack (0 = the bottom card).
    index: usize,
    /// The card to show.
    card: OpenCard,
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
    let body = view! { <div class="card-body">{body(&card.target, heading_id.clone())}</div> };
    if presentation == Presentation::Sheet {
        return sheet(index, dom_id, heading_id, close, body, above);
    }
    let (class, role) = match presentation {
        Presentation::Preview => ("card card-preview", "tooltip"),
        _ => ("card card-pinned", "dialog"),
    };
    let place = card.place;
    view! {
        <div
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

/// A modal bottom sheet, placed by CSS. It closes with its button, Esc (see the controller), a tap
/// on its backdrop (see the controller), a swipe down, or the browser's own close request.
fn sheet(
    index: usize,
    dom_id: String,
    heading_id: String,
    close: impl IntoView + 'static,
    body: impl IntoView + 'static,
    above: AnyView,
) -> AnyView {
    let cards = expect_context::<CardController>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // In the browser, once it is in the page.
    Effect::new(move |_| {
        if let Some(d) = dialog.get().filter(|d| !d.open()) {
            let _ = d.show_modal();
            // Focus the sheet itself. Not with an `autofocus` attribute: Chromium refuses (and
            // logs an error for) autofocus in a frame of another origin, as in a journal's embed.
            let _ = d.focus();
        }
    });
    // The browser closed it itself (a phone's back gesture): close it in the stack too. A sheet
    // the stack closed has already left the page.
    let closed = move |ev: leptos::ev::Event| {
        if element(ev.target()).is_some_and(|d| d.is_connected()) {
            cards.close_from(index);
        }
    };
    // A swipe starts on the sheet itself, not on a card opened above it.
    let swipe_from = StoredValue::new(None::<f64>);
    let own = move |ev: &leptos::ev::PointerEvent| {
        let card = element(ev.target()).and_then(|t| t.closest(".card").ok().flatten());
        card.and_then(|c| c.get_attribute("data-card-index")) == Some(index.to_string())
    };
    view! {
        <dialog
            class="card card-sheet"
            id=dom_id
            role="dialog"
            aria-modal="true"
            aria-labelledby=heading_id
            tabindex="-1"
            data-card-index=index.to_string()
            node_ref=dialog
            on:close=closed
            on:pointerdown=move |ev| swipe_from.set_value(own(&ev).then(|| f64::from(ev.client_y())))
            on:pointerup=move |ev| {
                if swipe_from.get_value().is_some_and(|y| f64::from(ev.client_y()) - y > SWIPE_CLOSES_PX) {
                    cards.stack.update(|s| s.truncate(index));
                }
                swipe_from.set_value(None);
            }
        >
            <div class="sheet-grip" aria-hidden="true"></div>
            {close}
            {body}
            {above}
        </dialog>
    }
    .into_any()
}

/// The card's content, by what it shows.
fn body(target: &CardTarget, heading_id: String) -> Option<AnyView> {
    let c = content();
    match target {
        CardTarget::Person(id) => c
            .person(id)
            .map(|p| view! { <PersonCard person=p heading_id /> }.into_any()),
        CardTarget::Term(id) => c.term(id).map(|t| view! { <TermCard term=t heading_id /> }.into_any()),
        CardTarget::Note(label) => c
            .note(label)
            .map(|n| view! { <NoteCard note=n heading_id /> }.into_any()),
        CardTarget::Paragraph(id) => Some(view! { <CiteCard paragraph_id=id.clone() heading_id /> }.into_any()),
    }
}
