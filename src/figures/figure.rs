//! A placed figure: title, chart area, caption, source notes and its data table. Static HTML,
//! but for two islands: the chart (`figure_chart`) and the tools (`figure_tools`), which
//! assets/islands.js wakes when the figure nears the screen.
//!
//! The chart is drawn at build time, so every reader sees it, with JavaScript or without (then
//! style/noscript.css opens the table under it). The table is folded with
//! `hidden="until-found"`, so find-in-page and text-fragment links (`#:~:text=…`) still reach
//! its rows: the browser unfolds it and fires `beforematch`, which the "Show the data" toggle
//! follows.

use crate::figures::data_table::DataTable;
use crate::figures::figure_chart::FigureChart;
use crate::figures::figure_cite::FigureCitation;
use crate::figures::figure_tools::FigureTools;
use crate::inlines::Inlines;
use crate::inlines::NoteLink;
use kirov_content::Figure as FigureData;
use leptos::prelude::*;

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
    let c = crate::content();
    let citation = FigureCitation::of(&c.meta, figure);
    view! {
        <figure class=format!("figure figure-{}", figure.kind.key()) id=id aria-labelledby=labelled_by aria-describedby=described_by>
            <p class="figure-title" id=title_id>{figure.title.as_str()}</p>
            <FigureChart figure_id=figure.id.clone() kind=figure.kind.key().to_string() label=kirov_charts::label(figure) />
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
            <FigureTools figure_id=figure.id.clone() file_name=figure.source.file_name() citation=citation />
            // Folded from the first paint, behind "Show the data" (the chart is drawn already);
            // style/noscript.css opens it for readers without JavaScript.
            <div class="figure-data folded" id=table_id hidden="until-found">
                <DataTable figure=figure />
            </div>
        </figure>
    }
    // Erased, so the view types around it stay within the compiler's depth limit.
    .into_any()
}
