//! `cargo run -p kirov-content --features parse --bin check-content [root]`: validates `root/data`
//! and prints every content error, or a one-line summary of what was loaded.

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    match kirov_content::parse::load(std::path::Path::new(&root)) {
        Ok(c) => {
            let words: usize = c
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .filter_map(|b| match b {
                    kirov_content::Block::Paragraph { inlines, .. } | kirov_content::Block::Quote { inlines, .. } => {
                        Some(kirov_content::plain_text(inlines).split_whitespace().count())
                    }
                    kirov_content::Block::Figure { .. } => None,
                })
                .sum();
            let rows: usize = c.datasets.iter().map(|d| d.rows.len()).sum();
            println!(
                "content ok: {} sections, {words} words, {} notes, {} people, {} terms, {} events, {} figures, {} data rows",
                c.sections.len(),
                c.notes.len(),
                c.people.len(),
                c.terms.len(),
                c.events.len(),
                c.figures.len(),
                rows
            );
        }
        Err(report) => {
            eprint!("{report}");
            std::process::exit(1);
        }
    }
}
