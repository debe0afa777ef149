//! Links, checked where readers meet them: in a build of the site made into
//! a temporary folder.
//!
//! - every `href` and `src` leads to a file of the build, and every
//!   `#fragment` to an id on its page;
//! - every page of a language has a language switcher link (`<a hreflang>`)
//!   to its counterpart in the other language, which links back;
//! - the hreflang alternates (`<link rel="alternate">`) of counterparts name
//!   each other;
//! - every page of a language can be reached by links from its home page.
//!
//! A problem found in the output is placed where it was written: at the
//! Markdown link in the content, or at the attribute of the template that
//! wrote it, or — for a page as a whole — at the content file of the item.
//!
//! Links to other sites written in the content are listed ([`external`]), not
//! fetched (a check must not depend on the network), and flagged unless https.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::Path;
use std::sync::Arc;

use walkdir::WalkDir;

use super::html::{self, Tag};
use super::markdown::links as md_links;
use super::place::Sources;
use crate::build;
use crate::lang::{Lang, Loc, Text};
use crate::markdown::cross_reference;
use crate::model::{Kind, Pack};
use crate::problem::{Code, Problem};
use crate::resources::Resources;
use crate::validate::is_markdown;

/// A link to another site written in the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalLink {
    /// The address as written.
    pub url: String,
    /// The text's key and language, e.g. `body.cy`.
    pub field: String,
    /// Where it was written.
    pub at: Loc,
}

/// True if `url` names a scheme (`https:`, `mailto:`…) or another host (`//`).
fn has_scheme(url: &str) -> bool {
    if url.starts_with("//") {
        return true;
    }
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Every link to another site written in the content's Markdown.
pub(super) fn external(texts: &[Text], sources: &mut Sources) -> Vec<ExternalLink> {
    let mut found = Vec::new();
    for text in texts.iter().filter(|t| is_markdown(&t.key)) {
        for lang in Lang::ALL {
            for link in md_links(text.get(lang)) {
                let lower = link.url.to_ascii_lowercase();
                let elsewhere = has_scheme(&link.url)
                    && cross_reference(&link.url).is_none()
                    && !lower.starts_with("mailto:")
                    && !lower.starts_with("tel:");
                if elsewhere {
                    found.push(ExternalLink {
                        url: link.url.clone(),
                        field: format!("{}.{lang}", text.key),
                        at: sources.place(text.at(lang), link.line, link.col),
                    });
                }
            }
        }
    }
    found
}

/// Flags links to other sites that are not https.
pub(super) fn check_content(texts: &[Text], sources: &mut Sources, problems: &mut Vec<Problem>) {
    for link in external(texts, sources) {
        if !link.url.to_ascii_lowercase().starts_with("https:") {
            problems.push(
                Problem::warning(Code::InsecureLink, link.at)
                    .arg("field", link.field)
                    .arg("url", link.url),
            );
        }
    }
}

/// One HTML page of the build.
struct Page {
    tags: Vec<Tag>,
    ids: HashSet<String>,
}

/// The build, read back.
struct Built {
    files: HashSet<String>,
    pages: BTreeMap<String, Page>,
}

impl Built {
    fn read(dir: &Path) -> Built {
        let mut files = HashSet::new();
        let mut pages = BTreeMap::new();
        for entry in WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(relative) = entry.path().strip_prefix(dir) else {
                continue;
            };
            let path = relative.to_string_lossy().replace('\\', "/");
            if path.ends_with(".html")
                && let Ok(text) = std::fs::read_to_string(entry.path())
            {
                let tags = html::tags(&text);
                let ids = tags
                    .iter()
                    .filter_map(|t| {
                        t.attr("id")
                            .or_else(|| (t.name == "a").then(|| t.attr("name")).flatten())
                    })
                    .map(str::to_string)
                    .collect();
                pages.insert(path.clone(), Page { tags, ids });
            }
            files.insert(path);
        }
        Built { files, pages }
    }

    fn is_dir(&self, path: &str) -> bool {
        let prefix = format!("{path}/");
        path.is_empty() || self.files.iter().any(|f| f.starts_with(&prefix))
    }
}

/// Where a link leads.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Another site, or a scheme that is not a page.
    Elsewhere,
    /// Not a link (`href=""`, `href="#"`).
    Nothing,
    /// Outside the site: above its root, or an absolute path not under `base_url`.
    Outside,
    /// A file of the build, and the fragment if any.
    File(String, Option<String>),
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| {
            char::from(b)
                .to_digit(16)
                .and_then(|d| u8::try_from(d).ok())
        };
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push(high * 16 + low);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How the site's `base_url` appears in links: the full form (if an
/// absolute URL) and the path.
struct Base {
    full: Option<String>,
    path: String,
}

impl Base {
    fn new(base_url: &str) -> Base {
        if base_url.starts_with('/') {
            return Base {
                full: None,
                path: base_url.to_string(),
            };
        }
        let after_scheme = base_url.find("://").map_or(0, |i| i + 3);
        let path = base_url[after_scheme..]
            .find('/')
            .map_or("/".to_string(), |i| {
                base_url[after_scheme + i..].to_string()
            });
        Base {
            full: Some(base_url.to_string()),
            path,
        }
    }
}

fn resolve(built: &Built, base: &Base, page: &str, href: &str) -> Target {
    let href = href.trim();
    if href.is_empty() || href == "#" {
        return Target::Nothing;
    }
    let href = match &base.full {
        Some(full) if href.starts_with(full.as_str()) => {
            format!("{}{}", base.path, &href[full.len()..])
        }
        _ => href.to_string(),
    };
    if has_scheme(&href) {
        return Target::Elsewhere;
    }
    let (rest, fragment) = match href.split_once('#') {
        Some((r, f)) => (r, Some(percent_decode(f))),
        None => (href.as_str(), None),
    };
    let path = rest.split('?').next().unwrap_or_default();
    let mut segments: Vec<String> = Vec::new();
    let relative = if let Some(absolute) = path.strip_prefix('/') {
        let Some(under) = format!("/{absolute}")
            .strip_prefix(base.path.as_str())
            .map(str::to_string)
        else {
            return Target::Outside;
        };
        under
    } else {
        if path.is_empty() {
            return Target::File(page.to_string(), fragment);
        }
        segments.extend(page.split('/').map(str::to_string));
        segments.pop();
        path.to_string()
    };
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if segments.pop().is_none() {
                    return Target::Outside;
                }
            }
            other => segments.push(percent_decode(other)),
        }
    }
    let mut joined = segments.join("/");
    if relative.ends_with('/')
        || relative.is_empty()
        || (!built.files.contains(&joined) && built.is_dir(&joined))
    {
        joined = if joined.is_empty() {
            "index.html".into()
        } else {
            format!("{joined}/index.html")
        };
    }
    Target::File(joined, fragment)
}

/// The language folder a page is in, if any.
fn page_lang(page: &str) -> Option<Lang> {
    page.split_once('/').and_then(|(l, _)| Lang::from_code(l))
}

/// The same page in the other language.
fn counterpart(page: &str, lang: Lang) -> Option<String> {
    page.split_once('/')
        .map(|(_, rest)| format!("{lang}/{rest}"))
}

/// What wrote the part of a page a finding is about.
#[derive(Debug, PartialEq, Eq)]
enum Source {
    /// The link with this address on the page.
    Link(String),
    /// The line of the page layout that holds this text.
    Layout(&'static str),
    /// The page as a whole.
    Page,
}

/// A problem found in the output, before it is placed and grouped.
#[derive(Debug)]
struct Finding {
    code: Code,
    source: Source,
    page: String,
    args: Vec<(&'static str, String)>,
}

/// An `href` or `src` attribute of a template: its place and the literal
/// parts around its `{{…}}` expressions, to recognise what it wrote.
struct TemplateAttr {
    at: Loc,
    pieces: Vec<String>,
    open_start: bool,
    open_end: bool,
}

impl TemplateAttr {
    /// How well this attribute explains `url`: the literal characters it
    /// accounts for, or `None` if it cannot have written it.
    fn explains(&self, url: &str) -> Option<usize> {
        let literal: usize = self.pieces.iter().map(String::len).sum();
        if literal == 0 {
            return None;
        }
        let mut rest = url;
        for (i, piece) in self.pieces.iter().enumerate() {
            let first = i == 0;
            let last = i + 1 == self.pieces.len();
            if first && !self.open_start {
                rest = rest.strip_prefix(piece.as_str())?;
                if last && !self.open_end && !rest.is_empty() {
                    return None;
                }
                continue;
            }
            if last && !self.open_end {
                return rest.ends_with(piece.as_str()).then_some(literal);
            }
            let found = rest.find(piece.as_str())?;
            rest = &rest[found + piece.len()..];
        }
        Some(literal)
    }
}

fn template_attrs(resources: &Resources) -> Vec<TemplateAttr> {
    let mut found = Vec::new();
    for prefix in ["templates/", "theme/"] {
        for (path, resource) in resources.under(prefix) {
            if !path.ends_with(".hbs") {
                continue;
            }
            let text = String::from_utf8_lossy(&resource.bytes);
            let file: Arc<Path> = Arc::from(Path::new(path));
            for (n, line) in text.lines().enumerate() {
                for attr in [" href=\"", " src=\""] {
                    let mut from = 0;
                    while let Some(i) = line[from..].find(attr) {
                        let start = from + i + attr.len();
                        let value = attribute_value(&line[start..]);
                        found.push(TemplateAttr {
                            at: Loc {
                                file: file.clone(),
                                line: u32::try_from(n + 1).unwrap_or(u32::MAX),
                                col: u32::try_from(line[..from + i + 1].chars().count() + 1)
                                    .unwrap_or(u32::MAX),
                                block: false,
                            },
                            pieces: split_expressions(value),
                            open_start: value.starts_with("{{"),
                            open_end: value.ends_with("}}"),
                        });
                        from = start;
                    }
                }
            }
        }
    }
    found
}

/// The attribute value at the start of `s`, up to its closing quote; quotes
/// inside `{{…}}` do not close it.
fn attribute_value(s: &str) -> &str {
    let mut depth = 0usize;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if s[i..].starts_with("{{") {
            depth += 1;
            i += 2;
        } else if s[i..].starts_with("}}") && depth > 0 {
            depth -= 1;
            i += 2;
        } else if bytes[i] == b'"' && depth == 0 {
            return &s[..i];
        } else {
            i += 1;
        }
    }
    s
}

fn split_expressions(value: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = value;
    while let Some(open) = rest.find("{{") {
        if open > 0 {
            pieces.push(rest[..open].to_string());
        }
        rest = rest[open..]
            .find("}}")
            .map_or("", |close| &rest[open + close + 2..]);
    }
    if !rest.is_empty() {
        pieces.push(rest.to_string());
    }
    pieces
}

/// The content file of the item a page shows, if it shows one.
fn source_of(pack: &Pack, page: &str) -> Option<Arc<Path>> {
    let (_, rest) = page.split_once('/')?;
    if rest == "glossary.html" {
        return Some(Arc::from(Path::new("content/glossary.yaml")));
    }
    let (folder, file) = rest.split_once('/')?;
    let id = file.strip_suffix(".html")?;
    let kind = Kind::ALL.into_iter().find(|k| k.folder() == folder)?;
    let source = match kind {
        Kind::Principle => pack
            .principles
            .iter()
            .find(|x| x.id == id)
            .map(|x| &x.source),
        Kind::Example => pack.examples.iter().find(|x| x.id == id).map(|x| &x.source),
        Kind::Exercise => pack
            .exercises
            .iter()
            .find(|x| x.id == id)
            .map(|x| &x.source),
        Kind::Form => pack.forms.iter().find(|x| x.id == id).map(|x| &x.source),
        Kind::Page => pack.pages.iter().find(|x| x.id == id).map(|x| &x.source),
        Kind::Glossary => None,
    };
    source.map(|s| s.file.clone())
}

/// Where a content link was written: the text's file, and the link's place.
type Written = (Arc<Path>, Loc);

/// Places problems found in the output at what wrote them.
struct Placer<'a> {
    pack: &'a Pack,
    attrs: Vec<TemplateAttr>,
    resources: &'a Resources,
    /// Content links by (language, url): where each was written.
    content: HashMap<(Lang, String), Vec<Written>>,
}

impl<'a> Placer<'a> {
    fn new(site: &Site<'a>, sources: &mut Sources) -> Placer<'a> {
        let mut content: HashMap<(Lang, String), Vec<Written>> = HashMap::new();
        for text in site.texts.iter().filter(|t| is_markdown(&t.key)) {
            for lang in Lang::ALL {
                for link in md_links(text.get(lang)) {
                    let at = sources.place(text.at(lang), link.line, link.col);
                    content
                        .entry((lang, link.url))
                        .or_default()
                        .push((text.at(lang).file.clone(), at));
                }
            }
        }
        Placer {
            pack: site.pack,
            attrs: template_attrs(site.resources),
            resources: site.resources,
            content,
        }
    }

    /// Where the link `url` on `page` was written.
    fn link(&self, page: &str, url: &str) -> Loc {
        let page_source = source_of(self.pack, page);
        if let Some(lang) = page_lang(page)
            && let Some(places) = self.content.get(&(lang, url.to_string()))
        {
            let own = places
                .iter()
                .find(|(file, _)| Some(file) == page_source.as_ref());
            if let Some((_, at)) = own.or_else(|| places.first()) {
                return at.clone();
            }
        }
        let best = self
            .attrs
            .iter()
            .filter_map(|a| a.explains(url).map(|score| (score, a)))
            .max_by_key(|(score, a)| {
                let from_project = self
                    .resources
                    .get(&a.at.file.to_string_lossy())
                    .is_some_and(|r| r.from_project);
                (*score, from_project)
            });
        if let Some((_, attr)) = best {
            return attr.at.clone();
        }
        self.page(page)
    }

    /// Where a page as a whole comes from: its item's content file.
    fn page(&self, page: &str) -> Loc {
        Loc::file(source_of(self.pack, page).unwrap_or_else(|| Arc::from(Path::new(page))))
    }

    /// The line of the page layout that holds `needle`.
    fn layout(&self, needle: &str) -> Loc {
        let path = "theme/index.hbs";
        let file: Arc<Path> = Arc::from(Path::new(path));
        let found = self.resources.text(path).and_then(|text| {
            text.lines().enumerate().find_map(|(n, line)| {
                line.find(needle).map(|i| Loc {
                    file: file.clone(),
                    line: u32::try_from(n + 1).unwrap_or(u32::MAX),
                    col: u32::try_from(line[..i].chars().count() + 1).unwrap_or(u32::MAX),
                    block: false,
                })
            })
        });
        found.unwrap_or_else(|| Loc::file(file))
    }
}

/// What the link check reads besides the build.
pub(super) struct Site<'a> {
    /// The pack.
    pub(super) pack: &'a Pack,
    /// Its texts, as [`super::texts`] names them.
    pub(super) texts: &'a [Text],
    /// The templates and theme the build used.
    pub(super) resources: &'a Resources,
}

/// Builds the site into a temporary folder and checks its links. Problems
/// of the build itself are reported if `keep` keeps them.
pub(super) fn check_build(
    root: &Path,
    site: &Site<'_>,
    sources: &mut Sources,
    problems: &mut Vec<Problem>,
    keep: impl Fn(&Problem) -> bool,
) {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let out = dir.path().join("site");
    if let Err(found) = build::build(root, &out) {
        problems.extend(found.into_iter().filter(|p| keep(p)));
        return;
    }
    let built = Built::read(&out);
    let base = Base::new(&site.pack.config.site.base_url);
    let languages = site.pack.config.site.languages;
    let mut findings = Vec::new();
    for (path, page) in &built.pages {
        targets(&built, &base, path, page, &mut findings);
        switcher(&built, &base, &languages, path, page, &mut findings);
        alternates(&built, &base, path, page, &mut findings);
    }
    orphans(&built, &base, &languages, &mut findings);
    let placer = Placer::new(site, sources);
    let placed = findings.into_iter().map(|f| {
        let at = match &f.source {
            Source::Link(url) => placer.link(&f.page, url),
            Source::Layout(needle) => placer.layout(needle),
            Source::Page => placer.page(&f.page),
        };
        (at, f)
    });
    problems.extend(group(placed));
}

fn targets(built: &Built, base: &Base, path: &str, page: &Page, findings: &mut Vec<Finding>) {
    for tag in &page.tags {
        for attr in ["href", "src"] {
            let Some(url) = tag.attr(attr) else { continue };
            match resolve(built, base, path, url) {
                Target::Elsewhere | Target::Nothing => {}
                Target::Outside => findings.push(Finding {
                    code: Code::BrokenLink,
                    source: Source::Link(url.to_string()),
                    page: path.to_string(),
                    args: vec![("url", url.to_string())],
                }),
                Target::File(file, fragment) => {
                    if !built.files.contains(&file) {
                        findings.push(Finding {
                            code: Code::BrokenLink,
                            source: Source::Link(url.to_string()),
                            page: path.to_string(),
                            args: vec![("url", url.to_string())],
                        });
                    } else if let (Some(fragment), Some(target)) =
                        (fragment, built.pages.get(&file))
                        && !fragment.is_empty()
                        && fragment != "top"
                        && !target.ids.contains(&fragment)
                    {
                        findings.push(Finding {
                            code: Code::BrokenFragment,
                            source: Source::Link(url.to_string()),
                            page: path.to_string(),
                            args: vec![("url", url.to_string()), ("fragment", fragment)],
                        });
                    }
                }
            }
        }
    }
}

/// The pages a page's language switcher leads to, by language.
fn switcher_links(
    built: &Built,
    base: &Base,
    path: &str,
    page: &Page,
) -> Vec<(Lang, Option<String>, String)> {
    page.tags
        .iter()
        .filter(|t| t.name == "a")
        .filter_map(|t| {
            let lang = Lang::from_code(t.attr("hreflang")?)?;
            let href = t.attr("href")?;
            let target = match resolve(built, base, path, href) {
                Target::File(file, _) => Some(file),
                _ => None,
            };
            Some((lang, target, href.to_string()))
        })
        .collect()
}

fn switcher(
    built: &Built,
    base: &Base,
    languages: &[Lang],
    path: &str,
    page: &Page,
    findings: &mut Vec<Finding>,
) {
    let Some(lang) = page_lang(path) else { return };
    let links = switcher_links(built, base, path, page);
    for &other in languages.iter().filter(|l| **l != lang) {
        let Some(expected) = counterpart(path, other) else {
            continue;
        };
        let to_other: Vec<_> = links.iter().filter(|(l, _, _)| *l == other).collect();
        let Some((_, target, href)) = to_other.first() else {
            findings.push(Finding {
                code: Code::SwitcherMissing,
                source: Source::Layout("switcher"),
                page: path.to_string(),
                args: vec![("lang", other.code().to_string())],
            });
            continue;
        };
        if target.as_deref() != Some(expected.as_str()) {
            findings.push(Finding {
                code: Code::SwitcherMismatch,
                source: Source::Layout("switcher"),
                page: path.to_string(),
                args: vec![("url", href.clone()), ("expected", expected)],
            });
            continue;
        }
        let back = built.pages.get(&expected).is_some_and(|target_page| {
            switcher_links(built, base, &expected, target_page)
                .iter()
                .any(|(l, t, _)| *l == lang && t.as_deref() == Some(path))
        });
        if !back {
            findings.push(Finding {
                code: Code::SwitcherOneWay,
                source: Source::Layout("switcher"),
                page: path.to_string(),
                args: vec![("other", expected)],
            });
        }
    }
}

/// A page's hreflang alternates: language tag and the page it names.
fn alternate_links(
    built: &Built,
    base: &Base,
    path: &str,
    page: &Page,
) -> Vec<(String, Option<String>)> {
    page.tags
        .iter()
        .filter(|t| {
            t.name == "link"
                && t.attr("rel")
                    .is_some_and(|r| r.split_whitespace().any(|r| r == "alternate"))
        })
        .filter_map(|t| {
            let lang = t.attr("hreflang")?.to_string();
            let target = match resolve(built, base, path, t.attr("href")?) {
                Target::File(file, _) => Some(file),
                _ => None,
            };
            Some((lang, target))
        })
        .collect()
}

fn alternates(built: &Built, base: &Base, path: &str, page: &Page, findings: &mut Vec<Finding>) {
    for (lang, target) in alternate_links(built, base, path, page) {
        if lang == "x-default" {
            continue;
        }
        let Some(target) = target.filter(|t| t != path) else {
            continue;
        };
        let Some(target_page) = built.pages.get(&target) else {
            continue;
        };
        let back = alternate_links(built, base, &target, target_page)
            .iter()
            .any(|(_, t)| t.as_deref() == Some(path));
        if !back {
            findings.push(Finding {
                code: Code::HreflangOneWay,
                source: Source::Layout("alternate"),
                page: path.to_string(),
                args: vec![("other", target), ("lang", lang)],
            });
        }
    }
}

fn orphans(built: &Built, base: &Base, languages: &[Lang], findings: &mut Vec<Finding>) {
    for &lang in languages {
        let home = format!("{lang}/index.html");
        let mut reached = HashSet::from([home.clone()]);
        let mut queue = VecDeque::from([home.clone()]);
        while let Some(path) = queue.pop_front() {
            let Some(page) = built.pages.get(&path) else {
                continue;
            };
            for tag in page.tags.iter().filter(|t| t.name == "a") {
                let Some(href) = tag.attr("href") else {
                    continue;
                };
                if let Target::File(file, _) = resolve(built, base, &path, href)
                    && built.pages.contains_key(&file)
                    && reached.insert(file.clone())
                {
                    queue.push_back(file);
                }
            }
        }
        let prefix = format!("{lang}/");
        for path in built.pages.keys().filter(|p| p.starts_with(&prefix)) {
            if !reached.contains(path) && path != &format!("{lang}/404.html") {
                findings.push(Finding {
                    code: Code::OrphanPage,
                    source: Source::Page,
                    page: path.clone(),
                    args: vec![("home", home.clone())],
                });
            }
        }
    }
}

/// File, line, column and code: what makes findings one problem.
type GroupKey = (String, u32, u32, &'static str);

/// One problem per place and kind: a fault in a template shows on every
/// page it writes, and is reported once, naming the first page and counting
/// the others.
fn group(findings: impl Iterator<Item = (Loc, Finding)>) -> Vec<Problem> {
    let mut groups: BTreeMap<GroupKey, Vec<(Loc, Finding)>> = BTreeMap::new();
    for (at, f) in findings {
        let key = (
            at.file.to_string_lossy().into_owned(),
            at.line,
            at.col,
            f.code.id(),
        );
        groups.entry(key).or_default().push((at, f));
    }
    groups
        .into_values()
        .filter_map(|mut group| {
            group.sort_by(|a, b| a.1.page.cmp(&b.1.page));
            let pages: HashSet<&str> = group.iter().map(|(_, f)| f.page.as_str()).collect();
            let others = pages.len() - 1;
            let (at, first) = group.into_iter().next()?;
            let mut problem = Problem::error(first.code, at).arg("page", &first.page);
            for (name, value) in first.args {
                problem = problem.arg(name, value);
            }
            Some(problem.arg("others", others))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(files: &[&str]) -> Built {
        Built {
            files: files.iter().map(|f| (*f).to_string()).collect(),
            pages: BTreeMap::new(),
        }
    }

    #[test]
    fn links_resolve_relative_absolute_and_by_base_url() {
        let b = built(&[
            "cy/index.html",
            "cy/principles/a.html",
            "theme/x.css",
            "index.html",
        ]);
        let base = Base::new("/guide/");
        let page = "cy/principles/a.html";
        assert_eq!(
            resolve(&b, &base, page, "../index.html#top"),
            Target::File("cy/index.html".into(), Some("top".into()))
        );
        assert_eq!(
            resolve(&b, &base, page, "../../theme/x.css"),
            Target::File("theme/x.css".into(), None)
        );
        assert_eq!(
            resolve(&b, &base, page, "/guide/cy/index.html"),
            Target::File("cy/index.html".into(), None)
        );
        assert_eq!(
            resolve(&b, &base, page, "/elsewhere/x.html"),
            Target::Outside
        );
        assert_eq!(resolve(&b, &base, page, "../../../x.html"), Target::Outside);
        assert_eq!(
            resolve(&b, &base, page, "https://llyw.cymru"),
            Target::Elsewhere
        );
        assert_eq!(
            resolve(&b, &base, page, "#beth%20sy"),
            Target::File(page.into(), Some("beth sy".into()))
        );
        assert_eq!(
            resolve(&b, &base, page, "../"),
            Target::File("cy/index.html".into(), None)
        );
        let full = Base::new("https://example.org/guide/");
        assert_eq!(
            resolve(&b, &full, page, "https://example.org/guide/index.html"),
            Target::File("index.html".into(), None)
        );
    }

    fn site(pages: &[(&str, &str)]) -> Built {
        Built {
            files: pages.iter().map(|(p, _)| (*p).to_string()).collect(),
            pages: pages
                .iter()
                .map(|(p, html)| {
                    let tags = html::tags(html);
                    (
                        (*p).to_string(),
                        Page {
                            tags,
                            ids: HashSet::new(),
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn switchers_must_lead_to_the_counterpart_and_back_and_no_page_is_an_orphan() {
        let built = site(&[
            (
                "cy/index.html",
                r#"<a href="a.html">a</a><a href="../en/index.html" hreflang="en">English</a>"#,
            ),
            (
                "cy/a.html",
                r#"<a href="../en/a.html" hreflang="en">English</a>"#,
            ),
            (
                "cy/lost.html",
                r#"<a href="../en/lost.html" hreflang="en">English</a>"#,
            ),
            (
                "en/index.html",
                r#"<a href="a.html">a</a><a href="../cy/index.html" hreflang="cy">Cymraeg</a>"#,
            ),
            (
                "en/a.html",
                r#"<a href="../cy/index.html" hreflang="cy">Cymraeg</a>"#,
            ),
            ("en/lost.html", "<p>no switcher</p>"),
        ]);
        let base = Base::new("/");
        let mut findings = Vec::new();
        for (path, page) in &built.pages {
            switcher(&built, &base, &Lang::ALL, path, page, &mut findings);
        }
        orphans(&built, &base, &Lang::ALL, &mut findings);
        let found: Vec<(Code, &str)> = findings.iter().map(|f| (f.code, f.page.as_str())).collect();
        assert_eq!(
            found,
            [
                (Code::SwitcherOneWay, "cy/a.html"),
                (Code::SwitcherOneWay, "cy/lost.html"),
                (Code::SwitcherMismatch, "en/a.html"),
                (Code::SwitcherMissing, "en/lost.html"),
                (Code::OrphanPage, "cy/lost.html"),
                (Code::OrphanPage, "en/lost.html"),
            ]
        );
    }

    #[test]
    fn hreflang_alternates_must_name_each_other() {
        let built = site(&[
            (
                "cy/a.html",
                r#"<link rel="alternate" hreflang="en" href="/guide/en/a.html"><link rel="alternate" hreflang="x-default" href="/guide/index.html">"#,
            ),
            (
                "en/a.html",
                r#"<link rel="alternate" hreflang="en" href="/guide/en/a.html">"#,
            ),
            ("index.html", ""),
        ]);
        let base = Base::new("/guide/");
        let mut findings = Vec::new();
        for (path, page) in &built.pages {
            alternates(&built, &base, path, page, &mut findings);
        }
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(
            (findings[0].code, findings[0].page.as_str()),
            (Code::HreflangOneWay, "cy/a.html")
        );
    }

    #[test]
    fn template_attributes_explain_the_links_they_wrote() {
        let attr = |value: &str| TemplateAttr {
            at: Loc::file(Arc::from(Path::new("t.hbs"))),
            pieces: split_expressions(value),
            open_start: value.starts_with("{{"),
            open_end: value.ends_with("}}"),
        };
        assert_eq!(
            attr("{{root}}nowhere.html").explains("../../nowhere.html"),
            Some(12)
        );
        assert_eq!(attr("{{href}}").explains("x.html"), None);
        assert_eq!(attr("#cl-main").explains("#cl-main"), Some(8));
        assert_eq!(attr("#cl-main").explains("#cl-mainx"), None);
        assert_eq!(attribute_value(r#"{{t "a"}}x" class="y""#), r#"{{t "a"}}x"#);
    }
}
