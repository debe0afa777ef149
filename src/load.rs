//! Reading a content project from disk into the typed [`Pack`].
//!
//! Files are read and decoded in parallel; each yields its item or its
//! problems. Only when every file is read are references checked
//! ([`crate::validate`]), so one run reports every problem in the pack.

use std::collections::HashSet;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{self, Config};
use crate::decode::{Decoder, Fields, is_valid_id};
use crate::lang::Loc;
use crate::model::{
    ChoiceOption, Column, Example, Exercise, Field, FieldKind, Form, FormKind, Group, Kind,
    Orientation, Pack, Page, Principle, Section, SectionBody, Source, Table, Term,
};
use crate::problem::{Code, Problem};
use crate::validate::{self, Declared};
use crate::yaml::{self, Node};

/// The largest content file canllaw reads.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Loads and validates the project in `root`: the pack, or every problem found.
pub fn load(root: &Path) -> Result<Pack, Vec<Problem>> {
    let mut problems = Vec::new();
    let config = read_config(root, &mut problems);
    let content = root.join("content");
    if !content.is_dir() {
        problems.push(Problem::error(
            Code::MissingFile,
            Loc::file(Arc::from(Path::new("content/"))),
        ));
        return Err(problems);
    }

    let mut declared = Declared::default();
    let mut glossary_ids = HashSet::new();
    let glossary = read_file(root, "content/glossary.yaml", false, &mut problems)
        .map(|(file, node)| {
            declare_ids(&node, &mut glossary_ids);
            decode_list(&file, &node, &mut problems, decode_term)
        })
        .unwrap_or_default();
    declared
        .items
        .entry(Kind::Glossary)
        .or_default()
        .extend(glossary_ids);
    let principles = read_folder(
        root,
        "principles",
        &mut problems,
        declared.items.entry(Kind::Principle).or_default(),
        decode_principle,
    );
    let examples = read_folder(
        root,
        "examples",
        &mut problems,
        declared.items.entry(Kind::Example).or_default(),
        decode_example,
    );
    let exercises = read_folder(
        root,
        "exercises",
        &mut problems,
        declared.items.entry(Kind::Exercise).or_default(),
        decode_exercise,
    );
    let forms = read_folder(
        root,
        "forms",
        &mut problems,
        declared.items.entry(Kind::Form).or_default(),
        decode_form,
    );
    let pages = read_folder(
        root,
        "pages",
        &mut problems,
        declared.items.entry(Kind::Page).or_default(),
        decode_page,
    );
    let groups = read_file(root, "content/groups.yaml", false, &mut problems)
        .map(|(file, node)| {
            declare_ids(&node, &mut declared.groups);
            decode_list(&file, &node, &mut problems, decode_group)
        })
        .unwrap_or_default();

    let Some(config) = config else {
        return Err(problems);
    };
    let pack = Pack {
        config,
        groups,
        principles,
        examples,
        exercises,
        forms,
        glossary,
        pages,
    };
    let pack = validate::validate_declared(pack, &declared, &mut problems);
    if problems
        .iter()
        .any(|p| p.severity == crate::problem::Severity::Error)
    {
        crate::problem::sort(&mut problems);
        Err(problems)
    } else {
        Ok(pack)
    }
}

/// The valid `id`s of the entries of a list file (groups, glossary), read
/// before the entries are decoded, so that an entry with a problem still
/// declares its id.
fn declare_ids(node: &Node, ids: &mut HashSet<String>) {
    if let yaml::Value::Seq(items) = &node.value {
        for item in items {
            if let yaml::Value::Map(pairs) = &item.value
                && let Some((_, id)) = pairs.iter().find(|(k, _)| k.scalar() == Some("id"))
                && let Some(id) = id.scalar()
                && is_valid_id(id)
            {
                ids.insert(id.to_string());
            }
        }
    }
}

fn rel(path: &str) -> Arc<Path> {
    Arc::from(Path::new(path))
}

/// Reads a file's text, refusing links out of the project, huge files,
/// invalid UTF-8; strips a byte-order mark.
pub fn read_text(root: &Path, relative: &Path, problems: &mut Vec<Problem>) -> Option<String> {
    read_text_at_most(root, relative, MAX_FILE_BYTES, problems)
}

/// As [`read_text`], refusing files larger than `max` bytes.
pub fn read_text_at_most(
    root: &Path,
    relative: &Path,
    max: u64,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let file: Arc<Path> = Arc::from(relative);
    let bytes = read_bytes_at_most(root, relative, max, problems)?;
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Some(text)
        }
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            // The prefix is valid UTF-8, so the place can be told in
            // characters, as an editor shows it.
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let (line, col) = crate::config::line_col(valid, valid.len());
            problems.push(Problem::error(
                Code::NotUtf8,
                Loc {
                    line,
                    col,
                    ..Loc::file(file)
                },
            ));
            None
        }
    }
}

/// A file's bytes, refusing links out of the project and files larger than
/// `max` bytes.
///
/// The size is checked on what is read, not only on what the file system
/// says: a device or a named pipe (`/dev/zero`, a FIFO someone named
/// `x.yaml`) reports no size and never ends, so anything that is not a
/// regular file is refused before it is opened, and the read itself stops
/// one byte past the limit.
pub fn read_bytes_at_most(
    root: &Path,
    relative: &Path,
    max: u64,
    problems: &mut Vec<Problem>,
) -> Option<Vec<u8>> {
    let file: Arc<Path> = Arc::from(relative);
    let path = root.join(relative);
    if let (Ok(real), Ok(real_root)) = (path.canonicalize(), root.canonicalize())
        && !real.starts_with(&real_root)
    {
        problems.push(Problem::error(Code::LinkOutside, Loc::file(file)));
        return None;
    }
    let too_large = |size: u64, problems: &mut Vec<Problem>| {
        problems.push(
            Problem::error(Code::FileTooLarge, Loc::file(file.clone()))
                .arg("size", size.div_ceil(1024 * 1024))
                .arg("max", max / (1024 * 1024)),
        );
    };
    match fs::metadata(&path) {
        Ok(meta) if !meta.is_file() => {
            problems.push(
                Problem::error(Code::Unreadable, Loc::file(file.clone())).arg("detail", NOT_A_FILE),
            );
            return None;
        }
        Ok(meta) if meta.len() > max => {
            too_large(meta.len(), problems);
            return None;
        }
        _ => {}
    }
    let mut bytes = Vec::new();
    let read = fs::File::open(&path).and_then(|f| f.take(max + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        problems.push(Problem::error(Code::Unreadable, Loc::file(file)).arg("detail", e));
        return None;
    }
    if bytes.len() as u64 > max {
        // The file grew while it was read.
        too_large(bytes.len() as u64, problems);
        return None;
    }
    Some(bytes)
}

/// Said of a path that is a folder, a device or a pipe rather than a file.
const NOT_A_FILE: &str = "not a regular file";

fn read_config(root: &Path, problems: &mut Vec<Problem>) -> Option<Config> {
    let file = rel("canllaw.toml");
    if !root.join("canllaw.toml").is_file() {
        problems.push(Problem::error(Code::MissingFile, Loc::file(file)));
        return None;
    }
    let text = read_text(root, Path::new("canllaw.toml"), problems)?;
    config::parse(root, &text, file, problems)
}

/// Parses a YAML file into its tree, reporting syntax problems.
pub fn parse_yaml(
    file: &Arc<Path>,
    text: &str,
    problems: &mut Vec<Problem>,
) -> Option<std::rc::Rc<Node>> {
    let at = |line: u32, col: u32| Loc {
        file: file.clone(),
        line,
        col,
        block: false,
    };
    match yaml::parse(text) {
        Ok(Some(node)) => Some(node),
        Ok(None) => {
            problems.push(
                Problem::error(Code::WrongType, at(1, 1))
                    .arg("field", "(file)")
                    .arg("expected", "mapping")
                    .arg("found", "nothing"),
            );
            None
        }
        Err(yaml::Error::Syntax { info, line, col }) => {
            problems.push(Problem::error(Code::YamlSyntax, at(line, col)).arg("detail", info));
            None
        }
        Err(yaml::Error::TooDeep { line, col }) => {
            problems
                .push(Problem::error(Code::YamlTooDeep, at(line, col)).arg("max", yaml::MAX_DEPTH));
            None
        }
        Err(yaml::Error::AliasBomb { line, col }) => {
            problems.push(
                Problem::error(Code::YamlAliasBomb, at(line, col))
                    .arg("max", yaml::MAX_EXPANDED_NODES),
            );
            None
        }
        Err(yaml::Error::UnknownAlias { line, col }) => {
            problems.push(Problem::error(Code::YamlUnknownAlias, at(line, col)));
            None
        }
        Err(yaml::Error::ManyDocuments { line, col }) => {
            problems.push(Problem::error(Code::YamlManyDocuments, at(line, col)));
            None
        }
        Err(yaml::Error::Tab { line, col }) => {
            problems.push(Problem::error(Code::YamlTab, at(line, col)));
            None
        }
    }
}

fn read_file(
    root: &Path,
    relative: &str,
    required: bool,
    problems: &mut Vec<Problem>,
) -> Option<(Arc<Path>, std::rc::Rc<Node>)> {
    let file = rel(relative);
    if !root.join(relative).is_file() {
        if required {
            problems.push(Problem::error(Code::MissingFile, Loc::file(file)));
        }
        return None;
    }
    let text = read_text(root, Path::new(relative), problems)?;
    let node = parse_yaml(&file, &text, problems)?;
    Some((file, node))
}

/// One content file decoded on its own, before references are checked.
#[derive(Debug)]
pub enum Decoded {
    /// `content/groups.yaml`.
    Groups(Vec<Group>),
    /// `content/glossary.yaml`.
    Glossary(Vec<Term>),
    /// `content/principles/ID.yaml`.
    Principle(Principle),
    /// `content/examples/ID.yaml`.
    Example(Example),
    /// `content/exercises/ID.yaml`.
    Exercise(Exercise),
    /// `content/forms/ID.yaml`.
    Form(Form),
    /// `content/pages/ID.yaml`.
    Page(Page),
}

/// Decodes `text` as the content file at `relative` (`content/forms/ID.yaml`,
/// `content/glossary.yaml`…) would be, reporting its problems into
/// `problems`: what [`load`] does for each file, without the disk, for tools
/// that hold a file in memory (and for fuzzing the loader).
pub fn decode_file(relative: &Path, text: &str, problems: &mut Vec<Problem>) -> Option<Decoded> {
    let file: Arc<Path> = Arc::from(relative);
    let name = relative.to_str().unwrap_or_default();
    let folder = relative
        .parent()
        .and_then(Path::file_name)
        .and_then(|f| f.to_str())
        .unwrap_or_default();
    let node = parse_yaml(&file, text, problems)?;
    match name {
        "content/groups.yaml" => Some(Decoded::Groups(decode_list(
            &file,
            &node,
            problems,
            decode_group,
        ))),
        "content/glossary.yaml" => Some(Decoded::Glossary(decode_list(
            &file,
            &node,
            problems,
            decode_term,
        ))),
        _ => {
            let stem = relative.file_stem()?.to_str()?.to_string();
            let mut d = Decoder::new(file.clone(), problems);
            match folder {
                "principles" => decode_principle(&mut d, &node, stem).map(Decoded::Principle),
                "examples" => decode_example(&mut d, &node, stem).map(Decoded::Example),
                "exercises" => decode_exercise(&mut d, &node, stem).map(Decoded::Exercise),
                "forms" => decode_form(&mut d, &node, stem).map(Decoded::Form),
                "pages" => decode_page(&mut d, &node, stem).map(Decoded::Page),
                _ => None,
            }
        }
    }
}

type ItemDecoder<T> = fn(&mut Decoder<'_>, &Node, String) -> Option<T>;

/// Every `*.yaml` in `content/FOLDER/`, decoded in parallel, in file-name
/// order; the id of every file with a valid name goes into `declared`.
fn read_folder<T: Send>(
    root: &Path,
    folder: &str,
    problems: &mut Vec<Problem>,
    declared: &mut HashSet<String>,
    decode: ItemDecoder<T>,
) -> Vec<T> {
    let dir = root.join("content").join(folder);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    let results: Vec<(Option<T>, Vec<Problem>)> = files
        .par_iter()
        .map(|path| {
            let mut found = Vec::new();
            // A name that is not UTF-8 is shown with its bad bytes replaced;
            // it is never a valid id, so it is never opened by that name.
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = name.as_str();
            let relative = PathBuf::from("content").join(folder).join(name);
            let file: Arc<Path> = Arc::from(relative.as_path());
            if name.starts_with('.') {
                return (None, found);
            }
            let Some(stem) = name.strip_suffix(".yaml") else {
                found
                    .push(Problem::warning(Code::StrayFile, Loc::file(file)).arg("folder", folder));
                return (None, found);
            };
            if !is_valid_id(stem) {
                found.push(Problem::error(Code::BadFileName, Loc::file(file)).arg("id", stem));
                return (None, found);
            }
            if !path.is_file() {
                // A folder or a pipe named like an item: refused as it is
                // read, and no item.
                let mut found = found;
                read_text(root, &relative, &mut found);
                return (None, found);
            }
            let item = read_text(root, &relative, &mut found)
                .and_then(|text| parse_yaml(&file, &text, &mut found))
                .and_then(|node| {
                    let mut decoder = Decoder::new(file.clone(), &mut found);
                    decode(&mut decoder, &node, stem.to_string())
                });
            (item, found)
        })
        .collect();
    for path in &files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if let Some(stem) = name.as_deref().and_then(|n| n.strip_suffix(".yaml"))
            && is_valid_id(stem)
            && path.is_file()
        {
            declared.insert(stem.to_string());
        }
    }
    let mut items = Vec::with_capacity(results.len());
    for (item, found) in results {
        problems.extend(found);
        items.extend(item);
    }
    items
}

fn decode_list<T>(
    file: &Arc<Path>,
    node: &Node,
    problems: &mut Vec<Problem>,
    decode: fn(&mut Decoder<'_>, &Node, &str) -> Option<T>,
) -> Vec<T> {
    let mut decoder = Decoder::new(file.clone(), problems);
    let Some(items) = decoder.list(node, "(file)") else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| decode(&mut decoder, item, &format!("[{i}]")))
        .collect()
}

fn text_of(d: &mut Decoder<'_>, f: &Fields<'_>, key: &str) -> Option<crate::lang::Text> {
    let node = d.required(f, key)?;
    d.text(node, &f.path(key))
}

fn optional_text(
    d: &mut Decoder<'_>,
    f: &Fields<'_>,
    key: &str,
) -> Result<Option<crate::lang::Text>, ()> {
    match f.get(key) {
        None => Ok(None),
        Some(node) if node.is_null() => Ok(None),
        Some(node) => d.text(node, &f.path(key)).map(Some).ok_or(()),
    }
}

fn decode_group(d: &mut Decoder<'_>, node: &Node, path: &str) -> Option<Group> {
    let f = d.fields(node, path, &["id", "title", "summary"])?;
    let id = d.required(&f, "id").and_then(|n| d.id(n, &f.path("id")));
    let title = text_of(d, &f, "title");
    let summary = text_of(d, &f, "summary");
    Some(Group {
        id: id?,
        title: title?,
        summary: summary?,
        at: d.loc(node),
    })
}

fn decode_term(d: &mut Decoder<'_>, node: &Node, path: &str) -> Option<Term> {
    let f = d.fields(node, path, &["id", "cy", "en", "definition"])?;
    let id = d.required(&f, "id").and_then(|n| d.id(n, &f.path("id")));
    let term = d.text_beside(f.node(), path);
    let definition = text_of(d, &f, "definition");
    Some(Term {
        id: id?,
        term: term?,
        definition: definition?,
        at: d.loc(node),
    })
}

fn decode_principle(d: &mut Decoder<'_>, node: &Node, id: String) -> Option<Principle> {
    let f = d.fields(
        node,
        "",
        &["number", "group", "title", "summary", "body", "examples"],
    )?;
    let number = d
        .required(&f, "number")
        .and_then(|n| d.number(n, "number", 1, 100_000));
    let group = d.required(&f, "group").and_then(|n| {
        let id = d.id(n, "group")?;
        Some(crate::decode::Ref { id, at: d.loc(n) })
    });
    let title = text_of(d, &f, "title");
    let summary = text_of(d, &f, "summary");
    let body = text_of(d, &f, "body");
    let examples = match f.get("examples") {
        Some(n) if !n.is_null() => d.refs(n, "examples"),
        _ => Some(Vec::new()),
    };
    Some(Principle {
        source: Source {
            file: d.file().clone(),
        },
        id,
        number: number?,
        group: group?,
        title: title?,
        summary: summary?,
        body: body?,
        examples: examples?,
    })
}

fn decode_example(d: &mut Decoder<'_>, node: &Node, id: String) -> Option<Example> {
    let f = d.fields(
        node,
        "",
        &[
            "title",
            "principles",
            "setting",
            "less_helpful",
            "more_helpful",
            "commentary",
        ],
    )?;
    let title = text_of(d, &f, "title");
    let principles = d.required(&f, "principles").and_then(|n| {
        d.nonempty_list(n, "principles")?;
        d.refs(n, "principles")
    });
    let setting = optional_text(d, &f, "setting");
    let less_helpful = optional_text(d, &f, "less_helpful");
    let more_helpful = text_of(d, &f, "more_helpful");
    let commentary = text_of(d, &f, "commentary");
    Some(Example {
        source: Source {
            file: d.file().clone(),
        },
        id,
        title: title?,
        principles: principles?,
        setting: setting.ok()?,
        less_helpful: less_helpful.ok()?,
        more_helpful: more_helpful?,
        commentary: commentary?,
    })
}

fn decode_exercise(d: &mut Decoder<'_>, node: &Node, id: String) -> Option<Exercise> {
    let f = d.fields(
        node,
        "",
        &[
            "number",
            "title",
            "group",
            "you_will_need",
            "background",
            "questions",
            "examples",
        ],
    )?;
    let number = d
        .required(&f, "number")
        .and_then(|n| d.number(n, "number", 1, 100_000));
    let title = text_of(d, &f, "title");
    let group = match f.get("group") {
        Some(n) if !n.is_null() => d
            .id(n, "group")
            .map(|id| Some(crate::decode::Ref { id, at: d.loc(n) })),
        _ => Some(None),
    };
    let you_will_need = optional_text(d, &f, "you_will_need");
    let background = text_of(d, &f, "background");
    let questions = d.required(&f, "questions").and_then(|n| {
        let items = d.nonempty_list(n, "questions")?;
        let texts: Vec<_> = items
            .iter()
            .enumerate()
            .map(|(i, q)| d.text(q, &format!("questions[{i}]")))
            .collect();
        texts.into_iter().collect::<Option<Vec<_>>>()
    });
    let examples = match f.get("examples") {
        Some(n) if !n.is_null() => d.refs(n, "examples"),
        _ => Some(Vec::new()),
    };
    Some(Exercise {
        source: Source {
            file: d.file().clone(),
        },
        id,
        number: number?,
        title: title?,
        group: group?,
        you_will_need: you_will_need.ok()?,
        background: background?,
        questions: questions?,
        examples: examples?,
    })
}

fn decode_page(d: &mut Decoder<'_>, node: &Node, id: String) -> Option<Page> {
    let f = d.fields(node, "", &["title", "order", "body"])?;
    let title = text_of(d, &f, "title");
    let order = match f.get("order") {
        Some(n) => d.number(n, "order", 0, 1_000_000).map(i64::from),
        None => Some(i64::from(u32::MAX)),
    };
    let body = text_of(d, &f, "body");
    Some(Page {
        source: Source {
            file: d.file().clone(),
        },
        id,
        title: title?,
        order: order?,
        body: body?,
    })
}

fn decode_form(d: &mut Decoder<'_>, node: &Node, id: String) -> Option<Form> {
    let f = d.fields(
        node,
        "",
        &["title", "kind", "description", "orientation", "sections"],
    )?;
    let title = text_of(d, &f, "title");
    let kind = d
        .required(&f, "kind")
        .and_then(|n| d.one_of(n, "kind", &FormKind::NAMES))
        .and_then(|k| FormKind::from_name(&k));
    let description = text_of(d, &f, "description");
    let orientation = match f.get("orientation") {
        None => Some(Orientation::Portrait),
        Some(n) => d
            .one_of(n, "orientation", &["portrait", "landscape"])
            .map(|o| {
                if o == "landscape" {
                    Orientation::Landscape
                } else {
                    Orientation::Portrait
                }
            }),
    };
    let sections = d.required(&f, "sections").and_then(|n| {
        let items = d.nonempty_list(n, "sections")?;
        let decoded: Vec<_> = items
            .iter()
            .enumerate()
            .map(|(i, s)| decode_section(d, s, &format!("sections[{i}]")))
            .collect();
        decoded.into_iter().collect::<Option<Vec<_>>>()
    });
    Some(Form {
        source: Source {
            file: d.file().clone(),
        },
        id,
        title: title?,
        kind: kind?,
        description: description?,
        orientation: orientation?,
        sections: sections?,
    })
}

fn decode_section(d: &mut Decoder<'_>, node: &Node, path: &str) -> Option<Section> {
    let f = d.fields(node, path, &["title", "help", "fields", "table"])?;
    let title = text_of(d, &f, "title");
    let help = optional_text(d, &f, "help");
    let body = match (f.get("fields"), f.get("table")) {
        (Some(fields), None) => d
            .nonempty_list(fields, &f.path("fields"))
            .and_then(|items| {
                let decoded: Vec<_> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| decode_field(d, item, &format!("{}[{i}]", f.path("fields"))))
                    .collect();
                decoded
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .map(SectionBody::Fields)
            }),
        (None, Some(table)) => decode_table(d, table, &f.path("table")).map(SectionBody::Table),
        _ => {
            let problem = Problem::error(Code::SectionShape, d.loc(node)).arg("field", path);
            d.report(problem);
            None
        }
    };
    Some(Section {
        title: title?,
        help: help.ok()?,
        body: body?,
    })
}

fn decode_field(d: &mut Decoder<'_>, node: &Node, path: &str) -> Option<Field> {
    let f = d.fields(
        node,
        path,
        &["id", "type", "label", "help", "lines", "options"],
    )?;
    let id = d.required(&f, "id").and_then(|n| d.id(n, &f.path("id")));
    let kind_name = d.required(&f, "type").and_then(|n| {
        d.one_of(
            n,
            &f.path("type"),
            &["text", "textarea", "date", "checkbox", "choice"],
        )
    });
    let label = text_of(d, &f, "label");
    let help = optional_text(d, &f, "help");
    if let (Some(lines), Some(kind)) = (f.get("lines"), kind_name.as_deref())
        && kind != "textarea"
    {
        let problem = Problem::error(Code::MisplacedKey, d.loc(lines))
            .arg("field", f.path("lines"))
            .arg("type", "textarea");
        d.report(problem);
    }
    if let (Some(options), Some(kind)) = (f.get("options"), kind_name.as_deref())
        && kind != "choice"
    {
        let problem = Problem::error(Code::MisplacedKey, d.loc(options))
            .arg("field", f.path("options"))
            .arg("type", "choice");
        d.report(problem);
    }
    let kind = match kind_name.as_deref()? {
        "text" => Some(FieldKind::Text),
        "date" => Some(FieldKind::Date),
        "checkbox" => Some(FieldKind::Checkbox),
        "textarea" => match f.get("lines") {
            None => Some(FieldKind::TextArea { lines: 4 }),
            Some(n) => d
                .number(n, &f.path("lines"), 1, 60)
                .map(|lines| FieldKind::TextArea { lines }),
        },
        _ => match f.get("options") {
            None => {
                let problem = Problem::error(Code::NoOptions, d.loc(node)).arg("field", path);
                d.report(problem);
                None
            }
            Some(n) => d.nonempty_list(n, &f.path("options")).and_then(|items| {
                let decoded: Vec<_> = items
                    .iter()
                    .enumerate()
                    .map(|(i, o)| decode_option(d, o, &format!("{}[{i}]", f.path("options"))))
                    .collect();
                decoded
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .map(|options| FieldKind::Choice { options })
            }),
        },
    };
    Some(Field {
        at: d.loc(node),
        id: id?,
        label: label?,
        help: help.ok()?,
        kind: kind?,
    })
}

fn decode_option(d: &mut Decoder<'_>, node: &Node, path: &str) -> Option<ChoiceOption> {
    let f = d.fields(node, path, &["id", "label"])?;
    let id = d.required(&f, "id").and_then(|n| d.id(n, &f.path("id")));
    let label = text_of(d, &f, "label");
    Some(ChoiceOption {
        id: id?,
        label: label?,
    })
}

fn decode_table(d: &mut Decoder<'_>, node: &Node, path: &str) -> Option<Table> {
    let f = d.fields(node, path, &["columns", "rows"])?;
    let columns = d.required(&f, "columns").and_then(|n| {
        let items = d.nonempty_list(n, &f.path("columns"))?;
        let decoded: Vec<_> = items
            .iter()
            .enumerate()
            .map(|(i, c)| decode_column(d, c, &format!("{}[{i}]", f.path("columns"))))
            .collect();
        decoded.into_iter().collect::<Option<Vec<_>>>()
    });
    let rows = d
        .required(&f, "rows")
        .and_then(|n| d.number(n, &f.path("rows"), 1, 500));
    Some(Table {
        columns: columns?,
        rows: rows?,
    })
}

fn decode_column(d: &mut Decoder<'_>, node: &Node, path: &str) -> Option<Column> {
    let f = d.fields(node, path, &["id", "label", "width"])?;
    let id = d.required(&f, "id").and_then(|n| d.id(n, &f.path("id")));
    let label = text_of(d, &f, "label");
    let width = match f.get("width") {
        None => Some(1),
        Some(n) => d.number(n, &f.path("width"), 1, 100),
    };
    Some(Column {
        id: id?,
        label: label?,
        width: width?,
    })
}
