//! `data/datasets/<id>.csv`: every number, with its unit, qualifier and source note.

use super::diagnostic::{Diagnostic, Span};
use super::inline::{is_kebab, RawRef, RefKind};
use crate::model::{Dataset, Qualifier, Row};

pub struct ParsedDataset {
    pub dataset: Dataset,
    pub refs: Vec<RawRef>,
    /// Where each row's id is, for "did you mean" hints and datum errors.
    pub row_spans: Vec<Span>,
    /// False after a structural error (header, field count, quoting): its rows are incomplete,
    /// so references into it are not reported again.
    pub loaded: bool,
    /// Person ids named in `claimed by <id>` qualifiers.
    pub claimants: Vec<(String, Span)>,
}

/// Byte offsets where each field of a CSV line starts (quotes respected).
fn field_starts(line: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => starts.push(i + 1),
            _ => {}
        }
    }
    starts
}

pub fn parse(file: usize, id: &str, text: &str, out: &mut Vec<Diagnostic>) -> ParsedDataset {
    let mut parsed = ParsedDataset {
        dataset: Dataset {
            id: id.to_string(),
            rows: Vec::new(),
        },
        refs: Vec::new(),
        row_spans: Vec::new(),
        loaded: true,
        claimants: Vec::new(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header_seen = false;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let at = e.position().map_or(0, |p| p.byte() as usize);
                out.push(
                    Diagnostic::new(
                        Span {
                            file,
                            start: at,
                            end: at + 1,
                        },
                        format!("unreadable CSV: {e}"),
                    )
                    .help("check quoting: a field containing a comma must be in double quotes"),
                );
                parsed.loaded = false;
                return parsed;
            }
        };
        let line_start = record.position().map_or(0, |p| p.byte() as usize);
        let line = text[line_start..].lines().next().unwrap_or("");
        let starts = field_starts(line);
        let field_span = |i: usize| {
            let s = line_start + starts.get(i).copied().unwrap_or(0);
            let e = line_start + starts.get(i + 1).map_or(line.len(), |n| n - 1);
            // An empty last field at the end of the file has no character to point at.
            Span {
                file,
                start: s.min(text.len()),
                end: e.max(s + 1).min(text.len()),
            }
        };
        if !header_seen {
            header_seen = true;
            let header: Vec<&str> = record.iter().collect();
            if header != Dataset::COLUMNS {
                out.push(
                    Diagnostic::new(
                        Span {
                            file,
                            start: line_start,
                            end: line_start + line.len(),
                        },
                        "the header row does not match the dataset columns",
                    )
                    .help(format!(
                        "the first line must be exactly `{}`",
                        Dataset::COLUMNS.join(",")
                    )),
                );
                parsed.loaded = false;
                return parsed;
            }
            continue;
        }
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != Dataset::COLUMNS.len() {
            out.push(
                Diagnostic::new(
                    Span {
                        file,
                        start: line_start,
                        end: line_start + line.len(),
                    },
                    format!("row has {} fields, expected {}", record.len(), Dataset::COLUMNS.len()),
                )
                .help(format!(
                    "columns are `{}`; quote a field that contains a comma",
                    Dataset::COLUMNS.join(",")
                )),
            );
            parsed.loaded = false;
            continue;
        }
        let f = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let row_id = f(0);
        if !is_kebab(&row_id) {
            out.push(
                Diagnostic::new(field_span(0), format!("row id `{row_id}` is not kebab-case"))
                    .help("ids are lower-case words joined by hyphens, like `women-1928`"),
            );
        }
        if f(1).is_empty() {
            out.push(
                Diagnostic::new(field_span(1), format!("row `{row_id}` has no series"))
                    .help("name the group of rows a chart draws together, e.g. `women-share`"),
            );
        }
        let value_text = f(5);
        let value = match value_text.parse::<f64>() {
            Ok(v) if v.is_finite() => v,
            _ => {
                let help = if value_text.contains(',') || value_text.contains('%') {
                    format!(
                        "write a plain number without separators or units, e.g. `{}`",
                        value_text.replace([',', '%'], "").trim()
                    )
                } else {
                    "write a plain number such as `21000` or `92.1`".to_string()
                };
                out.push(Diagnostic::new(field_span(5), format!("value `{value_text}` is not a number")).help(help));
                0.0
            }
        };
        if f(6).is_empty() {
            out.push(
                Diagnostic::new(field_span(6), format!("row `{row_id}` has no unit"))
                    .help("e.g. `people`, `percent`, `tractors`, `million roubles`"),
            );
        }
        let text = f(7);
        let qualifier = Qualifier::parse(&text);
        if let Some(who) = qualifier.as_ref().and_then(Qualifier::claimant) {
            parsed.claimants.push((who.to_string(), field_span(7)));
        } else if !text.is_empty() && qualifier.is_none() {
            let hedges: Vec<&str> = Qualifier::HEDGES.iter().filter_map(Qualifier::hedge).collect();
            out.push(
                Diagnostic::new(field_span(7), format!("unknown qualifier `{text}`")).help(format!(
                    "leave it empty, or use one of: {}, claimed by <person id>",
                    hedges.join(", ")
                )),
            );
        }
        let note = f(8);
        if note.is_empty() {
            out.push(
                Diagnostic::new(field_span(8), format!("row `{row_id}` has no source note"))
                    .help("every number needs the note it comes from, e.g. `n76`"),
            );
        } else {
            parsed.refs.push(RawRef {
                kind: RefKind::Note,
                id: note.clone(),
                text: String::new(),
                span: field_span(8),
            });
        }
        parsed.row_spans.push(field_span(0));
        parsed.dataset.rows.push(Row {
            id: row_id,
            series: f(1),
            label: f(2),
            period: f(3),
            place: f(4),
            value,
            value_text,
            unit: f(6),
            qualifier,
            note,
        });
    }
    if !header_seen {
        out.push(
            Diagnostic::new(Span { file, start: 0, end: 0 }, "the dataset is empty")
                .help(format!("begin with the header `{}`", Dataset::COLUMNS.join(","))),
        );
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::field_starts;

    #[test]
    fn field_starts_respect_quotes() {
        assert_eq!(field_starts("a,\"b,c\",d"), vec![0, 2, 8]);
    }
}
