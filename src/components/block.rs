//! A block of an essay section: a paragraph, a quotation or a placed figure.

use crate::components::{figure::Figure, inlines::Inlines};
use crate::content;
use kirov_content::Block as BlockData;
use leptos::prelude::*;

#[component]
pub fn Block(
    /// The block to render.
    block: &'static BlockData,
) -> impl IntoView {
    match block {
        BlockData::Paragraph { id, inlines } => view! {
            <p id=id.clone()><Inlines inlines=inlines /></p>
        }
        .into_any(),
        BlockData::Quote { id, inlines } => view! {
            <blockquote id=id.clone()><p><Inlines inlines=inlines /></p></blockquote>
        }
        .into_any(),
        BlockData::Figure { id } => match content().figure(id) {
            Some(figure) => view! { <Figure figure=figure /> }.into_any(),
            // The validator guarantees every placed figure exists.
            None => ().into_any(),
        },
    }
}
