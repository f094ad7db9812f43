//! What a figure's chart draws, read from its encodings in `figures.toml`: the series in
//! order with their names and rows, and each row's name, annotation and period.

use kirov_content::{Content, Figure, Per, Row};

/// A series the chart draws: its name, and its rows in file order.
pub(crate) struct Drawn<'a> {
    pub name: String,
    pub rows: Vec<&'a Row>,
}

/// The series a figure draws, in order: its `[[figure.draw]]` entries, else every series it
/// lists, else every series of its dataset. A series without a name goes by its first row's label.
pub(crate) fn drawn<'a>(figure: &'a Figure, content: &'a Content) -> Vec<Drawn<'a>> {
    let rows = content.figure_rows(figure);
    let mut series: Vec<(&str, Option<&str>)> = if !figure.draw.is_empty() {
        figure
            .draw
            .iter()
            .map(|d| (d.series.as_str(), d.name.as_deref()))
            .collect()
    } else {
        figure.series.iter().map(|s| (s.as_str(), None)).collect()
    };
    if series.is_empty() {
        for r in &rows {
            if !series.iter().any(|(s, _)| *s == r.series) {
                series.push((&r.series, None));
            }
        }
    }
    series
        .into_iter()
        .map(|(id, name)| {
            let rows: Vec<&Row> = rows.iter().copied().filter(|r| r.series == id).collect();
            let name = name.or_else(|| rows.first().map(|r| r.label.as_str())).unwrap_or(id);
            Drawn {
                name: name.to_string(),
                rows,
            }
        })
        .collect()
}

/// A row's name as drawn: its `[[figure.row]]` name, else its label.
pub(crate) fn row_name<'a>(figure: &'a Figure, row: &'a Row) -> &'a str {
    figure
        .row(&row.id)
        .and_then(|e| e.name.as_deref())
        .unwrap_or(&row.label)
}

/// A row's annotation, if it has one.
pub(crate) fn annotation<'a>(figure: &'a Figure, row: &Row) -> Option<&'a str> {
    figure.row(&row.id).and_then(|e| e.annotation.as_deref())
}

/// The stretch of time a row's number counts over, if the figure says.
pub(crate) fn per(figure: &Figure, row: &Row) -> Option<Per> {
    figure.row(&row.id).and_then(|e| e.per)
}

/// The short name of the person whose claim a row's number is, if it is a claim.
pub(crate) fn claimant_name<'a>(content: &'a Content, row: &Row) -> Option<&'a str> {
    content.claimant(row).map(|p| p.short.as_str())
}

/// The key a row's marks go by: `dataset/row`, as in a `datum:` link.
pub(crate) fn key(figure: &Figure, row: &Row) -> String {
    format!("{}/{}", figure.source.dataset().unwrap_or_default(), row.id)
}
