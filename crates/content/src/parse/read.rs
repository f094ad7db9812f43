//! Step 1 of loading: read every file of `data/` into memory, once, so later steps can point
//! into any of them by index.

use super::diagnostic::{Diagnostic, SourceFile, Span};
use std::path::Path;

/// Every file of the content, read, with where each kind of file sits in `files`.
pub struct Sources {
    pub files: Vec<SourceFile>,
    pub meta: usize,
    pub cast: usize,
    pub glossary: usize,
    pub timeline: usize,
    pub figures: usize,
    /// (file index, file name) of each essay section, in file-name order.
    pub essay: Vec<(usize, String)>,
    /// (file index, file name) of each dataset.
    pub datasets: Vec<(usize, String)>,
}

/// Reads the content's files through `read_file` (from disk, or from memory in tests); a file
/// that cannot be read is reported and taken as empty, so every other problem is still found.
pub fn read_all(
    mut read_file: impl FnMut(&str) -> std::io::Result<String>,
    essay: Vec<String>,
    datasets: Vec<String>,
    out: &mut Vec<Diagnostic>,
) -> Sources {
    let mut files: Vec<SourceFile> = Vec::new();
    let mut read = |rel: &str, out: &mut Vec<Diagnostic>| -> usize {
        let text = read_file(rel).unwrap_or_else(|e| {
            out.push(Diagnostic::new(
                Span::file_start(files.len()),
                format!("cannot read the file: {e}"),
            ));
            String::new()
        });
        files.push(SourceFile {
            path: rel.to_string(),
            text,
        });
        files.len() - 1
    };
    let meta = read("data/meta.toml", out);
    let cast = read("data/cast.toml", out);
    let glossary = read("data/glossary.toml", out);
    let timeline = read("data/timeline.toml", out);
    let figures = read("data/figures.toml", out);
    let essay = essay
        .into_iter()
        .map(|name| (read(&format!("data/essay/{name}"), out), name))
        .collect();
    let datasets = datasets
        .into_iter()
        .map(|name| (read(&format!("data/datasets/{name}"), out), name))
        .collect();
    Sources {
        files,
        meta,
        cast,
        glossary,
        timeline,
        figures,
        essay,
        datasets,
    }
}

/// File names in `root/dir` with extension `ext`, sorted (section order comes from `NN-`).
pub fn list(root: &Path, dir: &str, ext: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join(dir))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(&format!(".{ext}")))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
