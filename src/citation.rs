//! Citations of the source article, in the forms readers paste into their own work.

use kirov_content::Source;

/// Chicago (notes and bibliography) bibliography entry.
pub fn chicago(s: &Source) -> String {
    format!(
        "{}. “{}.” {} ({}). https://doi.org/{}.",
        inverted(&s.author),
        s.title,
        s.journal,
        s.year,
        s.doi
    )
}

/// A BibTeX `@article` entry.
pub fn bibtex(s: &Source) -> String {
    let key = format!("{}{}", surname(&s.author).to_lowercase(), s.year);
    format!(
        "@article{{{key},\n  author  = {{{}}},\n  title   = {{{}}},\n  journal = {{{}}},\n  year    = {{{}}},\n  doi     = {{{}}},\n  url     = {{{}}}\n}}",
        inverted(&s.author),
        s.title,
        s.journal,
        s.year,
        s.doi,
        s.url
    )
}

/// An RIS record.
pub fn ris(s: &Source) -> String {
    format!(
        "TY  - JOUR\nAU  - {}\nTI  - {}\nJO  - {}\nPY  - {}\nDO  - {}\nUR  - {}\nER  - ",
        inverted(&s.author),
        s.title,
        s.journal,
        s.year,
        s.doi,
        s.url
    )
}

fn surname(author: &str) -> &str {
    author.rsplit(' ').next().unwrap_or(author)
}

/// `Yiannis Kokosalakis` → `Kokosalakis, Yiannis`.
fn inverted(author: &str) -> String {
    match author.rsplit_once(' ') {
        Some((given, family)) => format!("{family}, {given}"),
        None => author.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> Source {
        Source {
            author: "Yiannis Kokosalakis".into(),
            title: "A title".into(),
            journal: "The Journal of Modern History".into(),
            year: 2021,
            doi: "10.1086/714151".into(),
            url: "https://doi.org/10.1086/714151".into(),
            repository: String::new(),
        }
    }

    #[test]
    fn the_three_formats_carry_author_title_journal_year_and_doi() {
        let s = source();
        assert_eq!(
            chicago(&s),
            "Kokosalakis, Yiannis. “A title.” The Journal of Modern History (2021). https://doi.org/10.1086/714151."
        );
        let b = bibtex(&s);
        assert!(b.starts_with("@article{kokosalakis2021,\n"));
        assert!(b.contains("doi     = {10.1086/714151}"));
        let r = ris(&s);
        assert!(r.starts_with("TY  - JOUR\nAU  - Kokosalakis, Yiannis\n"));
        assert!(r.ends_with("ER  - "));
    }
}
