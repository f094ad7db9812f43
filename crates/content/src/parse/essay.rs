//! One essay section per file: `data/essay/NN-id.md`.

use super::diagnostic::{Diagnostic, Span};
use super::inline::{describe, is_kebab, skip_to_end, InFile, InlineParser, RawRef};
use crate::model::{Block, Inline};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

pub struct RawSection {
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
    /// Figure placements: figure id and where.
    pub figures: Vec<(String, Span)>,
    pub notes: Vec<RawNote>,
    pub refs: Vec<RawRef>,
}

pub struct RawNote {
    pub label: String,
    pub span: Span,
    pub body: Vec<Vec<Inline>>,
}

/// The section id from a file name: `03-first-plan.md` → `first-plan`.
pub fn section_id(file_name: &str) -> Option<&str> {
    let stem = file_name.strip_suffix(".md")?;
    let (order, id) = stem.split_once('-')?;
    (order.len() == 2 && order.chars().all(|c| c.is_ascii_digit()) && is_kebab(id)).then_some(id)
}

/// Labels of footnote definitions in a file, found without parsing, so notes can be
/// referenced from any section (see `parse_section`).
pub fn note_labels(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("[^"))
        .filter_map(|l| l.split_once("]:"))
        .map(|(label, _)| label.to_string())
        .collect()
}

pub fn parse_section(
    file: usize,
    id: &str,
    text: &str,
    notes_elsewhere: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> RawSection {
    // Markdown resolves footnotes per document. Notes defined in other sections are appended as
    // stand-in definitions past the end of the file, so a reference to them parses; their events
    // lie beyond `text.len()` and are skipped.
    let mut doc = text.to_string();
    for label in notes_elsewhere {
        doc.push_str(&format!("\n\n[^{label}]: elsewhere\n"));
    }
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(&doc, Options::ENABLE_FOOTNOTES)
        .into_offset_iter()
        .collect();
    let at = InFile {
        file,
        offset: 0,
        len: text.len(),
    };
    let mut p = InlineParser::new(&doc, &at, true);
    let mut section = RawSection {
        id: id.to_string(),
        title: String::new(),
        blocks: Vec::new(),
        figures: Vec::new(),
        notes: Vec::new(),
        refs: Vec::new(),
    };
    let mut paragraph_no = 0;
    let mut i = 0;
    let mut saw_title = false;
    while i < events.len() {
        let (event, range) = &events[i];
        if range.start >= text.len() {
            break;
        }
        i += 1;
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) if !saw_title && section.blocks.is_empty() => {
                saw_title = true;
                let title = p.parse(&events, &mut i, TagEnd::Heading(HeadingLevel::H1));
                section.title = crate::model::plain_text(&title);
            }
            Event::Start(Tag::Heading { level, .. }) => {
                p.diagnostics.push(
                    Diagnostic::new(at_span(&at, range), "sub-headings are not allowed in a section")
                        .help("a section has one `# Title` line at the top; start a new file in data/essay/ for a new section"),
                );
                skip_to_end(&events, &mut i, TagEnd::Heading(*level));
            }
            Event::Start(Tag::Paragraph) => {
                // A paragraph at the end of the file may run on into the stand-in notes.
                let raw = text[range.start..range.end.min(text.len())].trim();
                if raw.starts_with("::") {
                    skip_to_end(&events, &mut i, TagEnd::Paragraph);
                    match directive(raw) {
                        Ok(fig) => {
                            let start = range.start + raw.find(fig).unwrap_or(0);
                            section.figures.push((fig.to_string(), Span { file, start, end: start + fig.len() }));
                            section.blocks.push(Block::Figure { id: fig.to_string() });
                        }
                        Err(help) => p.diagnostics.push(
                            Diagnostic::new(at_span(&at, range), format!("malformed directive `{raw}`")).help(help),
                        ),
                    }
                    continue;
                }
                let inlines = p.parse(&events, &mut i, TagEnd::Paragraph);
                paragraph_no += 1;
                section.blocks.push(Block::Paragraph { id: format!("{id}-p{paragraph_no}"), inlines });
            }
            Event::Start(Tag::BlockQuote(_)) => {
                let mut inlines = Vec::new();
                while i < events.len() {
                    let (e, r) = &events[i];
                    i += 1;
                    match e {
                        Event::End(TagEnd::BlockQuote(_)) => break,
                        Event::Start(Tag::Paragraph) => {
                            if !inlines.is_empty() {
                                inlines.push(Inline::Text(" ".into()));
                            }
                            inlines.extend(p.parse(&events, &mut i, TagEnd::Paragraph));
                        }
                        Event::Start(tag) => {
                            p.diagnostics.push(Diagnostic::new(at_span(&at, r), format!("{} is not allowed in a block quotation", describe(tag))));
                            skip_to_end(&events, &mut i, tag.to_end());
                        }
                        _ => {}
                    }
                }
                paragraph_no += 1;
                section.blocks.push(Block::Quote { id: format!("{id}-p{paragraph_no}"), inlines });
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let label_span = {
                    let start = range.start + 2;
                    Span { file, start, end: start + label.len() }
                };
                let mut body = Vec::new();
                while i < events.len() {
                    let (e, r) = &events[i];
                    i += 1;
                    match e {
                        Event::End(TagEnd::FootnoteDefinition) => break,
                        Event::Start(Tag::Paragraph) => {
                            p.notes_allowed = false;
                            body.push(p.parse(&events, &mut i, TagEnd::Paragraph));
                            p.notes_allowed = true;
                        }
                        Event::Start(tag) => {
                            p.diagnostics.push(Diagnostic::new(at_span(&at, r), format!("{} is not allowed in a note", describe(tag))));
                            skip_to_end(&events, &mut i, tag.to_end());
                        }
                        _ => {}
                    }
                }
                section.notes.push(RawNote { label: label.to_string(), span: label_span, body });
            }
            Event::Start(tag) => {
                let what = describe(tag);
                p.diagnostics.push(
                    Diagnostic::new(at_span(&at, range), format!("{what} is not allowed in the essay"))
                        .help("the essay is prose: paragraphs, `> ` quotations, `::figure <id>` lines and notes"),
                );
                skip_to_end(&events, &mut i, tag.to_end());
            }
            Event::Html(_) | Event::InlineHtml(_) => p.diagnostics.push(
                Diagnostic::new(at_span(&at, range), "raw HTML is not allowed")
                    .help("HTML in content could break the page or inject script; use markdown emphasis or a link kind instead"),
            ),
            Event::Rule => p.diagnostics.push(Diagnostic::new(at_span(&at, range), "a horizontal rule is not allowed in the essay")),
            _ => {}
        }
    }
    if !saw_title {
        p.diagnostics.push(
            Diagnostic::new(Span { file, start: 0, end: 0 }, "the section has no title")
                .help("begin the file with a `# Title` line"),
        );
    }
    find_unresolved_notes(file, text, &events, &mut p.diagnostics);
    section.refs = p.refs;
    diagnostics.append(&mut p.diagnostics);
    section
}

fn at_span(at: &InFile, r: &Range<usize>) -> Span {
    use super::inline::Locate;
    at.span(r.clone())
}

/// `::figure purge-1929` → `purge-1929`.
fn directive(raw: &str) -> Result<&str, String> {
    let body = raw.trim_start_matches(':');
    let mut words = body.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some("figure"), Some(id), None) if is_kebab(id) => Ok(id),
        (Some("figure"), None, _) => Err("name the figure: `::figure <id>`".into()),
        (Some("figure"), Some(_), _) => Err("a figure directive is `::figure <id>` with one kebab-case id".into()),
        _ => Err("the only directive is `::figure <id>`".into()),
    }
}

/// A note reference whose label is defined nowhere stays literal text (`[^x]`) in markdown;
/// find those in the source so they are reported rather than silently printed.
fn find_unresolved_notes(file: usize, text: &str, events: &[(Event, Range<usize>)], out: &mut Vec<Diagnostic>) {
    let resolved: Vec<usize> = events
        .iter()
        .filter_map(|(e, r)| {
            matches!(
                e,
                Event::FootnoteReference(_) | Event::Start(Tag::FootnoteDefinition(_))
            )
            .then_some(r.start)
        })
        .collect();
    let mut from = 0;
    while let Some(pos) = text[from..].find("[^") {
        let start = from + pos;
        from = start + 2;
        let Some(close) = text[start..].find(']') else { break };
        let label = &text[start + 2..start + close];
        if label.is_empty() || label.contains(char::is_whitespace) || resolved.contains(&start) {
            continue;
        }
        out.push(
            Diagnostic::new(
                Span {
                    file,
                    start,
                    end: start + close + 1,
                },
                format!("note `{label}` is referenced but never defined"),
            )
            .help(format!(
                "add a definition line `[^{label}]: …` at the end of a section file"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_ids_come_from_file_names() {
        assert_eq!(section_id("03-first-plan.md"), Some("first-plan"));
        assert_eq!(section_id("3-first-plan.md"), None);
        assert_eq!(section_id("03-First.md"), None);
    }

    #[test]
    fn directives_name_one_figure() {
        assert_eq!(directive("::figure purge-1929"), Ok("purge-1929"));
        assert!(directive("::figure").is_err());
        assert!(directive("::chart x").is_err());
    }
}
