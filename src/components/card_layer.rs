//! One popover system for mouse, touch and keyboard. Every element carrying `data-person`,
//! `data-term` or `data-note` is a trigger, wherever it is: prose, captions, chart tooltips or
//! other cards. Events are delegated from the essay's root, so triggers need no handlers.
//!
//! Hover opens a preview after a short dwell and closes it after a grace period; focus opens it
//! at once; a click or tap pins it (a bottom sheet on narrow or touch screens); Esc closes the
//! top card and returns focus to its trigger. Cards nest.

use crate::cards::{px, OpenCard, Presentation};
use crate::components::{cite_card::CiteCard, note_card::NoteCard, person_card::PersonCard, term_card::TermCard};
use crate::content;
use leptos::prelude::*;

/// The open cards, bottom to top: the one app-level piece of interactive state.
#[derive(Clone, Copy)]
pub struct Cards(pub RwSignal<Vec<OpenCard>>);

/// Hover dwell before a preview opens (Wikipedia 150–500 ms, Bigfoot 250 ms).
pub const DWELL_MS: u32 = 250;
/// Grace period after the pointer leaves, so it can travel into the card.
pub const GRACE_MS: u32 = 300;

#[component]
pub fn CardLayer() -> impl IntoView {
    let Cards(stack) = expect_context::<Cards>();
    #[cfg(target_arch = "wasm32")]
    browser::sync_triggers(stack);
    view! {
        <div class="card-layer">
            {move || {
                let cards = stack.get();
                let sheet = cards.iter().any(|c| c.presentation == Presentation::Sheet);
                view! {
                    {sheet.then(|| view! {
                        <div class="sheet-backdrop" on:click=move |_| stack.set(Vec::new())></div>
                    })}
                    {cards.into_iter().enumerate().map(|(i, card)| view! { <Card index=i card=card /> }).collect_view()}
                }
            }}
        </div>
    }
}

#[component]
fn Card(index: usize, card: OpenCard) -> impl IntoView {
    let Cards(stack) = expect_context::<Cards>();
    let c = content();
    let dom_id = card.target.dom_id(index);
    let heading_id = format!("{dom_id}-title");
    let presentation = card.presentation;
    let (class, role) = match presentation {
        Presentation::Preview => ("card card-preview", "tooltip"),
        Presentation::Pinned => ("card card-pinned", "dialog"),
        Presentation::Sheet => ("card card-sheet", "dialog"),
    };
    // A bottom sheet is placed by CSS; other cards sit beside their trigger.
    let place = (presentation != Presentation::Sheet).then_some(card.place);
    let (left, width, max_height) = (
        place.map(|p| px(p.left)),
        place.map(|p| px(p.width)),
        place.map(|p| px(p.max_height)),
    );
    let (top, bottom) = (place.and_then(|p| p.top).map(px), place.and_then(|p| p.bottom).map(px));
    let body = match &card.target {
        crate::cards::CardTarget::Person(id) => c
            .person(id)
            .map(|p| view! { <PersonCard person=p heading_id=heading_id.clone() /> }.into_any()),
        crate::cards::CardTarget::Term(id) => c
            .term(id)
            .map(|t| view! { <TermCard term=t heading_id=heading_id.clone() /> }.into_any()),
        crate::cards::CardTarget::Note(label) => c
            .note(label)
            .map(|n| view! { <NoteCard note=n heading_id=heading_id.clone() /> }.into_any()),
        crate::cards::CardTarget::Paragraph(id) => {
            Some(view! { <CiteCard paragraph_id=id.clone() heading_id=heading_id.clone() /> }.into_any())
        }
    };
    let trigger = card.trigger.clone();
    let close = move |_| {
        stack.update(|s| s.truncate(index));
        #[cfg(target_arch = "wasm32")]
        browser::focus_id(&trigger);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = &trigger;
    };
    let swipe_start = StoredValue::new(None::<f64>);
    view! {
        <div
            class=class
            id=dom_id
            role=role
            aria-modal=(presentation == Presentation::Sheet).then_some("true")
            aria-labelledby=(presentation != Presentation::Preview).then(|| heading_id.clone())
            tabindex="-1"
            data-card-index=index.to_string()
            style:left=left
            style:top=top
            style:bottom=bottom
            style:width=width
            style:max-height=max_height
            on:pointerdown=move |ev: leptos::ev::PointerEvent| swipe_start.set_value(Some(f64::from(ev.client_y())))
            on:pointerup=move |ev: leptos::ev::PointerEvent| {
                // Swipe down on a bottom sheet closes it.
                if presentation == Presentation::Sheet && swipe_start.get_value().is_some_and(|y| f64::from(ev.client_y()) - y > 60.0) {
                    stack.update(|s| s.truncate(index));
                }
                swipe_start.set_value(None);
            }
        >
            {(presentation == Presentation::Sheet).then(|| view! { <div class="sheet-grip" aria-hidden="true"></div> })}
            {(presentation != Presentation::Preview).then(|| view! {
                <button type="button" class="card-close" aria-label="Close" on:click=close>"×"</button>
            })}
            <div class="card-body">{body}</div>
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{on_click, on_focus_in, on_focus_out, on_key, on_pointer_out, on_pointer_over};

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::cards::{self, CardTarget, Rect, SHEET_BELOW};
    use gloo_timers::callback::Timeout;
    use std::cell::{Cell, RefCell};
    use wasm_bindgen::JsCast;
    use web_sys::Element;

    thread_local! {
        static DWELL: RefCell<Option<Timeout>> = const { RefCell::new(None) };
        static GRACE: RefCell<Option<Timeout>> = const { RefCell::new(None) };
        static LAST_POINTER: RefCell<String> = RefCell::new(String::from("mouse"));
        static NEXT_ID: Cell<u32> = const { Cell::new(0) };
        static MARKED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
        /// Set while focus returns to a trigger after its card closed, so it does not reopen.
        static RETURNING: Cell<bool> = const { Cell::new(false) };
    }

    const TRIGGERS: &str = "[data-person],[data-term],[data-note],[data-cite]";

    fn element(target: Option<web_sys::EventTarget>) -> Option<Element> {
        target?.dyn_into::<Element>().ok()
    }

    fn trigger_of(el: &Element) -> Option<(Element, CardTarget)> {
        let t = el.closest(TRIGGERS).ok()??;
        let target = CardTarget::from_attributes(
            t.get_attribute("data-person"),
            t.get_attribute("data-term"),
            t.get_attribute("data-note"),
            t.get_attribute("data-cite"),
        )?;
        Some((t, target))
    }

    /// 0 for a trigger in the page; k + 1 for a trigger inside card k.
    fn depth_of(el: &Element) -> usize {
        el.closest(".card")
            .ok()
            .flatten()
            .and_then(|c| c.get_attribute("data-card-index"))
            .and_then(|i| i.parse::<usize>().ok())
            .map_or(0, |i| i + 1)
    }

    fn cancel(slot: &'static std::thread::LocalKey<RefCell<Option<Timeout>>>) {
        slot.with(|s| s.borrow_mut().take().map(Timeout::cancel));
    }

    /// Opens a card for `trigger`. Presentation::Pinned becomes a sheet on narrow or touch screens.
    fn open(stack: RwSignal<Vec<OpenCard>>, trigger: &Element, target: CardTarget, mut presentation: Presentation) {
        let Some(window) = web_sys::window() else { return };
        let vw = window.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1024.0);
        let vh = window.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(768.0);
        let touch = LAST_POINTER.with(|p| p.borrow().as_str() == "touch");
        if presentation == Presentation::Pinned && (vw < SHEET_BELOW || touch) {
            presentation = Presentation::Sheet;
        }
        if trigger.id().is_empty() {
            let n = NEXT_ID.with(|c| {
                c.set(c.get() + 1);
                c.get()
            });
            trigger.set_id(&format!("card-trigger-{n}"));
        }
        let r = trigger.get_bounding_client_rect();
        let place = cards::place(
            Rect {
                left: r.left(),
                top: r.top(),
                width: r.width(),
                height: r.height(),
            },
            vw,
            vh,
        );
        let card = OpenCard {
            target,
            trigger: trigger.id(),
            presentation,
            place,
        };
        let depth = depth_of(trigger);
        stack.update(|s| *s = cards::open(s, depth, card));
        if presentation != Presentation::Preview {
            // Pinned cards and sheets are dialogs: move focus into the new one.
            let depth_now = stack.with_untracked(|s| s.len().saturating_sub(1));
            request_animation_frame(move || {
                if let Some(card) = crate::dom::query(&format!("[data-card-index=\"{depth_now}\"]")) {
                    if let Ok(card) = card.dyn_into::<web_sys::HtmlElement>() {
                        let _ = card.focus();
                    }
                }
            });
        }
    }

    fn close_previews(stack: RwSignal<Vec<OpenCard>>) {
        if stack.with_untracked(|s| s.iter().any(|c| c.presentation == Presentation::Preview)) {
            stack.update(|s| s.retain(|c| c.presentation != Presentation::Preview));
        }
    }

    /// Returns focus to a trigger without reopening its card.
    pub fn focus_id(id: &str) {
        if let Some(el) = crate::dom::by_id(id) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                RETURNING.with(|r| r.set(true));
                let _ = el.focus();
                RETURNING.with(|r| r.set(false));
            }
        }
    }

    pub fn on_pointer_over(ev: leptos::ev::PointerEvent, stack: RwSignal<Vec<OpenCard>>) {
        LAST_POINTER.with(|p| *p.borrow_mut() = ev.pointer_type());
        let Some(el) = element(ev.target()) else { return };
        if let Some(d) = el.closest("[data-datum]").ok().flatten() {
            if let Some(key) = d.get_attribute("data-datum") {
                crate::chart_runtime::emphasise_everywhere(&key, true);
            }
        }
        if el.closest(".card").ok().flatten().is_some() {
            cancel(&GRACE);
        }
        if ev.pointer_type() == "touch" {
            return;
        }
        let Some((trigger, target)) = trigger_of(&el).filter(|(_, t)| t.previews()) else {
            return;
        };
        cancel(&GRACE);
        let already = stack.with_untracked(|s| s.iter().any(|c| c.trigger == trigger.id() && c.target == target));
        if already {
            return;
        }
        cancel(&DWELL);
        let timer = Timeout::new(DWELL_MS, move || open(stack, &trigger, target, Presentation::Preview));
        DWELL.with(|d| *d.borrow_mut() = Some(timer));
    }

    pub fn on_pointer_out(ev: leptos::ev::PointerEvent, stack: RwSignal<Vec<OpenCard>>) {
        let Some(el) = element(ev.target()) else { return };
        if let Some(d) = el.closest("[data-datum]").ok().flatten() {
            if let Some(key) = d.get_attribute("data-datum") {
                crate::chart_runtime::emphasise_everywhere(&key, false);
            }
        }
        let to = element(ev.related_target());
        let leaving_trigger = trigger_of(&el).is_some();
        let leaving_card = el.closest(".card").ok().flatten();
        if !leaving_trigger && leaving_card.is_none() {
            return;
        }
        // Moving within the same card, or into any card, keeps things open.
        if to.as_ref().and_then(|t| t.closest(".card").ok().flatten()).is_some() {
            cancel(&DWELL);
            return;
        }
        if let (Some(to), Some((trigger, _))) = (to.as_ref(), trigger_of(&el)) {
            if trigger.contains(Some(to)) {
                return;
            }
        }
        cancel(&DWELL);
        cancel(&GRACE);
        let timer = Timeout::new(GRACE_MS, move || close_previews(stack));
        GRACE.with(|g| *g.borrow_mut() = Some(timer));
    }

    pub fn on_focus_in(ev: leptos::ev::FocusEvent, stack: RwSignal<Vec<OpenCard>>) {
        let Some(el) = element(ev.target()) else { return };
        if let Some(d) = el.closest("[data-datum]").ok().flatten() {
            if let Some(key) = d.get_attribute("data-datum") {
                crate::chart_runtime::emphasise_everywhere(&key, true);
            }
        }
        let Some((trigger, target)) = trigger_of(&el).filter(|(_, t)| t.previews()) else {
            return;
        };
        if RETURNING.with(Cell::get) {
            return;
        }
        let already = stack.with_untracked(|s| s.iter().any(|c| c.trigger == trigger.id() && c.target == target));
        if !already {
            open(stack, &trigger, target, Presentation::Preview);
        }
    }

    pub fn on_focus_out(ev: leptos::ev::FocusEvent, stack: RwSignal<Vec<OpenCard>>) {
        if let Some(el) = element(ev.target()) {
            if let Some(d) = el.closest("[data-datum]").ok().flatten() {
                if let Some(key) = d.get_attribute("data-datum") {
                    crate::chart_runtime::emphasise_everywhere(&key, false);
                }
            }
        }
        let into_card = element(ev.related_target())
            .and_then(|t| t.closest(".card").ok().flatten())
            .is_some();
        if !into_card {
            close_previews(stack);
        }
    }

    pub fn on_click(ev: leptos::ev::MouseEvent, stack: RwSignal<Vec<OpenCard>>) {
        let Some(el) = element(ev.target()) else { return };
        if let Some((trigger, target)) = trigger_of(&el) {
            ev.prevent_default();
            cancel(&DWELL);
            cancel(&GRACE);
            // A second click on the trigger of the top pinned card closes it.
            let top_is_this = stack.with_untracked(|s| {
                s.last().is_some_and(|c| {
                    c.trigger == trigger.id() && c.target == target && c.presentation != Presentation::Preview
                })
            });
            if top_is_this {
                stack.update(|s| {
                    s.pop();
                });
                return;
            }
            open(stack, &trigger, target, Presentation::Pinned);
            return;
        }
        let in_card = el.closest(".card").ok().flatten().is_some();
        let jump_link = el.closest("a[href^=\"#\"]").ok().flatten();
        if let Some(link) = &jump_link {
            crate::dom::follow_fragment_link(&ev, link);
        }
        let jump = jump_link.is_some();
        // A click outside every card closes them; so does following a jump link from a card.
        let in_tip = el.closest(".chart-tip").ok().flatten().is_some();
        if (!in_card || jump) && !in_tip && stack.with_untracked(|s| !s.is_empty()) {
            stack.set(Vec::new());
        }
    }

    pub fn on_key(ev: leptos::ev::KeyboardEvent, stack: RwSignal<Vec<OpenCard>>) {
        match ev.key().as_str() {
            "Escape" => {
                let Some(top) = stack.with_untracked(|s| s.last().cloned()) else {
                    return;
                };
                ev.prevent_default();
                stack.update(|s| {
                    s.pop();
                });
                focus_id(&top.trigger);
            }
            "Tab" => {
                // The modal sheet keeps focus inside itself.
                let Some(top) = stack.with_untracked(|s| s.last().cloned()) else {
                    return;
                };
                if top.presentation != Presentation::Sheet {
                    return;
                }
                let Some(sheet) = crate::dom::query(".card-sheet:last-of-type") else {
                    return;
                };
                let Ok(items) = sheet.query_selector_all("a[href], button") else {
                    return;
                };
                let n = items.length();
                if n == 0 {
                    return;
                }
                let first = items.item(0).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                let last = items
                    .item(n - 1)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                let active = crate::dom::active_element();
                let at = |e: &Option<web_sys::HtmlElement>| {
                    e.as_ref().map(|e| e.unchecked_ref::<Element>()) == active.as_ref()
                };
                let outside = active.as_ref().is_none_or(|a| !sheet.contains(Some(a)) || a == &sheet);
                if ev.shift_key() && (at(&first) || outside) {
                    ev.prevent_default();
                    if let Some(l) = last {
                        let _ = l.focus();
                    }
                } else if !ev.shift_key() && (at(&last) || outside) {
                    ev.prevent_default();
                    if let Some(f) = first {
                        let _ = f.focus();
                    }
                }
            }
            _ => {}
        }
    }

    /// Keeps aria-expanded and aria-describedby on triggers in step with the open cards, and
    /// opens the card a deep link (`#person-<id>`, `#term-<id>`) names.
    pub fn sync_triggers(stack: RwSignal<Vec<OpenCard>>) {
        Effect::new(move |_| {
            let cards = stack.get();
            MARKED.with(|m| {
                for id in m.borrow_mut().drain(..) {
                    if let Some(el) = crate::dom::by_id(&id) {
                        let _ = el.set_attribute("aria-expanded", "false");
                        let _ = el.remove_attribute("aria-describedby");
                    }
                }
                for (i, c) in cards.iter().enumerate() {
                    if let Some(el) = crate::dom::by_id(&c.trigger) {
                        let _ = el.set_attribute("aria-expanded", "true");
                        if c.presentation == Presentation::Preview {
                            let _ = el.set_attribute("aria-describedby", &c.target.dom_id(i));
                        }
                        m.borrow_mut().push(c.trigger.clone());
                    }
                }
            });
        });
        Effect::new(move |_| {
            let Some(window) = web_sys::window() else { return };
            let hash = window.location().hash().unwrap_or_default();
            let Some(id) = hash.strip_prefix('#') else { return };
            let target = if let Some(p) = id.strip_prefix("person-") {
                content().person(p).map(|_| CardTarget::Person(p.to_string()))
            } else if let Some(t) = id.strip_prefix("term-") {
                content().term(t).map(|_| CardTarget::Term(t.to_string()))
            } else {
                None
            };
            let (Some(target), Some(el)) = (target, window.document().and_then(|d| d.get_element_by_id(id))) else {
                return;
            };
            open(stack, &el, target, Presentation::Pinned);
        });
    }
}
