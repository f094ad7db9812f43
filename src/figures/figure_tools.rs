//! A figure's tools, an island of their own beside the static figure: show or hide the data
//! table, download the data as CSV or the chart as an SVG image (plain links to the files the
//! build wrote), or as a PNG (drawn from that SVG), and cite the figure. Hidden without JavaScript (the table is
//! then always shown).

use crate::figures::figure_cite::{FigureCitation, FigureCite};
use crate::figures::figure_image::{self, ImageFormat};
use leptos::prelude::*;
use send_wrapper::SendWrapper;

// Exported by the tools half (src/main.rs); the card layer's half leaves it out.
#[cfg_attr(any(feature = "ssr", feature = "tools-half"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "tools-half")), component)]
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
    // What the PNG download is doing, for a polite status line.
    let status = RwSignal::new(String::new());
    let png = {
        let figure_id = figure_id.clone();
        move |_| {
            let name = format!("{figure_id}.{}", ImageFormat::Png.extension());
            status.set(format!("Preparing {name}…"));
            let figure_id = figure_id.clone();
            leptos::task::spawn_local(async move {
                match figure_image::download_png(&figure_id).await {
                    Ok(()) => status.set(format!("Saved {name}")),
                    Err(_) => status.set(format!("Could not make {name}")),
                }
            });
        }
    };
    let downloads = crate::figures::export::DOWNLOADS;
    let svg_name = format!("{figure_id}.{}", ImageFormat::Svg.extension());
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
            // Plain links to the files the build wrote: they work before and without the wasm.
            <a class="figure-tool" href=format!("{downloads}/{file_name}") download=file_name.clone()>
                "Download " {file_name.clone()}
            </a>
            <a class="figure-tool" data-image="svg" href=format!("{downloads}/{svg_name}") download=svg_name.clone()>
                "Download SVG"
            </a>
            <button type="button" class="figure-tool" data-image="png" on:click=png>
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
    // Erased, so the island's view type stays within the compiler's depth limit.
    .into_any()
}

/// Keeps the static data table (folded by the prerender with `hidden="until-found"`) in step
/// with "Show the data". A find in page or a text fragment may unfold it, before the wasm
/// (the table then has no `hidden`) or after (`beforematch`): the toggle follows.
fn follow_table(table_id: String, show_table: RwSignal<bool>) {
    Effect::new(move |_| {
        let Some(table) = crate::dom::by_id(&table_id) else {
            return;
        };
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
