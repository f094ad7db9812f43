//! The whole page. Rendered natively to HTML by `bin/prerender`, then hydrated in the browser;
//! both render from the same `'static` content, so the two trees match exactly.

use crate::cards::OpenCard;
use crate::components::card_layer::{CardLayer, Cards};
use crate::components::cite_card::PageUrl;
use crate::components::presenter::{Presenter, Presenting};
use crate::components::reader_tools::{ReaderTools, ThemeChoice};
use crate::components::{
    colophon::Colophon, essay_section::EssaySection, glossary_list::GlossaryList, masthead::Masthead,
    notes_list::NotesList, people_index::PeopleIndex, toc::Toc,
};
use crate::content;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let c = content();
    let stack = RwSignal::new(Vec::<OpenCard>::new());
    provide_context(Cards(stack));
    let theme = RwSignal::new(None::<&'static str>);
    provide_context(ThemeChoice(theme));
    let presenting = RwSignal::new(None::<usize>);
    provide_context(Presenting(presenting));
    let page_url = RwSignal::new(String::new());
    provide_context(PageUrl(page_url));
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| page_url.set(crate::dom::page_url()));
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| crate::embed::start(theme));
    // Cards, and prose numbers linked to charts, are driven by events delegated from the root.
    macro_rules! delegate {
        ($handler:ident, $event:ty) => {
            move |ev: $event| {
                #[cfg(target_arch = "wasm32")]
                crate::components::card_layer::$handler(ev, stack);
                #[cfg(not(target_arch = "wasm32"))]
                let _ = (ev, stack);
            }
        };
    }
    let on_pointer_over = delegate!(on_pointer_over, leptos::ev::PointerEvent);
    let on_pointer_out = delegate!(on_pointer_out, leptos::ev::PointerEvent);
    let on_focus_in = delegate!(on_focus_in, leptos::ev::FocusEvent);
    let on_focus_out = delegate!(on_focus_out, leptos::ev::FocusEvent);
    let on_click = delegate!(on_click, leptos::ev::MouseEvent);
    let on_key = delegate!(on_key, leptos::ev::KeyboardEvent);
    view! {
        <div
            class="kirov"
            id="kirov-essay"
            data-theme=move || theme.get()
            data-mode=move || presenting.get().map(|_| "present")
            on:pointerover=on_pointer_over
            on:pointerout=on_pointer_out
            on:focusin=on_focus_in
            on:focusout=on_focus_out
            on:click=on_click
            on:keydown=on_key
        >
            <a class="skip-link" href="#essay">"Skip to the essay"</a>
            <ReaderTools />
            <Masthead meta=&c.meta />
            <Toc sections=&c.sections />
            <main id="essay" class="essay">
                {c.sections.iter().map(|s| view! { <EssaySection section=s /> }).collect_view()}
                <NotesList />
                <PeopleIndex />
                <GlossaryList />
            </main>
            <Colophon meta=&c.meta />
            <Presenter />
            <CardLayer />
        </div>
    }
}
