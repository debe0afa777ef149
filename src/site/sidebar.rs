//! The sidebar: one language's contents, beside every page.
//!
//! A small site writes the whole sidebar into every page, rendered once per
//! folder depth; each page only marks its own entry. A large site cannot:
//! the sidebar grows with the site, so writing it into every page makes the
//! build (and the output) grow with the square of the site. Like mdBook
//! 0.5, a large site writes the whole sidebar once, into `LANG/toc.js`,
//! which `theme/canllaw.js` puts in the place of each page's own short one.
//! The short one is what a reader without JavaScript navigates by: the
//! entries around the page's own, with their section headings, which lead
//! to the home page's complete lists. The contents are cut into blocks of
//! [`BLOCK`] rows, and a page shows its own block and the neighbouring one
//! nearer to it, so a short sidebar is rendered once per pair of blocks,
//! not once per page.

use std::sync::OnceLock;

use serde_json::{Value, json};

use super::map::SiteMap;
use super::templates::Templates;
use super::{Depth, OutFile};
use crate::lang::Lang;
use crate::problem::Problem;

/// The most entries a language's sidebar may have to be written whole into
/// every page: the shipped pack has 66, so small and medium packs keep the
/// whole contents in the page.
pub const WHOLE_MAX_ENTRIES: usize = 200;

/// How many rows (section headings and entries) make a block of a large
/// site's contents: a short sidebar shows two, so at least half a block
/// before and after the page's own entry.
pub const BLOCK: usize = 16;

/// A row of the sidebar, flattened: a section's heading, or one of its
/// entries (by index into [`SiteMap::entries`]).
#[derive(Clone, Copy)]
pub(super) enum Row {
    /// The heading of section `.0` of [`SiteMap::sections`].
    Heading(usize),
    /// Entry `.1` of [`SiteMap::entries`], in section `.0`.
    Entry(usize, usize),
}

/// One language's sidebar, made once per build.
pub(super) enum Sidebar {
    /// Written whole into every page: rendered for depth 1 and 2.
    Whole([String; 2]),
    /// Too large for every page: the whole, at depth 1, for `toc.js`, and
    /// the rows from which each page's short sidebar is cut.
    Large {
        /// The whole sidebar, with links from the language folder, made
        /// when `toc.js` is (the preview's quick path renders pages only).
        whole: OnceLock<Result<String, Problem>>,
        /// Every heading and entry, in order.
        rows: Vec<Row>,
        /// The row of each entry of the site map (`usize::MAX` for none).
        row_of: Vec<usize>,
        /// The short sidebar starting at each block, at depth 1 and 2,
        /// rendered when a page first needs it.
        short: Vec<[OnceLock<Result<String, Problem>>; 2]>,
    },
}

/// The data `templates/sidebar.hbs` receives, for the sections in `parts`,
/// each with the entries given (indices into [`SiteMap::entries`]).
fn data(map: &SiteMap, lang: Lang, depth: Depth, parts: &[(usize, Vec<usize>)]) -> Value {
    let root = depth.lang_root;
    let sections: Vec<Value> = parts
        .iter()
        .map(|(s, entries)| {
            let section = &map.sections[*s];
            let entries: Vec<Value> = entries
                .iter()
                .map(|&e| {
                    let entry = &map.entries[e];
                    json!({"href": format!("{root}{}", entry.path), "path": entry.path, "title": entry.title, "label": entry.label})
                })
                .collect();
            json!({
                "title": section.title,
                "href": format!("{root}index.html#{}", section.anchor),
                "entries": entries,
            })
        })
        .collect();
    json!({
        "lang": lang,
        "home": format!("{root}index.html"),
        "glossary": format!("{root}glossary.html"),
        "print": format!("{root}print.html"),
        "sections": sections,
    })
}

/// The rows of a short sidebar grouped by section, in order: a section cut
/// at the start still shows its heading.
fn parts(rows: &[Row]) -> Vec<(usize, Vec<usize>)> {
    let mut parts: Vec<(usize, Vec<usize>)> = Vec::new();
    for row in rows {
        let (Row::Heading(s) | Row::Entry(s, _)) = *row;
        if parts.last().is_none_or(|(last, _)| *last != s) {
            parts.push((s, Vec::new()));
        }
        if let (Row::Entry(_, e), Some((_, entries))) = (*row, parts.last_mut()) {
            entries.push(e);
        }
    }
    parts
}

/// Every section with all its entries.
fn everything(map: &SiteMap) -> Vec<(usize, Vec<usize>)> {
    map.sections
        .iter()
        .enumerate()
        .map(|(s, section)| (s, section.entries.clone()))
        .collect()
}

fn render(templates: &Templates, data: Value) -> Result<String, Problem> {
    templates.render_value("templates/sidebar.hbs", data)
}

/// Marks the link to `path` as the current page.
fn mark(sidebar: &str, path: &str) -> String {
    let marker = format!("data-path=\"{path}\"");
    sidebar.replacen(&marker, &format!("{marker} aria-current=\"page\""), 1)
}

impl Sidebar {
    /// The sidebar of `map`, whole or large by its number of entries.
    ///
    /// # Errors
    /// A problem with the sidebar's template.
    pub fn new(templates: &Templates, map: &SiteMap, lang: Lang) -> Result<Sidebar, Problem> {
        let all = everything(map);
        let count: usize = map.sections.iter().map(|s| s.entries.len()).sum();
        if count <= WHOLE_MAX_ENTRIES {
            let mut whole = [String::new(), String::new()];
            for (i, depth) in [Depth::of("x"), Depth::of("x/y")].into_iter().enumerate() {
                whole[i] = render(templates, data(map, lang, depth, &all))?;
            }
            return Ok(Sidebar::Whole(whole));
        }
        let mut rows = Vec::new();
        let mut row_of = vec![usize::MAX; map.entries.len()];
        for (s, section) in map.sections.iter().enumerate() {
            rows.push(Row::Heading(s));
            for &e in &section.entries {
                row_of[e] = rows.len();
                rows.push(Row::Entry(s, e));
            }
        }
        let short = (0..rows.len().div_ceil(BLOCK))
            .map(|_| [OnceLock::new(), OnceLock::new()])
            .collect();
        Ok(Sidebar::Large {
            whole: OnceLock::new(),
            rows,
            row_of,
            short,
        })
    }

    /// Whether pages get a short sidebar and `toc.js` the whole one.
    pub fn is_large(&self) -> bool {
        matches!(self, Sidebar::Large { .. })
    }

    /// The sidebar of the page at `path` and `depth`, whose entry in the
    /// site map is `entry` (none for the print and not-found pages), with
    /// the link to the page marked.
    ///
    /// # Errors
    /// A problem with the sidebar's template.
    pub fn page(
        &self,
        templates: &Templates,
        map: &SiteMap,
        lang: Lang,
        entry: Option<usize>,
        path: &str,
        depth: Depth,
    ) -> Result<String, Problem> {
        match self {
            Sidebar::Whole(whole) => Ok(mark(&whole[depth.index()], path)),
            Sidebar::Large {
                rows,
                row_of,
                short,
                ..
            } => {
                let at = entry
                    .and_then(|e| row_of.get(e).copied())
                    .filter(|&r| r != usize::MAX)
                    .unwrap_or(0);
                // The page's block and the one nearer to its row.
                let block = at / BLOCK;
                let first = if at % BLOCK < BLOCK / 2 || block + 1 == short.len() {
                    block.saturating_sub(1)
                } else {
                    block
                };
                let sidebar = short[first][depth.index()].get_or_init(|| {
                    let end = ((first + 2) * BLOCK).min(rows.len());
                    render(
                        templates,
                        data(map, lang, depth, &parts(&rows[first * BLOCK..end])),
                    )
                });
                sidebar
                    .as_ref()
                    .map(|s| mark(s, path))
                    .map_err(Clone::clone)
            }
        }
    }

    /// `LANG/toc.js` for a large site: one statement setting
    /// `window.canllawToc` to the whole sidebar's HTML, with links from the
    /// language folder, for `theme/canllaw.js` to put in place.
    ///
    /// # Errors
    /// A problem with the sidebar's template.
    pub fn script(
        &self,
        templates: &Templates,
        map: &SiteMap,
        lang: Lang,
    ) -> Option<Result<OutFile, Problem>> {
        let Sidebar::Large { whole, .. } = self else {
            return None;
        };
        let whole = whole
            .get_or_init(|| render(templates, data(map, lang, Depth::of("x"), &everything(map))));
        Some(whole.as_ref().map_err(Clone::clone).map(|whole| {
            let json = serde_json::to_string(whole).expect("a string serialises");
            // As in the search index: `<` only stands inside the string here.
            let json = json
                .replace('<', "\\u003c")
                .replace('\u{2028}', "\\u2028")
                .replace('\u{2029}', "\\u2029");
            (
                format!("{lang}/toc.js"),
                format!(
                    "// The contents of the {lang} pages, made by canllaw; put in place by canllaw.js.\nwindow.canllawToc = {json};\n"
                )
                .into_bytes(),
            )
        }))
    }
}
