//! A placed figure: title, chart area, caption, source notes and its data table.
//!
//! Before and without JavaScript the table carries the figure; the chart is drawn into the
//! reserved area when it nears the viewport. The table then folds with `hidden="until-found"`,
//! so find-in-page and text-fragment links (`#:~:text=…`) still reach its rows: the browser
//! unfolds it and fires `beforematch`, which the "Show the data" toggle follows.

use crate::figures::data_table::DataTable;
use crate::figures::figure_chart::FigureChart;
use crate::figures::figure_tools::FigureTools;
use crate::inlines::Inlines;
use crate::inlines::NoteLink;
use kirov_content::Figure as FigureData;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

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
    // The table carries the figure until the chart is drawn; then it folds behind a toggle.
    let chart_drawn = RwSignal::new(false);
    let drawn = RwSignal::new(false);
    let show_table = RwSignal::new(false);
    let folded = move || drawn.get() && !show_table.get();
    let table = NodeRef::<leptos::html::Div>::new();
    // Except under the reader's eyes: a table already up in the top half of the screen when its
    // chart arrives (reached by a link to one of its rows, a text fragment or a find, which put
    // their target at the top or the middle) stays open, so nothing read or highlighted
    // vanishes; one still below, as when reading down to a figure, folds. In a frame the screen
    // is unknown (the frame may be the essay's full height), so there it always folds. Where the
    // table was when the page came alive counts too: the chart's own height may move it down.
    let read_at_start = StoredValue::new(false);
    Effect::new(move |_| {
        if chart_drawn.get() && !drawn.get_untracked() {
            let read = read_at_start.get_value() || table.get_untracked().is_some_and(|el| being_read(&el));
            if read && !crate::dom::framed() {
                show_table.set(true);
            }
            drawn.set(true);
        }
    });
    Effect::new(move |_| {
        let Some(el) = table.get() else { return };
        watch_start(&el, read_at_start);
        let listener = gloo_events::EventListener::new(&el, "beforematch", move |_| show_table.set(true));
        let held = SendWrapper::new(listener);
        on_cleanup(move || drop(held.take()));
    });
    view! {
        <figure class=format!("figure figure-{}", figure.kind.key()) id=id aria-labelledby=labelled_by aria-describedby=described_by>
            <p class="figure-title" id=title_id>{figure.title.as_str()}</p>
            <FigureChart figure=figure drawn=chart_drawn />
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
            <FigureTools figure=figure show_table=show_table table_id=table_id.clone() />
            <div
                class="figure-data"
                id=table_id
                node_ref=table
                class:folded=folded
                hidden=move || folded().then_some("until-found")
            >
                <DataTable figure=figure />
            </div>
        </figure>
    }
}

/// Records whether the table is in the top half of the screen when the page comes alive, from an
/// IntersectionObserver's first report: asking for its box directly would force the browser to
/// lay out every section that `content-visibility: auto` is skipping, which upsets their sizes.
fn watch_start(el: &web_sys::Element, read: StoredValue<bool>) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let seen = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            let _ = read.try_set_value(seen);
            observer.disconnect();
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("0px 0px -50% 0px");
    let Ok(observer) = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
    else {
        return;
    };
    observer.observe(el);
    let held = SendWrapper::new((observer, callback));
    on_cleanup(move || {
        let (observer, _callback) = held.take();
        observer.disconnect();
    });
}

/// Whether the element is on the screen and has reached its top half.
fn being_read(el: &web_sys::Element) -> bool {
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let r = el.get_bounding_client_rect();
    r.bottom() > 0.0 && r.top() < height / 2.0
}
