//! Inline markdown: text, emphasis, and our link kinds (`actor:`, `term:`, `datum:`, notes).
//!
//! Used for essay paragraphs and for the short rich-text fields in the TOML files, so a card's
//! summary can name people and terms exactly as the prose does.

use super::diagnostic::{Diagnostic, Span};
use crate::model::Inline;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::ops::Range;

/// A reference found while parsing, checked once every file is loaded.
#[derive(Debug, Clone)]
pub struct RawRef {
    pub kind: RefKind,
    pub id: String,
    /// For datum links: the link's visible text, which must match the value.
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Person,
    Term,
    Datum,
    Note,
}

/// Maps a byte range of the parsed markdown back to a span in the source file.
pub trait Locate {
    fn span(&self, range: Range<usize>) -> Span;
}

/// Markdown that is a whole file (or a slice of it at a fixed offset).
pub struct InFile {
    pub file: usize,
    pub offset: usize,
    /// The file's length: text parsed past it (stand-in note definitions) is located at its end.
    pub len: usize,
}

impl Locate for InFile {
    fn span(&self, r: Range<usize>) -> Span {
        Span {
            file: self.file,
            start: (self.offset + r.start).min(self.len),
            end: (self.offset + r.end).min(self.len),
        }
    }
}

/// Markdown inside a TOML string: positions are exact unless the string has escapes, so they
/// are clamped to the string's own span.
pub struct InTomlString {
    pub file: usize,
    /// Byte range of the TOML value, quotes included.
    pub value: Range<usize>,
}

impl Locate for InTomlString {
    fn span(&self, r: Range<usize>) -> Span {
        let first = self.value.start + 1;
        let last = self.value.end.saturating_sub(1).max(first);
        Span {
            file: self.file,
            start: (first + r.start).min(last),
            end: (first + r.end).min(last),
        }
    }
}

pub struct InlineParser<'a, L: Locate> {
    pub source: &'a str,
    pub at: &'a L,
    pub refs: Vec<RawRef>,
    pub diagnostics: Vec<Diagnostic>,
    /// Note references are not allowed everywhere (not inside notes, captions or cards).
    pub notes_allowed: bool,
}

enum Frame {
    Emphasis,
    Strong,
    Link { target: LinkTarget, range: Range<usize> },
}

enum LinkTarget {
    Person(String),
    Term(String),
    Datum(String, String),
    External(String),
    /// Already reported; render the text only.
    Broken,
}

impl<'a, L: Locate> InlineParser<'a, L> {
    pub fn new(source: &'a str, at: &'a L, notes_allowed: bool) -> Self {
        InlineParser {
            source,
            at,
            refs: Vec::new(),
            diagnostics: Vec::new(),
            notes_allowed,
        }
    }

    fn error(&mut self, range: Range<usize>, message: impl Into<String>, help: Option<String>) {
        let mut d = Diagnostic::new(self.at.span(range), message);
        d.help = help;
        self.diagnostics.push(d);
    }

    /// Consumes inline events from `events[*i]` until the end tag of the enclosing block
    /// (`stop`), returning the inline content.
    pub fn parse(&mut self, events: &[(Event<'a>, Range<usize>)], i: &mut usize, stop: TagEnd) -> Vec<Inline> {
        let mut stack: Vec<(Frame, Vec<Inline>)> = Vec::new();
        let mut current: Vec<Inline> = Vec::new();
        while *i < events.len() {
            let (event, range) = &events[*i];
            *i += 1;
            match event {
                Event::End(end) if *end == stop && stack.is_empty() => break,
                Event::Text(t) => push_text(&mut current, t),
                Event::SoftBreak | Event::HardBreak => push_text(&mut current, " "),
                Event::Start(Tag::Emphasis) => stack.push((Frame::Emphasis, std::mem::take(&mut current))),
                Event::Start(Tag::Strong) => stack.push((Frame::Strong, std::mem::take(&mut current))),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    let target = self.link_target(dest_url, range.clone());
                    stack.push((Frame::Link { target, range: range.clone() }, std::mem::take(&mut current)));
                }
                Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                    let Some((frame, parent)) = stack.pop() else { continue };
                    let children = std::mem::replace(&mut current, parent);
                    let inline = match frame {
                        Frame::Emphasis => LinkResult::One(Inline::Emphasis(children)),
                        Frame::Strong => LinkResult::One(Inline::Strong(children)),
                        Frame::Link { target, range } => self.finish_link(target, range, children),
                    };
                    if let Some(inline) = inline.into_option() {
                        current.push(inline);
                    }
                }
                Event::FootnoteReference(label) => {
                    if self.notes_allowed {
                        self.refs.push(RawRef {
                            kind: RefKind::Note,
                            id: label.to_string(),
                            text: String::new(),
                            span: self.at.span(range.clone()),
                        });
                        current.push(Inline::NoteRef {
                            label: label.to_string(),
                            anchor: None,
                            first: false,
                        });
                    } else {
                        self.error(
                            range.clone(),
                            format!("note reference `[^{label}]` is not allowed here"),
                            Some("note references belong in essay paragraphs; cards and captions list their notes in a `note`/`notes` field".into()),
                        );
                    }
                }
                Event::Code(_) => self.error(range.clone(), "inline code is not allowed in prose", Some("remove the backticks".into())),
                Event::InlineHtml(_) | Event::Html(_) => self.error(
                    range.clone(),
                    "raw HTML is not allowed",
                    Some("HTML in content could break the page or inject script; use markdown emphasis or a link kind instead".into()),
                ),
                Event::Start(Tag::Image { .. }) => {
                    self.error(range.clone(), "images are not allowed in prose", Some("charts are placed with `::figure <id>`".into()));
                    skip_to_end(events, i, TagEnd::Image);
                }
                Event::Start(other) => {
                    let end = other.to_end();
                    self.error(range.clone(), format!("{} is not allowed inside a paragraph", describe(other)), None);
                    skip_to_end(events, i, end);
                }
                Event::End(_) => {}
                Event::InlineMath(_) | Event::DisplayMath(_) | Event::Rule | Event::TaskListMarker(_) => {
                    self.error(range.clone(), "this markdown feature is not allowed in prose", None)
                }
            }
        }
        current
    }

    fn link_target(&mut self, dest: &str, range: Range<usize>) -> LinkTarget {
        // Point errors at the destination inside `[text](dest)`, not the whole link.
        let link_src = &self.source[range.clone()];
        // An escaped destination (`actor:a\_b`) is not in the source as written: point at the link.
        let dest_start = link_src.rfind(dest).map(|o| range.start + o);
        let dest_range = dest_start.map_or(range.clone(), |s| s..s + dest.len());
        let (scheme, rest) = dest.split_once(':').unwrap_or(("", dest));
        let valid_id = |s: &str| is_kebab(s);
        match scheme {
            "actor" | "term" => {
                if !valid_id(rest) {
                    self.error(
                        dest_range,
                        format!("`{rest}` is not a valid id"),
                        Some("ids are lower-case kebab-case, like `ter-asaturov`".into()),
                    );
                    return LinkTarget::Broken;
                }
                let kind = if scheme == "actor" {
                    RefKind::Person
                } else {
                    RefKind::Term
                };
                self.refs.push(RawRef {
                    kind,
                    id: rest.to_string(),
                    text: String::new(),
                    span: self
                        .at
                        .span(dest_start.map_or(range.clone(), |s| s + scheme.len() + 1..dest_range.end)),
                });
                if scheme == "actor" {
                    LinkTarget::Person(rest.to_string())
                } else {
                    LinkTarget::Term(rest.to_string())
                }
            }
            "datum" => match rest.split_once('/') {
                Some((set, row)) if valid_id(set) && valid_id(row) => {
                    LinkTarget::Datum(set.to_string(), row.to_string())
                }
                _ => {
                    self.error(
                        dest_range,
                        format!("malformed datum link `{dest}`"),
                        Some("write `datum:<dataset>/<row id>`, e.g. `datum:purge-1929/expelled`".into()),
                    );
                    LinkTarget::Broken
                }
            },
            "https" | "http" => LinkTarget::External(dest.to_string()),
            _ => {
                self.error(
                    dest_range,
                    format!("unknown link kind `{dest}`"),
                    Some("links are `actor:<id>`, `term:<id>`, `datum:<dataset>/<row>` or an https:// address".into()),
                );
                LinkTarget::Broken
            }
        }
    }

    fn finish_link(&mut self, target: LinkTarget, range: Range<usize>, children: Vec<Inline>) -> LinkResult {
        match target {
            LinkTarget::Person(id) => LinkResult::One(Inline::Person {
                id,
                anchor: None,
                children,
            }),
            LinkTarget::Term(id) => LinkResult::One(Inline::Term {
                id,
                anchor: None,
                children,
            }),
            LinkTarget::Datum(dataset, row) => {
                let text = crate::model::plain_text(&children);
                self.refs.push(RawRef {
                    kind: RefKind::Datum,
                    id: format!("{dataset}/{row}"),
                    text,
                    span: self.at.span(range),
                });
                LinkResult::One(Inline::Datum { dataset, row, children })
            }
            LinkTarget::External(href) => LinkResult::One(Inline::Link { href, children }),
            LinkTarget::Broken => LinkResult::Many(children),
        }
    }
}

enum LinkResult {
    One(Inline),
    Many(Vec<Inline>),
}

impl LinkResult {
    fn into_option(self) -> Option<Inline> {
        match self {
            LinkResult::One(i) => Some(i),
            LinkResult::Many(c) if c.is_empty() => None,
            // A broken link keeps its text so later errors still make sense.
            LinkResult::Many(c) => Some(Inline::Emphasis(c)),
        }
    }
}

fn push_text(current: &mut Vec<Inline>, t: &str) {
    if let Some(Inline::Text(prev)) = current.last_mut() {
        prev.push_str(t);
    } else {
        current.push(Inline::Text(t.to_string()));
    }
}

pub fn skip_to_end(events: &[(Event, Range<usize>)], i: &mut usize, end: TagEnd) {
    let mut depth = 0usize;
    while *i < events.len() {
        let e = &events[*i].0;
        *i += 1;
        match e {
            Event::Start(t) if t.to_end() == end => depth += 1,
            Event::End(t) if *t == end => {
                if depth == 0 {
                    return;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
}

pub fn describe(tag: &Tag) -> &'static str {
    match tag {
        Tag::List(_) | Tag::Item => "a list",
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => "a table",
        Tag::CodeBlock(_) => "a code block",
        Tag::Heading { .. } => "a heading",
        Tag::BlockQuote(_) => "a block quotation",
        Tag::HtmlBlock => "raw HTML",
        Tag::Image { .. } => "an image",
        _ => "this markdown construct",
    }
}

/// Lower-case kebab-case: `ter-asaturov`, `n76`, `purge-1929`.
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Parses a short rich-text TOML field (a card summary, a caption) into inline content.
pub fn parse_field<L: Locate>(text: &str, at: &L) -> (Vec<Inline>, Vec<RawRef>, Vec<Diagnostic>) {
    let events: Vec<_> = pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::ENABLE_FOOTNOTES)
        .into_offset_iter()
        .collect();
    let mut p = InlineParser::new(text, at, false);
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        i += 1;
        match event {
            Event::Start(Tag::Paragraph) => {
                if !out.is_empty() {
                    out.push(Inline::Text(" ".into()));
                }
                out.extend(p.parse(&events, &mut i, TagEnd::Paragraph));
            }
            Event::Start(tag) => {
                let end = tag.to_end();
                p.error(range.clone(), format!("{} is not allowed in a short text field", describe(tag)), None);
                skip_to_end(&events, &mut i, end);
            }
            Event::Html(_) | Event::InlineHtml(_) => p.error(range.clone(), "raw HTML is not allowed", Some("HTML in content could break the page or inject script; use markdown emphasis or a link kind instead".into())),
            _ => {}
        }
    }
    // Without a definition, `[^n2]` would silently stay literal text.
    if let Some(pos) = text.find("[^") {
        p.error(
            pos..pos + text[pos..].find(']').map_or(2, |e| e + 1),
            "note reference is not allowed here",
            Some("note references belong in essay paragraphs; cards and captions list their notes in a `note`/`notes` field".into()),
        );
    }
    (out, p.refs, p.diagnostics)
}
