//! Live charts in the reading view: the chart drawn at build time (src/chart_prerender.rs) made
//! interactive with no chart library. Its model (`kirov_charts::model::ChartModel`, a JSON data
//! block beside the SVGs) says what each datum's element stands for; pointer events on the SVG
//! find the element's `ecmeta_series_index` / `ecmeta_data_index` and so the mark, emphasis is
//! classes on the SVG's elements (style/chart.css), and the registry links `datum:` numbers in
//! the prose to marks in charts. Nothing here builds an option or reads the content.

use kirov_charts::model::{ChartModel, Layout};
use kirov_charts::Theme;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A chart made interactive, and what it reports to its figure.
pub struct LiveChart {
    pub figure_id: String,
    element: web_sys::HtmlElement,
    model: &'static ChartModel,
    /// The figure's own handler of chart events (its tooltip).
    on_event: Rc<dyn Fn(ChartEvent)>,
    /// The key emphasised now, if any.
    emphasised: RefCell<Option<String>>,
}

thread_local! {
    /// Each figure's model, read from the page once and kept for its life (tooltips borrow
    /// their text from it, as views borrow from the content).
    static MODELS: RefCell<Vec<&'static ChartModel>> = const { RefCell::new(Vec::new()) };
    static LIVE: RefCell<Vec<Rc<LiveChart>>> = const { RefCell::new(Vec::new()) };
    /// A datum asked for (figure id, key) before its chart was live: shown once it is.
    static WANTED: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// The chart theme for the page's settings: projector while presenting, else the reader's
/// choice, else the system's colours (and its reduced-motion preference). The slides draw
/// with it; the reading view's charts follow the theme through CSS.
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

/// The model of the chart drawn into `element`, from its JSON data block.
pub fn read_model(element: &web_sys::Element) -> Result<ChartModel, JsValue> {
    let selector = format!("script.{}", kirov_charts::model::MODEL_CLASS);
    let block = element
        .query_selector(&selector)?
        .ok_or("the chart has no model: was it drawn at build time?")?;
    let json = block.text_content().unwrap_or_default();
    serde_json::from_str(&json).map_err(|e| JsValue::from_str(&format!("the chart model does not read: {e}")))
}

/// Makes the prerendered chart in `element` interactive.
pub fn mount(
    figure_id: &str,
    element: web_sys::HtmlElement,
    on_event: Rc<dyn Fn(ChartEvent)>,
) -> Result<Rc<LiveChart>, JsValue> {
    let known = MODELS.with(|m| m.borrow().iter().copied().find(|m| m.figure == figure_id));
    let model = match known {
        Some(model) => model,
        None => {
            let model: &'static ChartModel = Box::leak(Box::new(read_model(&element)?));
            MODELS.with(|m| m.borrow_mut().push(model));
            model
        }
    };
    let live = Rc::new(LiveChart {
        figure_id: figure_id.to_string(),
        element,
        model,
        on_event,
        emphasised: RefCell::new(None),
    });
    // Nothing here asks for layout: the page may just have come alive (in presentation mode at
    // once, with the whole essay still to lay out); the SVG shown is found on first use.
    LIVE.with(|l| l.borrow_mut().push(live.clone()));
    let wanted = WANTED.with(|w| w.borrow_mut().take_if(|(id, _)| *id == figure_id));
    if let Some((_, key)) = wanted {
        live.show_datum(&key);
    }
    Ok(live)
}

/// Opens the tooltip of datum `key` in figure `figure_id`'s chart, now or once it is live.
pub fn show_datum(figure_id: &str, key: &str) {
    if with_chart(figure_id, |c| c.show_datum(key)).is_none() {
        WANTED.with(|w| *w.borrow_mut() = Some((figure_id.to_string(), key.to_string())));
    }
}

/// What the tooltip of mark `key` in figure `figure_id`'s chart shows, once the chart is live.
pub fn tip(figure_id: &str, key: &str) -> Option<&'static kirov_charts::model::Tip> {
    let model = MODELS.with(|m| m.borrow().iter().copied().find(|m| m.figure == figure_id))?;
    model.tip(key)
}

/// `(series, index)` of a chart element, from ECharts' SSR marks.
fn item_of(el: &web_sys::Element) -> Option<(usize, usize)> {
    let series = el.get_attribute("ecmeta_series_index")?.parse().ok()?;
    let index = el.get_attribute("ecmeta_data_index")?.parse().unwrap_or(0);
    Some((series, index))
}

impl LiveChart {
    /// The SVGs drawn at build time, one per width.
    fn svgs(&self) -> Vec<web_sys::Element> {
        all_in(&self.element, "svg.chart-svg")
    }

    /// The SVG the reader sees now (CSS shows one, by the chart's width).
    fn shown(&self) -> Option<web_sys::Element> {
        self.svgs()
            .into_iter()
            .find(|s| s.get_bounding_client_rect().width() > 0.0)
    }

    /// The layout of the SVG shown, or of the nearest width.
    pub fn layout(&self) -> Option<&Layout> {
        let width = self
            .shown()
            .and_then(|s| s.get_attribute("data-width"))
            .and_then(|w| w.parse().ok())
            .unwrap_or_else(|| f64::from(self.element.client_width()));
        self.model.layout(width)
    }

    /// How many marks keyboard stepping goes through.
    pub fn mark_count(&self) -> usize {
        self.layout().map_or(0, |l| l.marks.len())
    }

    /// The key of the `index`th mark in reading order.
    pub fn mark_key(&self, index: usize) -> Option<String> {
        self.layout()?.marks.get(index).map(|m| m.key.clone())
    }

    /// The datum a pointer on `target` is on: the closest element marked with a series and an
    /// index, read in the layout of the SVG it belongs to.
    pub fn key_at(&self, target: &web_sys::Element) -> Option<String> {
        let item = target.closest("[ecmeta_series_index]").ok()??;
        if item.get_attribute("ecmeta_ssr_type").as_deref() == Some("legend") {
            return None;
        }
        let svg = item.closest("svg.chart-svg").ok()??;
        let width: f64 = svg.get_attribute("data-width")?.parse().ok()?;
        let (series, index) = item_of(&item)?;
        self.model.layout(width)?.mark_at(series, index).map(|m| m.key.clone())
    }

    /// Emphasises (or releases) every element drawn for `key`, in every width's SVG: the rest
    /// of the chart's data dims. The chart element's `data-emphasis` names what is emphasised.
    pub fn emphasise(&self, key: &str, on: bool) -> bool {
        if !on {
            if self.emphasised.borrow().as_deref() == Some(key) {
                self.release();
            }
            return self.model.layouts.iter().any(|l| l.mark(key).is_some());
        }
        self.release();
        let mut found = false;
        for svg in self.svgs() {
            let width: f64 = svg
                .get_attribute("data-width")
                .and_then(|w| w.parse().ok())
                .unwrap_or(0.0);
            let Some(layout) = self.model.layout(width) else {
                continue;
            };
            let Some(mark) = layout.mark(key) else { continue };
            found = true;
            let _ = svg.class_list().add_1("is-emphasising");
            for el in all_in(&svg, "[ecmeta_series_index]") {
                let Some((series, index)) = item_of(&el) else { continue };
                // Its shapes, and the lines of text that name it (a row's name).
                let label = el.get_attribute("ecmeta_ssr_type").as_deref() == Some("label");
                let picked = mark
                    .targets
                    .iter()
                    .any(|(s, i)| *s == series && i.is_none_or(|i| i == index))
                    || (label && layout.mark_at(series, index).is_some_and(|m| m.key == key));
                if picked {
                    let _ = el.class_list().add_1("is-picked");
                }
            }
        }
        if found {
            let _ = self.element.set_attribute("data-emphasis", key);
            *self.emphasised.borrow_mut() = Some(key.to_string());
        }
        found
    }

    /// Releases whatever is emphasised.
    pub fn release(&self) {
        if self.emphasised.borrow_mut().take().is_none() {
            return;
        }
        for svg in self.svgs() {
            let _ = svg.class_list().remove_1("is-emphasising");
            for el in all_in(&svg, ".is-picked") {
                let _ = el.class_list().remove_1("is-picked");
            }
        }
        let _ = self.element.remove_attribute("data-emphasis");
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
}

/// Removes a figure's chart from the registry.
pub fn unmount(figure_id: &str) {
    LIVE.with(|l| l.borrow_mut().retain(|c| c.figure_id != figure_id));
}

/// Text → chart: emphasises the marks for a `datum:` key in every live chart.
pub fn emphasise_everywhere(key: &str, on: bool) {
    let charts: Vec<Rc<LiveChart>> = LIVE.with(|l| l.borrow().clone());
    for chart in charts {
        chart.emphasise(key, on);
    }
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

/// Runs `f` with a figure's live chart, if it is live.
pub fn with_chart<R>(figure_id: &str, f: impl FnOnce(&LiveChart) -> R) -> Option<R> {
    let chart = LIVE.with(|l| l.borrow().iter().find(|c| c.figure_id == figure_id).cloned());
    chart.map(|c| f(&c))
}

/// The element an event happened on.
pub fn event_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

/// Every element under `root` matching `selector`.
fn all_in(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}
