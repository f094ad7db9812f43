//! Every note, grouped by section: the static home of each note reference.

use crate::content;
use crate::inlines::Inlines;
use leptos::prelude::*;

#[component]
pub fn NotesList() -> impl IntoView {
    let c = content();
    view! {
        <section class="notes" id="notes" aria-labelledby="notes-title">
            <h2 id="notes-title">"Notes"</h2>
            <p class="apparatus-intro">
                "Numbered notes keep the article’s own note numbers, so each can be found in the original. "
                "Notes marked E are the editors’ own."
            </p>
            {c.sections
                .iter()
                .map(|s| {
                    let notes: Vec<_> = c.notes.iter().filter(|n| n.section == s.id).collect();
                    view! {
                        <h3 class="notes-section">
                            <span class="numeral">{s.numeral.as_str()}</span> " " {s.title.as_str()}
                        </h3>
                        <ul class="notes-list">
                            {notes
                                .into_iter()
                                .map(|n| view! {
                                    <li id=format!("note-{}", n.label) class="note">
                                        <span class="note-number">{n.display.as_str()}</span>
                                        <div class="note-body">
                                            {n.body.iter().map(|p| view! { <p><Inlines inlines=p /></p> }).collect_view()}
                                        </div>
                                        <a class="note-back" href=format!("#r-{}-1", n.label) aria-label=format!("Back to the text of note {}", n.display)>"↩"</a>
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
        </section>
    }
}
