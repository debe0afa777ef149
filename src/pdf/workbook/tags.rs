//! The workbook's structure tree: headings, paragraphs, lists, tables,
//! quotations, the contents and links, in reading order, with the catalog
//! entries that say the file is tagged, in which language, and that viewers
//! should show its title.
//!
//! Unlike a template's, the workbook's elements interleave text and child
//! elements (a paragraph holds text, then a link, then text again), so each
//! element's children are put in the order their content appears on the
//! pages, and an element with no content on any page is left out.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::links::Annot;
use super::page::{Book, Role};
use crate::pdf::render::Mark;
use crate::pdf::text_string;

enum Kid {
    Elem(usize),
    Content(Mark),
    Annot(usize),
}

/// Builds the structure tree of `book` into `doc`.
pub fn add(doc: &mut Document, book: &Book, pages: &[ObjectId], marks: &[Mark], annots: &[Annot]) {
    let n = book.elems.len();
    let mut kids: Vec<Vec<Kid>> = (0..n).map(|_| Vec::new()).collect();
    let mut attached = vec![false; n];
    attached[0] = true;
    fn attach(e: usize, book: &Book, attached: &mut [bool], kids: &mut [Vec<Kid>]) {
        if attached[e] {
            return;
        }
        attached[e] = true;
        if let Some(p) = book.elems[e].parent {
            attach(p, book, attached, kids);
            kids[p].push(Kid::Elem(e));
        }
    }
    let mut annots_by_page: Vec<Vec<usize>> = pages.iter().map(|_| Vec::new()).collect();
    for (i, a) in annots.iter().enumerate() {
        annots_by_page[a.page].push(i);
    }
    let mut page = 0;
    let flush_annots = |page: usize,
                        attached: &mut Vec<bool>,
                        kids: &mut Vec<Vec<Kid>>,
                        annots_by_page: &Vec<Vec<usize>>| {
        for &i in &annots_by_page[page] {
            let e = annots[i].elem;
            attach(e, book, attached, kids);
            kids[e].push(Kid::Annot(i));
        }
    };
    for mark in marks {
        while page < mark.page {
            flush_annots(page, &mut attached, &mut kids, &annots_by_page);
            page += 1;
        }
        attach(mark.elem, book, &mut attached, &mut kids);
        kids[mark.elem].push(Kid::Content(*mark));
    }
    while page < pages.len() {
        flush_annots(page, &mut attached, &mut kids, &annots_by_page);
        page += 1;
    }

    let root_id = doc.new_object_id();
    let ids: Vec<Option<ObjectId>> = attached
        .iter()
        .map(|&a| a.then(|| doc.new_object_id()))
        .collect();
    let id = |e: usize| ids[e].expect("attached elements have ids");

    // The parent tree: each page's marked content (by MCID) and each link
    // annotation back to its element.
    let mut per_page: Vec<Vec<Object>> = pages.iter().map(|_| Vec::new()).collect();
    for mark in marks {
        let slot = &mut per_page[mark.page];
        let mcid = usize::try_from(mark.mcid).unwrap_or(0);
        if slot.len() <= mcid {
            slot.resize(mcid + 1, Object::Null);
        }
        slot[mcid] = Object::Reference(id(mark.elem));
    }
    let mut nums = Vec::new();
    for (i, (page, refs)) in pages.iter().zip(per_page).enumerate() {
        let key = i64::try_from(i).unwrap_or(0);
        nums.push(Object::Integer(key));
        nums.push(Object::Array(refs));
        if let Ok(page) = doc.get_object_mut(*page).and_then(Object::as_dict_mut) {
            page.set("StructParents", key);
            // Tab through links in structure order, which is reading order.
            page.set("Tabs", Object::Name(b"S".to_vec()));
        }
    }
    let mut next_key = pages.len();
    for a in annots {
        let key = i64::try_from(next_key).unwrap_or(0);
        nums.push(Object::Integer(key));
        nums.push(Object::Reference(id(a.elem)));
        if let Ok(annot) = doc.get_object_mut(a.id).and_then(Object::as_dict_mut) {
            annot.set("StructParent", key);
        }
        next_key += 1;
    }
    let parent_tree = doc.add_object(Dictionary::from_iter(vec![("Nums", Object::Array(nums))]));

    for (e, elem) in book.elems.iter().enumerate() {
        let Some(own) = ids[e] else { continue };
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"StructElem".to_vec()));
        dict.set("S", Object::Name(elem.role.name().as_bytes().to_vec()));
        dict.set("P", Object::Reference(elem.parent.map_or(root_id, id)));
        if let Some(lang) = elem.lang {
            dict.set("Lang", text_string(lang.code()));
        }
        if let Some(alt) = &elem.alt {
            dict.set("Alt", text_string(alt));
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
        let k: Vec<Object> = kids[e]
            .iter()
            .map(|kid| match kid {
                Kid::Elem(c) => Object::Reference(id(*c)),
                Kid::Content(mark) => Object::Dictionary(Dictionary::from_iter(vec![
                    ("Type", Object::Name(b"MCR".to_vec())),
                    ("Pg", Object::Reference(pages[mark.page])),
                    ("MCID", Object::Integer(mark.mcid)),
                ])),
                Kid::Annot(i) => Object::Dictionary(Dictionary::from_iter(vec![
                    ("Type", Object::Name(b"OBJR".to_vec())),
                    ("Pg", Object::Reference(pages[annots[*i].page])),
                    ("Obj", Object::Reference(annots[*i].id)),
                ])),
            })
            .collect();
        dict.set("K", Object::Array(k));
        doc.objects.insert(own, Object::Dictionary(dict));
    }

    crate::pdf::tags::finish_tree(doc, root_id, id(0), parent_tree, next_key, book.lang);
}
