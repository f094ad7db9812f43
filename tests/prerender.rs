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

/// Every slide of presentation mode retells a real element of the page (Exit returns there), and
/// every paragraph, quotation and figure a link can name opens a slide.
#[test]
fn every_slide_comes_home_to_a_real_element_and_every_block_has_a_slide() {
    let html = render_body();
    let c = content();
    let plan = kirov_essay::modes::slides::plan();
    let figures = plan.slides.iter().filter(|s| s.kind() == "Figure").count();
    assert_eq!(figures, c.figures.len());
    assert!(plan.slides.iter().any(|s| s.kind() == "Person"));
    for s in &plan.slides {
        assert!(
            html.contains(&format!("id=\"{}\"", s.home)),
            "slide {} returns to missing element {}",
            s.title(),
            s.home
        );
    }
    for (id, _) in &plan.holders {
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "a slide holds missing element {id}"
        );
    }
}
