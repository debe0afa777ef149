//! The website built from a pack written to FORMAT.md.

mod common;

use std::fs;

use common::{build, files, large_pack, small_pack};
use scraper::{Html, Selector};

fn page(out: &std::path::Path, path: &str) -> Html {
    Html::parse_document(
        &fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}")),
    )
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

#[test]
fn writes_the_layout_of_format_md() {
    let out = build(&small_pack());
    let all = files(out.path());
    for expected in [
        "index.html",
        "cy/index.html",
        "en/index.html",
        "cy/principles/own-words.html",
        "en/principles/own-words.html",
        "cy/examples/walking-to-the-shop.html",
        "cy/exercises/whose-words.html",
        "cy/forms/learning-log.html",
        "cy/pages/introduction.html",
        "cy/glossary.html",
        "en/glossary.html",
        "cy/print.html",
        "cy/404.html",
        "cy/search-index.js",
        "theme/canllaw.css",
    ] {
        assert!(
            all.contains(&expected.to_string()),
            "{expected} missing from {all:?}"
        );
    }
}

#[test]
fn every_welsh_page_has_an_english_counterpart_and_the_switchers_link_both_ways() {
    let out = build(&small_pack());
    let pages: Vec<String> = files(out.path())
        .into_iter()
        .filter(|f| f.starts_with("cy/") && f.ends_with(".html"))
        .collect();
    assert!(pages.len() >= 15, "{pages:?}");
    for cy in pages {
        let rest = cy.strip_prefix("cy/").unwrap();
        let en = format!("en/{rest}");
        assert!(out.path().join(&en).is_file(), "{en} missing");
        for (from, to, to_lang) in [(&cy, &en, "en"), (&en, &cy, "cy")] {
            let doc = page(out.path(), from);
            let html = select(&doc, "html")[0];
            assert_eq!(html.value().attr("lang"), Some(&from[..2]), "{from}");
            let switch = select(&doc, "nav.cl-lang a[hreflang]");
            assert_eq!(switch.len(), 1, "{from}");
            let link = switch[0].value();
            assert_eq!(link.attr("hreflang"), Some(to_lang));
            assert_eq!(link.attr("lang"), Some(to_lang));
            let target = out
                .path()
                .join(from)
                .parent()
                .unwrap()
                .join(link.attr("href").unwrap());
            assert_eq!(
                target.canonicalize().unwrap(),
                out.path().join(to).canonicalize().unwrap(),
                "{from} switches to the wrong page"
            );
            let current = select(&doc, "nav.cl-lang [aria-current]");
            assert_eq!(current[0].value().attr("lang"), Some(&from[..2]));
            let nav = select(&doc, "nav.cl-lang")[0];
            let label = nav.value().attr("aria-label").unwrap();
            assert_eq!(
                label,
                if from.starts_with("cy") {
                    "Iaith"
                } else {
                    "Language"
                }
            );
            let alternates: Vec<_> = select(&doc, "link[rel=alternate]")
                .iter()
                .map(|l| {
                    (
                        l.value().attr("hreflang").unwrap().to_string(),
                        l.value().attr("href").unwrap().to_string(),
                    )
                })
                .collect();
            assert!(
                alternates.contains(&("cy".into(), format!("/guide/cy/{rest}"))),
                "{alternates:?}"
            );
            assert!(
                alternates.contains(&("en".into(), format!("/guide/en/{rest}"))),
                "{alternates:?}"
            );
            assert!(alternates.contains(&("x-default".into(), "/guide/index.html".into())));
        }
    }
}

#[test]
fn the_welcome_page_offers_welsh_first() {
    let out = build(&small_pack());
    let doc = page(out.path(), "index.html");
    let sections = select(&doc, "section.cl-welcome-lang");
    assert_eq!(sections[0].value().attr("lang"), Some("cy"));
    assert_eq!(sections[1].value().attr("lang"), Some("en"));
    let links: Vec<_> = select(&doc, "a.cl-button")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links, ["cy/index.html", "en/index.html"]);
}

#[test]
fn the_glossary_is_in_welsh_order_on_welsh_pages() {
    let out = build(&small_pack());
    let ids = |path: &str| -> Vec<String> {
        let doc = page(out.path(), path);
        select(&doc, ".cl-term")
            .iter()
            .map(|t| t.value().attr("id").unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids("cy/glossary.html"),
        [
            "what-matters",
            "change-outcome",
            "co-production",
            "carers-needs",
            "choice",
            "carer",
            "well-being",
            "risk",
            "hospital-discharge"
        ]
    );
    assert_eq!(
        ids("en/glossary.html"),
        [
            "carer",
            "carers-needs",
            "change-outcome",
            "choice",
            "co-production",
            "hospital-discharge",
            "risk",
            "well-being",
            "what-matters"
        ]
    );
    let doc = page(out.path(), "cy/glossary.html");
    let letters: Vec<String> = select(&doc, ".cl-letter")
        .iter()
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(letters, ["B", "C", "Ch", "D", "G", "Ll", "R", "Rh"]);
    let other = select(&doc, ".cl-term .cl-other");
    assert!(other.iter().all(|o| o.value().attr("lang") == Some("en")));
}

#[test]
fn cross_references_resolve_in_the_page_language() {
    let out = build(&small_pack());
    let doc = page(out.path(), "cy/principles/own-words.html");
    let hrefs: Vec<_> = select(&doc, ".cl-prose a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .map(str::to_string)
        .collect();
    assert!(
        hrefs.contains(&"../../cy/examples/walking-to-the-shop.html".to_string()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"../../cy/glossary.html#what-matters".to_string()),
        "{hrefs:?}"
    );
    let doc = page(out.path(), "en/principles/own-words.html");
    let hrefs: Vec<_> = select(&doc, ".cl-prose a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .map(str::to_string)
        .collect();
    assert!(
        hrefs.contains(&"../../en/examples/walking-to-the-shop.html".to_string()),
        "{hrefs:?}"
    );
}

#[test]
fn pages_have_navigation_a_skip_link_and_no_other_origin() {
    let out = build(&small_pack());
    let doc = page(out.path(), "cy/principles/kinds-of-outcome.html");
    assert_eq!(select(&doc, "a.cl-skip[href='#cl-main']").len(), 1);
    assert_eq!(select(&doc, "main#cl-main").len(), 1);
    assert_eq!(
        select(&doc, "a[rel=prev]")[0].value().attr("href"),
        Some("../principles/own-words.html")
    );
    assert_eq!(
        select(&doc, "a[rel=next]")[0].value().attr("href"),
        Some("../principles/record-the-why.html")
    );
    let current = select(&doc, "#cl-sidebar a[aria-current=page]");
    assert_eq!(current.len(), 1);
    assert_eq!(
        current[0].value().attr("href"),
        Some("../principles/kinds-of-outcome.html")
    );
    let crumbs: Vec<String> = select(&doc, ".cl-breadcrumbs li")
        .iter()
        .map(|l| l.text().collect::<String>())
        .collect();
    assert_eq!(
        crumbs,
        ["Hafan", "Gwneud cofnodi’n bersonol", "Mathau o ganlyniad"]
    );
    for path in files(out.path()).iter().filter(|f| f.ends_with(".html")) {
        let text = fs::read_to_string(out.path().join(path)).unwrap();
        let doc = Html::parse_document(&text);
        for attr in ["href", "src"] {
            for el in select(&doc, &format!("[{attr}]")) {
                let value = el.value().attr(attr).unwrap();
                let is_alternate =
                    el.value().name() == "link" && el.value().attr("rel") == Some("alternate");
                let root_404 = path == "404.html";
                assert!(
                    is_alternate || root_404 || !(value.starts_with('/') || value.contains("://")),
                    "{path}: {attr}={value} is not relative"
                );
            }
        }
        let csp = select(&doc, "meta[http-equiv=Content-Security-Policy]");
        assert_eq!(csp.len(), 1, "{path} has no CSP");
        assert!(
            csp[0]
                .value()
                .attr("content")
                .unwrap()
                .contains("script-src 'self'")
        );
        assert!(
            select(&doc, "script:not([src])").is_empty(),
            "{path} has inline script"
        );
        assert!(
            !text.contains(" onclick=") && !text.contains(" onload="),
            "{path}"
        );
    }
}

#[test]
fn the_search_interface_is_in_the_page_language() {
    let out = build(&small_pack());
    let doc = page(out.path(), "cy/index.html");
    let search = select(&doc, "#cl-search")[0];
    assert_eq!(search.value().attr("data-count-two"), Some("2 ganlyniad"));
    let label: String = select(&doc, "label[for=cl-search-input]")[0]
        .text()
        .collect();
    assert_eq!(label, "Chwilio");
    let doc = page(out.path(), "en/index.html");
    let label: String = select(&doc, "label[for=cl-search-input]")[0]
        .text()
        .collect();
    assert_eq!(label, "Search");
}

#[test]
fn welsh_search_finds_mutated_forms_in_the_built_index() {
    use canllaw::lang::Lang;
    let out = build(&small_pack());
    let index = fs::read_to_string(out.path().join("cy/search-index.js")).unwrap();
    // "Cofnodi" in the page titles and "gofnod" (soft mutation) must both be
    // reachable from the radical form.
    for word in ["nghofnod", "gofnodi", "chofnod"] {
        let keys = canllaw::search::keys(word, Lang::Cy);
        assert!(
            keys.iter().any(|k| k.starts_with("cofnod")),
            "{word}: {keys:?}"
        );
    }
    assert!(
        index.contains("\"cofnodi"),
        "the index holds the radical form"
    );
}

#[test]
fn print_pages_hold_every_item_with_anchored_cross_references() {
    let out = build(&small_pack());
    let doc = page(out.path(), "en/print.html");
    for id in [
        "principle-own-words",
        "example-walking-to-the-shop",
        "exercise-whose-words",
        "form-learning-log",
        "page-about",
    ] {
        assert_eq!(select(&doc, &format!("#{id}")).len(), 1, "{id}");
    }
    let hrefs: Vec<_> = select(&doc, ".cl-print .cl-prose a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(hrefs.contains(&"#example-walking-to-the-shop"), "{hrefs:?}");
}

#[test]
fn forms_are_real_html_forms_with_the_names_of_format_md() {
    let out = build(&small_pack());
    let doc = page(out.path(), "cy/forms/support-plan.html");
    assert_eq!(select(&doc, "fieldset.cl-section > legend").len(), 1);
    assert_eq!(select(&doc, "textarea[name=outcome]").len(), 1);
    assert_eq!(
        select(&doc, "input[type=radio][name=outcome-kind]").len(),
        3
    );
    assert_eq!(select(&doc, "input[type=checkbox][name=agreed]").len(), 1);
    let doc = page(out.path(), "en/forms/learning-log.html");
    for name in ["person-name", "record-date", "when-1", "what-3"] {
        assert_eq!(select(&doc, &format!("[name='{name}']")).len(), 1, "{name}");
    }
    for input in select(&doc, "input[id], textarea[id]") {
        let id = input.value().attr("id").unwrap();
        let labelled = input.value().attr("aria-label").is_some()
            || !select(&doc, &format!("label[for='{id}']")).is_empty();
        assert!(labelled, "{id} has no label");
    }
}

#[test]
fn a_large_site_writes_its_contents_once_and_each_page_the_part_around_it() {
    let extra = canllaw::site::sidebar::WHOLE_MAX_ENTRIES + 20;
    let project = large_pack(extra);
    let out = build(project.path());
    for lang in ["cy", "en"] {
        let toc = fs::read_to_string(out.path().join(format!("{lang}/toc.js"))).unwrap();
        assert!(toc.contains("window.canllawToc = \""), "{toc}");
        // The whole contents: every item, its links from the language folder.
        for i in 0..extra {
            assert!(
                toc.contains(&format!("examples/extra-{i:03}.html")),
                "{lang}: extra-{i:03} not in toc.js"
            );
        }
        assert!(!toc.contains("</"), "markup escaped in the script: {toc}");
    }
    let path = "cy/examples/extra-100.html";
    let doc = page(out.path(), path);
    // A short sidebar: its own entry marked, and only the part around it.
    let current = select(&doc, "#cl-sidebar a[aria-current=page]");
    assert_eq!(current.len(), 1);
    assert_eq!(
        current[0].value().attr("href"),
        Some("../examples/extra-100.html")
    );
    let entries = select(&doc, "#cl-sidebar a[data-path]").len();
    let block = canllaw::site::sidebar::BLOCK;
    assert!(
        (block..=2 * block + 3).contains(&entries),
        "{entries} links in the short sidebar"
    );
    // Neighbours either side, for a reader without JavaScript.
    for near in ["extra-099", "extra-101"] {
        assert_eq!(
            select(
                &doc,
                &format!("#cl-sidebar a[href='../examples/{near}.html']")
            )
            .len(),
            1,
            "{near} not beside extra-100"
        );
    }
    // canllaw.js finds the whole contents and where this page is.
    let nav = select(&doc, "nav#cl-sidebar")[0].value();
    assert_eq!(nav.attr("data-root"), Some("../"));
    assert_eq!(nav.attr("data-current"), Some("examples/extra-100.html"));
    let scripts: Vec<&str> = select(&doc, "script[src]")
        .iter()
        .filter_map(|s| s.value().attr("src"))
        .collect();
    let toc = scripts.iter().position(|s| *s == "../toc.js");
    let main = scripts.iter().position(|s| s.ends_with("theme/canllaw.js"));
    assert!(toc.is_some() && toc < main, "{scripts:?}");
    // Every page's own entry is in its short sidebar.
    for f in files(out.path())
        .iter()
        .filter(|f| f.starts_with("en/examples/"))
    {
        let rest = f.strip_prefix("en/").unwrap();
        let doc = page(out.path(), f);
        let current = select(&doc, "#cl-sidebar a[aria-current=page]");
        assert_eq!(current.len(), 1, "{f}");
        assert_eq!(current[0].value().attr("data-path"), Some(rest), "{f}");
    }
}

#[test]
fn a_small_site_keeps_its_whole_contents_in_every_page() {
    let out = build(&small_pack());
    assert!(!out.path().join("cy/toc.js").exists());
    let doc = page(out.path(), "cy/principles/own-words.html");
    assert!(
        select(&doc, "nav#cl-sidebar")[0]
            .value()
            .attr("data-current")
            .is_none()
    );
    let links = select(&doc, "#cl-sidebar a[data-path]").len();
    let other = page(out.path(), "cy/examples/walking-to-the-shop.html");
    assert_eq!(links, select(&other, "#cl-sidebar a[data-path]").len());
    assert!(select(&doc, "script[src$='toc.js']").is_empty());
}

#[test]
fn the_search_index_made_with_the_pages_is_the_one_made_alone() {
    // The site takes each page's search text from the page's own render;
    // the index must be the one made from the Markdown directly.
    let large = large_pack(5);
    for project in [small_pack(), large.path().to_path_buf()] {
        let project = canllaw::build::open(&project).unwrap();
        let sizes = canllaw::site::PdfSizes::new();
        let site = canllaw::site::Site::new(
            &project.pack,
            &project.resources,
            project.strings.clone(),
            &sizes,
        )
        .unwrap();
        let files = site.render(&project.resources).unwrap();
        for (path, alone) in site.search_indexes() {
            let (_, made) = files.iter().find(|(p, _)| *p == path).unwrap();
            assert!(*made == alone, "{path} differs");
        }
    }
}
