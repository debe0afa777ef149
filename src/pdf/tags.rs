//! Tagged PDF: the structure tree that gives screen readers the form's
//! headings, paragraphs, table cells and fields in reading order, and the
//! catalog entries that say the file is tagged and in which language.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::layout::{Layout, Role};
use super::render::Mark;
use super::text_string;

/// A child of a structure element.
enum Kid {
    /// Another element.
    Elem(usize),
    /// Marked content on a page.
    Content(Mark),
    /// A widget annotation (the index into the layout's widgets).
    Widget(usize),
}

/// Builds the structure tree of `layout` into `doc`. `pages` are the page
/// objects and `widgets` the widget annotations, in the layout's order.
pub fn add(
    doc: &mut Document,
    layout: &Layout,
    pages: &[ObjectId],
    marks: &[Mark],
    widgets: &[ObjectId],
) {
    let root_id = doc.new_object_id();
    let ids: Vec<ObjectId> = layout.elems.iter().map(|_| doc.new_object_id()).collect();
    let mut kids: Vec<Vec<Kid>> = layout.elems.iter().map(|_| Vec::new()).collect();
    for (i, elem) in layout.elems.iter().enumerate() {
        if let Some(parent) = elem.parent {
            kids[parent].push(Kid::Elem(i));
        }
    }
    for mark in marks {
        kids[mark.elem].push(Kid::Content(*mark));
    }
    for (i, widget) in layout.widgets.iter().enumerate() {
        kids[widget.elem].push(Kid::Widget(i));
    }

    // The parent tree maps each page's marked content (by MCID) and each
    // widget back to its element, so assistive technology can go from what
    // is on the page to where it stands in the structure.
    let mut per_page: Vec<Vec<Object>> = pages.iter().map(|_| Vec::new()).collect();
    for mark in marks {
        let slot = &mut per_page[mark.page];
        let mcid = usize::try_from(mark.mcid).unwrap_or(0);
        if slot.len() <= mcid {
            slot.resize(mcid + 1, Object::Null);
        }
        slot[mcid] = Object::Reference(ids[mark.elem]);
    }
    let mut nums = Vec::new();
    for (i, (page, refs)) in pages.iter().zip(per_page).enumerate() {
        let key = i64::try_from(i).unwrap_or(0);
        nums.push(Object::Integer(key));
        nums.push(Object::Array(refs));
        if let Ok(page) = doc.get_object_mut(*page).and_then(Object::as_dict_mut) {
            page.set("StructParents", key);
            // Tab through fields in structure order, which is reading order.
            page.set("Tabs", Object::Name(b"S".to_vec()));
        }
    }
    let mut next_key = pages.len();
    for (i, annot) in widgets.iter().enumerate() {
        let key = i64::try_from(next_key).unwrap_or(0);
        nums.push(Object::Integer(key));
        nums.push(Object::Reference(ids[layout.widgets[i].elem]));
        if let Ok(annot) = doc.get_object_mut(*annot).and_then(Object::as_dict_mut) {
            annot.set("StructParent", key);
        }
        next_key += 1;
    }
    let parent_tree = doc.add_object(Dictionary::from_iter(vec![("Nums", Object::Array(nums))]));

    for (i, elem) in layout.elems.iter().enumerate() {
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"StructElem".to_vec()));
        dict.set("S", Object::Name(elem.role.name().as_bytes().to_vec()));
        dict.set(
            "P",
            Object::Reference(elem.parent.map_or(root_id, |p| ids[p])),
        );
        if let Some(lang) = elem.lang {
            dict.set("Lang", text_string(lang.code()));
        }
        match (elem.role, &elem.alt) {
            (Role::Table, Some(summary)) => {
                dict.set(
                    "A",
                    Dictionary::from_iter(vec![
                        ("O", Object::Name(b"Table".to_vec())),
                        ("Summary", text_string(summary)),
                    ]),
                );
            }
            (_, Some(alt)) => dict.set("Alt", text_string(alt)),
            (_, None) => {}
        }
        if elem.role == Role::TH {
            dict.set(
                "A",
                Dictionary::from_iter(vec![
                    ("O", Object::Name(b"Table".to_vec())),
                    ("Scope", Object::Name(b"Column".to_vec())),
                ]),
            );
        }
        let k: Vec<Object> = kids[i]
            .iter()
            .map(|kid| match kid {
                Kid::Elem(e) => Object::Reference(ids[*e]),
                Kid::Content(mark) => Object::Dictionary(Dictionary::from_iter(vec![
                    ("Type", Object::Name(b"MCR".to_vec())),
                    ("Pg", Object::Reference(pages[mark.page])),
                    ("MCID", Object::Integer(mark.mcid)),
                ])),
                Kid::Widget(w) => Object::Dictionary(Dictionary::from_iter(vec![
                    ("Type", Object::Name(b"OBJR".to_vec())),
                    ("Pg", Object::Reference(pages[layout.widgets[*w].page])),
                    ("Obj", Object::Reference(widgets[*w])),
                ])),
            })
            .collect();
        dict.set("K", Object::Array(k));
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }

    finish_tree(doc, root_id, ids[0], parent_tree, next_key, layout.lang);
}

/// Writes the structure tree's root over `document_elem` and marks the
/// catalog as tagged, in `lang`, with the title shown in the viewer's title
/// bar: the same for templates and the workbook.
pub(crate) fn finish_tree(
    doc: &mut Document,
    root_id: ObjectId,
    document_elem: ObjectId,
    parent_tree: ObjectId,
    next_key: usize,
    lang: crate::lang::Lang,
) {
    let root = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"StructTreeRoot".to_vec())),
        ("K", Object::Array(vec![Object::Reference(document_elem)])),
        ("ParentTree", Object::Reference(parent_tree)),
        (
            "ParentTreeNextKey",
            Object::Integer(i64::try_from(next_key).unwrap_or(0)),
        ),
    ]);
    doc.objects.insert(root_id, Object::Dictionary(root));

    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("StructTreeRoot", Object::Reference(root_id));
        catalog.set(
            "MarkInfo",
            Dictionary::from_iter(vec![("Marked", Object::Boolean(true))]),
        );
        catalog.set("Lang", text_string(lang.code()));
        // Show the title, not the file name, in the viewer's title bar.
        catalog.set(
            "ViewerPreferences",
            Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
        );
    }
}
