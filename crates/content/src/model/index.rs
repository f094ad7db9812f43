//! Cross-references computed once, when the content is loaded: the rows each figure shows, and
//! for each dataset row the placed figure whose table is its home (where `datum:` links lead)
//! and the first paragraph that cites it (where a chart's tooltip leads back to).

use super::{Block, Content, Figure, Inline, Row};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// For each figure (in `Content::figures` order), the positions of its rows in its dataset.
    figure_rows: Vec<Vec<u32>>,
    /// For each dataset and each of its rows (in order), the figure (its position) that first
    /// shows the row in reading order, if any does.
    homes: Vec<Vec<Option<u32>>>,
    /// For each dataset and each of its rows, the first paragraph citing it (its position
    /// among all blocks of the essay, in reading order).
    citations: Vec<Vec<Option<u32>>>,
}

impl Index {
    pub fn new(content: &Content) -> Index {
        let figure_rows: Vec<Vec<u32>> = content
            .figures
            .iter()
            .map(|f| {
                let Some(set) = f.source.dataset().and_then(|id| content.dataset(id)) else {
                    return Vec::new();
                };
                (0..set.rows.len())
                    .filter(|i| f.series.is_empty() || f.series.contains(&set.rows[*i].series))
                    .map(position)
                    .collect()
            })
            .collect();
        let mut homes: Vec<Vec<Option<u32>>> = content.datasets.iter().map(|d| vec![None; d.rows.len()]).collect();
        let placed = content.blocks().filter_map(|b| match b {
            Block::Figure { id } => content.figures.iter().position(|f| &f.id == id),
            _ => None,
        });
        for f in placed {
            let Some(d) = content.figures[f]
                .source
                .dataset()
                .and_then(|id| content.datasets.iter().position(|d| d.id == id))
            else {
                continue;
            };
            for &row in &figure_rows[f] {
                homes[d][row as usize].get_or_insert(position(f));
            }
        }
        let mut citations: Vec<Vec<Option<u32>>> = content.datasets.iter().map(|d| vec![None; d.rows.len()]).collect();
        for (b, block) in content.blocks().enumerate() {
            let (Block::Paragraph { inlines, .. } | Block::Quote { inlines, .. }) = block else {
                continue;
            };
            each_datum(inlines, &mut |set, row| {
                let d = content.datasets.iter().position(|d| d.id == set);
                let r = d.and_then(|d| content.datasets[d].rows.iter().position(|r| r.id == row));
                if let (Some(d), Some(r)) = (d, r) {
                    citations[d][r].get_or_insert(position(b));
                }
            });
        }
        Index {
            figure_rows,
            homes,
            citations,
        }
    }
}

/// Calls `f` with the dataset and row of every datum link in `inlines`, in reading order.
fn each_datum(inlines: &[Inline], f: &mut dyn FnMut(&str, &str)) {
    for inline in inlines {
        match inline {
            Inline::Datum { dataset, row, .. } => f(dataset, row),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Person { children: c, .. }
            | Inline::Term { children: c, .. }
            | Inline::Link { children: c, .. } => each_datum(c, f),
            Inline::Text(_) | Inline::NoteRef { .. } => {}
        }
    }
}

fn position(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 2³² figures, blocks and rows per dataset")
}

impl Content {
    /// Rebuilds the index after the content was changed in place (as tests do).
    pub fn reindex(&mut self) {
        self.index = Index::new(self);
    }

    /// The dataset rows a figure shows (all rows of its listed series), in file order.
    pub fn figure_rows<'a>(&'a self, figure: &Figure) -> Vec<&'a Row> {
        let positions = self.figures.iter().position(|f| f.id == figure.id);
        let rows = positions.and_then(|i| self.index.figure_rows.get(i));
        let set = figure.source.dataset().and_then(|id| self.dataset(id));
        match (rows, set) {
            (Some(rows), Some(set)) => rows.iter().filter_map(|r| set.rows.get(*r as usize)).collect(),
            _ => Vec::new(),
        }
    }

    /// The placed figure whose table is a datum's home: the first, in reading order, to show it.
    pub fn home_figure(&self, dataset: &str, row: &str) -> Option<&Figure> {
        let d = self.datasets.iter().position(|d| d.id == dataset)?;
        let r = self.datasets[d].rows.iter().position(|r| r.id == row)?;
        let f = (*self.index.homes.get(d)?.get(r)?)?;
        self.figures.get(f as usize)
    }

    /// The id of the first paragraph that cites a datum, if one does.
    pub fn citing_paragraph(&self, dataset: &str, row: &str) -> Option<&str> {
        let d = self.datasets.iter().position(|d| d.id == dataset)?;
        let r = self.datasets[d].rows.iter().position(|r| r.id == row)?;
        let b = (*self.index.citations.get(d)?.get(r)?)?;
        self.blocks().nth(b as usize).map(Block::id)
    }

    /// Every block of the essay, in reading order.
    fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.sections.iter().flat_map(|s| &s.blocks)
    }

    /// The element id of a datum's home: its row in [`Content::home_figure`]'s table.
    pub fn datum_home(&self, dataset: &str, row: &str) -> Option<String> {
        self.home_figure(dataset, row).map(|_| datum_anchor(dataset, row))
    }
}

/// The element id of a datum's row in a figure's table (`datum-purge-1929-expelled`).
pub fn datum_anchor(dataset: &str, row: &str) -> String {
    format!("datum-{dataset}-{row}")
}
