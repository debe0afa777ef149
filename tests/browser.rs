//! The recording templates in a real browser: headless Chromium, driven
//! through chromedriver, on the small pack served from 127.0.0.1.
//!
//! - drafts: every kind of field filled (with ŵ and ŷ), saved, the page
//!   reloaded, the draft opened again, also on the other language's page;
//! - privacy: every request the browser makes goes through the test's server
//!   (it is Chromium's proxy), and none goes anywhere but the site or carries
//!   what was typed; nothing is stored unless "keep on this device" is on;
//! - axe-core on every kind of page in both languages, light and dark;
//! - printing a filled form to PDF keeps every word typed;
//! - hostile content (`common::hostile`): no script in any field of any
//!   page runs, and the Content-Security-Policy is never even tested.
//!
//! The tools are Debian's `chromium` and `chromium-driver` and axe-core
//! from npm (scripts/test installs what is missing). Without them these
//! tests print why and pass, except in CI (`CI=true`), where they fail.

mod common;
#[path = "browser/server.rs"]
mod server;
#[path = "browser/session.rs"]
mod session;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use fantoccini::Client;
use serde_json::{Value, json};

use session::{Browser, Tools, click, form_values, js, open, status_after, type_into, wait_for};

/// One browser at a time: they are heavy, and the machine may be small.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

/// Welsh text with the letters that trip up encodings and fonts.
const OUTCOME: &str =
    "Mynd i’r siop gyda’i ŵyr bob bore Sadwrn.\nŶ tŷ ar ben y bryn — “dw i eisiau cerdded”.";
const NAME: &str = "Gwenllïan ap Ŵyn Ŷr";
const WHEN: &str = "Dydd Llun";
const WHAT: &str = "Cerddodd i’r siop a phrynu ŵy; siaradodd â’r ŵr.";

/// The draft file Chromium saved into `dir`, once it has finished writing it.
async fn downloaded(dir: &Path, prefix: &str) -> PathBuf {
    let mut found = None;
    wait_for("the draft to download", || {
        let entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        found = entries.into_iter().find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(prefix) && name.ends_with(".json")
        });
        let done = found.is_some();
        async move { done }
    })
    .await;
    found.unwrap()
}

/// The file name a draft saved today gets: `FORM-YYYY-MM-DD.json`, by the
/// browser's clock.
async fn todays_name(c: &Client, form: &str) -> String {
    let date = js(
        c,
        "const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');",
    )
    .await;
    format!("{form}-{}.json", date.as_str().unwrap())
}

/// Checks a saved draft with canllaw's own reader, as `canllaw pdf --fill` does.
fn read_as_canllaw(path: &Path, form: &str) -> canllaw::draft::Draft {
    let pack = canllaw::load::load(&common::small_pack()).expect("the small pack loads");
    let form = pack.forms.iter().find(|f| f.id == form).unwrap();
    let source = std::fs::read_to_string(path).unwrap();
    canllaw::draft::parse(&source, Arc::from(path), form)
        .unwrap_or_else(|p| panic!("canllaw refuses the saved draft {source}: {p:?}"))
}

/// Whether leaving the page now would ask first.
async fn warns_before_leaving(c: &Client) -> bool {
    js(
        c,
        "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;",
    )
    .await
        == true
}

/// Clears the form (saying yes when asked), so that leaving the page does
/// not stop to warn about unsaved changes.
async fn leave_without_saving(c: &Client) {
    click(c, "#cl-clear").await;
    c.accept_alert().await.unwrap();
    assert!(!warns_before_leaving(c).await);
}

/// Everything the page could have kept: local and session storage, cookies,
/// IndexedDB databases.
async fn stored(c: &Client) -> Value {
    c.execute_async(
        r"const done = arguments[arguments.length - 1];
        const keep = {local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookies: document.cookie};
        indexedDB.databases().then((dbs) => { keep.indexedDB = dbs.map((d) => d.name); done(keep); });",
        Vec::new(),
    )
    .await
    .unwrap()
}

fn nothing_stored() -> Value {
    json!({"local": [], "session": [], "cookies": "", "indexedDB": []})
}

/// Checks every request the pages made while the test used them: only the
/// site's own origin (or a `blob:` of it, the draft being saved), only GET,
/// and none carrying any of `typed`. Then checks what reached the server,
/// which is Chromium's proxy: requests for the site are plain GETs without
/// what was typed, and anything else is the browser's own background
/// traffic (refused there), which must carry none of it either.
async fn only_the_site(b: &Browser, typed: &[&str]) -> usize {
    let origin = b.server.origin();
    let carries = |text: &str| {
        typed.iter().flat_map(|t| t.lines()).find(|line| {
            let encoded: String = url::form_urlencoded::byte_serialize(line.as_bytes()).collect();
            text.contains(line) || text.contains(&encoded)
        })
    };
    let requests = session::page_requests(&b.client).await;
    assert!(
        !requests.is_empty(),
        "the performance log holds no requests"
    );
    for r in &requests {
        // `data:` is the browser's own (a date box's calendar icon): it
        // never leaves the page.
        let own = r.url.starts_with(&format!("{origin}/"))
            || r.url.starts_with(&format!("blob:{origin}/"))
            || r.url.starts_with("data:");
        assert!(
            own,
            "a page made a request to somewhere else: {} {}",
            r.method, r.url
        );
        assert_eq!(r.method, "GET", "{} {}", r.method, r.url);
        assert!(r.post_data.is_none(), "a request carried data: {r:?}");
        assert!(!r.url.contains('?'), "a request carried a query: {}", r.url);
        if let Some(line) = carries(&r.url) {
            panic!("a request carried what was typed ({line:?}): {}", r.url);
        }
    }
    let mut background = std::collections::BTreeMap::new();
    for r in b.server.take() {
        let text = format!("{}{}", r.head, String::from_utf8_lossy(&r.body));
        if let Some(line) = carries(&text) {
            panic!("a request carried what was typed ({line:?}): {text}");
        }
        match server::site_path(&r.target, b.server.port) {
            Some(path) => {
                assert_eq!(r.method, "GET", "{} {}", r.method, r.target);
                assert!(r.body.is_empty(), "a request carried a body: {}", r.target);
                assert!(!path.contains('?'), "a request carried a query: {path}");
            }
            None => {
                assert!(
                    !requests.iter().any(|p| p.url.contains(&r.target)),
                    "a page asked for {}",
                    r.target
                );
                *background
                    .entry(format!("{} {}", r.method, r.target))
                    .or_insert(0) += 1;
            }
        }
    }
    if !background.is_empty() {
        println!("Chromium's own background connections, refused by the proxy: {background:?}");
    }
    requests.len()
}

#[test]
fn a_draft_saved_on_the_welsh_page_opens_again_and_on_the_english_page() {
    let _one = one_at_a_time();
    let Some(tools) = Tools::find() else { return };
    let b = Browser::start(&tools);
    let c = &b.client;
    b.run(async {
        // Textarea, choice and checkbox.
        open(c, &b.url("cy/forms/support-plan.html")).await;
        assert_eq!(stored(c).await, nothing_stored());
        type_into(c, "#f-outcome", OUTCOME).await;
        click(c, "#f-outcome-kind-maintenance").await;
        click(c, "#f-agreed").await;
        assert!(
            warns_before_leaving(c).await,
            "no warning about unsaved changes"
        );
        let expected = json!({"outcome": OUTCOME, "outcome-kind": "maintenance", "agreed": true});
        assert_eq!(form_values(c).await, expected);

        click(c, "#cl-save").await;
        let name = todays_name(c, "support-plan").await;
        assert_eq!(status_after(c, "").await, format!("Wedi cadw {name}."));
        let saved = downloaded(b.downloads.path(), "support-plan-").await;
        assert_eq!(saved.file_name().unwrap().to_string_lossy(), name);
        let draft: Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
        assert_eq!(
            draft,
            json!({"form": "support-plan", "lang": "cy", "version": 1, "values": expected})
        );
        let read = read_as_canllaw(&saved, "support-plan");
        assert_eq!(read.text("outcome"), Some(OUTCOME));
        assert_eq!(read.text("outcome-kind"), Some("maintenance"));
        assert!(read.ticked("agreed"));
        assert!(
            !warns_before_leaving(c).await,
            "a warning although the draft is saved"
        );
        assert_eq!(
            stored(c).await,
            nothing_stored(),
            "saving kept something in the browser"
        );

        // Nothing survives a reload unless the draft is opened.
        c.refresh().await.unwrap();
        open(c, &b.url("cy/forms/support-plan.html")).await;
        assert_eq!(
            form_values(c).await,
            json!({"outcome": "", "agreed": false})
        );
        type_into(c, "#cl-open", saved.to_str().unwrap()).await;
        assert_eq!(
            status_after(c, "").await,
            format!("Wedi agor {name}: llenwyd 3 ateb.")
        );
        assert_eq!(form_values(c).await, expected);
        assert!(!warns_before_leaving(c).await);

        // The Welsh draft on the English page: the same values.
        open(c, &b.url("en/forms/support-plan.html")).await;
        type_into(c, "#cl-open", saved.to_str().unwrap()).await;
        assert_eq!(
            status_after(c, "").await,
            format!("Opened {name}: 3 answers filled in.")
        );
        assert_eq!(form_values(c).await, expected);
        assert_eq!(stored(c).await, nothing_stored());
    });
    let requests = b.run(only_the_site(&b, &[OUTCOME]));
    println!("support plan: {requests} requests from the pages, every one a GET of the site");
}

#[test]
fn text_dates_and_tables_survive_a_draft_and_a_draft_of_another_form_is_refused() {
    let _one = one_at_a_time();
    let Some(tools) = Tools::find() else { return };
    let b = Browser::start(&tools);
    let c = &b.client;
    b.run(async {
        // Text, date and a table, on the English page.
        open(c, &b.url("en/forms/learning-log.html")).await;
        type_into(c, "#f-person-name", NAME).await;
        type_into(c, "#f-record-date", "03142025").await;
        type_into(c, "#f-when-1", WHEN).await;
        type_into(c, "#f-what-1", WHAT).await;
        type_into(c, "#f-what-3", "ŵ ŷ Ŵ Ŷ").await;
        let values = form_values(c).await;
        assert_eq!(
            values["record-date"], "2025-03-14",
            "typing a date: {values}"
        );

        click(c, "#cl-save").await;
        let name = todays_name(c, "learning-log").await;
        assert_eq!(status_after(c, "").await, format!("Saved {name}."));
        let saved = downloaded(b.downloads.path(), "learning-log-").await;
        let draft: Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
        // Empty boxes are left out.
        let expected = json!({
            "person-name": NAME, "record-date": "2025-03-14",
            "when-1": WHEN, "what-1": WHAT, "what-3": "ŵ ŷ Ŵ Ŷ",
        });
        assert_eq!(
            draft,
            json!({"form": "learning-log", "lang": "en", "version": 1, "values": expected})
        );
        let read = read_as_canllaw(&saved, "learning-log");
        assert_eq!(read.text("what-3"), Some("ŵ ŷ Ŵ Ŷ"));
        assert_eq!(read.lang, canllaw::lang::Lang::En);

        // Opened on the Welsh page, with Welsh plural forms in the message.
        open(c, &b.url("cy/forms/learning-log.html")).await;
        type_into(c, "#cl-open", saved.to_str().unwrap()).await;
        assert_eq!(
            status_after(c, "").await,
            format!("Wedi agor {name}: llenwyd 5 ateb.")
        );
        let values = form_values(c).await;
        for (field, value) in expected.as_object().unwrap() {
            assert_eq!(&values[field], value, "{field}");
        }
        assert_eq!(values["when-2"], "");

        // A draft of another form changes nothing.
        let other = b.downloads.path().join("other.json");
        std::fs::write(
            &other,
            r#"{"form": "support-plan", "lang": "cy", "version": 1, "values": {"agreed": true}}"#,
        )
        .unwrap();
        let before = status_after(c, "").await;
        type_into(c, "#cl-open", other.to_str().unwrap()).await;
        assert_eq!(
            status_after(c, &before).await,
            "Mae other.json yn ddrafft o dempled arall (support-plan). Does dim byd wedi newid."
        );
        assert_eq!(form_values(c).await, values);
        // As does a file that is not a draft at all.
        let junk = b.downloads.path().join("nodiadau.json");
        std::fs::write(&junk, "nid JSON").unwrap();
        let before = status_after(c, "").await;
        type_into(c, "#cl-open", junk.to_str().unwrap()).await;
        assert!(
            status_after(c, &before)
                .await
                .starts_with("Nid yw nodiadau.json yn ddrafft")
        );
        assert_eq!(form_values(c).await, values);
        assert_eq!(stored(c).await, nothing_stored());
    });
    b.run(only_the_site(&b, &[NAME, WHEN, WHAT, "ŵ ŷ Ŵ Ŷ"]));
}

#[test]
fn keeping_answers_on_the_device_is_chosen_and_forgotten() {
    let _one = one_at_a_time();
    let Some(tools) = Tools::find() else { return };
    let b = Browser::start(&tools);
    let c = &b.client;
    b.run(async {
        open(c, &b.url("cy/forms/support-plan.html")).await;
        let forget_shown = || async move {
            js(c, "return !document.getElementById('cl-forget').hidden && document.getElementById('cl-forget').offsetParent !== null;").await == true
        };
        assert!(!forget_shown().await, "“forget” shows before anything is kept");
        type_into(c, "#f-outcome", OUTCOME).await;
        assert_eq!(stored(c).await, nothing_stored());

        click(c, "#cl-keep").await;
        assert_eq!(
            status_after(c, "").await,
            "Mae eich atebion yn cael eu cadw yn y porwr hwn."
        );
        assert!(forget_shown().await, "no visible “forget” button");
        let kept = stored(c).await;
        assert_eq!(kept["local"].as_array().unwrap().len(), 1, "{kept}");
        assert!(!warns_before_leaving(c).await, "kept answers are not lost");
        click(c, "#f-agreed").await;

        // Back after a reload, and on the English page too.
        c.refresh().await.unwrap();
        open(c, &b.url("en/forms/support-plan.html")).await;
        assert_eq!(
            form_values(c).await,
            json!({"outcome": OUTCOME, "agreed": true})
        );
        assert_eq!(
            js(c, "return document.getElementById('cl-keep').checked;").await,
            true
        );
        assert!(forget_shown().await);

        let restored = status_after(c, "").await;
        assert_eq!(restored, "The answers kept in this browser have been restored.");
        click(c, "#cl-forget").await;
        assert_eq!(
            status_after(c, &restored).await,
            "This browser no longer keeps your answers."
        );
        assert_eq!(stored(c).await, nothing_stored());
        assert!(!forget_shown().await);
        // The page still holds the answers, now unsaved.
        assert!(warns_before_leaving(c).await);
        leave_without_saving(c).await;
        open(c, &b.url("cy/forms/support-plan.html")).await;
        assert_eq!(form_values(c).await, json!({"outcome": "", "agreed": false}));
        assert_eq!(stored(c).await, nothing_stored());
    });
    b.run(only_the_site(&b, &[OUTCOME]));
}

#[test]
fn clearing_the_form_asks_first() {
    let _one = one_at_a_time();
    let Some(tools) = Tools::find() else { return };
    let b = Browser::start(&tools);
    let c = &b.client;
    b.run(async {
        open(c, &b.url("cy/forms/support-plan.html")).await;
        type_into(c, "#f-outcome", OUTCOME).await;
        click(c, "#f-outcome-kind-change").await;
        click(c, "#cl-clear").await;
        assert_eq!(
            c.get_alert_text().await.unwrap(),
            "Clirio pob ateb ar y dudalen hon? Bydd unrhyw beth nad ydych chi wedi’i gadw fel drafft yn cael ei golli."
        );
        c.dismiss_alert().await.unwrap();
        assert_eq!(
            form_values(c).await,
            json!({"outcome": OUTCOME, "outcome-kind": "change", "agreed": false})
        );
        click(c, "#cl-clear").await;
        c.accept_alert().await.unwrap();
        assert_eq!(status_after(c, "").await, "Mae’r templed yn wag.");
        assert_eq!(form_values(c).await, json!({"outcome": "", "agreed": false}));
        assert!(!warns_before_leaving(c).await);
    });
    b.run(only_the_site(&b, &[OUTCOME]));
}

/// The text of a PDF, with runs of white space as one space.
fn pdf_text(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&file)
        .arg("-")
        .output();
    match out {
        Ok(out) if out.status.success() => Some(
            String::from_utf8_lossy(&out.stdout)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true and pdftotext (poppler-utils) is missing")
        }
        _ => {
            eprintln!("skipping the PDF text check: pdftotext (poppler-utils) is missing");
            None
        }
    }
}

async fn print_a4(c: &Client) -> Vec<u8> {
    let config = fantoccini::wd::PrintConfiguration::builder()
        .size(fantoccini::wd::PrintSize::A4)
        .build()
        .unwrap();
    c.print(config).await.expect("printing to PDF")
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_filled_form_prints_with_every_word_and_without_the_site_around_it() {
    let _one = one_at_a_time();
    let Some(tools) = Tools::find() else { return };
    let b = Browser::start(&tools);
    let c = &b.client;
    // Far more than the box's three lines: nothing may be cut off on paper.
    let long: Vec<String> = (1..=14)
        .map(|n| format!("Llinell {n}: mae’r ŵyr yn mynd â hi i’r tŷ te."))
        .collect();
    let long = long.join("\n");
    let printed = b.run(async {
        open(c, &b.url("cy/forms/support-plan.html")).await;
        type_into(c, "#f-outcome", &long).await;
        click(c, "#f-outcome-kind-process").await;
        click(c, "#f-agreed").await;
        let support_plan = print_a4(c).await;
        leave_without_saving(c).await;
        open(c, &b.url("en/forms/learning-log.html")).await;
        type_into(c, "#f-person-name", NAME).await;
        type_into(c, "#f-record-date", "03142025").await;
        type_into(c, "#f-what-2", WHAT).await;
        let learning_log = print_a4(c).await;
        (support_plan, learning_log)
    });
    for (name, pdf) in [("support-plan", &printed.0), ("learning-log", &printed.1)] {
        assert!(pdf.starts_with(b"%PDF"), "not a PDF");
        if let Some(dir) = std::env::var_os("CANLLAW_KEEP_PRINTS") {
            // To look at: CANLLAW_KEEP_PRINTS=DIR cargo test --test browser print
            std::fs::write(Path::new(&dir).join(format!("{name}.pdf")), pdf).unwrap();
        }
    }
    let Some(support_plan) = pdf_text(&printed.0) else {
        return;
    };
    for line in long.lines() {
        assert!(
            support_plan.contains(&words(line)),
            "{line:?} is not in the print: {support_plan}"
        );
    }
    for expected in [
        "Cynllun cymorth",
        "Y canlyniad",
        "Math o ganlyniad",
        "Proses",
        "Mae’r unigolyn yn cytuno",
    ] {
        assert!(
            support_plan.contains(expected),
            "{expected:?} missing: {support_plan}"
        );
    }
    for chrome in [
        "Cadw drafft",
        "Lawrlwytho",
        "Neidio i’r prif gynnwys",
        "Hafan",
        "Cyhoeddwyd gan",
    ] {
        assert!(
            !support_plan.contains(chrome),
            "the print shows {chrome:?}: {support_plan}"
        );
    }
    let learning_log = pdf_text(&printed.1).unwrap();
    for expected in [NAME, "14 March 2025", WHAT, "What the person did", "When"] {
        assert!(
            learning_log.contains(&words(expected)),
            "{expected:?} missing: {learning_log}"
        );
    }
    b.run(only_the_site(&b, &[&long, NAME, WHAT]));
}

#[test]
fn without_javascript_the_form_is_complete_and_printable() {
    let _one = one_at_a_time();
    let Some(tools) = Tools::find() else { return };
    let b = Browser::start_without_javascript(&tools);
    let c = &b.client;
    let pdf = b.run(async {
        c.goto(&b.url("cy/forms/support-plan.html")).await.unwrap();
        assert_eq!(
            js(c, "return document.getElementById('cl-draft').hidden;").await,
            true,
            "the draft buttons show without JavaScript"
        );
        type_into(c, "#f-outcome", OUTCOME).await;
        click(c, "#f-outcome-kind-change").await;
        print_a4(c).await
    });
    let Some(text) = pdf_text(&pdf) else { return };
    for expected in [
        "Mae angen JavaScript",
        "ŵyr bob bore Sadwrn",
        "Ŷ tŷ ar ben y bryn",
        "Newid",
    ] {
        // The note about JavaScript is for the screen only.
        let want = expected != "Mae angen JavaScript";
        assert_eq!(text.contains(expected), want, "{expected:?}: {text}");
    }
    b.run(only_the_site(&b, &[OUTCOME]));
}

#[test]
fn a_large_sites_pages_show_the_whole_contents_with_javascript() {
    let _one = one_at_a_time();
    let Some(tools) = Tools::find() else { return };
    let extra = canllaw::site::sidebar::WHOLE_MAX_ENTRIES + 20;
    let project = common::large_pack(extra);
    let b = Browser::start_on(&tools, project.path());
    let c = &b.client;
    b.run(async {
        open(c, &b.url("cy/examples/extra-100.html")).await;
        // The page carries only the part around it; canllaw.js puts the
        // whole from cy/toc.js in its place, this page marked, the links
        // leading from this page's folder.
        let links = js(
            c,
            "return document.querySelectorAll('#cl-sidebar a[data-path]').length;",
        )
        .await;
        assert!(links.as_u64().unwrap() > u64::try_from(extra).unwrap(), "{links}");
        let current = js(
            c,
            "const a = document.querySelectorAll('#cl-sidebar a[aria-current=page]'); return [a.length, a[0].getAttribute('href')];",
        )
        .await;
        assert_eq!(current, json!([1, "../examples/extra-100.html"]));
        let href = js(
            c,
            "return document.querySelector('#cl-sidebar a[data-path=\"principles/own-words.html\"]').href;",
        )
        .await;
        assert!(
            href.as_str().unwrap().ends_with("/cy/principles/own-words.html"),
            "{href}"
        );
        // The same at the top of the language folder.
        open(c, &b.url("cy/glossary.html")).await;
        let current = js(
            c,
            "const a = document.querySelectorAll('#cl-sidebar a[aria-current=page]'); return [a.length, a[0].getAttribute('href'), document.querySelectorAll('#cl-sidebar a[data-path]').length];",
        )
        .await;
        assert_eq!(current[0], 1);
        assert_eq!(current[1], "glossary.html");
        assert_eq!(current[2], links);
    });
}

/// The pages of every kind, in both languages.
const PAGES: [&str; 22] = [
    "index.html",
    "404.html",
    "cy/index.html",
    "cy/principles/own-words.html",
    "cy/examples/walking-to-the-shop.html",
    "cy/exercises/whose-words.html",
    "cy/forms/support-plan.html",
    "cy/forms/learning-log.html",
    "cy/pages/introduction.html",
    "cy/glossary.html",
    "cy/print.html",
    "cy/404.html",
    "en/index.html",
    "en/principles/own-words.html",
    "en/examples/walking-to-the-shop.html",
    "en/exercises/whose-words.html",
    "en/forms/support-plan.html",
    "en/forms/learning-log.html",
    "en/pages/introduction.html",
    "en/glossary.html",
    "en/print.html",
    "en/404.html",
];

/// Runs axe-core on the page at WCAG 2.2 AA: the rules that passed, and
/// each violation as "rule: help (targets)".
async fn axe(c: &Client, source: &str) -> (usize, Vec<String>) {
    let loaded = js(c, "return typeof window.axe;").await;
    if loaded != "object" {
        c.execute(source, Vec::new())
            .await
            .expect("loading axe-core");
    }
    let result = c
        .execute_async(
            r"const done = arguments[arguments.length - 1];
            axe.run(document, {
              runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
              resultTypes: ['violations'],
            }).then((r) => done({
              passes: r.passes.length,
              violations: r.violations.map((v) => v.id + ': ' + v.help + ' (' +
                v.nodes.map((n) => n.target.join(' ')).join(', ') + ')'),
            }), (e) => done({error: String(e)}));",
            Vec::new(),
        )
        .await
        .expect("running axe-core");
    assert!(result.get("error").is_none(), "axe-core failed: {result}");
    let violations = result["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    (result["passes"].as_u64().unwrap() as usize, violations)
}

#[test]
fn every_kind_of_page_in_both_languages_passes_axe_at_wcag_2_2_aa() {
    let _one = one_at_a_time();
    let Some(tools) = Tools::find() else { return };
    let source = std::fs::read_to_string(&tools.axe).unwrap();
    let b = Browser::start(&tools);
    let c = &b.client;
    let mut failures = Vec::new();
    b.run(async {
        for scheme in ["light", "dark"] {
            session::cdp(
                c,
                "Emulation.setEmulatedMedia",
                json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]}),
            )
            .await;
            open(c, &b.url("cy/index.html")).await;
            let background = js(c, "return getComputedStyle(document.body).backgroundColor;").await;
            let dark = background == "rgb(21, 24, 27)";
            assert_eq!(dark, scheme == "dark", "{scheme}: the page's background is {background}");
            for page in PAGES {
                open(c, &b.url(page)).await;
                let (passes, violations) = axe(c, &source).await;
                println!("axe {scheme:5} {page}: {passes} rules pass, {} violations", violations.len());
                failures.extend(violations.into_iter().map(|v| format!("{page} ({scheme}): {v}")));
            }
            // A form with everything its script can show: the "forget" button
            // and a message; and the same on a phone's width.
            open(c, &b.url("cy/forms/learning-log.html")).await;
            click(c, "#cl-keep").await;
            status_after(c, "").await;
            for (width, height) in [(1280, 1000), (360, 740)] {
                c.set_window_size(width, height).await.unwrap();
                let (passes, violations) = axe(c, &source).await;
                println!(
                    "axe {scheme:5} cy/forms/learning-log.html, kept, {width}px: {passes} rules pass, {} violations",
                    violations.len()
                );
                failures.extend(
                    violations
                        .into_iter()
                        .map(|v| format!("learning-log kept at {width}px ({scheme}): {v}")),
                );
            }
            c.set_window_size(1280, 1000).await.unwrap();
            click(c, "#cl-forget").await;
        }
    });
    assert!(
        failures.is_empty(),
        "axe-core found:\n{}",
        failures.join("\n")
    );
}

/// Every page of the hostile pack, in both languages.
const HOSTILE_PAGES: [&str; 16] = [
    "index.html",
    "404.html",
    "cy/index.html",
    "en/index.html",
    "cy/principles/own-words.html",
    "en/principles/own-words.html",
    "cy/examples/walking-to-the-shop.html",
    "en/examples/walking-to-the-shop.html",
    "cy/exercises/whose-words.html",
    "en/exercises/whose-words.html",
    "cy/forms/support-plan.html",
    "en/forms/support-plan.html",
    "cy/pages/about.html",
    "en/pages/about.html",
    "cy/glossary.html",
    "en/print.html",
];

/// What the hostile payloads would have done, and what the page's policy
/// blocked: both must be nothing.
async fn hostile_effects(c: &Client) -> Value {
    js(
        c,
        "return {pwned: window.pwned === undefined ? null : window.pwned, \
                 parentPwned: window.parent.pwned === undefined ? null : window.parent.pwned, \
                 title: document.title.includes('PWNED'), \
                 violations: window.__violations || null, \
                 frames: window.frames.length, \
                 location: location.protocol};",
    )
    .await
}

#[test]
fn hostile_content_never_runs_in_any_page() {
    let _one = one_at_a_time();
    let Some(tools) = Tools::find() else { return };
    let pack = common::hostile::pack();
    let b = Browser::start_on(&tools, pack.path());
    let c = &b.client;
    b.run(async {
        // Before any page's own script: record what the policy blocks.
        session::cdp(
            c,
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"}),
        )
        .await;
        let clean = json!({"pwned": null, "parentPwned": null, "title": false, "violations": [], "frames": 0, "location": "http:"});
        for page in HOSTILE_PAGES {
            open(c, &b.url(page)).await;
            // Hover, focus and click everything a handler could hang on.
            js(
                c,
                "for (const e of document.querySelectorAll('body *')) { \
                   for (const t of ['mouseover', 'focus', 'toggle', 'click']) { \
                     if (e.closest('a, button, input, select, textarea, label, form')) continue; \
                     e.dispatchEvent(new Event(t)); } } return true;",
            )
            .await;
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            if let Ok(text) = c.get_alert_text().await {
                panic!("{page}: a dialog opened: {text}");
            }
            assert_eq!(hostile_effects(c).await, clean, "{page}");
        }
        // The search shows titles and excerpts of every page: still text.
        open(c, &b.url("en/index.html")).await;
        type_into(c, "#cl-search-input", "script pwned English").await;
        wait_for("search results", || async {
            js(c, "return document.querySelectorAll('#cl-search-results li').length > 0;").await == true
        })
        .await;
        assert!(c.get_alert_text().await.is_err(), "search: an alert opened");
        assert_eq!(hostile_effects(c).await, clean, "search");
        // Following every link a page has leads only to the site.
        open(c, &b.url("en/pages/about.html")).await;
        let hrefs = js(c, "return [...document.querySelectorAll('a[href]')].map((a) => a.href);").await;
        for href in hrefs.as_array().unwrap() {
            let href = href.as_str().unwrap();
            assert!(
                href.starts_with("http://") || href.starts_with("https://") || href.starts_with("mailto:"),
                "a link to {href}"
            );
        }
    });
}
