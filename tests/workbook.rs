//! The trainer's workbook, read back as a reader's tools would: `pdftotext`
//! (poppler) for the words in reading order and page by page, lopdf for the
//! bookmarks, links, structure tree and properties, `qpdf` for
//! well-formedness. Tools that are missing make the tests that need them say
//! why and pass, except in CI (`CI=true`), where they fail.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use canllaw::build::{self, Project};
use canllaw::lang::Lang;
use canllaw::pdf::workbook::{lay_out, page::Entry};
use canllaw::pdf::workbook_pdf;
use canllaw::problem::Code;
use lopdf::{Dictionary, Document, Object};

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Whether `tool` runs; in CI a missing tool is a failure.
fn have(tool: &str, args: &[&str]) -> bool {
    let ok = Command::new(tool)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(!in_ci(), "CI=true and {tool} is missing");
        eprintln!("{tool} is not installed: skipping the checks that need it");
    }
    ok
}

/// The shipped pack, loaded once for every test.
fn shipped() -> &'static Project {
    static SHIPPED: OnceLock<Project> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        build::open(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("the shipped pack loads")
    })
}

/// The small pack, loaded once for every test.
fn small() -> &'static Project {
    static SMALL: OnceLock<Project> = OnceLock::new();
    SMALL.get_or_init(|| build::open(&common::small_pack()).expect("the small pack loads"))
}

fn workbook(project: &Project, lang: Lang, groups: Option<&[String]>) -> Vec<u8> {
    workbook_pdf(&project.pack, &project.strings, lang, groups).expect("a workbook")
}

/// The whole workbook of `project` in `lang`; the shipped pack's are made
/// once for every test.
fn whole(project: &Project, lang: Lang) -> Vec<u8> {
    static BOOKS: [OnceLock<Vec<u8>>; 2] = [OnceLock::new(), OnceLock::new()];
    if std::ptr::eq(project, shipped()) {
        let slot = &BOOKS[usize::from(lang == Lang::En)];
        return slot.get_or_init(|| workbook(project, lang, None)).clone();
    }
    workbook(project, lang, None)
}

/// Text as the tests compare it: one space for any run of spaces (no-break
/// ones too), straight quotes.
fn norm(text: &str) -> String {
    text.replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of pages `first..=last` (all if `None`) in reading order.
fn pdftotext(bytes: &[u8], pages: Option<(usize, usize)>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pdf");
    fs::write(&path, bytes).unwrap();
    let mut cmd = Command::new("pdftotext");
    if let Some((first, last)) = pages {
        cmd.args(["-f", &first.to_string(), "-l", &last.to_string()]);
    }
    let out = cmd.arg(&path).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The title as the page shows it under its number: "Egwyddor 3: Title"
/// in the contents is "EGWYDDOR 3" over "Title" on the page.
fn heading_of(entry: &Entry) -> &str {
    entry
        .title
        .split_once(": ")
        .map_or(entry.title.as_str(), |(_, t)| t)
}

/// The page number printed after each contents entry, read from the text
/// of the contents pages.
fn printed_numbers(contents: &str, entries: &[Entry]) -> Vec<usize> {
    let text = norm(contents);
    let mut at = 0;
    let mut numbers = Vec::new();
    for e in entries {
        let title = norm(&e.title);
        let found = text[at..]
            .find(&title)
            .unwrap_or_else(|| panic!("`{title}` is not in the contents after byte {at}"));
        at += found + title.len();
        // Past the dotted leaders.
        let rest = text[at..].trim_start_matches(['.', ' ']);
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        assert!(!digits.is_empty(), "no page number after `{title}`");
        numbers.push(digits.parse().unwrap());
    }
    numbers
}

fn decode(bytes: &[u8]) -> String {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn dict<'a>(doc: &'a Document, object: &'a Object) -> &'a Dictionary {
    doc.dereference(object).unwrap().1.as_dict().unwrap()
}

/// The 1-based page a destination array leads to.
fn dest_page(doc: &Document, dest: &Object) -> usize {
    let target = dest.as_array().unwrap()[0].as_reference().unwrap();
    doc.get_pages()
        .into_iter()
        .find(|(_, id)| *id == target)
        .map(|(n, _)| n as usize)
        .expect("the destination is a page")
}

/// The bookmarks in order: level, title, page.
fn bookmarks(doc: &Document) -> Vec<(u8, String, usize)> {
    fn walk(doc: &Document, first: &Object, level: u8, out: &mut Vec<(u8, String, usize)>) {
        let mut next = Some(first.clone());
        while let Some(item) = next {
            let d = dict(doc, &item);
            let title = decode(d.get(b"Title").unwrap().as_str().unwrap());
            out.push((level, title, dest_page(doc, d.get(b"Dest").unwrap())));
            if let Ok(child) = d.get(b"First") {
                walk(doc, child, level + 1, out);
            }
            next = d.get(b"Next").ok().cloned();
        }
    }
    let outlines = dict(doc, doc.catalog().unwrap().get(b"Outlines").unwrap());
    let mut out = Vec::new();
    walk(doc, outlines.get(b"First").unwrap(), 1, &mut out);
    out
}

/// Every structure type in the tree.
fn roles(doc: &Document) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let root = dict(doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap());
    let mut stack: Vec<Object> = root.get(b"K").unwrap().as_array().unwrap().clone();
    while let Some(kid) = stack.pop() {
        let Ok((_, Object::Dictionary(d))) = doc.dereference(&kid) else {
            continue;
        };
        if let Ok(s) = d.get(b"S").and_then(Object::as_name) {
            found.insert(String::from_utf8_lossy(s).into_owned());
        }
        if let Ok(Object::Array(kids)) = d.get(b"K") {
            stack.extend(kids.iter().cloned());
        }
    }
    found
}

#[test]
fn both_workbooks_build_for_the_shipped_pack_and_the_small_pack() {
    let qpdf = have("qpdf", &["--version"]);
    for project in [shipped(), small()] {
        for lang in Lang::ALL {
            let bytes = whole(project, lang);
            let doc = Document::load_mem(&bytes).expect("lopdf reads it");
            assert!(doc.get_pages().len() > 4, "{lang}");
            if qpdf {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("w.pdf");
                fs::write(&path, &bytes).unwrap();
                let out = Command::new("qpdf")
                    .arg("--check")
                    .arg(&path)
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stdout)
                );
            }
        }
    }
}

#[test]
fn the_text_extracts_in_reading_order() {
    if !have("pdftotext", &["-v"]) {
        return;
    }
    let project = shipped();
    let pack = &project.pack;
    for lang in Lang::ALL {
        let text = norm(&pdftotext(&whole(project, lang), None));
        // Past the contents (which names everything once), the headings
        // come in the order of the book.
        let contents = project.strings.t(lang, "contents").unwrap();
        let start = text.find(&contents).unwrap();
        let mut expected: Vec<String> = pack
            .pages
            .iter()
            .map(|p| p.title.get(lang).to_string())
            .collect();
        for g in &pack.groups {
            expected.push(g.title.get(lang).to_string());
            for p in pack.principles.iter().filter(|p| p.group.id == g.id) {
                expected.push(p.title.get(lang).to_string());
            }
        }
        expected.extend(pack.exercises.iter().map(|x| x.title.get(lang).to_string()));
        expected.push(project.strings.t(lang, "glossary").unwrap());
        let last_contents_entry = norm(pack.forms.last().unwrap().title.get(lang));
        let mut at = start + text[start..].find(&last_contents_entry).unwrap();
        for title in expected {
            let title = norm(&title);
            let found = text[at..]
                .find(&title)
                .unwrap_or_else(|| panic!("{lang}: `{title}` is missing or out of order"));
            at += found + title.len();
        }
        // A paragraph reads whole: a sentence of the first principle's body.
        let summary = norm(pack.principles[0].summary.get(lang));
        assert!(text.contains(&summary), "{lang}: {summary}");
    }
}

#[test]
fn contents_numbers_are_the_pages_of_the_headings_and_the_bookmarks_match() {
    let pdftotext_ok = have("pdftotext", &["-v"]);
    for project in [shipped(), small()] {
        for lang in Lang::ALL {
            let book = lay_out(&project.pack, &project.strings, lang, None).unwrap();
            let bytes = whole(project, lang);
            let doc = Document::load_mem(&bytes).unwrap();
            // Every entry's anchor is on the page the layout says.
            let pages: Vec<usize> = book
                .contents
                .iter()
                .map(|e| book.anchors[&e.anchor].0 + 1)
                .collect();
            // The bookmarks are the contents: same titles, levels, pages.
            let marks = bookmarks(&doc);
            let expected: Vec<(u8, String, usize)> = book
                .contents
                .iter()
                .zip(&pages)
                .map(|(e, p)| (e.level, e.title.clone(), *p))
                .collect();
            assert_eq!(marks, expected, "{lang}");
            if !pdftotext_ok {
                continue;
            }
            // The contents pages print those numbers…
            let contents_anchor = book.anchors["contents"].0 + 1;
            let first_part = pages[0];
            let contents = pdftotext(&bytes, Some((contents_anchor, first_part - 1)));
            assert_eq!(printed_numbers(&contents, &book.contents), pages, "{lang}");
            // …and each heading is on its page.
            for (e, page) in book.contents.iter().zip(&pages) {
                let text = norm(&pdftotext(&bytes, Some((*page, *page))));
                let heading = norm(heading_of(e));
                assert!(
                    text.contains(&heading),
                    "{lang}: `{heading}` is not on page {page}: {text}"
                );
            }
        }
    }
}

#[test]
fn contents_entries_and_cross_references_link_to_their_pages() {
    let project = shipped();
    let book = lay_out(&project.pack, &project.strings, Lang::Cy, None).unwrap();
    let bytes = whole(project, Lang::Cy);
    let doc = Document::load_mem(&bytes).unwrap();
    let pages = doc.get_pages();
    let contents_page = pages[&(book.anchors["contents"].0 as u32 + 1)];
    let annots = doc
        .get_dictionary(contents_page)
        .unwrap()
        .get(b"Annots")
        .unwrap()
        .as_array()
        .unwrap();
    assert!(annots.len() > 5);
    for a in annots {
        let a = dict(&doc, a);
        assert_eq!(a.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
        assert!(a.get(b"Contents").is_ok(), "a link says what it is");
        let page = dest_page(&doc, a.get(b"Dest").unwrap());
        assert!(page > book.anchors["contents"].0 + 1);
    }
    // Every link in the book leads to a page of it; a cross-reference that
    // prints "(tudalen N)" leads to page N.
    let mut internal = 0;
    let mut with_number = 0;
    for (_, id) in pages {
        let page = doc.get_dictionary(id).unwrap();
        if let Ok(list) = page.get(b"Annots").and_then(Object::as_array) {
            for a in list {
                let a = dict(&doc, a);
                let target = dest_page(&doc, a.get(b"Dest").expect("links stay in the file"));
                internal += 1;
                let alt = decode(a.get(b"Contents").unwrap().as_str().unwrap());
                if let Some(rest) = alt.strip_suffix(')')
                    && let Some((_, n)) = rest.rsplit_once("(tudalen\u{a0}")
                {
                    assert_eq!(n.parse::<usize>().unwrap(), target, "{alt}");
                    with_number += 1;
                }
            }
        }
    }
    assert!(internal > 100, "{internal} internal links");
    assert!(
        with_number > 20,
        "{with_number} cross-references with a page"
    );
}

#[test]
fn the_workbook_is_tagged_with_its_language_title_and_metadata() {
    let project = shipped();
    for lang in Lang::ALL {
        let bytes = whole(project, lang);
        let doc = Document::load_mem(&bytes).unwrap();
        let catalog = doc.catalog().unwrap();
        assert_eq!(
            decode(catalog.get(b"Lang").unwrap().as_str().unwrap()),
            lang.code()
        );
        let marked = dict(&doc, catalog.get(b"MarkInfo").unwrap());
        assert!(marked.get(b"Marked").unwrap().as_bool().unwrap());
        let prefs = dict(&doc, catalog.get(b"ViewerPreferences").unwrap());
        assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
        let found = roles(&doc);
        for role in [
            "Document",
            "Part",
            "Sect",
            "H1",
            "H2",
            "H3",
            "H4",
            "P",
            "L",
            "LI",
            "Lbl",
            "LBody",
            "Table",
            "TR",
            "TH",
            "TD",
            "BlockQuote",
            "TOC",
            "TOCI",
            "Link",
        ] {
            assert!(found.contains(role), "{lang}: no {role} in {found:?}");
        }
        let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
        let title = decode(info.get(b"Title").unwrap().as_str().unwrap());
        let workbook_title = project.strings.t(lang, "workbook-title").unwrap();
        assert!(title.contains(&workbook_title), "{title}");
        assert!(title.contains(project.pack.config.site.title.get(lang)));
        let metadata = doc
            .get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap())
            .unwrap()
            .as_stream()
            .unwrap()
            .decompressed_content()
            .unwrap();
        let xmp = String::from_utf8(metadata).unwrap();
        assert!(
            xmp.contains(&format!("<rdf:li>{}</rdf:li>", lang.code())),
            "{xmp}"
        );
        assert!(xmp.contains(&format!("xml:lang=\"{}\"", lang.code())));
    }
}

#[test]
fn pages_are_numbered_in_the_edition_language() {
    if !have("pdftotext", &["-v"]) {
        return;
    }
    let project = small();
    for (lang, word) in [(Lang::Cy, "Tudalen"), (Lang::En, "Page")] {
        let bytes = whole(project, lang);
        let pages = Document::load_mem(&bytes).unwrap().get_pages().len();
        for page in 3..=pages {
            let text = norm(&pdftotext(&bytes, Some((page, page))));
            if text.is_empty() {
                // A page left blank so a division starts on the right.
                continue;
            }
            assert!(
                text.contains(&format!("{word} {page}")),
                "{lang}: page {page} is not numbered: {text}"
            );
        }
        // The cover has no number.
        let cover = norm(&pdftotext(&bytes, Some((1, 1))));
        assert!(!cover.contains(&format!("{word} 1")), "{cover}");
    }
}

/// A copy of the small pack with a glossary that tells Welsh order from
/// English: `ch` after `c`, `ll` after `l`, `rh` after `r`.
fn welsh_order_pack() -> tempfile::TempDir {
    let dir = common::small_pack_copy();
    let glossary = dir.path().join("content/glossary.yaml");
    let mut text = fs::read_to_string(&glossary).unwrap();
    text.push_str(
        "- id: level\n  cy: lefel\n  en: level\n  definition: { cy: Pa mor uchel., en: How high. }\n\
         - id: lunch\n  cy: lluniaeth\n  en: lunch\n  definition: { cy: Bwyd a diod., en: Food and drink. }\n",
    );
    fs::write(&glossary, text).unwrap();
    dir
}

#[test]
fn the_welsh_glossary_is_in_welsh_order_and_the_english_in_english_order() {
    let dir = welsh_order_pack();
    let project = build::open(dir.path()).unwrap();
    let order = |lang: Lang| -> Vec<String> {
        let book = lay_out(&project.pack, &project.strings, lang, None).unwrap();
        let mut terms: Vec<(usize, i64, String)> = project
            .pack
            .glossary
            .iter()
            .map(|t| {
                let (page, y) = book.anchors[&format!("glossary-{}", t.id)];
                (page, (y * 100.0) as i64, t.term.get(lang).to_string())
            })
            .collect();
        terms.sort();
        terms.into_iter().map(|(_, _, t)| t).collect()
    };
    let cy = order(Lang::Cy);
    let pos = |list: &[String], term: &str| list.iter().position(|t| t == term).unwrap();
    // Every c… word before ch…, l… before ll…, r… before rh….
    assert!(
        pos(&cy, "cydgynhyrchu") < pos(&cy, "chwaer ofalgar"),
        "{cy:?}"
    );
    assert!(
        pos(&cy, "canlyniad newid") < pos(&cy, "chwaer ofalgar"),
        "{cy:?}"
    );
    assert!(pos(&cy, "chwaer ofalgar") < pos(&cy, "dewis"), "{cy:?}");
    assert!(pos(&cy, "lefel") < pos(&cy, "llesiant"), "{cy:?}");
    assert!(pos(&cy, "lluniaeth") > pos(&cy, "lefel"), "{cy:?}");
    assert!(pos(&cy, "risg") < pos(&cy, "rhyddhau o'r ysbyty"), "{cy:?}");
    let en = order(Lang::En);
    let mut sorted = en.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(en, sorted);

    // The letters the Welsh edition files them under, in the text.
    if have("pdftotext", &["-v"]) {
        let book = lay_out(&project.pack, &project.strings, Lang::Cy, None).unwrap();
        let first = book.anchors["glossary"].0 + 1;
        let last = book.anchors["forms"].0;
        let bytes = workbook(&project, Lang::Cy, None);
        let glossary = pdftotext(&bytes, Some((first, last)));
        let letters: Vec<&str> = glossary
            .lines()
            .map(str::trim)
            .filter(|l| ["C", "Ch", "L", "Ll", "R", "Rh"].contains(l))
            .collect();
        assert_eq!(letters, ["C", "Ch", "L", "Ll", "R", "Rh"], "{glossary}");
    }
}

#[test]
fn groups_limit_the_content() {
    let project = small();
    let only = vec!["analytical".to_string()];
    let book = lay_out(&project.pack, &project.strings, Lang::En, Some(&only)).unwrap();
    let anchors: Vec<&str> = book.anchors.keys().map(String::as_str).collect();
    assert!(anchors.contains(&"principle-record-the-why"), "{anchors:?}");
    assert!(!anchors.contains(&"principle-own-words"), "{anchors:?}");
    // The exercise of the group left out is left out too.
    assert!(!anchors.contains(&"exercise-whose-words"), "{anchors:?}");
    let full = lay_out(&project.pack, &project.strings, Lang::En, None).unwrap();
    assert!(book.pages.len() < full.pages.len());
    if have("pdftotext", &["-v"]) {
        let text = norm(&pdftotext(&workbook(project, Lang::En, Some(&only)), None));
        assert!(text.contains("Record the why"));
        assert!(!text.contains("Record in the person's own words"), "{text}");
        // The cover says which part it holds.
        assert!(text.contains("One part of the guide: Make recording analytical"));
    }

    // Unknown ids are errors that name them.
    let wrong = vec!["personal".to_string(), "no-such".into(), "nor-this".into()];
    let problems = workbook_pdf(&project.pack, &project.strings, Lang::Cy, Some(&wrong))
        .expect_err("unknown groups are refused");
    let named: Vec<&str> = problems.iter().filter_map(|p| p.get("id")).collect();
    assert_eq!(named, ["no-such", "nor-this"]);
    assert!(
        problems
            .iter()
            .all(|p| p.code == Code::WorkbookUnknownGroup)
    );
}

#[test]
fn the_workbook_command_writes_a_file_and_refuses_unknown_groups() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("session.pdf");
    let project = common::small_pack();
    let result = common::canllaw(&[
        "workbook",
        "--lang",
        "cy",
        "--groups",
        "personal",
        "--project",
        project.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(result.status.success(), "{}", common::stderr(&result));
    assert!(
        Document::load_mem(&fs::read(&out).unwrap())
            .unwrap()
            .get_pages()
            .len()
            > 4
    );
    let result = common::canllaw(&[
        "workbook",
        "--lang",
        "en",
        "--groups",
        "personal,nowhere",
        "--project",
        project.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(result.status.code(), Some(1));
    let err = common::stderr(&result);
    assert!(err.contains("`nowhere`"), "{err}");
    assert!(err.contains("personal, analytical"), "{err}");
}

#[test]
fn the_build_writes_both_workbooks() {
    let out = common::build(&common::small_pack());
    for lang in ["cy", "en"] {
        let path = out.path().join(format!("pdf/workbook.{lang}.pdf"));
        let bytes = fs::read(&path).unwrap_or_else(|_| panic!("{} is missing", path.display()));
        assert!(bytes.starts_with(b"%PDF-1.7"));
    }
}

#[test]
fn a_rebuild_makes_the_same_bytes() {
    let project = small();
    assert_eq!(
        workbook(project, Lang::Cy, None),
        workbook(project, Lang::Cy, None)
    );
}
