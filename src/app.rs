//! The whole page. Rendered natively to HTML by `bin/prerender`, then hydrated in the browser;
//! both render from the same `'static` content, so the two trees match exactly.

use crate::apparatus::glossary_list::GlossaryList;
use crate::apparatus::notes_list::NotesList;
use crate::apparatus::people_index::PeopleIndex;
use crate::cards::cite_card::PageUrl;
use crate::cards::controller::CardController;
use crate::cards::layer::CardLayer;
use crate::content;
use crate::modes::presenter::Presenter;
use crate::modes::reader_tools::ReaderTools;
use crate::modes::stage::{Presenting, Stage};
use crate::modes::theme::{ChosenTheme, ThemeChoice};
use crate::navigation::history::Navigation;
use crate::protocol;
use crate::reading::colophon::Colophon;
use crate::reading::essay_section::EssaySection;
use crate::reading::masthead::Masthead;
use crate::reading::progress::ReadingProgress;
use crate::reading::toc::Toc;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let c = content();
    let cards = CardController::new();
    provide_context(cards);
    let theme = RwSignal::new(ThemeChoice::Auto);
    provide_context(ChosenTheme(theme));
    let presenting = RwSignal::new(None::<usize>);
    provide_context(Presenting(presenting));
    let navigation = Navigation::new(cards, Signal::derive(move || presenting.get().is_some()));
    navigation.keep_in_step();
    let stage = Stage::new();
    provide_context(stage);
    let page_url = RwSignal::new(String::new());
    provide_context(PageUrl(page_url));
    // Effects run only in the browser, never in the prerender.
    Effect::new(move |_| page_url.set(crate::dom::page_url()));
    Effect::new(move |_| crate::modes::embed::start(theme));
    view! {
        // Cards, and prose numbers linked to charts, are driven by events delegated from here.
        <div
            class=protocol::ROOT_CLASS
            id="kirov-essay"
            data-theme=move || theme.get().name()
            data-mode=move || presenting.get().map(|_| stage.mode())
            on:pointerover=move |ev| cards.pointer_over(ev)
            on:pointerout=move |ev| cards.pointer_out(ev)
            on:focusin=move |ev| cards.focus_in(ev)
            on:focusout=move |ev| cards.focus_out(ev)
            on:click=move |ev| {
                cards.click(ev.clone());
                if !crate::figures::datum_link::follow(&ev, navigation) {
                    navigation.follow(&ev);
                }
            }
            on:keydown=move |ev| cards.key(ev)
        >
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
            <CardLayer />
        </div>
    }
}

/// The page body as static HTML: exactly what the browser build hydrates.
#[cfg(feature = "ssr")]
pub fn render_body() -> String {
    use leptos::prelude::*;
    Owner::new().with(|| view! { <App /> }.to_html())
}
