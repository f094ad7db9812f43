//! The glossary: every Soviet term, institution and acronym, alphabetically.

use crate::content;
use crate::inlines::Inlines;
use crate::protocol::term_anchor;
use leptos::prelude::*;

#[component]
pub fn GlossaryList() -> impl IntoView {
    let c = content();
    let mut terms: Vec<_> = c.terms.iter().collect();
    terms.sort_by_key(|t| t.term.to_lowercase());
    view! {
        <section class="glossary" id="glossary" aria-labelledby="glossary-title">
            <h2 id="glossary-title">"Glossary"</h2>
            <dl class="glossary-list">
                {terms
                    .into_iter()
                    .map(|t| view! {
                        <div class="glossary-entry" id=term_anchor(&t.id)>
                            <dt>
                                <dfn>{t.term.as_str()}</dfn>
                                {t.russian.as_ref().map(|r| view! { " " <span lang="ru" class="cyrillic">{r.as_str()}</span> })}
                                {t.english.as_ref().map(|e| view! { <span class="gloss">" — " {e.as_str()}</span> })}
                            </dt>
                            <dd><Inlines inlines=&t.meaning /></dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}
