//! The whole page. Rendered natively to HTML by `bin/prerender`, then hydrated in the browser;
//! both render from the same `'static` content, so the two trees match exactly.

use crate::components::{
    colophon::Colophon, essay_section::EssaySection, glossary_list::GlossaryList, masthead::Masthead,
    notes_list::NotesList, people_index::PeopleIndex, toc::Toc,
};
use crate::content;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let c = content();
    view! {
        <div class="kirov" id="kirov-essay">
            <a class="skip-link" href="#essay">"Skip to the essay"</a>
            <Masthead meta=&c.meta />
            <Toc sections=&c.sections />
            <main id="essay" class="essay">
                {c.sections.iter().map(|s| view! { <EssaySection section=s /> }).collect_view()}
                <NotesList />
                <PeopleIndex />
                <GlossaryList />
            </main>
            <Colophon meta=&c.meta />
        </div>
    }
}
