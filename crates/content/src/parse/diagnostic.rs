//! Content errors, rendered as `path:line:col: message`, the source line with carets, and a hint.

use std::fmt::Write;

/// A loaded text file; errors point into it by byte offset.
#[derive(Debug)]
pub struct SourceFile {
    /// Shown to the editor, relative to the project root (`data/cast.toml`).
    pub path: String,
    pub text: String,
}

impl SourceFile {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        // A span mapped through escapes (markdown in a TOML string) may land inside a character.
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }

    fn line_text(&self, line: usize) -> &str {
        self.text.lines().nth(line - 1).unwrap_or("")
    }
}

/// Where a problem is: a byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub file: usize,
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The start of a file: where a problem with the file as a whole (its name, its absence) points.
    pub fn file_start(file: usize) -> Span {
        Span { file, start: 0, end: 0 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            span,
            message: message.into(),
            help: None,
        }
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Longest source line shown in full; longer lines are windowed around the error.
const MAX_SHOWN: usize = 100;

/// Renders all diagnostics, sorted by file and position, followed by a count.
pub fn render(files: &[SourceFile], diagnostics: &[Diagnostic]) -> String {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by(|a, b| {
        (files[a.span.file].path.as_str(), a.span.start, &a.message).cmp(&(
            files[b.span.file].path.as_str(),
            b.span.start,
            &b.message,
        ))
    });
    let mut out = String::new();
    for d in &sorted {
        render_one(&mut out, &files[d.span.file], d);
    }
    let n = sorted.len();
    let _ = writeln!(out, "{n} content error{} found", if n == 1 { "" } else { "s" });
    out
}

fn render_one(out: &mut String, file: &SourceFile, d: &Diagnostic) {
    let (line, col) = file.line_col(d.span.start);
    let _ = writeln!(out, "{}:{}:{}: {}", file.path, line, col, one_line(&d.message));
    let text = file.line_text(line);
    let chars: Vec<char> = text.chars().collect();
    let (_, end_col) = file.line_col(d.span.end);
    let end_line = file.line_col(d.span.end).0;
    let mut width = if end_line == line && end_col > col {
        end_col - col
    } else {
        1
    };
    width = width.min(chars.len().saturating_sub(col - 1).max(1));
    // Window long lines so the caret stays near the error.
    let (shown, caret_at) = if chars.len() <= MAX_SHOWN {
        (text.to_string(), col - 1)
    } else {
        let from = (col - 1).saturating_sub(40);
        let to = (from + MAX_SHOWN - 20).min(chars.len());
        let mut s = String::new();
        if from > 0 {
            s.push('…');
        }
        s.extend(&chars[from..to]);
        if to < chars.len() {
            s.push('…');
        }
        (s, col - 1 - from + usize::from(from > 0))
    };
    let gutter = line.to_string().len();
    let pad = " ".repeat(gutter);
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{line} | {shown}");
    let _ = writeln!(out, "{pad} | {}{}", " ".repeat(caret_at), "^".repeat(width.min(60)));
    if let Some(help) = &d.help {
        let _ = writeln!(out, "{pad} = help: {}", one_line(help));
    }
    out.push('\n');
}

/// A message quoting content (an id with a `\n` escape in it) stays on its line: control
/// characters are shown escaped.
fn one_line(message: &str) -> String {
    message
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The closest candidate to `wanted`, if it is close enough to be a plausible typo.
pub fn nearest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(wanted, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let f = SourceFile {
            path: "x".into(),
            text: "ab\n«é» x".into(),
        };
        let x = f.text.find('x').unwrap();
        assert_eq!(f.line_col(x), (2, 5));
        assert_eq!(f.line_col(0), (1, 1));
    }

    #[test]
    fn renders_path_line_col_caret_and_help() {
        let files = vec![SourceFile {
            path: "data/a.md".into(),
            text: "one\ntwo zalstman\n".into(),
        }];
        let start = files[0].text.find("zalstman").unwrap();
        let d = Diagnostic::new(
            Span {
                file: 0,
                start,
                end: start + 8,
            },
            "unknown person `zalstman`",
        )
        .help("did you mean `zaltsman`?");
        let out = render(&files, &[d]);
        assert_eq!(
            out,
            "data/a.md:2:5: unknown person `zalstman`\n  |\n2 | two zalstman\n  |     ^^^^^^^^\n  = help: did you mean `zaltsman`?\n\n1 content error found\n"
        );
    }

    #[test]
    fn nearest_suggests_only_plausible_typos() {
        let ids = ["zaltsman", "kapustin", "ots"];
        assert_eq!(nearest("zalstman", ids), Some("zaltsman"));
        assert_eq!(nearest("stalin", ids), None);
    }
}
