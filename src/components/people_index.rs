//! The dramatis personae: everyone the article names, by group.

use crate::components::inlines::Inlines;
use crate::content;
use kirov_content::Group;
use leptos::prelude::*;

#[component]
pub fn PeopleIndex() -> impl IntoView {
    let c = content();
    view! {
        <section class="people" id="people" aria-labelledby="people-title">
            <h2 id="people-title">"People"</h2>
            {Group::ALL
                .into_iter()
                .filter(|g| c.people.iter().any(|p| p.group == *g))
                .map(|g| view! {
                    <h3 class="people-group">{g.heading()}</h3>
                    <ul class="people-list">
                        {c.people
                            .iter()
                            .filter(|p| p.group == g)
                            .map(|p| view! {
                                <li id=format!("person-{}", p.id) class="person">
                                    <p class="person-name">
                                        <strong>{p.name.as_str()}</strong>
                                        {p.cyrillic.as_ref().map(|cy| view! { " " <span lang="ru" class="cyrillic">{cy.as_str()}</span> })}
                                        <span class="person-years">" " {format!("{}–{}", p.years.0, p.years.1)}</span>
                                    </p>
                                    <p class="person-role">{p.role.as_str()}</p>
                                    <p class="person-summary"><Inlines inlines=&p.summary /></p>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                })
                .collect_view()}
        </section>
    }
}
