//! The parts every option is built from: the base option (accessibility, tooltip, animation,
//! background), themed text styles, axes and data items.

use crate::Theme;
use charming::component::{Aria, Axis, Decal, DecalItem, Title};
use charming::datatype::{CompositeValue, DataPoint, DataPointItem};
use charming::element::{
    AxisLabel, AxisLine, AxisTick, AxisType, Label, LineStyle, SplitLine, Symbol, TextStyle, Tooltip, Trigger,
    TriggerOn,
};
use charming::Chart;
use kirov_content::Figure;

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
        .line_height(theme.line_height())
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

/// A 1.5 px rule in the text colour drawn as a mark line (a zero line, a reference value):
/// silent, without end symbols. The caller adds its label and data.
pub(crate) fn strong_rule(theme: &Theme, kind: charming::element::LineStyleType) -> charming::element::MarkLine {
    charming::element::MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(LineStyle::new().color(theme.text).width(1.5).type_(kind))
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
