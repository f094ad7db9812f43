//! Figures against the datasets: each draws a real dataset, lists real series, draws series it
//! lists, and gives settings only to rows it shows.

use super::datasets::ParsedDataset;
use super::diagnostic::{nearest, Diagnostic, Span};
use super::figures::DatasetRefs;
use crate::model::Row;
use std::collections::BTreeSet;

pub fn check(figures: &[DatasetRefs], sets: &[ParsedDataset], out: &mut Vec<Diagnostic>) {
    for f in figures {
        let (set, at) = &f.dataset;
        let Some(ps) = sets.iter().find(|p| &p.dataset.id == set) else {
            let d = Diagnostic::new(*at, format!("unknown dataset `{set}`"));
            out.push(match nearest(set, sets.iter().map(|p| p.dataset.id.as_str())) {
                Some(n) => d.help(format!("did you mean `{n}` (data/datasets/{n}.csv)?")),
                None => d.help("datasets are the CSV files in data/datasets/, or `timeline` for data/timeline.toml"),
            });
            continue;
        };
        // A dataset that failed to load has been reported already; its series are unknown.
        if !ps.loaded {
            continue;
        }
        let names: BTreeSet<&str> = ps.dataset.rows.iter().map(|r| r.series.as_str()).collect();
        for (series, at) in &f.series {
            if !names.contains(series.as_str()) {
                out.push(no_series(*at, set, series, &names));
            }
        }
        let listed: Vec<&str> = f.series.iter().map(|(s, _)| s.as_str()).collect();
        for (series, at) in &f.drawn {
            if listed.is_empty() && !names.contains(series.as_str()) {
                out.push(no_series(*at, set, series, &names));
            } else if !listed.is_empty() && !listed.contains(&series.as_str()) {
                let d = Diagnostic::new(*at, format!("figure `{}` does not list series `{series}`", f.figure));
                out.push(match nearest(series, listed.iter().copied()) {
                    Some(n) => d.help(format!("did you mean `{n}`?")),
                    None => d.help(format!("add it to `series`, or draw one of: {}", listed.join(", "))),
                });
            }
        }
        let shown: Vec<&Row> = ps
            .dataset
            .rows
            .iter()
            .filter(|r| listed.is_empty() || listed.contains(&r.series.as_str()))
            .collect();
        for (row, at) in &f.rows {
            if shown.iter().any(|r| &r.id == row) {
                continue;
            }
            let d = Diagnostic::new(*at, format!("figure `{}` shows no row `{row}`", f.figure));
            out.push(match nearest(row, shown.iter().map(|r| r.id.as_str())) {
                Some(n) => d.help(format!("did you mean `{n}`?")),
                None => d.help(format!(
                    "name a row of data/datasets/{set}.csv in the figure's series ({})",
                    listed.join(", ")
                )),
            });
        }
    }
}

/// `dataset `d` has no series `s``, with the nearest series or the list of them.
fn no_series(at: Span, set: &str, series: &str, names: &BTreeSet<&str>) -> Diagnostic {
    let d = Diagnostic::new(at, format!("dataset `{set}` has no series `{series}`"));
    match nearest(series, names.iter().copied()) {
        Some(n) => d.help(format!("did you mean `{n}`?")),
        None => d.help(format!(
            "its series are: {}",
            names.iter().copied().collect::<Vec<_>>().join(", ")
        )),
    }
}
