//! How readable each section is on a phone and from the back of a classroom: sentence and
//! paragraph lengths, reported by `make check-content` so they stay in sight while writing.
//! (The goals: sentences average at most 22 words per section; no paragraph over 150 words.)

use crate::model::{plain_text, Block, Content, Section};
use unicode_segmentation::UnicodeSegmentation;

/// The longest paragraph the essay should have, in words.
pub const MAX_PARAGRAPH_WORDS: usize = 150;
/// The mean sentence length a section should stay at or under, in words.
pub const MAX_MEAN_SENTENCE_WORDS: f64 = 22.0;

/// One section's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Readability {
    pub section: String,
    pub words: usize,
    pub sentences: usize,
    pub longest_sentence: usize,
    /// Ids of paragraphs longer than [`MAX_PARAGRAPH_WORDS`], with their word counts.
    pub long_paragraphs: Vec<(String, usize)>,
}

impl Readability {
    pub fn mean_sentence(&self) -> f64 {
        self.words as f64 / self.sentences.max(1) as f64
    }
    /// Whether the section meets both goals.
    pub fn ok(&self) -> bool {
        self.mean_sentence() <= MAX_MEAN_SENTENCE_WORDS && self.long_paragraphs.is_empty()
    }
}

pub fn of_content(content: &Content) -> Vec<Readability> {
    content.sections.iter().map(of_section).collect()
}

pub fn of_section(section: &Section) -> Readability {
    let mut r = Readability {
        section: section.id.clone(),
        words: 0,
        sentences: 0,
        longest_sentence: 0,
        long_paragraphs: Vec::new(),
    };
    for block in &section.blocks {
        let (id, inlines) = match block {
            Block::Paragraph { id, inlines } | Block::Quote { id, inlines } => (id, inlines),
            Block::Figure { .. } => continue,
        };
        let text = plain_text(inlines);
        let words = word_count(&text);
        if words > MAX_PARAGRAPH_WORDS {
            r.long_paragraphs.push((id.clone(), words));
        }
        // Unicode sentence boundaries (UAX #29): "e.g. the" and "3.5" do not end a sentence.
        for sentence in text.split_sentence_bounds().map(word_count).filter(|&n| n > 0) {
            r.sentences += 1;
            r.words += sentence;
            r.longest_sentence = r.longest_sentence.max(sentence);
        }
    }
    r
}

fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn section(paragraphs: &[&str]) -> Section {
        Section {
            id: "s".into(),
            numeral: "I".into(),
            title: "T".into(),
            blocks: paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| Block::Paragraph {
                    id: format!("s-p{}", i + 1),
                    inlines: vec![Inline::Text((*p).into())],
                })
                .collect(),
        }
    }

    #[test]
    fn counts_sentences_and_words() {
        let r = of_section(&section(&[
            "One two three. Four five!",
            "Six seven eight nine ten, e.g. eleven.",
        ]));
        assert_eq!((r.words, r.sentences, r.longest_sentence), (12, 3, 7));
        assert!((r.mean_sentence() - 4.0).abs() < 1e-9);
        assert!(r.ok());
    }

    #[test]
    fn flags_long_paragraphs() {
        let long = "word ".repeat(151);
        let r = of_section(&section(&[&long]));
        assert_eq!(r.long_paragraphs, vec![("s-p1".to_string(), 151)]);
        assert!(!r.ok());
    }
}
