//! Checks across files: unique ids and numbers, references to groups and
//! items, cross-references in Markdown. Runs after every file is decoded.

use std::collections::{HashMap, HashSet};

use crate::decode::Ref;
use crate::lang::{Lang, Loc, Text};
use crate::markdown;
use crate::model::{FieldKind, Kind, Pack, SectionBody};
use crate::problem::{Code, Problem};

/// The long-form fields that are Markdown, by the key they are written under.
pub const MARKDOWN_KEYS: [&str; 9] = [
    "body",
    "background",
    "commentary",
    "less_helpful",
    "more_helpful",
    "definition",
    "description",
    "help",
    "you_will_need",
];

/// True if the text at `key` (a field path) is Markdown.
pub fn is_markdown(key: &str) -> bool {
    let last = key.rsplit('.').next().unwrap_or(key);
    MARKDOWN_KEYS.contains(&last)
}

/// Ids that the project declares even where the item itself did not load:
/// the file stems of items whose file has a problem, the `id`s of glossary
/// entries and groups with a problem elsewhere. A reference to one of them
/// is not reported as well: the problem is in the item, and one mistake
/// should not echo through every file that names it.
#[derive(Debug, Default)]
pub struct Declared {
    /// Item ids by kind.
    pub items: HashMap<Kind, HashSet<String>>,
    /// Group ids.
    pub groups: HashSet<String>,
}

/// Checks the pack and puts it in reading order; problems go to `problems`.
pub fn validate(pack: Pack, problems: &mut Vec<Problem>) -> Pack {
    validate_declared(pack, &Declared::default(), problems)
}

/// As [`validate`], with references to the `declared` ids accepted too.
pub fn validate_declared(mut pack: Pack, declared: &Declared, problems: &mut Vec<Problem>) -> Pack {
    let mut ids = Ids::of(&pack);
    ids.groups.extend(declared.groups.iter().cloned());
    for (kind, more) in &declared.items {
        ids.items
            .entry(*kind)
            .or_default()
            .extend(more.iter().cloned());
    }

    unique(
        problems,
        pack.groups.iter().map(|g| (g.id.clone(), g.at.clone())),
        Code::DuplicateId,
    );
    unique(
        problems,
        pack.glossary.iter().map(|t| (t.id.clone(), t.at.clone())),
        Code::DuplicateId,
    );
    unique(
        problems,
        pack.principles
            .iter()
            .map(|p| (p.number.to_string(), Loc::file(p.source.file.clone()))),
        Code::DuplicateNumber,
    );
    unique(
        problems,
        pack.exercises
            .iter()
            .map(|x| (x.number.to_string(), Loc::file(x.source.file.clone()))),
        Code::DuplicateNumber,
    );

    for p in &pack.principles {
        ids.group(problems, &p.group);
        ids.all(problems, Kind::Example, &p.examples);
    }
    for e in &pack.examples {
        ids.all(problems, Kind::Principle, &e.principles);
    }
    for x in &pack.exercises {
        if let Some(group) = &x.group {
            ids.group(problems, group);
        }
        ids.all(problems, Kind::Example, &x.examples);
    }
    for form in &pack.forms {
        let mut names: HashMap<String, Loc> = HashMap::new();
        let mut claim = |name: String, at: &Loc, problems: &mut Vec<Problem>| {
            if let Some(first) = names.get(&name) {
                problems.push(
                    Problem::error(Code::DuplicateId, at.clone())
                        .arg("id", &name)
                        .also(first.clone()),
                );
            } else {
                names.insert(name, at.clone());
            }
        };
        for section in &form.sections {
            match &section.body {
                SectionBody::Fields(fields) => {
                    for field in fields {
                        claim(field.id.clone(), &field.at, problems);
                        if let FieldKind::Choice { options } = &field.kind {
                            let mut seen = HashSet::new();
                            for o in options {
                                if !seen.insert(o.id.as_str()) {
                                    problems.push(
                                        Problem::error(Code::DuplicateId, o.label.cy_at.clone())
                                            .arg("id", &o.id),
                                    );
                                }
                            }
                        }
                    }
                }
                SectionBody::Table(table) => {
                    let at = section.title.cy_at.clone();
                    for column in &table.columns {
                        for row in 1..=table.rows {
                            claim(format!("{}-{row}", column.id), &at, problems);
                        }
                    }
                }
            }
        }
    }

    for text in pack.texts() {
        if is_markdown(&text.key) {
            ids.links(problems, text);
        }
    }

    pack.principles.sort_by_key(|p| p.number);
    pack.exercises.sort_by_key(|x| x.number);
    pack.pages
        .sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    pack.forms.sort_by(|a, b| a.id.cmp(&b.id));
    // Examples read in the order the principles list them; the rest by id.
    let mut rank: HashMap<String, usize> = HashMap::new();
    for p in &pack.principles {
        for r in &p.examples {
            let next = rank.len();
            rank.entry(r.id.clone()).or_insert(next);
        }
    }
    pack.examples.sort_by(|a, b| {
        (rank.get(&a.id).unwrap_or(&usize::MAX), &a.id)
            .cmp(&(rank.get(&b.id).unwrap_or(&usize::MAX), &b.id))
    });
    pack
}

fn unique(problems: &mut Vec<Problem>, items: impl Iterator<Item = (String, Loc)>, code: Code) {
    let mut seen: HashMap<String, Loc> = HashMap::new();
    for (key, at) in items {
        if let Some(first) = seen.get(&key) {
            let arg = if code == Code::DuplicateNumber {
                "number"
            } else {
                "id"
            };
            problems.push(Problem::error(code, at).arg(arg, &key).also(first.clone()));
        } else {
            seen.insert(key, at);
        }
    }
}

struct Ids {
    groups: HashSet<String>,
    items: HashMap<Kind, HashSet<String>>,
}

impl Ids {
    fn of(pack: &Pack) -> Ids {
        let mut items: HashMap<Kind, HashSet<String>> = HashMap::new();
        let mut add = |kind, id: &str| {
            items.entry(kind).or_default().insert(id.to_string());
        };
        pack.principles
            .iter()
            .for_each(|x| add(Kind::Principle, &x.id));
        pack.examples.iter().for_each(|x| add(Kind::Example, &x.id));
        pack.exercises
            .iter()
            .for_each(|x| add(Kind::Exercise, &x.id));
        pack.forms.iter().for_each(|x| add(Kind::Form, &x.id));
        pack.pages.iter().for_each(|x| add(Kind::Page, &x.id));
        pack.glossary
            .iter()
            .for_each(|x| add(Kind::Glossary, &x.id));
        Ids {
            groups: pack.groups.iter().map(|g| g.id.clone()).collect(),
            items,
        }
    }

    fn has(&self, kind: Kind, id: &str) -> bool {
        self.items.get(&kind).is_some_and(|ids| ids.contains(id))
    }

    fn group(&self, problems: &mut Vec<Problem>, r: &Ref) {
        if !self.groups.contains(&r.id) {
            problems.push(Problem::error(Code::UnknownGroup, r.at.clone()).arg("id", &r.id));
        }
    }

    fn all(&self, problems: &mut Vec<Problem>, kind: Kind, refs: &[Ref]) {
        for r in refs {
            if !self.has(kind, &r.id) {
                problems.push(
                    Problem::error(Code::UnknownReference, r.at.clone())
                        .arg("kind", kind.scheme())
                        .arg("id", &r.id),
                );
            }
        }
    }

    fn links(&self, problems: &mut Vec<Problem>, text: &Text) {
        for lang in Lang::ALL {
            let start = text.at(lang);
            for link in markdown::links(text.get(lang)) {
                let at = start.inside(link.line, link.col);
                if markdown::is_unsafe_url(&link.url) {
                    problems.push(
                        Problem::error(Code::UnsafeLink, at)
                            .arg("field", format!("{}.{lang}", text.key))
                            .arg("url", &link.url),
                    );
                    continue;
                }
                match markdown::cross_reference(&link.url) {
                    Some((kind, id)) => {
                        if !self.has(kind, id) {
                            problems.push(
                                Problem::error(Code::UnknownLink, at)
                                    .arg("field", format!("{}.{lang}", text.key))
                                    .arg("kind", kind.scheme())
                                    .arg("id", id),
                            );
                        }
                    }
                    None => {
                        if let Some((scheme, _)) = link.url.split_once(':') {
                            let looks_like_ours = !scheme.is_empty()
                                && scheme.chars().all(|c| c.is_ascii_lowercase())
                                && !matches!(scheme, "http" | "https" | "mailto" | "tel");
                            if looks_like_ours {
                                problems.push(
                                    Problem::error(Code::UnknownLinkKind, at)
                                        .arg("field", format!("{}.{lang}", text.key))
                                        .arg("url", &link.url),
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}
