//! The site map of one language: every page in reading order, which gives
//! the sidebar, previous/next links and breadcrumbs.

use serde::Serialize;

use crate::i18n::{Arg, Strings};
use crate::lang::Lang;
use crate::model::{Kind, Pack};
use crate::problem::Problem;

/// One page of the site.
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    /// The item's kind; `None` for the home and glossary pages.
    #[serde(skip)]
    pub kind: Option<Kind>,
    /// The item's id (empty for home).
    pub id: String,
    /// Path from the language folder, e.g. `principles/own-words.html`.
    pub path: String,
    /// Title in the language.
    pub title: String,
    /// A label before the title, e.g. "Egwyddor 3".
    pub label: Option<String>,
}

/// A titled part of the sidebar.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    /// Heading in the language.
    pub title: String,
    /// Where the heading leads (a section of the home page).
    pub anchor: String,
    /// Indices into [`SiteMap::entries`].
    pub entries: Vec<usize>,
}

/// Every page of one language, in reading order.
#[derive(Debug)]
pub struct SiteMap {
    /// The language.
    pub lang: Lang,
    /// Pages in reading order: home, principles by group, examples,
    /// exercises, forms, free pages, glossary.
    pub entries: Vec<Entry>,
    /// The sidebar's sections.
    pub sections: Vec<Section>,
}

impl SiteMap {
    /// The map of `pack` in `lang`.
    ///
    /// # Errors
    /// A missing interface string.
    pub fn new(pack: &Pack, lang: Lang, strings: &Strings) -> Result<SiteMap, Problem> {
        let mut entries = vec![Entry {
            kind: None,
            id: String::new(),
            path: "index.html".into(),
            title: strings.t(lang, "home")?,
            label: None,
        }];
        let mut sections = Vec::new();
        let push = |entries: &mut Vec<Entry>, kind, id: &str, title: &str, label| {
            entries.push(Entry {
                kind: Some(kind),
                id: id.to_string(),
                path: format!("{}/{id}.html", Kind::folder(kind)),
                title: title.to_string(),
                label,
            });
            entries.len() - 1
        };
        for group in &pack.groups {
            let mut indices = Vec::new();
            for p in pack.principles.iter().filter(|p| p.group.id == group.id) {
                let label = strings.get(
                    lang,
                    "principle-number",
                    &[("number", Arg::Number(f64::from(p.number)))],
                )?;
                indices.push(push(
                    &mut entries,
                    Kind::Principle,
                    &p.id,
                    p.title.get(lang),
                    Some(label),
                ));
            }
            sections.push(Section {
                title: group.title.get(lang).to_string(),
                anchor: format!("group-{}", group.id),
                entries: indices,
            });
        }
        let examples = pack
            .examples
            .iter()
            .map(|e| push(&mut entries, Kind::Example, &e.id, e.title.get(lang), None))
            .collect();
        sections.push(Section {
            title: strings.t(lang, "examples")?,
            anchor: "examples".into(),
            entries: examples,
        });
        let mut exercises = Vec::new();
        for x in &pack.exercises {
            let label = strings.get(
                lang,
                "exercise-number",
                &[("number", Arg::Number(f64::from(x.number)))],
            )?;
            exercises.push(push(
                &mut entries,
                Kind::Exercise,
                &x.id,
                x.title.get(lang),
                Some(label),
            ));
        }
        sections.push(Section {
            title: strings.t(lang, "exercises")?,
            anchor: "exercises".into(),
            entries: exercises,
        });
        let forms = pack
            .forms
            .iter()
            .map(|f| push(&mut entries, Kind::Form, &f.id, f.title.get(lang), None))
            .collect();
        sections.push(Section {
            title: strings.t(lang, "forms")?,
            anchor: "forms".into(),
            entries: forms,
        });
        let pages = pack
            .pages
            .iter()
            .map(|p| push(&mut entries, Kind::Page, &p.id, p.title.get(lang), None))
            .collect();
        sections.push(Section {
            title: strings.t(lang, "pages")?,
            anchor: "pages".into(),
            entries: pages,
        });
        entries.push(Entry {
            kind: Some(Kind::Glossary),
            id: String::new(),
            path: "glossary.html".into(),
            title: strings.t(lang, "glossary")?,
            label: None,
        });
        sections.retain(|s| !s.entries.is_empty());
        Ok(SiteMap {
            lang,
            entries,
            sections,
        })
    }
}
