//! The preview's quick path: after an edit to one item's file, that item's
//! pages are shown before the whole site is built again.
//!
//! Building a large pack whole takes most of a second, and an author who
//! saves a file wants to see it at once. So when the one file changed is an
//! existing item's, and it still reads, decodes and checks against the rest
//! of the last good pack, and the edit leaves the reading order as it was,
//! the item's pages in both languages are rendered from the last good pack
//! with that item replaced, and shown. The whole build follows at once: it
//! writes whatever else changed (contents lists, the home and print pages,
//! the search indexes) and reports problems as ever, so the quick path only
//! ever shows sooner what the whole build would show.

use std::path::Path;
use std::sync::Arc;

use crate::i18n::Strings;
use crate::load::{self, Decoded};
use crate::model::{Kind, Pack};
use crate::site::templates::Templates;
use crate::site::{OutFile, PdfSizes, Site};
use crate::validate::{self, Declared};

/// The pages of the item whose file `changed` (absolute, in the project at
/// `root`) holds, rendered from `last` with that item replaced; `None`
/// where the quick path does not apply and only the whole build will do.
pub(crate) fn item_pages(
    root: &Path,
    changed: &Path,
    last: &Pack,
    templates: Arc<Templates>,
    strings: Arc<Strings>,
    pdf_sizes: &PdfSizes,
) -> Option<Vec<OutFile>> {
    let relative = changed.strip_prefix(root).ok()?;
    let mut problems = Vec::new();
    let text = load::read_text(root, relative, &mut problems)?;
    let decoded = load::decode_file(relative, &text, &mut problems)?;
    if !problems.is_empty() {
        return None;
    }
    let mut pack = last.clone();
    let (kind, id) = replace(&mut pack, decoded)?;
    if !checks(&pack, kind, &id) {
        return None;
    }
    let site = Site::with_templates(&pack, templates, strings, pdf_sizes).ok()?;
    site.render_item(kind, &id).ok()
}

/// Puts `decoded` in the place of the item with its id, if there is one
/// and the edit keeps the reading order (numbers, groups, the examples'
/// order, the free pages' order): otherwise other pages would move too.
fn replace(pack: &mut Pack, decoded: Decoded) -> Option<(Kind, String)> {
    let ids = |refs: &[crate::decode::Ref]| refs.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    match decoded {
        Decoded::Principle(new) => {
            let old = pack.principles.iter_mut().find(|x| x.id == new.id)?;
            let same = old.number == new.number
                && old.group.id == new.group.id
                && ids(&old.examples) == ids(&new.examples);
            let id = new.id.clone();
            same.then(|| *old = new)?;
            Some((Kind::Principle, id))
        }
        Decoded::Example(new) => {
            let old = pack.examples.iter_mut().find(|x| x.id == new.id)?;
            let id = new.id.clone();
            *old = new;
            Some((Kind::Example, id))
        }
        Decoded::Exercise(new) => {
            let old = pack.exercises.iter_mut().find(|x| x.id == new.id)?;
            let same = old.number == new.number
                && old.group.as_ref().map(|g| &g.id) == new.group.as_ref().map(|g| &g.id);
            let id = new.id.clone();
            same.then(|| *old = new)?;
            Some((Kind::Exercise, id))
        }
        Decoded::Form(new) => {
            let old = pack.forms.iter_mut().find(|x| x.id == new.id)?;
            let id = new.id.clone();
            *old = new;
            Some((Kind::Form, id))
        }
        Decoded::Page(new) => {
            let old = pack.pages.iter_mut().find(|x| x.id == new.id)?;
            let id = new.id.clone();
            (old.order == new.order).then(|| *old = new)?;
            Some((Kind::Page, id))
        }
        // The groups and the glossary reach many pages: the whole build.
        Decoded::Groups(_) | Decoded::Glossary(_) => None,
    }
}

/// Whether the item `kind`/`id` of `pack` passes the checks across files
/// (its references and links) against the rest of the pack, without a
/// single problem: the checks of the whole pack, run on the item alone
/// with every other id declared.
fn checks(pack: &Pack, kind: Kind, id: &str) -> bool {
    let mut declared = Declared::default();
    let mut declare = |kind: Kind, ids: Vec<&String>| {
        declared
            .items
            .entry(kind)
            .or_default()
            .extend(ids.into_iter().cloned());
    };
    declare(
        Kind::Principle,
        pack.principles.iter().map(|x| &x.id).collect(),
    );
    declare(Kind::Example, pack.examples.iter().map(|x| &x.id).collect());
    declare(
        Kind::Exercise,
        pack.exercises.iter().map(|x| &x.id).collect(),
    );
    declare(Kind::Form, pack.forms.iter().map(|x| &x.id).collect());
    declare(Kind::Page, pack.pages.iter().map(|x| &x.id).collect());
    declare(
        Kind::Glossary,
        pack.glossary.iter().map(|x| &x.id).collect(),
    );
    declared.groups = pack.groups.iter().map(|g| g.id.clone()).collect();
    let mut alone = Pack {
        config: pack.config.clone(),
        groups: Vec::new(),
        principles: Vec::new(),
        examples: Vec::new(),
        exercises: Vec::new(),
        forms: Vec::new(),
        glossary: Vec::new(),
        pages: Vec::new(),
    };
    match kind {
        Kind::Principle => {
            alone.principles = pack
                .principles
                .iter()
                .filter(|x| x.id == id)
                .cloned()
                .collect()
        }
        Kind::Example => {
            alone.examples = pack
                .examples
                .iter()
                .filter(|x| x.id == id)
                .cloned()
                .collect()
        }
        Kind::Exercise => {
            alone.exercises = pack
                .exercises
                .iter()
                .filter(|x| x.id == id)
                .cloned()
                .collect()
        }
        Kind::Form => alone.forms = pack.forms.iter().filter(|x| x.id == id).cloned().collect(),
        Kind::Page => alone.pages = pack.pages.iter().filter(|x| x.id == id).cloned().collect(),
        Kind::Glossary => return false,
    }
    let mut problems = Vec::new();
    validate::validate_declared(alone, &declared, &mut problems);
    problems.is_empty()
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::PathBuf;

    use super::*;
    use crate::resources::Resources;

    /// A copy of the small test pack, loaded, with what the quick path needs.
    struct Fixture {
        dir: tempfile::TempDir,
        pack: Pack,
        templates: Arc<Templates>,
        strings: Arc<Strings>,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs/small");
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.unwrap();
            let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&to).unwrap();
            } else {
                fs::copy(entry.path(), &to).unwrap();
            }
        }
        let pack = load::load(dir.path()).unwrap();
        let mut problems = Vec::new();
        let resources = Resources::load(dir.path(), &mut problems);
        let strings = Arc::new(Strings::load(&resources, &mut problems).unwrap());
        let templates = Arc::new(Templates::load(&resources, strings.clone()).unwrap());
        assert!(problems.is_empty(), "{problems:?}");
        Fixture {
            dir,
            pack,
            templates,
            strings,
        }
    }

    impl Fixture {
        /// Replaces `from` with `to` in the file, and asks the quick path.
        fn edit(&self, file: &str, from: &str, to: &str) -> Option<Vec<OutFile>> {
            let path: PathBuf = self.dir.path().join(file);
            let text = fs::read_to_string(&path).unwrap();
            assert!(text.contains(from), "{file} has no {from:?}");
            fs::write(&path, text.replacen(from, to, 1)).unwrap();
            item_pages(
                self.dir.path(),
                &path,
                &self.pack,
                self.templates.clone(),
                self.strings.clone(),
                &PdfSizes::new(),
            )
        }
    }

    #[test]
    fn an_edited_text_is_shown_in_both_languages_pages() {
        let f = fixture();
        let pages = f
            .edit(
                "content/principles/own-words.yaml",
                "A good record quotes the person.",
                "A good record quotes the person, word for word.",
            )
            .expect("the quick path applies");
        let paths: Vec<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "cy/principles/own-words.html",
                "en/principles/own-words.html"
            ]
        );
        let en = String::from_utf8(pages[1].1.clone()).unwrap();
        assert!(en.contains("word for word"));
    }

    #[test]
    fn a_title_may_change_but_not_the_reading_order() {
        let f = fixture();
        assert!(
            f.edit(
                "content/principles/own-words.yaml",
                "  en: Record in",
                "  en: Always record in"
            )
            .is_some()
        );
        assert!(
            f.edit(
                "content/principles/own-words.yaml",
                "number: 1",
                "number: 7"
            )
            .is_none()
        );
    }

    #[test]
    fn a_broken_reference_or_file_is_left_to_the_whole_build() {
        let f = fixture();
        assert!(
            f.edit(
                "content/principles/own-words.yaml",
                "(example:walking-to-the-shop) a'r",
                "(example:no-such-example) a'r",
            )
            .is_none()
        );
        let f = fixture();
        assert!(
            f.edit(
                "content/principles/own-words.yaml",
                "group: personal",
                "group: ["
            )
            .is_none()
        );
        let f = fixture();
        assert!(
            f.edit(
                "content/glossary.yaml",
                "what matters",
                "what really matters"
            )
            .is_none()
        );
    }

    #[test]
    fn a_new_item_is_left_to_the_whole_build() {
        let f = fixture();
        let from = f.dir.path().join("content/principles/own-words.yaml");
        let to = f.dir.path().join("content/principles/new-one.yaml");
        let text = fs::read_to_string(&from)
            .unwrap()
            .replace("number: 1", "number: 9");
        fs::write(&to, text).unwrap();
        let pages = item_pages(
            f.dir.path(),
            &to,
            &f.pack,
            f.templates.clone(),
            f.strings.clone(),
            &PdfSizes::new(),
        );
        assert!(pages.is_none());
    }
}
