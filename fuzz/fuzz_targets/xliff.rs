//! XLIFF import: any bytes as a translator's XLIFF file, imported into a
//! copy of the small pack as `canllaw xliff import` does. Whatever it
//! holds, an import that succeeds writes files that still read as YAML and
//! TOML, with the keys and shapes of the format; the pack is put back after
//! each run.
#![no_main]

use std::cell::RefCell;
use std::path::Path;

use canllaw::problem::Code;
use libfuzzer_sys::fuzz_target;

thread_local! {
    /// A folder holding the pack, made again before each run, and the file.
    static WORK: RefCell<Option<tempfile::TempDir>> = const { RefCell::new(None) };
}

/// Problems an import must never cause: the files it wrote do not read.
const BROKEN: [Code; 9] = [
    Code::YamlSyntax,
    Code::YamlTab,
    Code::YamlManyDocuments,
    Code::TomlSyntax,
    Code::NotUtf8,
    Code::UnknownKey,
    Code::UnknownKeySuggest,
    Code::DuplicateKey,
    Code::WrongType,
];

fn copy(from: &Path, to: &Path) {
    let status = std::process::Command::new("cp")
        .arg("-r")
        .arg(from.join("."))
        .arg(to)
        .status()
        .unwrap();
    assert!(status.success());
}

fuzz_target!(|data: &[u8]| {
    WORK.with(|work| {
        let mut work = work.borrow_mut();
        let dir = work.get_or_insert_with(|| tempfile::tempdir().unwrap());
        let project = dir.path().join("project");
        let _ = std::fs::remove_dir_all(&project);
        std::fs::create_dir_all(&project).unwrap();
        copy(&canllaw_fuzz::small_pack(), &project);
        let file = dir.path().join("import.xlf");
        std::fs::write(&file, data).unwrap();
        match canllaw::xliff::import(&project, &file) {
            Ok(_) => {
                if let Err(problems) = canllaw::load::load(&project) {
                    let broken: Vec<_> = problems
                        .iter()
                        .filter(|p| BROKEN.contains(&p.code))
                        .collect();
                    assert!(
                        broken.is_empty(),
                        "the import wrote files that do not read: {broken:?}"
                    );
                }
            }
            Err(problems) => canllaw_fuzz::tell(&problems, usize::MAX / 2),
        }
    });
});
