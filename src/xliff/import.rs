//! `canllaw xliff import`: translations from an XLIFF file written back
//! into the project, in place.
//!
//! Everything is checked before anything is written: the file is XLIFF 1.2
//! in the pack's languages, each unit is known, its source is still the
//! project's, its tags are the source's (each once, structure in order), its
//! Markdown has the source's structure and links, its Fluent parses and
//! uses the source's variables. Then every edit is made in memory and read
//! back ([`super::edit`], [`super::ftl`]). Only when all of that holds are
//! the files written, and the imported texts recorded as reviewed in
//! `translations.lock` (if the project keeps one).
//!
//! Units are found by id, wherever they stand: a CAT tool may reorder them,
//! put them in groups, and add elements and attributes of its own. A unit
//! whose target is missing, empty, or in a state that says it is not done
//! (`new`, `needs-…`) is left alone.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use super::State;
use super::edit::{self, TomlEdit};
use super::ftl;
use super::placeholders::{self, Inline, Issue, Syntax};
use super::units::{self, Place, Unit};
use super::xml::{self, Element, Node};
use crate::check::{LOCK_FILE, Record, lock_file_name, lock_hash, record_reviewed};
use crate::config::line_col;
use crate::lang::{Lang, Loc, Text};
use crate::problem::{Code, Problem};
use crate::resources::Resources;

/// The largest XLIFF file read: many times a large pack.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One text written by an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The file, relative to the project.
    pub file: String,
    /// The text's key in it.
    pub key: String,
}

/// What an import did.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    /// The language written, if the file had any units.
    pub lang: Option<Lang>,
    /// The texts whose translation changed, in the file's order.
    pub changed: Vec<Change>,
    /// Texts whose translation was confirmed unchanged (it had been out of
    /// date, and the translator marked it done).
    pub confirmed: Vec<Change>,
    /// Units left alone: no target, an empty one, or one not marked done.
    pub skipped: usize,
    /// The files written, relative to the project.
    pub files: Vec<String>,
    /// How many texts were recorded as reviewed in `translations.lock`.
    pub locked: usize,
}

/// Where problems in the XLIFF file are placed.
struct Source<'a> {
    file: Arc<Path>,
    text: &'a str,
}

impl Source<'_> {
    fn at(&self, pos: usize) -> Loc {
        let (line, col) = line_col(self.text, pos);
        Loc {
            file: self.file.clone(),
            line,
            col,
            block: false,
        }
    }
}

fn read(path: &Path) -> Result<String, Problem> {
    let file: Arc<Path> = Arc::from(path);
    let too_large = fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES);
    if too_large {
        return Err(Problem::error(Code::FileTooLarge, Loc::file(file))
            .arg(
                "size",
                fs::metadata(path).map_or(0, |m| m.len()) / (1024 * 1024),
            )
            .arg("max", MAX_BYTES / (1024 * 1024)));
    }
    let bytes = fs::read(path)
        .map_err(|e| Problem::error(Code::Unreadable, Loc::file(file.clone())).arg("detail", e))?;
    let mut text =
        String::from_utf8(bytes).map_err(|_| Problem::error(Code::NotUtf8, Loc::file(file)))?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// The primary language of a tag (`cy-GB` → Welsh).
fn language(tag: Option<&str>) -> Option<Lang> {
    let primary = tag?.split(['-', '_']).next()?.to_ascii_lowercase();
    Lang::from_code(&primary)
}

/// Every `<trans-unit>` under `element`, through `<body>` and `<group>`s.
fn trans_units<'e>(element: &'e Element, out: &mut Vec<&'e Element>) {
    for child in element.elements() {
        if child.is("trans-unit") {
            out.push(child);
        } else if child.is("body") || child.is("group") {
            trans_units(child, out);
        }
    }
}

/// A `<source>` or `<target>`'s content as text and tags; the name of an
/// element that cannot stand in it, if one does.
fn inline(element: &Element) -> Result<Vec<Inline>, String> {
    let id = |e: &Element| e.attr("id").unwrap_or_default().to_string();
    let rid = |e: &Element| {
        e.attr("rid")
            .or(e.attr("id"))
            .unwrap_or_default()
            .to_string()
    };
    let mut out = Vec::new();
    for child in &element.children {
        match child {
            Node::Text(t) => out.push(Inline::Text(t.clone())),
            // A tool's own markup: its content counts, the element does not.
            Node::Element(e) if !e.is_xliff() => out.extend(inline(e)?),
            Node::Element(e) => match e.name.as_str() {
                "g" => out.push(Inline::Paired(id(e), inline(e)?)),
                "x" | "ph" => out.push(Inline::Single(id(e))),
                "bx" | "bpt" => out.push(Inline::Open(rid(e))),
                "ex" | "ept" => out.push(Inline::Close(rid(e))),
                "it" if e.attr("pos") == Some("open") => out.push(Inline::Open(rid(e))),
                "it" if e.attr("pos") == Some("close") => out.push(Inline::Close(rid(e))),
                "mrk" => out.extend(inline(e)?),
                other => return Err(other.to_string()),
            },
        }
    }
    Ok(out)
}

/// True for a target state that says the translation is not done.
fn not_done(state: Option<&str>) -> bool {
    state.is_some_and(|s| s == "new" || s.starts_with("needs-"))
}

/// What a unit of the file comes to.
enum Outcome<'u> {
    /// Something to write or confirm.
    Do(Wish<'u>),
    /// The translation is what the project has.
    Unchanged,
    /// Not done, or not valid (its problems reported).
    Skip,
}

/// What one unit of the file asks for.
enum Wish<'u> {
    /// Write this text.
    Write(&'u Unit, String),
    /// Record the unchanged translation as reviewed.
    Confirm(&'u Unit),
}

/// Imports the XLIFF file at `path` into the project in `root`.
///
/// # Errors
/// Every problem found in the file, and nothing written; or a problem
/// writing.
pub fn import(root: &Path, path: &Path) -> Result<Imported, Vec<Problem>> {
    let text = read(path).map_err(|p| vec![p])?;
    let source = Source {
        file: Arc::from(path),
        text: &text,
    };
    let document = xml::parse(&text).map_err(|e| {
        vec![Problem::error(Code::XliffSyntax, source.at(e.pos)).arg("detail", e.detail)]
    })?;
    let version = document.attr("version").unwrap_or_default();
    if !document.is("xliff") || !version.starts_with('1') {
        let found = if document.name == "xliff" {
            format!("XLIFF {version}")
        } else {
            format!("<{}>", document.name)
        };
        return Err(vec![
            Problem::error(Code::XliffNotXliff, source.at(document.pos)).arg("found", found),
        ]);
    }

    let mut problems = Vec::new();
    let mut lang = None;
    let mut found = Vec::new();
    for file in document.elements().filter(|e| e.is("file")) {
        let (from, to) = (file.attr("source-language"), file.attr("target-language"));
        match (language(from), language(to)) {
            (Some(s), Some(t)) if s == t.other() && lang.is_none_or(|l| l == t) => lang = Some(t),
            _ => problems.push(
                Problem::error(Code::XliffLanguages, source.at(file.pos))
                    .arg("source", from.unwrap_or("?"))
                    .arg("target", to.unwrap_or("?")),
            ),
        }
        trans_units(file, &mut found);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let Some(lang) = lang else {
        return Ok(Imported::default());
    };

    let units = units::collect(root, lang)?;
    let by_id: HashMap<&str, &Unit> = units.iter().map(|u| (u.id.as_str(), u)).collect();
    let mut seen = HashSet::new();
    let mut wishes = Vec::new();
    let mut skipped = 0;
    for element in found {
        if element.attr("translate") == Some("no") {
            skipped += 1;
            continue;
        }
        let id = element.attr("id").unwrap_or_default();
        let at = source.at(element.pos);
        let Some(unit) = by_id.get(id) else {
            problems.push(Problem::error(Code::XliffUnknownUnit, at).arg("id", id));
            continue;
        };
        if !seen.insert(id) {
            problems.push(Problem::error(Code::XliffDuplicateUnit, at).arg("id", id));
            continue;
        }
        match wish(unit, lang, element, at, &mut problems) {
            Outcome::Do(w) => wishes.push(w),
            Outcome::Unchanged => {}
            Outcome::Skip => skipped += 1,
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    write(root, lang, &wishes, skipped)
}

/// What a unit asks for, having checked it.
fn wish<'u>(
    unit: &'u Unit,
    lang: Lang,
    element: &Element,
    at: Loc,
    problems: &mut Vec<Problem>,
) -> Outcome<'u> {
    let before = problems.len();
    let also = match &unit.place {
        Place::Content(text) => Some(text.at(lang).clone()),
        Place::Fluent { .. } => None,
    };
    let problem = |code: Code| {
        let p = Problem::error(code, at.clone()).arg("id", &unit.id);
        match &also {
            Some(a) => p.also(a.clone()),
            None => p,
        }
    };
    let segmented = placeholders::segment(unit.syntax, &unit.source);

    // The source must still be the project's: a translation of an older
    // wording would be recorded as reviewed against the new one.
    let same_source = element
        .elements()
        .find(|e| e.is("source"))
        .and_then(|s| inline(s).ok())
        .and_then(|pieces| placeholders::rebuild(&segmented, &pieces, unit.syntax).ok())
        .is_some_and(|text| text.split_whitespace().eq(unit.source.split_whitespace()));
    if !same_source {
        problems.push(problem(Code::XliffSourceChanged));
        return Outcome::Skip;
    }

    let Some(target) = element.elements().find(|e| e.is("target")) else {
        return Outcome::Skip;
    };
    let approved = element.attr("approved") == Some("yes");
    if not_done(target.attr("state")) && !approved {
        return Outcome::Skip;
    }
    let pieces = match inline(target) {
        Ok(pieces) => pieces,
        Err(name) => {
            problems.push(problem(Code::XliffInline).arg("element", name));
            return Outcome::Skip;
        }
    };
    let done = !not_done(target.attr("state")) || approved;
    let confirm_or_nothing = || {
        if unit.state == State::NeedsReview && done && matches!(unit.place, Place::Content(_)) {
            Outcome::Do(Wish::Confirm(unit))
        } else {
            Outcome::Unchanged
        }
    };
    // The translation as exported, untouched: nothing to check or write,
    // even where it differs from its source in ways a new one may not.
    if let Some(current) = &unit.target {
        let current = placeholders::segment(unit.syntax, current);
        let exported =
            placeholders::as_inline(&placeholders::align(&segmented, &current, unit.syntax));
        if placeholders::normalise(pieces.clone()) == exported {
            return confirm_or_nothing();
        }
    }
    let rebuilt = match placeholders::rebuild(&segmented, &pieces, unit.syntax) {
        Ok(text) => text,
        Err(issues) => {
            for issue in issues {
                let (tag, what) = match &issue {
                    Issue::Unknown(id) => (id.clone(), "unknown"),
                    Issue::Missing(i) => ((i + 1).to_string(), "missing"),
                    Issue::Repeated(i) => ((i + 1).to_string(), "repeated"),
                    Issue::Misused(i) => ((i + 1).to_string(), "misused"),
                    Issue::Order(i) => ((i + 1).to_string(), "order"),
                };
                let markup = match &issue {
                    Issue::Unknown(_) => String::new(),
                    Issue::Missing(i)
                    | Issue::Repeated(i)
                    | Issue::Misused(i)
                    | Issue::Order(i) => {
                        let code = &segmented.codes[*i];
                        let shown = format!(
                            "{}{}",
                            code.open,
                            if code.close.is_empty() {
                                String::new()
                            } else {
                                format!("…{}", code.close)
                            }
                        );
                        shown.replace('\n', "↵")
                    }
                };
                problems.push(
                    problem(Code::XliffTag)
                        .arg("tag", tag)
                        .arg("issue", what)
                        .arg("markup", markup),
                );
            }
            return Outcome::Skip;
        }
    };
    let text: String = rebuilt.nfc().collect();
    let text = match unit.syntax {
        Syntax::Markdown => text.trim_end().to_string(),
        Syntax::Plain | Syntax::Fluent => text.trim().to_string(),
    };
    if text.is_empty() {
        return Outcome::Skip;
    }
    match unit.syntax {
        Syntax::Markdown => {
            if let Some(what) = placeholders::skeleton_differs(&unit.source, &text) {
                problems.push(problem(Code::XliffStructure).arg("what", what));
            }
        }
        Syntax::Fluent => match ftl::check_pattern(&text) {
            Err(detail) => problems.push(problem(Code::XliffFluent).arg("detail", detail)),
            Ok(()) => {
                let (has, wants) = (ftl::variables(&text), ftl::variables(&unit.source));
                for var in has.symmetric_difference(&wants) {
                    let (has_lang, lacks_lang) = if has.contains(var) {
                        (lang, lang.other())
                    } else {
                        (lang.other(), lang)
                    };
                    problems.push(
                        Problem::error(Code::FluentVariables, at.clone())
                            .arg("id", &unit.key)
                            .arg("var", format!("${var}"))
                            .arg("has", has_lang)
                            .arg("lacks", lacks_lang),
                    );
                }
            }
        },
        Syntax::Plain => {}
    }
    if problems.len() > before {
        return Outcome::Skip;
    }
    if unit.target.as_deref().is_some_and(|t| t.trim_end() == text) {
        return confirm_or_nothing();
    }
    Outcome::Do(Wish::Write(unit, text))
}

/// A file to write: its new text, whether it began with a byte-order mark.
struct Planned {
    text: String,
    bom: bool,
}

/// Reads a project file as it stands, if it does.
fn current(root: &Path, file: &str) -> Result<Option<(String, bool)>, Problem> {
    let path = root.join(file);
    if !path.exists() {
        return Ok(None);
    }
    let loc = Loc::file(Arc::from(Path::new(file)));
    let bytes = fs::read(&path)
        .map_err(|e| Problem::error(Code::Unreadable, loc.clone()).arg("detail", e))?;
    let text = String::from_utf8(bytes).map_err(|_| Problem::error(Code::NotUtf8, loc))?;
    Ok(Some(match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest.to_string(), true),
        None => (text, false),
    }))
}

fn unsafe_edit(file: &str, at: Option<Loc>, detail: impl ToString) -> Problem {
    let loc = at.unwrap_or_else(|| Loc::file(Arc::from(Path::new(file))));
    Problem::error(Code::XliffUnsafeEdit, loc)
        .arg("file", file)
        .arg("detail", detail)
}

/// Makes every edit in memory, then writes the files and the lock.
fn write(
    root: &Path,
    lang: Lang,
    wishes: &[Wish<'_>],
    skipped: usize,
) -> Result<Imported, Vec<Problem>> {
    // Edits by file, in the file's order of units.
    let mut yaml: BTreeMap<String, Vec<(&Text, edit::Edit)>> = BTreeMap::new();
    let mut toml: BTreeMap<String, Vec<(&Text, TomlEdit)>> = BTreeMap::new();
    let mut fluent: BTreeMap<String, Vec<ftl::Edit>> = BTreeMap::new();
    let mut imported = Imported {
        lang: Some(lang),
        skipped,
        ..Imported::default()
    };
    for w in wishes {
        match w {
            Wish::Confirm(unit) => imported.confirmed.push(Change {
                file: unit.file.clone(),
                key: unit.key.clone(),
            }),
            Wish::Write(unit, text) => {
                imported.changed.push(Change {
                    file: unit.file.clone(),
                    key: unit.key.clone(),
                });
                match &unit.place {
                    Place::Content(t) => {
                        let at = t.at(lang);
                        let file = lock_file_name(&at.file);
                        let e = edit::Edit {
                            line: at.line,
                            col: at.col,
                            text: text.clone(),
                        };
                        if file.ends_with(".toml") {
                            toml.entry(file).or_default().push((
                                t,
                                TomlEdit {
                                    at: e,
                                    key: t.key.clone(),
                                    lang: lang.code().to_string(),
                                },
                            ));
                        } else {
                            yaml.entry(file).or_default().push((t, e));
                        }
                    }
                    Place::Fluent { id, attr, file } => {
                        fluent.entry(file.clone()).or_default().push(ftl::Edit {
                            id: id.clone(),
                            attr: attr.clone(),
                            text: text.clone(),
                        })
                    }
                }
            }
        }
    }

    let mut planned: BTreeMap<String, Planned> = BTreeMap::new();
    let mut problems = Vec::new();
    // The value each written text now has, for the lock: by (file, key).
    let mut written: HashMap<(String, String), String> = HashMap::new();
    for (file, edits) in &yaml {
        let Some((source, bom)) = current(root, file).map_err(|p| vec![p])? else {
            problems.push(unsafe_edit(file, None, "the file is gone"));
            continue;
        };
        let list: Vec<edit::Edit> = edits.iter().map(|(_, e)| e.clone()).collect();
        match edit::yaml(&source, &list) {
            Ok((text, values)) => {
                for ((t, _), value) in edits.iter().zip(values) {
                    written.insert((file.clone(), t.key.clone()), value.nfc().collect());
                }
                planned.insert(file.clone(), Planned { text, bom });
            }
            Err(detail) => problems.push(unsafe_edit(
                file,
                edits.first().map(|(t, _)| t.at(lang).clone()),
                detail,
            )),
        }
    }
    for (file, edits) in &toml {
        let Some((source, bom)) = current(root, file).map_err(|p| vec![p])? else {
            problems.push(unsafe_edit(file, None, "the file is gone"));
            continue;
        };
        let list: Vec<TomlEdit> = edits.iter().map(|(_, e)| e.clone()).collect();
        match edit::toml(&source, &list) {
            Ok(text) => {
                for (t, e) in edits {
                    written.insert((file.clone(), t.key.clone()), e.at.text.nfc().collect());
                }
                planned.insert(file.clone(), Planned { text, bom });
            }
            Err(detail) => problems.push(unsafe_edit(
                file,
                edits.first().map(|(t, _)| t.at(lang).clone()),
                detail,
            )),
        }
    }
    let builtin = Resources::builtin();
    for (file, edits) in &fluent {
        // A file the project does not have yet starts as the built-in one.
        let (source, bom) = match current(root, file).map_err(|p| vec![p])? {
            Some(found) => found,
            None => (builtin.text(file).unwrap_or_default().to_string(), false),
        };
        match ftl::apply(&source, edits) {
            Ok(text) => {
                planned.insert(file.clone(), Planned { text, bom });
            }
            Err(detail) => problems.push(unsafe_edit(file, None, detail)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    // The lock's new records: the written language's new value and the
    // other's as it stands.
    let mut reviewed: Vec<((String, String), Record)> = Vec::new();
    for w in wishes {
        let (unit, new) = match w {
            Wish::Write(unit, _) => (unit, true),
            Wish::Confirm(unit) => (unit, false),
        };
        let Place::Content(t) = &unit.place else {
            continue;
        };
        let file = lock_file_name(&t.cy_at.file);
        let key = (file.clone(), t.key.clone());
        let value = if new {
            written
                .get(&key)
                .cloned()
                .unwrap_or_else(|| t.get(lang).to_string())
        } else {
            t.get(lang).to_string()
        };
        let (cy, en) = match lang {
            Lang::Cy => (value, t.en.clone()),
            Lang::En => (t.cy.clone(), value),
        };
        reviewed.push((key, (lock_hash(&cy), lock_hash(&en))));
    }

    store(root, &planned)?;
    // A project that keeps no lock has not taken up reviews; one import does
    // not start it.
    if !reviewed.is_empty() && root.join(LOCK_FILE).is_file() {
        record_reviewed(root, &reviewed).map_err(|p| vec![p])?;
        imported.locked = reviewed.len();
    }
    imported.files = planned.into_keys().collect();
    Ok(imported)
}

/// Writes every planned file: each beside its place first, then all
/// renamed into place, so a failure part-way leaves none half written.
fn store(root: &Path, planned: &BTreeMap<String, Planned>) -> Result<(), Vec<Problem>> {
    let fail = |file: &str, e: std::io::Error| {
        vec![
            Problem::error(Code::WriteFailed, Loc::file(Arc::from(Path::new(file))))
                .arg("path", root.join(file).display())
                .arg("detail", e),
        ]
    };
    let mut temps: Vec<(tempfile::NamedTempFile, PathBuf, &str)> = Vec::new();
    for (file, plan) in planned {
        let path = root.join(file);
        let dir = path
            .parent()
            .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
        fs::create_dir_all(&dir).map_err(|e| fail(file, e))?;
        // Never through a link to somewhere outside the project.
        if let (Ok(real), Ok(real_root)) = (dir.canonicalize(), root.canonicalize())
            && !real.starts_with(&real_root)
        {
            return Err(vec![Problem::error(
                Code::LinkOutside,
                Loc::file(Arc::from(Path::new(file))),
            )]);
        }
        let mut temp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| fail(file, e))?;
        let mut bytes = Vec::with_capacity(plan.text.len() + 3);
        if plan.bom {
            bytes.extend_from_slice("\u{feff}".as_bytes());
        }
        bytes.extend_from_slice(plan.text.as_bytes());
        std::io::Write::write_all(&mut temp, &bytes).map_err(|e| fail(file, e))?;
        // The file keeps its permissions; a new one gets the usual ones
        // (a temporary file is made readable by its owner only).
        match fs::metadata(&path) {
            Ok(meta) => {
                let _ = fs::set_permissions(temp.path(), meta.permissions());
            }
            Err(_) => {
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let _ = fs::set_permissions(temp.path(), fs::Permissions::from_mode(0o644));
                }
            }
        }
        temps.push((temp, path, file));
    }
    for (temp, path, file) in temps {
        temp.persist(&path).map_err(|e| fail(file, e.error))?;
    }
    Ok(())
}
