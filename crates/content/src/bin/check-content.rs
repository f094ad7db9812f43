//! `cargo run -p kirov-content --features parse --bin check-content [root]`: validates `root/data`
//! and prints every content error, or a summary of what was loaded with each section's
//! readability (mean and longest sentence, paragraphs over the limit).

use kirov_content::readability::{self, MAX_MEAN_SENTENCE_WORDS, MAX_PARAGRAPH_WORDS};

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let c = match kirov_content::parse::load(std::path::Path::new(&root)) {
        Ok(c) => c,
        Err(report) => {
            eprint!("{report}");
            std::process::exit(1);
        }
    };
    let sections = readability::of_content(&c);
    let words: usize = sections.iter().map(|r| r.words).sum();
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
    println!(
        "readability (goals: mean sentence ≤ {MAX_MEAN_SENTENCE_WORDS} words, no paragraph over {MAX_PARAGRAPH_WORDS} words):"
    );
    for r in &sections {
        let long: Vec<String> = r.long_paragraphs.iter().map(|(id, n)| format!("{id} ({n})")).collect();
        println!(
            "  {} {:<14} {:>5} words, {:>3} sentences, mean {:>4.1}, longest {:>2}{}",
            if r.ok() { "ok  " } else { "over" },
            r.section,
            r.words,
            r.sentences,
            r.mean_sentence(),
            r.longest_sentence,
            if long.is_empty() {
                String::new()
            } else {
                format!(", long paragraphs: {}", long.join(", "))
            }
        );
    }
}
