//! The table of contents: a compact drawer on phones, a list beside the essay on wide screens.

use kirov_content::Section;
use leptos::prelude::*;

#[component]
pub fn Toc(
    /// The essay's sections, in order.
    sections: &'static [Section],
) -> impl IntoView {
    view! {
        <nav class="toc" aria-label="Contents">
            // A closed drawer on phones; always open from 40rem (see style/layout.css).
            <details class="toc-drawer">
            <summary class="toc-heading">"Contents"</summary>
            <ol>
                {sections
                    .iter()
                    .map(|s| view! {
                        <li>
                            <a href=format!("#{}", s.id)>
                                <span class="numeral">{s.numeral.as_str()}</span>
                                " "
                                {s.title.as_str()}
                            </a>
                        </li>
                    })
                    .collect_view()}
                <li class="toc-apparatus"><a href="#notes">"Notes"</a></li>
                <li class="toc-apparatus"><a href="#people">"People"</a></li>
                <li class="toc-apparatus"><a href="#glossary">"Glossary"</a></li>
            </ol>
            </details>
        </nav>
    }
}
