//! A figure as an island: it hydrates on its own (when it nears the screen, assets/islands.js),
//! while the prose around it stays static. Its props say only which figure it is.

use crate::figures::figure::Figure;
use leptos::prelude::*;

#[island]
pub fn LiveFigure(
    /// The figure's id in `data/figures.toml`.
    figure_id: String,
) -> impl IntoView {
    crate::page_state::provide();
    crate::content()
        .figure(&figure_id)
        .map(|figure| view! { <Figure figure=figure /> }.into_any())
}
