//! The start of either wasm half (src/main.rs, src/bin/cards.rs): counts panics where tests
//! look, and finds the shadow root when the essay runs inside `<kirov-essay>`.

use crate::protocol::{MOUNT_BASE, MOUNT_GLOBAL, MOUNT_ROOT, PANICS_ATTRIBUTE};
use wasm_bindgen::JsCast;

// Talc, not Rust's default dlmalloc: a few KiB smaller in each half, which a first tap waits for.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // Counted where tests (and the random interaction run) look: any panic is a failure.
        if let Some(el) = crate::dom::state_element() {
            let n = el
                .get_attribute(PANICS_ATTRIBUTE)
                .and_then(|n| n.parse::<u32>().ok())
                .unwrap_or(0);
            let _ = el.set_attribute(PANICS_ATTRIBUTE, &(n + 1).to_string());
        }
    }));
    // assets/kirov-essay-element.js sets `window.kirovEssayMount = { root, base }` before loading us.
    let mount = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &MOUNT_GLOBAL.into()).ok())
        .filter(|m| m.is_object());
    let container = mount
        .as_ref()
        .and_then(|m| js_sys::Reflect::get(m, &MOUNT_ROOT.into()).ok())
        .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(container) = container {
        let base = mount
            .as_ref()
            .and_then(|m| js_sys::Reflect::get(m, &MOUNT_BASE.into()).ok())
            .and_then(|b| b.as_string())
            .unwrap_or_default();
        if let Ok(shadow) = container.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
            crate::dom::set_mount(shadow, base);
        }
    }
}

/// Starts every Leptos effect and task in a task of its own (after a zero timeout) rather than
/// in a microtask of the task that made it, as Leptos would. A view makes many effects, and
/// together their first runs made one long task: waking the card layer took 75 ms of a phone's
/// main thread, while its reader scrolled. Once started, an effect reruns as Leptos's do, in a
/// microtask of the change that woke it. For the card layer's half, which mounts rather than
/// hydrates.
pub fn start_effects_in_tasks() {
    let _ = any_spawner::Executor::init_custom_executor(EachInATask);
}

struct EachInATask;

impl any_spawner::CustomExecutor for EachInATask {
    fn spawn(&self, task: any_spawner::PinnedFuture<()>) {
        self.spawn_local(task);
    }

    fn spawn_local(&self, task: any_spawner::PinnedLocalFuture<()>) {
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(0).await;
            task.await;
        });
    }

    fn poll_local(&self) {}
}
