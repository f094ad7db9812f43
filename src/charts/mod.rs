//! Dataset → chart option builders: one module per figure, each a pure function of the content,
//! the theme and the chart's width in pixels. They run natively in tests and in the browser;
//! `crate::echarts` hands their options to ECharts.
//!
//! No number is typed here: every value comes from `data/datasets/*.csv` or `timeline.toml`.

use charming::Chart;
use kirov_content::{Content, Figure};

mod common;
pub mod counter_plan;
pub mod plan_1933;
pub mod plan_contested;
pub mod plan_tractors;
pub mod policy_timeline;
pub mod purge;
pub mod theme;
pub mod workforce_composition;
pub mod workforce_growth;

pub use theme::Theme;

/// A thing a reader can point at in a chart, and the marks that draw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// `dataset/row` for a dataset row (the same key as a `datum:` link), or `event/<id>`.
    pub key: String,
    /// (series index, data index) pairs; `None` means the whole series.
    pub targets: Vec<(usize, Option<usize>)>,
}

/// A chart option plus the map from what is drawn back to the data.
pub struct ChartSpec {
    pub chart: Chart,
    /// In reading order: keyboard navigation steps through these.
    pub marks: Vec<Mark>,
}

/// The accessible name of a figure's chart (an interactive group the arrow keys step through).
pub fn label(figure: &Figure) -> String {
    format!("Chart: {}. Use the arrow keys to step through the data.", figure.title)
}

/// How many data points an option draws (every series' data, label series included).
pub fn drawn_points(chart: &Chart) -> usize {
    serde_json::to_value(chart)
        .ok()
        .and_then(|v| v.get("series").and_then(|s| s.as_array()).cloned())
        .map_or(0, |series| {
            series
                .iter()
                .map(|s| s.get("data").and_then(|d| d.as_array()).map_or(0, Vec::len))
                .sum()
        })
}

impl ChartSpec {
    /// The mark drawn by series `series`, data index `index`: the most specific one, so a square
    /// of an expulsion ground names that ground, not the whole membership.
    pub fn mark_at(&self, series: usize, index: usize) -> Option<&Mark> {
        let exact = self.marks.iter().find(|m| m.targets.contains(&(series, Some(index))));
        exact.or_else(|| {
            self.marks
                .iter()
                .filter(|m| m.targets.contains(&(series, None)))
                .min_by_key(|m| m.targets.len())
        })
    }
    pub fn mark(&self, key: &str) -> Option<&Mark> {
        self.marks.iter().find(|m| m.key == key)
    }
}

/// Builds the chart for a figure, or `None` if the figure has no chart builder.
pub fn build(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> Option<ChartSpec> {
    let spec = match figure.id.as_str() {
        "workforce-growth" => workforce_growth::build(figure, content, theme, width),
        "workforce-composition" => workforce_composition::build(figure, content, theme, width),
        "purge-1929" => purge::build(figure, content, theme, width),
        "plan-tractors" => plan_tractors::build(figure, content, theme, width),
        "plan-contested" => plan_contested::build(figure, content, theme, width),
        "counter-plan" => counter_plan::build(figure, content, theme, width),
        "plan-1933" => plan_1933::build(figure, content, theme, width),
        "policy-timeline" => policy_timeline::build(figure, content, theme, width),
        _ => return None,
    };
    Some(spec)
}

/// The height in pixels a figure's chart container should have at `width` in `theme`, or
/// `None` if the figure has no chart builder. Each builder lays its labels out in pixels for
/// exactly this height (rows of labels above bars, the waffle's square cells), so the chart
/// element should be given this height whenever the chart is (re)built.
pub fn height(figure: &Figure, content: &Content, theme: &Theme, width: f64) -> Option<f64> {
    let h = match figure.id.as_str() {
        "workforce-growth" => workforce_growth::height_for_theme(content, figure, theme, width),
        "workforce-composition" => workforce_composition::height_for_theme(content, figure, theme, width),
        "purge-1929" => purge::height_for_theme(content, figure, theme, width),
        "plan-tractors" => plan_tractors::height_for_theme(content, figure, theme, width),
        "plan-contested" => plan_contested::height_for_theme(content, figure, theme, width),
        "counter-plan" => counter_plan::height_for_theme(content, figure, theme, width),
        "plan-1933" => plan_1933::height_for_theme(content, figure, theme, width),
        "policy-timeline" => policy_timeline::height_for_theme(content, figure, theme, width),
        _ => return None,
    };
    Some(h)
}

#[cfg(test)]
mod spec_tests {
    use super::*;

    #[test]
    fn a_square_names_its_own_ground_not_the_whole_membership() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let content = kirov_content::parse::load(root).unwrap_or_else(|r| panic!("{r}"));
        let figure = content.figure("purge-1929").unwrap();
        let spec = build(figure, &content, &Theme::light(), 640.0).unwrap();
        assert_eq!(spec.mark_at(0, 0).unwrap().key, "purge-1929/members");
        assert_eq!(spec.mark_at(2, 0).unwrap().key, "purge-1929/drunkenness");
        assert!(drawn_points(&spec.chart) >= 3133);
    }
}

#[cfg(test)]
mod points_tests {
    use super::*;

    #[test]
    fn every_chart_draws_points() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let content = kirov_content::parse::load(root).unwrap_or_else(|r| panic!("{r}"));
        for figure in &content.figures {
            let spec = build(figure, &content, &Theme::light(), 608.0).unwrap();
            assert!(drawn_points(&spec.chart) > 0, "{} draws no points", figure.id);
        }
    }
}
