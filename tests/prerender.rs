//! The prerendered HTML carries the whole essay: every section, paragraph, note and figure table.
#![cfg(feature = "ssr")]

use kirov_content::Block;
use kirov_essay::app::render_body;
use kirov_essay::bundle::{inject_body, BODY_MARKER};
use kirov_essay::content;

#[test]
fn the_body_contains_every_section_paragraph_note_and_figure() {
    let html = render_body();
    let c = content();
    for s in &c.sections {
        assert!(html.contains(&format!("id=\"{}\"", s.id)), "section {}", s.id);
        for b in &s.blocks {
            match b {
                Block::Paragraph { id, .. } | Block::Quote { id, .. } => {
                    assert!(html.contains(&format!("id=\"{id}\"")), "paragraph {id}")
                }
                Block::Figure { id } => {
                    assert!(html.contains(&format!("id=\"fig-{id}\"")), "figure {id}")
                }
            }
        }
    }
    for n in &c.notes {
        assert!(html.contains(&format!("id=\"note-{}\"", n.label)), "note {}", n.label);
    }
    for p in &c.people {
        assert!(html.contains(&format!("id=\"person-{}\"", p.id)), "person {}", p.id);
    }
    for t in &c.terms {
        assert!(html.contains(&format!("id=\"term-{}\"", t.id)), "term {}", t.id);
    }
    // Each figure carries its numbers as a table before any script runs.
    assert_eq!(html.matches("<table class=\"data-table\"").count(), c.figures.len());
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(render_body(), render_body());
}

#[test]
fn ids_in_the_page_are_unique() {
    let html = render_body();
    let mut seen = std::collections::HashSet::new();
    for part in html.split(" id=\"").skip(1) {
        let id = &part[..part.find('"').unwrap()];
        assert!(seen.insert(id.to_string()), "duplicate id {id}");
    }
    assert!(seen.len() > 500);
}

#[test]
fn the_body_goes_directly_after_body_and_the_title_is_set() {
    let index = format!("<html><head><title></title></head><body>{BODY_MARKER}</body></html>");
    let page = inject_body(&index, "<div>essay</div>").unwrap();
    assert!(page.contains("<body><div>essay</div></body>"));
    assert!(page.contains(&format!("<title>{}</title>", content().meta.title)));
    let spaced = format!("<html><body>\n{BODY_MARKER}</body></html>");
    assert!(inject_body(&spaced, "x").unwrap_err().contains("no whitespace"));
    assert!(inject_body("<body></body>", "x").is_err());
}

/// Every slide of presentation mode names elements that the page really has.
#[test]
fn every_section_and_figure_has_a_slide_naming_real_elements() {
    let html = render_body();
    let c = content();
    let all = kirov_essay::modes::slides::slides(c);
    assert_eq!(all.iter().filter(|s| s.kind == "Section").count(), c.sections.len());
    assert_eq!(all.iter().filter(|s| s.kind == "Figure").count(), c.figures.len());
    assert!(all.iter().any(|s| s.kind == "Person"));
    for s in &all {
        for id in &s.ids {
            assert!(
                html.contains(&format!("id=\"{id}\"")),
                "slide {} names missing element {id}",
                s.title
            );
        }
    }
}
