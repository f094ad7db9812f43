//! Datasets: every number from the article, with what it counts, when, where, how sure, and
//! the note that sources it.

use super::{Content, Person};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub id: String,
    pub rows: Vec<Row>,
}

/// One number from the article, with everything needed to cite it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub id: String,
    pub series: String,
    pub label: String,
    pub period: String,
    pub place: String,
    pub value: f64,
    /// The value exactly as written in the CSV, so downloads and labels never re-format it.
    pub value_text: String,
    pub unit: String,
    pub qualifier: Option<Qualifier>,
    pub note: String,
}

/// How a number is hedged, or whose claim it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Qualifier {
    About,
    AtLeast,
    AtMost,
    LessThan,
    MoreThan,
    /// The number is this person's claim (a person id from the cast).
    ClaimedBy(String),
}

impl Qualifier {
    /// The hedges, in the order the content format lists them.
    pub const HEDGES: [Qualifier; 5] = [
        Qualifier::About,
        Qualifier::AtLeast,
        Qualifier::AtMost,
        Qualifier::LessThan,
        Qualifier::MoreThan,
    ];
    const CLAIM: &'static str = "claimed by ";

    /// Reads a CSV qualifier: a hedge, or `claimed by <person id>`. `None` if it is neither.
    pub fn parse(text: &str) -> Option<Qualifier> {
        if let Some(who) = text.strip_prefix(Self::CLAIM) {
            return Some(Qualifier::ClaimedBy(who.to_string()));
        }
        Self::HEDGES.into_iter().find(|q| q.hedge() == Some(text))
    }

    /// The words printed before the number (`about`), for a hedge; a claim prints none.
    pub fn hedge(&self) -> Option<&'static str> {
        match self {
            Qualifier::About => Some("about"),
            Qualifier::AtLeast => Some("at least"),
            Qualifier::AtMost => Some("at most"),
            Qualifier::LessThan => Some("less than"),
            Qualifier::MoreThan => Some("more than"),
            Qualifier::ClaimedBy(_) => None,
        }
    }

    /// The id of the person who made the claim, for a claim.
    pub fn claimant(&self) -> Option<&str> {
        match self {
            Qualifier::ClaimedBy(id) => Some(id),
            _ => None,
        }
    }
}

/// As written in the CSV (`at most`, `claimed by ots`).
impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.hedge(), self.claimant()) {
            (Some(words), _) => f.write_str(words),
            (None, Some(id)) => write!(f, "{}{id}", Self::CLAIM),
            (None, None) => Ok(()),
        }
    }
}

impl Dataset {
    pub const COLUMNS: [&'static str; 9] = [
        "id",
        "series",
        "label",
        "period",
        "place",
        "value",
        "unit",
        "qualifier",
        "note",
    ];

    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }

    pub fn series<'a>(&'a self, series: &'a str) -> impl Iterator<Item = &'a Row> + 'a {
        self.rows.iter().filter(move |r| r.series == series)
    }
}

impl Row {
    /// The id of the person whose claim this number is, if it is a claim.
    pub fn claimant(&self) -> Option<&str> {
        self.qualifier.as_ref().and_then(Qualifier::claimant)
    }
}

impl Content {
    /// The person whose claim a row's number is, if it is a claim.
    pub fn claimant(&self, row: &Row) -> Option<&Person> {
        row.claimant().and_then(|id| self.person(id))
    }
}

#[cfg(test)]
mod tests {
    use super::Qualifier;

    #[test]
    fn qualifiers_read_and_print_as_written() {
        for text in [
            "about",
            "at least",
            "at most",
            "less than",
            "more than",
            "claimed by ots",
        ] {
            let q = Qualifier::parse(text).expect(text);
            assert_eq!(q.to_string(), text);
        }
        assert_eq!(Qualifier::parse("claimed by ots").unwrap().claimant(), Some("ots"));
        assert_eq!(Qualifier::parse("roughly"), None);
        assert_eq!(Qualifier::parse(""), None);
    }
}
