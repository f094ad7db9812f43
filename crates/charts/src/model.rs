//! What the reading view needs to make a figure's prerendered chart interactive, as one plain,
//! serialisable value built natively from content: for each width the chart was drawn at, its
//! height, its marks (what each datum's SVG element stands for) and the lines of text that
//! label them; and what each mark's tooltip shows. The browser reads it from the page and never
//! builds an option or reads content for it.

use crate::{Drawing, Mark, TextLabel};
use kirov_content::{format, Content, Inline};
use serde::{Deserialize, Serialize};

/// The class of the JSON data block holding a figure's [`ChartModel`], inside its chart element.
pub const MODEL_CLASS: &str = "chart-model";

/// A figure's prerendered chart, at every width drawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartModel {
    /// The figure's id.
    pub figure: String,
    /// The accessible name of the chart's group.
    pub label: String,
    /// One per prerendered width, narrowest first.
    pub layouts: Vec<Layout>,
    /// What the tooltip of each mark shows, one per key.
    pub tips: Vec<Tip>,
}

/// A note as a tooltip links to it: its label (`#note-<label>`) and the number it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteRef {
    pub label: String,
    pub display: String,
}

/// What a mark's tooltip shows, written out from content at build time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Tip {
    /// A dataset row: its name, value, period in words and place, who claimed it, its note and
    /// the paragraph that cites it.
    Datum {
        key: String,
        label: String,
        value: String,
        period: String,
        place: String,
        /// (person id, short name) when the value is someone's claim.
        claimant: Option<(String, String)>,
        note: NoteRef,
        passage: Option<String>,
    },
    /// A timeline event: its date, title, kinds and note.
    Event {
        key: String,
        date: String,
        iso_date: String,
        /// The event's title: the build renders it into `title_html` (not written out).
        #[serde(skip)]
        title: Vec<Inline>,
        /// The title as the page's markup, rendered at build time (src/chart_prerender.rs), so
        /// the browser needs no content to show it.
        #[serde(default)]
        title_html: String,
        tags: String,
        note: NoteRef,
    },
}

impl Tip {
    pub fn key(&self) -> &str {
        match self {
            Tip::Datum { key, .. } | Tip::Event { key, .. } => key,
        }
    }

    /// The tooltip of mark `key` (`dataset/row` or `event/<id>`), if content has it.
    pub fn of(key: &str, content: &Content) -> Option<Tip> {
        let note = |label: &str| NoteRef {
            label: label.to_string(),
            display: content
                .note(label)
                .map_or_else(|| label.to_string(), |n| n.display.clone()),
        };
        if let Some(id) = key.strip_prefix("event/") {
            let e = content.events.iter().find(|e| e.id == id)?;
            return Some(Tip::Event {
                key: key.to_string(),
                date: format::date(&e.date),
                iso_date: format::iso_date(&e.date),
                title: e.title.clone(),
                title_html: String::new(),
                tags: e.tags.iter().map(|t| t.label()).collect::<Vec<_>>().join(" · "),
                note: note(&e.note),
            });
        }
        let (set, row) = key.split_once('/')?;
        let r = content.dataset(set)?.row(row)?;
        Some(Tip::Datum {
            key: key.to_string(),
            label: r.label.clone(),
            value: format::value(r),
            period: format::period(&r.period),
            place: r.place.clone(),
            claimant: content.claimant(r).map(|p| (p.id.clone(), p.short.clone())),
            note: note(&r.note),
            passage: content.citing_paragraph(set, row).map(str::to_string),
        })
    }
}

/// The chart drawn at one width.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// In reading order: keyboard stepping goes through these.
    pub marks: Vec<Mark>,
    /// The lines of text that label a mark (a row's name).
    pub labels: Vec<TextLabel>,
    /// (series index, group) of every series of text lines (`text-<group>`).
    pub text_series: Vec<(usize, usize)>,
    /// How many data items the chart draws, label series included.
    pub points: usize,
}

impl Layout {
    /// The layout of `drawing`, drawn at `width`.
    pub fn of(drawing: &Drawing, width: f64) -> Layout {
        let option = serde_json::to_value(&drawing.option).unwrap_or_default();
        let series = option
            .get("series")
            .and_then(|s| s.as_array())
            .cloned()
            .unwrap_or_default();
        let text_series = series
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let id = s.get("id")?.as_str()?;
                Some((i, id.strip_prefix("text-")?.parse().ok()?))
            })
            .collect();
        Layout {
            width,
            height: drawing.height,
            marks: drawing.marks.clone(),
            labels: drawing.labels.clone(),
            text_series,
            points: crate::drawn_points(&drawing.option),
        }
    }

    /// The mark an element drawn by series `series`, item `index` stands for: a line of a row's
    /// name stands for its row; else the most specific mark drawing it.
    pub fn mark_at(&self, series: usize, index: usize) -> Option<&Mark> {
        let labelled = self
            .text_series
            .iter()
            .find(|(s, _)| *s == series)
            .and_then(|(_, group)| self.labels.iter().find(|l| l.group == *group && l.index == index))
            .and_then(|l| self.mark(&l.key));
        labelled.or_else(|| crate::find_mark(&self.marks, series, index))
    }

    pub fn mark(&self, key: &str) -> Option<&Mark> {
        self.marks.iter().find(|m| m.key == key)
    }

    /// The position of `key` in reading order.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.marks.iter().position(|m| m.key == key)
    }
}

impl ChartModel {
    /// The tooltips of every mark in `layouts`, each key once.
    pub fn tips_for(layouts: &[Layout], content: &Content) -> Vec<Tip> {
        let mut tips: Vec<Tip> = Vec::new();
        for mark in layouts.iter().flat_map(|l| &l.marks) {
            if !tips.iter().any(|t| t.key() == mark.key) {
                tips.extend(Tip::of(&mark.key, content));
            }
        }
        tips
    }

    /// The tooltip of mark `key`.
    pub fn tip(&self, key: &str) -> Option<&Tip> {
        self.tips.iter().find(|t| t.key() == key)
    }

    /// The layout drawn at `width`, or the nearest one.
    pub fn layout(&self, width: f64) -> Option<&Layout> {
        self.layouts
            .iter()
            .min_by(|a, b| (a.width - width).abs().total_cmp(&(b.width - width).abs()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use crate::{build, Theme};

    #[test]
    fn a_model_round_trips_through_json_and_finds_marks_as_the_drawing_does() {
        for figure in &content().figures {
            let drawing = build(figure, content(), &Theme::light(), 608.0);
            let layout = Layout::of(&drawing, 608.0);
            let model = ChartModel {
                figure: figure.id.clone(),
                label: crate::label(figure),
                layouts: vec![layout.clone()],
                tips: ChartModel::tips_for(std::slice::from_ref(&layout), content()),
            };
            // Every mark has its tooltip.
            for mark in &layout.marks {
                assert_eq!(
                    model.tip(&mark.key).map(Tip::key),
                    Some(mark.key.as_str()),
                    "{}",
                    figure.id
                );
            }
            let json = serde_json::to_string(&model).unwrap();
            let back: ChartModel = serde_json::from_str(&json).unwrap();
            // All but an event's title, which the build renders into `title_html` instead.
            let mut without_titles = model.clone();
            for tip in &mut without_titles.tips {
                if let Tip::Event { title, .. } = tip {
                    title.clear();
                }
            }
            assert_eq!(back, without_titles);
            assert_eq!(back.layout(600.0), Some(&layout));
            assert_eq!(layout.points, crate::drawn_points(&drawing.option));
            for mark in &drawing.marks {
                for (s, i) in &mark.targets {
                    let i = i.unwrap_or(0);
                    assert_eq!(
                        layout.mark_at(*s, i).map(|m| &m.key),
                        drawing.mark_at(*s, i).map(|m| &m.key),
                        "{}",
                        figure.id
                    );
                }
            }
            // A row's name opens its row, as a click on a label series does live.
            for label in &drawing.labels {
                let (s, _) = layout.text_series.iter().find(|(_, g)| *g == label.group).unwrap();
                assert_eq!(
                    layout.mark_at(*s, label.index).map(|m| m.key.as_str()),
                    Some(label.key.as_str())
                );
                assert_eq!(
                    drawing
                        .mark_labelled(&format!("text-{}", label.group), label.index)
                        .map(|m| &m.key),
                    Some(&label.key)
                );
            }
        }
    }
}
