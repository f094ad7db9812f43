//! A figure's chart on a slide, drawn into the empty frame the build rendered under the slide's
//! title, when the slide is shown and again when its space changes. The options were laid out
//! at build time (`slide_charts.rs`) for the spaces slides have: this picks the space nearest
//! the frame's, draws that option at its own size and scales the drawing to fill the frame.
//! A picture for the room: the data and its notes are in the console and the essay's figure.

use crate::figures::echarts::{self, ECharts};
use crate::modes::slide_charts::{Fitted, LoadedCharts, SlideCharts, PRINTED};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Draws the chart of `figure` into the frame inside `face` once the charts have arrived.
pub fn attach(face: NodeRef<leptos::html::Div>, figure: String) {
    let LoadedCharts(charts) = expect_context::<LoadedCharts>();
    Effect::new(move |_| {
        let (Some(charts), Some(face)) = (charts.get(), face.get()) else {
            return;
        };
        let find = |selector: &str| {
            face.query_selector(selector)
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        };
        let (Some(space), Some(drawn)) = (find(".slide-chart"), find(".slide-chart-drawn")) else {
            return;
        };
        if !charts.contains_key(&figure) {
            return;
        }
        let live = Rc::new(Live {
            charts,
            figure: figure.clone(),
            space: space.clone(),
            drawn,
            chart: RefCell::new(None),
            size: Cell::new((0, 0)),
            fitted: RefCell::new(None),
        });
        let on_change = {
            let live = live.clone();
            Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| live.show())
        };
        // Shown (a slide became current) or resized: both are a change of the space's size.
        let Ok(observer) = web_sys::ResizeObserver::new(on_change.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&space);
        // The handout: every figure slide is drawn for the printed page, then redrawn after.
        let printing = {
            let live = live.clone();
            window_event_listener_untyped("beforeprint", move |_| live.print())
        };
        let printed = {
            let live = live.clone();
            window_event_listener_untyped("afterprint", move |_| {
                live.size.set((0, 0));
                live.show();
            })
        };
        let held = SendWrapper::new((observer, on_change, live, printing, printed));
        on_cleanup(move || {
            let (observer, _callback, live, printing, printed) = held.take();
            printing.remove();
            printed.remove();
            observer.disconnect();
            let chart = live.chart.borrow_mut().take();
            if let Some(chart) = chart {
                chart.dispose();
            }
        });
    });
}

/// A slide's chart and the space it fills.
struct Live {
    charts: Arc<SlideCharts>,
    figure: String,
    space: web_sys::HtmlElement,
    drawn: web_sys::HtmlElement,
    chart: RefCell<Option<ECharts>>,
    /// The space it was last drawn for, in whole pixels.
    size: Cell<(i32, i32)>,
    /// The layouts chosen for that space.
    fitted: RefCell<Option<Fitted>>,
}

impl Live {
    /// Draws (once ECharts is loaded) for the space's current size, if it is shown and changed.
    fn show(self: &Rc<Self>) {
        let size = (self.space.client_width(), self.space.client_height());
        if size.0 < 50 || size.1 < 50 || size == self.size.get() {
            return;
        }
        self.size.set(size);
        // The space in em of the slide's type: the same on every screen of one shape.
        let em = web_sys::window()
            .and_then(|w| w.get_computed_style(&self.space).ok().flatten())
            .and_then(|s| s.get_property_value("font-size").ok())
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
            .filter(|em| *em > 0.0)
            .unwrap_or(32.0);
        let fitted = self.charts[&self.figure]
            .for_screen(em, f64::from(size.0) / em, f64::from(size.1) / em)
            .cloned();
        *self.fitted.borrow_mut() = fitted;
        let live = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if echarts::load().await.is_err() {
                return;
            }
            live.draw(0, None);
        });
    }

    /// Draws at once for a printed page (the handout), if ECharts is already loaded: printing
    /// cannot wait for it, so the deck loads it as soon as presenting starts.
    fn print(self: &Rc<Self>) {
        let loaded = web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &"echarts".into()).unwrap_or(false));
        if loaded {
            *self.fitted.borrow_mut() = self.charts[&self.figure].for_print().cloned();
            self.size.set((PRINTED.0 as i32, PRINTED.1 as i32));
            self.draw(0, Some(PRINTED));
        }
    }

    /// Draws layout `at` of the chosen space, scaled to fill `into` (the space, or a page's).
    fn draw(self: &Rc<Self>, at: usize, into: Option<(f64, f64)>) {
        let Some(layout) = self.fitted.borrow().as_ref().and_then(|f| f.layouts.get(at).cloned()) else {
            return;
        };
        let size = self.size.get();
        let (w, h) = into.unwrap_or((f64::from(size.0), f64::from(size.1)));
        let style = self.drawn.style();
        let _ = style.set_property("width", &crate::dom::px(layout.width));
        let _ = style.set_property("height", &crate::dom::px(layout.height));
        // A printed page is drawn at its own size; a screen scales the picture to its space.
        let mut scale = (w / layout.width).min(h / layout.height);
        if into.is_some() {
            scale = scale.min(1.0);
        }
        let _ = style.set_property("transform", &format!("translate(-50%, -50%) scale({scale:.4})"));
        let _ = self
            .drawn
            .set_attribute("data-label-size", &(layout.label * scale).round().to_string());
        let mut chart = self.chart.borrow_mut();
        let chart = chart.get_or_insert_with(|| echarts::init(&self.drawn));
        chart.resize();
        if let Err(e) = chart.set_option_json(&self.charts[&self.figure].options[layout.option]) {
            web_sys::console::warn_2(&"slide chart could not be drawn:".into(), &e);
        }
        // ECharts' aria module names the drawing; on a slide the figure's title and description
        // speak for it, so the drawing stays out of the accessibility tree.
        let _ = self.drawn.set_attribute("aria-hidden", "true");
        // The layouts estimate label widths; large labels can come out wider than estimated.
        // Then the chart is drawn again with the next smaller labels.
        let live = self.clone();
        request_animation_frame(move || {
            if live.size.get() == size && live.labels_spill() {
                live.draw(at + 1, into);
            }
        });
    }

    /// Whether any label of the drawing reaches outside the drawing's own box.
    fn labels_spill(&self) -> bool {
        let frame = self.drawn.get_bounding_client_rect();
        let Ok(texts) = self.drawn.query_selector_all("svg text") else {
            return false;
        };
        (0..texts.length()).filter_map(|i| texts.item(i)).any(|t| {
            let Ok(t) = t.dyn_into::<web_sys::Element>() else {
                return false;
            };
            let b = t.get_bounding_client_rect();
            b.width() > 0.0
                && (b.left() < frame.left() - 1.0
                    || b.right() > frame.right() + 1.0
                    || b.top() < frame.top() - 1.0
                    || b.bottom() > frame.bottom() + 1.0)
        })
    }
}
