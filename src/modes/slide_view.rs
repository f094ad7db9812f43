//! One slide's face: a passage under its section's title, a figure's chart under its title, or
//! a person. Sized in `em` of the slide's type (style/present.css), so the same slide is the same
//! layout on the room's screen, in the console's previews and in the overview.

use crate::inlines::Inlines;
use crate::modes::slide_chart::SlideChart;
use crate::modes::slides::{years, Body, Slide};
use leptos::prelude::*;

#[component]
pub fn SlideView(
    /// The slide to show.
    slide: &'static Slide,
    /// Its place in the plan (0-based), for element ids.
    index: usize,
) -> impl IntoView {
    let heading_id = format!("slide-{}-heading", index + 1);
    let continued = slide
        .continued()
        .then(|| view! { " " <span class="slide-continued">"(continued)"</span> });
    let body = match &slide.body {
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
        Body::Figure(figure) => view! {
            <h2 class="slide-heading slide-figure-title" id=heading_id>{figure.title.as_str()}</h2>
            <SlideChart figure=figure />
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
    };
    let figure = match &slide.body {
        Body::Figure(f) => Some(f.id.clone()),
        _ => None,
    };
    view! { <div class=format!("slide-face slide-{}", slide.kind().to_lowercase()) data-figure=figure>{body}</div> }
}
