//! Our thin binding to ECharts (the npm package, copied into dist/ by Trunk). The reading view
//! needs none of it (its charts are drawn at build time); the slides load it to draw the
//! options the build laid out (`slide_charts`): SVG renderer, events, highlight, resize and
//! dispose, which charming's own renderer cannot do.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance bound to one element.
    pub type ECharts;

    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn init_js(el: &web_sys::HtmlElement, theme: &JsValue, opts: &JsValue) -> ECharts;

    #[wasm_bindgen(method, js_name = setOption)]
    fn set_option_js(this: &ECharts, option: &JsValue, not_merge: bool);

    #[wasm_bindgen(method)]
    pub fn on(this: &ECharts, event: &str, handler: &Function);

    #[wasm_bindgen(method)]
    pub fn resize(this: &ECharts);

    #[wasm_bindgen(method)]
    pub fn dispose(this: &ECharts);

    #[wasm_bindgen(method, js_name = dispatchAction)]
    fn dispatch_action_js(this: &ECharts, action: &JsValue);
}

/// The ECharts file in dist/, relative to the page (so the bundle works from any sub-path).
pub use crate::ECHARTS_SCRIPT as SCRIPT;
const SCRIPT_ID: &str = "kirov-echarts";

thread_local! {
    static LOADING: std::cell::RefCell<Option<Promise>> = const { std::cell::RefCell::new(None) };
}

/// Loads ECharts once, however many figures ask; resolves when `window.echarts` exists.
pub async fn load() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    if Reflect::has(&window, &"echarts".into())? {
        return Ok(());
    }
    let promise = LOADING.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                Promise::new(&mut |resolve, reject| {
                    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                        let _ = reject.call1(&JsValue::NULL, &"no document".into());
                        return;
                    };
                    let Ok(script) = document.create_element("script") else {
                        return;
                    };
                    let script: web_sys::HtmlScriptElement = script.unchecked_into();
                    script.set_id(SCRIPT_ID);
                    script.set_src(&crate::dom::asset_url(SCRIPT));
                    script.set_onload(Some(&resolve));
                    script.set_onerror(Some(&reject));
                    if let Some(head) = document.head() {
                        let _ = head.append_child(&script);
                    }
                })
            })
            .clone()
    });
    JsFuture::from(promise).await.map(|_| ())
}

/// Starts ECharts on `el` with the SVG renderer.
pub fn init(el: &web_sys::HtmlElement) -> ECharts {
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"renderer".into(), &"svg".into());
    init_js(el, &JsValue::NULL, &opts)
}

impl ECharts {
    /// Replaces the option with one written as JSON at build time (the slides' charts).
    pub fn set_option_json(&self, json: &str) -> Result<(), JsValue> {
        let option = js_sys::JSON::parse(json)?;
        dim_the_rest(&option);
        self.set_option_js(&option, true);
        Ok(())
    }

    /// `highlight` / `downplay` a series, or one of its data items.
    pub fn emphasise(&self, on: bool, series: usize, index: Option<usize>) {
        let action = Object::new();
        let _ = Reflect::set(
            &action,
            &"type".into(),
            &(if on { "highlight" } else { "downplay" }).into(),
        );
        let _ = Reflect::set(&action, &"seriesIndex".into(), &(series as u32).into());
        if let Some(i) = index {
            let _ = Reflect::set(&action, &"dataIndex".into(), &(i as u32).into());
        }
        self.dispatch_action_js(&action);
    }
}

/// Series with at most this many items dim the rest when one of their marks is emphasised; a
/// waffle's thousands of squares would make every hover a full redraw.
const DIM_UP_TO: u32 = 200;

/// A mark emphasised (by the pointer, the keyboard or a number in the prose) dims every other
/// mark in its chart, so the eye finds it (`emphasis.focus = "self"`; ECharts blurs the rest of
/// the coordinate system).
fn dim_the_rest(option: &JsValue) {
    let Ok(series) = Reflect::get(option, &"series".into()) else {
        return;
    };
    let Some(series) = series.dyn_ref::<js_sys::Array>() else {
        return;
    };
    for s in series.iter() {
        let items = Reflect::get(&s, &"data".into())
            .ok()
            .and_then(|d| d.dyn_into::<js_sys::Array>().ok())
            .map_or(0, |d| d.length());
        if items > DIM_UP_TO {
            continue;
        }
        let emphasis = Reflect::get(&s, &"emphasis".into())
            .ok()
            .filter(|e| e.is_object())
            .unwrap_or_else(|| Object::new().into());
        let _ = Reflect::set(&emphasis, &"focus".into(), &"self".into());
        let _ = Reflect::set(&s, &"emphasis".into(), &emphasis);
    }
}

/// The fields of an ECharts mouse event the page uses.
pub struct PointerEvent {
    pub series: usize,
    /// The series' id, where it has one (`text-<k>` for lines of text, see kirov_charts).
    pub series_id: Option<String>,
    pub index: usize,
    pub x: f64,
    pub y: f64,
}

impl PointerEvent {
    pub fn from_js(params: &JsValue) -> Option<Self> {
        let num = |obj: &JsValue, key: &str| Reflect::get(obj, &key.into()).ok().and_then(|v| v.as_f64());
        let inner = Reflect::get(params, &"event".into()).ok()?;
        Some(PointerEvent {
            series: num(params, "seriesIndex")? as usize,
            series_id: Reflect::get(params, &"seriesId".into())
                .ok()
                .and_then(|v| v.as_string()),
            index: num(params, "dataIndex")? as usize,
            x: num(&inner, "offsetX").unwrap_or(0.0),
            y: num(&inner, "offsetY").unwrap_or(0.0),
        })
    }
}
