//! `data/figures.toml`: the figures sections place with `::figure <id>`, each with its kind and
//! the encodings its kind's chart reads (see data/README.md).

use super::diagnostic::{nearest, Diagnostic, Span};
use super::inline::{RawRef, RefKind};
use super::toml_file::{non_empty, read, rich, span};
use crate::model::{DrawnSeries, Figure, FigureKind, FigureSource, Lane, Per, Reference, RowEncoding, Tag, Waffle};
use serde::Deserialize;
use toml::Spanned;

/// The `dataset` value that means the events of `data/timeline.toml`.
pub const TIMELINE: &str = "timeline";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    figure: Vec<RawFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    id: Spanned<String>,
    title: Spanned<String>,
    caption: Spanned<String>,
    dataset: Spanned<String>,
    #[serde(default)]
    series: Vec<Spanned<String>>,
    kind: Spanned<String>,
    description: Spanned<String>,
    notes: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    draw: Vec<RawDraw>,
    #[serde(default)]
    row: Vec<RawRow>,
    #[serde(default)]
    lane: Vec<RawLane>,
    ends: Option<Spanned<Vec<String>>>,
    reference: Option<Spanned<RawReference>>,
    whole: Option<Spanned<String>>,
    part: Option<Spanned<String>>,
    rest: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDraw {
    series: Spanned<String>,
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRow {
    id: Spanned<String>,
    name: Option<String>,
    annotation: Option<String>,
    per: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    value: f64,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLane {
    tag: Spanned<String>,
    name: Spanned<String>,
}

/// A figure's references into its dataset, kept with their places for the cross-checks.
pub struct DatasetRefs {
    pub figure: String,
    pub dataset: (String, Span),
    pub series: Vec<(String, Span)>,
    /// Series named by `[[figure.draw]]`.
    pub drawn: Vec<(String, Span)>,
    /// Rows named by `[[figure.row]]`, `whole` and `part`.
    pub rows: Vec<(String, Span)>,
}

pub struct Figures {
    pub figures: Vec<Figure>,
    pub refs: Vec<RawRef>,
    pub id_spans: Vec<Span>,
    /// One per figure that draws a dataset, for checking against the datasets.
    pub dataset_refs: Vec<DatasetRefs>,
}

pub fn parse(file: usize, text: &str, out: &mut Vec<Diagnostic>) -> Figures {
    let mut f = Figures {
        figures: Vec::new(),
        refs: Vec::new(),
        id_spans: Vec::new(),
        dataset_refs: Vec::new(),
    };
    let Some(raw) = read::<File>(file, text, "figures.toml", out) else {
        return f;
    };
    for fig in raw.figure {
        non_empty(file, &fig.title, "title", out);
        non_empty(file, &fig.description, "description", out);
        if fig.notes.get_ref().is_empty() {
            out.push(
                Diagnostic::new(
                    span(file, &fig.notes),
                    format!("figure `{}` has no source notes", fig.id.get_ref()),
                )
                .help("list the note labels its numbers come from, e.g. notes = [\"n76\"]"),
            );
        }
        for n in fig.notes.get_ref() {
            f.refs.push(RawRef {
                kind: RefKind::Note,
                id: n.get_ref().clone(),
                text: String::new(),
                span: span(file, n),
            });
        }
        let kind = kind(file, &fig, out);
        let source = source(file, &fig, kind.as_ref(), out);
        if let FigureSource::Dataset(set) = &source {
            let spanned = |v: &Spanned<String>| (v.get_ref().clone(), span(file, v));
            f.dataset_refs.push(DatasetRefs {
                figure: fig.id.get_ref().clone(),
                dataset: (set.clone(), span(file, &fig.dataset)),
                series: fig.series.iter().map(spanned).collect(),
                drawn: fig.draw.iter().map(|d| spanned(&d.series)).collect(),
                rows: (fig.row.iter().map(|r| &r.id))
                    .chain(fig.whole.iter())
                    .chain(fig.part.iter())
                    .map(spanned)
                    .collect(),
            });
        }
        let rows = fig
            .row
            .into_iter()
            .map(|r| RowEncoding {
                per: r.per.and_then(|p| per(file, &p, out)),
                id: r.id.into_inner(),
                name: r.name,
                annotation: r.annotation,
            })
            .collect();
        let caption = rich(file, &fig.caption, &mut f.refs, out);
        f.id_spans.push(span(file, &fig.id));
        f.figures.push(Figure {
            id: fig.id.into_inner(),
            title: fig.title.into_inner(),
            caption,
            source,
            series: fig.series.into_iter().map(|s| s.into_inner()).collect(),
            // After an error nothing is built, so any kind will do in its place.
            kind: kind.unwrap_or(FigureKind::Bar),
            description: fig.description.into_inner(),
            notes: fig.notes.into_inner().into_iter().map(|n| n.into_inner()).collect(),
            draw: fig
                .draw
                .into_iter()
                .map(|d| DrawnSeries {
                    series: d.series.into_inner(),
                    name: d.name,
                })
                .collect(),
            rows,
        });
    }
    f
}

/// The figure's kind with its own settings, reporting an unknown kind, a setting it lacks, and
/// any setting that belongs to another kind.
fn kind(file: usize, fig: &RawFigure, out: &mut Vec<Diagnostic>) -> Option<FigureKind> {
    let key = fig.kind.get_ref().as_str();
    let at = span(file, &fig.kind);
    let mut foreign = |field: &str, value: Option<Span>, owner: &str| {
        if let (Some(value), false) = (value, key == owner) {
            out.push(
                Diagnostic::new(value, format!("`{field}` is only for {owner} figures, not {key}"))
                    .help(format!("remove it, or make the figure `kind = \"{owner}\"`")),
            );
        }
    };
    foreign("ends", fig.ends.as_ref().map(|v| span(file, v)), "dumbbell");
    foreign("reference", fig.reference.as_ref().map(|v| span(file, v)), "dot");
    for (field, value) in [("whole", &fig.whole), ("part", &fig.part), ("rest", &fig.rest)] {
        foreign(field, value.as_ref().map(|v| span(file, v)), "waffle");
    }
    foreign(
        "[[figure.lane]]",
        fig.lane.first().map(|l| span(file, &l.tag)),
        "timeline",
    );
    let missing = |field: &str, example: &str| {
        Diagnostic::new(at, format!("a {key} figure needs `{field}`")).help(format!("add it, e.g. {example}"))
    };
    match key {
        "bar" => Some(FigureKind::Bar),
        "column" => Some(FigureKind::Column),
        "slope" => Some(FigureKind::Slope),
        "diverging" => Some(FigureKind::Diverging),
        "dot" => Some(FigureKind::Dot {
            reference: fig.reference.as_ref().map(|r| Reference {
                value: r.get_ref().value,
                label: r.get_ref().label.clone(),
            }),
        }),
        "waffle" => {
            let text = |v: &Option<Spanned<String>>| v.as_ref().map(|s| s.get_ref().clone());
            let (whole, rest) = (text(&fig.whole), text(&fig.rest));
            if whole.is_none() {
                out.push(missing(
                    "whole",
                    "whole = \"delegates\" (the id of the row counted out in squares)",
                ));
            }
            if rest.is_none() {
                out.push(missing(
                    "rest",
                    "rest = \"Stayed\" (the name of what the drawn rows leave of the whole)",
                ));
            }
            Some(FigureKind::Waffle(Waffle {
                whole: whole?,
                part: text(&fig.part),
                rest: rest?,
            }))
        }
        "dumbbell" => match fig.ends.as_ref().map(|e| (e.get_ref(), span(file, e))) {
            Some((names, _)) if names.len() == 2 => Some(FigureKind::Dumbbell {
                ends: [names[0].clone(), names[1].clone()],
            }),
            Some((names, at)) => {
                out.push(
                    Diagnostic::new(at, format!("`ends` has {} names; a dumbbell has two ends", names.len()))
                        .help("name a pair's first figure and its second, e.g. ends = [\"Ordered\", \"Promised\"]"),
                );
                None
            }
            None => {
                out.push(missing(
                    "ends",
                    "ends = [\"Ordered\", \"Promised\"] (the legend's names for a pair's two figures)",
                ));
                None
            }
        },
        "timeline" => {
            let lanes: Vec<Lane> = fig.lane.iter().filter_map(|l| lane(file, l, out)).collect();
            if fig.lane.is_empty() {
                out.push(missing(
                    "[[figure.lane]]",
                    "[[figure.lane]] with tag = \"personnel\" and name = \"Directors and secretaries\"",
                ));
            }
            Some(FigureKind::Timeline { lanes })
        }
        _ => {
            out.push(
                Diagnostic::new(at, format!("unknown figure kind `{key}`"))
                    .help(format!("kinds are: {}", FigureKind::KEYS.join(", "))),
            );
            None
        }
    }
}

/// A dataset, or (`dataset = "timeline"`) the timeline, which only a timeline figure draws.
fn source(file: usize, fig: &RawFigure, kind: Option<&FigureKind>, out: &mut Vec<Diagnostic>) -> FigureSource {
    let timeline_kind = matches!(kind, Some(FigureKind::Timeline { .. }));
    let at = span(file, &fig.dataset);
    match (fig.dataset.get_ref().as_str(), timeline_kind) {
        (TIMELINE, true) => FigureSource::Timeline,
        (TIMELINE, false) if kind.is_some() => {
            out.push(
                Diagnostic::new(at, "only a timeline figure draws the timeline")
                    .help("make it `kind = \"timeline\"`, or name a dataset from data/datasets/"),
            );
            FigureSource::Timeline
        }
        (TIMELINE, false) => FigureSource::Timeline,
        (set, true) => {
            out.push(
                Diagnostic::new(at, format!("a timeline figure draws the timeline, not dataset `{set}`"))
                    .help("write dataset = \"timeline\""),
            );
            FigureSource::Timeline
        }
        (set, false) => FigureSource::Dataset(set.to_string()),
    }
}

fn per(file: usize, value: &Spanned<String>, out: &mut Vec<Diagnostic>) -> Option<Per> {
    let per = Per::from_key(value.get_ref());
    if per.is_none() {
        let keys: Vec<&str> = Per::ALL.iter().map(|p| p.key()).collect();
        out.push(
            Diagnostic::new(span(file, value), format!("unknown period `{}`", value.get_ref()))
                .help(format!("`per` is one of: {}", keys.join(", "))),
        );
    }
    per
}

fn lane(file: usize, raw: &RawLane, out: &mut Vec<Diagnostic>) -> Option<Lane> {
    non_empty(file, &raw.name, "name", out);
    let Some(tag) = Tag::from_key(raw.tag.get_ref()) else {
        let keys: Vec<&str> = Tag::ALL.iter().map(|t| t.key()).collect();
        let d = Diagnostic::new(span(file, &raw.tag), format!("unknown tag `{}`", raw.tag.get_ref()));
        out.push(match nearest(raw.tag.get_ref(), keys.iter().copied()) {
            Some(n) => d.help(format!("did you mean `{n}`?")),
            None => d.help(format!("tags are: {}", keys.join(", "))),
        });
        return None;
    };
    Some(Lane {
        tag,
        name: raw.name.get_ref().clone(),
    })
}
