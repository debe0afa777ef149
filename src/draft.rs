//! A saved draft of a form: the JSON the site's "save" button writes and
//! `canllaw pdf --fill` reads (FORMAT.md):
//!
//! ```json
//! {"form": "support-plan", "lang": "cy", "version": 1,
//!  "values": {"outcome": "Mynd i'r siop", "agreed": true, "outcome-kind": "change"}}
//! ```
//!
//! A draft is checked against its form before anything is drawn: a draft
//! for another form, a field the form does not have, or a value of the wrong
//! kind is an error that names it, so a practitioner never gets a PDF that
//! silently dropped what they wrote.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde_json::Value as Json;

use crate::config::line_col;
use crate::lang::{Lang, Loc};
use crate::load::read_text_at_most;
use crate::model::{FieldKind, Form, SectionBody};
use crate::problem::{Code, Problem};

/// The largest draft read: far more than anyone types into a form, and
/// read no further, so a wrong file (a video, `/dev/zero`) is refused at
/// once instead of filling memory.
pub const MAX_DRAFT_BYTES: u64 = 2 * 1024 * 1024;

/// The draft format version this build reads and the site writes.
pub const VERSION: u64 = 1;

/// A checked draft: every value belongs to a field of its form and has the
/// right kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The form's id.
    pub form: String,
    /// The language the draft was written in.
    pub lang: Lang,
    /// Values by field name (table cells as `COLUMN-ROW`).
    pub values: BTreeMap<String, Value>,
}

/// One value of a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// What was typed, or a choice's option id.
    Text(String),
    /// A checkbox.
    Tick(bool),
}

impl Draft {
    /// The text typed into `field`, if any.
    pub fn text(&self, field: &str) -> Option<&str> {
        match self.values.get(field) {
            Some(Value::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// Whether the checkbox `field` is ticked.
    pub fn ticked(&self, field: &str) -> bool {
        matches!(self.values.get(field), Some(Value::Tick(true)))
    }
}

/// What a field of the form accepts, by its name.
enum Accepts<'a> {
    /// Any text (text, textarea, date, table cells).
    Text,
    /// true or false.
    Tick,
    /// One of these option ids.
    Option(Vec<&'a str>),
}

/// Every field name of `form` with what it accepts, in reading order.
fn accepted(form: &Form) -> Vec<(String, Accepts<'_>)> {
    let mut names = Vec::new();
    for section in &form.sections {
        match &section.body {
            SectionBody::Fields(fields) => {
                for field in fields {
                    let accepts = match &field.kind {
                        FieldKind::Checkbox => Accepts::Tick,
                        FieldKind::Choice { options } => {
                            Accepts::Option(options.iter().map(|o| o.id.as_str()).collect())
                        }
                        FieldKind::Text | FieldKind::TextArea { .. } | FieldKind::Date => {
                            Accepts::Text
                        }
                    };
                    names.push((field.id.clone(), accepts));
                }
            }
            SectionBody::Table(table) => {
                for row in 1..=table.rows {
                    for column in &table.columns {
                        names.push((format!("{}-{row}", column.id), Accepts::Text));
                    }
                }
            }
        }
    }
    names
}

/// Reads and checks the draft at `path` against `form`.
///
/// # Errors
/// Every problem found: unreadable file, invalid JSON, a draft for another
/// form, unknown fields, values of the wrong kind.
pub fn load_draft(path: &Path, form: &Form) -> Result<Draft, Vec<Problem>> {
    let mut problems = Vec::new();
    let Some(source) = read_text_at_most(Path::new(""), path, MAX_DRAFT_BYTES, &mut problems)
    else {
        // Too large for a draft: say so as a draft, not as content.
        for p in &mut problems {
            if p.code == Code::FileTooLarge {
                p.code = Code::DraftTooLarge;
            }
        }
        return Err(problems);
    };
    parse(&source, Arc::from(path), form)
}

/// Checks the draft JSON `source` against `form`; `file` names it in problems.
///
/// # Errors
/// As [`load_draft`].
pub fn parse(source: &str, file: Arc<Path>, form: &Form) -> Result<Draft, Vec<Problem>> {
    // serde_json's values carry no positions, so a problem about a key is
    // placed at the key's first appearance in the text: good enough to find it
    // in a file the site wrote on one line or pretty-printed.
    let at_offset = |offset: usize| {
        let (line, col) = line_col(source, offset);
        Loc {
            file: file.clone(),
            line,
            col,
            block: false,
        }
    };
    let at_key = |key: &str, from: usize| {
        let quoted = serde_json::to_string(key).unwrap_or_default();
        at_offset(source[from..].find(&quoted).map_or(0, |i| i + from))
    };
    let json: Json = serde_json::from_str(source).map_err(|e| {
        let (line, col) = (
            u32::try_from(e.line()).unwrap_or(u32::MAX),
            // serde_json counts a line's end as column 0.
            u32::try_from(e.column().max(1)).unwrap_or(u32::MAX),
        );
        vec![
            Problem::error(
                Code::DraftSyntax,
                Loc {
                    file: file.clone(),
                    line,
                    col,
                    block: false,
                },
            )
            .arg("detail", e),
        ]
    })?;
    let shape = |field: &str, expected: &str| {
        Problem::error(Code::DraftShape, at_key(field, 0))
            .arg("field", field)
            .arg("expected", expected)
    };
    let Json::Object(top) = &json else {
        return Err(vec![
            Problem::error(Code::DraftShape, at_offset(0))
                .arg("field", "draft")
                .arg("expected", "mapping"),
        ]);
    };

    let mut problems = Vec::new();
    for key in top.keys() {
        if !["form", "lang", "version", "values"].contains(&key.as_str()) {
            problems.push(
                Problem::error(Code::UnknownKey, at_key(key, 0))
                    .arg("field", key)
                    .arg("allowed", "form, lang, version, values"),
            );
        }
    }
    match top.get("version").and_then(Json::as_u64) {
        Some(VERSION) => {}
        Some(found) => problems.push(
            Problem::error(Code::DraftVersion, at_key("version", 0))
                .arg("found", found)
                .arg("version", VERSION),
        ),
        None => problems.push(shape("version", "number")),
    }
    let lang = top
        .get("lang")
        .and_then(Json::as_str)
        .and_then(Lang::from_code);
    if lang.is_none() {
        problems.push(shape("lang", "lang"));
    }
    match top.get("form").and_then(Json::as_str) {
        Some(id) if id == form.id => {}
        Some(id) => {
            // A draft for another form is refused whole: its values would
            // land in fields that happen to share a name.
            problems.push(
                Problem::error(Code::DraftWrongForm, at_key("form", 0))
                    .arg("found", id)
                    .arg("form", &form.id),
            );
            return Err(problems);
        }
        None => problems.push(shape("form", "text")),
    }
    let mut values = BTreeMap::new();
    match top.get("values") {
        Some(Json::Object(given)) => {
            let fields = accepted(form);
            let values_at = source.find("\"values\"").unwrap_or(0);
            for (name, value) in given {
                let at = || at_key(name, values_at);
                let Some((_, accepts)) = fields.iter().find(|(n, _)| n == name) else {
                    problems.push(
                        Problem::error(Code::DraftUnknownField, at())
                            .arg("field", name)
                            .arg("form", &form.id),
                    );
                    continue;
                };
                let wrong = |expected: &str| {
                    Problem::error(Code::DraftWrongValue, at())
                        .arg("field", name)
                        .arg("expected", expected)
                };
                match (accepts, value) {
                    (Accepts::Text, Json::String(s)) => {
                        values.insert(name.clone(), Value::Text(s.clone()));
                    }
                    (Accepts::Tick, Json::Bool(b)) => {
                        values.insert(name.clone(), Value::Tick(*b));
                    }
                    (Accepts::Option(ids), Json::String(s)) if ids.contains(&s.as_str()) => {
                        values.insert(name.clone(), Value::Text(s.clone()));
                    }
                    // The site saves an unanswered choice as "" or null: not
                    // an error, just nothing chosen.
                    (Accepts::Option(_) | Accepts::Text, Json::Null)
                    | (Accepts::Tick, Json::Null) => {}
                    (Accepts::Option(_), Json::String(s)) if s.is_empty() => {}
                    (Accepts::Option(ids), _) => {
                        problems.push(wrong("option").arg("allowed", ids.join(", ")));
                    }
                    (Accepts::Text, _) => problems.push(wrong("text")),
                    (Accepts::Tick, _) => problems.push(wrong("tick")),
                }
            }
        }
        Some(_) => problems.push(shape("values", "mapping")),
        None => problems.push(shape("values", "mapping")),
    }
    match lang {
        Some(lang) if problems.is_empty() => Ok(Draft {
            form: form.id.clone(),
            lang,
            values,
        }),
        _ => Err(problems),
    }
}
