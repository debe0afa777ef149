//! The typed model of a content pack: every item with both its languages,
//! checked and cross-referenced. Renderers read this and nothing else.

use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::decode::Ref;
use crate::lang::{Loc, Text};

/// A loaded, valid content pack.
#[derive(Clone, Debug)]
pub struct Pack {
    /// `canllaw.toml`.
    pub config: Config,
    /// The groups, in the order of `groups.yaml`.
    pub groups: Vec<Group>,
    /// Principles by number.
    pub principles: Vec<Principle>,
    /// Worked examples, in the order their principles first list them.
    pub examples: Vec<Example>,
    /// Exercises by number.
    pub exercises: Vec<Exercise>,
    /// Recording templates by id.
    pub forms: Vec<Form>,
    /// Glossary terms as written (renderers sort per language).
    pub glossary: Vec<Term>,
    /// Free pages by `order`.
    pub pages: Vec<Page>,
}

/// The kinds of item a pack holds, which are also the kinds of Markdown link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `principles/ID.yaml`.
    Principle,
    /// `examples/ID.yaml`.
    Example,
    /// `exercises/ID.yaml`.
    Exercise,
    /// `forms/ID.yaml`.
    Form,
    /// `pages/ID.yaml`.
    Page,
    /// An entry of `glossary.yaml`.
    Glossary,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 6] = [
        Kind::Principle,
        Kind::Example,
        Kind::Exercise,
        Kind::Form,
        Kind::Page,
        Kind::Glossary,
    ];

    /// The link scheme: `principle` in `principle:ID`.
    pub fn scheme(self) -> &'static str {
        match self {
            Kind::Principle => "principle",
            Kind::Example => "example",
            Kind::Exercise => "exercise",
            Kind::Form => "form",
            Kind::Page => "page",
            Kind::Glossary => "glossary",
        }
    }

    /// The kind for a link scheme.
    pub fn from_scheme(scheme: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.scheme() == scheme)
    }

    /// The folder under `content/` and under each language in the output.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Principle => "principles",
            Kind::Example => "examples",
            Kind::Exercise => "exercises",
            Kind::Form => "forms",
            Kind::Page => "pages",
            Kind::Glossary => "glossary",
        }
    }
}

/// Where an item came from.
#[derive(Clone, Debug)]
pub struct Source {
    /// The file, relative to the project.
    pub file: Arc<Path>,
}

/// A group of principles.
#[derive(Clone, Debug)]
pub struct Group {
    /// Its id.
    pub id: String,
    /// Title.
    pub title: Text,
    /// One-sentence summary.
    pub summary: Text,
    /// Where it was written.
    pub at: Loc,
}

/// A principle.
#[derive(Clone, Debug)]
pub struct Principle {
    /// File stem.
    pub id: String,
    /// "Principle N".
    pub number: u32,
    /// The group's id.
    pub group: Ref,
    /// Title.
    pub title: Text,
    /// One sentence.
    pub summary: Text,
    /// Markdown.
    pub body: Text,
    /// Its worked examples, in order.
    pub examples: Vec<Ref>,
    /// The file.
    pub source: Source,
}

/// A worked example: a record as often written and as it could be.
#[derive(Clone, Debug)]
pub struct Example {
    /// File stem.
    pub id: String,
    /// Title.
    pub title: Text,
    /// The principles it illustrates (at least one).
    pub principles: Vec<Ref>,
    /// E.g. home care.
    pub setting: Option<Text>,
    /// Markdown: the record as it is often written.
    pub less_helpful: Option<Text>,
    /// Markdown: the record as it could be written.
    pub more_helpful: Text,
    /// Markdown: what makes the difference.
    pub commentary: Text,
    /// The file.
    pub source: Source,
}

/// A reflective exercise.
#[derive(Clone, Debug)]
pub struct Exercise {
    /// File stem.
    pub id: String,
    /// "Exercise N".
    pub number: u32,
    /// Title.
    pub title: Text,
    /// Optional group id.
    pub group: Option<Ref>,
    /// Markdown.
    pub you_will_need: Option<Text>,
    /// Markdown.
    pub background: Text,
    /// At least one; plain text.
    pub questions: Vec<Text>,
    /// Worked examples to read with it.
    pub examples: Vec<Ref>,
    /// The file.
    pub source: Source,
}

/// What a recording template is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// assessment
    Assessment,
    /// learning-log
    LearningLog,
    /// review
    Review,
    /// plan
    Plan,
    /// profile
    Profile,
    /// supervision
    Supervision,
    /// record
    Record,
}

impl FormKind {
    /// The words allowed in `kind:`.
    pub const NAMES: [&'static str; 7] = [
        "assessment",
        "learning-log",
        "review",
        "plan",
        "profile",
        "supervision",
        "record",
    ];

    /// From the word in `kind:`.
    pub fn from_name(name: &str) -> Option<FormKind> {
        Some(match name {
            "assessment" => FormKind::Assessment,
            "learning-log" => FormKind::LearningLog,
            "review" => FormKind::Review,
            "plan" => FormKind::Plan,
            "profile" => FormKind::Profile,
            "supervision" => FormKind::Supervision,
            "record" => FormKind::Record,
            _ => return None,
        })
    }

    /// The word in `kind:`, also the Fluent id suffix of its name.
    pub fn name(self) -> &'static str {
        match self {
            FormKind::Assessment => "assessment",
            FormKind::LearningLog => "learning-log",
            FormKind::Review => "review",
            FormKind::Plan => "plan",
            FormKind::Profile => "profile",
            FormKind::Supervision => "supervision",
            FormKind::Record => "record",
        }
    }
}

/// Page orientation of a template's PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Orientation {
    /// Upright (the default).
    #[default]
    Portrait,
    /// On its side, for wide tables.
    Landscape,
}

/// A recording template.
#[derive(Clone, Debug)]
pub struct Form {
    /// File stem.
    pub id: String,
    /// Title.
    pub title: Text,
    /// What it is for.
    pub kind: FormKind,
    /// Markdown.
    pub description: Text,
    /// Portrait or landscape.
    pub orientation: Orientation,
    /// Its sections, in order.
    pub sections: Vec<Section>,
    /// The file.
    pub source: Source,
}

/// A section of a template.
#[derive(Clone, Debug)]
pub struct Section {
    /// Title.
    pub title: Text,
    /// Markdown prompt under the title.
    pub help: Option<Text>,
    /// Fields or a table.
    pub body: SectionBody,
}

/// What a section holds.
#[derive(Clone, Debug)]
pub enum SectionBody {
    /// Labelled fields.
    Fields(Vec<Field>),
    /// A grid of cells.
    Table(Table),
}

/// One field of a template.
#[derive(Clone, Debug)]
pub struct Field {
    /// Unique within the form: the PDF field and HTML input name.
    pub id: String,
    /// Label.
    pub label: Text,
    /// Markdown help.
    pub help: Option<Text>,
    /// What is entered.
    pub kind: FieldKind,
    /// Where it was written.
    pub at: Loc,
}

/// What a field takes.
#[derive(Clone, Debug)]
pub enum FieldKind {
    /// One line.
    Text,
    /// Several lines: the box's height in lines.
    TextArea {
        /// Height in lines (default 4).
        lines: u32,
    },
    /// A date.
    Date,
    /// A tick.
    Checkbox,
    /// One of several options.
    Choice {
        /// The options, in order.
        options: Vec<ChoiceOption>,
    },
}

impl FieldKind {
    /// The word in `type:`.
    pub fn name(&self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::TextArea { .. } => "textarea",
            FieldKind::Date => "date",
            FieldKind::Checkbox => "checkbox",
            FieldKind::Choice { .. } => "choice",
        }
    }
}

/// One option of a choice field.
#[derive(Clone, Debug)]
pub struct ChoiceOption {
    /// The value stored.
    pub id: String,
    /// Label.
    pub label: Text,
}

/// A table of cells named `COLUMN-ROW`.
#[derive(Clone, Debug)]
pub struct Table {
    /// Columns in order.
    pub columns: Vec<Column>,
    /// Number of rows to fill.
    pub rows: u32,
}

/// A table column.
#[derive(Clone, Debug)]
pub struct Column {
    /// Id: the first part of a cell's name.
    pub id: String,
    /// Header.
    pub label: Text,
    /// Relative width (default 1).
    pub width: u32,
}

/// A glossary entry.
#[derive(Clone, Debug)]
pub struct Term {
    /// Id: the anchor on the glossary page.
    pub id: String,
    /// The term in both languages.
    pub term: Text,
    /// Markdown.
    pub definition: Text,
    /// Where it was written.
    pub at: Loc,
}

/// A free page.
#[derive(Clone, Debug)]
pub struct Page {
    /// File stem.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Position among the free pages.
    pub order: i64,
    /// Markdown.
    pub body: Text,
    /// The file.
    pub source: Source,
}

impl Pack {
    /// The principle with `id`.
    pub fn principle(&self, id: &str) -> Option<&Principle> {
        self.principles.iter().find(|p| p.id == id)
    }

    /// The example with `id`.
    pub fn example(&self, id: &str) -> Option<&Example> {
        self.examples.iter().find(|e| e.id == id)
    }

    /// The group with `id`.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// Every bilingual text in the pack, for checks that look at them all.
    pub fn texts(&self) -> Vec<&Text> {
        let mut texts: Vec<&Text> = vec![
            &self.config.site.title,
            &self.config.site.description,
            &self.config.site.organisation,
        ];
        texts.extend(self.config.brand.texts());
        for g in &self.groups {
            texts.extend([&g.title, &g.summary]);
        }
        for p in &self.principles {
            texts.extend([&p.title, &p.summary, &p.body]);
        }
        for e in &self.examples {
            texts.extend([&e.title, &e.more_helpful, &e.commentary]);
            texts.extend(e.setting.iter().chain(e.less_helpful.iter()));
        }
        for x in &self.exercises {
            texts.extend([&x.title, &x.background]);
            texts.extend(x.you_will_need.iter());
            texts.extend(x.questions.iter());
        }
        for f in &self.forms {
            texts.extend([&f.title, &f.description]);
            for s in &f.sections {
                texts.push(&s.title);
                texts.extend(s.help.iter());
                match &s.body {
                    SectionBody::Fields(fields) => {
                        for field in fields {
                            texts.push(&field.label);
                            texts.extend(field.help.iter());
                            if let FieldKind::Choice { options } = &field.kind {
                                texts.extend(options.iter().map(|o| &o.label));
                            }
                        }
                    }
                    SectionBody::Table(t) => texts.extend(t.columns.iter().map(|c| &c.label)),
                }
            }
        }
        for t in &self.glossary {
            texts.extend([&t.term, &t.definition]);
        }
        for p in &self.pages {
            texts.extend([&p.title, &p.body]);
        }
        texts
    }
}
