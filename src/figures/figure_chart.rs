//! The interactive chart of a figure. Prerendered as an empty, reserved frame; in the browser
//! it loads ECharts and draws when the figure nears the viewport, redraws when the reader's
//! theme changes, and takes pointer, touch and keyboard input. Nothing here touches the DOM
//! while rendering: the browser work is in Effects and handlers, which the prerender never runs.

use crate::figures::chart_runtime::{self, ChartEvent};
use crate::figures::chart_tooltip::{ChartTooltip, Tip};
use crate::modes::stage::Presenting;
use crate::modes::theme::ChosenTheme;
use kirov_charts::Theme;
use kirov_content::Figure;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How far ahead of the viewport a chart starts loading.

#[component]
pub fn FigureChart(
    /// The figure to draw.
    figure: &'static Figure,
    /// Set once the chart is drawn (the figure then folds its table away).
    drawn: RwSignal<bool>,
) -> impl IntoView {
    let frame = NodeRef::<leptos::html::Div>::new();
    let tip = RwSignal::new(None::<Tip>);
    let active = RwSignal::new(None::<usize>);
    let theme = page_theme();
    start(figure, frame, theme, tip, drawn);
    // The chart follows the theme: its colours and type sizes are in the option.
    Effect::new(move |_| {
        let theme = theme.get();
        chart_runtime::with_chart(&figure.id, |c| c.set_theme(theme));
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| key(figure, &ev, active, tip, frame);
    let on_blur = move |_| {
        if tip.get_untracked().is_some_and(|t| !t.pinned) {
            tip.set(None);
        }
        release(figure, active);
    };
    let label = kirov_charts::label(figure);
    let whole = NodeRef::<leptos::html::Div>::new();
    dismiss_from_outside(tip, whole);
    view! {
        <div class=format!("chart-frame chart-{}", figure.kind.key()) node_ref=whole>
            <div
                class="chart"
                node_ref=frame
                tabindex="0"
                role="group"
                aria-label=label
                aria-roledescription="chart"
                on:keydown=on_key
                on:blur=on_blur
            ></div>
            <ChartTooltip tip=tip />
        </div>
    }
}

/// The chart theme for the page's settings, recomputed when the reader changes the theme or
/// starts or stops presenting.
fn page_theme() -> Memo<Theme> {
    let choice = use_context::<ChosenTheme>().map(|ChosenTheme(c)| c);
    let presenting = use_context::<Presenting>().map(|Presenting(p)| p);
    Memo::new(move |_| {
        chart_runtime::page_theme(
            choice.and_then(|c| c.get().name()),
            presenting.is_some_and(|p| p.get().is_some()),
        )
    })
}

/// Draws the chart when its frame nears the viewport; releases it on unmount.
fn start(
    figure: &'static Figure,
    frame: NodeRef<leptos::html::Div>,
    theme: Memo<Theme>,
    tip: RwSignal<Option<Tip>>,
    drawn: RwSignal<bool>,
) {
    Effect::new(move |_| {
        let Some(el) = frame.get() else { return };
        let el: web_sys::HtmlElement = el.unchecked_into();
        let target = el.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let near = entries.iter().any(|e| {
                    e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                        .is_intersecting()
                });
                if !near {
                    return;
                }
                observer.disconnect();
                let (for_events, for_mount) = (target.clone(), target.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = crate::figures::echarts::load().await;
                    // The figure may have left the page while ECharts loaded.
                    let Some(theme) = theme.try_get_untracked() else { return };
                    let on_event: Rc<dyn Fn(ChartEvent)> =
                        Rc::new(move |event| on_chart_event(event, tip, &for_events));
                    match loaded.and_then(|()| chart_runtime::mount(figure, for_mount, theme, on_event)) {
                        Ok(_) => drawn.set(true),
                        Err(e) => web_sys::console::warn_2(&"chart could not be drawn:".into(), &e),
                    }
                });
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(crate::protocol::LOAD_AHEAD);
        let Ok(observer) = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
        else {
            return;
        };
        observer.observe(&el);
        let held = SendWrapper::new((observer, callback));
        on_cleanup(move || {
            let (observer, _callback) = held.take();
            observer.disconnect();
            chart_runtime::unmount(&figure.id);
        });
    });
}

fn on_chart_event(event: ChartEvent, tip: RwSignal<Option<Tip>>, el: &web_sys::HtmlElement) {
    let width = f64::from(el.client_width());
    match event {
        ChartEvent::Over { key, x, y } => {
            if tip.get_untracked().is_some_and(|t| t.pinned) {
                return;
            }
            chart_runtime::mark_prose(Some(&key));
            tip.set(Some(Tip {
                key,
                x,
                y,
                width,
                pinned: false,
            }));
        }
        ChartEvent::Out => {
            if tip.get_untracked().is_some_and(|t| !t.pinned) {
                chart_runtime::mark_prose(None);
                tip.set(None);
            }
        }
        ChartEvent::Click { key, x, y } => {
            chart_runtime::mark_prose(Some(&key));
            tip.set(Some(Tip {
                key,
                x,
                y,
                width,
                pinned: true,
            }));
        }
    }
}

/// How far the page may scroll under an open tooltip before it closes.
const SCROLL_CLOSES_PX: f64 = 48.0;

/// An open tooltip closes when the reader taps or clicks outside the chart, or scrolls on: on a
/// phone a pinned tooltip would otherwise stay, covering the marks beside the one tapped.
fn dismiss_from_outside(tip: RwSignal<Option<Tip>>, whole: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        let Some(frame) = whole.get() else { return };
        let Some(window) = web_sys::window() else { return };
        let frame: web_sys::Element = frame.into();
        let outside = gloo_events::EventListener::new(&window, "pointerdown", move |ev| {
            let inside = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|n| frame.contains(Some(&n)));
            if !inside && tip.try_get_untracked().flatten().is_some() {
                tip.set(None);
                chart_runtime::mark_prose(None);
            }
        });
        let from = std::cell::Cell::new(None::<f64>);
        let scroll_window = window.clone();
        let scrolled = gloo_events::EventListener::new(&window, "scroll", move |_| {
            let y = scroll_window.scroll_y().unwrap_or(0.0);
            if tip.try_get_untracked().flatten().is_none() {
                from.set(None);
                return;
            }
            let start = *from.get().get_or_insert(y);
            from.set(Some(start));
            if (y - start).abs() > SCROLL_CLOSES_PX {
                from.set(None);
                tip.set(None);
                chart_runtime::mark_prose(None);
            }
        });
        let held = SendWrapper::new((outside, scrolled));
        on_cleanup(move || drop(held.take()));
    });
}

/// Arrow keys step through the chart's marks; Escape clears.
fn key(
    figure: &'static Figure,
    ev: &web_sys::KeyboardEvent,
    active: RwSignal<Option<usize>>,
    tip: RwSignal<Option<Tip>>,
    frame: NodeRef<leptos::html::Div>,
) {
    let Some(count) = chart_runtime::with_chart(&figure.id, |c| c.drawing().marks.len()) else {
        return;
    };
    if count == 0 {
        return;
    }
    let current = active.get_untracked();
    let next = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |i| (i + 1) % count)),
        "ArrowLeft" | "ArrowUp" => Some(current.map_or(count - 1, |i| (i + count - 1) % count)),
        "Home" => Some(0),
        "End" => Some(count - 1),
        "Escape" => {
            release(figure, active);
            tip.set(None);
            chart_runtime::mark_prose(None);
            ev.prevent_default();
            return;
        }
        _ => return,
    };
    ev.prevent_default();
    release(figure, active);
    let Some(index) = next else { return };
    let key = chart_runtime::with_chart(&figure.id, |c| {
        let key = c.drawing().marks[index].key.clone();
        c.emphasise(&key, true);
        key
    });
    let Some(key) = key else { return };
    active.set(Some(index));
    let width = frame.get_untracked().map_or(600.0, |el| f64::from(el.client_width()));
    chart_runtime::mark_prose(Some(&key));
    tip.set(Some(Tip {
        key,
        x: 8.0,
        y: 8.0,
        width,
        pinned: false,
    }));
}

/// Releases the keyboard-highlighted mark.
fn release(figure: &'static Figure, active: RwSignal<Option<usize>>) {
    if let Some(i) = active.get_untracked() {
        chart_runtime::with_chart(&figure.id, |c| {
            let key = c.drawing().marks.get(i).map(|m| m.key.clone());
            if let Some(key) = key {
                c.emphasise(&key, false);
            }
        });
        active.set(None);
    }
}
