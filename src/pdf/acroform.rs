//! The interactive form: one AcroForm field per widget of the layout, named
//! exactly as FORMAT.md says (the same in every edition, so one set of data
//! fits any of them), each with its accessible name and canllaw's own
//! appearance streams, and values filled in from a draft.
//!
//! printpdf has no form fields, so they are added to the finished document
//! with lopdf.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::fill::{self, FONT};
use super::font::{field_font, fonts};
use super::layout::{Layout, WidgetKind};
use super::text_string;
use crate::draft::Draft;

/// Field flag: multi-line text.
const MULTILINE: i64 = 1 << 12;
/// Field flag: a radio group may not be set back to no choice by clicking.
const NO_TOGGLE_TO_OFF: i64 = 1 << 14;
/// Field flag: radio buttons.
const RADIO: i64 = 1 << 15;
/// Annotation flag: print the widget.
const PRINT: i64 = 4;

/// The field font as PDF objects: a simple TrueType font whose encoding
/// carries the Welsh letters, for viewers to type with.
fn add_field_font(doc: &mut Document) -> ObjectId {
    let font = field_font();
    let face = &fonts().regular;
    let program = doc.add_object(Stream::new(
        Dictionary::from_iter(vec![(
            "Length1",
            Object::Integer(font.program.len() as i64),
        )]),
        font.program.clone(),
    ));
    let (ascent, descent) = face.ascent_descent();
    let bbox = face.bbox();
    let descriptor = doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        (
            "FontName",
            Object::Name(b"CNLLAW+NotoSans-Regular".to_vec()),
        ),
        // Non-symbolic: the viewer maps codes through the encoding's glyph
        // names to the font's Unicode cmap.
        ("Flags", Object::Integer(32)),
        (
            "FontBBox",
            Object::Array(bbox.iter().map(|v| Object::Integer(*v)).collect()),
        ),
        ("ItalicAngle", Object::Integer(0)),
        ("Ascent", Object::Integer((ascent * 1000.0) as i64)),
        ("Descent", Object::Integer((descent * 1000.0) as i64)),
        (
            "CapHeight",
            Object::Integer((face.cap_height() * 1000.0) as i64),
        ),
        ("StemV", Object::Integer(80)),
        ("FontFile2", Object::Reference(program)),
    ]));
    let mut differences = Vec::new();
    for (code, name) in &font.differences {
        differences.push(Object::Integer(i64::from(*code)));
        differences.push(Object::Name(name.as_bytes().to_vec()));
    }
    // An explicit code-to-Unicode map: viewers that make their own
    // appearance while typing (pdf.js) find the Welsh letters' codes here.
    let to_unicode = doc.add_object(Stream::new(Dictionary::new(), to_unicode_cmap(&font.chars)));
    doc.add_object(Dictionary::from_iter(vec![
        ("ToUnicode", Object::Reference(to_unicode)),
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"TrueType".to_vec())),
        (
            "BaseFont",
            Object::Name(b"CNLLAW+NotoSans-Regular".to_vec()),
        ),
        ("FirstChar", Object::Integer(32)),
        ("LastChar", Object::Integer(255)),
        (
            "Widths",
            Object::Array(font.widths.iter().map(|w| Object::Integer(*w)).collect()),
        ),
        (
            "Encoding",
            Object::Dictionary(Dictionary::from_iter(vec![
                ("Type", Object::Name(b"Encoding".to_vec())),
                ("BaseEncoding", Object::Name(b"WinAnsiEncoding".to_vec())),
                ("Differences", Object::Array(differences)),
            ])),
        ),
        ("FontDescriptor", Object::Reference(descriptor)),
    ]))
}

/// A ToUnicode CMap for the codes from 32 whose characters are `chars`.
fn to_unicode_cmap(chars: &[char]) -> Vec<u8> {
    let mut entries = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if *c != '\0' {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            entries.push(format!("<{:02X}> <{hex}>", i + 32));
        }
    }
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<00> <FF>\nendcodespacerange\n",
    );
    // At most 100 entries to a block, as the CMap format requires.
    for block in entries.chunks(100) {
        out.push_str(&format!(
            "{} beginbfchar\n{}\nendbfchar\n",
            block.len(),
            block.join("\n")
        ));
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out.into_bytes()
}

/// A form XObject of `w` × `h` drawing `content`.
fn appearance(doc: &mut Document, w: f32, h: f32, content: Vec<u8>, font: ObjectId) -> ObjectId {
    let dict = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"XObject".to_vec())),
        ("Subtype", Object::Name(b"Form".to_vec())),
        (
            "BBox",
            Object::Array(vec![0.into(), 0.into(), Object::Real(w), Object::Real(h)]),
        ),
        (
            "Resources",
            Object::Dictionary(Dictionary::from_iter(vec![(
                "Font",
                Object::Dictionary(Dictionary::from_iter(vec![(FONT, Object::Reference(font))])),
            )])),
        ),
    ]);
    doc.add_object(Stream::new(dict, content))
}

/// Adds the fields of `layout` to `doc`, filled from `draft` if given.
/// Returns the widget annotations in the layout's order.
pub fn add(
    doc: &mut Document,
    layout: &Layout,
    pages: &[ObjectId],
    draft: Option<&Draft>,
) -> Vec<ObjectId> {
    let font = add_field_font(doc);
    let lang = draft.map_or(layout.lang, |d| d.lang);
    let mut fields: Vec<Object> = Vec::new();
    let mut annots: Vec<Vec<Object>> = pages.iter().map(|_| Vec::new()).collect();
    let mut widgets = Vec::with_capacity(layout.widgets.len());
    // The radio group being built: its name and field object.
    let mut group: Option<(String, ObjectId, Vec<Object>)> = None;

    let finish_group = |doc: &mut Document, group: &mut Option<(String, ObjectId, Vec<Object>)>| {
        if let Some((_, id, kids)) = group.take()
            && let Ok(dict) = doc.get_object_mut(id).and_then(Object::as_dict_mut)
        {
            dict.set("Kids", Object::Array(kids));
        }
    };

    for widget in &layout.widgets {
        let [x, top, w, h] = widget.rect;
        let page = pages[widget.page];
        let rect = Object::Array(vec![
            Object::Real(x),
            Object::Real(layout.height - top - h),
            Object::Real(x + w),
            Object::Real(layout.height - top),
        ]);
        let mut dict = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Annot".to_vec())),
            ("Subtype", Object::Name(b"Widget".to_vec())),
            ("Rect", rect),
            ("P", Object::Reference(page)),
            ("F", Object::Integer(PRINT)),
        ]);
        match &widget.kind {
            WidgetKind::Text { multiline } => {
                finish_group(doc, &mut group);
                let value = draft.and_then(|d| d.text(&widget.name)).unwrap_or("");
                let size = fill::size_for(*multiline, h);
                dict.set("FT", Object::Name(b"Tx".to_vec()));
                dict.set("T", text_string(&widget.name));
                dict.set("TU", text_string(&widget.tooltip));
                dict.set("DA", Object::string_literal(fill::default_appearance(size)));
                if *multiline {
                    dict.set("Ff", Object::Integer(MULTILINE));
                }
                if !value.is_empty() {
                    dict.set("V", text_string(value));
                }
                // No border or background of the widget's own: the page
                // draws the box, so it prints the same in every viewer.
                dict.set("MK", Dictionary::new());
                let ap = appearance(doc, w, h, fill::text(value, w, h, *multiline, lang), font);
                dict.set(
                    "AP",
                    Dictionary::from_iter(vec![("N", Object::Reference(ap))]),
                );
                let id = doc.add_object(dict);
                fields.push(Object::Reference(id));
                annots[widget.page].push(Object::Reference(id));
                widgets.push(id);
            }
            WidgetKind::Check => {
                finish_group(doc, &mut group);
                let on = draft.is_some_and(|d| d.ticked(&widget.name));
                let state = Object::Name(if on { b"Yes".to_vec() } else { b"Off".to_vec() });
                dict.set("FT", Object::Name(b"Btn".to_vec()));
                dict.set("T", text_string(&widget.name));
                dict.set("TU", text_string(&widget.tooltip));
                dict.set("V", state.clone());
                dict.set("AS", state);
                dict.set("MK", Dictionary::new());
                let yes = appearance(doc, w, h, fill::tick(w), font);
                let off = appearance(doc, w, h, Vec::new(), font);
                dict.set(
                    "AP",
                    Dictionary::from_iter(vec![(
                        "N",
                        Object::Dictionary(Dictionary::from_iter(vec![
                            ("Yes", Object::Reference(yes)),
                            ("Off", Object::Reference(off)),
                        ])),
                    )]),
                );
                let id = doc.add_object(dict);
                fields.push(Object::Reference(id));
                annots[widget.page].push(Object::Reference(id));
                widgets.push(id);
            }
            WidgetKind::Radio { option } => {
                if group
                    .as_ref()
                    .is_none_or(|(name, _, _)| *name != widget.name)
                {
                    finish_group(doc, &mut group);
                    let chosen = draft.and_then(|d| d.text(&widget.name));
                    let value = chosen.map_or(b"Off".to_vec(), |c| c.as_bytes().to_vec());
                    let parent = doc.add_object(Dictionary::from_iter(vec![
                        ("FT", Object::Name(b"Btn".to_vec())),
                        ("Ff", Object::Integer(RADIO | NO_TOGGLE_TO_OFF)),
                        ("T", text_string(&widget.name)),
                        ("TU", text_string(&widget.tooltip)),
                        ("V", Object::Name(value)),
                    ]));
                    fields.push(Object::Reference(parent));
                    group = Some((widget.name.clone(), parent, Vec::new()));
                }
                let parent = group
                    .as_ref()
                    .map(|(_, id, _)| *id)
                    .expect("a group was just started");
                let chosen = draft.and_then(|d| d.text(&widget.name)) == Some(option.as_str());
                dict.set("Parent", Object::Reference(parent));
                dict.set(
                    "AS",
                    Object::Name(if chosen {
                        option.as_bytes().to_vec()
                    } else {
                        b"Off".to_vec()
                    }),
                );
                dict.set("MK", Dictionary::new());
                let on = appearance(doc, w, h, fill::dot(w), font);
                let off = appearance(doc, w, h, Vec::new(), font);
                dict.set(
                    "AP",
                    Dictionary::from_iter(vec![(
                        "N",
                        Object::Dictionary(Dictionary::from_iter(vec![
                            (option.as_str(), Object::Reference(on)),
                            ("Off", Object::Reference(off)),
                        ])),
                    )]),
                );
                let id = doc.add_object(dict);
                if let Some((_, _, kids)) = group.as_mut() {
                    kids.push(Object::Reference(id));
                }
                annots[widget.page].push(Object::Reference(id));
                widgets.push(id);
            }
        }
    }
    finish_group(doc, &mut group);

    for (page, list) in pages.iter().zip(annots) {
        if let Ok(dict) = doc.get_object_mut(*page).and_then(Object::as_dict_mut) {
            dict.set("Annots", Object::Array(list));
        }
    }
    let acroform = doc.add_object(Dictionary::from_iter(vec![
        ("Fields", Object::Array(fields)),
        (
            "DR",
            Object::Dictionary(Dictionary::from_iter(vec![(
                "Font",
                Object::Dictionary(Dictionary::from_iter(vec![(FONT, Object::Reference(font))])),
            )])),
        ),
        ("DA", Object::string_literal(fill::default_appearance(10.0))),
    ]));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("AcroForm", Object::Reference(acroform));
    }
    widgets
}
