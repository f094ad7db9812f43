//! The validated content of the essay: what the page renders, and nothing else.
//!
//! Every id here has already been checked by the parser, so render code can look things up
//! without handling "not found" as a reader-facing case.

use serde::{Deserialize, Serialize};

mod dataset;
mod figure;
mod index;
pub use dataset::{Dataset, Qualifier, Row};
pub use figure::{DrawnSeries, Figure, FigureKind, FigureSource, Lane, Per, Reference, RowEncoding, Waffle};
pub use index::{datum_anchor, Index};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Content {
    pub meta: Meta,
    pub sections: Vec<Section>,
    /// In order of first reference.
    pub notes: Vec<Note>,
    pub people: Vec<Person>,
    pub terms: Vec<Term>,
    pub events: Vec<Event>,
    pub datasets: Vec<Dataset>,
    pub figures: Vec<Figure>,
    /// Cross-references, computed once by the loader.
    pub index: Index,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    pub subtitle: String,
    pub source: Source,
    pub edition_note: String,
    pub edition_year: u16,
    pub archive_name: String,
    pub archive_abbreviation: String,
}

/// The article this essay retells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub author: String,
    pub title: String,
    pub journal: String,
    pub year: u16,
    pub doi: String,
    pub url: String,
    pub repository: String,
    /// How many notes the article has: `n1`…`n<notes>` are valid note labels.
    pub notes: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// From the file name (`03-first-plan.md` → `first-plan`); the section's anchor.
    pub id: String,
    /// Roman numeral of the article's section (I–VI).
    pub numeral: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Paragraph { id: String, inlines: Vec<Inline> },
    Quote { id: String, inlines: Vec<Inline> },
    Figure { id: String },
}

impl Block {
    pub fn id(&self) -> &str {
        match self {
            Block::Paragraph { id, .. } | Block::Quote { id, .. } => id,
            Block::Figure { id } => id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    /// A mention of a person. In the essay it has an anchor unique in the page (`m-zaltsman-2`);
    /// in cards and captions it has none.
    Person {
        id: String,
        anchor: Option<String>,
        children: Vec<Inline>,
    },
    /// A mention of a term; anchored like a person's (`t-edinonachalie-1`).
    Term {
        id: String,
        anchor: Option<String>,
        children: Vec<Inline>,
    },
    /// A number tied to a dataset row.
    Datum {
        dataset: String,
        row: String,
        children: Vec<Inline>,
    },
    /// A reference to a note, by label, with an anchor unique in the page (`r-n76-1`), given
    /// once the whole essay is read.
    NoteRef {
        label: String,
        anchor: Option<String>,
        /// The essay's first reference to this note (which also carries it as a sidenote).
        first: bool,
    },
    Link {
        href: String,
        children: Vec<Inline>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub label: String,
    /// What the reader sees: the article's own note number, or E1, E2 … for editor's notes.
    pub display: String,
    /// The article's note number, if this note retells one.
    pub article_note: Option<u16>,
    /// Section where it is defined.
    pub section: String,
    pub body: Vec<Vec<Inline>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Group {
    Director,
    PartyOfficial,
    Worker,
    Leader,
    Engineer,
    TradeUnion,
    Other,
    Historian,
}

impl Group {
    pub const ALL: [Group; 8] = [
        Group::Director,
        Group::PartyOfficial,
        Group::Worker,
        Group::Engineer,
        Group::TradeUnion,
        Group::Leader,
        Group::Other,
        Group::Historian,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Group::Director => "director",
            Group::PartyOfficial => "party-official",
            Group::Worker => "worker",
            Group::Leader => "leader",
            Group::Engineer => "engineer",
            Group::TradeUnion => "trade-union",
            Group::Other => "other",
            Group::Historian => "historian",
        }
    }
    pub fn from_key(key: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.key() == key)
    }
    /// Plural heading for the people index.
    pub fn heading(self) -> &'static str {
        match self {
            Group::Director => "Directors",
            Group::PartyOfficial => "Party officials",
            Group::Worker => "Workers and shop communists",
            Group::Leader => "Leaders",
            Group::Engineer => "Engineers",
            Group::TradeUnion => "Trade union",
            Group::Other => "Others",
            Group::Historian => "Historians",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Group::Director => "Director",
            Group::PartyOfficial => "Party official",
            Group::Worker => "Worker",
            Group::Leader => "Leader",
            Group::Engineer => "Engineer",
            Group::TradeUnion => "Trade union",
            Group::Other => "Other",
            Group::Historian => "Historian",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub short: String,
    pub variants: Vec<String>,
    pub cyrillic: Option<String>,
    pub group: Group,
    pub role: String,
    pub years: (u16, u16),
    pub summary: Vec<Inline>,
    pub related: Vec<String>,
    pub moments: Vec<Moment>,
    /// Derived: every mention in the essay, in reading order.
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Moment {
    pub year: String,
    pub text: Vec<Inline>,
    pub note: String,
}

/// Where something is mentioned: the mention's own anchor, and its section and paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub anchor: String,
    pub section: String,
    pub paragraph: String,
}

impl Mention {
    /// The paragraph's place in its section (`nep-p3` → 3), as the reader counts.
    pub fn paragraph_number(&self) -> Option<u32> {
        self.paragraph.rsplit_once("-p")?.1.parse().ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TermGroup {
    Party,
    Economy,
    Labour,
    State,
    Historiography,
}

impl TermGroup {
    pub const ALL: [TermGroup; 5] = [
        TermGroup::Party,
        TermGroup::Economy,
        TermGroup::Labour,
        TermGroup::State,
        TermGroup::Historiography,
    ];
    pub fn key(self) -> &'static str {
        match self {
            TermGroup::Party => "party",
            TermGroup::Economy => "economy",
            TermGroup::Labour => "labour",
            TermGroup::State => "state",
            TermGroup::Historiography => "historiography",
        }
    }
    pub fn from_key(key: &str) -> Option<TermGroup> {
        TermGroup::ALL.into_iter().find(|g| g.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub russian: Option<String>,
    pub translit: Option<String>,
    pub english: Option<String>,
    pub meaning: Vec<Inline>,
    pub group: TermGroup,
    pub note: Option<String>,
    /// Derived: every mention in the essay; the first is where the term is first used.
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tag {
    PolicyActivism,
    PolicyDiscipline,
    FactoryMeeting,
    Personnel,
    Repression,
    WiderEvent,
    Production,
}

impl Tag {
    pub const ALL: [Tag; 7] = [
        Tag::PolicyActivism,
        Tag::PolicyDiscipline,
        Tag::FactoryMeeting,
        Tag::Personnel,
        Tag::Repression,
        Tag::WiderEvent,
        Tag::Production,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Tag::PolicyActivism => "policy-activism",
            Tag::PolicyDiscipline => "policy-discipline",
            Tag::FactoryMeeting => "factory-meeting",
            Tag::Personnel => "personnel",
            Tag::Repression => "repression",
            Tag::WiderEvent => "wider-event",
            Tag::Production => "production",
        }
    }
    pub fn from_key(key: &str) -> Option<Tag> {
        Tag::ALL.into_iter().find(|t| t.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Tag::PolicyActivism => "Policy: mass activism",
            Tag::PolicyDiscipline => "Policy: discipline",
            Tag::FactoryMeeting => "Factory meeting",
            Tag::Personnel => "Personnel change",
            Tag::Repression => "Arrest or purge",
            Tag::WiderEvent => "Wider event",
            Tag::Production => "Production",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub title: Vec<Inline>,
    pub tags: Vec<Tag>,
    pub note: String,
    pub people: Vec<String>,
}

impl Content {
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id == id)
    }
    pub fn note(&self, label: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.label == label)
    }
    pub fn dataset(&self, id: &str) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.id == id)
    }
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}

/// Plain text of inline content (for titles, aria labels and word counts).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(t),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Person { children: c, .. }
            | Inline::Term { children: c, .. }
            | Inline::Datum { children: c, .. }
            | Inline::Link { children: c, .. } => push_plain(c, out),
            Inline::NoteRef { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Mention;

    #[test]
    fn a_mention_knows_its_paragraphs_place_in_the_section() {
        let m = |p: &str| Mention {
            anchor: "m-x-1".into(),
            section: "nep".into(),
            paragraph: p.into(),
        };
        assert_eq!(m("nep-p3").paragraph_number(), Some(3));
        assert_eq!(m("first-plan-p12").paragraph_number(), Some(12));
        assert_eq!(m("nep").paragraph_number(), None);
    }
}
