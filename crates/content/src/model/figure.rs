//! Figures: what a chart draws and how, as data. Each figure names its kind, and the kind's
//! builder (in `kirov-charts`) reads everything else it needs from here: which series it draws
//! and under what names, settings for single rows, and the few settings only one kind takes.

use super::{Inline, Tag};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    pub title: String,
    pub caption: Vec<Inline>,
    pub source: FigureSource,
    /// The dataset series the figure covers (its table and download); empty means every row.
    pub series: Vec<String>,
    pub kind: FigureKind,
    pub description: String,
    pub notes: Vec<String>,
    /// The series the chart draws, in order, with their names; empty means every series of
    /// [`Figure::series`], each under its first row's label.
    pub draw: Vec<DrawnSeries>,
    /// Settings for single rows; a row without any has none.
    pub rows: Vec<RowEncoding>,
}

/// Where a figure's numbers come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FigureSource {
    /// `data/datasets/<id>.csv`.
    Dataset(String),
    /// The events of `data/timeline.toml`.
    Timeline,
}

impl FigureSource {
    /// The dataset id, for a dataset figure.
    pub fn dataset(&self) -> Option<&str> {
        match self {
            FigureSource::Dataset(id) => Some(id),
            FigureSource::Timeline => None,
        }
    }

    /// The name of the file a reader downloads (`plan.csv`, `timeline.csv`).
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.dataset().unwrap_or("timeline"))
    }
}

/// The chart forms there are, each drawn by one builder, with the settings only it takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FigureKind {
    /// Horizontal bars, one per row, labelled beside or above; a legend names each series.
    Bar,
    /// Vertical columns, one per row, each labelled with its value and its row's annotation.
    Column,
    /// One line per series, from its first row to its last.
    Slope,
    /// One square per unit of a whole; the drawn series' rows fill the end of the grid.
    Waffle(Waffle),
    /// Pairs (the first two rows of each series), each placed as a share of its first figure.
    Dumbbell {
        /// The legend's names for a pair's first and second figure.
        ends: [String; 2],
    },
    /// The rows of a series as dots on one value axis, optionally against a reference line.
    Dot { reference: Option<Reference> },
    /// Horizontal bars running right of zero for a rise and left of it for a fall.
    Diverging,
    /// The timeline's events, one lane per tag.
    Timeline { lanes: Vec<Lane> },
}

impl FigureKind {
    /// Every kind's key, as written in `figures.toml`.
    pub const KEYS: [&'static str; 8] = [
        "bar",
        "column",
        "slope",
        "waffle",
        "dumbbell",
        "dot",
        "diverging",
        "timeline",
    ];

    /// The key in `figures.toml` (also the figure's CSS class suffix).
    pub fn key(&self) -> &'static str {
        let index = match self {
            FigureKind::Bar => 0,
            FigureKind::Column => 1,
            FigureKind::Slope => 2,
            FigureKind::Waffle(_) => 3,
            FigureKind::Dumbbell { .. } => 4,
            FigureKind::Dot { .. } => 5,
            FigureKind::Diverging => 6,
            FigureKind::Timeline { .. } => 7,
        };
        Self::KEYS[index]
    }
}

/// A waffle's whole and how it divides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waffle {
    /// The row counted out in squares (the members of a body, say).
    pub whole: String,
    /// The row the drawn series' rows add up to (those who left it), if there is one; the rest of the
    /// whole is the whole less this row, or less the drawn rows without it.
    pub part: Option<String>,
    /// The name of the rest of the whole (`Stayed`).
    pub rest: String,
}

/// A line across the value axis, at a value the rows are measured against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub value: f64,
    pub label: String,
}

/// One timeline lane: the events with this tag, under this name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub tag: Tag,
    pub name: String,
}

/// A dataset series a chart draws, and the name it is drawn under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrawnSeries {
    pub series: String,
    /// Shown as the series' legend entry, line name or row name; if absent, its first row's label.
    pub name: Option<String>,
}

/// How a chart shows one row, where it needs more than the row's own fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowEncoding {
    pub id: String,
    /// Drawn instead of the row's label.
    pub name: Option<String>,
    /// A short text drawn with the value (`target met`).
    pub annotation: Option<String>,
    /// The stretch of time the row's number counts over, where rows of one series differ.
    pub per: Option<Per>,
}

/// The stretch of time a number counts over (`1,500 tractors a month`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Per {
    Month,
    Quarter,
    Year,
}

impl Per {
    pub const ALL: [Per; 3] = [Per::Month, Per::Quarter, Per::Year];

    /// The key in `figures.toml`, and the noun in `a month`.
    pub fn key(self) -> &'static str {
        match self {
            Per::Month => "month",
            Per::Quarter => "quarter",
            Per::Year => "year",
        }
    }

    pub fn from_key(key: &str) -> Option<Per> {
        Per::ALL.into_iter().find(|p| p.key() == key)
    }

    /// `monthly`, `quarterly`, `yearly`.
    pub fn adjective(self) -> &'static str {
        match self {
            Per::Month => "monthly",
            Per::Quarter => "quarterly",
            Per::Year => "yearly",
        }
    }

    pub fn months(self) -> u32 {
        match self {
            Per::Month => 1,
            Per::Quarter => 3,
            Per::Year => 12,
        }
    }
}

impl Figure {
    /// The settings for one row, if it has any.
    pub fn row(&self, id: &str) -> Option<&RowEncoding> {
        self.rows.iter().find(|r| r.id == id)
    }
}
