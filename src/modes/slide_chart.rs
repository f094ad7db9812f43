//! A figure's chart on a slide: drawn when its slide is shown, into the space left under the
//! slide's title (`chart_fit.rs` chooses label size and width), redrawn when that space changes.
//! A picture for the room: the data and its notes are in the console and the essay's figure.

use crate::figures::echarts::{self, ECharts};
use crate::modes::chart_fit::{fit, unscaled, LARGEST, SLIDE_HEIGHT_EM, SMALLEST};
use kirov_content::Figure;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The chart's space on a landscape handout page (style/present.css, print), in CSS px, and the
/// screen height its 14 pt type stands for (14 pt = 18.7 px, × 33.75).
const PRINTED: (i32, i32) = (960, 330);
const PRINTED_SCREEN: f64 = 630.0;

#[component]
pub fn SlideChart(
    /// The figure whose chart fills the slide.
    figure: &'static Figure,
) -> impl IntoView {
    let space = NodeRef::<leptos::html::Div>::new();
    let drawn = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let (Some(space), Some(drawn)) = (space.get(), drawn.get()) else {
            return;
        };
        let space: web_sys::HtmlElement = space.unchecked_into();
        let drawn: web_sys::HtmlElement = drawn.unchecked_into();
        let live = Rc::new(Live {
            figure,
            space: space.clone(),
            drawn,
            chart: RefCell::new(None),
            size: Cell::new((0, 0)),
            largest: Cell::new(LARGEST),
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
    view! {
        <div class="slide-chart" node_ref=space aria-hidden="true">
            <div class="slide-chart-drawn" node_ref=drawn></div>
        </div>
    }
}

/// A slide's chart and the space it fills.
struct Live {
    figure: &'static Figure,
    space: web_sys::HtmlElement,
    drawn: web_sys::HtmlElement,
    chart: RefCell<Option<ECharts>>,
    /// The space it was last drawn for, in whole pixels.
    size: Cell<(i32, i32)>,
    /// The largest label size (at 1080 px) still to try: lowered when drawn labels spill out.
    largest: Cell<f64>,
}

impl Live {
    /// Draws (once ECharts is loaded) for the space's current size, if it is shown and changed.
    fn show(self: &Rc<Self>) {
        let size = (self.space.client_width(), self.space.client_height());
        if size.0 < 50 || size.1 < 50 || size == self.size.get() {
            return;
        }
        self.size.set(size);
        self.largest.set(LARGEST);
        let live = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if echarts::load().await.is_err() {
                return;
            }
            live.draw();
        });
    }

    /// Draws at once for a printed page (the handout), if ECharts is already loaded: printing
    /// cannot wait for it, so the deck loads it as soon as presenting starts.
    fn print(self: &Rc<Self>) {
        let loaded = web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &"echarts".into()).unwrap_or(false));
        if loaded {
            self.size.set(PRINTED);
            self.draw();
        }
    }

    fn draw(self: &Rc<Self>) {
        let (w, h) = self.size.get();
        let base = crate::figures::chart_runtime::page_theme(None, true);
        // The screen this slide stands for: 33.75 of its em tall (style/present.css), so a
        // preview in the console scales its labels with it, as the room's screen does.
        let em = web_sys::window()
            .and_then(|w| w.get_computed_style(&self.space).ok().flatten())
            .and_then(|s| s.get_property_value("font-size").ok())
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
            .unwrap_or(32.0);
        let screen = if (w, h) == PRINTED {
            PRINTED_SCREEN
        } else {
            em * SLIDE_HEIGHT_EM
        };
        let fitted = fit(
            self.figure,
            crate::content(),
            &base,
            f64::from(w),
            f64::from(h),
            screen,
            self.largest.get(),
        );
        let label = fitted.theme.font_size;
        let style = self.drawn.style();
        let _ = style.set_property("width", &crate::dom::px(fitted.width));
        let _ = style.set_property("height", &crate::dom::px(fitted.drawing.height));
        let _ = self
            .drawn
            .set_attribute("data-label-size", &fitted.theme.font_size.to_string());
        // Where no layout fits (a small preview in the console), the drawing is shrunk whole.
        let shrink = (f64::from(h) / fitted.drawing.height).min(f64::from(w) / fitted.width);
        if shrink < 1.0 {
            let _ = style.set_property("transform", &format!("translate(-50%, -50%) scale({shrink:.3})"));
        } else {
            let _ = style.remove_property("transform");
        }
        let mut chart = self.chart.borrow_mut();
        let chart = chart.get_or_insert_with(|| echarts::init(&self.drawn));
        chart.resize();
        if let Err(e) = chart.set_option(&fitted.drawing.option) {
            web_sys::console::warn_1(&format!("slide chart could not be drawn: {e}").into());
        }
        // ECharts' aria module names the drawing; on a slide the figure's title and description
        // speak for it, so the drawing stays out of the accessibility tree.
        let _ = self.drawn.set_attribute("aria-hidden", "true");
        // The builders estimate label widths; large labels can come out wider than estimated.
        // Then the chart is drawn again with the next smaller labels.
        let live = self.clone();
        request_animation_frame(move || {
            let at = unscaled(label, screen);
            if at > SMALLEST && live.labels_spill() && live.size.get() == (w, h) {
                live.largest.set(at - 2.0);
                live.draw();
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
