//! Inline content: text, emphasis, mentions of people and terms, datum numbers, note references;
//! shared by every room that shows text (prose, captions, cards, the apparatus).
//!
//! Without JavaScript every mention is an ordinary link to its static home (the people index,
//! the glossary, the notes list, the figure's data table), so nothing depends on scripts.

use crate::content;
use crate::protocol::{person_anchor, term_anchor};
use kirov_content::Inline;
use leptos::prelude::*;

/// Renders a run of inline content.
#[component]
pub fn Inlines(
    /// The content to render.
    inlines: &'static [Inline],
) -> impl IntoView {
    inlines.iter().map(inline).collect_view()
}

fn inline(i: &'static Inline) -> AnyView {
    match i {
        Inline::Text(t) => t.as_str().into_any(),
        Inline::Emphasis(c) => view! { <em><Inlines inlines=c /></em> }.into_any(),
        Inline::Strong(c) => view! { <strong><Inlines inlines=c /></strong> }.into_any(),
        Inline::Person { id, anchor, children } => {
            let href = format!("#{}", person_anchor(id));
            view! {
                <a class="mention mention-person" href=href id=anchor.clone() data-person=id.clone()>
                    <Inlines inlines=children />
                </a>
            }
            .into_any()
        }
        Inline::Term { id, anchor, children } => {
            let href = format!("#{}", term_anchor(id));
            view! {
                <a class="mention mention-term" href=href id=anchor.clone() data-term=id.clone()>
                    <Inlines inlines=children />
                </a>
            }
            .into_any()
        }
        Inline::Datum { dataset, row, children } => {
            let key = format!("{dataset}/{row}");
            // The figure whose chart shows the datum: a click there brings up that chart.
            let figure = content().home_figure(dataset, row).map(|f| f.id.clone());
            match content().datum_home(dataset, row) {
                Some(home) => view! {
                    <a class="datum" href=format!("#{home}") data-datum=key data-figure=figure>
                        <Inlines inlines=children />
                    </a>
                }
                .into_any(),
                None => view! {
                    <span class="datum" data-datum=key>
                        <Inlines inlines=children />
                    </span>
                }
                .into_any(),
            }
        }
        Inline::NoteRef { label, anchor, first } => {
            let note = content().note(label);
            let shown = note.map_or_else(String::new, |n| n.display.clone());
            let aria = format!("Note {shown}");
            // The first reference to a note also carries it as a sidenote (shown on wide screens).
            let sidenote = first.then(|| {
                note.map(|n| {
                    let text = n
                        .body
                        .iter()
                        .map(|p| kirov_content::plain_text(p))
                        .collect::<Vec<_>>()
                        .join(" ");
                    view! {
                        <span class="sidenote" aria-hidden="true">
                            <span class="sidenote-number">{n.display.clone()}</span>
                            {text}
                        </span>
                    }
                })
            });
            view! {
                <sup class="note-ref">
                    <a href=format!("#note-{label}") id=anchor.clone() data-note=label.clone() aria-label=aria>
                        {shown}
                    </a>
                </sup>
                {sidenote}
            }
            .into_any()
        }
        Inline::Link { href, children } => view! {
            <a class="external" href=href.clone() rel="noopener noreferrer">
                <Inlines inlines=children />
            </a>
        }
        .into_any(),
    }
}

/// A link to a note in the notes list, showing its number.
#[component]
pub fn NoteLink(
    /// The note's label.
    label: &'static str,
) -> impl IntoView {
    let shown = content().note(label).map_or_else(String::new, |n| n.display.clone());
    view! {
        <a class="note-link" href=format!("#note-{label}") data-note=label>"Note " {shown}</a>
    }
}
