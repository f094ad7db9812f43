//! A placed figure: title, chart area, caption, source notes and its data table.
//!
//! The chart is drawn at build time, so every reader sees it, with JavaScript or without (then
//! style/noscript.css opens the table under it). The table is folded with
//! `hidden="until-found"`, so find-in-page and text-fragment links (`#:~:text=…`) still reach
//! its rows: the browser unfolds it and fires `beforematch`, which the "Show the data" toggle
//! follows.

use crate::figures::data_table::DataTable;
use crate::figures::figure_chart::FigureChart;
use crate::figures::figure_tools::FigureTools;
use crate::inlines::Inlines;
use crate::inlines::NoteLink;
use kirov_content::Figure as FigureData;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

#[component]
pub fn Figure(
    /// The figure to render.
    figure: &'static FigureData,
) -> impl IntoView {
    let id = format!("fig-{}", figure.id);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());
    let table_id = format!("{id}-data");
    // The chart is drawn at build time, so the table is folded from the first paint (nothing
    // moves when the page comes alive), behind "Show the data". A find in page or a text
    // fragment may unfold it before then: the browser drops `hidden`, and the toggle follows.
    let show_table = RwSignal::new(false);
    let folded = move || !show_table.get();
    let table = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(el) = table.get() else { return };
        if !el.has_attribute("hidden") {
            show_table.set(true);
        }
        let listener = gloo_events::EventListener::new(&el, "beforematch", move |_| show_table.set(true));
        let held = SendWrapper::new(listener);
        on_cleanup(move || drop(held.take()));
    });
    view! {
        <figure class=format!("figure figure-{}", figure.kind.key()) id=id aria-labelledby=labelled_by aria-describedby=described_by>
            <p class="figure-title" id=title_id>{figure.title.as_str()}</p>
            <FigureChart figure=figure />
            <figcaption>
                <p class="figure-caption"><Inlines inlines=&figure.caption /></p>
                <p class="figure-source">
                    "Source: "
                    {figure
                        .notes
                        .iter()
                        .enumerate()
                        .map(|(i, n)| view! { {(i > 0).then_some(", ")} <NoteLink label=n.as_str() /> })
                        .collect_view()}
                    "."
                </p>
            </figcaption>
            <p class="visually-hidden" id=desc_id>{figure.description.as_str()}</p>
            <FigureTools figure=figure show_table=show_table table_id=table_id.clone() />
            <div
                class="figure-data"
                id=table_id
                node_ref=table
                class:folded=folded
                hidden=move || folded().then_some("until-found")
            >
                <DataTable figure=figure />
            </div>
        </figure>
    }
}
