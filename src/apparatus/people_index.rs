//! The dramatis personae: everyone the article names, by group, with a filter. Each name opens
//! the person's card; `#person-<id>` is its deep link.

use crate::content;
use crate::inlines::Inlines;
use crate::protocol::person_anchor;
use kirov_content::{Group, Person};
use leptos::prelude::*;

/// Whether a person matches the filter text (name, spellings, Cyrillic or role).
pub fn matches(p: &Person, filter: &str) -> bool {
    let f = filter.trim().to_lowercase();
    f.is_empty()
        || [
            p.name.as_str(),
            p.short.as_str(),
            p.role.as_str(),
            p.cyrillic.as_deref().unwrap_or(""),
        ]
        .into_iter()
        .chain(p.variants.iter().map(String::as_str))
        .any(|s| s.to_lowercase().contains(&f))
}

#[component]
pub fn PeopleIndex() -> impl IntoView {
    let c = content();
    let filter = RwSignal::new(String::new());
    let shown = move || c.people.iter().filter(|p| matches(p, &filter.get())).count();
    view! {
        <section class="people" id="people" aria-labelledby="people-title">
            <h2 id="people-title">"People"</h2>
            <div class="people-filter">
                <label for="people-filter-input">"Find a person"</label>
                <input
                    id="people-filter-input"
                    type="search"
                    autocomplete="off"
                    placeholder="Name, spelling or role"
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
                <p class="people-count" aria-live="polite">{move || format!("{} of {} people", shown(), c.people.len())}</p>
            </div>
            {Group::ALL
                .into_iter()
                .filter(|g| c.people.iter().any(|p| p.group == *g))
                .map(|g| view! {
                    <div class="people-group-block" hidden=move || !c.people.iter().any(|p| p.group == g && matches(p, &filter.get()))>
                        <h3 class="people-group">{g.heading()}</h3>
                        <ul class="people-list">
                            {c.people
                                .iter()
                                .filter(|p| p.group == g)
                                .map(|p| view! {
                                    <li id=person_anchor(&p.id) class="person" hidden=move || !matches(p, &filter.get())>
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
        assert!(matches(z, "zal'tzman"));
        assert!(matches(z, "ZAL"));
        assert!(matches(z, ""));
        assert!(!matches(z, "bolsunovskii"));
    }
}
