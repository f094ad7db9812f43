//! A person's card: names, role, years, summary, key moments, every mention, related people.

use crate::content;
use crate::inlines::Inlines;
use crate::inlines::NoteLink;
use crate::protocol::person_anchor;
use kirov_content::Person;
use leptos::prelude::*;

#[component]
pub fn PersonCard(
    /// The person to show.
    person: &'static Person,
    /// The card's heading id (the dialog is labelled by it).
    heading_id: String,
) -> impl IntoView {
    let c = content();
    let variants = (!person.variants.is_empty()).then(|| format!("Also: {}", person.variants.join(", ")));
    view! {
        <p class="card-kind">{person.group.label()} " · " {years(person.years)}</p>
        <h2 class="card-title" id=heading_id>{person.name.as_str()}</h2>
        {person.cyrillic.as_ref().map(|cy| view! { <p class="card-cyrillic" lang="ru">{cy.as_str()}</p> })}
        {variants.map(|v| view! { <p class="card-variants">{v}</p> })}
        <p class="card-role">{person.role.as_str()}</p>
        <p class="card-summary"><Inlines inlines=&person.summary /></p>
        {(!person.moments.is_empty()).then(|| view! {
            <h3 class="card-subhead">"Key moments"</h3>
            <ul class="card-moments">
                {person.moments.iter().map(|m| view! {
                    <li><span class="moment-year">{m.year.as_str()}</span> " " <Inlines inlines=&m.text /> " " <NoteLink label=&m.note /></li>
                }).collect_view()}
            </ul>
        })}
        {(!person.mentions.is_empty()).then(|| view! {
            <h3 class="card-subhead">"Appears in"</h3>
            <ul class="card-mentions">
                {person.mentions.iter().enumerate().filter(|(i, m)| {
                    // One link per paragraph, to its first mention there.
                    !person.mentions[..*i].iter().any(|earlier| earlier.paragraph == m.paragraph)
                }).map(|(_, m)| {
                    let numeral = c.section(&m.section).map_or("", |s| s.numeral.as_str());
                    let n = m.paragraph_number().map_or_else(String::new, |n| n.to_string());
                    // Said in full: "III.4" alone reads as a number.
                    let label = format!("Section {numeral}, paragraph {n}");
                    view! { <li><a href=format!("#{}", m.anchor) aria-label=label>{numeral} "." {n}</a></li> }
                }).collect_view()}
            </ul>
        })}
        {(!person.related.is_empty()).then(|| view! {
            <h3 class="card-subhead">"Related"</h3>
            <p class="card-related">
                {person.related.iter().filter_map(|id| c.person(id)).enumerate().map(|(i, p)| view! {
                    {(i > 0).then_some(", ")}
                    <a class="mention mention-person" href=format!("#{}", person_anchor(&p.id)) data-person=p.id.clone()>{p.short.as_str()}</a>
                }).collect_view()}
            </p>
        })}
    }
}

/// A person's years in the story: "1933" when they begin and end in the same year.
fn years((from, to): (u16, u16)) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_single_year_is_shown_once() {
        assert_eq!(super::years((1933, 1933)), "1933");
        assert_eq!(super::years((1937, 1941)), "1937–1941");
    }
}
