//! Loads `data/`, checks every reference, and builds the [`Content`] the page renders, in five
//! steps, one file each: [`read`] the files, parse each on its own ([`files`]), [`index`] every
//! id, [`check`] every reference, and [`assemble`] the content.
//!
//! All problems are collected and reported together, each as `path:line:col: message`.

mod assemble;
mod cast;
mod check;
mod datasets;
pub mod diagnostic;
mod essay;
mod figure_checks;
mod figures;
mod files;
mod glossary;
mod index;
mod inline;
mod meta;
mod read;
mod timeline;
mod toml_file;

use crate::model::Content;
use diagnostic::{render, Diagnostic, SourceFile};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// Every content error found, with the files they point into.
pub struct Report {
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render(&self.files, &self.diagnostics))
    }
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Loads and validates the content under `root/data`.
pub fn load(root: &Path) -> Result<Content, Report> {
    load_with(
        |rel| std::fs::read_to_string(root.join(rel)),
        read::list(root, "data/essay", "md"),
        read::list(root, "data/datasets", "csv"),
    )
}

/// Loads and validates content held in memory, keyed by path relative to the project root
/// (`data/cast.toml`, `data/essay/01-opening.md`, ...), exactly as [`load`] would read it from disk.
pub fn load_files(files: &BTreeMap<String, String>) -> Result<Content, Report> {
    let names = |dir: &str, ext: &str| -> Vec<String> {
        files
            .keys()
            .filter_map(|k| k.strip_prefix(dir)?.strip_prefix('/'))
            .filter(|n| !n.contains('/') && n.ends_with(&format!(".{ext}")))
            .map(str::to_string)
            .collect()
    };
    load_with(
        |rel| {
            files
                .get(rel)
                .cloned()
                .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))
        },
        names("data/essay", "md"),
        names("data/datasets", "csv"),
    )
}

/// Validates the files `read` returns; `essay` and `datasets` are the sorted file names in
/// `data/essay` and `data/datasets`.
fn load_with(
    read_file: impl FnMut(&str) -> std::io::Result<String>,
    essay: Vec<String>,
    datasets: Vec<String>,
) -> Result<Content, Report> {
    let mut out: Vec<Diagnostic> = Vec::new();
    let sources = read::read_all(read_file, essay, datasets, &mut out);
    let parsed = files::parse_all(&sources, &mut out);
    let note_order: Vec<String> = {
        let index = index::build(&parsed, &sources.files, &mut out);
        check::check(&parsed, &index, &sources.files, &mut out);
        index.note_order.iter().map(|l| l.to_string()).collect()
    };
    match parsed.meta.clone() {
        Some(meta) if out.is_empty() => Ok(assemble::assemble(parsed, meta, &note_order)),
        // meta.toml cannot fail to parse without a diagnostic, so `out` is never empty here.
        _ => Err(Report {
            files: sources.files,
            diagnostics: out,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::check::{article_note, number_in};

    #[test]
    fn note_labels_map_to_article_notes() {
        assert_eq!(article_note("n76", Some(139)), Ok(Some(76)));
        assert_eq!(article_note("ed-orts", Some(139)), Ok(None));
        assert!(article_note("n140", Some(139)).is_err());
        assert!(article_note("n140", Some(140)).is_ok());
        assert!(article_note("n076", Some(139)).is_err());
        assert!(article_note("note1", Some(139)).is_err());
    }

    #[test]
    fn numbers_in_link_text() {
        assert_eq!(number_in("3,133"), Some(3133.0));
        assert_eq!(number_in("−2.8"), Some(-2.8));
        assert_eq!(number_in("about 21,000"), None);
    }
}
