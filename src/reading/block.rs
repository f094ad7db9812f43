//! A block of an essay section: a paragraph, a quotation or a placed figure.

use crate::content;
use crate::figures::figure::Figure;
use crate::inlines::Inlines;
use kirov_content::Block as BlockData;
use leptos::prelude::*;

/// The ¶ after each paragraph: a link to the paragraph itself (without JavaScript, the address
/// bar then holds its link), and with JavaScript the trigger of its link-and-citation card.
#[component]
fn CiteMark(id: &'static str) -> impl IntoView {
    let label = match crate::citation::locate(content(), id) {
        Some((numeral, _, n)) => format!("Link to and cite paragraph {n} of section {numeral}"),
        None => "Link to and cite this paragraph".to_string(),
    };
    view! {
        <a class="cite-mark" href=format!("#{id}") data-cite=id aria-label=label aria-haspopup="dialog">"¶"</a>
    }
}

#[component]
pub fn Block(
    /// The block to render.
    block: &'static BlockData,
) -> impl IntoView {
    match block {
        BlockData::Paragraph { id, inlines } => view! {
            <p id=id.clone()><Inlines inlines=inlines />" "<CiteMark id=id /></p>
        }
        .into_any(),
        BlockData::Quote { id, inlines } => view! {
            <blockquote id=id.clone()><p><Inlines inlines=inlines />" "<CiteMark id=id /></p></blockquote>
        }
        .into_any(),
        BlockData::Figure { id } => match content().figure(id) {
            Some(figure) => view! { <Figure figure=figure /> }.into_any(),
            // The validator guarantees every placed figure exists.
            None => ().into_any(),
        },
    }
}
