//! A figure's tools: show or hide the data table, and download the data as CSV.
//! Hidden without JavaScript (the table is then always shown).

use kirov_content::{Figure, FigureSource};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
            <button type="button" class="figure-tool" on:click=move |_| download_csv(figure)>
                "Download " {file_name}
            </button>
        </div>
    }
}

/// Saves the figure's dataset (or the timeline) as a CSV file.
fn download_csv(figure: &'static Figure) {
    let c = crate::content();
    let text = match &figure.source {
        FigureSource::Dataset(id) => c
            .dataset(id)
            .map(crate::figures::export::dataset_csv)
            .unwrap_or_default(),
        FigureSource::Timeline => crate::figures::export::events_csv(&c.events),
    };
    let name = figure.source.file_name();
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(&name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
