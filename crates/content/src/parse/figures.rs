//! `data/figures.toml`: the figures sections place with `::figure <id>`.

use super::diagnostic::{Diagnostic, Span};
use super::inline::{RawRef, RefKind};
use super::toml_file::{non_empty, read, rich, span};
use crate::model::Figure;
use serde::Deserialize;
use toml::Spanned;

/// Chart forms the front end knows how to draw.
pub const KINDS: [&str; 6] = ["bar", "slope", "waffle", "dumbbell", "timeline", "grouped-bar"];

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
}

pub struct Figures {
    pub figures: Vec<Figure>,
    pub refs: Vec<RawRef>,
    pub id_spans: Vec<Span>,
    /// (dataset, series, where) for checking against the datasets.
    pub series_refs: Vec<(String, String, Span)>,
    pub dataset_refs: Vec<(String, Span)>,
}

pub fn parse(file: usize, text: &str, out: &mut Vec<Diagnostic>) -> Figures {
    let mut f = Figures {
        figures: Vec::new(),
        refs: Vec::new(),
        id_spans: Vec::new(),
        series_refs: Vec::new(),
        dataset_refs: Vec::new(),
    };
    let Some(raw) = read::<File>(file, text, "figures.toml", out) else {
        return f;
    };
    for fig in raw.figure {
        non_empty(file, &fig.title, "title", out);
        non_empty(file, &fig.description, "description", out);
        if !KINDS.contains(&fig.kind.get_ref().as_str()) {
            out.push(
                Diagnostic::new(
                    span(file, &fig.kind),
                    format!("unknown figure kind `{}`", fig.kind.get_ref()),
                )
                .help(format!("kinds are: {}", KINDS.join(", "))),
            );
        }
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
        f.dataset_refs
            .push((fig.dataset.get_ref().clone(), span(file, &fig.dataset)));
        for s in &fig.series {
            f.series_refs
                .push((fig.dataset.get_ref().clone(), s.get_ref().clone(), span(file, s)));
        }
        let caption = rich(file, &fig.caption, &mut f.refs, out);
        f.id_spans.push(span(file, &fig.id));
        f.figures.push(Figure {
            id: fig.id.into_inner(),
            title: fig.title.into_inner(),
            caption,
            dataset: fig.dataset.into_inner(),
            series: fig.series.into_iter().map(|s| s.into_inner()).collect(),
            kind: fig.kind.into_inner(),
            description: fig.description.into_inner(),
            notes: fig.notes.into_inner().into_iter().map(|n| n.into_inner()).collect(),
        });
    }
    f
}
