//! "Get the data": a figure's numbers as CSV, in the same columns and quoting as
//! `data/datasets/*.csv`, so a download equals the file it came from.

use kirov_content::{Dataset, Event};

/// RFC 4180 quoting: only fields with a comma, quote or line break are quoted.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The whole dataset as CSV, header first.
/// The CSV a figure offers: its dataset, or the timeline's events. Written into the bundle at
/// build time (`downloads/<file name>`), so the download is a plain link.
pub fn figure_csv(content: &kirov_content::Content, figure: &kirov_content::Figure) -> String {
    match &figure.source {
        kirov_content::FigureSource::Dataset(id) => content.dataset(id).map(dataset_csv).unwrap_or_default(),
        kirov_content::FigureSource::Timeline => events_csv(&content.events),
    }
}

/// Where a figure's CSV is in the bundle.
pub fn download_path(figure: &kirov_content::Figure) -> String {
    format!("{DOWNLOADS}/{}", figure.source.file_name())
}

/// Where a figure's framed SVG image is in the bundle.
pub fn image_path(figure_id: &str) -> String {
    format!("{DOWNLOADS}/{figure_id}.svg")
}

/// The bundle's folder of files to download.
pub const DOWNLOADS: &str = "downloads";

pub fn dataset_csv(set: &Dataset) -> String {
    let mut out = Dataset::COLUMNS.join(",");
    out.push('\n');
    for r in &set.rows {
        let qualifier = r.qualifier.as_ref().map(ToString::to_string).unwrap_or_default();
        let cells = [
            &r.id,
            &r.series,
            &r.label,
            &r.period,
            &r.place,
            &r.value_text,
            &r.unit,
            &qualifier,
            &r.note,
        ];
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// The timeline as CSV: id, date, title (plain text), tags, note.
pub fn events_csv(events: &[Event]) -> String {
    let mut out = String::from("id,date,title,tags,note\n");
    for e in events {
        let tags: Vec<&str> = e.tags.iter().map(|t| t.key()).collect();
        let cells = [
            e.id.clone(),
            kirov_content::format::iso_date(&e.date),
            kirov_content::plain_text(&e.title),
            tags.join(" "),
            e.note.clone(),
        ];
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"x\""), "\"say \"\"x\"\"\"");
    }

    #[test]
    fn every_download_equals_its_dataset_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let content = kirov_content::parse::load(root).unwrap_or_else(|r| panic!("{r}"));
        for set in &content.datasets {
            let file = std::fs::read_to_string(root.join(format!("data/datasets/{}.csv", set.id))).unwrap();
            assert_eq!(dataset_csv(set), file.replace("\r\n", "\n"), "dataset {}", set.id);
        }
    }
}
