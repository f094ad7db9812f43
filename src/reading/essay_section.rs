//! One section of the essay, with its roman numeral as in the article.

use crate::reading::block::Block;
use kirov_content::Section;
use leptos::prelude::*;

#[component]
pub fn EssaySection(
    /// The section to render.
    section: &'static Section,
) -> impl IntoView {
    let heading_id = format!("{}-title", section.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="essay-section" id=section.id.clone() aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <span class="numeral">{section.numeral.as_str()}</span>
                " "
                <span class="section-title">{section.title.as_str()}</span>
            </h2>
            {section.blocks.iter().map(|b| view! { <Block block=b /> }).collect_view()}
        </section>
    }
}
