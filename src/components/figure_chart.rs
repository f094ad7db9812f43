//! The interactive chart of a figure. Prerendered as an empty, reserved frame; in the browser
//! it loads ECharts and draws when the figure nears the viewport, then takes pointer, touch and
//! keyboard input. Nothing here touches the DOM while rendering.

use crate::components::chart_tooltip::{ChartTooltip, Tip};
use kirov_content::Figure;
use leptos::prelude::*;

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
    #[cfg(target_arch = "wasm32")]
    browser::start(figure, frame, tip, drawn);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = drawn;
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        #[cfg(target_arch = "wasm32")]
        browser::key(figure, &ev, active, tip, frame);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (ev, active);
    };
    let on_blur = move |_| {
        if tip.get_untracked().is_some_and(|t| !t.pinned) {
            tip.set(None);
        }
        #[cfg(target_arch = "wasm32")]
        browser::release(figure, active);
    };
    let label = crate::charts::label(figure);
    view! {
        <div class=format!("chart-frame chart-{}", figure.kind)>
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

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::chart_runtime::{self, ChartEvent};
    use send_wrapper::SendWrapper;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// Draws the chart when its frame nears the viewport; releases it on unmount.
    pub fn start(
        figure: &'static Figure,
        frame: NodeRef<leptos::html::Div>,
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
                        let on_event: Rc<dyn Fn(ChartEvent)> =
                            Rc::new(move |event| on_chart_event(event, tip, &for_events));
                        match chart_runtime::mount(figure, for_mount, on_event).await {
                            Ok(_) => drawn.set(true),
                            Err(e) => web_sys::console::warn_2(&"chart could not be drawn:".into(), &e),
                        }
                    });
                },
            );
            let options = web_sys::IntersectionObserverInit::new();
            options.set_root_margin(crate::protocol::LOAD_AHEAD);
            let Ok(observer) =
                web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
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

    /// Arrow keys step through the chart's marks; Escape clears.
    pub fn key(
        figure: &'static Figure,
        ev: &web_sys::KeyboardEvent,
        active: RwSignal<Option<usize>>,
        tip: RwSignal<Option<Tip>>,
        frame: NodeRef<leptos::html::Div>,
    ) {
        let Some(count) = chart_runtime::with_chart(&figure.id, |c| c.spec.borrow().marks.len()) else {
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
            let key = c.spec.borrow().marks[index].key.clone();
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
    pub fn release(figure: &'static Figure, active: RwSignal<Option<usize>>) {
        if let Some(i) = active.get_untracked() {
            chart_runtime::with_chart(&figure.id, |c| {
                let key = c.spec.borrow().marks.get(i).map(|m| m.key.clone());
                if let Some(key) = key {
                    c.emphasise(&key, false);
                }
            });
            active.set(None);
        }
    }
}
