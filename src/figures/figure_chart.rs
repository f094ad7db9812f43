//! The interactive chart of a figure. The chart itself is drawn at build time into the
//! chart element (src/chart_prerender.rs), which the view leaves empty; in the browser it takes
//! pointer, touch and keyboard input on that SVG (chart_runtime.rs), with no chart library.
//! Nothing here touches the DOM while rendering: the browser work is in Effects and handlers,
//! which the prerender never runs.

use crate::figures::chart_runtime::{self, ChartEvent};
use crate::figures::chart_tooltip::{ChartTooltip, Tip};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::rc::Rc;
use wasm_bindgen::JsCast;

// Exported by the tools half (src/main.rs); the card layer's half leaves it out.
#[cfg_attr(any(feature = "ssr", feature = "tools-half"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "tools-half")), component)]
pub fn FigureChart(
    /// The figure whose prerendered chart this is.
    figure_id: String,
    /// The figure's kind (`chart-<kind>` styles the frame).
    kind: String,
    /// The chart's accessible name.
    label: String,
) -> impl IntoView {
    crate::page_state::provide();
    // The island lives as long as the page, and its handlers want the id for as long.
    let figure: &'static str = Box::leak(figure_id.into_boxed_str());
    let frame = NodeRef::<leptos::html::Div>::new();
    let tip = RwSignal::new(None::<Tip>);
    let active = RwSignal::new(None::<usize>);
    start(figure, frame, tip);
    let on_key = move |ev: leptos::ev::KeyboardEvent| key(figure, &ev, active, tip, frame);
    let on_blur = move |_| {
        if tip.get_untracked().is_some_and(|t| !t.pinned) {
            tip.set(None);
        }
        release(figure, active);
    };
    let whole = NodeRef::<leptos::html::Div>::new();
    dismiss_from_outside(figure, tip, whole);
    // Pointer events on the SVG, delegated: the element under the pointer names its datum.
    let pointer = move |ev: web_sys::MouseEvent, kind: u8| {
        let Some(el) = frame.get_untracked() else { return };
        let el: web_sys::HtmlElement = el.unchecked_into();
        let target = chart_runtime::event_element(&ev);
        let key = target.and_then(|t| chart_runtime::with_chart(figure, |c| c.key_at(&t)).flatten());
        let r = el.get_bounding_client_rect();
        let (x, y) = (f64::from(ev.client_x()) - r.left(), f64::from(ev.client_y()) - r.top());
        let event = match (kind, key) {
            (0, Some(key)) => ChartEvent::Over { key, x, y },
            (1, Some(key)) => ChartEvent::Click { key, x, y },
            (0 | 2, None) => ChartEvent::Out,
            _ => return,
        };
        on_chart_event(figure, event, tip, &el);
    };
    view! {
        <div class=format!("chart-frame chart-{kind}") node_ref=whole>
            <div
                class="chart"
                node_ref=frame
                tabindex="0"
                role="group"
                aria-label=label
                aria-roledescription="chart"
                on:keydown=on_key
                on:blur=on_blur
                on:mouseover=move |ev| pointer(ev, 0)
                on:click=move |ev| pointer(ev, 1)
                on:mouseleave=move |ev| pointer(ev, 2)
            ></div>
            <ChartTooltip figure_id=figure tip=tip />
        </div>
    }
}

/// Makes the prerendered chart interactive once the page is alive; releases it on unmount.
fn start(figure: &'static str, frame: NodeRef<leptos::html::Div>, tip: RwSignal<Option<Tip>>) {
    Effect::new(move |_| {
        let Some(el) = frame.get() else { return };
        let el: web_sys::HtmlElement = el.unchecked_into();
        let for_events = el.clone();
        let on_event: Rc<dyn Fn(ChartEvent)> = Rc::new(move |event| on_chart_event(figure, event, tip, &for_events));
        if let Err(e) = chart_runtime::mount(figure, el, on_event) {
            web_sys::console::warn_2(&"chart could not be made interactive:".into(), &e);
        }
        on_cleanup(move || chart_runtime::unmount(figure));
    });
}

fn on_chart_event(figure_id: &str, event: ChartEvent, tip: RwSignal<Option<Tip>>, el: &web_sys::HtmlElement) {
    let width = f64::from(el.client_width());
    let pinned = tip.get_untracked().is_some_and(|t| t.pinned);
    match event {
        ChartEvent::Over { key, x, y } => {
            if pinned {
                return;
            }
            chart_runtime::with_chart(figure_id, |c| c.emphasise(&key, true));
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
                chart_runtime::with_chart(figure_id, |c| c.release());
                chart_runtime::mark_prose(None);
                tip.set(None);
            }
        }
        ChartEvent::Click { key, x, y } => {
            chart_runtime::with_chart(figure_id, |c| c.emphasise(&key, true));
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
fn dismiss_from_outside(figure: &'static str, tip: RwSignal<Option<Tip>>, whole: NodeRef<leptos::html::Div>) {
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
                chart_runtime::with_chart(figure, |c| c.release());
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
                chart_runtime::with_chart(figure, |c| c.release());
                chart_runtime::mark_prose(None);
            }
        });
        let held = SendWrapper::new((outside, scrolled));
        on_cleanup(move || drop(held.take()));
    });
}

/// Arrow keys step through the chart's marks; Escape clears.
fn key(
    figure: &'static str,
    ev: &web_sys::KeyboardEvent,
    active: RwSignal<Option<usize>>,
    tip: RwSignal<Option<Tip>>,
    frame: NodeRef<leptos::html::Div>,
) {
    let Some(count) = chart_runtime::with_chart(figure, |c| c.mark_count()) else {
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
    let key = chart_runtime::with_chart(figure, |c| {
        let key = c.mark_key(index)?;
        c.emphasise(&key, true);
        Some(key)
    });
    let Some(key) = key.flatten() else { return };
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
fn release(figure: &'static str, active: RwSignal<Option<usize>>) {
    if active.get_untracked().is_some() {
        chart_runtime::with_chart(figure, |c| c.release());
        active.set(None);
    }
}
