//! A placed figure: title, chart area, caption, source notes and its data table.
//!
//! Before and without JavaScript the table carries the figure; the chart is drawn into the
//! reserved area when it nears the viewport. The table then folds with `hidden="until-found"`,
//! so find-in-page and text-fragment links (`#:~:text=…`) still reach its rows: the browser
//! unfolds it and fires `beforematch`, which the "Show the data" toggle follows.

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
    // The table carries the figure until the chart is drawn; then it folds behind a toggle.
    let drawn = RwSignal::new(false);
    let show_table = RwSignal::new(false);
    let folded = move || drawn.get() && !show_table.get();
    let table = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(el) = table.get() else { return };
        let listener = gloo_events::EventListener::new(&el, "beforematch", move |_| show_table.set(true));
        let held = SendWrapper::new(listener);
        on_cleanup(move || drop(held.take()));
    });
    view! {
        <figure class=format!("figure figure-{}", figure.kind.key()) id=id aria-labelledby=labelled_by aria-describedby=described_by>
            <p class="figure-title" id=title_id>{figure.title.as_str()}</p>
            <FigureChart figure=figure drawn=drawn />
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
