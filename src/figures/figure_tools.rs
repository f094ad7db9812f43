//! A figure's tools: show or hide the data table, download the data as CSV, download the chart
//! as an SVG or PNG image, and cite the figure. Hidden without JavaScript (the table is then
//! always shown).

use crate::figures::figure_cite::FigureCite;
use crate::figures::figure_image::{self, ImageFormat};
use kirov_content::Figure;
use leptos::prelude::*;

#[component]
pub fn FigureTools(
    /// The figure whose data these tools offer.
    figure: &'static Figure,
    /// Whether the data table is shown.
    show_table: RwSignal<bool>,
    /// The data table's element id (for aria-controls).
    table_id: String,
) -> impl IntoView {
    let file_name = figure.source.file_name();
    let citing = RwSignal::new(false);
    let cite_id = format!("fig-{}-cite", figure.id);
    // What an image download is doing, for a polite status line.
    let status = RwSignal::new(String::new());
    let image = move |format: ImageFormat| {
        let name = format!("{}.{}", figure.id, format.extension());
        status.set(format!("Preparing {name}…"));
        leptos::task::spawn_local(async move {
            match figure_image::download(figure, format).await {
                Ok(()) => status.set(format!("Saved {name}")),
                Err(_) => status.set(format!("Could not make {name}")),
            }
        });
    };
    view! {
        <div class="figure-tools">
            <button
                type="button"
                class="figure-tool"
                aria-controls=table_id
                aria-expanded=move || show_table.get().to_string()
                on:click=move |_| show_table.update(|s| *s = !*s)
            >
                {move || if show_table.get() { "Hide the data" } else { "Show the data" }}
            </button>
            // A plain link to the file the build wrote: it works before and without the wasm.
            <a class="figure-tool" href=crate::figures::export::download_path(figure) download=figure.source.file_name()>
                "Download " {file_name}
            </a>
            <button type="button" class="figure-tool" data-image="svg" on:click=move |_| image(ImageFormat::Svg)>
                "Download SVG"
            </button>
            <button type="button" class="figure-tool" data-image="png" on:click=move |_| image(ImageFormat::Png)>
                "Download PNG"
            </button>
            <button
                type="button"
                class="figure-tool"
                aria-controls=cite_id.clone()
                aria-expanded=move || citing.get().to_string()
                on:click=move |_| citing.update(|s| *s = !*s)
            >
                "Cite this figure"
            </button>
            <span class="figure-tool-status" role="status">{move || status.get()}</span>
        </div>
        <FigureCite figure=figure open=citing panel_id=cite_id />
    }
    // Erased, so the figure's view type stays within the compiler's depth limit.
    .into_any()
}
