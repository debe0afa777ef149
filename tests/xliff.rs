//! `canllaw xliff`: export, a translator's changes, import — on a copy of the
//! small pack, comparing the bytes of every file afterwards.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use canllaw::check::{self, Check, LOCK_FILE};
use canllaw::lang::Lang;
use canllaw::problem::Code;
use canllaw::xliff::{self, Only};
use common::{canllaw, small_pack_copy, stderr};

/// Every file of the project and its bytes.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let name = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The files whose bytes differ between two snapshots (or are new).
fn changed(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    after
        .iter()
        .filter(|(name, bytes)| before.get(*name) != Some(bytes))
        .map(|(name, _)| name.clone())
        .chain(before.keys().filter(|n| !after.contains_key(*n)).cloned())
        .collect()
}

fn text(root: &Path, file: &str) -> String {
    fs::read_to_string(root.join(file)).unwrap()
}

/// The range of the unit `id` in an XLIFF document.
fn unit_range(doc: &str, id: &str) -> std::ops::Range<usize> {
    let start = doc
        .find(&format!("<trans-unit id=\"{id}\""))
        .unwrap_or_else(|| panic!("no unit {id}"));
    let end = start + doc[start..].find("</trans-unit>").unwrap() + "</trans-unit>".len();
    start..end
}

/// The unit's `<target>` content replaced with `inner` (a target is added
/// if it has none), and its state with `state`.
fn set_target(doc: &str, id: &str, inner: &str, state: &str) -> String {
    let range = unit_range(doc, id);
    let unit = &doc[range.clone()];
    let lang = if doc.contains("target-language=\"en\"") {
        "en"
    } else {
        "cy"
    };
    let new_target = format!("<target xml:lang=\"{lang}\" state=\"{state}\">{inner}</target>");
    let new_unit = match unit.find("<target") {
        Some(t) => {
            let end = t + unit[t..].find("</target>").unwrap() + "</target>".len();
            format!("{}{new_target}{}", &unit[..t], &unit[end..])
        }
        None => {
            let s = unit.find("</source>").unwrap() + "</source>".len();
            format!("{}\n        {new_target}{}", &unit[..s], &unit[s..])
        }
    };
    format!("{}{new_unit}{}", &doc[..range.start], &doc[range.end..])
}

/// The unit's `<target>` content as exported.
fn target_of(doc: &str, id: &str) -> String {
    let unit = &doc[unit_range(doc, id)];
    let t = unit.find("<target").unwrap();
    let open_end = t + unit[t..].find('>').unwrap() + 1;
    let close = unit.find("</target>").unwrap();
    unit[open_end..close].to_string()
}

fn write_xliff(dir: &Path, doc: &str) -> std::path::PathBuf {
    let path = dir.join("translated.xlf");
    fs::write(&path, doc).unwrap();
    path
}

const BODY: &str = "content/principles/own-words.yaml#body";
const LOG_TITLE: &str = "content/forms/learning-log.yaml#title";
const QUESTION: &str = "content/exercises/whose-words.yaml#questions[1]";
const TERM: &str = "content/glossary.yaml#carer";

#[test]
fn export_then_import_changes_exactly_those_texts() {
    let project = small_pack_copy();
    let root = project.path();
    check::confirm_translations(root).unwrap();
    let lock_before = text(root, LOCK_FILE);
    let before = snapshot(root);
    let exported = xliff::export(root, Lang::Cy, None).unwrap();
    assert!(
        exported
            .xliff
            .contains("source-language=\"en\" target-language=\"cy\"")
    );
    let body = target_of(&exported.xliff, BODY);
    assert!(
        body.contains("<g id=\"3\" ctype=\"link\">yr enghraifft</g>"),
        "{body}"
    );

    let mut doc = exported.xliff.clone();
    doc = set_target(
        &doc,
        BODY,
        &body.replace(
            "Mae cofnod da yn dyfynnu'r unigolyn.",
            "Mae cofnod da yn dyfynnu geiriau'r unigolyn ei hun.",
        ),
        "translated",
    );
    doc = set_target(&doc, LOG_TITLE, "Log dysgu: wythnos", "translated");
    doc = set_target(
        &doc,
        QUESTION,
        "Beth arall yr hoffech chi ei wybod?",
        "final",
    );
    doc = set_target(&doc, TERM, "gofalwr di-dâl", "signed-off");
    let work = tempfile::tempdir().unwrap();
    let imported = xliff::import(root, &write_xliff(work.path(), &doc)).unwrap();
    assert_eq!(imported.changed.len(), 4, "{imported:?}");
    assert_eq!(imported.locked, 4);

    let after = snapshot(root);
    let mut files = changed(&before, &after);
    files.sort();
    assert_eq!(
        files,
        [
            "content/exercises/whose-words.yaml",
            "content/forms/learning-log.yaml",
            "content/glossary.yaml",
            "content/principles/own-words.yaml",
            LOCK_FILE,
        ]
    );
    // Each file is the old one with the one value replaced, byte for byte.
    let old = |f: &str| String::from_utf8(before[f].clone()).unwrap();
    assert_eq!(
        text(root, "content/principles/own-words.yaml"),
        old("content/principles/own-words.yaml").replace(
            "Mae cofnod da yn dyfynnu'r unigolyn.",
            "Mae cofnod da yn dyfynnu geiriau'r unigolyn ei hun."
        )
    );
    assert_eq!(
        text(root, "content/forms/learning-log.yaml"),
        old("content/forms/learning-log.yaml").replacen(
            "{ cy: Log dysgu, en:",
            "{ cy: 'Log dysgu: wythnos', en:",
            1
        )
    );
    assert_eq!(
        text(root, "content/exercises/whose-words.yaml"),
        old("content/exercises/whose-words.yaml").replace(
            "Beth arall hoffech chi ei wybod?",
            "Beth arall yr hoffech chi ei wybod?"
        )
    );
    assert_eq!(
        text(root, "content/glossary.yaml"),
        old("content/glossary.yaml").replace("  cy: gofalwr\n", "  cy: gofalwr di-dâl\n")
    );

    // The pack loads, and the lock records what `confirm` would for them.
    let pack = canllaw::load::load(root).unwrap();
    assert_eq!(
        pack.forms
            .iter()
            .find(|f| f.id == "learning-log")
            .unwrap()
            .title
            .cy,
        "Log dysgu: wythnos"
    );
    let lock = text(root, LOCK_FILE);
    let confirmed = tempfile::tempdir().unwrap();
    common::copy_tree(root, confirmed.path());
    check::confirm_translations(confirmed.path()).unwrap();
    let full = text(confirmed.path(), LOCK_FILE);
    for key in [
        "content/principles/own-words.yaml body ",
        "content/forms/learning-log.yaml title ",
        "content/exercises/whose-words.yaml questions[1] ",
        "content/glossary.yaml carer ",
    ] {
        let line = |lock: &str| lock.lines().find(|l| l.starts_with(key)).map(String::from);
        assert_eq!(line(&lock), line(&full), "{key}");
        assert!(line(&lock).is_some(), "{key} missing from {lock}");
    }
    // Every other line of the lock is as it was.
    let others = |lock: &str| -> Vec<String> {
        let imported = [
            "own-words.yaml body ",
            "learning-log.yaml title ",
            "whose-words.yaml questions[1] ",
            "glossary.yaml carer ",
        ];
        lock.lines()
            .filter(|l| !imported.iter().any(|k| l.contains(k)))
            .map(String::from)
            .collect()
    };
    assert_eq!(others(&lock), others(&lock_before));
    assert_eq!(lock.lines().count(), lock_before.lines().count());
    assert_ne!(lock, lock_before);
}

#[test]
fn an_unchanged_export_imports_as_nothing() {
    let project = small_pack_copy();
    let before = snapshot(project.path());
    let exported = xliff::export(project.path(), Lang::Cy, None).unwrap();
    let work = tempfile::tempdir().unwrap();
    let imported =
        xliff::import(project.path(), &write_xliff(work.path(), &exported.xliff)).unwrap();
    assert!(
        imported.changed.is_empty() && imported.files.is_empty(),
        "{imported:?}"
    );
    assert_eq!(
        changed(&before, &snapshot(project.path())),
        Vec::<String>::new()
    );
}

#[test]
fn reordered_units_and_a_tools_own_markup_still_import() {
    let project = small_pack_copy();
    let root = project.path();
    let exported = xliff::export(root, Lang::Cy, None).unwrap().xliff;
    let body = target_of(&exported, BODY);
    let mut doc = set_target(
        &exported,
        BODY,
        // A tool that wraps segments in <mrk> and puts its own elements in.
        &format!(
            "<mrk mtype=\"seg\" mid=\"1\">{}</mrk><mq:hint xmlns:mq=\"urn:memoq\"/>",
            body.replace("Gwrando", "Gwrandewch")
        ),
        "translated",
    );
    doc = set_target(&doc, LOG_TITLE, "Log dysgu newydd", "translated");

    // Units in reverse order, in a group, with foreign attributes and
    // elements; the header gone.
    let first = doc.find("<trans-unit").unwrap();
    let last = doc.rfind("</trans-unit>").unwrap() + "</trans-unit>".len();
    let mut units = Vec::new();
    let mut rest = &doc[first..last];
    while let Some(start) = rest.find("<trans-unit") {
        let end = rest.find("</trans-unit>").unwrap() + "</trans-unit>".len();
        units.push(
            rest[start..end]
                .replacen(
                    "<trans-unit ",
                    "<trans-unit mq:status=\"ManuallyConfirmed\" approved=\"yes\" ",
                    1,
                )
                .replace(
                    "</trans-unit>",
                    "<mq:comments/><alt-trans><target>old</target></alt-trans></trans-unit>",
                ),
        );
        rest = &rest[end..];
    }
    units.reverse();
    let reordered = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" xmlns:mq=\"urn:memoq\"><file original=\"all\" source-language=\"en-GB\" target-language=\"cy-GB\" datatype=\"plaintext\" mq:version=\"9\"><body><group id=\"g1\">{}</group></body></file></xliff>",
        units.join("\n")
    );
    let before = snapshot(root);
    let work = tempfile::tempdir().unwrap();
    let imported = xliff::import(root, &write_xliff(work.path(), &reordered)).unwrap();
    assert_eq!(imported.changed.len(), 2, "{imported:?}");
    let mut files = changed(&before, &snapshot(root));
    files.sort();
    // The pack keeps no lock, and an import does not start one.
    assert_eq!(
        files,
        [
            "content/forms/learning-log.yaml",
            "content/principles/own-words.yaml",
        ]
    );
    let old = String::from_utf8(before["content/principles/own-words.yaml"].clone()).unwrap();
    assert_eq!(
        text(root, "content/principles/own-words.yaml"),
        old.replace("- Gwrando", "- Gwrandewch")
    );
}

#[test]
fn a_target_that_drops_a_link_or_a_tag_is_refused_and_nothing_is_written() {
    let project = small_pack_copy();
    let root = project.path();
    let exported = xliff::export(root, Lang::Cy, None).unwrap().xliff;
    let body = target_of(&exported, BODY);
    let dropped = body.replace(
        "<g id=\"3\" ctype=\"link\">yr enghraifft</g>",
        "yr enghraifft",
    );
    assert_ne!(dropped, body);
    let mut doc = set_target(&exported, BODY, &dropped, "translated");
    // A valid change elsewhere is not written either.
    doc = set_target(&doc, LOG_TITLE, "Log dysgu newydd", "translated");
    // A link typed as Markdown where the tag was is refused too.
    let description = "content/forms/learning-log.yaml#description";
    let typed = target_of(&doc, description).replace(
        "<g id=\"1\" ctype=\"link\">Egwyddor 1</g>",
        "[Egwyddor 1](principle:record-the-why)",
    );
    doc = set_target(&doc, description, &typed, "translated");
    let before = snapshot(root);
    let work = tempfile::tempdir().unwrap();
    let problems = xliff::import(root, &write_xliff(work.path(), &doc)).unwrap_err();
    let codes: Vec<Code> = problems.iter().map(|p| p.code).collect();
    assert!(codes.contains(&Code::XliffTag), "{problems:?}");
    assert_eq!(
        problems.iter().filter(|p| p.code == Code::XliffTag).count(),
        2,
        "{problems:?}"
    );
    let missing = problems
        .iter()
        .find(|p| {
            p.get("markup")
                .is_some_and(|m| m.contains("example:walking-to-the-shop"))
        })
        .unwrap();
    assert_eq!(missing.get("issue"), Some("missing"));
    assert_eq!(
        &*missing.at.file,
        work.path().join("translated.xlf").as_path()
    );
    assert_eq!(changed(&before, &snapshot(root)), Vec::<String>::new());
    assert!(!root.join(LOCK_FILE).exists());
}

#[test]
fn broken_or_foreign_files_are_refused_with_their_place() {
    let project = small_pack_copy();
    let root = project.path();
    let work = tempfile::tempdir().unwrap();
    let exported = xliff::export(root, Lang::Cy, None).unwrap().xliff;
    let cut = &exported[..exported.len() / 2];
    let problems = xliff::import(root, &write_xliff(work.path(), cut)).unwrap_err();
    assert_eq!(problems[0].code, Code::XliffSyntax, "{problems:?}");
    let two = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"cy\"/>";
    let problems = xliff::import(root, &write_xliff(work.path(), two)).unwrap_err();
    assert_eq!(problems[0].code, Code::XliffNotXliff);
    let unknown = exported.replace("own-words.yaml#summary", "own-words.yaml#sumary");
    let problems = xliff::import(root, &write_xliff(work.path(), &unknown)).unwrap_err();
    assert_eq!(problems[0].code, Code::XliffUnknownUnit);
    assert_eq!(
        problems[0].get("id"),
        Some("content/principles/own-words.yaml#sumary")
    );
    let french = exported.replace("target-language=\"cy\"", "target-language=\"fr\"");
    let problems = xliff::import(root, &write_xliff(work.path(), &french)).unwrap_err();
    assert_eq!(problems[0].code, Code::XliffLanguages);
}

#[test]
fn stale_units_are_marked_from_the_lock_and_confirmed_on_import() {
    let project = small_pack_copy();
    let root = project.path();
    check::confirm_translations(root).unwrap();
    let path = root.join("content/principles/own-words.yaml");
    let yaml = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        yaml.replace(
            "Use the person's own words.",
            "Use the person's very own words.",
        ),
    )
    .unwrap();

    let all = xliff::export(root, Lang::Cy, None).unwrap();
    assert_eq!((all.stale, all.new), (1, 0));
    let summary = "content/principles/own-words.yaml#summary";
    let unit = &all.xliff[unit_range(&all.xliff, summary)];
    assert!(
        unit.contains("state=\"needs-review-translation\""),
        "{unit}"
    );
    let stale = xliff::export(root, Lang::Cy, Some(Only::Stale)).unwrap();
    assert_eq!(stale.units, 1);
    assert_eq!(stale.xliff.matches("<trans-unit ").count(), 1);
    let missing = xliff::export(root, Lang::Cy, Some(Only::Missing)).unwrap();
    assert_eq!(missing.units, 0);
    assert!(
        missing.xliff.contains("<file "),
        "an empty export is still XLIFF"
    );

    // Left in its state, the unit is not taken as reviewed.
    let work = tempfile::tempdir().unwrap();
    let lock_before = text(root, LOCK_FILE);
    let imported = xliff::import(root, &write_xliff(work.path(), &stale.xliff)).unwrap();
    assert!(imported.confirmed.is_empty() && imported.changed.is_empty());
    assert_eq!(text(root, LOCK_FILE), lock_before);

    // Marked done unchanged, it is confirmed: check no longer reports it.
    let current = target_of(&stale.xliff, summary);
    let done = set_target(&stale.xliff, summary, &current, "translated");
    let before = snapshot(root);
    let imported = xliff::import(root, &write_xliff(work.path(), &done)).unwrap();
    assert_eq!(imported.confirmed.len(), 1, "{imported:?}");
    assert_eq!(changed(&before, &snapshot(root)), [LOCK_FILE]);
    let problems = check::check(root, &check::Options::only(&[Check::Stale]));
    assert!(
        !problems
            .iter()
            .any(|p| p.code == Code::StaleTranslation || p.code == Code::StaleTranslationNoHistory),
        "{problems:?}"
    );
}

#[test]
fn welsh_first_packs_are_translated_into_english() {
    let project = small_pack_copy();
    let root = project.path();
    let exported = xliff::export(root, Lang::En, None).unwrap().xliff;
    assert!(exported.contains("source-language=\"cy\" target-language=\"en\""));
    let summary = "content/principles/own-words.yaml#summary";
    assert!(
        exported[unit_range(&exported, summary)]
            .contains("<source xml:lang=\"cy\">Defnyddiwch eiriau'r unigolyn ei hun.</source>")
    );
    let doc = set_target(
        &exported,
        summary,
        "Use the words the person uses.",
        "translated",
    );
    let before = snapshot(root);
    let work = tempfile::tempdir().unwrap();
    xliff::import(root, &write_xliff(work.path(), &doc)).unwrap();
    let old = String::from_utf8(before["content/principles/own-words.yaml"].clone()).unwrap();
    assert_eq!(
        text(root, "content/principles/own-words.yaml"),
        old.replace(
            "en: Use the person's own words.",
            "en: Use the words the person uses."
        )
    );
}

#[test]
fn interface_strings_round_trip_through_the_projects_fluent_files() {
    let project = small_pack_copy();
    let root = project.path();
    // The project overrides the English site strings; its Welsh is built in.
    let builtin_en =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en/site.ftl"))
            .unwrap();
    let builtin_cy =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/cy/site.ftl"))
            .unwrap();
    fs::create_dir_all(root.join("locales/en")).unwrap();
    fs::write(root.join("locales/en/site.ftl"), &builtin_en).unwrap();

    let exported = xliff::export(root, Lang::Cy, None).unwrap().xliff;
    let id = "locales/cy/site.ftl#principle-number";
    let unit = &exported[unit_range(&exported, id)];
    assert!(
        unit.contains("<source xml:lang=\"en\">Principle <ph id=\"1\" ctype=\"x-fluent-placeable\">{ $number }</ph></source>"),
        "{unit}"
    );
    let original = target_of(&exported, id);

    // A target that is not Fluent is refused.
    let work = tempfile::tempdir().unwrap();
    let broken = set_target(&exported, id, "Egwyddor { $number", "translated");
    let problems = xliff::import(root, &write_xliff(work.path(), &broken)).unwrap_err();
    assert_eq!(problems[0].code, Code::XliffFluent, "{problems:?}");
    assert!(!root.join("locales/cy").exists());

    // A good one starts the project's Welsh file from the built-in one.
    let good = set_target(
        &exported,
        id,
        &original.replace("Egwyddor", "Yr egwyddor"),
        "translated",
    );
    xliff::import(root, &write_xliff(work.path(), &good)).unwrap();
    let written = text(root, "locales/cy/site.ftl");
    assert_eq!(
        written,
        builtin_cy.replacen(
            "principle-number = Egwyddor",
            "principle-number = Yr egwyddor",
            1
        )
    );
    assert!(written != builtin_cy);
}

#[test]
fn the_command_line_exports_and_imports() {
    let project = small_pack_copy();
    let root = project.path().to_str().unwrap();
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("out.xlf");
    let file = file.to_str().unwrap();
    let out = canllaw(&[
        "xliff",
        "export",
        "--lang",
        "cy",
        "--only",
        "missing",
        "--project",
        root,
        "-o",
        file,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Wrote 0 units"), "{}", stderr(&out));
    let out = canllaw(&["xliff", "import", file, "--project", root]);
    assert!(out.status.success(), "{}", stderr(&out));
    fs::write(file, "<xliff version=\"1.2\"><file").unwrap();
    let out = canllaw(&["xliff", "import", file, "--project", root]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not well-formed XML"),
        "{}",
        stderr(&out)
    );
    let out = canllaw(&["xliff", "export", "--lang", "fr", "--project", root]);
    assert_eq!(out.status.code(), Some(2));
}
