//! The website: every page of both languages, the welcome page, the print
//! pages, the search indexes and the theme's assets.
//!
//! Templates are parsed once; the sidebar of each language is rendered once
//! (per folder depth) and each page only marks its own entry in it, or, for
//! a large site, each page has the part around its own entry and
//! `LANG/toc.js` the whole ([`sidebar`]), so the work per page does not
//! grow with the size of the site.

mod brand;
mod map;
mod pages;
pub mod sidebar;
pub mod templates;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{Value, json};

use crate::i18n::Strings;
use crate::lang::Lang;
use crate::markdown::{self, Links};
use crate::model::{Kind, Pack};
use crate::output;
use crate::problem::Problem;
use crate::resources::Resources;
use crate::search;

pub use map::{Entry, SiteMap};
use sidebar::Sidebar;
use templates::Templates;

/// What a build wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// HTML pages.
    pub pages: usize,
    /// Other files (assets, search indexes).
    pub files: usize,
}

/// A file to write: its path in the output and its bytes.
pub type OutFile = (String, Vec<u8>);

/// Everything one language's pages need, made once.
struct LangSite<'a> {
    lang: Lang,
    map: SiteMap,
    sidebar: Sidebar,
    anchor_label: String,
    pack: &'a Pack,
}

/// The site renderer.
pub struct Site<'a> {
    pack: &'a Pack,
    strings: Arc<Strings>,
    templates: Templates,
    langs: Vec<LangSite<'a>>,
    lookup: pages::Lookup<'a>,
    /// Sizes in bytes of the files the PDF renderer wrote, by output path.
    pdf_sizes: &'a PdfSizes,
}

/// The size in bytes of each file the PDF renderer wrote, keyed by its path
/// in the output (`pdf/learning-log.cy.pdf`); the form pages show them beside
/// their downloads. A file not in the map is linked without a size.
pub type PdfSizes = HashMap<String, u64>;

/// How deep a page is below its language folder, and the matching relative
/// prefixes.
#[derive(Clone, Copy)]
struct Depth {
    /// To the language folder: `""` or `"../"`.
    lang_root: &'static str,
    /// To the output root: `"../"` or `"../../"`.
    root: &'static str,
}

impl Depth {
    fn of(path: &str) -> Depth {
        if path.contains('/') {
            Depth {
                lang_root: "../",
                root: "../../",
            }
        } else {
            Depth {
                lang_root: "",
                root: "../",
            }
        }
    }

    fn index(self) -> usize {
        usize::from(!self.lang_root.is_empty())
    }
}

impl<'a> Site<'a> {
    /// Prepares the renderer: templates, site maps and sidebars.
    /// `pdf_sizes` gives the sizes shown beside the forms' PDF downloads.
    ///
    /// # Errors
    /// Problems with templates or interface strings.
    pub fn new(
        pack: &'a Pack,
        resources: &Resources,
        strings: Arc<Strings>,
        pdf_sizes: &'a PdfSizes,
    ) -> Result<Site<'a>, Vec<Problem>> {
        let templates = Templates::load(resources, strings.clone())?;
        let mut langs = Vec::new();
        for lang in Lang::ALL {
            let map = SiteMap::new(pack, lang, &strings).map_err(|p| vec![p])?;
            let anchor_label = strings.t(lang, "heading-anchor").map_err(|p| vec![p])?;
            let sidebar = Sidebar::new(&templates, &map, lang).map_err(|p| vec![p])?;
            langs.push(LangSite {
                lang,
                map,
                sidebar,
                anchor_label,
                pack,
            });
        }
        Ok(Site {
            pack,
            strings,
            templates,
            langs,
            lookup: pages::Lookup::new(pack),
            pdf_sizes,
        })
    }

    /// Renders every file of the site.
    ///
    /// # Errors
    /// Every problem met while rendering.
    pub fn render(&self, resources: &Resources) -> Result<Vec<OutFile>, Vec<Problem>> {
        let jobs: Vec<(usize, usize)> = self
            .langs
            .iter()
            .enumerate()
            .flat_map(|(l, site)| (0..site.map.entries.len()).map(move |e| (l, e)))
            .collect();
        let results: Vec<Result<OutFile, Problem>> = jobs
            .par_iter()
            .map(|&(l, e)| self.entry_page(&self.langs[l], e))
            .chain(self.langs.par_iter().map(|site| self.print_page(site)))
            .chain(self.langs.par_iter().map(|site| self.not_found_page(site)))
            .chain(
                self.langs
                    .par_iter()
                    .map(|site| Ok(self.search_index(site))),
            )
            .chain(
                self.langs
                    .par_iter()
                    .filter_map(|site| site.sidebar.script(site.lang).map(Ok)),
            )
            .collect();
        let mut files = Vec::with_capacity(results.len() + 16);
        let mut problems = Vec::new();
        for r in results {
            match r {
                Ok(f) => files.push(f),
                Err(p) => problems.push(p),
            }
        }
        match self.welcome_pages() {
            Ok(pages) => files.extend(pages),
            Err(p) => problems.push(p),
        }
        for (path, resource) in resources.under("theme/") {
            if !path.ends_with(".hbs") {
                files.push((path.to_string(), resource.bytes.to_vec()));
            }
        }
        // After the theme's files, so the generated ones take their names.
        for (path, bytes) in brand::files(&self.pack.config.brand) {
            files.retain(|(p, _)| *p != path);
            files.push((path, bytes));
        }
        if problems.is_empty() {
            Ok(files)
        } else {
            // A broken template fails every page that uses it: say so once.
            let mut seen = std::collections::HashSet::new();
            problems.retain(|p| seen.insert((p.code, p.at.clone(), p.args.clone())));
            Err(problems)
        }
    }

    fn md(
        &self,
        site: &LangSite<'_>,
        text: &str,
        depth: Depth,
        print: bool,
        prefix: &str,
    ) -> String {
        let links = if print {
            Links::Anchors
        } else {
            Links::Pages { root: depth.root }
        };
        markdown::render(
            text,
            &markdown::Context {
                lang: site.lang,
                links,
                id_prefix: prefix,
                heading_shift: u8::from(print),
                anchor_label: &site.anchor_label,
            },
        )
    }

    /// A link to an item, as a page link or, on the print page, an anchor.
    fn href(kind: Kind, id: &str, depth: Depth, print: bool) -> String {
        if print {
            format!("#{}", markdown::print_anchor(kind, id))
        } else {
            format!(
                "{}{}",
                depth.lang_root,
                markdown::item_path(Lang::Cy, kind, id).trim_start_matches("cy/")
            )
        }
    }

    fn entry_page(&self, site: &LangSite<'_>, index: usize) -> Result<OutFile, Problem> {
        let entry = &site.map.entries[index];
        let depth = Depth::of(&entry.path);
        let (template, data) = pages::content(self, site, entry, depth, false)?;
        let content = self.templates.render_value(template, data)?;
        let prev = index.checked_sub(1).map(|i| &site.map.entries[i]);
        let next = site.map.entries.get(index + 1);
        let html = self.layout(site, entry, Some(index), depth, content, prev, next)?;
        Ok((format!("{}/{}", site.lang, entry.path), html.into_bytes()))
    }

    fn print_page(&self, site: &LangSite<'_>) -> Result<OutFile, Problem> {
        let depth = Depth::of("print.html");
        let mut parts = Vec::new();
        for entry in site.map.entries.iter().skip(1) {
            let (template, data) = pages::content(self, site, entry, depth, true)?;
            parts.push(self.templates.render_value(template, data)?);
        }
        let data = json!({"lang": site.lang, "parts": parts});
        let content = self.templates.render_value("templates/print.hbs", data)?;
        let entry = Entry {
            kind: None,
            id: "print".into(),
            path: "print.html".into(),
            title: self.strings.t(site.lang, "print-title")?,
            label: None,
        };
        let html = self.layout(site, &entry, None, depth, content, None, None)?;
        Ok((format!("{}/print.html", site.lang), html.into_bytes()))
    }

    fn not_found_page(&self, site: &LangSite<'_>) -> Result<OutFile, Problem> {
        let depth = Depth::of("404.html");
        let data = json!({"lang": site.lang, "home": "index.html"});
        let content = self.templates.render("templates/not-found.hbs", &data)?;
        let entry = Entry {
            kind: None,
            id: "404".into(),
            path: "404.html".into(),
            title: self.strings.t(site.lang, "not-found-title")?,
            label: None,
        };
        let html = self.layout(site, &entry, None, depth, content, None, None)?;
        Ok((format!("{}/404.html", site.lang), html.into_bytes()))
    }

    /// The search index of each language (`LANG/search-index.js`), as
    /// [`Site::render`] makes them among the other files; on their own so
    /// that a benchmark can time them.
    pub fn search_indexes(&self) -> Vec<OutFile> {
        self.langs
            .iter()
            .map(|site| self.search_index(site))
            .collect()
    }

    fn search_index(&self, site: &LangSite<'_>) -> OutFile {
        // The pages' plain texts in parallel: the index itself is made in one.
        let docs: Vec<search::Document> = site
            .map
            .entries
            .par_iter()
            .map(|entry| search::Document {
                title: entry.title.clone(),
                path: entry.path.clone(),
                kind: entry.label.clone().unwrap_or_default(),
                text: pages::search_text(self.pack, &self.lookup, site.lang, entry),
            })
            .collect();
        (
            format!("{}/search-index.js", site.lang),
            search::index_js(site.lang, &docs).into_bytes(),
        )
    }

    /// The bilingual welcome page at the root, and the root 404 page.
    fn welcome_pages(&self) -> Result<Vec<OutFile>, Problem> {
        let config = &self.pack.config.site;
        let mut files = Vec::new();
        for not_found in [false, true] {
            let base = if not_found {
                config.base_url.as_str()
            } else {
                ""
            };
            let languages: Vec<Value> = config
                .languages
                .iter()
                .map(|&lang| {
                    Ok(json!({
                        "lang": lang,
                        "name": lang.endonym(),
                        "title": config.title.get(lang),
                        "description": config.description.get(lang),
                        "organisation": config.organisation.get(lang),
                        "brand": brand::data(&self.pack.config.brand, lang),
                        "href": format!("{base}{lang}/index.html"),
                        "first": lang == config.languages[0],
                    }))
                })
                .collect::<Result<_, Problem>>()?;
            let data = json!({
                "lang": config.languages[0],
                "languages": languages,
                "theme": format!("{base}theme/"),
                "not_found": not_found,
                "brand": brand::data(&self.pack.config.brand, config.languages[0]),
                "alternates": self.alternates(""),
            });
            let html = self.templates.render("templates/welcome.hbs", &data)?;
            let name = if not_found { "404.html" } else { "index.html" };
            files.push((name.to_string(), html.into_bytes()));
        }
        Ok(files)
    }

    /// `<link rel="alternate" hreflang>` targets, absolute from `base_url`.
    fn alternates(&self, path: &str) -> Vec<Value> {
        let base = &self.pack.config.site.base_url;
        let mut links: Vec<Value> = if path.is_empty() {
            Vec::new()
        } else {
            self.pack
                .config
                .site
                .languages
                .iter()
                .map(|l| json!({"hreflang": l, "href": format!("{base}{l}/{path}")}))
                .collect()
        };
        links.push(json!({"hreflang": "x-default", "href": format!("{base}index.html")}));
        links
    }

    /// The whole page around `content`; `index` is the page's entry in the
    /// site map, if it has one.
    #[allow(clippy::too_many_arguments)]
    fn layout(
        &self,
        site: &LangSite<'_>,
        entry: &Entry,
        index: Option<usize>,
        depth: Depth,
        content: String,
        prev: Option<&Entry>,
        next: Option<&Entry>,
    ) -> Result<String, Problem> {
        let lang = site.lang;
        let config = &self.pack.config.site;
        let path = entry.path.as_str();
        let link = |e: &Entry| json!({"href": format!("{}{}", depth.lang_root, e.path), "title": e.title, "label": e.label});
        let switcher: Vec<Value> = config
            .languages
            .iter()
            .map(|&l| {
                json!({
                    "lang": l,
                    "name": l.endonym(),
                    "current": l == lang,
                    "href": format!("{}{l}/{path}", depth.root),
                })
            })
            .collect();
        let sidebar = site
            .sidebar
            .page(&self.templates, &site.map, lang, index, path, depth)?;
        // A large site's whole sidebar, which canllaw.js puts in place of the page's short one.
        let toc = site
            .sidebar
            .is_large()
            .then(|| format!("{}toc.js", depth.lang_root));
        let data = json!({
            "lang": lang,
            "title": entry.title,
            "label": entry.label,
            "site_title": config.title.get(lang),
            "description": config.description.get(lang),
            "organisation": config.organisation.get(lang),
            "brand": brand::data(&self.pack.config.brand, lang),
            "root": depth.root,
            "lang_root": depth.lang_root,
            "theme": format!("{}theme/", depth.root),
            "is_home": entry.path == "index.html",
            "alternates": self.alternates(path),
            "switcher": switcher,
            "sidebar": sidebar,
            "toc": toc,
            "path": path,
            "breadcrumbs": pages::breadcrumbs(self, site, entry, depth)?,
            "prev": prev.map(link),
            "next": next.map(link),
            "content": content,
            "search_index": format!("{}search-index.js", depth.lang_root),
        });
        self.templates.render_value("theme/index.hbs", data)
    }
}

/// Renders the site of `pack` into `dir` (a staging folder), without sizes
/// beside the PDF downloads: [`build_with_pdf_sizes`] once the PDFs are
/// written.
///
/// # Errors
/// Every problem met.
pub fn build(
    pack: &Pack,
    resources: &Resources,
    strings: Arc<Strings>,
    dir: &Path,
) -> Result<Stats, Vec<Problem>> {
    build_with_pdf_sizes(pack, resources, strings, &PdfSizes::new(), dir)
}

/// Renders the site of `pack` into `dir` (a staging folder), showing the
/// sizes in `pdf_sizes` (see [`pdf_sizes`]) beside the forms' PDF downloads.
///
/// # Errors
/// Every problem met.
pub fn build_with_pdf_sizes(
    pack: &Pack,
    resources: &Resources,
    strings: Arc<Strings>,
    pdf_sizes: &PdfSizes,
    dir: &Path,
) -> Result<Stats, Vec<Problem>> {
    let site = Site::new(pack, resources, strings, pdf_sizes)?;
    let files = site.render(resources)?;
    let pages = files.iter().filter(|(p, _)| p.ends_with(".html")).count();
    let stats = Stats {
        pages,
        files: files.len() - pages,
    };
    let written: Vec<Result<(), Problem>> = files
        .par_iter()
        .map(|(path, bytes)| output::write(dir, path, bytes))
        .collect();
    let problems: Vec<Problem> = written.into_iter().filter_map(Result::err).collect();
    if problems.is_empty() {
        Ok(stats)
    } else {
        Err(problems)
    }
}

/// The sizes of the files already written below `dir/pdf/`, keyed by their
/// output path (`pdf/FORM.cy.pdf`), for [`build_with_pdf_sizes`]: call it on
/// the staging folder after the PDFs are written and before the site is.
pub fn pdf_sizes(dir: &Path) -> PdfSizes {
    let Ok(entries) = std::fs::read_dir(dir.join("pdf")) else {
        return PdfSizes::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let meta = e.metadata().ok().filter(std::fs::Metadata::is_file)?;
            let name = e.file_name().into_string().ok()?;
            Some((format!("pdf/{name}"), meta.len()))
        })
        .collect()
}

/// Items by id, for the pages that list other items.
pub(crate) fn by_id<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<&str, &T> {
    items.iter().map(|item| (id(item), item)).collect()
}
