//! The table of contents.

use kirov_content::Section;
use leptos::prelude::*;

#[component]
pub fn Toc(
    /// The essay's sections, in order.
    sections: &'static [Section],
) -> impl IntoView {
    view! {
        <nav class="toc" aria-label="Contents">
            <h2 class="toc-heading">"Contents"</h2>
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
        </nav>
    }
}
