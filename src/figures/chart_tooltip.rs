//! The page's own chart tooltip: the datum, its qualifier ("about", "claimed by"), its period
//! and place, and its note, with links that open cards and lead back to the prose. Its text
//! comes from the chart's model (`kirov_charts::model::Tip`), written out at build time.

use crate::dom::px;
use crate::figures::chart_runtime;
use kirov_charts::model::{NoteRef, Tip as ChartTip};
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
    /// The figure whose chart this tooltip belongs to.
    figure_id: &'static str,
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
                    <TipBody figure_id=figure_id key=t.key.clone() />
                    {pinned.then(|| view! {
                        <button class="chart-tip-close" type="button" aria-label="Close" on:click=move |_| tip.set(None)>"×"</button>
                    })}
                </div>
            }
        })
    }
}

#[component]
fn TipBody(figure_id: &'static str, key: String) -> impl IntoView {
    // Written out at build time in the chart's model: no content is read here.
    let Some(tip) = chart_runtime::tip(figure_id, &key) else {
        return ().into_any();
    };
    let note = |n: &'static NoteRef| {
        view! { <a class="note-link" href=format!("#note-{}", n.label) data-note=n.label.as_str()>"Note " {n.display.as_str()}</a> }
    };
    match tip {
        ChartTip::Event {
            date,
            iso_date,
            title_html,
            tags,
            note: n,
            ..
        } => view! {
            <p class="tip-meta"><time datetime=iso_date.as_str()>{date.as_str()}</time></p>
            <p class="tip-label" inner_html=title_html.as_str()></p>
            <p class="tip-meta">{tags.as_str()}</p>
            <p class="tip-source">{note(n)}</p>
        }
        .into_any(),
        ChartTip::Datum {
            label,
            value,
            period,
            place,
            claimant,
            note: n,
            passage,
            ..
        } => {
            let place = (!place.is_empty()).then(|| format!(" · {place}"));
            view! {
                <p class="tip-label">{label.as_str()}</p>
                <p class="tip-value">{value.as_str()}</p>
                <p class="tip-meta">{period.as_str()} {place}</p>
                {claimant.as_ref().map(|(id, short)| view! {
                    <p class="tip-meta">"Claimed by "
                        <a class="mention mention-person" href=format!("#person-{id}") data-person=id.as_str()>{short.as_str()}</a>
                    </p>
                })}
                <p class="tip-source">
                    {note(n)}
                    {passage.as_ref().map(|p| view! { " · " <a href=format!("#{p}") class="tip-passage">"Read in the text"</a> })}
                </p>
            }
            .into_any()
        }
    }
}
