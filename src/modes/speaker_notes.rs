//! A slide's speaker notes (generated in `slide_notes.rs`), rendered at build time into
//! `slides.json`: the console shows them beside the slide; the handout prints them under it.

use crate::modes::slide_notes::notes;
use crate::modes::slides::Slide;
use leptos::prelude::*;

#[component]
pub fn SpeakerNotes(
    /// The slide the notes are for.
    slide: &'static Slide,
) -> impl IntoView {
    let n = notes(slide, crate::content());
    let list = |items: Vec<String>| items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view();
    let pairs = |items: Vec<(String, String)>| {
        items
            .into_iter()
            .map(|(name, line)| view! { <li><strong>{name}</strong> ": " {line}</li> })
            .collect_view()
    };
    view! {
        <div class="speaker-notes">
            <p class="notes-claim">{n.claim}</p>
            {(!n.numbers.is_empty()).then(|| view! { <h3 class="notes-head">"Numbers"</h3><ul class="notes-list">{list(n.numbers)}</ul> })}
            {(!n.people.is_empty()).then(|| view! { <h3 class="notes-head">"People"</h3><ul class="notes-list">{pairs(n.people)}</ul> })}
            {(!n.terms.is_empty()).then(|| view! { <h3 class="notes-head">"Terms"</h3><ul class="notes-list">{pairs(n.terms)}</ul> })}
            {(!n.references.is_empty()).then(|| view! {
                <h3 class="notes-head">"Sources"</h3>
                <ul class="notes-list">
                    {n.references.into_iter().map(|(shown, text)| view! { <li>"Note " {shown} ". " {text}</li> }).collect_view()}
                </ul>
            })}
        </div>
    }
}
