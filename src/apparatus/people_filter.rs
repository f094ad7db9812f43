//! The people index's filter: the one interactive part of a static list, so an island of its
//! own. It hides the people (and the groups left empty) whose `data-find` text does not hold
//! what the reader typed.

use leptos::prelude::*;

/// Whether a person's search text (`people_index::search_text`) matches the filter.
pub fn matches(search_text: &str, filter: &str) -> bool {
    let f = filter.trim().to_lowercase();
    f.is_empty() || search_text.contains(&f)
}

// Exported by the tools half (src/main.rs); the card layer's half leaves it out.
#[cfg_attr(any(feature = "ssr", feature = "tools-half"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "tools-half")), component)]
pub fn PeopleFilter(
    /// How many people the index lists.
    total: usize,
) -> impl IntoView {
    let shown = RwSignal::new(total);
    let on_input = move |ev: leptos::ev::Event| shown.set(apply(&event_target_value(&ev)));
    view! {
        <div class="people-filter">
            <label for="people-filter-input">"Find a person"</label>
            <input
                id="people-filter-input"
                type="search"
                autocomplete="off"
                placeholder="Name, spelling or role"
                on:input=on_input
            />
            <p class="people-count" aria-live="polite">{move || format!("{} of {total} people", shown.get())}</p>
        </div>
    }
}

/// Shows the people who match and the groups that still hold someone; returns how many match.
fn apply(filter: &str) -> usize {
    let mut shown = 0;
    for group in crate::dom::query_all(".people-group-block") {
        let mut any = false;
        for person in crate::dom::query_all_in(&group, "li.person") {
            let found = matches(&person.get_attribute("data-find").unwrap_or_default(), filter);
            set_hidden(&person, !found);
            any |= found;
            shown += usize::from(found);
        }
        set_hidden(&group, !any);
    }
    shown
}

fn set_hidden(el: &web_sys::Element, hidden: bool) {
    let _ = if hidden {
        el.set_attribute("hidden", "")
    } else {
        el.remove_attribute("hidden")
    };
}
