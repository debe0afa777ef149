//! `canllaw check`: everything that breaks a bilingual site before a reader
//! finds it, beyond what loading already refuses.
//!
//! Each check is its own module and adds [`Problem`]s to one list:
//!
//! - `links`: the built site, made into a temporary folder — every `href`
//!   and `src` resolves, every `#fragment` names an id, language switchers
//!   and hreflang alternates are reciprocal, no page is an orphan; links to
//!   other sites written in the content are listed, and flagged unless https.
//! - `translation`: Welsh copied from English, and Markdown whose structure
//!   (links, lists, tables, headings) differs between the languages.
//! - `fluent`: interface strings in both languages with the same
//!   attributes and variables, Welsh numbers with all six plural forms.
//! - `spelling`: both languages against Hunspell dictionaries and the
//!   project's word lists (`words`), with Welsh word forms (`welsh`).
//! - `lock`: texts changed since `canllaw translations confirm`.
//!
//! `report` turns the list into text or JSON and decides the exit code.

mod fluent;
mod html;
mod links;
mod lock;
mod markdown;
mod place;
pub mod report;
mod spelling;
mod translation;
mod welsh;
mod words;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::lang::{Loc, Text};
use crate::load;
use crate::model::Pack;
use crate::problem::{self, Code, Problem, Severity};
use crate::resources::Resources;

pub use fluent::check_tool_messages;
pub use links::ExternalLink;
pub use lock::LOCK_FILE;
pub(crate) use lock::{
    Record, file_name as lock_file_name, hash as lock_hash, record as record_reviewed,
    records as lock_records,
};
pub use spelling::{DICTIONARIES_ENV, Dictionaries};

/// One kind of check, to run a few of them (tests, editors) rather than all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    /// Links, language switchers, hreflang and orphans on a build.
    Links,
    /// Untranslated copies and Markdown structure parity.
    Translation,
    /// The interface strings' Fluent files.
    Fluent,
    /// Spelling of content and interface strings.
    Spelling,
    /// Texts changed since `translations.lock` was written.
    Stale,
}

impl Check {
    /// Every check.
    pub const ALL: [Check; 5] = [
        Check::Links,
        Check::Translation,
        Check::Fluent,
        Check::Spelling,
        Check::Stale,
    ];
}

/// What `check` runs and where it finds what it needs.
#[derive(Clone, Debug)]
pub struct Options {
    /// The checks to run (by default all of them).
    pub checks: BTreeSet<Check>,
    /// The folder holding the Hunspell dictionaries; `None` looks in
    /// `CANLLAW_DICTIONARIES` and then the documented defaults (see
    /// [`Dictionaries::find`]).
    pub dictionaries: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            checks: Check::ALL.into_iter().collect(),
            dictionaries: None,
        }
    }
}

impl Options {
    /// Only the checks named.
    pub fn only(checks: &[Check]) -> Options {
        Options {
            checks: checks.iter().copied().collect(),
            ..Options::default()
        }
    }

    fn wants(&self, check: Check) -> bool {
        self.checks.contains(&check)
    }
}

/// Checks the project in `root` and returns every problem found, sorted by
/// file, line and column (so grouped by file).
///
/// Loading problems (YAML, references…) are among them: a pack that does not
/// load is reported as `build` would report it, and the checks that need the
/// loaded pack are skipped, while the Fluent check still runs.
pub fn check(root: &Path, options: &Options) -> Vec<Problem> {
    let mut problems = Vec::new();
    let resources = Resources::load(root, &mut problems);
    let words = words::Words::load(root, &mut problems);
    if options.wants(Check::Fluent) {
        fluent::check(&resources, &words, &mut problems);
    }
    match load::load(root) {
        Err(found) => problems.extend(found),
        Ok(pack) => {
            let mut sources = place::Sources::new(root);
            let texts = texts(&pack);
            if options.wants(Check::Translation) {
                translation::check(&texts, &words, &mut sources, &mut problems);
            }
            if options.wants(Check::Stale) {
                lock::check(root, &texts, &mut problems);
            }
            if options.wants(Check::Spelling) {
                spelling::check(
                    root,
                    options,
                    &texts,
                    &resources,
                    &words,
                    &mut sources,
                    &mut problems,
                );
            }
            if options.wants(Check::Links) {
                links::check_content(&texts, &mut sources, &mut problems);
                let fluent_checked = options.wants(Check::Fluent);
                let site = links::Site {
                    pack: &pack,
                    texts: &texts,
                    resources: &resources,
                };
                links::check_build(root, &site, &mut sources, &mut problems, |p| {
                    // The Fluent check reports these with better places.
                    !(fluent_checked && matches!(p.code, Code::FluentSyntax | Code::FluentMissing))
                });
            }
        }
    }
    dedupe(&mut problems);
    problem::sort(&mut problems);
    problems
}

/// Records every text's Welsh and English as reviewed in `translations.lock`
/// (see `lock` for the file's form) and returns how many texts it recorded.
///
/// # Errors
/// The pack's loading problems, or a problem writing the file.
pub fn confirm_translations(root: &Path) -> Result<usize, Vec<Problem>> {
    lock::confirm(root)
}

/// The links to other sites written in the content, each with where it was
/// written: `check` lists these rather than fetching them.
///
/// # Errors
/// The pack's loading problems.
pub fn external_links(root: &Path) -> Result<Vec<ExternalLink>, Vec<Problem>> {
    let pack = load::load(root)?;
    let mut sources = place::Sources::new(root);
    Ok(links::external(&texts(&pack), &mut sources))
}

/// True if `problems` should make `check` exit 1.
pub fn fails(problems: &[Problem], deny_warnings: bool) -> bool {
    problems
        .iter()
        .any(|p| p.severity == Severity::Error || deny_warnings)
}

/// Drops exact repeats: the same problem can reach the list twice, e.g. a
/// resource that both the checks and the build read.
fn dedupe(problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    problems.retain(|p| seen.insert((p.code, p.at.clone(), p.args.clone())));
}

/// Every text of the pack, each keyed as problems and the lock name it:
/// its field path, except that an entry of `glossary.yaml` or `groups.yaml`
/// is named by its id rather than its position (`what-matters.definition`,
/// not `[3].definition`), which reads better and survives reordering.
pub(crate) fn texts(pack: &Pack) -> Vec<Text> {
    // Each entry by its file and position, `[3]`.
    let mut ids: HashMap<(&Path, &str), &str> = HashMap::new();
    for t in &pack.glossary {
        ids.insert((&t.term.cy_at.file, &t.term.key), &t.id);
    }
    for g in &pack.groups {
        let index = g.title.key.split('.').next().unwrap_or_default();
        ids.insert((&g.title.cy_at.file, index), &g.id);
    }
    pack.texts()
        .into_iter()
        .map(|text| {
            let end = text.key.find(']').map_or(0, |i| i + 1);
            match ids.get(&(&*text.cy_at.file, &text.key[..end])) {
                Some(id) if text.key.starts_with('[') => Text {
                    key: format!("{id}{}", &text.key[end..]),
                    ..text.clone()
                },
                _ => text.clone(),
            }
        })
        .collect()
}

/// A problem about the project as a whole, placed at `canllaw.toml`.
fn at_project() -> Loc {
    Loc::file(std::sync::Arc::from(Path::new("canllaw.toml")))
}
