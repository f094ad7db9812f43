//! How to cite, and what this edition is.

use kirov_content::Meta;
use leptos::prelude::*;

#[component]
pub fn Colophon(
    /// Title and source citation.
    meta: &'static Meta,
) -> impl IntoView {
    let s = &meta.source;
    view! {
        <footer class="colophon">
            <h2>"About this edition"</h2>
            <p>{meta.edition_note.as_str()}</p>
            <p>
                "Cite the original: " {s.author.as_str()} ". “" {s.title.as_str()} ".” "
                <i>{s.journal.as_str()}</i> " (" {s.year} "). "
                <a class="external" href=s.url.clone() rel="noopener noreferrer">{s.url.as_str()}</a> ". Open-access copy: "
                <a class="external" href=s.repository.clone() rel="noopener noreferrer">{s.repository.as_str()}</a> "."
            </p>
            <p>"Archival references are to the " {meta.archive_name.as_str()} " (" {meta.archive_abbreviation.as_str()} ")."</p>
            <h3 id="cite">"Cite the article"</h3>
            <p class="cite-label">"Chicago"</p>
            <pre class="citation">{crate::citation::chicago(s)}</pre>
            <p class="cite-label">"BibTeX"</p>
            <pre class="citation">{crate::citation::bibtex(s)}</pre>
            <p class="cite-label">"RIS"</p>
            <pre class="citation">{crate::citation::ris(s)}</pre>
        </footer>
    }
}
