//! Title, subtitle and the source this edition retells.

use kirov_content::Meta;
use leptos::prelude::*;

#[component]
pub fn Masthead(
    /// Title and source citation.
    meta: &'static Meta,
) -> impl IntoView {
    let s = &meta.source;
    view! {
        <header class="masthead">
            <p class="kicker">"An interactive essay"</p>
            <h1>{meta.title.as_str()}</h1>
            <p class="subtitle">{meta.subtitle.as_str()}</p>
            <p class="byline">
                "Retold from " {s.author.as_str()} ", “" <cite>{s.title.as_str()}</cite> ",” "
                <i>{s.journal.as_str()}</i> " (" {s.year} "), "
                <a class="external" href=s.url.clone() rel="noopener noreferrer">"doi:" {s.doi.as_str()}</a> "."
            </p>
        </header>
    }
}
