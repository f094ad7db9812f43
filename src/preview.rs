//! The link-preview image (what a chat, a course site or a social network shows beside a shared
//! link): drawn as SVG from `data/meta.toml` in the light theme's colours, then rasterised to PNG
//! at build time with resvg, in pure Rust. Its text needs one system font: DejaVu (Debian's
//! `fonts-dejavu-core`, which the browsers the tests use already bring).

use crate::head::PREVIEW_SIZE;
use crate::markup::{escape, wrap_words};
use kirov_content::Meta;
use resvg::{tiny_skia, usvg};

// The light theme's colours (style/tokens.css, crates/charts/src/theme.rs).
const PAPER: &str = "#fbf9f4";
const INK: &str = "#1d1b18";
const MUTED: &str = "#5f584e";
const ACCENT: &str = "#9b2c1f";
const RULE: &str = "#d9d2c3";
const SERIF: &str = "'DejaVu Serif', serif";
const SANS: &str = "'DejaVu Sans', sans-serif";

/// Left and right margins, and the text's width between them.
const LEFT: f64 = 88.0;
const WIDTH: f64 = PREVIEW_SIZE.0 as f64 - LEFT - 72.0;

/// Splits `text` into lines of at most `max` characters at spaces (a word longer than a line
/// gets a line of its own), keeping at most `lines` lines and ending a cut text with "…".
pub fn wrap(text: &str, max: usize, lines: usize) -> Vec<String> {
    let mut out = wrap_words(text, max);
    if out.len() > lines {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            while last.chars().count() + 2 > max {
                match last.rfind(' ') {
                    Some(i) => last.truncate(i),
                    None => break,
                }
            }
            last.push_str(" …");
        }
    }
    out
}

/// How many characters of a font of `size` px fit in the text width: DejaVu's glyphs average
/// about 0.56 em (0.6 em bold); the build checks the result really fits (see [`render`]).
fn per_line(size: f64, bold: bool) -> usize {
    (WIDTH / (size * if bold { 0.6 } else { 0.56 })) as usize
}

/// Lines of text from `y` down, `step` px apart; returns the SVG and the baseline after the last.
fn text_block(lines: &[String], y: f64, step: f64, attrs: &str) -> (String, f64) {
    let mut svg = String::new();
    let mut y = y;
    for line in lines {
        svg.push_str(&format!(
            "<text x=\"{LEFT}\" y=\"{y}\" {attrs}>{}</text>\n",
            escape(line)
        ));
        y += step;
    }
    (svg, y)
}

/// The preview as SVG: the edition's title and subtitle, and the article it retells.
pub fn preview_svg(meta: &Meta) -> String {
    let (w, h) = PREVIEW_SIZE;
    let s = &meta.source;
    let kicker = "An interactive essay".to_uppercase();
    let title = wrap(&meta.title, per_line(64.0, true), 2);
    let subtitle = wrap(&meta.subtitle, per_line(28.0, false), 4);
    let credit = wrap(
        &format!("Retelling {}, “{}”, {} ({})", s.author, s.title, s.journal, s.year),
        per_line(21.0, false),
        2,
    );
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"{PAPER}\"/>\n\
         <rect width=\"28\" height=\"{h}\" fill=\"{ACCENT}\"/>\n\
         <text x=\"{LEFT}\" y=\"92\" font-family=\"{SANS}\" font-size=\"22\" letter-spacing=\"3\" fill=\"{ACCENT}\">{}</text>\n",
        escape(&kicker)
    );
    let (part, y) = text_block(
        &title,
        178.0,
        76.0,
        &format!("font-family=\"{SERIF}\" font-size=\"64\" font-weight=\"bold\" fill=\"{INK}\""),
    );
    svg.push_str(&part);
    let (part, _) = text_block(
        &subtitle,
        y + 6.0,
        40.0,
        &format!("font-family=\"{SERIF}\" font-size=\"28\" fill=\"{INK}\""),
    );
    svg.push_str(&part);
    let foot = f64::from(h) - 40.0 - 30.0 * credit.len() as f64;
    svg.push_str(&format!(
        "<line x1=\"{LEFT}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{RULE}\" stroke-width=\"2\"/>\n",
        foot - 8.0,
        LEFT + WIDTH,
        foot - 8.0
    ));
    let (part, _) = text_block(
        &credit,
        foot + 26.0,
        30.0,
        &format!("font-family=\"{SANS}\" font-size=\"21\" fill=\"{MUTED}\""),
    );
    svg.push_str(&part);
    svg.push_str("</svg>\n");
    svg
}

/// Rasterises an SVG to PNG with the system's fonts. Fails if any text could not be drawn (no
/// font found) or if any drawn text runs outside the image.
pub fn render(svg: &str) -> Result<Vec<u8>, String> {
    let mut options = usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("preview SVG: {e}"))?;
    let size = tree.size();
    check_text(tree.root(), size.width(), size.height())?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width().ceil() as u32, size.height().ceil() as u32)
        .ok_or("preview: empty image")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("preview PNG: {e}"))
}

/// Every text node was drawn (it has glyph outlines) and lies inside the image.
fn check_text(group: &usvg::Group, width: f32, height: f32) -> Result<(), String> {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => check_text(g, width, height)?,
            usvg::Node::Text(t) => {
                let said: String = t.chunks().iter().map(|c| c.text()).collect();
                if t.flattened().children().is_empty() {
                    return Err(format!(
                        "preview: no font drew “{said}” (install Debian's fonts-dejavu-core)"
                    ));
                }
                let b = t.flattened().abs_bounding_box();
                if b.left() < 0.0 || b.top() < 0.0 || b.right() > width || b.bottom() > height {
                    return Err(format!("preview: “{said}” runs outside the image ({b:?})"));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces_and_marks_a_cut() {
        assert_eq!(wrap("one two three four", 9, 5), ["one two", "three", "four"]);
        assert_eq!(wrap("one two three four", 9, 2), ["one two", "three …"]);
        assert_eq!(wrap("unbreakableword x", 5, 3), ["unbreakableword", "x"]);
        assert!(wrap("", 10, 2).is_empty());
    }

    #[test]
    fn the_preview_is_a_1200_by_630_png_with_every_line_of_text_inside_it() {
        let meta = &crate::content().meta;
        let svg = preview_svg(meta);
        // The whole title is there, uncut.
        let title_words = meta.title.split_whitespace().count();
        let drawn: usize = svg
            .lines()
            .filter(|l| l.contains("font-size=\"64\""))
            .map(|l| {
                l[l.find('>').unwrap() + 1..l.rfind('<').unwrap()]
                    .split_whitespace()
                    .count()
            })
            .sum();
        assert_eq!(drawn, title_words, "{svg}");
        let png = render(&svg).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // IHDR: width and height, big-endian, at bytes 16..24.
        let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        assert_eq!((be(&png[16..20]), be(&png[20..24])), PREVIEW_SIZE);
    }

    #[test]
    fn text_outside_the_image_stops_the_build() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\">\
                   <text x=\"10\" y=\"30\" font-family=\"DejaVu Sans\" font-size=\"20\">far too long a line</text></svg>";
        assert!(render(svg).unwrap_err().contains("runs outside"));
    }
}
