//! Offline reading: registers the service worker (assets/sw.js) that caches the versioned bundle
//! after the first visit, so a classroom without a network can still open the essay.
//!
//! - On the essay's own page it is on; `?offline=off` turns it off and removes an earlier
//!   registration and its caches.
//! - In an iframe it is off unless the host asks with `?offline=on` in the frame's URL. (In a
//!   sandboxed frame without `allow-same-origin` browsers refuse workers anyway.)
//! - Never for the `<kirov-essay>` element: a worker can only serve pages under the bundle's
//!   own path, and the host page is not one of them.

use crate::protocol;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The worker script, beside index.html.
const WORKER: &str = protocol::WORKER_SCRIPT;
/// Every cache the worker creates starts with this (see assets/sw.js).
const CACHE_PREFIX: &str = protocol::CACHE_PREFIX;

/// What the page should do about the worker, from the URL's `offline` parameter and framing.
#[derive(Debug, PartialEq, Eq)]
pub enum Offline {
    Register,
    Unregister,
    Leave,
}

/// Pure, so it is tested natively; `start` asks the browser for the two facts.
pub fn decide(param: Option<&str>, framed: bool) -> Offline {
    match param {
        Some("off") => Offline::Unregister,
        Some("on") => Offline::Register,
        _ if framed => Offline::Leave,
        _ => Offline::Register,
    }
}

/// Registers or removes the worker as the page's address asks. Browser only (called by `main`).
pub fn start() {
    if crate::dom::in_shadow() {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let action = decide(
        crate::dom::url_param(protocol::OFFLINE_PARAM).as_deref(),
        crate::dom::framed(),
    );
    if action == Offline::Leave {
        return;
    }
    // Reflect, not the typed getter: in an opaque-origin frame reading it throws.
    let Some(workers) = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into())
        .ok()
        .and_then(|w| w.dyn_into::<web_sys::ServiceWorkerContainer>().ok())
    else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let result = match action {
            Offline::Register => JsFuture::from(workers.register(WORKER)).await.map(|_| ()),
            _ => unregister(&workers).await,
        };
        if let Err(e) = result {
            web_sys::console::warn_2(&"kirov-essay: offline reading is unavailable:".into(), &e);
        }
    });
}

async fn unregister(workers: &web_sys::ServiceWorkerContainer) -> Result<(), JsValue> {
    let found = JsFuture::from(workers.get_registration()).await?;
    if let Ok(registration) = found.dyn_into::<web_sys::ServiceWorkerRegistration>() {
        JsFuture::from(registration.unregister()?).await?;
    }
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
        return Ok(());
    };
    let keys = js_sys::Array::from(&JsFuture::from(caches.keys()).await?);
    for key in keys.iter().filter_map(|k| k.as_string()) {
        if key.starts_with(CACHE_PREFIX) {
            JsFuture::from(caches.delete(&key)).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offline_worker_is_on_for_the_page_off_in_frames_and_the_host_decides() {
        assert_eq!(decide(None, false), Offline::Register);
        assert_eq!(decide(None, true), Offline::Leave);
        assert_eq!(decide(Some("on"), true), Offline::Register);
        assert_eq!(decide(Some("off"), false), Offline::Unregister);
        assert_eq!(decide(Some("off"), true), Offline::Unregister);
        assert_eq!(decide(Some("junk"), false), Offline::Register);
    }
}
