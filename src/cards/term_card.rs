//! A term's card: the term, its Russian form, its meaning, where it is first used, its note.

use crate::content;
use crate::inlines::Inlines;
use crate::inlines::NoteLink;
use kirov_content::Term;
use leptos::prelude::*;

#[component]
pub fn TermCard(
    /// The term to show.
    term: &'static Term,
    /// The card's heading id.
    heading_id: String,
) -> impl IntoView {
    let first = term.mentions.first().map(|m| {
        let section = content().section(&m.section);
        (
            m.anchor.clone(),
            section.map_or_else(String::new, |s| format!("{} {}", s.numeral, s.title)),
        )
    });
    view! {
        <p class="card-kind">"Term"</p>
        <h2 class="card-title" id=heading_id>{term.term.as_str()}</h2>
        {(term.russian.is_some() || term.translit.is_some()).then(|| view! {
            <p class="card-cyrillic">
                {term.russian.as_ref().map(|r| view! { <span lang="ru">{r.as_str()}</span> })}
                {term.translit.as_ref().map(|t| view! { " " <i>{t.as_str()}</i> })}
            </p>
        })}
        {term.english.as_ref().map(|e| view! { <p class="card-role">{e.as_str()}</p> })}
        <p class="card-summary"><Inlines inlines=&term.meaning /></p>
        {first.map(|(anchor, where_)| view! {
            <p class="card-meta">"First used in " <a href=format!("#{anchor}")>{where_}</a></p>
        })}
        {term.note.as_ref().map(|n| view! { <p class="card-meta"><NoteLink label=n.as_str() /></p> })}
    }
}
