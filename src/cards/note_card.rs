//! A note's card: its full text with the archival reference.

use crate::inlines::Inlines;
use kirov_content::Note;
use leptos::prelude::*;

#[component]
pub fn NoteCard(
    /// The note to show.
    note: &'static Note,
    /// The card's heading id.
    heading_id: String,
) -> impl IntoView {
    let kind = match note.article_note {
        Some(n) => format!("Note {n} of the article"),
        None => "Editors’ note".to_string(),
    };
    view! {
        <p class="card-kind">{kind}</p>
        <h2 class="card-title visually-hidden" id=heading_id>"Note " {note.display.as_str()}</h2>
        <div class="card-note">
            {note.body.iter().map(|p| view! { <p><Inlines inlines=p /></p> }).collect_view()}
        </div>
        <p class="card-meta"><a href=format!("#note-{}", note.label)>"In the notes"</a></p>
    }
}
