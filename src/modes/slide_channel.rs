//! The room's window and the presenter's console drive each other through a BroadcastChannel
//! (same origin, no server): each posts its slide and blanking when they change, and follows
//! the other's. A console that opens asks for the room's state. Closing either window leaves
//! the other as it is.

use crate::modes::slide_texts::LoadedDeck;
use crate::modes::stage::{slide_url, Stage};
use crate::protocol::SLIDES_CHANNEL;
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What one window tells the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shown {
    slide: usize,
    blank: bool,
}

/// Posts this window's slide and blanking on every change (not when it came from the other
/// window, which would echo), and follows the other window's.
pub fn keep_in_step(state: RwSignal<Option<usize>>, stage: Stage) {
    let LoadedDeck(deck) = expect_context::<LoadedDeck>();
    // A channel only while presenting: a reader who never presents never opens one.
    let presenting = Memo::new(move |_| state.get().is_some());
    Effect::new(move |_| {
        if !presenting.get() {
            return;
        }
        let Ok(channel) = web_sys::BroadcastChannel::new(SLIDES_CHANNEL) else {
            return;
        };
        // A console that has just opened listens before it speaks: the room answers its hello
        // with what the room shows (blanking included), which the console then takes.
        let opening = stage.console.get_untracked().then(|| Shown {
            slide: state.get_untracked().unwrap_or(0),
            blank: stage.blank.get_untracked(),
        });
        let heard = Rc::new(Cell::new(opening));
        let on_message = {
            let (heard, channel) = (heard.clone(), channel.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                let Some(now) = state.get_untracked() else { return };
                if Reflect::get(&data, &"hello".into()).ok().and_then(|h| h.as_bool()) == Some(true) {
                    post(
                        &channel,
                        Shown {
                            slide: now,
                            blank: stage.blank.get_untracked(),
                        },
                    );
                    return;
                }
                let slide = Reflect::get(&data, &"slide".into()).ok().and_then(|v| v.as_f64());
                let blank = Reflect::get(&data, &"blank".into()).ok().and_then(|v| v.as_bool());
                let (Some(slide), Some(blank)) = (slide, blank) else {
                    return;
                };
                let shown = Shown {
                    slide: slide as usize,
                    blank,
                };
                heard.set(Some(shown));
                let count = deck.with_untracked(|d| d.as_ref().map_or(0, |d| d.slides.len()));
                if now != shown.slide && shown.slide < count {
                    state.set(Some(shown.slide));
                }
                if stage.blank.get_untracked() != blank {
                    stage.blank.set(blank);
                }
            })
        };
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        if stage.console.get_untracked() {
            let hello = Object::new();
            let _ = Reflect::set(&hello, &"hello".into(), &true.into());
            let _ = channel.post_message(&hello);
        }
        let sender = channel.clone();
        Effect::new(move |_| {
            let (Some(slide), blank) = (state.get(), stage.blank.get()) else {
                return;
            };
            let shown = Shown { slide, blank };
            if heard.get() != Some(shown) {
                post(&sender, shown);
            }
        });
        let held = SendWrapper::new((channel, on_message));
        on_cleanup(move || {
            let (channel, _on_message) = held.take();
            channel.set_onmessage(None);
            channel.close();
        });
    });
}

fn post(channel: &web_sys::BroadcastChannel, shown: Shown) {
    let message = Object::new();
    let _ = Reflect::set(&message, &"slide".into(), &(shown.slide as f64).into());
    let _ = Reflect::set(&message, &"blank".into(), &shown.blank.into());
    let _ = channel.post_message(&message);
}

/// Opens the presenter's console in a second window at slide `at` (0-based).
pub fn open_console(at: usize) {
    let Some(window) = web_sys::window() else { return };
    let path = window.location().pathname().unwrap_or_default();
    let _ = window.open_with_url_and_target_and_features(
        &slide_url(&path, Some(at), true),
        "kirov-console",
        "popup,width=1280,height=800",
    );
}

/// Whether the browser can place windows on other screens (the Window Management API).
pub fn can_place_windows() -> bool {
    web_sys::window().is_some_and(|w| Reflect::has(&w, &"getScreenDetails".into()).unwrap_or(false))
}

/// Asks for the screens, then puts this (the room's) window full screen on a screen other than
/// the one it is on: the projector, when the page was opened on the laptop. With one screen it
/// is plain full screen.
pub fn full_screen_on_other_screen() {
    wasm_bindgen_futures::spawn_local(async {
        let Some(window) = web_sys::window() else { return };
        let Some(root) = window.document().and_then(|d| d.document_element()) else {
            return;
        };
        let Ok(get) = Reflect::get(&window, &"getScreenDetails".into()) else {
            return;
        };
        let Ok(get) = get.dyn_into::<js_sys::Function>() else {
            return;
        };
        let Ok(promise) = get.call0(&window) else { return };
        let details = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await;
        let options = Object::new();
        if let Ok(details) = details {
            let current = Reflect::get(&details, &"currentScreen".into()).unwrap_or(JsValue::NULL);
            let screens: js_sys::Array = Reflect::get(&details, &"screens".into())
                .map(Into::into)
                .unwrap_or_default();
            if let Some(other) = screens.iter().find(|s| !Object::is(s, &current)) {
                let _ = Reflect::set(&options, &"screen".into(), &other);
            }
        }
        // Element.requestFullscreen({ screen }) places the page on that screen.
        if let Ok(f) = Reflect::get(&root, &"requestFullscreen".into()) {
            let _ = f.unchecked_into::<js_sys::Function>().call1(&root, &options);
        }
    });
}
