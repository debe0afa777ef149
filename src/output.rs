//! Writing a build safely: into a staging folder beside the target, swapped
//! in only when everything is written, so a failed build leaves the previous
//! output exactly as it was, and nothing outside the output is touched.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::lang::Loc;
use crate::problem::{Code, Problem};

/// The file that marks a folder as canllaw's output, so a later build may
/// replace it.
pub const MARKER: &str = ".canllaw-build";

/// A build in progress.
#[derive(Debug)]
pub struct Staging {
    dir: Option<tempfile::TempDir>,
    target: PathBuf,
}

fn bad(reason: &str, path: &Path) -> Problem {
    Problem::error(Code::BadOutput, Loc::file(Arc::from(path)))
        .arg("reason", reason)
        .arg("path", path.display())
}

fn absolute(path: &Path) -> io::Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    // Resolve what exists, so `out/..` and links cannot disguise the project.
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize()?;
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    Ok(resolved)
}

/// Checks that `out` may receive a build of the project in `project`.
///
/// # Errors
/// A problem saying why not: it is the project, contains it, lies in its
/// content, is `/`, or holds files canllaw did not write.
pub fn check_target(out: &Path, project: &Path) -> Result<PathBuf, Problem> {
    let out_abs = absolute(out).map_err(|e| {
        Problem::error(Code::WriteFailed, Loc::file(Arc::from(out)))
            .arg("path", out.display())
            .arg("detail", e)
    })?;
    let project_abs = absolute(project).unwrap_or_else(|_| project.to_path_buf());
    if out_abs.parent().is_none() {
        return Err(bad("is-root", out));
    }
    if out_abs == project_abs {
        return Err(bad("is-project", out));
    }
    if project_abs.starts_with(&out_abs) {
        return Err(bad("contains-project", out));
    }
    for folder in ["content", "locales", "templates", "theme"] {
        if out_abs.starts_with(project_abs.join(folder)) {
            return Err(bad("inside-content", out));
        }
    }
    if out_abs.exists() {
        if !out_abs.is_dir() {
            return Err(bad("not-a-build", out));
        }
        let empty = fs::read_dir(&out_abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !out_abs.join(MARKER).is_file() {
            return Err(bad("not-a-build", out));
        }
    }
    Ok(out_abs)
}

impl Staging {
    /// Starts a build for `out` (already checked by [`check_target`]).
    ///
    /// # Errors
    /// If the staging folder cannot be made beside `out`.
    pub fn new(out: &Path) -> Result<Staging, Problem> {
        let parent = out.parent().unwrap_or(Path::new("."));
        let fail = |e: io::Error| {
            Problem::error(Code::WriteFailed, Loc::file(Arc::from(out)))
                .arg("path", parent.display())
                .arg("detail", e)
        };
        fs::create_dir_all(parent).map_err(fail)?;
        let name = out
            .file_name()
            .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.canllaw-"))
            .tempdir_in(parent)
            .map_err(fail)?;
        fs::write(
            dir.path().join(MARKER),
            b"This folder was written by canllaw build; a later build replaces it whole.\n",
        )
        .map_err(fail)?;
        Ok(Staging {
            dir: Some(dir),
            target: out.to_path_buf(),
        })
    }

    /// Where to write the build.
    pub fn path(&self) -> &Path {
        self.dir.as_ref().map_or(&self.target, |d| d.path())
    }

    /// Swaps the finished build into place and removes the previous one.
    ///
    /// # Errors
    /// If the swap fails; the previous output is then restored.
    pub fn commit(mut self) -> Result<(), Problem> {
        let dir = self.dir.take().expect("a staging folder until committed");
        let staged = dir.keep();
        let target = &self.target;
        let fail = |e: io::Error| {
            Problem::error(Code::WriteFailed, Loc::file(Arc::from(target.as_path())))
                .arg("path", target.display())
                .arg("detail", e)
        };
        let old = if target.exists() {
            let old = staged.with_extension("old");
            fs::rename(target, &old).map_err(|e| {
                let _ = fs::remove_dir_all(&staged);
                fail(e)
            })?;
            Some(old)
        } else {
            None
        };
        if let Err(e) = fs::rename(&staged, target) {
            if let Some(old) = &old {
                let _ = fs::rename(old, target);
            }
            let _ = fs::remove_dir_all(&staged);
            return Err(fail(e));
        }
        if let Some(old) = old {
            let _ = fs::remove_dir_all(old);
        }
        Ok(())
    }
}

/// Writes `bytes` to `dir/relative`, making folders as needed.
///
/// # Errors
/// A problem naming the file.
pub fn write(dir: &Path, relative: &str, bytes: &[u8]) -> Result<(), Problem> {
    let path = dir.join(relative);
    let fail = |e: io::Error| {
        Problem::error(Code::WriteFailed, Loc::file(Arc::from(Path::new(relative))))
            .arg("path", relative)
            .arg("detail", e)
    };
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(fail)?;
    }
    fs::write(&path, bytes).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_project_and_foreign_folders() {
        let project = tempfile::tempdir().unwrap();
        let p = project.path();
        fs::create_dir_all(p.join("content")).unwrap();
        assert!(check_target(p, p).is_err());
        assert!(check_target(p.parent().unwrap(), p).is_err());
        assert!(check_target(&p.join("content/out"), p).is_err());
        assert!(check_target(Path::new("/"), p).is_err());
        let foreign = p.join("mine");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), "mine").unwrap();
        assert!(check_target(&foreign, p).is_err());
        assert!(check_target(&p.join("public"), p).is_ok());
    }

    #[test]
    fn a_dropped_build_leaves_the_previous_output() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let first = Staging::new(&out).unwrap();
        write(first.path(), "index.html", b"one").unwrap();
        first.commit().unwrap();
        let second = Staging::new(&out).unwrap();
        write(second.path(), "index.html", b"two").unwrap();
        drop(second);
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"one");
        let entries: Vec<_> = fs::read_dir(root.path()).unwrap().collect();
        assert_eq!(entries.len(), 1, "no staging folder left behind");
        let third = Staging::new(&out).unwrap();
        write(third.path(), "index.html", b"three").unwrap();
        third.commit().unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"three");
    }
}
