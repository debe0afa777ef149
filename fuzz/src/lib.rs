//! What the fuzz targets share: the small test pack, loaded once, and the
//! properties every target checks besides "no panic".

use std::path::{Path, PathBuf};

use canllaw::lang::Lang;
use canllaw::problem::{Messages, Problem};

/// The small pack of canllaw's tests, written to FORMAT.md.
pub fn small_pack() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/packs/small")
}

thread_local! {
    /// The tool's messages in Welsh and English, read once.
    static MESSAGES: [Messages; 2] = Lang::ALL.map(Messages::new);
}

/// How many lines `text` has as YAML counts them: a line ends at `\n`,
/// `\r\n` or a lone `\r`.
pub fn lines(text: &str) -> usize {
    text.replace("\r\n", "\n").matches(['\n', '\r']).count() + 1
}

/// Tells every problem in both languages: a message whose arguments do not
/// match its catalogue entry fails here, as it would for a user.
pub fn tell(problems: &[Problem], lines: usize) {
    MESSAGES.with(|all| {
        for messages in all {
            tell_in(messages, problems, lines);
        }
    });
}

fn tell_in(messages: &Messages, problems: &[Problem], lines: usize) {
    {
        for p in problems {
            let told = messages.render(p);
            assert!(!told.is_empty());
            // A place past the end of the file points nowhere.
            assert!(
                p.at.line as usize <= lines,
                "{told}: line {} of a text of {lines} lines",
                p.at.line
            );
        }
    }
}

/// Loads a PDF canllaw wrote and fails if it does not parse or if anything
/// in it could act: JavaScript, a launch, a `javascript:` link.
pub fn check_pdf(bytes: &[u8]) {
    let doc = lopdf::Document::load_mem(bytes).expect("canllaw's PDF parses");
    for (id, object) in &doc.objects {
        let dict = match object {
            lopdf::Object::Dictionary(d) => d,
            lopdf::Object::Stream(s) => &s.dict,
            _ => continue,
        };
        for (key, value) in dict.iter() {
            assert!(
                !matches!(
                    key.as_slice(),
                    b"JS" | b"JavaScript" | b"Launch" | b"AA" | b"OpenAction"
                ),
                "object {id:?} has /{}",
                String::from_utf8_lossy(key)
            );
            if key == b"S" {
                let name = value.as_name().unwrap_or_default();
                assert!(
                    !matches!(
                        name,
                        b"JavaScript" | b"Launch" | b"URI" | b"SubmitForm" | b"ImportData"
                    ),
                    "object {id:?} is a /{} action",
                    String::from_utf8_lossy(name)
                );
            }
        }
    }
}
