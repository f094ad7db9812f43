//! What every chart builder shares: the base option (accessibility, tooltip, animation,
//! background), themed text styles, rough text metrics for layout, and small text helpers.
//!
//! Layout is done in Rust because the option must be plain data (no JavaScript callbacks), so
//! label sizes are estimated from character counts. The estimates err on the wide side.

use super::Theme;
use crate::format::MONTHS;
use charming::component::{Aria, Axis, Decal, DecalItem, Title};
use charming::datatype::{CompositeValue, DataPoint, DataPointItem};
use charming::element::{
    AxisLabel, AxisLine, AxisTick, AxisType, ItemStyle, Label, LabelAlign, LabelPosition, LabelVerticalAlign,
    LineStyle, SplitLine, Symbol, TextStyle, Tooltip, Trigger, TriggerOn,
};
use charming::series::Scatter;
use charming::Chart;
use kirov_content::{Content, Figure, Row};

/// Line height as a multiple of the font size, for estimates (ECharts' own is a little less).
pub(crate) const LINE: f64 = 1.3;
/// Average glyph width as a multiple of the font size, for estimates (generous for digits and
/// lower case in the system sans-serifs).
const GLYPH: f64 = 0.58;

/// The option every figure starts from.
///
/// charming 0.6 has no `aria.label.description`, so the description rides in a hidden title:
/// ECharts' aria text then reads “This is a chart about “<description>” …”.
pub(crate) fn base_chart(figure: &Figure, theme: &Theme) -> Chart {
    Chart::new()
        .title(
            Title::new()
                .show(false)
                .text(figure.description.as_str())
                .text_style(text_style(theme, theme.text)),
        )
        // An explicit (empty) label object: charming would otherwise send `label: null`,
        // which ECharts' aria code cannot merge its defaults into.
        .aria(
            Aria::new()
                .enabled(true)
                .label(Label::new())
                .decal(Decal::new().show(true).decals(decals(theme))),
        )
        // The page draws its own tooltips; ECharts' stays off (charming's Tooltip has no `show`).
        .tooltip(Tooltip::new().trigger(Trigger::None).trigger_on(TriggerOn::None))
        .animation(theme.animation)
        .background_color("transparent")
        .color(theme.palette.to_vec())
}

pub(crate) fn text_style(theme: &Theme, color: &str) -> TextStyle {
    TextStyle::new()
        .color(color)
        .font_size(theme.font_size)
        .font_family(theme.font_family)
        .line_height(line_height(theme))
}

/// A shown series or mark label in the theme's text colour and size.
pub(crate) fn label(theme: &Theme) -> Label {
    Label::new()
        .show(true)
        .color(theme.text)
        .font_size(theme.font_size)
        .font_family(theme.font_family)
}

/// A label that prints each data item's own `name` (how per-item text is carried, since
/// charming's data items have no label of their own).
pub(crate) fn name_label(theme: &Theme) -> Label {
    label(theme).formatter("{b}")
}

pub(crate) fn axis_label(theme: &Theme) -> AxisLabel {
    AxisLabel::new()
        .show(true)
        .color(theme.muted)
        .font_size(theme.font_size)
        .font_family(theme.font_family)
}

/// A thin rule in the theme's rule colour.
pub(crate) fn rule(theme: &Theme) -> LineStyle {
    LineStyle::new().color(theme.rule).width(1)
}

/// Axis lines stay hidden: charming's `AxisLineStyle` only takes gauge-style colour segments,
/// so a cartesian axis line could not be given the theme's colour. Split lines (themed) and
/// bars' own bases do the work.
pub(crate) fn axis_line() -> AxisLine {
    AxisLine::new()
        .show(false)
        // Never moved to the other axis's zero: several charts pair a labelled axis with a
        // hidden value axis whose zero lies inside the plot.
        .on_zero(false)
}

/// ECharts' default decal patterns, drawn in a translucent ink that suits the theme's paper.
/// (They must be spelled out: charming serialises an unset list as `decals: []`, which
/// leaves ECharts without patterns.)
fn decals(theme: &Theme) -> Vec<DecalItem> {
    use std::f64::consts::PI;
    let ink = if is_dark(theme.paper) {
        "rgba(255, 255, 255, 0.3)"
    } else {
        "rgba(0, 0, 0, 0.22)"
    };
    let pair = |a: Vec<i64>, b: Vec<i64>| CompositeValue::from(vec![CompositeValue::from(a), CompositeValue::from(b)]);
    vec![
        DecalItem::new()
            .color(ink)
            .dash_array_x(vec![1, 0])
            .dash_array_y(vec![2, 5])
            .symbol_size(1.0)
            .rotation(PI / 6.0),
        DecalItem::new()
            .color(ink)
            .symbol(Symbol::Circle)
            .dash_array_x(pair(vec![8, 8], vec![0, 8, 8, 0]))
            .dash_array_y(vec![6, 0])
            .symbol_size(0.8),
        DecalItem::new()
            .color(ink)
            .dash_array_x(vec![1, 0])
            .dash_array_y(vec![4, 3])
            .rotation(-PI / 4.0),
        DecalItem::new()
            .color(ink)
            .dash_array_x(pair(vec![6, 6], vec![0, 6, 6, 0]))
            .dash_array_y(vec![6, 0]),
        DecalItem::new()
            .color(ink)
            .dash_array_x(pair(vec![1, 0], vec![1, 6]))
            .dash_array_y(vec![1, 0, 6, 0])
            .rotation(PI / 4.0),
        DecalItem::new()
            .color(ink)
            .symbol(Symbol::Triangle)
            .dash_array_x(pair(vec![9, 9], vec![0, 9, 9, 0]))
            .dash_array_y(vec![7, 2])
            .symbol_size(0.75),
    ]
}

/// Whether a `#rrggbb` colour is dark (relative luminance below one half).
fn is_dark(hex: &str) -> bool {
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|c| u8::from_str_radix(c, 16).ok())
            .map_or(1.0, |v| f64::from(v) / 255.0)
    };
    let (r, g, b) = (channel(1), channel(3), channel(5));
    0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5
}

/// A value axis with themed labels and faint split lines.
pub(crate) fn value_axis(theme: &Theme) -> Axis {
    Axis::new()
        .type_(AxisType::Value)
        .axis_label(axis_label(theme))
        .axis_line(axis_line())
        .axis_tick(AxisTick::new().show(false))
        .split_line(SplitLine::new().show(true).line_style(rule(theme)))
        .name_text_style(text_style(theme, theme.muted))
}

/// A category axis showing every label (`interval: 0`), without ticks.
pub(crate) fn category_axis(theme: &Theme, data: Vec<String>) -> Axis {
    Axis::new()
        .type_(AxisType::Category)
        .data(data)
        .axis_label(axis_label(theme).color(theme.text).interval(0))
        .axis_tick(AxisTick::new().show(false))
        .axis_line(axis_line())
        .name_text_style(text_style(theme, theme.muted))
}

/// A hidden axis, used to place marks in numbers while another axis carries the labels.
pub(crate) fn hidden_value_axis(min: f64, max: f64) -> Axis {
    Axis::new()
        .type_(AxisType::Value)
        .show(false)
        .min(min)
        .max(max)
        // Hidden axes must not reserve label space under `containLabel`.
        .axis_label(AxisLabel::new().show(false))
        .split_line(SplitLine::new().show(false))
}

/// A hidden y axis that places rows in pixels: one category per pixel of a plot `plot_h` px
/// high, counted from its top, so rows can each be as tall as their own labels. Place marks
/// with [`pixel`]. (A continuous axis will not do: ECharts lays horizontal bars only along a
/// category or time axis, and widens a time axis to make room for them.)
pub(crate) fn pixel_axis(plot_h: f64) -> Axis {
    let slots = if plot_h.is_finite() {
        plot_h.ceil().max(1.0)
    } else {
        1.0
    };
    Axis::new()
        .type_(AxisType::Category)
        .show(false)
        .inverse(true)
        .data(vec![String::new(); slots as usize])
        // Hidden axes must not reserve label space under `containLabel`.
        .axis_label(AxisLabel::new().show(false))
        .axis_tick(AxisTick::new().show(false))
        .split_line(SplitLine::new().show(false))
}

/// The category of [`pixel_axis`] that a point `y` px below the top of the plot falls in.
pub(crate) fn pixel(y: f64) -> f64 {
    y.floor().max(0.0)
}

/// A data item with a value and the text its label shows.
pub(crate) fn item<V: Into<CompositeValue>>(value: V, name: impl Into<String>) -> DataPoint {
    DataPointItem::new(value).name(name).into()
}

/// A missing value (ECharts draws nothing there).
pub(crate) fn gap() -> DataPoint {
    DataPoint::Value(CompositeValue::OptionalNumber(None))
}

/// How a [`Text`] sits against its anchor point, horizontally.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Align {
    /// Ends `distance` px left of the anchor (right-aligned lines).
    Left,
    /// Starts `distance` px right of the anchor (left-aligned lines).
    Right,
    /// Centred on the anchor.
    Center,
}

/// How a [`Text`] sits against its anchor point, vertically (px).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Place {
    /// The block's bottom this far above the anchor.
    Above(f64),
    /// The block centred on the anchor, then moved down by this much.
    Middle(f64),
}

/// A block of text (lines separated by `\n`) anchored at a point in data coordinates.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Text {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub align: Align,
    pub place: Place,
    pub distance: f64,
}

/// Draws text blocks as invisible one-pixel points whose labels are single lines.
///
/// charming's `Label` and `AxisLabel` have no `lineHeight`, and ECharts then spaces lines by
/// the width of a CJK glyph, which collapses multi-line labels on systems without CJK fonts.
/// So every line is its own label, offset by the theme's line height; lines that share an
/// offset share a series (ids `text-0`, `text-1`, …). Append these after the data series so
/// data series indices (and marks) are unaffected.
pub(crate) fn text_series(theme: &Theme, texts: &[Text]) -> Vec<Scatter> {
    let lh = line_height(theme);
    let mut groups: Vec<((Align, i64, i64), Vec<DataPoint>)> = Vec::new();
    for t in texts {
        let lines: Vec<&str> = t.text.lines().collect();
        let n = lines.len() as f64;
        for (j, line) in lines.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let j = j as f64;
            let dy = match t.place {
                Place::Above(gap) => -(gap + (n - 1.0 - j) * lh + lh / 2.0),
                Place::Middle(shift) => shift + (j - (n - 1.0) / 2.0) * lh,
            };
            let key = (
                t.align,
                (t.distance * 100.0).round() as i64,
                (dy * 100.0).round() as i64,
            );
            let point = item(vec![t.x, t.y], *line);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, points)) => points.push(point),
                None => groups.push((key, vec![point])),
            }
        }
    }
    groups
        .into_iter()
        .enumerate()
        .map(|(k, ((align, distance, dy), points))| {
            let (position, text_align) = match align {
                Align::Left => (LabelPosition::Left, LabelAlign::Right),
                Align::Right => (LabelPosition::Right, LabelAlign::Left),
                Align::Center => (LabelPosition::Inside, LabelAlign::Center),
            };
            Scatter::new()
                .id(format!("text-{k}"))
                .name("")
                .symbol(Symbol::Rect)
                .symbol_size(1.0)
                .item_style(ItemStyle::new().color("transparent"))
                .label(
                    name_label(theme)
                        .position(position)
                        .align(text_align)
                        .vertical_align(LabelVerticalAlign::Middle)
                        .distance(distance as f64 / 100.0)
                        .offset((0.0, dy as f64 / 100.0)),
                )
                .data(points)
        })
        .collect()
}

/// A round tick step (1, 2, 2.5 or 5 times a power of ten) dividing `span` into at most
/// `max_ticks` intervals.
pub(crate) fn nice_step(span: f64, max_ticks: f64) -> f64 {
    let raw = (span / max_ticks.max(1.0)).abs();
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

/// The round tick step for an axis over at least `lo..hi` that wastes the least room: of the
/// steps whose tick labels (each `label_w` px, plus a gap) fit `plot_w` px without touching,
/// the one whose rounded-out axis is shortest (the coarser one on a tie), with at least two
/// intervals if any fit.
pub(crate) fn fitting_step(lo: f64, hi: f64, plot_w: f64, label_w: f64) -> f64 {
    let span = hi - lo;
    let intervals = |step: f64| ((hi / step).ceil() - (lo / step).floor()).max(1.0);
    let fitting: Vec<f64> = (1..=12)
        .map(|ticks| nice_step(span, f64::from(ticks)))
        .filter(|step| plot_w / intervals(*step) >= label_w + 24.0)
        .collect();
    let several: Vec<f64> = fitting.iter().copied().filter(|s| intervals(*s) >= 2.0).collect();
    let candidates = if several.is_empty() { fitting } else { several };
    candidates
        .into_iter()
        .min_by(|a, b| (intervals(*a) * a).total_cmp(&(intervals(*b) * b)).then(b.total_cmp(a)))
        .unwrap_or_else(|| nice_step(span, 1.0))
}

/// How many tick intervals fit across `plot_w` px with labels like `sample` (1 to 6).
pub(crate) fn tick_count(theme: &Theme, plot_w: f64, sample: &str) -> f64 {
    (plot_w / (text_width(theme, sample) + 24.0)).floor().clamp(1.0, 6.0)
}

pub(crate) fn line_height(theme: &Theme) -> f64 {
    (theme.font_size * LINE).round()
}

/// Estimated width in pixels of `text` (its longest line) at the theme's size.
pub(crate) fn text_width(theme: &Theme, text: &str) -> f64 {
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    (longest as f64 * theme.font_size * GLYPH).ceil()
}

/// Estimated height in pixels of `text` at the theme's size.
pub(crate) fn text_height(theme: &Theme, text: &str) -> f64 {
    text.lines().count().max(1) as f64 * line_height(theme)
}

/// How many characters fit in `px` at the theme's size (never fewer than `floor`).
pub(crate) fn chars_in(theme: &Theme, px: f64, floor: usize) -> usize {
    ((px / (theme.font_size * GLYPH)).floor().max(0.0) as usize).max(floor)
}

/// Greedy word wrap to lines of at most `max` characters. A longer word is split after its
/// hyphens if that helps, and otherwise gets a line of its own.
pub(crate) fn wrap(text: &str, max: usize) -> String {
    let mut words: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        if word.chars().count() > max && word.contains('-') {
            words.extend(word.split_inclusive('-'));
        } else {
            words.push(word);
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words {
        let fits = line.is_empty() || line.chars().count() + 1 + word.chars().count() <= max;
        if !fits {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() && !line.ends_with('-') {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

/// Height in pixels of a legend of `items` laid out like ECharts does (25 px icons, 10 px gaps,
/// 5 px padding), horizontally wrapping within `width`, or one item per line if `vertical`.
pub(crate) fn legend_height(theme: &Theme, items: &[String], width: f64, vertical: bool) -> f64 {
    let item_h = |t: &str| text_height(theme, t).max(14.0);
    let mut total = 0.0;
    let (mut row_w, mut row_h) = (0.0, 0.0f64);
    for t in items {
        let w = 25.0 + 5.0 + text_width(theme, t);
        if vertical || (row_w > 0.0 && row_w + w > width - 10.0) {
            if row_w > 0.0 {
                total += row_h + 10.0;
            }
            row_w = 0.0;
            row_h = 0.0;
        }
        row_w += w + 10.0;
        row_h = row_h.max(item_h(t));
    }
    total + row_h + 10.0
}

/// A row's number as printed (`21,000`), after its qualifier unless that names a claimant
/// (`about 21,000`).
pub(crate) fn qualified_number(row: &Row) -> String {
    let n = crate::format::number(&row.value_text);
    match row.qualifier.as_str() {
        "" => n,
        q if q.starts_with("claimed by ") => n,
        q => format!("{q} {n}"),
    }
}

/// The short name of the person a row's qualifier says made the claim (`claimed by ots`).
pub(crate) fn claimant<'a>(content: &'a Content, row: &Row) -> Option<&'a str> {
    let id = row.qualifier.strip_prefix("claimed by ")?;
    content.person(id.trim()).map(|p| p.short.as_str())
}

/// A dataset period for readers: `1930-05/1930-08` → `May–August 1930`, `1928/1932` →
/// `1928–1932`, `1930-10` → `October 1930`; anything else (`1928/29`, `1930-Q4`) as written.
pub(crate) fn period(text: &str) -> String {
    fn part(p: &str) -> Option<(u16, Option<&'static str>)> {
        let (y, m) = p.split_once('-').map_or((p, None), |(y, m)| (y, Some(m)));
        if y.len() != 4 {
            return None;
        }
        let year = y.parse().ok()?;
        match m {
            None => Some((year, None)),
            Some(m) => {
                let month: usize = m.parse().ok()?;
                Some((year, Some(*MONTHS.get(month.checked_sub(1)?)?)))
            }
        }
    }
    match text.split_once('/') {
        None => match part(text) {
            Some((y, Some(m))) => format!("{m} {y}"),
            _ => text.to_string(),
        },
        Some((a, b)) => match (part(a), part(b)) {
            (Some((ya, Some(ma))), Some((yb, Some(mb)))) if ya == yb => format!("{ma}–{mb} {ya}"),
            (Some((ya, Some(ma))), Some((yb, Some(mb)))) => format!("{ma} {ya}–{mb} {yb}"),
            (Some((ya, None)), Some((yb, None))) => format!("{ya}–{yb}"),
            _ => text.to_string(),
        },
    }
}

/// A label shortened to its first clause (before a colon, else before a comma).
pub(crate) fn first_clause(label: &str) -> &str {
    let cut = label.find(':').or_else(|| label.find(','));
    cut.map_or(label, |i| &label[..i]).trim()
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Checks every chart's tests share: the real content, the themes and widths to try, and
    //! walks over the serialised option.

    use super::super::{ChartSpec, Theme};
    use kirov_content::{Content, Figure};
    use serde_json::Value;
    use std::collections::BTreeSet;
    use std::sync::OnceLock;

    pub fn content() -> &'static Content {
        static CONTENT: OnceLock<Content> = OnceLock::new();
        CONTENT.get_or_init(|| {
            kirov_content::parse::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))
                .unwrap_or_else(|report| panic!("data/ does not load:\n{report}"))
        })
    }

    pub fn figure(id: &str) -> &'static Figure {
        content().figure(id).unwrap_or_else(|| panic!("no figure {id}"))
    }

    pub fn themes() -> [Theme; 3] {
        [Theme::light(), Theme::dark(), Theme::projector()]
    }

    /// The widths the brief requires, plus the extremes the page supports.
    pub const WIDTHS: [f64; 5] = [300.0, 320.0, 500.0, 1280.0, 1900.0];

    pub fn json(spec: &ChartSpec) -> Value {
        serde_json::to_value(&spec.chart).expect("the option serialises")
    }

    pub fn series(v: &Value) -> &Vec<Value> {
        v["series"].as_array().expect("series is an array")
    }

    /// The numbers of one data item: a bare value, an array, or an item's `value`.
    pub fn numbers(item: &Value) -> Vec<Option<f64>> {
        let value = item.get("value").unwrap_or(item);
        match value {
            Value::Array(a) => a.iter().map(Value::as_f64).collect(),
            other => vec![other.as_f64()],
        }
    }

    /// A series' data (charming leaves out an empty `data`).
    pub fn data(v: &Value, series: usize) -> &[Value] {
        assert!(v["series"][series].is_object(), "no series {series}");
        v["series"][series]["data"].as_array().map_or(&[], Vec::as_slice)
    }

    /// The lines drawn by [`super::text_series`], in series order.
    pub fn text_lines(v: &Value) -> Vec<String> {
        series(v)
            .iter()
            .filter(|s| s["id"].as_str().is_some_and(|id| id.starts_with("text-")))
            .flat_map(|s| s["data"].as_array().into_iter().flatten())
            .map(|d| d["name"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Text as it read before [`super::wrap`] broke it into lines.
    pub fn unwrap(text: &str) -> String {
        text.replace("-\n", "-").replace('\n', " ")
    }

    /// Whether every line of `text` is drawn.
    pub fn draws(v: &Value, text: &str) -> bool {
        let lines = text_lines(v);
        text.lines().all(|l| lines.iter().any(|d| d == l))
    }

    /// Every label, axis label, legend and title text in the option is drawn at least at the
    /// theme's size in its family: no text falls back to ECharts' 12 px default.
    pub fn assert_text(v: &Value, theme: &Theme, path: &str) {
        match v {
            Value::Object(map) => {
                for (key, child) in map {
                    let here = format!("{path}.{key}");
                    if key == "aria" {
                        continue; // Not drawn: the aria label is read out, not rendered.
                    }
                    let texty = matches!(key.as_str(), "label" | "axisLabel" | "textStyle" | "nameTextStyle");
                    if texty && child.get("show") != Some(&Value::Bool(false)) {
                        let size = child["fontSize"].as_f64();
                        assert!(
                            size.is_some_and(|s| s >= theme.font_size),
                            "{here}: fontSize {size:?} < {} ({})",
                            theme.font_size,
                            theme.name
                        );
                        assert_eq!(child["fontFamily"], theme.font_family, "{here}: font family");
                    }
                    if key == "fontSize" {
                        let size = child.as_f64().unwrap_or(0.0);
                        assert!(size >= theme.font_size, "{here}: {size} < {}", theme.font_size);
                    }
                    assert_text(child, theme, &here);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    assert_text(child, theme, &format!("{path}[{i}]"));
                }
            }
            _ => {}
        }
    }

    /// What every option must carry whatever the figure.
    pub fn assert_common(v: &Value, figure: &Figure, theme: &Theme) {
        assert_eq!(v["aria"]["enabled"], true);
        assert_eq!(v["aria"]["decal"]["show"], true);
        assert_eq!(v["title"][0]["text"], figure.description.as_str());
        assert_eq!(v["title"][0]["show"], false);
        assert_eq!(v["tooltip"]["trigger"], "none");
        assert_eq!(v["tooltip"]["triggerOn"], "none");
        assert_eq!(v["animation"], theme.animation);
        assert_eq!(v["backgroundColor"], "transparent");
        let palette: Vec<&str> = theme.palette.to_vec();
        assert_eq!(v["color"], serde_json::json!(palette));
        let grids = match &v["grid"] {
            Value::Array(a) => a.clone(),
            other => vec![other.clone()],
        };
        assert!(grids.iter().all(|g| g["containLabel"] == true), "grid.containLabel");
        assert_text(v, theme, "option");
    }

    /// Marks have the expected keys in order, each once, and every target exists.
    pub fn assert_marks(spec: &ChartSpec, v: &Value, expected: &[String]) {
        let keys: Vec<&str> = spec.marks.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, expected.iter().map(String::as_str).collect::<Vec<_>>());
        let unique: BTreeSet<&str> = keys.iter().copied().collect();
        assert_eq!(unique.len(), keys.len(), "a key appears twice");
        let all = series(v);
        for mark in &spec.marks {
            assert!(!mark.targets.is_empty(), "{} draws nothing", mark.key);
            for (s, i) in &mark.targets {
                let series = all.get(*s).unwrap_or_else(|| panic!("{}: no series {s}", mark.key));
                if let Some(i) = i {
                    let data = series["data"].as_array().expect("data");
                    assert!(*i < data.len(), "{}: no item {i} in series {s}", mark.key);
                    assert!(
                        numbers(&data[*i]).iter().all(Option::is_some),
                        "{}: empty item",
                        mark.key
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_blocks_become_offset_lines() {
        let theme = Theme::light();
        let lh = line_height(&theme);
        let block = |place| Text {
            x: 1.0,
            y: 2.0,
            text: "one\ntwo".into(),
            align: Align::Right,
            place,
            distance: 4.0,
        };
        let offsets = |place| -> Vec<(String, f64)> {
            text_series(&theme, &[block(place)])
                .iter()
                .map(|s| {
                    let v = serde_json::to_value(s).unwrap();
                    (
                        v["data"][0]["name"].as_str().unwrap().to_string(),
                        v["label"]["offset"][1].as_f64().unwrap(),
                    )
                })
                .collect()
        };
        assert_eq!(
            offsets(Place::Middle(0.0)),
            vec![("one".into(), -lh / 2.0), ("two".into(), lh / 2.0)]
        );
        assert_eq!(
            offsets(Place::Above(3.0)),
            vec![("one".into(), -(3.0 + 1.5 * lh)), ("two".into(), -(3.0 + lh / 2.0))]
        );
        // Lines at the same offset share a series.
        let two = [
            block(Place::Middle(0.0)),
            Text {
                y: 5.0,
                ..block(Place::Middle(0.0))
            },
        ];
        assert_eq!(text_series(&theme, &two).len(), 2);
    }

    /// Builders never panic: not on missing rows, missing events or absurd widths.
    #[test]
    fn builders_survive_missing_data_and_odd_widths() {
        let real = test_support::content();
        let mut empty = real.clone();
        empty.events.clear();
        for d in &mut empty.datasets {
            d.rows.clear();
        }
        for figure in &real.figures {
            for content in [real, &empty] {
                for width in [0.0, 1.0, 120.0, 320.0, 5000.0] {
                    for theme in test_support::themes() {
                        let spec = super::super::build(figure, content, &theme, width).expect("a builder");
                        serde_json::to_value(&spec.chart).expect("serialises");
                        let h = super::super::height(figure, content, &theme, width).expect("a height");
                        assert!(h.is_finite() && h > 0.0, "{} at {width}: height {h}", figure.id);
                        if std::ptr::eq(content, &empty) {
                            assert!(spec.marks.is_empty(), "{}: marks without rows", figure.id);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(200_374.0, 2.0), 200_000.0);
        assert_eq!(nice_step(200_374.0, 4.0), 100_000.0);
        assert_eq!(nice_step(100.0, 4.0), 25.0);
        assert_eq!(nice_step(60.0, 6.0), 10.0);
        assert_eq!(nice_step(0.0, 6.0), 1.0);
    }

    #[test]
    fn fitting_steps_waste_little_room() {
        // 0 to 200,374 with 60 px labels: in 260 px, 0..300,000 in steps of 100,000; in
        // 200 px, steps of 200,000 (one of 250,000 would be shorter, but says less).
        assert_eq!(fitting_step(0.0, 200_374.0, 260.0, 60.0), 100_000.0);
        assert_eq!(fitting_step(0.0, 200_374.0, 200.0, 60.0), 200_000.0);
        // 74 to 152 in 900 px: steps of 10, 80..160 rather than 60..160 in steps of 20.
        assert_eq!(fitting_step(74.0, 152.0, 900.0, 30.0), 10.0);
        // No room at all: one interval.
        assert_eq!(fitting_step(0.0, 100.0, 10.0, 60.0), 100.0);
    }

    #[test]
    fn wraps_on_words() {
        assert_eq!(
            wrap("Peasant origin (union members)", 16),
            "Peasant origin\n(union members)"
        );
        assert_eq!(wrap("short", 40), "short");
        assert_eq!(wrap("a verylongword b", 4), "a\nverylongword\nb");
        assert_eq!(wrap("Machine-builders' share", 12), "Machine-\nbuilders'\nshare");
        assert_eq!(wrap("Machine-builders' share", 30), "Machine-builders' share");
    }

    #[test]
    fn periods_read_naturally() {
        assert_eq!(period("1930-05/1930-08"), "May–August 1930");
        assert_eq!(period("1928/1932"), "1928–1932");
        assert_eq!(period("1928/29"), "1928/29");
        assert_eq!(period("1930-10"), "October 1930");
        assert_eq!(period("1930-Q4"), "1930-Q4");
        assert_eq!(period("1930"), "1930");
    }

    #[test]
    fn first_clauses() {
        assert_eq!(
            first_clause("Automatic expulsions: chronic absence"),
            "Automatic expulsions"
        );
        assert_eq!(
            first_clause("Expelled on all other grounds, the ceiling"),
            "Expelled on all other grounds"
        );
        assert_eq!(first_clause("Expelled for drunkenness"), "Expelled for drunkenness");
    }
}
