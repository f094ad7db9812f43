//! A number in the prose tied to a chart's datum (`a.datum`): without scripts it leads to the
//! datum's row in its figure's table; here it brings the figure's chart into view and opens that
//! datum's tooltip, as a jump that Back returns from.

use crate::figures::chart_runtime;
use crate::navigation::history::Navigation;

/// Follows a click on a datum link. Returns whether it was one.
pub fn follow(ev: &web_sys::MouseEvent, navigation: Navigation) -> bool {
    let link =
        crate::cards::controller::element(ev.target()).and_then(|el| el.closest("a.datum[data-datum]").ok().flatten());
    let Some(key) = link.and_then(|l| l.get_attribute("data-datum")) else {
        return false;
    };
    let Some((dataset, row)) = key.split_once('/') else {
        return false;
    };
    let Some(figure) = crate::content().home_figure(dataset, row) else {
        return false;
    };
    if !navigation.follow_to(ev, &format!("fig-{}", figure.id)) {
        return false;
    }
    chart_runtime::show_datum(&figure.id, &key);
    true
}
