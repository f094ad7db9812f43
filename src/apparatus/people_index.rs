//! The dramatis personae: everyone the article names, by group, with a filter (an island over
//! this static list). Each name opens the person's card; `#person-<id>` is its deep link.

use crate::content;
use crate::apparatus::people_filter::PeopleFilter;
use crate::inlines::Inlines;
use crate::protocol::person_anchor;
use kirov_content::{Group, Person};
use leptos::prelude::*;

/// What the filter searches for a person: name, short name, role, Cyrillic and every other
/// spelling, lower-cased (written into the static list as `data-find`).
pub fn search_text(p: &Person) -> String {
    [
        p.name.as_str(),
        p.short.as_str(),
        p.role.as_str(),
        p.cyrillic.as_deref().unwrap_or(""),
    ]
    .into_iter()
    .chain(p.variants.iter().map(String::as_str))
    .collect::<Vec<_>>()
    .join("\n")
    .to_lowercase()
}

#[component]
pub fn PeopleIndex() -> impl IntoView {
    let c = content();
    view! {
        <section class="people" id="people" aria-labelledby="people-title">
            <h2 id="people-title">"People"</h2>
            <PeopleFilter total=c.people.len() />
            {Group::ALL
                .into_iter()
                .filter(|g| c.people.iter().any(|p| p.group == *g))
                .map(|g| view! {
                    <div class="people-group-block">
                        <h3 class="people-group">{g.heading()}</h3>
                        <ul class="people-list">
                            {c.people
                                .iter()
                                .filter(|p| p.group == g)
                                .map(|p| view! {
                                    <li id=person_anchor(&p.id) class="person" data-find=search_text(p)>
                                        <p class="person-name">
                                            <a class="person-card-link" href=format!("#{}", person_anchor(&p.id)) data-person=p.id.clone()>
                                                <strong>{p.name.as_str()}</strong>
                                            </a>
                                            {p.cyrillic.as_ref().map(|cy| view! { " " <span lang="ru" class="cyrillic">{cy.as_str()}</span> })}
                                            <span class="person-years">" " {format!("{}–{}", p.years.0, p.years.1)}</span>
                                        </p>
                                        <p class="person-role">{p.role.as_str()}</p>
                                        <p class="person-summary"><Inlines inlines=&p.summary /></p>
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    </div>
                })
                .collect_view()}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_finds_people_by_any_spelling() {
        let c = crate::content();
        let z = c.person("zaltsman").unwrap();
        let found = |filter: &str| super::super::people_filter::matches(&search_text(z), filter);
        assert!(found("zal'tzman"));
        assert!(found("ZAL"));
        assert!(found(""));
        assert!(!found("bolsunovskii"));
    }
}
