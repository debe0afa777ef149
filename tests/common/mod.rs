//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod hostile;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The small pack written to FORMAT.md that the tests build.
pub fn small_pack() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs/small")
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the small pack in a temporary folder, to break on purpose.
pub fn small_pack_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&small_pack(), dir.path());
    dir
}

/// A copy of the small pack with `extra` more examples (`extra-000`, …), to
/// make a large site.
pub fn large_pack(extra: usize) -> tempfile::TempDir {
    let project = small_pack_copy();
    for i in 0..extra {
        fs::write(
            project
                .path()
                .join(format!("content/examples/extra-{i:03}.yaml")),
            format!(
                "title: {{ cy: Enghraifft ychwanegol {i}, en: Extra example {i} }}\n\
                 principles: [own-words]\n\
                 more_helpful: {{ cy: Testun {i}., en: Text {i}. }}\n\
                 commentary: {{ cy: Sylw {i}., en: Comment {i}. }}\n"
            ),
        )
        .unwrap();
    }
    project
}

/// Runs the canllaw binary in English.
pub fn canllaw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canllaw"))
        .args(args)
        .env("CANLLAW_LANG", "en")
        .output()
        .unwrap()
}

/// Runs the canllaw binary with messages in Welsh.
pub fn canllaw_cy(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canllaw"))
        .args(args)
        .env("CANLLAW_LANG", "cy")
        .output()
        .unwrap()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Builds `project` into a new temporary folder and returns it.
pub fn build(project: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let result = canllaw(&[
        "build",
        "--project",
        project.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(result.status.success(), "build failed: {}", stderr(&result));
    out
}

/// Every file below `dir`, as paths relative to it with `/`.
pub fn files(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    found.sort();
    found
}
