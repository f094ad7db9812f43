//! Charts drawn at build time (native): every figure's chart, laid out by `kirov_charts` in the
//! light theme at the widths readers see, drawn to SVG by ECharts' server-side renderer in one
//! Node process (`scripts/render-charts.mjs`), rewritten for the page's CSP and themes
//! (`kirov_charts::svg`), and put into the figure's empty chart element in the prerendered
//! body, with the [`ChartModel`] the reading view needs to make it interactive.

use kirov_charts::model::{ChartModel, Layout};
use kirov_charts::{svg, Theme};
use kirov_content::{Content, Figure};
use std::io::Write;
use std::process::{Command, Stdio};

/// The chart widths drawn, in CSS pixels: a 360 px phone's column (360 − 2 × 16 px of gutter),
/// a large phone's or a narrow frame's, and the essay's column (`--measure`, 38 rem). CSS picks
/// one by the width of the chart's own frame (style/chart.css), and each scales from there.
pub const WIDTHS: [f64; 3] = [328.0, 456.0, 608.0];

pub use kirov_charts::model::MODEL_CLASS;

/// A figure's drawn chart: an SVG per width, and its model.
pub struct PrerenderedChart {
    pub figure: String,
    pub svgs: Vec<String>,
    pub model: ChartModel,
}

/// One chart for the renderer to draw.
#[derive(serde::Serialize)]
struct Job {
    key: String,
    width: f64,
    height: f64,
    option: serde_json::Value,
}

#[derive(serde::Deserialize)]
struct Drawn {
    key: String,
    svg: String,
}

/// Draws every figure's chart at every width. A failure of Node or ECharts is an error that
/// names what failed.
pub fn render_all(content: &'static Content) -> Result<Vec<PrerenderedChart>, String> {
    let theme = Theme::light().without_animation();
    let mut jobs = Vec::new();
    let mut models = Vec::new();
    for figure in &content.figures {
        let mut layouts = Vec::new();
        for width in WIDTHS {
            let drawing = kirov_charts::build(figure, content, &theme, width);
            let option = serde_json::to_value(&drawing.option)
                .map_err(|e| format!("figure {}: the chart option does not serialise: {e}", figure.id))?;
            jobs.push(Job {
                key: key(figure, width),
                width,
                height: drawing.height,
                option,
            });
            layouts.push(Layout::of(&drawing, width));
        }
        models.push(ChartModel {
            figure: figure.id.clone(),
            label: kirov_charts::label(figure),
            tips: with_titles(ChartModel::tips_for(&layouts, content), content),
            layouts,
        });
    }
    let drawn = run_node(&jobs)?;
    let mut charts = Vec::new();
    for (figure, model) in content.figures.iter().zip(models) {
        let mut svgs = Vec::new();
        for width in WIDTHS {
            let key = key(figure, width);
            let raw = drawn
                .iter()
                .find(|d| d.key == key)
                .ok_or_else(|| format!("the chart renderer returned no {key}"))?;
            let out = svg::themeable(&raw.svg, &theme, &format!("chart-{key}"), width);
            if !out.unthemed.is_empty() {
                return Err(format!(
                    "chart {key} draws colours that follow no theme token: {} (add them to kirov_charts::svg::tokens)",
                    out.unthemed.join(", ")
                ));
            }
            // How many data items it draws (read by the end-to-end tests).
            let points = model.layout(width).map_or(0, |l| l.points);
            // Where no stylesheet picks a width (a feed reader), only the column's shows.
            let hidden = if width == WIDTHS[WIDTHS.len() - 1] {
                ""
            } else {
                "hidden "
            };
            svgs.push(
                out.svg
                    .replacen("<svg ", &format!("<svg {hidden}data-points=\"{points}\" "), 1),
            );
        }
        charts.push(PrerenderedChart {
            figure: figure.id.clone(),
            svgs,
            model,
        });
    }
    Ok(charts)
}

/// Every figure as the image a reader downloads (`export_image`): the chart drawn in the light
/// theme at the image's width, framed with its title, source and this edition's address
/// (`<public url>#fig-<id>`). Returns (figure id, SVG document).
pub fn figure_images(content: &Content, public_url: &str) -> Result<Vec<(String, String)>, String> {
    use crate::figures::export_image::{self, CHART_WIDTH};
    let theme = Theme::light().without_animation();
    let mut jobs = Vec::new();
    let mut heights = Vec::new();
    for figure in &content.figures {
        let drawing = kirov_charts::build(figure, content, &theme, CHART_WIDTH);
        let option = serde_json::to_value(&drawing.option)
            .map_err(|e| format!("figure {}: the chart option does not serialise: {e}", figure.id))?;
        jobs.push(Job {
            key: format!("image-{}", figure.id),
            width: CHART_WIDTH,
            height: drawing.height,
            option,
        });
        heights.push(drawing.height);
    }
    let drawn = run_node(&jobs)?;
    let mut images = Vec::new();
    for ((figure, height), chart) in content.figures.iter().zip(heights).zip(drawn) {
        let link = format!("{public_url}#fig-{}", figure.id);
        let credits = export_image::credits(content, figure, &link);
        images.push((
            figure.id.clone(),
            export_image::framed_svg(&figure.title, &credits, &chart.svg, height),
        ));
    }
    Ok(images)
}

/// Renders each timeline event's title into the markup its tooltip shows.
fn with_titles(mut tips: Vec<kirov_charts::model::Tip>, content: &'static Content) -> Vec<kirov_charts::model::Tip> {
    use crate::inlines::Inlines;
    use leptos::prelude::*;
    for tip in &mut tips {
        if let kirov_charts::model::Tip::Event { key, title_html, .. } = tip {
            let id = key.strip_prefix("event/").unwrap_or_default();
            if let Some(event) = content.events.iter().find(|e| e.id == id) {
                let html = Owner::new().with(|| view! { <Inlines inlines=&event.title /> }.to_html());
                *title_html = crate::markup::without_static_markers(&html);
            }
        }
    }
    tips
}

fn key(figure: &Figure, width: f64) -> String {
    format!("{}-{width}", figure.id)
}

/// Runs the renderer once for every chart: JSON in on stdin, JSON out on stdout.
fn run_node(jobs: &[Job]) -> Result<Vec<Drawn>, String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("scripts/render-charts.mjs");
    let input = serde_json::to_vec(jobs).map_err(|e| format!("cannot serialise the charts: {e}"))?;
    let mut child = Command::new(std::env::var("NODE").unwrap_or_else(|_| "node".into()))
        .arg(&script)
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start Node for {} (is `node` on PATH?): {e}", script.display()))?;
    let mut stdin = child.stdin.take().ok_or("no stdin for Node")?;
    // Written from a thread: Node's output could fill its pipe before it has read all input.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("Node did not finish: {e}"))?;
    writer
        .join()
        .map_err(|_| "the writer to Node panicked".to_string())?
        .map_err(|e| format!("cannot write the charts to Node: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "drawing the charts failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let drawn: Vec<Drawn> = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("the chart renderer's output is not the expected JSON: {e}"))?;
    if drawn.len() != jobs.len() {
        return Err(format!(
            "asked for {} charts, the renderer drew {}",
            jobs.len(),
            drawn.len()
        ));
    }
    Ok(drawn)
}

/// Puts each chart into its figure's chart element (`<div class="chart" …></div>`, empty in
/// the view) in the prerendered `body`: its SVGs and its model as a JSON data block. A figure
/// on the page without a chart, or a chart without its figure, is an error.
pub fn inject(body: &str, charts: &[PrerenderedChart]) -> Result<String, String> {
    let mut out = body.to_string();
    for chart in charts {
        let anchor = format!("id=\"fig-{}\"", chart.figure);
        let Some(at) = out.find(&anchor) else {
            // A figure in figures.toml that the essay does not place.
            continue;
        };
        let close =
            chart_element_end(&out, at).ok_or_else(|| format!("figure {} has no empty chart element", chart.figure))?;
        let model = serde_json::to_string(&chart.model).map_err(|e| format!("figure {}: model: {e}", chart.figure))?;
        // JSON in a data block: `<` is escaped so no text can close the element early.
        let model = model.replace('<', "\\u003c");
        let inner = format!(
            "{}<script type=\"application/json\" class=\"{MODEL_CLASS}\">{model}</script>",
            chart.svgs.concat()
        );
        out.insert_str(close, &inner);
    }
    Ok(out)
}

/// Where the content of the first empty `<div … class="chart">` after `from` goes (just after
/// its opening tag).
fn chart_element_end(html: &str, from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let open = at + html[at..].find("<div")?;
        let end = open + html[open..].find('>')? + 1;
        let tag = &html[open..end];
        if tag.contains(" class=\"chart\"") {
            return html[end..].starts_with("</div>").then_some(end);
        }
        at = end;
    }
}
