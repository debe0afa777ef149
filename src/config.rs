//! `canllaw.toml`: the site's settings.

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

use crate::brand::{self, Brand, RawBrand};
use crate::lang::{Lang, Loc, Text};
use crate::problem::{Code, Problem};

/// The settings of a project.
#[derive(Clone, Debug)]
pub struct Config {
    /// `[site]`.
    pub site: SiteConfig,
    /// `[pdf]`.
    pub pdf: PdfConfig,
    /// `[brand]`: logo, colour, footer and contact details, all optional.
    pub brand: Brand,
}

/// `[site]`.
#[derive(Clone, Debug)]
pub struct SiteConfig {
    /// The site's name.
    pub title: Text,
    /// One or two sentences about it.
    pub description: Text,
    /// Who publishes it.
    pub organisation: Text,
    /// The order of the offer: the first is offered first.
    pub languages: [Lang; 2],
    /// Where the site is served, ending in `/`.
    pub base_url: String,
}

/// Paper size of PDFs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 in.
    Letter,
}

/// `[pdf]`.
#[derive(Clone, Debug, Default)]
pub struct PdfConfig {
    /// A4 or Letter.
    pub paper: Paper,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    site: RawSite,
    #[serde(default)]
    pdf: RawPdf,
    #[serde(default)]
    brand: RawBrand,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    title: Spanned<RawText>,
    description: Spanned<RawText>,
    organisation: Spanned<RawText>,
    #[serde(default)]
    languages: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    base_url: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPdf {
    #[serde(default)]
    paper: Option<Spanned<String>>,
}

/// A bilingual text as written in TOML: `{ cy = "…", en = "…" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawText {
    cy: Spanned<String>,
    en: Spanned<String>,
}

/// Turns spans of `canllaw.toml` into places and raw texts into checked ones.
pub(crate) struct Reader<'a> {
    source: &'a str,
    file: Arc<Path>,
}

impl Reader<'_> {
    /// The place of byte `offset`.
    pub(crate) fn at(&self, offset: usize) -> Loc {
        let (line, col) = line_col(self.source, offset);
        Loc {
            file: self.file.clone(),
            line,
            col,
            block: false,
        }
    }

    /// The text `raw`, NFC-normalised, both sides required; `key` names it
    /// in messages (`site.title`).
    pub(crate) fn text(
        &self,
        raw: &Spanned<RawText>,
        key: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<Text> {
        let side = |s: &Spanned<String>, lang: &str, problems: &mut Vec<Problem>| {
            let value: String = s.get_ref().nfc().collect();
            if value.trim().is_empty() {
                problems.push(
                    Problem::error(Code::EmptyText, self.at(s.span().start))
                        .arg("field", format!("{key}.{lang}")),
                );
                None
            } else if let Some(problem) =
                crate::decode::too_long(&value, &format!("{key}.{lang}"), self.at(s.span().start))
            {
                problems.push(problem);
                None
            } else {
                Some((value, self.at(s.span().start)))
            }
        };
        let t = raw.get_ref();
        let (cy, en) = (side(&t.cy, "cy", problems), side(&t.en, "en", problems));
        let ((cy, cy_at), (en, en_at)) = (cy?, en?);
        Some(Text {
            cy,
            en,
            key: key.to_string(),
            cy_at,
            en_at,
        })
    }
}

/// The 1-based line and column of byte `offset` in `source`.
pub fn line_col(source: &str, offset: usize) -> (u32, u32) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    )
}

/// Reads `canllaw.toml` from its text; `file` is its path for messages, and
/// files it names (the logo) are read from the project in `root`.
pub fn parse(
    root: &Path,
    source: &str,
    file: Arc<Path>,
    problems: &mut Vec<Problem>,
) -> Option<Config> {
    let reader = Reader { source, file };
    let at = |offset: usize| reader.at(offset);
    let raw: RawConfig = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            problems.push(
                Problem::error(Code::TomlSyntax, at(offset)).arg("detail", e.message().trim()),
            );
            return None;
        }
    };
    let mut ok = true;
    let title = reader.text(&raw.site.title, "site.title", problems);
    let description = reader.text(&raw.site.description, "site.description", problems);
    let organisation = reader.text(&raw.site.organisation, "site.organisation", problems);

    let mut languages = [Lang::Cy, Lang::En];
    if let Some(list) = &raw.site.languages {
        let codes: Vec<Option<Lang>> = list.get_ref().iter().map(|c| Lang::from_code(c)).collect();
        match codes.as_slice() {
            [Some(a), Some(b)] if a != b => languages = [*a, *b],
            _ => {
                problems.push(
                    Problem::error(Code::BadSetting, at(list.span().start))
                        .arg("field", "site.languages")
                        .arg("allowed", "[\"cy\", \"en\"] | [\"en\", \"cy\"]"),
                );
                ok = false;
            }
        }
    }

    let mut base_url = "/".to_string();
    if let Some(url) = &raw.site.base_url {
        base_url = url.get_ref().trim().to_string();
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        let safe = base_url.starts_with('/')
            || base_url.starts_with("https://")
            || base_url.starts_with("http://");
        if !safe
            || base_url
                .chars()
                .any(|c| c.is_whitespace() || c == '"' || c == '<')
        {
            problems.push(
                Problem::error(Code::BadSetting, at(url.span().start))
                    .arg("field", "site.base_url")
                    .arg("allowed", "/path/ | https://host/path/"),
            );
            ok = false;
        }
    }

    let mut paper = Paper::A4;
    if let Some(p) = &raw.pdf.paper {
        match p.get_ref().as_str() {
            "A4" => paper = Paper::A4,
            "Letter" => paper = Paper::Letter,
            _ => {
                problems.push(
                    Problem::error(Code::BadSetting, at(p.span().start))
                        .arg("field", "pdf.paper")
                        .arg("allowed", "A4 | Letter"),
                );
                ok = false;
            }
        }
    }

    let brand = brand::parse(&raw.brand, root, &reader, problems);

    match (ok, title, description, organisation, brand) {
        (true, Some(title), Some(description), Some(organisation), Some(brand)) => Some(Config {
            site: SiteConfig {
                title,
                description,
                organisation,
                languages,
                base_url,
            },
            pdf: PdfConfig { paper },
            brand,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_settings() {
        let src = "[site]\ntitle = { cy = \"Canllaw\", en = \"Guide\" }\ndescription = { cy = \"Am\", en = \"About\" }\norganisation = { cy = \"Sefydliad\", en = \"Organisation\" }\nlanguages = [\"cy\", \"en\"]\nbase_url = \"/guide\"\n\n[pdf]\npaper = \"Letter\"\n";
        let mut problems = Vec::new();
        let config = parse(
            Path::new("."),
            src,
            Arc::from(Path::new("canllaw.toml")),
            &mut problems,
        )
        .unwrap();
        assert!(problems.is_empty());
        assert_eq!(config.site.base_url, "/guide/");
        assert_eq!(config.pdf.paper, Paper::Letter);
        assert_eq!(config.site.title.cy, "Canllaw");
    }

    #[test]
    fn an_unknown_key_is_reported_with_its_line() {
        let src = "[site]\ntitle = { cy = \"a\", en = \"b\" }\ntittle = 1\n";
        let mut problems = Vec::new();
        assert!(
            parse(
                Path::new("."),
                src,
                Arc::from(Path::new("canllaw.toml")),
                &mut problems
            )
            .is_none()
        );
        assert_eq!(problems[0].at.line, 3);
    }
}
