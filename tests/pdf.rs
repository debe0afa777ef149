//! The PDF recording templates, read back as a reader's tools would: lopdf for
//! the fields and the structure, `pdftotext` (poppler) for the words, `qpdf`
//! for well-formedness, and pypdf for filling from outside. Tools that are
//! missing make the tests that need them say why and pass, except in CI
//! (`CI=true`), where they fail.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use canllaw::build::{self, Project};
use canllaw::draft::{Draft, load_draft};
use canllaw::model::{FieldKind, Form, SectionBody};
use canllaw::pdf::{Edition, form_pdf, write_all};
use canllaw::problem::Code;
use lopdf::{Dictionary, Document, Object};

/// Every Welsh letter with a diacritic, small and capital.
const WELSH: &str = "â ê î ô û ŵ ŷ Â Ê Î Ô Û Ŵ Ŷ à á ä è é ë ì í ï ò ó ö ù ú ü ẁ ẃ ẅ ỳ ý ÿ À Á Ä È É Ë Ì Í Ï Ò Ó Ö Ù Ú Ü Ẁ Ẃ Ẅ Ỳ Ý Ÿ";

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

fn small() -> Project {
    build::open(&common::small_pack()).expect("the small pack loads")
}

fn form<'a>(project: &'a Project, id: &str) -> &'a Form {
    project
        .pack
        .forms
        .iter()
        .find(|f| f.id == id)
        .expect("the form exists")
}

fn pdf(project: &Project, form: &Form, edition: Edition, fill: Option<&Draft>) -> Vec<u8> {
    form_pdf(&project.pack, &project.strings, form, edition, fill).expect("a PDF")
}

/// A PDF text string as Rust text (UTF-16 with a byte-order mark, or bytes).
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

/// A field as read back: its type, flags, value and the appearance states
/// of its widgets.
#[derive(Debug)]
struct ReadField {
    kind: String,
    flags: i64,
    value: Option<String>,
    states: Vec<String>,
    tooltip: String,
}

fn names(d: &Dictionary, key: &[u8]) -> Vec<String> {
    d.get(key)
        .and_then(Object::as_dict)
        .and_then(|ap| ap.get(b"N"))
        .and_then(Object::as_dict)
        .map(|n| {
            n.iter()
                .map(|(k, _)| String::from_utf8_lossy(k).into_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn fields(bytes: &[u8]) -> BTreeMap<String, ReadField> {
    let doc = Document::load_mem(bytes).expect("lopdf reads it");
    let acroform = dict(&doc, doc.catalog().unwrap().get(b"AcroForm").unwrap());
    let mut out = BTreeMap::new();
    for field in acroform.get(b"Fields").unwrap().as_array().unwrap() {
        let f = dict(&doc, field);
        let name = decode(f.get(b"T").unwrap().as_str().unwrap());
        let mut states = names(f, b"AP");
        if let Ok(kids) = f.get(b"Kids").and_then(Object::as_array) {
            for kid in kids {
                states.extend(names(dict(&doc, kid), b"AP"));
            }
        }
        let value = f.get(b"V").ok().map(|v| match v {
            Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
            Object::String(s, _) => decode(s),
            other => format!("{other:?}"),
        });
        out.insert(
            name,
            ReadField {
                kind: String::from_utf8_lossy(f.get(b"FT").unwrap().as_name().unwrap())
                    .into_owned(),
                flags: f.get(b"Ff").and_then(Object::as_i64).unwrap_or(0),
                value,
                states,
                tooltip: decode(f.get(b"TU").unwrap().as_str().unwrap()),
            },
        );
    }
    out
}

/// What FORMAT.md says each field of `form` is: name, PDF type, radio, and
/// the option ids of a choice.
fn expected(form: &Form) -> BTreeMap<String, (&'static str, bool, Vec<String>)> {
    let mut out = BTreeMap::new();
    for section in &form.sections {
        match &section.body {
            SectionBody::Fields(fields) => {
                for field in fields {
                    let entry = match &field.kind {
                        FieldKind::Text | FieldKind::TextArea { .. } | FieldKind::Date => {
                            ("Tx", false, vec![])
                        }
                        FieldKind::Checkbox => ("Btn", false, vec![]),
                        FieldKind::Choice { options } => {
                            ("Btn", true, options.iter().map(|o| o.id.clone()).collect())
                        }
                    };
                    out.insert(field.id.clone(), entry);
                }
            }
            SectionBody::Table(table) => {
                for row in 1..=table.rows {
                    for column in &table.columns {
                        out.insert(format!("{}-{row}", column.id), ("Tx", false, vec![]));
                    }
                }
            }
        }
    }
    out
}

fn check_fields(form: &Form, bytes: &[u8]) {
    let found = fields(bytes);
    let want = expected(form);
    assert_eq!(
        found.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "{}",
        form.id
    );
    for (name, (kind, radio, options)) in want {
        let f = &found[&name];
        assert_eq!(f.kind, kind, "{}: {name}", form.id);
        assert_eq!(
            f.flags & (1 << 15) != 0,
            radio,
            "{}: {name} radio flag",
            form.id
        );
        assert!(
            !f.tooltip.is_empty(),
            "{}: {name} has an accessible name",
            form.id
        );
        for option in options {
            assert!(
                f.states.contains(&option),
                "{}: {name} lacks option {option}: {:?}",
                form.id,
                f.states
            );
        }
        if kind == "Btn" && !radio {
            assert!(f.states.contains(&"Yes".to_string()), "{}: {name}", form.id);
        }
    }
}

/// The words of a PDF in reading order: pdftotext if installed, lopdf's
/// extraction otherwise.
fn words(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.pdf");
    fs::write(&path, bytes).unwrap();
    if let Ok(out) = Command::new("pdftotext").arg(&path).arg("-").output()
        && out.status.success()
    {
        return String::from_utf8(out.stdout).unwrap();
    }
    assert!(!in_ci(), "CI=true and pdftotext (poppler-utils) is missing");
    let doc = Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap_or_default()
}

/// A copy of the small pack with a form whose texts hold every Welsh letter.
fn welsh_pack() -> tempfile::TempDir {
    let dir = common::small_pack_copy();
    let yaml = format!(
        "title: {{ cy: Ffurflen ŵyn ac ŷd, en: Lambs and corn form }}\n\
         kind: record\n\
         description: {{ cy: \"Llythrennau: {WELSH}\", en: \"Letters: {WELSH}\" }}\n\
         sections:\n  - title: {{ cy: Adran ŵyn, en: Lambs section }}\n    fields:\n      - id: letters\n        type: text\n        label: {{ cy: \"Label {WELSH}\", en: \"Label English\" }}\n"
    );
    fs::write(dir.path().join("content/forms/welsh-letters.yaml"), yaml).unwrap();
    dir
}

#[test]
fn every_field_has_its_name_and_type_in_every_edition() {
    let project = small();
    for form in &project.pack.forms {
        for edition in Edition::ALL {
            check_fields(form, &pdf(&project, form, edition, None));
        }
    }
}

#[test]
fn every_welsh_letter_round_trips_through_extraction() {
    let dir = welsh_pack();
    let project = build::open(dir.path()).expect("the pack with Welsh letters loads");
    let form = form(&project, "welsh-letters");
    for edition in [Edition::Cy, Edition::CyEn] {
        let text = words(&pdf(&project, form, edition, None));
        for letter in WELSH.split(' ') {
            assert!(
                text.contains(letter),
                "{letter} lost in {edition:?}:\n{text}"
            );
        }
        assert!(text.contains("Ffurflen ŵyn ac ŷd"), "{text}");
    }
}

#[test]
fn the_bilingual_edition_puts_each_welsh_label_before_its_english() {
    let project = small();
    let form = form(&project, "support-plan");
    let text = words(&pdf(&project, form, Edition::CyEn, None));
    for (cy, en) in [
        ("Cynllun cymorth", "Support plan"),
        ("Math o ganlyniad", "Kind of outcome"),
        ("Mae'r unigolyn yn cytuno", "The person agrees"),
        ("Newid", "Change"),
    ] {
        let (c, e) = (text.find(cy), text.find(en));
        assert!(c.is_some() && e.is_some(), "{cy} / {en} missing:\n{text}");
        assert!(c < e, "{cy} should come before {en}:\n{text}");
    }
    // The single-language editions hold one language only.
    let cy = words(&pdf(&project, form, Edition::Cy, None));
    assert!(
        cy.contains("Math o ganlyniad") && !cy.contains("Kind of outcome"),
        "{cy}"
    );
    assert!(cy.contains("Tudalen 1 o 1"), "{cy}");
    let en = words(&pdf(&project, form, Edition::En, None));
    assert!(
        en.contains("Kind of outcome") && !en.contains("Math o ganlyniad"),
        "{en}"
    );
    assert!(en.contains("Page 1 of 1"), "{en}");
}

#[test]
fn landscape_forms_are_landscape_and_portrait_forms_portrait() {
    let project = small();
    for (id, landscape) in [("learning-log", true), ("support-plan", false)] {
        for edition in Edition::ALL {
            let doc =
                Document::load_mem(&pdf(&project, form(&project, id), edition, None)).unwrap();
            for page in doc.get_pages().values() {
                let page = doc.get_dictionary(*page).unwrap();
                let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
                let n = |i: usize| media[i].as_float().unwrap();
                assert_eq!(n(2) > n(3), landscape, "{id} {edition:?}");
            }
        }
    }
}

#[test]
fn the_catalog_is_tagged_with_the_language_and_a_title() {
    let project = small();
    let form = form(&project, "support-plan");
    for (edition, lang) in [
        (Edition::Cy, "cy"),
        (Edition::En, "en"),
        (Edition::CyEn, "cy"),
    ] {
        let doc = Document::load_mem(&pdf(&project, form, edition, None)).unwrap();
        let catalog = doc.catalog().unwrap();
        assert_eq!(
            decode(catalog.get(b"Lang").unwrap().as_str().unwrap()),
            lang
        );
        assert!(catalog.get(b"StructTreeRoot").is_ok());
        let mark = dict(&doc, catalog.get(b"MarkInfo").unwrap());
        assert!(mark.get(b"Marked").unwrap().as_bool().unwrap());
        let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
        let title = decode(info.get(b"Title").unwrap().as_str().unwrap());
        assert_eq!(
            title,
            match edition {
                Edition::Cy => "Cynllun cymorth",
                Edition::En => "Support plan",
                Edition::CyEn => "Cynllun cymorth / Support plan",
            }
        );
        // No conformance label the file does not meet (printpdf writes one
        // by default).
        assert!(info.get(b"GTS_PDFXVersion").is_err());
    }
}

fn draft_file(dir: &Path, json: &str) -> std::path::PathBuf {
    let path = dir.join("draft.json");
    fs::write(&path, json).unwrap();
    path
}

#[test]
fn a_filled_pdf_shows_the_draft_and_stays_editable() {
    let project = small();
    let form = form(&project, "support-plan");
    let dir = tempfile::tempdir().unwrap();
    let value = "Mae Siân eisiau mynd am dro at yr ŵyn bob bore, a chael paned yn y caffi wedyn gyda'i chymydog Ŷwain. Mae hi'n hoffi sgwrsio yn Gymraeg am yr ardd, y tywydd a'r teulu.";
    let json = serde_json::json!({
        "form": "support-plan", "lang": "cy", "version": 1,
        "values": {"outcome": value, "outcome-kind": "maintenance", "agreed": true}
    });
    let draft =
        load_draft(&draft_file(dir.path(), &json.to_string()), form).expect("the draft is valid");
    for edition in Edition::ALL {
        let bytes = pdf(&project, form, edition, Some(&draft));
        if let Some(dir) = std::env::var_os("CANLLAW_PDF_OUT") {
            let name = format!("filled.{}.pdf", edition.file_suffix());
            fs::write(Path::new(&dir).join(name), &bytes).unwrap();
        }
        let found = fields(&bytes);
        assert_eq!(found["outcome"].value.as_deref(), Some(value));
        assert_eq!(found["outcome-kind"].value.as_deref(), Some("maintenance"));
        assert_eq!(found["agreed"].value.as_deref(), Some("Yes"));
        // Still a form: the fields are there to edit.
        check_fields(form, &bytes);
        // The value is drawn in the field's appearance, in the field font.
        let doc = Document::load_mem(&bytes).unwrap();
        let shown = doc
            .objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .any(|s| {
                let content = s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone());
                let text = String::from_utf8_lossy(&content);
                // "ŵyn" in the field font's encoding: ŵ is code 127.
                text.contains("/NotoSans") && text.contains("7F796E")
            });
        assert!(shown, "the appearance shows the value");
    }
}

#[test]
fn a_draft_for_another_form_is_refused() {
    let project = small();
    let dir = tempfile::tempdir().unwrap();
    let path = draft_file(
        dir.path(),
        r#"{"form": "learning-log", "lang": "en", "version": 1, "values": {}}"#,
    );
    let problems = load_draft(&path, form(&project, "support-plan")).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, Code::DraftWrongForm);
    assert_eq!(problems[0].get("found"), Some("learning-log"));
}

#[test]
fn a_draft_with_unknown_fields_or_wrong_values_is_refused_naming_them() {
    let project = small();
    let dir = tempfile::tempdir().unwrap();
    let path = draft_file(
        dir.path(),
        "{\"form\": \"support-plan\", \"lang\": \"cy\", \"version\": 1,\n \"values\": {\n  \"outcome\": \"iawn\",\n  \"nickname\": \"x\",\n  \"agreed\": \"yes\",\n  \"outcome-kind\": \"sideways\"\n }}",
    );
    let problems = load_draft(&path, form(&project, "support-plan")).unwrap_err();
    let by_field: BTreeMap<&str, (Code, u32)> = problems
        .iter()
        .map(|p| (p.get("field").unwrap(), (p.code, p.at.line)))
        .collect();
    assert_eq!(by_field["nickname"], (Code::DraftUnknownField, 4));
    assert_eq!(by_field["agreed"], (Code::DraftWrongValue, 5));
    assert_eq!(by_field["outcome-kind"], (Code::DraftWrongValue, 6));
    assert_eq!(problems.len(), 3);
    // Table cells are named COLUMN-ROW, rows counted from 1.
    let log = form(&project, "learning-log");
    let path = draft_file(
        dir.path(),
        r#"{"form": "learning-log", "lang": "en", "version": 1, "values": {"when-1": "Monday", "when-4": "too far"}}"#,
    );
    let problems = load_draft(&path, log).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].get("field"), Some("when-4"));
    let path = draft_file(dir.path(), "{\"form\": \"learning-log\", \"lang\": \"cy\"");
    assert_eq!(
        load_draft(&path, log).unwrap_err()[0].code,
        Code::DraftSyntax
    );
}

#[test]
fn qpdf_finds_no_fault() {
    if !have("qpdf", &["--version"]) {
        return;
    }
    let project = small();
    let dir = tempfile::tempdir().unwrap();
    let draft = Draft {
        form: "support-plan".into(),
        lang: canllaw::lang::Lang::Cy,
        values: [(
            "outcome".to_string(),
            canllaw::draft::Value::Text("Ŵ ŷ".into()),
        )]
        .into(),
    };
    for form in &project.pack.forms {
        for edition in Edition::ALL {
            let fill = (form.id == "support-plan").then_some(&draft);
            let path = dir
                .path()
                .join(format!("{}.{}.pdf", form.id, edition.file_suffix()));
            fs::write(&path, pdf(&project, form, edition, fill)).unwrap();
            let out = Command::new("qpdf")
                .arg("--check")
                .arg(&path)
                .output()
                .unwrap();
            let report = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success() && !report.contains("WARNING"),
                "{}: {report}",
                path.display()
            );
        }
    }
}

#[test]
fn pypdf_fills_a_field_with_welsh_and_reads_it_back() {
    if !have("python3", &["-c", "import pypdf"]) {
        return;
    }
    let project = small();
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.pdf");
    let filled = dir.path().join("filled.pdf");
    fs::write(
        &blank,
        pdf(
            &project,
            form(&project, "learning-log"),
            Edition::CyEn,
            None,
        ),
    )
    .unwrap();
    let script = r#"
import sys
from pypdf import PdfReader, PdfWriter
value = "Dydd Llun: Siân a'r ŵyn, Ŵ ŷ Ŷ ẁ ẃ ẅ ỳ"
writer = PdfWriter(clone_from=PdfReader(sys.argv[1]))
for page in writer.pages:
    writer.update_page_form_field_values(page, {"what-2": value, "person-name": "Dafydd"}, auto_regenerate=False)
writer.write(sys.argv[2])
fields = PdfReader(sys.argv[2]).get_fields()
assert fields["what-2"]["/V"] == value, fields["what-2"]
assert fields["person-name"]["/V"] == "Dafydd"
print("ok")
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&blank)
        .arg(&filled)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn write_all_writes_three_editions_of_every_form() {
    let project = small();
    let dir = tempfile::tempdir().unwrap();
    let count = write_all(&project.pack, &project.strings, dir.path()).expect("written");
    assert_eq!(count, project.pack.forms.len() * 3);
    for form in &project.pack.forms {
        for suffix in ["cy", "en", "cy-en"] {
            let path = dir.path().join(format!("pdf/{}.{suffix}.pdf", form.id));
            assert!(
                fs::read(&path).unwrap().starts_with(b"%PDF-1.7"),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn the_shipped_forms_render_in_every_edition() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = match build::open(root) {
        Ok(project) => project,
        Err(problems) => panic!("the shipped pack does not load: {problems:?}"),
    };
    // CANLLAW_PDF_OUT=DIR keeps them, to look at.
    if let Some(dir) = std::env::var_os("CANLLAW_PDF_OUT") {
        write_all(&project.pack, &project.strings, Path::new(&dir)).expect("written");
    }
    for form in &project.pack.forms {
        for edition in Edition::ALL {
            let bytes = pdf(&project, form, edition, None);
            check_fields(form, &bytes);
            assert!(
                bytes.len() < 150 * 1024,
                "{} {edition:?} is {} bytes",
                form.id,
                bytes.len()
            );
        }
    }
}

#[test]
fn editions_come_from_the_command_line_words() {
    for edition in Edition::ALL {
        assert_eq!(Edition::from_arg(edition.file_suffix()), Some(edition));
    }
    assert_eq!(Edition::from_arg("cy-en"), Some(Edition::CyEn));
    assert_eq!(Edition::from_arg("en-cy"), None);
}

#[test]
fn the_pdf_strings_use_welsh_plural_forms() {
    use canllaw::i18n::Arg;
    use canllaw::lang::Lang;
    let project = small();
    let rows = |lang, n: f64| {
        project
            .strings
            .get(lang, "pdf-table-rows", &[("rows", Arg::Number(n))])
            .unwrap()
    };
    assert_eq!(rows(Lang::Cy, 1.0), "Tabl ag un rhes");
    assert_eq!(rows(Lang::Cy, 2.0), "Tabl â dwy res");
    assert_eq!(rows(Lang::Cy, 6.0), "Tabl â 6 rhes");
    assert_eq!(rows(Lang::En, 6.0), "A table of 6 rows");
    let page = project
        .strings
        .get(
            Lang::Cy,
            "pdf-page",
            &[("page", Arg::Number(1.0)), ("pages", Arg::Number(2.0))],
        )
        .unwrap();
    assert_eq!(page, "Tudalen 1 o 2");
}

#[test]
fn the_same_content_makes_the_same_file() {
    let project = small();
    let form = form(&project, "support-plan");
    assert_eq!(
        pdf(&project, form, Edition::CyEn, None),
        pdf(&project, form, Edition::CyEn, None)
    );
}
