//! The same content for the tools people would otherwise pick: two mdBook
//! books (canllaw's own `export mdbook`) and a Hugo multilingual site made
//! from those books' chapters, so all three build the same pages from the
//! same Markdown.
//!
//! The Hugo site uses languages `cy` and `en` in content folders of their
//! own, pairs each page with its translation by `translationKey`, and has a
//! small layout doing what canllaw's pages do: a language switcher, a
//! sidebar of the sections (cached per language, as a careful Hugo theme
//! does), breadcrumbs, previous and next links, and home pages listing
//! every item.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use canllaw::build::Project;
use canllaw::export::mdbook;
use canllaw::lang::Lang;

/// Writes the two books into `dir/cy` and `dir/en`.
pub fn write_mdbook(project: &Project, dir: &Path) {
    for lang in Lang::ALL {
        let files = mdbook::book(&project.pack, &project.strings, lang).expect("a book");
        for (path, text) in files {
            put(&dir.join(lang.code()).join(path), &text);
        }
    }
}

fn put(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
    fs::write(path, text).expect("written");
}

/// A YAML double-quoted scalar.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

const CONFIG: &str = r#"baseURL = "/"
defaultContentLanguage = "cy"
defaultContentLanguageInSubdir = true
uglyURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]

[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.extensions]
table = true
strikethrough = true
linkify = false
typographer = true
"#;

const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} · {{ .Site.Title }}{{ end }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .RelPermalink }}">
{{ end }}<link rel="stylesheet" href="{{ "theme/canllaw.css" | relURL }}">
</head>
<body>
<header class="cl-header">
<a class="cl-site-title" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav class="cl-lang"><ul>{{ range .AllTranslations }}<li>{{ if eq .Lang $.Lang }}<span aria-current="true">{{ .Language.LanguageName }}</span>{{ else }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</li>{{ end }}</ul></nav>
</header>
<div class="cl-layout">
<nav class="cl-sidebar">{{ partialCached "sidebar.html" . .Lang }}</nav>
<main class="cl-main">
{{ if not .IsHome }}<nav class="cl-breadcrumbs"><ol><li><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Home.Title }}</a></li>{{ with .Parent }}{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}<li><span aria-current="page">{{ .Title }}</span></li></ol></nav>{{ end }}
{{ block "main" . }}{{ end }}
<nav class="cl-pager">{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</main>
</div>
<footer class="cl-footer"><p>{{ .Site.Params.organisation }}</p></footer>
</body>
</html>
"#;

const SINGLE: &str = r#"{{ define "main" }}<article>{{ .Content }}</article>{{ end }}
"#;

const LIST: &str = r#"{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></article>{{ end }}
"#;

const HOME: &str = r#"{{ define "main" }}<article>{{ .Content }}
{{ range .Site.Sections }}<section><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></section>
{{ end }}</article>{{ end }}
"#;

const SIDEBAR: &str = r#"<ol class="cl-toc"><li><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Home.Title }}</a></li>
{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ol>
"#;

const NOT_FOUND: &str = r#"{{ define "main" }}<article><h1>404</h1></article>{{ end }}
"#;

/// Writes the Hugo site into `dir`, from the chapters of the two books.
pub fn write_hugo(project: &Project, dir: &Path) {
    let site = &project.pack.config.site;
    let mut config = CONFIG.to_string();
    for (weight, lang) in Lang::ALL.iter().enumerate() {
        let _ = write!(
            config,
            "\n[languages.{lang}]\nlanguageName = {}\nweight = {}\ncontentDir = \"content/{lang}\"\ntitle = {}\n[languages.{lang}.params]\norganisation = {}\n",
            quoted(lang.endonym()),
            weight + 1,
            quoted(site.title.get(*lang)),
            quoted(site.organisation.get(*lang)),
        );
    }
    put(&dir.join("config.toml"), &config);
    for (path, text) in [
        ("layouts/_default/baseof.html", BASEOF),
        ("layouts/_default/single.html", SINGLE),
        ("layouts/_default/list.html", LIST),
        ("layouts/index.html", HOME),
        ("layouts/404.html", NOT_FOUND),
        ("layouts/partials/sidebar.html", SIDEBAR),
    ] {
        put(&dir.join(path), text);
    }
    let css = project
        .resources
        .get("theme/canllaw.css")
        .map(|r| r.bytes.to_vec())
        .unwrap_or_default();
    fs::create_dir_all(dir.join("static/theme")).expect("a folder");
    fs::write(dir.join("static/theme/canllaw.css"), css).expect("written");

    for lang in Lang::ALL {
        let files = mdbook::book(&project.pack, &project.strings, lang).expect("a book");
        for (weight, (path, text)) in files.iter().enumerate() {
            let Some(chapter) = path.strip_prefix("src/") else {
                continue;
            };
            if chapter == "SUMMARY.md" {
                continue;
            }
            let (title, body) = match text.strip_prefix("# ") {
                Some(rest) => rest.split_once('\n').unwrap_or((rest, "")),
                None => ("", text.as_str()),
            };
            // mdBook links chapters as `.md`; Hugo (with ugly URLs) writes `.html`.
            let body = body.replace(".md)", ".html)").replace(".md#", ".html#");
            let target = if chapter == "index.md" {
                "_index.md".to_string()
            } else {
                chapter.to_string()
            };
            let key = chapter.trim_end_matches(".md");
            let page = format!(
                "---\ntitle: {}\ntranslationKey: {}\nweight: {weight}\n---\n{body}",
                quoted(&title.replace('\\', "")),
                quoted(key),
            );
            put(&dir.join("content").join(lang.code()).join(target), &page);
        }
    }
}
