//! `canllaw export mdbook`: the export builds with mdBook itself.

mod common;

use std::fs;

use common::{canllaw, small_pack, stderr};

#[test]
fn the_export_builds_with_mdbook_in_both_languages() {
    let out = tempfile::tempdir().unwrap();
    let result = canllaw(&[
        "export",
        "mdbook",
        out.path().to_str().unwrap(),
        "--project",
        small_pack().to_str().unwrap(),
    ]);
    assert!(result.status.success(), "{}", stderr(&result));
    for lang in ["cy", "en"] {
        let root = out.path().join(lang);
        let book_toml = fs::read_to_string(root.join("book.toml")).unwrap();
        assert!(
            book_toml.contains(&format!("language = \"{lang}\"")),
            "{book_toml}"
        );
        let summary = fs::read_to_string(root.join("src/SUMMARY.md")).unwrap();
        let principle = if lang == "cy" {
            "Egwyddor 1"
        } else {
            "Principle 1"
        };
        assert!(summary.contains(principle), "{summary}");

        let book = mdbook_driver::MDBook::load(&root).unwrap_or_else(|e| panic!("{lang}: {e:?}"));
        book.build().unwrap_or_else(|e| panic!("{lang}: {e:?}"));
        let page = fs::read_to_string(root.join("book/principles/own-words.html")).unwrap();
        assert!(
            page.contains(&format!("lang=\"{lang}\"")),
            "{lang}: no lang attribute"
        );
        assert!(
            page.contains("href=\"../examples/walking-to-the-shop.html\""),
            "{lang}: cross-reference not resolved"
        );
        assert!(root.join("book/glossary.html").is_file());
    }
}

#[test]
fn raw_html_in_content_stays_text_in_the_export() {
    let pack = common::small_pack_copy();
    fs::write(
        pack.path().join("content/pages/about.yaml"),
        "title: { cy: Am, en: About }\norder: 2\nbody:\n  cy: |\n    <script>alert(1)</script>\n\n    Testun <b>trwm</b>.\n  en: |\n    <script>alert(1)</script>\n\n    Some <b>bold</b> text.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let result = canllaw(&[
        "export",
        "mdbook",
        out.path().to_str().unwrap(),
        "--project",
        pack.path().to_str().unwrap(),
    ]);
    assert!(result.status.success(), "{}", stderr(&result));
    let book = mdbook_driver::MDBook::load(out.path().join("en")).unwrap();
    book.build().unwrap();
    let page = fs::read_to_string(out.path().join("en/book/pages/about.html")).unwrap();
    assert!(
        !page.contains("<script>alert(1)"),
        "raw script reached mdBook's page"
    );
    assert!(
        !page.contains("<b>bold</b>"),
        "raw HTML reached mdBook's page"
    );
}
