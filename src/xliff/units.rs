//! The translation units of a project for one target language: every
//! bilingual text and every message of the project's Fluent files, with its
//! source, its target as it stands, its state and its notes.

use std::collections::BTreeSet;
use std::path::Path;

use super::State;
use super::context::Context;
use super::ftl;
use super::placeholders::Syntax;
use crate::check::{self, lock_file_name, lock_hash, lock_records};
use crate::lang::{Lang, Text};
use crate::load;
use crate::problem::{Messages, Problem, Severity};
use crate::resources::Resources;
use crate::validate::is_markdown;

/// Where a unit's text lives, to write its translation back.
#[derive(Clone, Debug)]
pub(crate) enum Place {
    /// A bilingual text of `content/` or `canllaw.toml`.
    Content(Text),
    /// A pattern of a Fluent file.
    Fluent {
        /// The message or `-term`.
        id: String,
        /// The attribute, or `None` for the value.
        attr: Option<String>,
        /// The file in the project the translation goes to
        /// (`locales/cy/site.ftl`).
        file: String,
    },
}

/// One text to translate.
#[derive(Clone, Debug)]
pub(crate) struct Unit {
    /// `FILE#KEY`: stable, and what import finds the unit by.
    pub(crate) id: String,
    /// The file, as the `<file original>` that holds the unit.
    pub(crate) file: String,
    /// The key within the file.
    pub(crate) key: String,
    /// How the text is written.
    pub(crate) syntax: Syntax,
    /// The source language's text (without a block scalar's last line break).
    pub(crate) source: String,
    /// The target language's text, if there is a translation.
    pub(crate) target: Option<String>,
    /// How far its translation has come.
    pub(crate) state: State,
    /// What a translator should know about it.
    pub(crate) notes: Vec<String>,
    /// Where it is written.
    pub(crate) place: Place,
}

/// A text as a unit carries it: a block scalar's closing line breaks belong
/// to the YAML, not to the text.
pub(crate) fn trimmed(text: &str) -> String {
    text.trim_end_matches('\n').to_string()
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Every unit of the project in `root`, translating into `lang`.
pub(crate) fn collect(root: &Path, lang: Lang) -> Result<Vec<Unit>, Vec<Problem>> {
    let source = lang.other();
    let pack = load::load(root)?;
    let records = lock_records(root)?;
    let messages = Messages::new(source);
    let context = Context::of(&pack);
    let mut units = Vec::new();
    for text in check::texts(&pack) {
        let file = lock_file_name(&text.cy_at.file);
        let key = text.key.clone();
        let (src, tgt) = (text.get(source), text.get(lang));
        let record = records
            .as_ref()
            .and_then(|r| r.get(&(file.clone(), key.clone())));
        let state = match record {
            Some((cy, en)) => {
                let recorded = if source == Lang::Cy { cy } else { en };
                if *recorded == lock_hash(src) {
                    State::Translated
                } else {
                    State::NeedsReview
                }
            }
            None if same_words(src, tgt) => State::New,
            None => State::Translated,
        };
        let markdown = is_markdown(&key) && file != "canllaw.toml";
        units.push(Unit {
            id: format!("{file}#{key}"),
            notes: context.notes(&messages, source, &file, &key, markdown),
            file,
            key,
            syntax: if markdown {
                Syntax::Markdown
            } else {
                Syntax::Plain
            },
            source: trimmed(src),
            target: (state != State::New).then(|| trimmed(tgt)),
            state,
            place: Place::Content(text),
        });
    }
    units.extend(fluent_units(root, lang, &messages)?);
    Ok(units)
}

/// The units of the project's own Fluent files.
fn fluent_units(root: &Path, lang: Lang, messages: &Messages) -> Result<Vec<Unit>, Vec<Problem>> {
    let source = lang.other();
    let mut problems = Vec::new();
    let resources = Resources::load(root, &mut problems);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(problems);
    }
    let mut names = BTreeSet::new();
    for l in Lang::ALL {
        let prefix = format!("locales/{l}/");
        for (path, resource) in resources.under(&prefix) {
            if resource.from_project && path.ends_with(".ftl") {
                names.insert(path[prefix.len()..].to_string());
            }
        }
    }
    let mut units = Vec::new();
    for name in names {
        let source_path = format!("locales/{source}/{name}");
        let target_path = format!("locales/{lang}/{name}");
        let Some(source_text) = resources.text(&source_path) else {
            continue;
        };
        let target_entries = resources
            .text(&target_path)
            .map(ftl::entries)
            .unwrap_or_default();
        for entry in ftl::entries(source_text) {
            let target_entry = target_entries.iter().find(|e| e.id == entry.id);
            let patterns = entry
                .value
                .iter()
                .map(|p| (None, p))
                .chain(entry.attributes.iter().map(|(a, p)| (Some(a.clone()), p)));
            for (attr, pattern) in patterns {
                let key = match &attr {
                    Some(a) => format!("{}.{a}", entry.id),
                    None => entry.id.clone(),
                };
                let target = target_entry
                    .and_then(|e| e.pattern(attr.as_deref()))
                    .map(|p| p.text.clone());
                let mut notes = vec![messages.text(
                    "xliff-note-string",
                    &[("id", key.clone()), ("file", target_path.clone())],
                )];
                notes.extend(entry.comment.clone());
                if lang == Lang::Cy && pattern.text.contains("->") {
                    notes.push(messages.text("xliff-note-plurals", &[]));
                }
                units.push(Unit {
                    id: format!("{target_path}#{key}"),
                    file: target_path.clone(),
                    key,
                    syntax: Syntax::Fluent,
                    source: pattern.text.clone(),
                    state: if target.is_some() {
                        State::Translated
                    } else {
                        State::New
                    },
                    target,
                    notes,
                    place: Place::Fluent {
                        id: entry.id.clone(),
                        attr,
                        file: target_path.clone(),
                    },
                });
            }
        }
    }
    Ok(units)
}
