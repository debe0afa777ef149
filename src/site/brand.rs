//! The branding of `[brand]` on the site: what templates see as `brand`, and
//! the files it adds (`theme/brand.css`, the logo).

use serde_json::{Value, json};

use crate::brand::Brand;
use crate::lang::Lang;

use super::OutFile;

/// The height the header shows the logo at, in CSS pixels; the width
/// attribute keeps its proportions so the page does not shift as it loads.
const LOGO_HEIGHT: f64 = 40.0;

/// The branding as templates see it on a page in `lang`: `brand.logo`
/// (`file`, `width`, `height`, relative to `theme/`), `brand.footer`,
/// `brand.links` (`text`, `href`) and `brand.contact` (`email`, `phone`,
/// `tel`, `address`), each absent when not set.
pub(super) fn data(brand: &Brand, lang: Lang) -> Value {
    let logo = brand.logo.as_ref().map(|logo| {
        json!({
            "file": logo.site_path().trim_start_matches("theme/"),
            // Whole pixels: HTML's width and height take integers.
            "width": logo.width_for(LOGO_HEIGHT).round().max(1.0) as u32,
            "height": LOGO_HEIGHT as u32,
        })
    });
    let links: Vec<Value> = brand
        .links
        .iter()
        .map(|l| json!({"text": l.text.get(lang), "href": l.href(lang)}))
        .collect();
    let contact = &brand.contact;
    let contact = (!contact.is_empty()).then(|| {
        json!({
            "email": contact.email,
            "phone": contact.phone,
            "tel": contact.tel(),
            "address": contact.address.as_ref().map(|a| a.get(lang)),
        })
    });
    json!({
        "logo": logo,
        "footer": brand.footer.as_ref().map(|f| f.get(lang)),
        "links": links,
        "contact": contact,
    })
}

/// The files branding adds to the site: `theme/brand.css` always (so a
/// project's own templates may link it unconditionally), and the logo when
/// one is set.
pub(super) fn files(brand: &Brand) -> Vec<OutFile> {
    let mut files = vec![("theme/brand.css".to_string(), brand.css().into_bytes())];
    if let Some(logo) = &brand.logo {
        files.push((logo.site_path(), logo.bytes.to_vec()));
    }
    files
}
