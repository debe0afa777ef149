//! `canllaw new DIR`: a small working bilingual pack to start from.
//!
//! The pack is kept as real files in `src/new/pack/`, so it is read, built
//! and checked like any other pack (a test makes sure it stays clean), and
//! built into the binary, so `new` works wherever canllaw is installed. Its
//! YAML comments teach the format in Welsh and English.

use std::fs;
use std::io::{self, Write as _};
use std::path::Path;
use std::sync::Arc;

use include_dir::{Dir, DirEntry, include_dir};

use crate::lang::Loc;
use crate::problem::{Code, Problem};

static PACK: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/new/pack");

/// What may already be in the folder: a repository made first with `git
/// init` is the usual way to start.
const ALLOWED: [&str; 1] = [".git"];

/// The files of the starter pack, by their path in it.
pub fn files() -> Vec<(String, &'static [u8])> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
        for entry in dir.entries() {
            match entry {
                DirEntry::Dir(d) => walk(d, out),
                DirEntry::File(f) => {
                    out.push((f.path().to_string_lossy().replace('\\', "/"), f.contents()))
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&PACK, &mut out);
    out.sort();
    out
}

/// Writes the starter pack into `dir`, which must be new or empty, and
/// returns how many files it wrote. Its translations are recorded as
/// reviewed (`translations.lock`), as its Welsh and English agree, so
/// `check` starts clean and reports each text the author changes in one
/// language only.
///
/// # Errors
/// The folder holds files already (nothing is written), or a file could not
/// be written.
pub fn create(dir: &Path) -> Result<usize, Vec<Problem>> {
    let written = write(dir).map_err(|p| vec![p])?;
    crate::check::confirm_translations(dir)?;
    Ok(written + 1)
}

fn write(dir: &Path) -> Result<usize, Problem> {
    let at = || Loc::file(Arc::from(dir));
    if dir.exists() {
        let occupied = !dir.is_dir()
            || fs::read_dir(dir)
                .map_err(|e| Problem::error(Code::Unreadable, at()).arg("detail", e))?
                .filter_map(Result::ok)
                .any(|e| !ALLOWED.contains(&e.file_name().to_string_lossy().as_ref()));
        if occupied {
            return Err(Problem::error(Code::NotEmpty, at()).arg("path", dir.display()));
        }
    }
    let files = files();
    for (path, bytes) in &files {
        let target = dir.join(path);
        let fail = |e: io::Error| {
            Problem::error(Code::WriteFailed, Loc::file(Arc::from(target.as_path())))
                .arg("path", target.display())
                .arg("detail", e)
        };
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(fail)?;
        }
        // `create_new`: never over a file that appeared meanwhile.
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
            .map_err(fail)?;
        file.write_all(bytes).map_err(fail)?;
    }
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pack_has_every_kind_of_file() {
        let names: Vec<String> = files().into_iter().map(|(p, _)| p).collect();
        for wanted in [
            "canllaw.toml",
            "content/groups.yaml",
            "content/glossary.yaml",
            "content/principles/listen-first.yaml",
            "content/principles/same-day.yaml",
            "content/examples/a-visit-to-megan.yaml",
            "content/exercises/looking-back-at-a-visit.yaml",
            "content/forms/visit-record.yaml",
            "content/pages/about-this-guide.yaml",
        ] {
            assert!(names.iter().any(|n| n == wanted), "{wanted} missing");
        }
    }

    #[test]
    fn a_folder_with_files_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let problems = create(dir.path()).unwrap_err();
        assert_eq!(problems[0].code, Code::NotEmpty);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_new_or_git_only_folder_is_filled() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("pack");
        assert_eq!(create(&target).unwrap(), files().len() + 1);
        assert!(target.join("canllaw.toml").is_file());
        assert!(target.join(crate::check::LOCK_FILE).is_file());
        let git = dir.path().join("repo");
        fs::create_dir_all(git.join(".git")).unwrap();
        assert!(create(&git).is_ok());
    }
}
