//! A figure's tools, an island of their own beside the static figure: show or hide the data
//! table, download the data as CSV (a plain link to the file the build wrote), download the
//! chart as an SVG or PNG image, and cite the figure. Hidden without JavaScript (the table is
//! then always shown).

use crate::figures::figure_cite::{FigureCitation, FigureCite};
use crate::figures::figure_image::{self, ImageFormat};
use leptos::prelude::*;
use send_wrapper::SendWrapper;

#[island]
pub fn FigureTools(
    /// The figure's id.
    figure_id: String,
    /// The name of the figure's CSV file (`downloads/<name>`).
    file_name: String,
    /// "Cite this figure", ready but for the figure's address.
    citation: FigureCitation,
) -> impl IntoView {
    crate::page_state::provide();
    let table_id = format!("fig-{figure_id}-data");
    let show_table = RwSignal::new(false);
    follow_table(table_id.clone(), show_table);
    let citing = RwSignal::new(false);
    let cite_id = format!("fig-{figure_id}-cite");
    // What an image download is doing, for a polite status line.
    let status = RwSignal::new(String::new());
    let image = {
        let figure_id = figure_id.clone();
        move |format: ImageFormat| {
            let name = format!("{figure_id}.{}", format.extension());
            status.set(format!("Preparing {name}…"));
            let figure = crate::content().figure(&figure_id);
            leptos::task::spawn_local(async move {
                let done = match figure {
                    Some(figure) => figure_image::download(figure, format).await,
                    None => Err("no such figure".into()),
                };
                match done {
                    Ok(()) => status.set(format!("Saved {name}")),
                    Err(_) => status.set(format!("Could not make {name}")),
                }
            });
        }
    };
    let image_png = image.clone();
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
            <a class="figure-tool" href=format!("{}/{file_name}", crate::figures::export::DOWNLOADS) download=file_name.clone()>
                "Download " {file_name.clone()}
            </a>
            <button type="button" class="figure-tool" data-image="svg" on:click=move |_| image(ImageFormat::Svg)>
                "Download SVG"
            </button>
            <button type="button" class="figure-tool" data-image="png" on:click=move |_| image_png(ImageFormat::Png)>
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
        <FigureCite figure_id=figure_id citation=citation open=citing panel_id=cite_id />
    }
}

/// Keeps the static data table (folded by the prerender with `hidden="until-found"`) in step
/// with "Show the data". A find in page or a text fragment may unfold it, before the wasm
/// (the table then has no `hidden`) or after (`beforematch`): the toggle follows.
fn follow_table(table_id: String, show_table: RwSignal<bool>) {
    Effect::new(move |_| {
        let Some(table) = crate::dom::by_id(&table_id) else { return };
        if !table.has_attribute("hidden") {
            show_table.set(true);
        }
        let shown = show_table;
        let listener = gloo_events::EventListener::new(&table, "beforematch", move |_| shown.set(true));
        let held = SendWrapper::new(listener);
        on_cleanup(move || drop(held.take()));
        let table = SendWrapper::new(table);
        Effect::new(move |_| {
            let folded = !show_table.get();
            let _ = if folded {
                table.set_attribute("hidden", "until-found")
            } else {
                table.remove_attribute("hidden")
            };
            let _ = table.class_list().toggle_with_force("folded", folded);
        });
    });
}
