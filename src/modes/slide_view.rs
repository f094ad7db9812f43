//! One slide's face, as the build rendered it (`slide_face.rs`, into `slides.json`): a passage
//! under its section's title, a figure's chart under its title, or a person. The same face shows
//! on the room's screen, in the console's previews and in the handout; a figure's chart is drawn
//! into it by `slide_chart.rs`.

use crate::modes::slide_texts::Deck;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SlideView(
    /// The slides' texts.
    deck: Arc<Deck>,
    /// Which slide (0-based).
    index: usize,
) -> impl IntoView {
    let face = NodeRef::<leptos::html::Div>::new();
    let slide = &deck.slides[index];
    if let Some(figure) = slide.figure.clone() {
        crate::modes::slide_chart::attach(face, figure);
    }
    view! {
        <div class=slide.face_class() data-figure=slide.figure.clone() node_ref=face inner_html=slide.face.clone()></div>
    }
}
