//! The page's own chart tooltip: the datum, its qualifier ("about", "claimed by"), its period
//! and place, and its note, with links that open cards and lead back to the prose.

use crate::content;
use crate::dom::px;
use crate::inlines::Inlines;
use crate::inlines::NoteLink;
use kirov_content::format;
use leptos::prelude::*;

/// What the tooltip shows and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    /// `dataset/row` or `event/<id>`.
    pub key: String,
    pub x: f64,
    pub y: f64,
    /// The chart's width, to keep the tooltip inside it.
    pub width: f64,
    /// Pinned by a click or tap; stays until closed.
    pub pinned: bool,
}

#[component]
pub fn ChartTooltip(
    /// The tooltip to show, if any.
    tip: RwSignal<Option<Tip>>,
) -> impl IntoView {
    move || {
        tip.get().map(|t| {
            // Set as CSSOM properties, not a style attribute, so a strict CSP holds.
            let (left, right) = if t.x > t.width / 2.0 {
                (None, Some(px((t.width - t.x + 12.0).max(0.0))))
            } else {
                (Some(px((t.x + 12.0).max(0.0))), None)
            };
            let top = px(t.y + 12.0);
            let pinned = t.pinned;
            // Unpinned, it is read, not used: its links join the Tab order once it is pinned, so
            // Tab from the chart goes on to what follows the figure.
            let node = NodeRef::<leptos::html::Div>::new();
            Effect::new(move |_| {
                if let Some(el) = node.get().filter(|_| !pinned) {
                    crate::dom::out_of_tab_order(&el);
                }
            });
            view! {
                <div node_ref=node class="chart-tip" class:pinned=pinned style:left=left style:right=right style:top=top role="status" aria-live="polite">
                    <TipBody key=t.key.clone() />
                    {pinned.then(|| view! {
                        <button class="chart-tip-close" type="button" aria-label="Close" on:click=move |_| tip.set(None)>"×"</button>
                    })}
                </div>
            }
        })
    }
}

#[component]
fn TipBody(key: String) -> impl IntoView {
    let c = content();
    if let Some(id) = key.strip_prefix("event/") {
        return c
            .events
            .iter()
            .find(|e| e.id == id)
            .map(|e| {
                view! {
                    <p class="tip-meta"><time datetime=format::iso_date(&e.date)>{format::date(&e.date)}</time></p>
                    <p class="tip-label"><Inlines inlines=&e.title /></p>
                    <p class="tip-meta">{e.tags.iter().map(|t| t.label()).collect::<Vec<_>>().join(" · ")}</p>
                    <p class="tip-source"><NoteLink label=&e.note /></p>
                }
                .into_any()
            })
            .unwrap_or_else(|| ().into_any());
    }
    let (set, row) = key.split_once('/').unwrap_or_default();
    let Some(r) = c.dataset(set).and_then(|d| d.row(row)) else {
        return ().into_any();
    };
    let claimant = c.claimant(r);
    let passage = c.citing_paragraph(set, row);
    let place = (!r.place.is_empty()).then(|| format!(" · {}", r.place));
    view! {
        <p class="tip-label">{r.label.as_str()}</p>
        <p class="tip-value">{format::value(r)}</p>
        <p class="tip-meta">{format::period(&r.period)} {place}</p>
        {claimant.map(|p| view! {
            <p class="tip-meta">"Claimed by "
                <a class="mention mention-person" href=format!("#person-{}", p.id) data-person=p.id.clone()>{p.short.as_str()}</a>
            </p>
        })}
        <p class="tip-source">
            <NoteLink label=&r.note />
            {passage.map(|p| view! { " · " <a href=format!("#{p}") class="tip-passage">"Read in the text"</a> })}
        </p>
    }
    .into_any()
}
