//! The notes that tell a translator what a text is and where a reader meets
//! it: the item it belongs to (kind, number, title), the field, and the
//! field's place on the site, in the PDFs and in the workbook.
//!
//! Notes are written in the export's source language, the one the
//! translator reads, from canllaw's own catalogue (`src/messages/`).

use std::collections::HashMap;

use crate::check::lock_file_name;
use crate::lang::{Lang, Text};
use crate::model::Pack;
use crate::problem::Messages;

/// What a file (or an entry of `groups.yaml` or `glossary.yaml`) holds.
struct Item {
    kind: &'static str,
    title: [String; 2],
    number: Option<u32>,
}

impl Item {
    fn new(kind: &'static str, title: &Text, number: Option<u32>) -> Item {
        Item {
            kind,
            title: [title.cy.clone(), title.en.clone()],
            number,
        }
    }
}

/// The items of a pack, by file and by entry id.
pub(crate) struct Context {
    files: HashMap<String, Item>,
    entries: HashMap<(String, String), Item>,
}

/// `sections[0].fields[2].label` → `sections-fields-label`.
fn role(key: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    for c in key.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if in_index => {}
            '.' | '_' => out.push('-'),
            c => out.push(c),
        }
    }
    out
}

impl Context {
    /// The context of every item of `pack`.
    pub(crate) fn of(pack: &Pack) -> Context {
        let mut files = HashMap::new();
        let mut entries = HashMap::new();
        let name = |file: &std::path::Path| lock_file_name(file);
        for p in &pack.principles {
            files.insert(
                name(&p.source.file),
                Item::new("principle", &p.title, Some(p.number)),
            );
        }
        for e in &pack.examples {
            files.insert(name(&e.source.file), Item::new("example", &e.title, None));
        }
        for x in &pack.exercises {
            files.insert(
                name(&x.source.file),
                Item::new("exercise", &x.title, Some(x.number)),
            );
        }
        for f in &pack.forms {
            files.insert(name(&f.source.file), Item::new("form", &f.title, None));
        }
        for p in &pack.pages {
            files.insert(name(&p.source.file), Item::new("page", &p.title, None));
        }
        for g in &pack.groups {
            entries.insert(
                (name(&g.title.cy_at.file), g.id.clone()),
                Item::new("group", &g.title, None),
            );
        }
        for t in &pack.glossary {
            entries.insert(
                (name(&t.term.cy_at.file), t.id.clone()),
                Item::new("glossary", &t.term, None),
            );
        }
        files.insert(
            "canllaw.toml".to_string(),
            Item::new("settings", &pack.config.site.title, None),
        );
        Context { files, entries }
    }

    /// The notes for the text at `key` of `file`, in `source`'s language.
    pub(crate) fn notes(
        &self,
        messages: &Messages,
        source: Lang,
        file: &str,
        key: &str,
        markdown: bool,
    ) -> Vec<String> {
        let (item, field) = match self.files.get(file) {
            Some(item) => (Some(item), key.to_string()),
            None => {
                let (id, rest) = key.split_once('.').unwrap_or((key, "term"));
                (
                    self.entries.get(&(file.to_string(), id.to_string())),
                    rest.to_string(),
                )
            }
        };
        let mut notes = Vec::new();
        if let Some(item) = item {
            let title = &item.title[usize::from(source == Lang::En)];
            notes.push(messages.text(
                "xliff-note-item",
                &[
                    ("kind", item.kind.to_string()),
                    ("title", title.trim().to_string()),
                    (
                        "number",
                        item.number.map_or(String::new(), |n| n.to_string()),
                    ),
                ],
            ));
        }
        let kind = item.map_or("other", |i| i.kind);
        notes.push(messages.text(
            "xliff-note-field",
            &[
                ("key", key.to_string()),
                ("role", format!("{kind}-{}", role(&field))),
            ],
        ));
        if markdown {
            notes.push(messages.text("xliff-note-markdown", &[]));
        }
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_drop_indices() {
        assert_eq!(role("sections[0].fields[2].label"), "sections-fields-label");
        assert_eq!(role("less_helpful"), "less-helpful");
        assert_eq!(role("questions[3]"), "questions");
    }
}
