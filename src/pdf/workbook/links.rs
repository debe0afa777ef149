//! Link annotations: the contents' entries and every cross-reference lead to
//! their page in the workbook (and nowhere else: see
//! [`super::book`]); each annotation says what it is for assistive
//! technology and draws no border.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::page::Book;
use crate::pdf::text_string;

/// A link annotation made.
#[derive(Clone, Copy, Debug)]
pub struct Annot {
    /// The annotation object.
    pub id: ObjectId,
    /// Its page (0-based).
    pub page: usize,
    /// Its `Link` element.
    pub elem: usize,
}

/// Annotation flag: print it (it draws nothing, but a viewer's printing
/// keeps it with the page).
const PRINT: i64 = 4;

/// The destination of an anchor: its page, scrolled to just above it.
pub fn destination(book: &Book, pages: &[ObjectId], anchor: &str) -> Option<Object> {
    let (page, y) = *book.anchors.get(anchor)?;
    let top = (book.height - y + 14.0).min(book.height);
    Some(Object::Array(vec![
        Object::Reference(*pages.get(page)?),
        Object::Name(b"XYZ".to_vec()),
        Object::Null,
        Object::Real(top),
        Object::Null,
    ]))
}

/// Adds the links of every page of `book` to `doc`.
pub fn add(doc: &mut Document, book: &Book, pages: &[ObjectId]) -> Vec<Annot> {
    let mut made = Vec::new();
    for (index, page) in book.pages.iter().enumerate() {
        let mut annots = Vec::new();
        for link in &page.links {
            let [x, top, w, h] = link.rect;
            let mut dict = Dictionary::from_iter(vec![
                ("Type", Object::Name(b"Annot".to_vec())),
                ("Subtype", Object::Name(b"Link".to_vec())),
                (
                    "Rect",
                    Object::Array(vec![
                        Object::Real(x),
                        Object::Real(book.height - top - h),
                        Object::Real(x + w),
                        Object::Real(book.height - top),
                    ]),
                ),
                ("Border", Object::Array(vec![0.into(), 0.into(), 0.into()])),
                ("F", Object::Integer(PRINT)),
                ("P", Object::Reference(pages[index])),
                ("Contents", text_string(&link.alt)),
            ]);
            let Some(dest) = destination(book, pages, &link.anchor) else {
                continue;
            };
            dict.set("Dest", dest);
            let id = doc.add_object(dict);
            annots.push(Object::Reference(id));
            made.push(Annot {
                id,
                page: index,
                elem: link.elem,
            });
        }
        if !annots.is_empty()
            && let Ok(dict) = doc
                .get_object_mut(pages[index])
                .and_then(Object::as_dict_mut)
        {
            dict.set("Annots", Object::Array(annots));
        }
    }
    made
}
