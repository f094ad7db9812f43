//! "Cite this figure": the figure's own link (`#fig-<id>`, stable because ids come from the
//! content), and its citation in Chicago and BibTeX, naming the figure, this edition and the
//! article, each with a Copy button. Opened from the figure's tools.

use crate::cards::cite_card::{CopyField, PageUrl};
use crate::citation;
use crate::content;
use kirov_content::Figure;
use leptos::prelude::*;

#[component]
pub fn FigureCite(
    /// The figure to cite.
    figure: &'static Figure,
    /// Whether the panel is open (its toggle is among the figure's tools).
    open: RwSignal<bool>,
    /// The panel's element id (for the toggle's aria-controls).
    panel_id: String,
) -> impl IntoView {
    let page = use_context::<PageUrl>().map(|PageUrl(p)| p);
    let heading_id = format!("{panel_id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="figure-cite" id=panel_id aria-labelledby=labelled_by hidden=move || !open.get()>
            <h3 class="figure-cite-title" id=heading_id>"Cite this figure"</h3>
            // Built only once opened: the address is known only in the browser.
            {move || {
                open.get().then(|| {
                    let c = content();
                    let base = page.map(|p| p.get_untracked()).unwrap_or_default();
                    let link = format!("{base}#fig-{}", figure.id);
                    let chicago = citation::figure_chicago(&c.meta, &figure.title, &link);
                    let bibtex = citation::figure_bibtex(&c.meta, &figure.id, &figure.title, &link);
                    view! {
                        <CopyField label="Link" text=link />
                        <CopyField label="Chicago" text=chicago />
                        <CopyField label="BibTeX" text=bibtex />
                    }
                })
            }}
        </section>
    }
}
