//! Text in charts: rough metrics for layout, word wrapping, and blocks of text drawn as series.
//!
//! Layout is done in Rust because the option must be plain data (no JavaScript callbacks), so
//! label sizes are estimated from character counts. The estimates err on the wide side.

use crate::base::{item, name_label};
use crate::Theme;
use charming::datatype::DataPoint;
use charming::element::{ItemStyle, LabelAlign, LabelPosition, LabelVerticalAlign, Symbol};
use charming::series::Scatter;

/// Average glyph width as a multiple of the font size, for estimates (generous for digits and
/// lower case in the system sans-serifs).
const GLYPH: f64 = 0.58;

/// Estimated width in pixels of `text` (its longest line) at the theme's size.
pub(crate) fn text_width(theme: &Theme, text: &str) -> f64 {
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    (longest as f64 * theme.font_size * GLYPH).ceil()
}

/// Estimated height in pixels of `text` at the theme's size.
pub(crate) fn text_height(theme: &Theme, text: &str) -> f64 {
    text.lines().count().max(1) as f64 * theme.line_height()
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
/// The option with `texts` laid over it as label series (added last, so they draw on top).
pub(crate) fn with_texts(mut chart: charming::Chart, theme: &Theme, texts: &[Text]) -> charming::Chart {
    for series in text_series(theme, texts) {
        chart = chart.series(series);
    }
    chart
}

/// As [`with_texts`], where `keys[i]` names the mark `texts[i]` labels (a row's name beside its
/// bar): a tap on any line of that label then finds the mark, as a tap on the bar does.
pub(crate) fn with_labels(
    chart: charming::Chart,
    theme: &Theme,
    texts: &[Text],
    keys: &[String],
) -> (charming::Chart, Vec<TextLabel>) {
    let labels = grouped(theme, texts)
        .into_iter()
        .enumerate()
        .flat_map(|(group, (_, points))| {
            points.into_iter().enumerate().filter_map(move |(index, (_, text))| {
                keys.get(text).map(|key| TextLabel {
                    group,
                    index,
                    key: key.clone(),
                })
            })
        })
        .collect();
    (with_texts(chart, theme, texts), labels)
}

/// One line of a text series that labels a mark: item `index` of series `text-<group>`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TextLabel {
    pub group: usize,
    pub index: usize,
    pub key: String,
}

/// The texts' lines grouped by how they are drawn (side, distance, offset), each line with the
/// index of the text it belongs to: a group becomes one series (`text-<k>`).
type Groups = Vec<((Align, i64, i64), Vec<(DataPoint, usize)>)>;

fn grouped(theme: &Theme, texts: &[Text]) -> Groups {
    let lh = theme.line_height();
    let mut groups: Groups = Vec::new();
    for (i, t) in texts.iter().enumerate() {
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
            let point = (item(vec![t.x, t.y], *line), i);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, points)) => points.push(point),
                None => groups.push((key, vec![point])),
            }
        }
    }
    groups
}

pub(crate) fn text_series(theme: &Theme, texts: &[Text]) -> Vec<Scatter> {
    grouped(theme, texts)
        .into_iter()
        .enumerate()
        .map(|(k, ((align, distance, dy), points))| {
            let points: Vec<DataPoint> = points.into_iter().map(|(p, _)| p).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_blocks_become_offset_lines() {
        let theme = Theme::light();
        let lh = theme.line_height();
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

    #[test]
    fn wraps_on_words() {
        assert_eq!(wrap("Shop delegates (elected)", 16), "Shop delegates\n(elected)");
        assert_eq!(wrap("short", 40), "short");
        assert_eq!(wrap("a verylongword b", 4), "a\nverylongword\nb");
        assert_eq!(wrap("Counter-planners' share", 12), "Counter-\nplanners'\nshare");
        assert_eq!(wrap("Counter-planners' share", 30), "Counter-planners' share");
    }
}
