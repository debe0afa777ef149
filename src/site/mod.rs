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
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

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

/// The plain texts of the Markdown a page rendered, by where the Markdown
/// is held (its address and length): its search text needs them, and one
/// parse serves both.
type PlainTexts = std::cell::RefCell<Vec<((*const u8, usize), String)>>;

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
    templates: Arc<Templates>,
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
        let templates = Arc::new(Templates::load(resources, strings.clone())?);
        Site::with_templates(pack, templates, strings, pdf_sizes)
    }

    /// As [`Site::new`], with the templates already loaded (by
    /// [`Templates::load`], with the same strings): the preview keeps them
    /// from build to build, as parsing them takes longer than a page.
    ///
    /// # Errors
    /// Problems with the sidebar's template or interface strings.
    pub fn with_templates(
        pack: &'a Pack,
        templates: Arc<Templates>,
        strings: Arc<Strings>,
        pdf_sizes: &'a PdfSizes,
    ) -> Result<Site<'a>, Vec<Problem>> {
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
        let files = Mutex::new(Vec::new());
        self.render_to(resources, &|file| {
            files
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(file);
            Ok(())
        })?;
        Ok(files.into_inner().unwrap_or_else(PoisonError::into_inner))
    }

    /// Renders every file of the site and hands each to `sink` as soon as
    /// it is made, from whichever thread made it: a build writes each page
    /// while others are still being rendered, and never holds the whole
    /// site in memory. Returns how many pages and other files there were.
    ///
    /// # Errors
    /// Every problem met while rendering, and every one `sink` returned.
    pub fn render_to(
        &self,
        resources: &Resources,
        sink: &(dyn Fn(OutFile) -> Result<(), Problem> + Sync),
    ) -> Result<Stats, Vec<Problem>> {
        let pages = AtomicUsize::new(0);
        let others = AtomicUsize::new(0);
        let give = |file: OutFile| {
            let count = if file.0.ends_with(".html") {
                &pages
            } else {
                &others
            };
            count.fetch_add(1, Ordering::Relaxed);
            sink(file)
        };
        let jobs: Vec<(usize, usize)> = self
            .langs
            .iter()
            .enumerate()
            .flat_map(|(l, site)| (0..site.map.entries.len()).map(move |e| (l, e)))
            .collect();
        // The pages, each with its search text; beside them the print
        // pages (each as long as the rest) and the other files.
        let (made, rest): (Vec<_>, Vec<_>) = rayon::join(
            || {
                jobs.par_iter()
                    .map(|&(l, e)| {
                        let (file, doc) = self.entry_page(&self.langs[l], e)?;
                        give(file)?;
                        Ok(doc)
                    })
                    .collect()
            },
            || {
                self.langs
                    .par_iter()
                    .map(|site| self.print_page(site))
                    .chain(self.langs.par_iter().map(|site| self.not_found_page(site)))
                    .chain(self.langs.par_iter().filter_map(|site| {
                        site.sidebar.script(&self.templates, &site.map, site.lang)
                    }))
                    .map(|file| give(file?))
                    .collect()
            },
        );
        let mut problems = Vec::new();
        let mut docs: Vec<Vec<search::Document>> = self.langs.iter().map(|_| Vec::new()).collect();
        for (r, &(l, _)) in made.into_iter().zip(&jobs) {
            match r {
                Ok(doc) => docs[l].push(doc),
                Err(p) => problems.push(p),
            }
        }
        problems.extend(rest.into_iter().filter_map(Result::err));
        if problems.is_empty() {
            // Every page's text is known now: one index per language.
            let indexes: Vec<Result<(), Problem>> = self
                .langs
                .par_iter()
                .zip(&docs)
                .map(|(site, docs)| {
                    give((
                        format!("{}/search-index.js", site.lang),
                        search::index_js(site.lang, docs).into_bytes(),
                    ))
                })
                .collect();
            problems.extend(indexes.into_iter().filter_map(Result::err));
        }
        match self.welcome_pages() {
            Ok(files) => problems.extend(files.into_iter().filter_map(|f| give(f).err())),
            Err(p) => problems.push(p),
        }
        // The generated branding files take the place of the theme's own.
        let brand = brand::files(&self.pack.config.brand);
        for (path, resource) in resources.under("theme/") {
            if !path.ends_with(".hbs") && !brand.iter().any(|(p, _)| p == path) {
                problems.extend(give((path.to_string(), resource.bytes.to_vec())).err());
            }
        }
        problems.extend(brand.into_iter().filter_map(|f| give(f).err()));
        if problems.is_empty() {
            Ok(Stats {
                pages: pages.into_inner(),
                files: others.into_inner(),
            })
        } else {
            // A broken template fails every page that uses it: say so once.
            let mut seen = std::collections::HashSet::new();
            problems.retain(|p| seen.insert((p.code, p.at.clone(), p.args.clone())));
            Err(problems)
        }
    }

    /// The pages of one item, in every language: what the preview shows
    /// first after an edit to that item alone, before the rest of the site.
    ///
    /// # Errors
    /// Every problem met while rendering.
    pub fn render_item(&self, kind: Kind, id: &str) -> Result<Vec<OutFile>, Vec<Problem>> {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for site in &self.langs {
            let found = site
                .map
                .entries
                .iter()
                .position(|e| e.kind == Some(kind) && e.id == id);
            if let Some(index) = found {
                match self.entry_page(site, index) {
                    Ok((file, _)) => files.push(file),
                    Err(p) => problems.push(p),
                }
            }
        }
        if problems.is_empty() {
            Ok(files)
        } else {
            Err(problems)
        }
    }

    /// `text` rendered for the page; with `texts`, its plain text kept
    /// there for the page's search text.
    fn md(
        &self,
        site: &LangSite<'_>,
        text: &str,
        depth: Depth,
        print: bool,
        prefix: &str,
        texts: Option<&PlainTexts>,
    ) -> String {
        let links = if print {
            Links::Anchors
        } else {
            Links::Pages { root: depth.root }
        };
        let cx = markdown::Context {
            lang: site.lang,
            links,
            id_prefix: prefix,
            heading_shift: u8::from(print),
            anchor_label: &site.anchor_label,
        };
        match texts {
            Some(texts) => {
                let (html, plain) = markdown::render_with_text(text, &cx);
                texts
                    .borrow_mut()
                    .push(((text.as_ptr(), text.len()), plain));
                html
            }
            None => markdown::render(text, &cx),
        }
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

    /// The page of entry `index`, and what search knows of it.
    fn entry_page(
        &self,
        site: &LangSite<'_>,
        index: usize,
    ) -> Result<(OutFile, search::Document), Problem> {
        let entry = &site.map.entries[index];
        let depth = Depth::of(&entry.path);
        let texts = PlainTexts::default();
        let (template, data) = pages::content(self, site, entry, depth, false, Some(&texts))?;
        let content = self.templates.render_value(template, data)?;
        let prev = index.checked_sub(1).map(|i| &site.map.entries[i]);
        let next = site.map.entries.get(index + 1);
        let html = self.layout(site, entry, Some(index), depth, content, prev, next)?;
        // The Markdown was parsed once, for the page and for search.
        let texts = texts.into_inner();
        let plain = |t: &crate::lang::Text| {
            let text = t.get(site.lang);
            texts
                .iter()
                .find(|(at, _)| *at == (text.as_ptr(), text.len()))
                .map_or_else(|| markdown::plain_text(text), |(_, plain)| plain.clone())
        };
        let doc = self.document(site, entry, &plain);
        Ok((
            (format!("{}/{}", site.lang, entry.path), html.into_bytes()),
            doc,
        ))
    }

    /// What search knows of `entry`: `plain` gives a Markdown text's plain text.
    fn document(
        &self,
        site: &LangSite<'_>,
        entry: &Entry,
        plain: &dyn Fn(&crate::lang::Text) -> String,
    ) -> search::Document {
        search::Document {
            title: entry.title.clone(),
            path: entry.path.clone(),
            kind: entry.label.clone().unwrap_or_default(),
            text: pages::search_text(self.pack, &self.lookup, site.lang, entry, plain),
        }
    }

    fn print_page(&self, site: &LangSite<'_>) -> Result<OutFile, Problem> {
        let depth = Depth::of("print.html");
        // Every item again, as long as the rest of the site together: in
        // parallel, so the print page does not finish the build alone.
        let parts: Vec<String> = site.map.entries[1..]
            .par_iter()
            .map(|entry| {
                let (template, data) = pages::content(self, site, entry, depth, true, None)?;
                self.templates.render_value(template, data)
            })
            .collect::<Result<_, Problem>>()?;
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
    /// [`Site::render`] makes them; on their own (parsing the Markdown
    /// again, where the render has it from the pages) so that a benchmark
    /// can time them.
    pub fn search_indexes(&self) -> Vec<OutFile> {
        self.langs
            .iter()
            .map(|site| self.search_index(site))
            .collect()
    }

    fn search_index(&self, site: &LangSite<'_>) -> OutFile {
        // The pages' plain texts in parallel: the index itself is made in one.
        let plain = |t: &crate::lang::Text| markdown::plain_text(t.get(site.lang));
        let docs: Vec<search::Document> = site
            .map
            .entries
            .par_iter()
            .map(|entry| self.document(site, entry, &plain))
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
    site.render_to(resources, &|(path, bytes)| {
        output::write(dir, &path, &bytes)
    })
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
