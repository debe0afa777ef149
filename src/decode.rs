//! Turning YAML trees into typed values, collecting every problem on the way.
//!
//! Each decoder function reports what is wrong with its node and returns
//! `None`, so one pass over a file finds all its problems, not just the first.

use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use crate::lang::{Loc, Text};
use crate::problem::{Code, Problem};
use crate::yaml::{Node, Value};

/// A reference to another item, with where it was written.
#[derive(Clone, Debug)]
pub struct Ref {
    /// The id referred to.
    pub id: String,
    /// Where the reference stands.
    pub at: Loc,
}

/// Reads typed values out of one file's tree.
pub struct Decoder<'p> {
    file: Arc<Path>,
    problems: &'p mut Vec<Problem>,
}

/// The keys of one mapping, after unknown and duplicate keys were reported.
pub struct Fields<'n> {
    node: &'n Node,
    pairs: &'n [(Rc<Node>, Rc<Node>)],
    path: String,
}

/// True if `id` follows `[a-z0-9]+(-[a-z0-9]+)*` and is at most 64 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The most characters a plain text (a title, a label, a summary, a
/// glossary term) may hold: far beyond any real one, short enough that a
/// mistake (a whole document pasted into a title, repeated on every page's
/// sidebar) is caught rather than built.
pub const MAX_PLAIN_CHARS: usize = 2_000;

/// The most characters a Markdown text (a body, a commentary) may hold:
/// some forty times the longest page of the shipped guidance.
pub const MAX_MARKDOWN_CHARS: usize = 200_000;

/// A problem if `text`, written at `at` as `field` (`body.cy`), is longer
/// than its kind of field allows.
pub fn too_long(text: &str, field: &str, at: Loc) -> Option<Problem> {
    let key = field.rsplit_once('.').map_or(field, |(k, _)| k);
    let (max, kind) = if crate::validate::is_markdown(key) {
        (MAX_MARKDOWN_CHARS, "markdown")
    } else {
        (MAX_PLAIN_CHARS, "plain")
    };
    // Bytes bound characters from above: most texts need no counting.
    if text.len() <= max {
        return None;
    }
    let length = text.chars().count();
    (length > max).then(|| {
        Problem::error(Code::TextTooLong, at)
            .arg("field", field)
            .arg("length", length)
            .arg("max", max)
            .arg("kind", kind)
    })
}

/// `parent.key`, or `key` at the top.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

impl<'p> Decoder<'p> {
    /// A decoder for `file` that reports into `problems`.
    pub fn new(file: Arc<Path>, problems: &'p mut Vec<Problem>) -> Decoder<'p> {
        Decoder { file, problems }
    }

    /// The file being read.
    pub fn file(&self) -> &Arc<Path> {
        &self.file
    }

    /// Where `node` stands.
    pub fn loc(&self, node: &Node) -> Loc {
        Loc {
            file: self.file.clone(),
            line: node.line,
            col: node.col,
            block: matches!(node.value, Value::Scalar { block: true, .. }),
        }
    }

    /// Reports a problem.
    pub fn report(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    fn wrong_type(&mut self, node: &Node, path: &str, expected: &str) {
        let problem = Problem::error(Code::WrongType, self.loc(node))
            .arg("field", path)
            .arg("expected", expected)
            .arg("found", node.type_name());
        self.report(problem);
    }

    /// Opens a mapping whose keys must come from `allowed`; reports unknown
    /// and repeated keys.
    pub fn fields<'n>(
        &mut self,
        node: &'n Node,
        path: &str,
        allowed: &[&str],
    ) -> Option<Fields<'n>> {
        let Value::Map(pairs) = &node.value else {
            self.wrong_type(
                node,
                if path.is_empty() { "(file)" } else { path },
                "mapping",
            );
            return None;
        };
        for (i, (key, _)) in pairs.iter().enumerate() {
            let Some(name) = key.scalar() else {
                self.wrong_type(key, if path.is_empty() { "(file)" } else { path }, "key");
                continue;
            };
            if pairs[..i].iter().any(|(k, _)| k.scalar() == Some(name)) {
                let problem = Problem::error(Code::DuplicateKey, self.loc(key))
                    .arg("field", join(path, name));
                self.report(problem);
            }
            if !allowed.contains(&name) {
                let suggestion = allowed
                    .iter()
                    .map(|a| (strsim::damerau_levenshtein(a, name), *a))
                    .filter(|(d, _)| *d <= 2)
                    .min();
                let problem = match suggestion {
                    Some((_, likely)) => Problem::error(Code::UnknownKeySuggest, self.loc(key))
                        .arg("field", join(path, name))
                        .arg("likely", likely),
                    None => Problem::error(Code::UnknownKey, self.loc(key))
                        .arg("field", join(path, name))
                        .arg("allowed", allowed.join(", ")),
                };
                self.report(problem);
            }
        }
        Some(Fields {
            node,
            pairs,
            path: path.to_string(),
        })
    }

    /// The value of a key that must be there.
    pub fn required<'n>(&mut self, fields: &Fields<'n>, key: &str) -> Option<&'n Node> {
        let found = fields.get(key);
        if found.is_none() {
            let problem = Problem::error(Code::MissingKey, self.loc(fields.node))
                .arg("field", join(&fields.path, key));
            self.report(problem);
        }
        found
    }

    /// A bilingual text: a mapping with non-empty `cy` and `en`, NFC-normalised.
    pub fn text(&mut self, node: &Node, path: &str) -> Option<Text> {
        self.text_keys(node, path, true)
    }

    /// The `cy` and `en` keys of a mapping that also holds other keys (a
    /// glossary entry), which its caller has already checked.
    pub fn text_beside(&mut self, node: &Node, path: &str) -> Option<Text> {
        self.text_keys(node, path, false)
    }

    fn text_keys(&mut self, node: &Node, path: &str, only_languages: bool) -> Option<Text> {
        let Value::Map(pairs) = &node.value else {
            self.wrong_type(node, path, "{ cy, en }");
            return None;
        };
        let mut sides: [Option<(String, Loc)>; 2] = [None, None];
        let mut ok = true;
        for (key, value) in pairs {
            let index = match key.scalar() {
                Some("cy") => 0,
                Some("en") => 1,
                _ if !only_languages => continue,
                other => {
                    let problem = Problem::error(Code::UnknownLanguage, self.loc(key))
                        .arg("field", join(path, other.unwrap_or("?")));
                    self.report(problem);
                    ok = false;
                    continue;
                }
            };
            let field = join(path, key.scalar().unwrap_or_default());
            if sides[index].is_some() {
                let problem = Problem::error(Code::DuplicateKey, self.loc(key)).arg("field", field);
                self.report(problem);
                ok = false;
                continue;
            }
            let text = if value.is_null() {
                Some(String::new())
            } else if let Value::Scalar { text, .. } = &value.value {
                Some(crate::lang::nfc(text))
            } else {
                self.wrong_type(value, &field, "text");
                ok = false;
                None
            };
            if let Some(text) = text {
                if text.trim().is_empty() {
                    let problem =
                        Problem::error(Code::EmptyText, self.loc(key)).arg("field", field);
                    self.report(problem);
                    ok = false;
                } else if let Some(problem) = too_long(&text, &field, self.loc(value)) {
                    self.report(problem);
                    ok = false;
                } else {
                    sides[index] = Some((text, self.loc(value)));
                }
            }
        }
        for lang in ["cy", "en"] {
            if !pairs.iter().any(|(k, _)| k.scalar() == Some(lang)) {
                let problem = Problem::error(Code::MissingLanguage, self.loc(node))
                    .arg("field", join(path, lang));
                self.report(problem);
                ok = false;
            }
        }
        let [cy, en] = sides;
        match (ok, cy, en) {
            (true, Some((cy, cy_at)), Some((en, en_at))) => Some(Text {
                cy,
                en,
                key: path.to_string(),
                cy_at,
                en_at,
            }),
            _ => None,
        }
    }

    /// A plain string (not shown to readers, or one-language like a name).
    pub fn string(&mut self, node: &Node, path: &str) -> Option<String> {
        match &node.value {
            Value::Scalar { text, .. } if !node.is_null() => Some(crate::lang::nfc(text)),
            _ => {
                self.wrong_type(node, path, "text");
                None
            }
        }
    }

    /// An id following the id pattern.
    pub fn id(&mut self, node: &Node, path: &str) -> Option<String> {
        let id = self.string(node, path)?;
        if is_valid_id(&id) {
            Some(id)
        } else {
            let problem = Problem::error(Code::BadId, self.loc(node))
                .arg("field", path)
                .arg("id", &id);
            self.report(problem);
            None
        }
    }

    /// A whole number from `min` to `max`.
    pub fn number(&mut self, node: &Node, path: &str, min: u32, max: u32) -> Option<u32> {
        let parsed = match &node.value {
            Value::Scalar {
                text, plain: true, ..
            } => text.parse::<i64>().ok().or_else(|| {
                // Digits too many for any integer type are still a number
                // to the author, and out of range.
                let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
                (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| {
                    if text.starts_with('-') {
                        i64::MIN
                    } else {
                        i64::MAX
                    }
                })
            }),
            _ => None,
        };
        match parsed {
            Some(n) if n >= i64::from(min) && n <= i64::from(max) => u32::try_from(n).ok(),
            Some(_) => {
                let problem = Problem::error(Code::BadNumber, self.loc(node))
                    .arg("field", path)
                    .arg("value", node.scalar().unwrap_or_default())
                    .arg("min", min)
                    .arg("max", max);
                self.report(problem);
                None
            }
            None => {
                self.wrong_type(node, path, "number");
                None
            }
        }
    }

    /// One of a fixed list of words.
    pub fn one_of(&mut self, node: &Node, path: &str, allowed: &[&str]) -> Option<String> {
        let word = self.string(node, path)?;
        if allowed.contains(&word.as_str()) {
            Some(word)
        } else {
            let problem = Problem::error(Code::NotInList, self.loc(node))
                .arg("field", path)
                .arg("value", &word)
                .arg("allowed", allowed.join(" | "));
            self.report(problem);
            None
        }
    }

    /// A list; `None` (reported) if the node is not one.
    pub fn list<'n>(&mut self, node: &'n Node, path: &str) -> Option<&'n [Rc<Node>]> {
        match &node.value {
            Value::Seq(items) => Some(items),
            _ => {
                self.wrong_type(node, path, "list");
                None
            }
        }
    }

    /// A list that must hold at least one entry.
    pub fn nonempty_list<'n>(&mut self, node: &'n Node, path: &str) -> Option<&'n [Rc<Node>]> {
        let items = self.list(node, path)?;
        if items.is_empty() {
            let problem = Problem::error(Code::EmptyList, self.loc(node)).arg("field", path);
            self.report(problem);
            return None;
        }
        Some(items)
    }

    /// A list of ids referring to other items.
    pub fn refs(&mut self, node: &Node, path: &str) -> Option<Vec<Ref>> {
        let items = self.list(node, path)?;
        let mut refs = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(id) = self.id(item, &format!("{path}[{i}]")) {
                refs.push(Ref {
                    id,
                    at: self.loc(item),
                });
            }
        }
        Some(refs)
    }
}

impl<'n> Fields<'n> {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.pairs
            .iter()
            .find(|(k, _)| k.scalar() == Some(key))
            .map(|(_, v)| v.as_ref())
    }

    /// The mapping itself.
    pub fn node(&self) -> &'n Node {
        self.node
    }

    /// The path of a key inside this mapping.
    pub fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for good in ["a", "own-words", "p1", "a-b-c"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a_b",
            "ŵ",
            "a b",
            &"a".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
