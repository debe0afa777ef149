//! Branding from `[brand]` in `canllaw.toml`: a logo, a primary colour,
//! footer text and links, and contact details.
//!
//! Every key is optional and the built-in theme looks finished without any of
//! them. What is given is checked when the settings are read, so a logo that
//! is not there or a colour that text cannot be read on stops the build with
//! the line of `canllaw.toml` to change, rather than reaching a reader.
//!
//! Renderers read the checked [`Brand`] from `pack.config.brand`: the site
//! through [`crate::site`], the PDFs and the workbook cover through
//! [`Brand::logo`] (bytes, format and size) and [`Brand::colour`].

use std::fs;
use std::path::{Component, Path};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::config::{RawText, Reader};
use crate::lang::{Lang, Loc, Text};
use crate::load::MAX_FILE_BYTES;
use crate::problem::{Code, Problem};

/// The contrast WCAG 2.2 AA asks of normal text against its background.
pub const MIN_CONTRAST: f64 = 4.5;

/// A colour in sRGB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

impl Colour {
    /// White, the light text canllaw sets on a dark primary colour.
    pub const WHITE: Colour = Colour {
        r: 0xff,
        g: 0xff,
        b: 0xff,
    };

    /// The theme's dark text (`--fg`), set on a light primary colour.
    pub const DARK: Colour = Colour {
        r: 0x1c,
        g: 0x1f,
        b: 0x23,
    };

    /// Parses `#rrggbb` or `#rgb` (either case).
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            6 => Some(Colour {
                r: channel(&hex[0..2])?,
                g: channel(&hex[2..4])?,
                b: channel(&hex[4..6])?,
            }),
            3 => {
                let double = |i: usize| channel(&hex[i..=i].repeat(2));
                Some(Colour {
                    r: double(0)?,
                    g: double(1)?,
                    b: double(2)?,
                })
            }
            _ => None,
        }
    }

    /// `#rrggbb`, lowercase.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// The channels from 0.0 to 1.0, as PDF colour operators take them.
    pub fn rgb(self) -> [f32; 3] {
        [self.r, self.g, self.b].map(|c| f32::from(c) / 255.0)
    }

    /// Relative luminance as WCAG defines it.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// The WCAG contrast ratio between two colours, from 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The text colour to set on this colour: white or [`Colour::DARK`],
    /// whichever is easier to read.
    pub fn text(self) -> Colour {
        if self.contrast(Colour::WHITE) >= self.contrast(Colour::DARK) {
            Colour::WHITE
        } else {
            Colour::DARK
        }
    }
}

/// The kind of image a logo is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoFormat {
    /// Scalable vector graphics (`.svg`).
    Svg,
    /// Portable network graphics (`.png`).
    Png,
}

impl LogoFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            LogoFormat::Svg => "svg",
            LogoFormat::Png => "png",
        }
    }
}

/// The organisation's logo, read and checked.
#[derive(Clone, Debug)]
pub struct Logo {
    /// The path as written in `canllaw.toml`, relative to the project.
    pub path: String,
    /// SVG or PNG.
    pub format: LogoFormat,
    /// The file's bytes.
    pub bytes: Arc<[u8]>,
    /// Width and height in CSS pixels (1/96 in) when the file says: a PNG
    /// always does; an SVG through `width` and `height` or its `viewBox`.
    pub size: Option<(f64, f64)>,
    /// Where `logo` is set in `canllaw.toml`.
    pub at: Loc,
}

impl Logo {
    /// Where the site holds the logo: `theme/brand-logo.svg` or `.png`.
    pub fn site_path(&self) -> String {
        format!("theme/brand-logo.{}", self.format.extension())
    }

    /// The width for a given height, keeping the logo's proportions (a
    /// square when the size is unknown).
    pub fn width_for(&self, height: f64) -> f64 {
        match self.size {
            Some((w, h)) if w > 0.0 && h > 0.0 => height * w / h,
            _ => height,
        }
    }
}

/// A link in the site's footer: text and address in each language.
#[derive(Clone, Debug)]
pub struct Link {
    /// What the link says.
    pub text: Text,
    /// The address for Welsh pages.
    pub href_cy: String,
    /// The address for English pages.
    pub href_en: String,
}

impl Link {
    /// The address for pages in `lang`.
    pub fn href(&self, lang: Lang) -> &str {
        match lang {
            Lang::Cy => &self.href_cy,
            Lang::En => &self.href_en,
        }
    }
}

/// How readers reach the organisation.
#[derive(Clone, Debug, Default)]
pub struct Contact {
    /// An email address.
    pub email: Option<String>,
    /// A telephone number as it should be shown.
    pub phone: Option<String>,
    /// A postal address or other words, in both languages.
    pub address: Option<Text>,
}

impl Contact {
    /// True if no contact detail is given.
    pub fn is_empty(&self) -> bool {
        self.email.is_none() && self.phone.is_none() && self.address.is_none()
    }

    /// The telephone number for a `tel:` link: digits and a leading `+`.
    pub fn tel(&self) -> Option<String> {
        self.phone.as_ref().map(|p| {
            p.chars()
                .enumerate()
                .filter(|&(i, c)| c.is_ascii_digit() || (i == 0 && c == '+'))
                .map(|(_, c)| c)
                .collect()
        })
    }
}

/// The branding of a project: everything optional.
#[derive(Clone, Debug, Default)]
pub struct Brand {
    /// The organisation's logo, on the site's header and the welcome page,
    /// and for the PDFs and the workbook cover.
    pub logo: Option<Logo>,
    /// The primary colour: the site's header, buttons and highlights. Text
    /// on it reaches WCAG AA contrast in [`Colour::text`].
    pub colour: Option<Colour>,
    /// A line of text for the footer of every page.
    pub footer: Option<Text>,
    /// Links in the footer, in order.
    pub links: Vec<Link>,
    /// Contact details for the footer.
    pub contact: Contact,
}

impl Brand {
    /// The bilingual texts of the branding, for checks that read every text.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        self.footer
            .iter()
            .chain(self.links.iter().map(|l| &l.text))
            .chain(self.contact.address.iter())
    }

    /// The style sheet the site loads after the theme's (`theme/brand.css`):
    /// the primary colour and the text colour on it as CSS custom
    /// properties, for light and dark schemes alike, so a theme uses them
    /// through `var(--accent)` and `var(--accent-fg)` and no page needs a
    /// `style` attribute.
    pub fn css(&self) -> String {
        let mut css = String::from(
            "/* Written by canllaw from [brand] in canllaw.toml; a build replaces it. */\n",
        );
        if let Some(colour) = self.colour {
            css.push_str(&format!(
                ":root {{\n  --accent: {};\n  --accent-fg: {};\n}}\n",
                colour.hex(),
                colour.text().hex()
            ));
        }
        css
    }
}

/// `[brand]` as written.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBrand {
    #[serde(default)]
    logo: Option<Spanned<String>>,
    #[serde(default, alias = "color")]
    colour: Option<Spanned<String>>,
    #[serde(default)]
    footer: Option<Spanned<RawText>>,
    #[serde(default)]
    links: Vec<RawLink>,
    #[serde(default)]
    contact: Option<RawContact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    text: Spanned<RawText>,
    href: Spanned<RawHref>,
}

/// One address for both languages, or one for each.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawHref {
    Both(String),
    Each { cy: String, en: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContact {
    #[serde(default)]
    email: Option<Spanned<String>>,
    #[serde(default)]
    phone: Option<Spanned<String>>,
    #[serde(default)]
    address: Option<Spanned<RawText>>,
}

/// Checks `[brand]` and reads the logo from the project in `root`.
/// Returns `None` after reporting any problem.
pub(crate) fn parse(
    raw: &RawBrand,
    root: &Path,
    reader: &Reader<'_>,
    problems: &mut Vec<Problem>,
) -> Option<Brand> {
    let before = problems.len();
    let bad = |field: &str, allowed: &str, offset: usize| {
        Problem::error(Code::BadSetting, reader.at(offset))
            .arg("field", field)
            .arg("allowed", allowed)
    };

    let colour = raw.colour.as_ref().and_then(|c| {
        let Some(colour) = Colour::parse(c.get_ref()) else {
            problems.push(bad(
                "brand.colour",
                "#rrggbb (e.g. #00594f)",
                c.span().start,
            ));
            return None;
        };
        let (white, dark) = (
            colour.contrast(Colour::WHITE),
            colour.contrast(Colour::DARK),
        );
        if white.max(dark) < MIN_CONTRAST {
            problems.push(
                Problem::error(Code::LowContrast, reader.at(c.span().start))
                    .arg("colour", c.get_ref().trim())
                    .arg("white", format!("{white:.1}"))
                    .arg("dark", format!("{dark:.1}"))
                    .arg("min", MIN_CONTRAST),
            );
            return None;
        }
        Some(colour)
    });

    let logo = raw
        .logo
        .as_ref()
        .and_then(|l| read_logo(root, l.get_ref(), reader.at(l.span().start), problems));

    let footer = raw
        .footer
        .as_ref()
        .and_then(|t| reader.text(t, "brand.footer", problems));

    let mut links = Vec::new();
    for (i, link) in raw.links.iter().enumerate() {
        let key = format!("brand.links[{i}]");
        let text = reader.text(&link.text, &format!("{key}.text"), problems);
        let (cy, en) = match link.href.get_ref() {
            RawHref::Both(href) => (href.clone(), href.clone()),
            RawHref::Each { cy, en } => (cy.clone(), en.clone()),
        };
        let (cy, en) = (web_address(&cy), web_address(&en));
        if cy.is_none() || en.is_none() {
            problems.push(bad(
                &format!("{key}.href"),
                "https://… | mailto:…",
                link.href.span().start,
            ));
        }
        if let (Some(text), Some(href_cy), Some(href_en)) = (text, cy, en) {
            links.push(Link {
                text,
                href_cy,
                href_en,
            });
        }
    }

    let mut contact = Contact::default();
    if let Some(raw) = &raw.contact {
        if let Some(email) = &raw.email {
            let value = email.get_ref().trim();
            if is_email(value) {
                contact.email = Some(value.to_string());
            } else {
                problems.push(bad(
                    "brand.contact.email",
                    "name@example.org",
                    email.span().start,
                ));
            }
        }
        if let Some(phone) = &raw.phone {
            let value = phone.get_ref().trim();
            if value.chars().filter(char::is_ascii_digit).count() >= 3
                && value
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-().".contains(c))
            {
                contact.phone = Some(value.to_string());
            } else {
                problems.push(bad(
                    "brand.contact.phone",
                    "029 2000 0000 | +44 29 2000 0000",
                    phone.span().start,
                ));
            }
        }
        contact.address = raw
            .address
            .as_ref()
            .and_then(|t| reader.text(t, "brand.contact.address", problems));
    }

    (problems.len() == before).then_some(Brand {
        logo,
        colour,
        footer,
        links,
        contact,
    })
}

/// An address a footer link may lead to: `https:`, `http:` or `mailto:`,
/// with no character that could end an HTML attribute.
fn web_address(href: &str) -> Option<String> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    let scheme_ok = ["https://", "http://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len());
    let chars_ok = !href
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"<>`".contains(c));
    // Apostrophes would be made typographic as text: encode them.
    (scheme_ok && chars_ok).then(|| href.replace('\'', "%27"))
}

fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`".contains(c))
}

fn logo_problem(reason: &str, path: &str, at: Loc) -> Problem {
    Problem::error(Code::BadLogo, at)
        .arg("reason", reason)
        .arg("path", path)
}

/// Reads and checks the logo at `path` in the project.
/// Whether an SVG could run anything when opened on its own (as a file, an
/// SVG has no Content-Security-Policy): a script, an event attribute,
/// embedded HTML or plugins, a `javascript:` address however it is spelt
/// (character references, case, spaces), or entities of its own that could
/// spell one. A logo needs none of these.
fn svg_can_run(svg: &str) -> bool {
    let lower = decode_references(svg).to_lowercase();
    let squeezed: String = lower
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let elements = [
        "<script",
        "<foreignobject",
        "<iframe",
        "<embed",
        "<object",
        "<handler",
        "<listener",
        "<!entity",
    ];
    let event_attribute = lower.match_indices("on").any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let name: String = lower[i..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let after = lower[i + name.len()..].trim_start();
        before.is_some_and(|b| b.is_whitespace() || b == '"' || b == '\'' || b == '/')
            && name.len() > 2
            && after.starts_with('=')
    });
    elements.iter().any(|e| lower.contains(e))
        || event_attribute
        || [
            "javascript:",
            "vbscript:",
            "data:text/html",
            "data:image/svg",
        ]
        .iter()
        .any(|s| squeezed.contains(s))
}

/// `text` with XML's numeric character references (`&#106;`, `&#x6A;`)
/// replaced by the characters they stand for.
fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let (digits, radix) = match after.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (after, 10),
        };
        let len = digits.chars().take_while(|c| c.is_digit(radix)).count();
        let code = u32::from_str_radix(&digits[..len], radix).ok();
        match code.and_then(char::from_u32) {
            Some(c) if len > 0 => {
                out.push(c);
                let used = after.len() - digits.len() + len;
                rest = after[used..].strip_prefix(';').unwrap_or(&after[used..]);
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn read_logo(root: &Path, path: &str, at: Loc, problems: &mut Vec<Problem>) -> Option<Logo> {
    let relative = Path::new(path.trim());
    let escapes = relative.is_absolute()
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if path.trim().is_empty() || escapes {
        problems.push(logo_problem("outside", path, at));
        return None;
    }
    let full = root.join(relative);
    let (Ok(real), Ok(real_root)) = (full.canonicalize(), root.canonicalize()) else {
        problems.push(logo_problem("missing", path, at));
        return None;
    };
    if !real.starts_with(&real_root) {
        problems.push(logo_problem("outside", path, at));
        return None;
    }
    match fs::metadata(&real) {
        Ok(meta) if !meta.is_file() => {
            problems.push(logo_problem("missing", path, at));
            return None;
        }
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            problems.push(
                Problem::error(Code::FileTooLarge, at)
                    .arg("size", meta.len() / (1024 * 1024))
                    .arg("max", MAX_FILE_BYTES / (1024 * 1024)),
            );
            return None;
        }
        _ => {}
    }
    let bytes = match fs::read(&real) {
        Ok(bytes) => bytes,
        Err(e) => {
            problems.push(Problem::error(Code::Unreadable, at).arg("detail", e));
            return None;
        }
    };
    let (format, size) = if let Some(size) = png_size(&bytes) {
        (LogoFormat::Png, Some(size))
    } else if let Some(svg) = std::str::from_utf8(&bytes).ok().filter(|t| is_svg(t)) {
        // An SVG opened on its own runs its scripts on the site's origin.
        if svg_can_run(svg) {
            problems.push(logo_problem("script", path, at));
            return None;
        }
        (LogoFormat::Svg, svg_size(svg))
    } else {
        problems.push(logo_problem("format", path, at));
        return None;
    };
    Some(Logo {
        path: path.trim().to_string(),
        format,
        bytes: Arc::from(bytes),
        size,
        at,
    })
}

/// The width and height of a PNG, from its header.
fn png_size(bytes: &[u8]) -> Option<(f64, f64)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || !bytes.starts_with(SIGNATURE) || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let read =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Some((f64::from(read(16)), f64::from(read(20))))
}

fn is_svg(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    (start.starts_with("<?xml") || start.starts_with("<svg") || start.starts_with("<!--"))
        && text.contains("<svg")
}

/// The size an SVG declares: `width` and `height` in pixels (or unitless),
/// else the last two numbers of its `viewBox`.
fn svg_size(text: &str) -> Option<(f64, f64)> {
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attr = |name: &str| -> Option<&str> {
        let mut rest = tag;
        loop {
            let at = rest.find(name)?;
            let before = rest[..at].chars().next_back();
            let after = rest[at + name.len()..].trim_start();
            rest = &rest[at + name.len()..];
            if let Some(value) = after.strip_prefix('=')
                && before.is_some_and(char::is_whitespace)
            {
                let value = value.trim_start();
                let quote = value.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let value = &value[1..];
                    return value.find(quote).map(|end| &value[..end]);
                }
            }
        }
    };
    let px = |v: &str| -> Option<f64> {
        let v = v.trim();
        let v = v.strip_suffix("px").unwrap_or(v);
        v.parse::<f64>().ok().filter(|n| *n > 0.0)
    };
    if let (Some(w), Some(h)) = (attr("width").and_then(px), attr("height").and_then(px)) {
        return Some((w, h));
    }
    let numbers: Vec<f64> = attr("viewBox")?
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match numbers.as_slice() {
        [_, _, w, h] if *w > 0.0 && *h > 0.0 => Some((*w, *h)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        let ratio = Colour::WHITE.contrast(Colour { r: 0, g: 0, b: 0 });
        assert!((ratio - 21.0).abs() < 1e-9);
        // The theme's own accent takes white text.
        let accent = Colour::parse("#00594f").unwrap();
        assert_eq!(accent.text(), Colour::WHITE);
        assert!(accent.contrast(Colour::WHITE) >= MIN_CONTRAST);
        // A pale yellow takes dark text.
        assert_eq!(Colour::parse("#ffdd57").unwrap().text(), Colour::DARK);
        // A mid grey is too dark for dark text and too light for white.
        let grey = Colour::parse("#808080").unwrap();
        assert!(grey.contrast(Colour::WHITE) < MIN_CONTRAST);
        assert!(grey.contrast(Colour::DARK) < MIN_CONTRAST);
    }

    #[test]
    fn colours_parse_in_both_forms() {
        assert_eq!(Colour::parse("#0A4"), Colour::parse("#00aa44"));
        assert_eq!(Colour::parse("#00aa44").unwrap().hex(), "#00aa44");
        assert!(Colour::parse("green").is_none());
        assert!(Colour::parse("#12345").is_none());
        assert!(Colour::parse("#ggg").is_none());
    }

    #[test]
    fn sizes_are_read_from_svg_and_png() {
        assert_eq!(
            svg_size(r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40px">"#),
            Some((120.0, 40.0))
        );
        assert_eq!(
            svg_size(r#"<svg viewBox="0 0 300 100" stroke-width="2">"#),
            Some((300.0, 100.0))
        );
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(200u32.to_be_bytes());
        png.extend(50u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((200.0, 50.0)));
    }

    #[test]
    fn footer_addresses_are_web_or_mail_only() {
        assert!(web_address("https://example.org/a?b=1&c=2").is_some());
        assert_eq!(
            web_address("https://example.org/o'r").unwrap(),
            "https://example.org/o%27r"
        );
        assert!(web_address("mailto:help@example.org").is_some());
        assert!(web_address("javascript:alert(1)").is_none());
    }

    #[test]
    fn an_svg_logo_that_could_run_anything_is_refused() {
        let logo = |inner: &str| {
            format!("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">{inner}</svg>")
        };
        assert!(!svg_can_run(&logo(
            "<rect width=\"10\" height=\"10\" fill=\"#0a5\"/><text>Cyngor &#169; Sir</text>"
        )));
        for bad in [
            "<script>alert(1)</script>",
            "<rect onload=\"alert(1)\"/>",
            "<rect\nONMOUSEOVER = 'alert(1)'/>",
            "<a href=\"&#106;avascript:alert(1)\"><text>x</text></a>",
            "<a href=\"&#x6A;ava&#x09;script:alert(1)\"><text>x</text></a>",
            "<set attributeName=\"href\" to=\"JaVaScRiPt:alert(1)\"/>",
            "<foreignObject><div>x</div></foreignObject>",
            "<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>",
        ] {
            assert!(svg_can_run(&logo(bad)), "{bad}");
        }
        assert!(svg_can_run(
            "<!DOCTYPE svg [<!ENTITY j \"javascript\">]><svg><a href=\"&j;:x\"/></svg>"
        ));
        assert!(web_address("/local").is_none());
        assert!(web_address("https://example.org/\"onmouseover").is_none());
        assert!(is_email("help@example.org"));
        assert!(!is_email("help at example.org"));
        assert!(!is_email("a@b@example.org"));
    }
}
