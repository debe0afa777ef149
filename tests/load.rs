//! Bad input: every problem reported at once with file:line, exit 1, and the
//! previous output left exactly as it was.

mod common;

use std::fs;
use std::path::Path;

use common::{canllaw, canllaw_cy, files, small_pack_copy, stderr};

fn write(project: &Path, file: &str, text: &str) {
    let path = project.join(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn build_fails(project: &Path, out: &Path) -> String {
    let result = canllaw(&[
        "build",
        "--project",
        project.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        result.status.code(),
        Some(1),
        "expected exit 1: {}",
        stderr(&result)
    );
    stderr(&result)
}

#[test]
fn every_problem_in_every_file_is_reported_at_once_and_the_old_output_stays() {
    let pack = small_pack_copy();
    let p = pack.path();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let ok = canllaw(&[
        "build",
        "--project",
        p.to_str().unwrap(),
        "--out",
        site.to_str().unwrap(),
    ]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let before: Vec<(String, Vec<u8>)> = files(&site)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(site.join(&f)).unwrap();
            (f, bytes)
        })
        .collect();

    // Broken YAML.
    write(
        p,
        "content/pages/about.yaml",
        "title: { cy: Am, en: About\norder: 2\n",
    );
    // Missing and empty Welsh, and a typo in a key.
    write(
        p,
        "content/principles/record-the-why.yaml",
        "number: 3\ngroup: analytical\ntittle: { cy: Pam, en: Why }\nsummary:\n  cy: ''\n  en: Why.\nbody:\n  en: Only English.\n",
    );
    // A duplicate number, an unknown group and an unknown example.
    write(
        p,
        "content/principles/duplicate.yaml",
        "number: 1\ngroup: nowhere\ntitle: { cy: Dyblyg, en: Duplicate }\nsummary: { cy: Dyblyg., en: Duplicate. }\nbody: { cy: Testun., en: Text. }\nexamples: [no-such-example]\n",
    );
    // A Markdown link to an item that does not exist, and a bad file name.
    write(
        p,
        "content/pages/Bad Name.yaml",
        "title: { cy: Drwg, en: Bad }\nbody: { cy: a, en: b }\n",
    );
    write(
        p,
        "content/pages/links.yaml",
        "title: { cy: Dolenni, en: Links }\norder: 3\nbody:\n  cy: |\n    Gweler [hwn](principle:nowhere).\n  en: |\n    See [this](principle:nowhere).\n",
    );

    let err = build_fails(p, &site);
    for expected in [
        "content/pages/about.yaml:",
        "content/principles/record-the-why.yaml:3:1: error: `tittle` is not a key the format knows — did you mean `title`?",
        "content/principles/record-the-why.yaml:5:3: error: summary.cy is empty — every text needs Welsh and English",
        "content/principles/record-the-why.yaml:8:3: error: body.cy is missing — every text needs Welsh and English",
        "content/principles/record-the-why.yaml:1:1: error: `title` is missing",
        "error: the number 1 is used twice",
        "content/principles/duplicate.yaml:1:1",
        "content/principles/duplicate.yaml:2:8: error: there is no group `nowhere` in content/groups.yaml",
        "content/principles/duplicate.yaml:6:12: error: there is no example `no-such-example`",
        "content/pages/Bad Name.yaml:1:1: error: the file name `Bad Name` is not a valid id",
        "content/pages/links.yaml:5:12:",
        "body.cy links to principle:nowhere, which does not exist",
        "content/pages/links.yaml:7:9:",
        "body.en links to principle:nowhere, which does not exist",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(err.contains("Nothing was written"), "{err}");

    let after: Vec<(String, Vec<u8>)> = files(&site)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(site.join(&f)).unwrap();
            (f, bytes)
        })
        .collect();
    assert_eq!(before, after, "the previous output changed");
    let siblings: Vec<_> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        siblings.len(),
        1,
        "a staging folder was left behind: {siblings:?}"
    );
}

#[test]
fn an_alias_bomb_ends_in_a_clear_error() {
    let pack = small_pack_copy();
    let mut doc = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for name in 'b'..='l' {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        doc.push_str(&format!("{name}: &{name} [{refs}]\n"));
        prev = name;
    }
    write(pack.path(), "content/pages/bomb.yaml", &doc);
    let out = tempfile::tempdir().unwrap();
    let err = build_fails(pack.path(), &out.path().join("site"));
    assert!(err.contains("content/pages/bomb.yaml:"), "{err}");
    assert!(
        err.contains("YAML aliases here expand to more than"),
        "{err}"
    );
}

#[test]
fn a_wrong_field_type_or_form_kind_is_named() {
    let pack = small_pack_copy();
    let form = fs::read_to_string(pack.path().join("content/forms/support-plan.yaml")).unwrap();
    write(
        pack.path(),
        "content/forms/support-plan.yaml",
        &form
            .replace("kind: plan", "kind: wishlist")
            .replace("type: checkbox", "type: slider"),
    );
    let out = tempfile::tempdir().unwrap();
    let err = build_fails(pack.path(), &out.path().join("site"));
    assert!(err.contains("content/forms/support-plan.yaml:2:7: error: `kind` is `wishlist` — use one of: assessment | learning-log | review | plan | profile | supervision | record"), "{err}");
    assert!(
        err.contains("`sections[0].fields[2].type` is `slider`"),
        "{err}"
    );
}

#[test]
fn problems_are_told_in_welsh_to_welsh_users() {
    let pack = small_pack_copy();
    write(
        pack.path(),
        "content/pages/about.yaml",
        "title: { cy: '', en: About }\norder: 2\nbody: { cy: a, en: b }\n",
    );
    let out = tempfile::tempdir().unwrap();
    let result = canllaw_cy(&[
        "build",
        "--project",
        pack.path().to_str().unwrap(),
        "--out",
        out.path().join("s").to_str().unwrap(),
    ]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1));
    assert!(err.contains("content/pages/about.yaml:1:10: gwall: mae title.cy yn wag — mae angen Cymraeg a Saesneg ar bob testun"), "{err}");
    assert!(err.contains("Ni ysgrifennwyd dim"), "{err}");
}

#[test]
fn markup_and_script_in_content_come_out_as_text() {
    let pack = small_pack_copy();
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    write(
        pack.path(),
        "content/pages/about.yaml",
        &format!(
            "title: {{ cy: '{hostile}', en: '{hostile}' }}\norder: 2\nbody:\n  cy: |\n    {hostile}\n\n    <iframe src=\"https://example.org\"></iframe> [x](https://example.org)\n  en: |\n    {hostile}\n\n    <iframe src=\"https://example.org\"></iframe> [x](https://example.org)\n"
        ),
    );
    let out = common::build(pack.path());
    for lang in ["cy", "en"] {
        let html = fs::read_to_string(out.path().join(format!("{lang}/pages/about.html"))).unwrap();
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
        assert!(!html.contains("<iframe"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }
}

#[test]
fn a_javascript_link_is_refused() {
    let pack = small_pack_copy();
    write(
        pack.path(),
        "content/pages/about.yaml",
        "title: { cy: Am, en: About }\norder: 2\nbody:\n  cy: '[clic](javascript:alert(1))'\n  en: '[click](javascript:alert(1))'\n",
    );
    let out = tempfile::tempdir().unwrap();
    let err = build_fails(pack.path(), &out.path().join("site"));
    assert!(err.contains("content/pages/about.yaml:4:"), "{err}");
    assert!(err.contains("which can run code"), "{err}");
}

#[test]
fn text_is_normalised_to_nfc() {
    let pack = small_pack_copy();
    // "tŷ" written with a combining circumflex (NFD).
    write(
        pack.path(),
        "content/pages/about.yaml",
        "title: { cy: \"Ty\u{302} ni\", en: Our house }\norder: 2\nbody: { cy: a, en: b }\n",
    );
    let out = common::build(pack.path());
    let html = fs::read_to_string(out.path().join("cy/pages/about.html")).unwrap();
    assert!(html.contains("Tŷ ni"), "not NFC");
    assert!(!html.contains("y\u{302}"));
}

#[test]
fn byte_order_marks_and_crlf_are_fine() {
    let pack = small_pack_copy();
    write(
        pack.path(),
        "content/pages/about.yaml",
        "\u{feff}title: { cy: Am, en: About }\r\norder: 2\r\nbody:\r\n  cy: |\r\n    Testun.\r\n  en: |\r\n    Text.\r\n",
    );
    common::build(pack.path());
}

#[test]
fn an_output_folder_that_is_not_a_build_is_refused() {
    let pack = small_pack_copy();
    let out = tempfile::tempdir().unwrap();
    fs::write(out.path().join("precious.txt"), "keep me").unwrap();
    let err = build_fails(pack.path(), out.path());
    assert!(
        err.contains("the output folder holds files that canllaw did not write"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(out.path().join("precious.txt")).unwrap(),
        "keep me"
    );
    let err = build_fails(pack.path(), pack.path());
    assert!(
        err.contains("the output folder is the project folder"),
        "{err}"
    );
    let err = build_fails(pack.path(), &pack.path().join("content/site"));
    assert!(err.contains("inside the content"), "{err}");
}
