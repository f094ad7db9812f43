//! "Cite this figure": the figure's own link (`#fig-<id>`, stable because ids come from the
//! content), and its citation in Chicago and BibTeX, naming the figure, this edition and the
//! article, each with a Copy button. Opened from the figure's tools.

use crate::cards::cite_card::{CopyField, PageUrl};
use crate::citation;
use kirov_content::{Figure, Meta};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where the figure's address goes in its citations, filled in the browser (the prerendered
/// page cannot know where it will be served).
const LINK: &str = "{link}";

/// A figure's citations, built at build time from the content (so the browser needs none of it)
/// with [`LINK`] standing for the figure's address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureCitation {
    pub chicago: String,
    pub bibtex: String,
}

impl FigureCitation {
    pub fn of(meta: &Meta, figure: &Figure) -> Self {
        FigureCitation {
            chicago: citation::figure_chicago(meta, &figure.title, LINK),
            bibtex: citation::figure_bibtex(meta, &figure.id, &figure.title, LINK),
        }
    }
}

#[component]
pub fn FigureCite(
    /// The figure's id.
    figure_id: String,
    /// Its citations.
    citation: FigureCitation,
    /// Whether the panel is open.
    open: RwSignal<bool>,
    /// The panel's element id.
    panel_id: String,
) -> impl IntoView {
    let page = use_context::<PageUrl>().map(|PageUrl(p)| p);
    let heading_id = format!("{panel_id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="figure-cite" id=panel_id aria-labelledby=labelled_by hidden=move || !open.get()>
            <h3 class="figure-cite-title" id=heading_id>"Cite this figure"</h3>
            {move || {
                open.get().then(|| {
                    let base = page.map(|p| p.get_untracked()).unwrap_or_default();
                    let link = format!("{base}#fig-{figure_id}");
                    let chicago = citation.chicago.replace(LINK, &link);
                    let bibtex = citation.bibtex.replace(LINK, &link);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_built_ahead_reads_as_one_built_with_its_link() {
        let c = crate::content();
        let f = &c.figures[0];
        let link = "https://example.org/kirov/#fig-x";
        let ahead = FigureCitation::of(&c.meta, f);
        assert_eq!(
            ahead.chicago.replace(LINK, link),
            citation::figure_chicago(&c.meta, &f.title, link)
        );
        assert_eq!(
            ahead.bibtex.replace(LINK, link),
            citation::figure_bibtex(&c.meta, &f.id, &f.title, link)
        );
    }
}
