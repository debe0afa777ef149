//! The organisation's logo on the cover, when it is a PNG (an SVG logo would
//! need a vector renderer canllaw does not carry; the cover then names the
//! organisation in words alone, as it always does too).
//!
//! A PNG's image data is the zlib stream PDF's Flate filter reads, and its
//! row filters are PDF's PNG predictors, so lopdf decodes it without another
//! crate; the pixels are split into colour and transparency (PDF keeps
//! transparency in a soft mask) and compressed again.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::brand::{Logo, LogoFormat};

/// The largest image canllaw decodes for a cover (pixels).
const MAX_PIXELS: usize = 4096 * 4096;

/// A PNG read far enough to embed.
struct Png {
    width: u32,
    height: u32,
    colour_type: u8,
    palette: Vec<u8>,
    transparency: Vec<u8>,
    data: Vec<u8>,
}

fn read_png(bytes: &[u8]) -> Option<Png> {
    let body = bytes.strip_prefix(b"\x89PNG\r\n\x1a\n")?;
    let mut at = 0;
    let mut png = Png {
        width: 0,
        height: 0,
        colour_type: 0,
        palette: Vec::new(),
        transparency: Vec::new(),
        data: Vec::new(),
    };
    let mut header = false;
    while at + 8 <= body.len() {
        let len = u32::from_be_bytes(body[at..at + 4].try_into().ok()?) as usize;
        let kind = &body[at + 4..at + 8];
        let start = at + 8;
        let end = start.checked_add(len)?;
        let chunk = body.get(start..end)?;
        match kind {
            b"IHDR" if chunk.len() >= 13 => {
                png.width = u32::from_be_bytes(chunk[0..4].try_into().ok()?);
                png.height = u32::from_be_bytes(chunk[4..8].try_into().ok()?);
                let depth = chunk[8];
                png.colour_type = chunk[9];
                let interlaced = chunk[12] != 0;
                // Eight bits a sample, not interlaced: what PDF's predictors read.
                if depth != 8 || interlaced || !matches!(png.colour_type, 0 | 2 | 3 | 4 | 6) {
                    return None;
                }
                header = true;
            }
            b"PLTE" => png.palette = chunk.to_vec(),
            b"tRNS" => png.transparency = chunk.to_vec(),
            b"IDAT" => png.data.extend_from_slice(chunk),
            b"IEND" => break,
            _ => {}
        }
        at = end + 4;
    }
    let pixels = (png.width as usize).checked_mul(png.height as usize)?;
    (header && pixels > 0 && pixels <= MAX_PIXELS && !png.data.is_empty()).then_some(png)
}

/// Whether the cover can show `logo`.
pub fn usable(logo: &Logo) -> bool {
    logo.format == LogoFormat::Png && read_png(&logo.bytes).is_some()
}

fn channels(colour_type: u8) -> usize {
    match colour_type {
        2 => 3,
        4 => 2,
        6 => 4,
        _ => 1,
    }
}

/// Adds `logo` to `doc` as an image, with a soft mask if it has
/// transparency. `None` if it cannot be read.
pub fn embed(doc: &mut Document, logo: &Logo) -> Option<ObjectId> {
    let png = read_png(&logo.bytes)?;
    let (w, h) = (png.width as usize, png.height as usize);
    let n = channels(png.colour_type);
    let encoded = Stream::new(
        Dictionary::from_iter(vec![
            ("Filter", Object::Name(b"FlateDecode".to_vec())),
            (
                "DecodeParms",
                Object::Dictionary(Dictionary::from_iter(vec![
                    ("Predictor", Object::Integer(15)),
                    ("Colors", Object::Integer(n as i64)),
                    ("BitsPerComponent", Object::Integer(8)),
                    ("Columns", Object::Integer(w as i64)),
                ])),
            ),
        ]),
        png.data,
    );
    let raw = encoded
        .decompressed_content_with_limit(w * h * n + h)
        .ok()?;
    if raw.len() < w * h * n {
        return None;
    }
    let mut colour = Vec::with_capacity(w * h * 3);
    let mut alpha = Vec::with_capacity(w * h);
    let gray = matches!(png.colour_type, 0 | 4);
    for px in raw.chunks_exact(n).take(w * h) {
        match png.colour_type {
            0 => {
                colour.push(px[0]);
                alpha.push(255);
            }
            4 => {
                colour.push(px[0]);
                alpha.push(px[1]);
            }
            2 => {
                colour.extend_from_slice(px);
                alpha.push(255);
            }
            6 => {
                colour.extend_from_slice(&px[..3]);
                alpha.push(px[3]);
            }
            _ => {
                let i = usize::from(px[0]);
                let rgb = png.palette.get(i * 3..i * 3 + 3).unwrap_or(&[0, 0, 0]);
                colour.extend_from_slice(rgb);
                alpha.push(png.transparency.get(i).copied().unwrap_or(255));
            }
        }
    }
    let image = |data: Vec<u8>, space: &[u8]| {
        let mut s = Stream::new(
            Dictionary::from_iter(vec![
                ("Type", Object::Name(b"XObject".to_vec())),
                ("Subtype", Object::Name(b"Image".to_vec())),
                ("Width", Object::Integer(w as i64)),
                ("Height", Object::Integer(h as i64)),
                ("ColorSpace", Object::Name(space.to_vec())),
                ("BitsPerComponent", Object::Integer(8)),
            ]),
            data,
        );
        let _ = s.compress();
        s
    };
    let mut main = image(colour, if gray { b"DeviceGray" } else { b"DeviceRGB" });
    if alpha.iter().any(|&a| a != 255) {
        let mask = doc.add_object(image(alpha, b"DeviceGray"));
        main.dict.set("SMask", Object::Reference(mask));
    }
    Some(doc.add_object(main))
}

/// Draws the image `image` into `rect` (left, top, width, height from the
/// page's top left) on `page`, as the marked content `mcid` of a figure.
pub fn place(
    doc: &mut Document,
    page: ObjectId,
    page_height: f32,
    image: ObjectId,
    rect: [f32; 4],
    mcid: i64,
) {
    let [x, top, w, h] = rect;
    let y = page_height - top - h;
    let content = format!(
        "/Figure <</MCID {mcid}>> BDC q {w:.2} 0 0 {h:.2} {x:.2} {y:.2} cm /CnLogo Do Q EMC\n"
    );
    let stream = doc.add_object(Stream::new(Dictionary::new(), content.into_bytes()));
    let Ok(dict) = doc.get_object(page).and_then(Object::as_dict).cloned() else {
        return;
    };
    let mut dict = dict;
    let contents = match dict.get(b"Contents") {
        Ok(Object::Array(a)) => {
            let mut a = a.clone();
            a.push(Object::Reference(stream));
            a
        }
        Ok(other) => vec![other.clone(), Object::Reference(stream)],
        Err(_) => vec![Object::Reference(stream)],
    };
    dict.set("Contents", Object::Array(contents));
    // The page's resources, inline or referenced, gain the image.
    let mut resources = match dict.get(b"Resources") {
        Ok(Object::Reference(r)) => doc
            .get_object(*r)
            .and_then(Object::as_dict)
            .cloned()
            .unwrap_or_default(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut xobjects = match resources.get(b"XObject") {
        Ok(Object::Dictionary(d)) => d.clone(),
        Ok(Object::Reference(r)) => doc
            .get_object(*r)
            .and_then(Object::as_dict)
            .cloned()
            .unwrap_or_default(),
        _ => Dictionary::new(),
    };
    xobjects.set("CnLogo", Object::Reference(image));
    resources.set("XObject", Object::Dictionary(xobjects));
    dict.set("Resources", Object::Dictionary(resources));
    doc.objects.insert(page, Object::Dictionary(dict));
}
