//! Live charts in the browser: mounting a figure's chart, rebuilding it when its width or the
//! theme changes, and the registry that links `datum:` numbers in the prose to marks in charts.

use crate::figures::echarts::{ECharts, PointerEvent};
use kirov_charts::{self as charts, Drawing, Theme};
use kirov_content::Figure;
use std::cell::{Cell, Ref, RefCell};
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
    chart: ECharts,
    /// The chart as laid out for the current width and theme.
    drawing: RefCell<Drawing>,
    element: web_sys::HtmlElement,
    width: Cell<f64>,
    theme: RefCell<Theme>,
    listeners: RefCell<Vec<Listener>>,
    resize: RefCell<Option<Resize>>,
    /// The figure's own handler of chart events (its tooltip).
    on_event: Rc<dyn Fn(ChartEvent)>,
}

thread_local! {
    static LIVE: RefCell<Vec<Rc<LiveChart>>> = const { RefCell::new(Vec::new()) };
    /// A datum asked for (figure id, key) before its chart was drawn: shown once it is.
    static WANTED: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// The chart theme for the page's settings: projector while presenting, else the reader's
/// choice, else the system's colours (and its reduced-motion preference).
pub fn page_theme(choice: Option<&str>, presenting: bool) -> Theme {
    let media = |q: &str| {
        web_sys::window()
            .and_then(|w| w.match_media(q).ok().flatten())
            .is_some_and(|m| m.matches())
    };
    Theme::for_page(
        choice,
        presenting,
        media("(prefers-color-scheme: dark)"),
        media("(prefers-reduced-motion: reduce)"),
    )
}

/// Events a chart reports to its figure.
pub enum ChartEvent {
    Over { key: String, x: f64, y: f64 },
    Out,
    Click { key: String, x: f64, y: f64 },
}

/// Draws the figure's chart into `element` in `theme` (ECharts must be loaded).
pub fn mount(
    figure: &'static Figure,
    element: web_sys::HtmlElement,
    theme: Theme,
    on_event: Rc<dyn Fn(ChartEvent)>,
) -> Result<Rc<LiveChart>, JsValue> {
    let width = f64::from(element.client_width().max(280));
    let drawing = charts::build(figure, crate::content(), &theme, width);
    // ECharts takes its size from the element when it starts.
    fit(&element, &drawing);
    let live = Rc::new(LiveChart {
        figure,
        chart: crate::figures::echarts::init(&element),
        drawing: RefCell::new(drawing),
        element: element.clone(),
        width: Cell::new(width),
        theme: RefCell::new(theme),
        listeners: RefCell::new(Vec::new()),
        resize: RefCell::new(None),
        on_event: on_event.clone(),
    });
    live.show()?;
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
            // A row's name (a line of a text series) stands for its row's mark.
            let key = {
                let drawing = live.drawing();
                let labelled = p.series_id.as_deref().and_then(|id| drawing.mark_labelled(id, p.index));
                labelled
                    .or_else(|| drawing.mark_at(p.series, p.index))
                    .map(|m| m.key.clone())
            };
            let Some(key) = key else { return };
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
            if (width - live.width.get()).abs() >= 1.0 {
                live.width.set(width);
                live.redraw();
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    observer.observe(&element);
    *live.resize.borrow_mut() = Some((observer, on_resize));
    LIVE.with(|l| l.borrow_mut().push(live.clone()));
    let wanted = WANTED.with(|w| w.borrow_mut().take_if(|(id, _)| *id == figure.id));
    if let Some((_, key)) = wanted {
        live.show_datum(&key);
    }
    Ok(live)
}

/// Opens the tooltip of datum `key` in figure `figure_id`'s chart, now or once it is drawn.
pub fn show_datum(figure_id: &str, key: &str) {
    if with_chart(figure_id, |c| c.show_datum(key)).is_none() {
        WANTED.with(|w| *w.borrow_mut() = Some((figure_id.to_string(), key.to_string())));
    }
}

/// Gives the chart element the height its drawing was laid out for, and records how many points
/// it draws (`data-points`, read by the end-to-end tests).
fn fit(element: &web_sys::HtmlElement, drawing: &Drawing) {
    let _ = element
        .style()
        .set_property("height", &format!("{:.0}px", drawing.height));
    let points = charts::drawn_points(&drawing.option);
    let _ = element.set_attribute("data-points", &points.to_string());
}

/// ECharts' aria module labels the container as an image; the page's own label is the one to
/// keep, because the chart is an interactive group the arrow keys step through.
fn label(element: &web_sys::HtmlElement, figure: &Figure) {
    let _ = element.set_attribute("role", "group");
    let _ = element.set_attribute("aria-label", &charts::label(figure));
}

impl LiveChart {
    /// The chart as drawn now: its option, height and marks.
    pub fn drawing(&self) -> Ref<'_, Drawing> {
        self.drawing.borrow()
    }

    /// Hands the drawing to ECharts.
    fn show(&self) -> Result<(), JsValue> {
        let shown = self.chart.set_option(&self.drawing().option);
        label(&self.element, self.figure);
        shown.map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// Lays the chart out again (once) for the current width and theme.
    fn redraw(&self) {
        let drawing = charts::build(self.figure, crate::content(), &self.theme.borrow(), self.width.get());
        fit(&self.element, &drawing);
        *self.drawing.borrow_mut() = drawing;
        let _ = self.show();
        self.chart.resize();
    }

    /// Redraws in `theme`, if that is a change.
    pub fn set_theme(&self, theme: Theme) {
        if *self.theme.borrow() != theme {
            *self.theme.borrow_mut() = theme;
            self.redraw();
        }
    }

    /// Emphasises (or releases) every mark drawn for `key`; the element's `data-emphasis`
    /// names what is emphasised.
    pub fn emphasise(&self, key: &str, on: bool) -> bool {
        let drawing = self.drawing();
        let Some(mark) = drawing.mark(key) else { return false };
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

    /// Pins the tooltip of datum `key` and emphasises its marks, as a tap on it would.
    fn show_datum(&self, key: &str) {
        if self.emphasise(key, true) {
            (self.on_event)(ChartEvent::Click {
                key: key.to_string(),
                x: 8.0,
                y: 8.0,
            });
        }
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
