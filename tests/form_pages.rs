//! The recording templates' web pages as HTML, without a browser: the PDF
//! downloads with their sizes, the command that fills a PDF from a draft,
//! and a form that can send nothing anywhere (tests/browser.rs uses them).

mod common;

use std::fs;
use std::path::Path;

use canllaw::site::{self, PdfSizes};
use common::small_pack;
use scraper::{Html, Selector};

fn page(out: &Path, path: &str) -> Html {
    Html::parse_document(&fs::read_to_string(out.join(path)).unwrap())
}

fn texts(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&Selector::parse(css).unwrap())
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn attrs(doc: &Html, css: &str, attr: &str) -> Vec<String> {
    doc.select(&Selector::parse(css).unwrap())
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// The small pack's site, built with these PDF sizes.
fn built_with(sizes: &PdfSizes) -> tempfile::TempDir {
    let project = canllaw::build::open(&small_pack()).expect("the small pack opens");
    let out = tempfile::tempdir().unwrap();
    site::build_with_pdf_sizes(
        &project.pack,
        &project.resources,
        project.strings.clone(),
        sizes,
        out.path(),
    )
    .expect("the site builds");
    out
}

#[test]
fn every_edition_is_offered_with_its_size_in_the_page_language() {
    let sizes: PdfSizes = [
        ("pdf/support-plan.cy.pdf".to_string(), 43_000),
        ("pdf/support-plan.en.pdf".to_string(), 1_600_000),
    ]
    .into_iter()
    .collect();
    let out = built_with(&sizes);
    let cy = page(out.path(), "cy/forms/support-plan.html");
    assert_eq!(
        attrs(&cy, ".cl-downloads a", "href"),
        [
            "../../pdf/support-plan.cy.pdf",
            "../../pdf/support-plan.en.pdf",
            "../../pdf/support-plan.cy-en.pdf"
        ]
    );
    assert_eq!(
        texts(&cy, ".cl-downloads li"),
        [
            "Cymraeg (PDF, 42 KB)",
            "Saesneg (PDF, 1.5 MB)",
            "Cymraeg a Saesneg (PDF)"
        ]
    );
    assert_eq!(attrs(&cy, ".cl-downloads a", "hreflang"), ["cy", "en"]);
    assert_eq!(
        texts(&cy, ".cl-command"),
        ["canllaw pdf support-plan --lang cy --fill DRAFFT.json"]
    );
    let en = page(out.path(), "en/forms/support-plan.html");
    assert_eq!(
        texts(&en, ".cl-downloads li"),
        [
            "Welsh (PDF, 42 KB)",
            "English (PDF, 1.5 MB)",
            "Welsh and English (PDF)"
        ]
    );
    assert_eq!(
        texts(&en, ".cl-command"),
        ["canllaw pdf support-plan --lang en --fill DRAFT.json"]
    );
}

#[test]
fn the_sizes_are_read_from_the_pdf_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("pdf")).unwrap();
    fs::write(dir.path().join("pdf/a.cy.pdf"), [0u8; 1234]).unwrap();
    fs::write(dir.path().join("pdf/a.en.pdf"), b"%PDF").unwrap();
    let sizes = site::pdf_sizes(dir.path());
    assert_eq!(sizes.len(), 2);
    assert_eq!(sizes["pdf/a.cy.pdf"], 1234);
    assert_eq!(sizes["pdf/a.en.pdf"], 4);
    assert!(site::pdf_sizes(&dir.path().join("nowhere")).is_empty());
}

#[test]
fn the_form_can_send_nothing_and_its_help_is_tied_to_its_fields() {
    let out = built_with(&PdfSizes::new());
    for path in ["cy/forms/support-plan.html", "en/forms/learning-log.html"] {
        let text = fs::read_to_string(out.path().join(path)).unwrap();
        let doc = Html::parse_document(&text);
        let form = doc
            .select(&Selector::parse("form#cl-form").unwrap())
            .next()
            .unwrap();
        // No action, and a method that submits nowhere outside a dialog.
        assert_eq!(form.value().attr("action"), None, "{path}");
        assert_eq!(form.value().attr("method"), Some("dialog"), "{path}");
        assert!(
            text.contains("form-action 'none'"),
            "{path}: the CSP must refuse form submission"
        );
        assert!(!text.contains(" style="), "{path} has a style attribute");
        // The draft panel waits for its script, which the site holds.
        assert_eq!(attrs(&doc, "#cl-draft[hidden]", "id").len(), 1, "{path}");
        let script = attrs(&doc, "article script[src]", "src");
        assert_eq!(script, ["../../theme/form.js"], "{path}");
        assert!(out.path().join("theme/form.js").is_file());
        for id in attrs(&doc, "[aria-describedby]", "aria-describedby") {
            assert_eq!(
                attrs(&doc, &format!("#{id}"), "id").len(),
                1,
                "{path}: aria-describedby={id} names nothing"
            );
        }
        // Every text box has a copy for print.
        for id in attrs(
            &doc,
            "#cl-form textarea, #cl-form input[type=text], #cl-form input[type=date]",
            "id",
        ) {
            assert_eq!(
                attrs(
                    &doc,
                    &format!(".cl-print-value[data-for='{id}']"),
                    "data-for"
                )
                .len(),
                1,
                "{path}: {id} has no print copy"
            );
        }
    }
    let doc = page(out.path(), "en/forms/support-plan.html");
    assert_eq!(
        attrs(&doc, "#f-outcome", "aria-describedby"),
        ["f-outcome-help"]
    );
    let doc = page(out.path(), "en/forms/learning-log.html");
    assert_eq!(
        texts(&doc, ".cl-form-table th[scope=col]"),
        ["When", "What the person did"]
    );
    assert_eq!(
        attrs(&doc, "#f-what-2", "aria-label"),
        ["What the person did – Row 2"]
    );
}
