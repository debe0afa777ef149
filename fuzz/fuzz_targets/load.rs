//! The loader: any bytes as any kind of content file (or as
//! `canllaw.toml`), read as `canllaw build` reads them. Every problem must
//! be told in both languages at a line of the file.
#![no_main]

use std::path::Path;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

/// Where the first byte sends the rest.
const FILES: [&str; 8] = [
    "content/groups.yaml",
    "content/glossary.yaml",
    "content/principles/fuzz.yaml",
    "content/examples/fuzz.yaml",
    "content/exercises/fuzz.yaml",
    "content/forms/fuzz.yaml",
    "content/pages/fuzz.yaml",
    "canllaw.toml",
];

thread_local! {
    static EMPTY: tempfile::TempDir = tempfile::tempdir().unwrap();
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let file = FILES[usize::from(which) % FILES.len()];
    let text = String::from_utf8_lossy(rest);
    let mut problems = Vec::new();
    if file == "canllaw.toml" {
        // The logo is looked for in an empty folder: the fuzzer must not
        // read the machine's files.
        let empty = tempfile::tempdir().unwrap();
        canllaw::config::parse(
            empty.path(),
            &text,
            Arc::from(Path::new(file)),
            &mut problems,
        );
    } else {
        canllaw::load::decode_file(Path::new(file), &text, &mut problems);
    }
    canllaw_fuzz::tell(&problems, canllaw_fuzz::lines(&text));
});
