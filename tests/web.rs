//! Components mounted in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use kirov_content::{Block, FigureSource, Inline};
use kirov_essay::{app::App, content};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the App into a fresh element and returns it.
fn mount_app() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    handle.forget();
    host
}

fn count(host: &web_sys::HtmlElement, selector: &str) -> u32 {
    host.query_selector_all(selector).unwrap().length()
}

fn person_mentions(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Person { children, .. } => 1 + person_mentions(children),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Term { children: c, .. }
            | Inline::Datum { children: c, .. }
            | Inline::Link { children: c, .. } => person_mentions(c),
            _ => 0,
        })
        .sum()
}

#[wasm_bindgen_test]
fn every_section_mounts_with_its_heading() {
    let host = mount_app();
    let c = content();
    assert_eq!(count(&host, "section.essay-section"), c.sections.len() as u32);
    for s in &c.sections {
        let h = host
            .query_selector(&format!("#{}-title", s.id))
            .unwrap()
            .expect("section heading");
        assert!(h.text_content().unwrap().contains(&s.title));
    }
}

#[wasm_bindgen_test]
fn every_person_mention_is_a_link_to_the_people_index() {
    let host = mount_app();
    let c = content();
    let expected: usize = c
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| match b {
            Block::Paragraph { inlines, .. } | Block::Quote { inlines, .. } => person_mentions(inlines),
            Block::Figure { .. } => 0,
        })
        .sum();
    assert!(expected > 100);
    // Mentions in the prose itself (figures' captions and tables have their own).
    let prose = ".essay-section > p a.mention-person, .essay-section > blockquote a.mention-person";
    assert_eq!(count(&host, prose), expected as u32);
    let links = host.query_selector_all(prose).unwrap();
    for i in 0..links.length() {
        let a: web_sys::Element = links.item(i).unwrap().unchecked_into();
        let target = a.get_attribute("href").unwrap();
        assert!(
            host.query_selector(&target).unwrap().is_some(),
            "{target} has a home in the people index"
        );
    }
}

#[wasm_bindgen_test]
fn every_note_reference_reaches_its_note() {
    let host = mount_app();
    let c = content();
    assert_eq!(count(&host, "#notes li.note"), c.notes.len() as u32);
    let refs = host.query_selector_all("sup.note-ref a").unwrap();
    assert!(refs.length() >= c.notes.len() as u32);
    for i in 0..refs.length() {
        let a: web_sys::Element = refs.item(i).unwrap().unchecked_into();
        let target = a.get_attribute("href").unwrap();
        assert!(host.query_selector(&target).unwrap().is_some(), "{target} exists");
    }
}

#[wasm_bindgen_test]
fn figures_show_their_data_tables() {
    let host = mount_app();
    for f in &content().figures {
        let rows = host
            .query_selector_all(&format!("#fig-{} tbody tr", f.id))
            .unwrap()
            .length();
        let expected = match f.source {
            FigureSource::Timeline => content().events.len(),
            FigureSource::Dataset(_) => content().figure_rows(f).len(),
        };
        assert_eq!(rows, expected as u32, "figure {}", f.id);
    }
}
