//! The whole page, rendered natively to HTML by `bin/prerender`. In the browser only its islands
//! hydrate; they render from the same `'static` content, so their trees match exactly.

use crate::apparatus::glossary_list::GlossaryList;
use crate::apparatus::notes_list::NotesList;
use crate::apparatus::people_index::PeopleIndex;
use crate::content;
use crate::essay_root::ROOT_ID;
use crate::modes::presenter::Presenter;
use crate::modes::reader_tools::ReaderTools;
use crate::protocol;
use crate::reading::colophon::Colophon;
use crate::reading::essay_section::EssaySection;
use crate::reading::masthead::Masthead;
use crate::reading::progress::ReadingProgress;
use crate::reading::toc::Toc;
use leptos::prelude::*;

/// The page. Static HTML but for its islands (the reader tools, the reading progress, each
/// figure, the people filter and the presenter), which share `page_state`, and the card layer's
/// empty home, where the card layer's wasm half mounts it.
#[component]
pub fn App() -> impl IntoView {
    let c = content();
    view! {
        <div class=protocol::ROOT_CLASS id=ROOT_ID>
            <a class="skip-link" href="#essay">"Skip to the essay"</a>
            <ReaderTools />
            <Masthead meta=&c.meta />
            <ReadingProgress />
            <Toc sections=&c.sections />
            <main id="essay" class="essay">
                {c.sections.iter().map(|s| view! { <EssaySection section=s /> }).collect_view()}
                <NotesList />
                <PeopleIndex />
                <GlossaryList />
            </main>
            <Colophon meta=&c.meta />
            <Presenter />
            // Empty: the card layer's wasm half mounts the cards here.
            <div class="card-layer" id=crate::essay_root::CARD_LAYER_ID></div>
            <crate::cards::warm_up::CardWarmUp />
        </div>
    }
}

/// The page body as static HTML: exactly what the browser build hydrates.
#[cfg(feature = "ssr")]
pub fn render_body() -> String {
    use leptos::prelude::*;
    use std::sync::Arc;
    // Islands mode: only the islands carry hydration markers and props.
    let context = Arc::new(hydration_context::SsrSharedContext::new_islands());
    let html = Owner::new_root(Some(context)).with(|| view! { <App /> }.to_html());
    crate::markup::without_static_markers(&html)
}
