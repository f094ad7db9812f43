//! Live charts in the browser: mounting a figure's chart, rebuilding it on resize or theme
//! change, and the registry that links `datum:` numbers in the prose to marks in charts.

use crate::charts::{self, ChartSpec, Theme};
use crate::echarts::{self, ECharts, PointerEvent};
use crate::protocol;
use kirov_content::Figure;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// An ECharts event listener, kept alive as long as its chart.
type Listener = Closure<dyn FnMut(JsValue)>;
/// The resize observer and its callback.
type Resize = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// A mounted chart and everything that must be released with it.
pub struct LiveChart {
    pub figure: &'static Figure,
    pub chart: ECharts,
    pub spec: RefCell<ChartSpec>,
    element: web_sys::HtmlElement,
    width: RefCell<f64>,
    listeners: RefCell<Vec<Listener>>,
    resize: RefCell<Option<Resize>>,
}

thread_local! {
    static LIVE: RefCell<Vec<Rc<LiveChart>>> = const { RefCell::new(Vec::new()) };
}

/// The theme the page is showing now: projector mode, an explicit choice, or the system's.
pub fn current_theme() -> Theme {
    let Some(window) = web_sys::window() else {
        return Theme::light();
    };
    let media = |q: &str| window.match_media(q).ok().flatten().is_some_and(|m| m.matches());
    let root = crate::dom::query(&format!(".{}", protocol::ROOT_CLASS));
    let chosen = root.as_ref().and_then(|r| r.get_attribute(protocol::THEME_ATTRIBUTE));
    let mode = root.as_ref().and_then(|r| r.get_attribute("data-mode"));
    let theme = match (mode.as_deref(), chosen.as_deref()) {
        (Some(protocol::PRESENT_MODE), _) => Theme::projector(),
        (_, Some(name)) => Theme::by_name(name),
        _ if media("(prefers-color-scheme: dark)") => Theme::dark(),
        _ => Theme::light(),
    };
    if media("(prefers-reduced-motion: reduce)") {
        theme.without_animation()
    } else {
        theme
    }
}

/// Events a chart reports to its figure.
pub enum ChartEvent {
    Over { key: String, x: f64, y: f64 },
    Out,
    Click { key: String, x: f64, y: f64 },
}

/// Loads ECharts if needed and draws the figure's chart into `element`.
pub async fn mount(
    figure: &'static Figure,
    element: web_sys::HtmlElement,
    on_event: Rc<dyn Fn(ChartEvent)>,
) -> Result<Rc<LiveChart>, JsValue> {
    echarts::load().await?;
    let width = f64::from(element.client_width().max(280));
    let theme = current_theme();
    let spec = charts::build(figure, crate::content(), &theme, width).ok_or("this figure has no chart")?;
    size(&element, figure, &theme, width, &spec);
    let chart = echarts::init(&element);
    chart
        .set_option(&spec.chart)
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    label(&element, figure);
    let live = Rc::new(LiveChart {
        figure,
        chart,
        spec: RefCell::new(spec),
        element: element.clone(),
        width: RefCell::new(width),
        listeners: RefCell::new(Vec::new()),
        resize: RefCell::new(None),
    });
    for (name, kind) in [("mouseover", 0), ("mouseout", 1), ("click", 2)] {
        let weak = Rc::downgrade(&live);
        let on_event = on_event.clone();
        let handler = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
            let Some(live) = weak.upgrade() else { return };
            if kind == 1 {
                on_event(ChartEvent::Out);
                return;
            }
            let Some(p) = PointerEvent::from_js(&params) else {
                return;
            };
            let Some(key) = live.spec.borrow().mark_at(p.series, p.index).map(|m| m.key.clone()) else {
                return;
            };
            on_event(if kind == 0 {
                ChartEvent::Over { key, x: p.x, y: p.y }
            } else {
                ChartEvent::Click { key, x: p.x, y: p.y }
            });
        });
        live.chart.on(name, handler.as_ref().unchecked_ref());
        live.listeners.borrow_mut().push(handler);
    }
    // Builders depend on width (label layout, unit size), so a resize rebuilds the option.
    let weak = Rc::downgrade(&live);
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        if let Some(live) = weak.upgrade() {
            let width = f64::from(live.element.client_width().max(280));
            if (width - *live.width.borrow()).abs() >= 1.0 {
                *live.width.borrow_mut() = width;
                live.redraw();
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    observer.observe(&element);
    *live.resize.borrow_mut() = Some((observer, on_resize));
    LIVE.with(|l| l.borrow_mut().push(live.clone()));
    Ok(live)
}

/// Gives the chart element the height its builder laid the chart out for, and records how many
/// points it draws (`data-points`, read by the end-to-end tests).
fn size(element: &web_sys::HtmlElement, figure: &Figure, theme: &Theme, width: f64, spec: &ChartSpec) {
    if let Some(h) = charts::height(figure, crate::content(), theme, width) {
        let _ = element.style().set_property("height", &format!("{h:.0}px"));
    }
    let _ = element.set_attribute("data-points", &charts::drawn_points(&spec.chart).to_string());
}

/// ECharts' aria module labels the container as an image; the page's own label is the one to
/// keep, because the chart is an interactive group the arrow keys step through.
fn label(element: &web_sys::HtmlElement, figure: &Figure) {
    let _ = element.set_attribute("role", "group");
    let _ = element.set_attribute("aria-label", &charts::label(figure));
}

impl LiveChart {
    /// Rebuilds the option for the current width and theme.
    pub fn redraw(&self) {
        let width = *self.width.borrow();
        let theme = current_theme();
        if let Some(spec) = charts::build(self.figure, crate::content(), &theme, width) {
            size(&self.element, self.figure, &theme, width, &spec);
            let _ = self.chart.set_option(&spec.chart);
            label(&self.element, self.figure);
            *self.spec.borrow_mut() = spec;
        }
        self.chart.resize();
    }

    /// Emphasises (or releases) every mark drawn for `key`; the element's `data-emphasis`
    /// names what is emphasised.
    pub fn emphasise(&self, key: &str, on: bool) -> bool {
        let spec = self.spec.borrow();
        let Some(mark) = spec.mark(key) else { return false };
        for (series, index) in &mark.targets {
            self.chart.emphasise(on, *series, *index);
        }
        if on {
            let _ = self.element.set_attribute("data-emphasis", key);
        } else {
            let _ = self.element.remove_attribute("data-emphasis");
        }
        true
    }

    pub fn dispose(&self) {
        if let Some((observer, _)) = self.resize.borrow_mut().take() {
            observer.disconnect();
        }
        self.chart.dispose();
        self.listeners.borrow_mut().clear();
    }
}

/// Removes a figure's chart from the registry and releases it.
pub fn unmount(figure_id: &str) {
    LIVE.with(|l| {
        l.borrow_mut().retain(|c| {
            if c.figure.id == figure_id {
                c.dispose();
                false
            } else {
                true
            }
        })
    });
}

/// Text → chart: emphasises the marks for a `datum:` key in every live chart.
pub fn emphasise_everywhere(key: &str, on: bool) {
    LIVE.with(|l| {
        for chart in l.borrow().iter() {
            chart.emphasise(key, on);
        }
    });
}

/// Theme changes redraw every live chart.
pub fn redraw_all() {
    LIVE.with(|l| l.borrow().iter().for_each(|c| c.redraw()));
}

/// Chart → text: marks the prose numbers tied to `key` (or clears all marks).
pub fn mark_prose(key: Option<&str>) {
    for el in crate::dom::query_all(".datum.is-linked") {
        let _ = el.class_list().remove_1("is-linked");
    }
    let Some(key) = key else { return };
    for el in crate::dom::query_all(&format!(".essay-section [data-datum=\"{key}\"]")) {
        let _ = el.class_list().add_1("is-linked");
    }
}

/// Runs `f` with a figure's live chart, if it is drawn.
pub fn with_chart<R>(figure_id: &str, f: impl FnOnce(&LiveChart) -> R) -> Option<R> {
    let chart = LIVE.with(|l| l.borrow().iter().find(|c| c.figure.id == figure_id).cloned());
    chart.map(|c| f(&c))
}
