//! What a slide shows, rendered at build time into `slides.json` (`slide_texts.rs`): a passage
//! under its section's title, a figure's title over the empty frame its chart is drawn into (by
//! `slide_chart.rs`, in the browser), or a person. Sized in `em` of the slide's type
//! (style/present.css), so the same slide is the same layout on the room's screen, in the
//! console's previews and in the overview.

use crate::inlines::Inlines;
use crate::modes::slides::{years, Body, Slide};
use leptos::prelude::*;

#[component]
pub fn SlideFace(
    /// The slide to show.
    slide: &'static Slide,
    /// Its place in the plan (0-based), for element ids.
    index: usize,
) -> impl IntoView {
    let heading_id = format!("slide-{}-heading", index + 1);
    let continued = slide
        .continued()
        .then(|| view! { " " <span class="slide-continued">"(continued)"</span> });
    match &slide.body {
        Body::Passage { quote, text } => {
            let heading = view! {
                <h2 class="slide-heading" id=heading_id>
                    <span class="slide-numeral">{slide.section.numeral.as_str()}</span>
                    " "
                    {slide.section.title.as_str()}
                    {continued}
                </h2>
            };
            let text = if *quote {
                view! { <blockquote class="slide-text slide-quote"><p><Inlines inlines=text /></p></blockquote> }
                    .into_any()
            } else {
                view! { <p class="slide-text"><Inlines inlines=text /></p> }.into_any()
            };
            view! { {heading} {text} }.into_any()
        }
        // The chart is a picture for the room: the title and description speak for it.
        Body::Figure(figure) => view! {
            <h2 class="slide-heading slide-figure-title" id=heading_id>{figure.title.as_str()}</h2>
            <div class="slide-chart" aria-hidden="true">
                <div class="slide-chart-drawn"></div>
            </div>
            <p class="visually-hidden">{figure.description.as_str()}</p>
        }
        .into_any(),
        Body::Person { person, summary } => view! {
            <p class="slide-kicker">{person.group.label()} " · " {years(person.years)}</p>
            <h2 class="slide-heading slide-person-name" id=heading_id>
                {person.name.as_str()}
                {continued}
            </h2>
            {person.cyrillic.as_ref().map(|cy| view! { <p class="slide-cyrillic" lang="ru">{cy.as_str()}</p> })}
            {(!slide.continued()).then(|| view! { <p class="slide-role">{person.role.as_str()}</p> })}
            <p class="slide-text"><Inlines inlines=summary /></p>
        }
        .into_any(),
    }
}
