//! `translations.lock`: which Welsh and English were last reviewed together.
//!
//! `canllaw translations confirm` writes one line per bilingual text: the
//! file, the text's key, and a hash of each language as it stands.
//!
//! ```text
//! canllaw-translations-lock 1
//! content/principles/own-words.yaml body cy=3f2a0c9e41d7b6a5 en=9b1c44d0e2f3a617
//! content/glossary.yaml what-matters.definition cy=… en=…
//! ```
//!
//! Lines are sorted by file and key, so the file diffs well and two people's
//! confirmations merge. A hash is the first 64 bits of the SHA-256 of the
//! text: enough to tell an edit, too short to be mistaken for a secret.
//! Entries of `groups.yaml` and `glossary.yaml` are keyed by their id, not
//! their position ([`super::texts`]), so adding a term does not unsettle the
//! others.
//!
//! Both languages are recorded, so the lock serves packs written in English
//! first and packs written in Welsh first alike: when one language of a text
//! changed and the other did not, `check` reports the other one as possibly
//! out of date, at its line, with the old and new wording of what changed
//! (the old taken from the commit that last wrote the lock, where the
//! project is a git repository).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::lang::{Lang, Loc, Text};
use crate::load;
use crate::problem::{Code, Problem};
use crate::yaml::{self, Node, Value};

/// The lock file's name, in the project folder beside `canllaw.toml`.
pub const LOCK_FILE: &str = "translations.lock";

/// The first line of the file: its format and version.
const HEADER: &str = "canllaw-translations-lock 1";

const PREAMBLE: &str = "\
# Written by `canllaw translations confirm`: do not edit by hand.
# One line per bilingual text whose Welsh and English were reviewed together:
# FILE KEY cy=HASH en=HASH, each HASH the first 64 bits of the SHA-256 of that
# language's text. `canllaw check` reports a text whose one language changed
# since, so that the other can be brought up to date. Commit it with the content.
";

/// The hash the lock records for a text.
pub(crate) fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Every text with its file and its key in the lock.
fn entries(texts: &[Text]) -> Vec<(String, &str, &Text)> {
    texts
        .iter()
        .map(|text| (file_name(&text.cy_at.file), text.key.as_str(), text))
        .collect()
}

pub(crate) fn file_name(file: &Path) -> String {
    file.to_string_lossy().replace('\\', "/")
}

/// The recorded hashes of one text: Welsh, English.
pub(crate) type Record = (String, String);

/// The lock's records by file and key.
pub(crate) type Records = BTreeMap<(String, String), Record>;

/// Reads the lock's text; lines it cannot read become problems.
fn parse(text: &str, problems: &mut Vec<Problem>) -> BTreeMap<(String, String), Record> {
    let mut records = BTreeMap::new();
    let file: Arc<Path> = Arc::from(Path::new(LOCK_FILE));
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line == HEADER {
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            [file, key, cy, en] if cy.starts_with("cy=") && en.starts_with("en=") => {
                records.insert(
                    ((*file).to_string(), (*key).to_string()),
                    (cy[3..].to_string(), en[3..].to_string()),
                );
            }
            _ => problems.push(Problem::error(
                Code::LockSyntax,
                Loc {
                    file: file.clone(),
                    line: u32::try_from(n + 1).unwrap_or(u32::MAX),
                    col: 1,
                    block: false,
                },
            )),
        }
    }
    records
}

/// Writes the lock for the project in `root` and returns how many texts it records.
pub(super) fn confirm(root: &Path) -> Result<usize, Vec<Problem>> {
    let pack = load::load(root)?;
    let texts = super::texts(&pack);
    let mut lines: Vec<String> = entries(&texts)
        .into_iter()
        .map(|(file, key, text)| {
            format!("{file} {key} cy={} en={}", hash(&text.cy), hash(&text.en))
        })
        .collect();
    lines.sort();
    lines.dedup();
    write_lock(root, &lines.join("\n")).map_err(|p| vec![p])?;
    Ok(lines.len())
}

/// Writes the lock with these lines (sorted, one per text).
fn write_lock(root: &Path, lines: &str) -> Result<(), Problem> {
    let body = format!("{HEADER}\n{PREAMBLE}{lines}\n");
    let fail = |e: std::io::Error| {
        Problem::error(
            Code::WriteFailed,
            Loc::file(Arc::from(Path::new(LOCK_FILE))),
        )
        .arg("path", root.join(LOCK_FILE).display())
        .arg("detail", e)
    };
    // Written beside and renamed, so a failed write never leaves half a lock.
    let mut temp = tempfile::NamedTempFile::new_in(root).map_err(fail)?;
    std::io::Write::write_all(&mut temp, body.as_bytes()).map_err(fail)?;
    temp.persist(root.join(LOCK_FILE))
        .map_err(|e| fail(e.error))?;
    Ok(())
}

/// The lock's records by (file, key): the Welsh and English hashes; `None`
/// if the project has no lock. Lines it cannot read are problems.
pub(crate) fn records(root: &Path) -> Result<Option<Records>, Vec<Problem>> {
    let Ok(text) = std::fs::read_to_string(root.join(LOCK_FILE)) else {
        return Ok(None);
    };
    let mut problems = Vec::new();
    let records = parse(&text, &mut problems);
    if problems.is_empty() {
        Ok(Some(records))
    } else {
        Err(problems)
    }
}

/// Records the given texts' hashes as reviewed, leaving every other line
/// of the lock as it was (or starting a lock with only these).
pub(crate) fn record(root: &Path, reviewed: &[((String, String), Record)]) -> Result<(), Problem> {
    let mut records = records(root)
        .map_err(|mut p| p.remove(0))?
        .unwrap_or_default();
    for (key, hashes) in reviewed {
        records.insert(key.clone(), hashes.clone());
    }
    let lines: Vec<String> = records
        .iter()
        .map(|((file, key), (cy, en))| format!("{file} {key} cy={cy} en={en}"))
        .collect();
    write_lock(root, &lines.join("\n"))
}

/// Reports texts changed since the lock was written.
pub(super) fn check(root: &Path, texts: &[Text], problems: &mut Vec<Problem>) {
    let Ok(text) = std::fs::read_to_string(root.join(LOCK_FILE)) else {
        problems.push(Problem::warning(
            Code::NoLock,
            Loc::file(Arc::from(Path::new(LOCK_FILE))),
        ));
        return;
    };
    let records = parse(&text, problems);
    let mut history = History::new(root);
    for (file, key, text) in entries(texts) {
        let Some((cy, en)) = records.get(&(file.clone(), key.to_string())) else {
            problems.push(
                Problem::warning(Code::Unconfirmed, text.cy_at.clone())
                    .arg("field", &text.key)
                    .also(text.en_at.clone()),
            );
            continue;
        };
        let changed = [*cy != hash(&text.cy), *en != hash(&text.en)];
        let (source, stale) = match changed {
            [false, false] => continue,
            [true, true] => {
                problems.push(
                    Problem::warning(Code::ChangedBoth, text.cy_at.clone())
                        .arg("field", &text.key)
                        .also(text.en_at.clone()),
                );
                continue;
            }
            [false, true] => (Lang::En, Lang::Cy),
            [true, false] => (Lang::Cy, Lang::En),
        };
        let recorded = if source == Lang::Cy { cy } else { en };
        let old = history
            .text(&file, key, source)
            .filter(|old| hash(old) == *recorded);
        let new = text.get(source);
        let problem = match old {
            Some(old) => {
                let (old, new) = excerpts(&old, new);
                Problem::warning(Code::StaleTranslation, text.at(stale).clone())
                    .arg("field", &text.key)
                    .arg("source", source)
                    .arg("lang", stale)
                    .arg("old", old)
                    .arg("new", new)
            }
            None => Problem::warning(Code::StaleTranslationNoHistory, text.at(stale).clone())
                .arg("field", &text.key)
                .arg("source", source)
                .arg("lang", stale)
                .arg("new", shorten(new, EXCERPT)),
        };
        problems.push(problem.also(text.at(source).clone()));
    }
}

/// How many characters of changed text a problem quotes.
const EXCERPT: usize = 80;
/// How many unchanged characters it shows either side of a change.
const CONTEXT: usize = 20;

fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        text
    } else {
        format!("{}…", text.chars().take(max).collect::<String>().trim_end())
    }
}

/// The part of `old` and `new` that differs, with a little context either side.
pub(crate) fn excerpts(old: &str, new: &str) -> (String, String) {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .collect::<Vec<char>>()
    };
    let (a, b) = (norm(old), norm(new));
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let max_suffix = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    let show = |s: &[char]| {
        // Context widened to whole words, so no word is shown cut.
        let mut from = prefix.saturating_sub(CONTEXT);
        while from > 0 && !s[from - 1].is_whitespace() {
            from -= 1;
        }
        let mut to = (s.len() - suffix + CONTEXT).min(s.len());
        while to < s.len() && !s[to].is_whitespace() {
            to += 1;
        }
        let middle: String = s[from..to].iter().collect();
        let mut out = String::new();
        if from > 0 {
            out.push('…');
        }
        out.push_str(&shorten(&middle, EXCERPT));
        if to < s.len() && !out.ends_with('…') {
            out.push('…');
        }
        out
    };
    (show(&a), show(&b))
}

/// The texts as they stood when the lock was last committed, read from git.
struct History {
    root: PathBuf,
    /// The commit that last wrote the lock and the project's folder within
    /// the repository; `None` if not a git repository or never committed.
    commit: Option<Option<(String, String)>>,
    files: HashMap<String, Option<String>>,
}

impl History {
    fn new(root: &Path) -> History {
        History {
            root: root.to_path_buf(),
            commit: None,
            files: HashMap::new(),
        }
    }

    fn git(&self, args: &[&str]) -> Option<String> {
        let output = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(args)
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }

    fn file(&mut self, file: &str) -> Option<String> {
        if self.commit.is_none() {
            let rev = self
                .git(&["log", "-1", "--format=%H", "--", LOCK_FILE])
                .map(|s| s.trim().to_string());
            let prefix = self
                .git(&["rev-parse", "--show-prefix"])
                .map(|s| s.trim().to_string());
            self.commit = Some(match (rev, prefix) {
                (Some(rev), Some(prefix)) if !rev.is_empty() => Some((rev, prefix)),
                _ => None,
            });
        }
        let (rev, prefix) = self.commit.clone().flatten()?;
        if !self.files.contains_key(file) {
            let text = self.git(&["show", &format!("{rev}:{prefix}{file}")]);
            self.files.insert(file.to_string(), text);
        }
        self.files.get(file).cloned().flatten()
    }

    /// The text at `key` of `file`, in `lang`, as committed with the lock.
    fn text(&mut self, file: &str, key: &str, lang: Lang) -> Option<String> {
        let source = self.file(file)?;
        let text = if file.ends_with(".toml") {
            let table: toml::Table = toml::from_str(&source).ok()?;
            let mut value = toml::Value::Table(table);
            for part in key.split('.') {
                value = value.get(part)?.clone();
            }
            value.get(lang.code())?.as_str()?.to_string()
        } else {
            let root = yaml::parse(&source).ok()??;
            let node = find(&root, key)?;
            let Value::Map(pairs) = &node.value else {
                return None;
            };
            pairs
                .iter()
                .find(|(k, _)| k.scalar() == Some(lang.code()))
                .and_then(|(_, v)| v.scalar())?
                .to_string()
        };
        Some(text.nfc().collect())
    }
}

/// The node at `key` (`sections[0].fields[2].label`, `what-matters.definition`):
/// names look up mappings, `[i]` indexes lists, and a name met at a list finds
/// the entry with that `id`.
fn find<'n>(root: &'n Node, key: &str) -> Option<&'n Node> {
    let mut node = root;
    for part in key.split('.') {
        let (name, indices) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            node = match &node.value {
                Value::Map(pairs) => pairs.iter().find(|(k, _)| k.scalar() == Some(name)).map(|(_, v)| &**v)?,
                Value::Seq(items) => items.iter().map(|i| &**i).find(|item| {
                    matches!(&item.value, Value::Map(pairs) if pairs.iter().any(|(k, v)| k.scalar() == Some("id") && v.scalar() == Some(name)))
                })?,
                Value::Scalar { .. } => return None,
            };
        }
        for index in indices.split(']').filter(|s| !s.is_empty()) {
            let i: usize = index.trim_start_matches('[').parse().ok()?;
            let Value::Seq(items) = &node.value else {
                return None;
            };
            node = items.get(i)?;
        }
    }
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_show_what_changed_with_context() {
        let (old, new) = excerpts(
            "A good record quotes the person in their own words, not ours.",
            "A good record quotes the person in their words, not ours.",
        );
        assert_eq!(old, "…the person in their own words, not ours.");
        assert_eq!(new, "…the person in their words, not ours.");
        let (old, new) = excerpts(
            &"word ".repeat(40),
            &format!("{}changed", "word ".repeat(40)),
        );
        assert_eq!(
            (old.as_str(), new.as_str()),
            (
                "…word word word word word",
                "…word word word word word changed"
            )
        );
    }

    #[test]
    fn keys_find_nodes_by_name_index_and_id() {
        let root = yaml::parse("- id: a\n  definition: { cy: x, en: y }\n- id: b\n  sections:\n    - title: { cy: t, en: u }\n")
            .unwrap()
            .unwrap();
        assert!(find(&root, "a.definition").is_some());
        assert!(find(&root, "[1].sections[0].title").is_some());
        assert!(find(&root, "c.definition").is_none());
    }

    #[test]
    fn malformed_lines_are_reported_with_their_line() {
        let mut problems = Vec::new();
        let records = parse(
            &format!("{HEADER}\n# note\nf k cy=1 en=2\nbroken line\n"),
            &mut problems,
        );
        assert_eq!(records.len(), 1);
        assert_eq!(
            (problems[0].code, problems[0].at.line),
            (Code::LockSyntax, 4)
        );
    }
}
