//! Hostile content: a pack whose every text is markup and script
//! (`common::hostile`) builds into pages where all of it is text, and into
//! PDFs that can do nothing but show it. Every page of it, and of the
//! shipped pack, carries a Content-Security-Policy that allows only the
//! site's own origin and no inline script, and no page has an inline event
//! handler. (`tests/browser.rs` opens the hostile pages in Chromium.)

mod common;

use std::fs;
use std::path::Path;

use common::hostile;

/// Every problem of every HTML page below `out`.
fn site_problems(out: &Path) -> (usize, Vec<String>) {
    let mut pages = 0;
    let mut wrong = Vec::new();
    for file in common::files(out) {
        if file.ends_with(".html") {
            pages += 1;
            let html = fs::read_to_string(out.join(&file)).unwrap();
            wrong.extend(hostile::page_problems(&file, &html));
        }
    }
    (pages, wrong)
}

#[test]
fn hostile_content_is_text_on_every_page() {
    let pack = hostile::pack();
    let out = common::build(pack.path());
    let (pages, wrong) = site_problems(out.path());
    assert!(pages >= 15, "only {pages} pages");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // The payloads are there, shown as text: escaped, never dropped.
    let about = fs::read_to_string(out.path().join("en/pages/about.html")).unwrap();
    for shown in [
        "&lt;script&gt;document.title=",
        "&lt;img src=x onerror=alert(1)&gt;",
        "&lt;svg onload=",
        "javascript:window.pwned=1",
        "{{#each this}}",
    ] {
        assert!(about.contains(shown), "{shown} is not shown as text");
    }
    let form = fs::read_to_string(out.path().join("cy/forms/support-plan.html")).unwrap();
    assert!(
        form.contains("&lt;details open ontoggle="),
        "labels are not text"
    );
    // The search index is a script of data only: the texts are JSON strings.
    for lang in ["cy", "en"] {
        let index = fs::read_to_string(out.path().join(format!("{lang}/search-index.js"))).unwrap();
        let json = index
            .split_once(" = ")
            .map(|(_, j)| j.trim().trim_end_matches(';'))
            .unwrap();
        serde_json::from_str::<serde_json::Value>(json).expect("the index is JSON");
        assert!(
            !index.contains("</script"),
            "the index could end a script element"
        );
    }
}

#[test]
fn no_pdf_of_hostile_content_can_act() {
    let pack = hostile::pack();
    let out = common::build(pack.path());
    let pdfs: Vec<String> = common::files(out.path())
        .into_iter()
        .filter(|f| f.ends_with(".pdf"))
        .collect();
    assert!(pdfs.len() >= 3, "{pdfs:?}");
    for pdf in &pdfs {
        let bytes = fs::read(out.path().join(pdf)).unwrap();
        let acts = hostile::pdf_actions(&bytes);
        assert!(acts.is_empty(), "{pdf}: {acts:?}");
    }
    // Filled from a hostile draft too.
    let draft = pack.path().join("draft.json");
    let value = hostile::PAYLOADS.join(" ");
    fs::write(
        &draft,
        serde_json::json!({"form": "support-plan", "lang": "cy", "version": 1,
            "values": {"outcome": value, "name": value, "what-1": value, "outcome-kind": "change", "agreed": true}})
        .to_string(),
    )
    .unwrap();
    let filled = pack.path().join("filled.pdf");
    let result = common::canllaw(&[
        "pdf",
        "support-plan",
        "--lang",
        "cy-en",
        "--fill",
        draft.to_str().unwrap(),
        "--project",
        pack.path().to_str().unwrap(),
        "-o",
        filled.to_str().unwrap(),
    ]);
    assert!(result.status.success(), "{}", common::stderr(&result));
    let acts = hostile::pdf_actions(&fs::read(&filled).unwrap());
    assert!(acts.is_empty(), "the filled PDF: {acts:?}");
}

#[test]
fn every_page_of_the_shipped_pack_carries_the_policy_and_no_inline_handler() {
    let out = common::build(Path::new(env!("CARGO_MANIFEST_DIR")));
    let (pages, wrong) = site_problems(out.path());
    assert!(pages > 100, "only {pages} pages");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    for pdf in common::files(out.path())
        .iter()
        .filter(|f| f.ends_with(".pdf"))
    {
        let acts = hostile::pdf_actions(&fs::read(out.path().join(pdf)).unwrap());
        assert!(acts.is_empty(), "{pdf}: {acts:?}");
    }
    // Nor do the theme's scripts make code from text. (Markup they build
    // comes from canllaw's own templates, escaped as the pages are.)
    for file in common::files(&out.path().join("theme")) {
        if file.ends_with(".js") {
            let js = fs::read_to_string(out.path().join("theme").join(&file)).unwrap();
            for bad in [
                "document.write",
                "eval(",
                "new Function",
                "setTimeout(\"",
                "setTimeout('",
            ] {
                assert!(!js.contains(bad), "theme/{file} uses {bad}");
            }
        }
    }
}

#[test]
fn a_layout_of_the_projects_own_without_the_policy_still_gets_it() {
    let pack = common::small_pack_copy();
    let layout = canllaw::resources::Resources::builtin()
        .get("theme/index.hbs")
        .map(|r| String::from_utf8_lossy(&r.bytes).into_owned())
        .unwrap();
    let start = layout
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .unwrap();
    let end = start + layout[start..].find('>').unwrap() + 1;
    let without = format!("{}{}", &layout[..start], &layout[end..]);
    fs::create_dir_all(pack.path().join("theme")).unwrap();
    fs::write(pack.path().join("theme/index.hbs"), without).unwrap();
    let out = common::build(pack.path());
    let (_, wrong) = site_problems(out.path());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
