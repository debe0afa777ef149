//! The document's properties in the edition's language: title, author and
//! subject in the information dictionary and as XMP metadata (which
//! accessibility checkers read), and a file identifier that depends only on
//! the content, so the same content always makes the same file.

use std::hash::{DefaultHasher, Hash, Hasher};

use lopdf::{Dictionary, Document, Object, Stream, StringFormat};

use super::page::Book;
use crate::pdf::text_string;

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Sets the properties of `doc` from `book`.
pub fn add(doc: &mut Document, book: &Book) {
    let info = doc.add_object(Dictionary::from_iter(vec![
        ("Title", text_string(&book.title)),
        ("Author", text_string(&book.author)),
        ("Subject", text_string(&book.subject)),
        ("Creator", text_string("canllaw")),
        (
            "Producer",
            text_string(concat!("canllaw ", env!("CARGO_PKG_VERSION"))),
        ),
    ]));
    doc.trailer.set("Info", Object::Reference(info));
    let lang = book.lang.code();
    let xmp = format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li><rdf:li xml:lang="{lang}">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li><rdf:li xml:lang="{lang}">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>canllaw</pdf:Producer>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        title = xml_escape(&book.title),
        author = xml_escape(&book.author),
        subject = xml_escape(&book.subject),
    );
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
    (&book.title, lang, book.pages.len(), book.elems.len()).hash(&mut hasher);
    for entry in &book.contents {
        (&entry.title, &entry.anchor).hash(&mut hasher);
    }
    let a = hasher.finish();
    "canllaw workbook".hash(&mut hasher);
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
