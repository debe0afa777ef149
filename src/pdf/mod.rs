//! The PDF recording templates: every form as a fillable, tagged PDF in
//! Welsh, in English, and in a bilingual edition with the Welsh placed to be
//! read first.
//!
//! The stages, one module each:
//!
//! 1. [`layout`] places the form on pages ([`text`] wraps and hyphenates by
//!    the real metrics of the [`font`]);
//! 2. [`render`] draws the pages with printpdf, marking every piece of content;
//! 3. [`acroform`] adds the fields with lopdf, with appearance streams from
//!    [`fill`] (and a draft's values, if given);
//! 4. [`tags`] builds the structure tree, and this module the document's
//!    properties, before the file is written.

pub mod acroform;
pub mod fill;
pub mod font;
pub mod layout;
pub mod render;
pub mod tags;
pub mod text;
pub mod workbook;

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use lopdf::{Dictionary, Document, Object, Stream, StringFormat};
use rayon::prelude::*;

use crate::draft::Draft;
use crate::i18n::Strings;
use crate::lang::{Lang, Loc};
use crate::model::{Form, Pack};
use crate::output;
use crate::problem::{Code, Problem};

/// A language edition of a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Edition {
    /// Welsh only.
    Cy,
    /// English only.
    En,
    /// Welsh and English, the Welsh placed to be read first.
    CyEn,
}

impl Edition {
    /// Every edition, in the order they are offered.
    pub const ALL: [Edition; 3] = [Edition::Cy, Edition::En, Edition::CyEn];

    /// From the command line's `--lang`: `cy`, `en` or `cy-en`.
    pub fn from_arg(arg: &str) -> Option<Edition> {
        match arg {
            "cy" => Some(Edition::Cy),
            "en" => Some(Edition::En),
            "cy-en" => Some(Edition::CyEn),
            _ => None,
        }
    }

    /// The part of the file name after the form's id: `cy`, `en`, `cy-en`.
    pub fn file_suffix(self) -> &'static str {
        match self {
            Edition::Cy => "cy",
            Edition::En => "en",
            Edition::CyEn => "cy-en",
        }
    }

    /// The document's language (Welsh for the bilingual edition, whose
    /// English parts are marked as English).
    pub fn lang(self) -> Lang {
        match self {
            Edition::En => Lang::En,
            Edition::Cy | Edition::CyEn => Lang::Cy,
        }
    }

    /// The languages shown, Welsh first.
    pub fn langs(self) -> &'static [Lang] {
        match self {
            Edition::Cy => &[Lang::Cy],
            Edition::En => &[Lang::En],
            Edition::CyEn => &Lang::ALL,
        }
    }
}

/// Where the build writes the PDF of `form` in `edition`: `pdf/FORM.cy.pdf`.
pub fn file_name(form: &Form, edition: Edition) -> String {
    format!("pdf/{}.{}.pdf", form.id, edition.file_suffix())
}

/// A PDF text string: PDFDocEncoding where the text is ASCII, UTF-16 with a
/// byte-order mark otherwise (so ŵ and ŷ survive in titles and field names).
pub fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

fn failed(form: &Form, detail: impl ToString) -> Problem {
    Problem::error(Code::PdfFailed, Loc::file(form.source.file.clone()))
        .arg("form", &form.id)
        .arg("detail", detail.to_string())
}

/// The PDF of `form` in `edition`, filled from `fill` if given.
///
/// # Errors
/// A missing interface string, a draft for another form, or a fault in
/// writing the file.
pub fn form_pdf(
    pack: &Pack,
    strings: &Strings,
    form: &Form,
    edition: Edition,
    fill: Option<&Draft>,
) -> Result<Vec<u8>, Problem> {
    if let Some(draft) = fill
        && draft.form != form.id
    {
        return Err(
            Problem::error(Code::DraftWrongForm, Loc::file(form.source.file.clone()))
                .arg("found", &draft.form)
                .arg("form", &form.id),
        );
    }
    let layout = layout::lay_out(pack, strings, form, edition)?;
    let render::Rendered {
        mut doc,
        pages,
        marks,
    } = render::render(&layout);
    let widgets = acroform::add(&mut doc, &layout, &pages, fill);
    tags::add(&mut doc, &layout, &pages, &marks, &widgets);
    properties(&mut doc, &layout, form, edition, fill);
    doc.version = "1.7".to_string();
    doc.compress();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).map_err(|e| failed(form, e))?;
    Ok(bytes)
}

/// Title, author, subject and language in the document information and in
/// XMP metadata; a file identifier that depends only on what is in the file,
/// so a rebuild of the same content is byte for byte the same.
fn properties(
    doc: &mut Document,
    layout: &layout::Layout,
    form: &Form,
    edition: Edition,
    fill: Option<&Draft>,
) {
    let info = doc.add_object(Dictionary::from_iter(vec![
        ("Title", text_string(&layout.title)),
        ("Author", text_string(&layout.author)),
        ("Subject", text_string(&layout.subject)),
        ("Creator", text_string("canllaw")),
        (
            "Producer",
            text_string(concat!("canllaw ", env!("CARGO_PKG_VERSION"))),
        ),
    ]));
    doc.trailer.set("Info", Object::Reference(info));

    let xmp = xmp(layout);
    let metadata = doc.add_object(Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp.into_bytes(),
    ));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Metadata", Object::Reference(metadata));
    }

    let mut hasher = DefaultHasher::new();
    (
        &form.id,
        edition.file_suffix(),
        &layout.title,
        layout.pages.len(),
        layout.widgets.len(),
    )
        .hash(&mut hasher);
    if let Some(draft) = fill {
        format!("{:?}", draft.values).hash(&mut hasher);
    }
    let a = hasher.finish();
    "canllaw".hash(&mut hasher);
    let b = hasher.finish();
    let id = [a.to_be_bytes(), b.to_be_bytes()].concat();
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// XMP metadata with the title, author and subject, as accessibility
/// checkers read them.
fn xmp(layout: &layout::Layout) -> String {
    let lang = layout.lang.code();
    format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li><rdf:li xml:lang="{lang}">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>canllaw</pdf:Producer>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        title = xml_escape(&layout.title),
        author = xml_escape(&layout.author),
        subject = xml_escape(&layout.subject),
    )
}

/// Writes every edition of every form into `dir` (`pdf/FORM.cy.pdf`, …),
/// in parallel. Returns how many PDFs were written.
///
/// # Errors
/// Every problem met; PDFs that could be made are still written.
pub fn write_all(pack: &Pack, strings: &Strings, dir: &Path) -> Result<usize, Vec<Problem>> {
    let jobs: Vec<(&Form, Edition)> = pack
        .forms
        .iter()
        .flat_map(|f| Edition::ALL.into_iter().map(move |e| (f, e)))
        .collect();
    let problems: Vec<Problem> = jobs
        .par_iter()
        .filter_map(|(form, edition)| {
            form_pdf(pack, strings, form, *edition, None)
                .and_then(|bytes| output::write(dir, &file_name(form, *edition), &bytes))
                .err()
        })
        .collect();
    if problems.is_empty() {
        Ok(jobs.len())
    } else {
        Err(problems)
    }
}

/// Loads the draft at `path` and checks it against `form`: a re-export of
/// [`crate::draft::load_draft`] beside the function that uses it.
pub use crate::draft::load_draft;

pub use workbook::{workbook_pdf, write_workbooks};
