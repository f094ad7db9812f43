//! A figure as an image a teacher can put on a slide: the chart the reader sees, drawn in the
//! light theme, framed with its title above and its source and this edition's name below. The
//! frame is composed here as SVG, in pure Rust (tested natively); the browser supplies the
//! chart's own SVG from ECharts, and turns the whole into a PNG (see `figure_image.rs`).

use crate::markup::{escape, wrap_words};
use kirov_content::{Content, Figure};

/// The layout width, in CSS pixels, at which the chart is laid out: a laptop reader's column,
/// so labels sit as they do on the page. The image is drawn at [`SCALE`] times this.
pub const LAYOUT_WIDTH: f64 = 800.0;
/// Pixels per layout unit in the downloaded image: 1600 px wide, sharp on a projector.
pub const SCALE: f64 = 2.0;
/// Space around the chart and between the parts, in layout units.
const MARGIN: f64 = 24.0;
/// The chart's width inside the frame.
pub const CHART_WIDTH: f64 = LAYOUT_WIDTH - 2.0 * MARGIN;

const PAPER: &str = "#fbf9f4";
const INK: &str = "#1d1b18";
const MUTED: &str = "#5f584e";
const RULE: &str = "#d9d2c3";
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/// The words under the chart: where the numbers come from, and where the figure was taken from.
pub struct Credits {
    /// "Source: …": the article and the notes that give the numbers.
    pub source: String,
    /// "From …": this edition.
    pub edition: String,
    /// The figure's own address, when known (on a line of its own, so it never breaks).
    pub link: String,
}

/// The figure's credits, as printed on its image.
pub fn credits(content: &Content, figure: &Figure, page_url: &str) -> Credits {
    let s = &content.meta.source;
    let notes: Vec<String> = figure
        .notes
        .iter()
        .map(|label| content.note(label).map_or_else(|| label.clone(), |n| n.display.clone()))
        .collect();
    let which = match notes.len() {
        0 => String::new(),
        1 => format!(", note {}", notes[0]),
        _ => format!(", notes {}", notes.join(", ")),
    };
    Credits {
        source: format!(
            "Source: {}, “{}”, {} ({}){which}; doi:{}.",
            s.author, s.title, s.journal, s.year, s.doi
        ),
        edition: format!(
            "From “{}”, an interactive retelling ({}).",
            content.meta.title, content.meta.edition_year
        ),
        link: page_url.to_string(),
    }
}

/// Text lines from baseline `y`, `step` apart, as SVG; returns it and the next free `y`.
fn lines(text: &[String], y: f64, step: f64, attrs: &str) -> (String, f64) {
    let mut svg = String::new();
    for (i, line) in text.iter().enumerate() {
        let baseline = y + step * (i as f64 + 1.0) - step * 0.25;
        svg.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{baseline:.1}\" {attrs}>{}</text>\n",
            escape(line)
        ));
    }
    (svg, y + step * text.len() as f64)
}

/// The framed figure as a standalone SVG document, `LAYOUT_WIDTH × SCALE` pixels wide.
/// `chart_svg` is ECharts' own rendering of the chart, `chart_height` tall at [`CHART_WIDTH`].
pub fn framed_svg(title: &str, credits: &Credits, chart_svg: &str, chart_height: f64) -> String {
    let title_lines = wrap_words(title, 66);
    let source_lines = wrap_words(&credits.source, 120);
    let mut edition_lines = wrap_words(&credits.edition, 120);
    edition_lines.extend((!credits.link.is_empty()).then(|| credits.link.clone()));
    let mut body = String::new();
    let (part, y) = lines(
        &title_lines,
        MARGIN,
        26.0,
        &format!("font-family=\"{FONT}\" font-size=\"20\" font-weight=\"bold\" fill=\"{INK}\""),
    );
    body.push_str(&part);
    let chart_top = y + 12.0;
    // The chart keeps its own coordinates; a nested <svg> places it without touching them.
    body.push_str(&format!(
        "<svg x=\"{MARGIN}\" y=\"{chart_top}\" width=\"{CHART_WIDTH}\" height=\"{chart_height}\" overflow=\"visible\">\n{}\n</svg>\n",
        portable_chart(chart_svg)
    ));
    let rule = chart_top + chart_height + 12.0;
    body.push_str(&format!(
        "<line x1=\"{MARGIN}\" y1=\"{rule}\" x2=\"{}\" y2=\"{rule}\" stroke=\"{RULE}\"/>\n",
        LAYOUT_WIDTH - MARGIN
    ));
    let small = format!("font-family=\"{FONT}\" font-size=\"11\" fill=\"{MUTED}\"");
    let (part, y) = lines(&source_lines, rule + 6.0, 15.0, &small);
    body.push_str(&part);
    let (part, y) = lines(&edition_lines, y, 15.0, &small);
    body.push_str(&part);
    let height = (y + MARGIN - 6.0).ceil();
    let (w, h) = (LAYOUT_WIDTH * SCALE, height * SCALE);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {LAYOUT_WIDTH} {height}\">\n\
         <title>{}</title>\n\
         <rect width=\"{LAYOUT_WIDTH}\" height=\"{height}\" fill=\"{PAPER}\"/>\n{body}</svg>\n",
        escape(title)
    )
}

/// The chart's SVG ready to nest and to travel: no XML declaration, no `<style>` element (ECharts
/// puts only hover rules there, which mean nothing in an image) and every `style="…"` written as
/// presentation attributes, which every SVG tool reads and no Content-Security-Policy refuses.
pub fn portable_chart(svg: &str) -> String {
    let svg = svg.find("<svg").map_or(svg, |i| &svg[i..]);
    let out = kirov_charts::svg::without_style_elements(svg);
    let mut done = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find(" style=\"") {
        done.push_str(&rest[..i]);
        let value_at = i + " style=\"".len();
        let Some(len) = rest[value_at..].find('"') else { break };
        for declaration in rest[value_at..value_at + len].split(';') {
            if let Some((name, value)) = declaration.split_once(':') {
                let (name, value) = (name.trim(), value.trim());
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                    done.push_str(&format!(" {name}=\"{}\"", value.replace('"', "&quot;")));
                }
            }
        }
        rest = &rest[value_at + len + 1..];
    }
    done.push_str(rest);
    done
}

/// The image's size in pixels, read back from the framed SVG's root (for the PNG canvas).
pub fn pixel_size(framed: &str) -> Option<(u32, u32)> {
    let root = &framed[framed.find("<svg ")?..];
    let root = &root[..root.find('>')?];
    let attr = |name: &str| -> Option<u32> {
        let at = root.find(&format!(" {name}=\""))? + name.len() + 3;
        root[at..at + root[at..].find('"')?]
            .parse::<f64>()
            .ok()
            .map(|v| v.round() as u32)
    };
    Some((attr("width")?, attr("height")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_credits_name_the_article_its_notes_and_this_edition() {
        let c = crate::content();
        let figure = c.figures.iter().find(|f| f.notes.len() > 1).unwrap();
        let credits = credits(c, figure, "https://example.org/essay/#fig-x");
        assert!(credits
            .source
            .starts_with("Source: Yiannis Kokosalakis, “Bolshevik bargaining in Soviet industry"));
        let first = &c.note(&figure.notes[0]).unwrap().display;
        assert!(
            credits.source.contains(&format!(", notes {first}, ")),
            "{}",
            credits.source
        );
        assert!(credits.source.ends_with("; doi:10.1086/714151."));
        assert_eq!(
            credits.edition,
            format!(
                "From “{}”, an interactive retelling ({}).",
                c.meta.title, c.meta.edition_year
            )
        );
        assert_eq!(credits.link, "https://example.org/essay/#fig-x");
    }

    #[test]
    fn the_frame_puts_title_chart_and_credits_on_a_1600_px_image() {
        let c = crate::content();
        let figure = &c.figures[0];
        let chart = "<?xml version=\"1.0\"?><svg width=\"752\" height=\"300\" xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"10\" height=\"10\"/></svg>";
        let svg = framed_svg("A <title> & more", &credits(c, figure, ""), chart, 300.0);
        assert_eq!(svg.matches("<?xml").count(), 1, "the chart's prolog is dropped");
        assert!(svg.contains("<title>A &lt;title&gt; &amp; more</title>"));
        assert!(svg.contains("<text") && svg.contains("Source: Yiannis Kokosalakis"));
        assert!(svg.contains(&format!("From “{}”", c.meta.title)));
        let (w, h) = pixel_size(&svg).unwrap();
        assert_eq!(w, 1600);
        // Title, chart and two lines of credits: taller than the chart at twice its size.
        assert!(h > 600 + 2 * 60, "{h}");
        let order = ["A &lt;title&gt;", "<svg x=", "Source:", "From “"].map(|s| svg.find(s).unwrap());
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    }

    #[test]
    fn the_chart_travels_without_style_elements_or_attributes() {
        let echarts = "<svg width=\"10\"><style ><![CDATA[\n.zr1-cls-0:hover {\ncursor:pointer;\n}\n]]></style>\
                       <text style=\"font-size:13px;font-family:system-ui, 'Noto Sans', sans-serif;\" x=\"1\">Plan</text>\
                       <path d=\"M0 0\" fill=\"#000\"></path></svg>";
        let clean = portable_chart(echarts);
        assert_eq!(
            clean,
            "<svg width=\"10\"><text font-size=\"13px\" font-family=\"system-ui, 'Noto Sans', sans-serif\" x=\"1\">Plan</text>\
             <path d=\"M0 0\" fill=\"#000\"></path></svg>"
        );
        assert!(!framed_svg(
            "t",
            &credits(crate::content(), &crate::content().figures[0], ""),
            echarts,
            10.0
        )
        .contains("style"));
    }

    #[test]
    fn long_titles_wrap_and_nothing_is_lost() {
        let words = "word ".repeat(40);
        let lines = wrap_words(&words, 66);
        assert!(lines.len() > 2 && lines.iter().all(|l| l.len() <= 66));
        assert_eq!(lines.join(" ").split(' ').count(), 40);
    }
}
