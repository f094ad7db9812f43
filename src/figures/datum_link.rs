//! A number in the prose tied to a chart's datum (`a.datum`): without scripts it leads to the
//! datum's row in its figure's table; here it brings the figure's chart into view and opens that
//! datum's tooltip, as a jump that Back returns from.

use crate::figures::chart_runtime;
use crate::navigation::history::Navigation;

/// Follows a click on a datum link. Returns whether it was one.
pub fn follow(ev: &web_sys::MouseEvent, navigation: Navigation) -> bool {
    let link =
        crate::cards::controller::element(ev.target()).and_then(|el| el.closest("a.datum[data-datum]").ok().flatten());
    let Some(link) = link else { return false };
    // Both written by the prerender (inlines.rs): the datum's key and the figure that draws it.
    let (Some(key), Some(figure)) = (link.get_attribute("data-datum"), link.get_attribute("data-figure")) else {
        return false;
    };
    if !navigation.follow_to(ev, &format!("fig-{figure}")) {
        return false;
    }
    chart_runtime::show_datum(&figure, &key);
    true
}
