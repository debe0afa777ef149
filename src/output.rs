//! Writing a build safely: into a staging folder beside the target, swapped
//! in only when everything is written, so a failed build leaves the previous
//! output exactly as it was, and nothing outside the output is touched.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::lang::Loc;
use crate::problem::{Code, Problem};

/// The file that marks a folder as canllaw's output, so a later build may
/// replace it.
pub const MARKER: &str = ".canllaw-build";

/// A build in progress.
///
/// Its folder is named `.OUT.canllaw-XXXXXX` beside the output `OUT`, and
/// the build holds a lock on the folder's marker file while it runs. A
/// build that was killed (the lock goes with its process) leaves its
/// staging folder behind; the next build into the same output removes it,
/// and puts back a previous output that a killed build had just moved
/// aside to swap in its own.
#[derive(Debug)]
pub struct Staging {
    dir: Option<tempfile::TempDir>,
    target: PathBuf,
    /// The marker, locked while the build runs.
    _lock: fs::File,
}

/// Staging folders of this process's running builds, removed if it is
/// interrupted (see [`clean_up_on_interrupt`]).
static ACTIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn active() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    ACTIVE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Makes Ctrl+C (and `kill`'s SIGTERM, and a closed terminal) remove the
/// staging folders of running builds before the process ends, with exit
/// code 130, so an interrupted build leaves nothing behind. For the
/// command line: a library user keeps its own signal handling. A killed
/// build (SIGKILL) cannot clean up; the next build does.
pub fn clean_up_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        for dir in active().drain(..) {
            let _ = fs::remove_dir_all(dir);
        }
        std::process::exit(130);
    });
}

/// The prefix of the staging folders of the output named `name`.
fn staging_prefix(name: &str) -> String {
    format!(".{name}.canllaw-")
}

/// Whether `marker` is locked by a running build.
fn in_use(marker: &Path) -> bool {
    match fs::File::open(marker) {
        Ok(file) => matches!(file.try_lock(), Err(fs::TryLockError::WouldBlock)),
        Err(_) => false,
    }
}

/// Removes what killed builds into `out` left in `parent`: their staging
/// folders, and a previous output moved aside (`….old`), which goes back in
/// place when the output itself is missing.
fn clean_stale(parent: &Path, name: &str, out: &Path) {
    let prefix = staging_prefix(name);
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let mut stale: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    stale.sort();
    for dir in stale {
        if dir.extension().is_some_and(|e| e == "old") {
            if !out.exists() {
                let _ = fs::rename(&dir, out);
            } else if !in_use(&out.join(MARKER)) {
                let _ = fs::remove_dir_all(&dir);
            }
        } else if !in_use(&dir.join(MARKER)) {
            let _ = fs::remove_dir_all(&dir);
        }
    }
}

fn bad(reason: &str, path: &Path) -> Problem {
    Problem::error(Code::BadOutput, Loc::file(Arc::from(path)))
        .arg("reason", reason)
        .arg("path", path.display())
}

fn absolute(path: &Path) -> io::Result<PathBuf> {
    // Resolve what exists, component by component, so that `out/..`, links
    // and `public/../..` cannot disguise the project or `/`; below the
    // first missing folder nothing can be a link, and `..` is lexical.
    let mut resolved = PathBuf::new();
    let mut exists = true;
    for component in std::path::absolute(path)?.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => resolved.push(component.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                resolved.push(name);
                if exists {
                    match resolved.canonicalize() {
                        Ok(real) => resolved = real,
                        Err(_) => exists = false,
                    }
                }
            }
        }
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
            return Err(bad("not-a-folder", out));
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
        clean_stale(parent, &name, out);
        let dir = tempfile::Builder::new()
            .prefix(&staging_prefix(&name))
            .tempdir_in(parent)
            .map_err(fail)?;
        // Registered before anything is written, so an interrupt from here
        // on removes the folder.
        active().push(dir.path().to_path_buf());
        let marker = (|| {
            let mut file = fs::File::create(dir.path().join(MARKER))?;
            file.lock()?;
            io::Write::write_all(
                &mut file,
                b"This folder was written by canllaw build; a later build replaces it whole.\n",
            )?;
            Ok(file)
        })();
        let marker = match marker {
            Ok(file) => file,
            Err(e) => {
                active().retain(|p| p != dir.path());
                return Err(fail(e));
            }
        };
        Ok(Staging {
            dir: Some(dir),
            target: out.to_path_buf(),
            _lock: marker,
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
        active().retain(|p| *p != staged);
        let target = &self.target;
        let fail = |e: io::Error| {
            Problem::error(Code::WriteFailed, Loc::file(Arc::from(target.as_path())))
                .arg("path", target.display())
                .arg("detail", e)
        };
        let old = if target.exists() {
            // Named after the staging folder, so that a later build
            // recognises it if this one is killed before the end.
            let mut name = staged.file_name().unwrap_or_default().to_os_string();
            name.push(".old");
            let old = staged.with_file_name(name);
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

impl Drop for Staging {
    fn drop(&mut self) {
        // A build that failed: its folder goes with the TempDir.
        if let Some(dir) = &self.dir {
            active().retain(|p| p != dir.path());
        }
    }
}

/// Writes one file whole or not at all: into a temporary file beside it,
/// then moved over it, so that a full disk or an interruption leaves the
/// file as it was (for `canllaw pdf -o`, `workbook -o`, `xliff export -o`).
///
/// # Errors
/// The error that kept the file from being written; the old file stays.
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // A temporary file is private; the file it becomes is as readable as
    // the one it replaces, or as any file the user writes.
    let permissions = match fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => {
            #[cfg(unix)]
            {
                std::os::unix::fs::PermissionsExt::from_mode(0o644)
            }
            #[cfg(not(unix))]
            {
                fs::metadata(parent)?.permissions()
            }
        }
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".canllaw-")
        .permissions(permissions)
        .tempfile_in(parent)?;
    io::Write::write_all(&mut temp, bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
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

    #[test]
    fn a_replaced_file_is_whole_or_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("form.cy.pdf");
        replace_file(&file, b"one").unwrap();
        replace_file(&file, b"two").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
        assert!(replace_file(&dir.path().join("no/such/folder/x.pdf"), b"x").is_err());
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "a temporary file was left");
    }

    #[test]
    fn dot_dot_cannot_disguise_the_project_or_the_root() {
        let project = tempfile::tempdir().unwrap();
        let p = project.path();
        fs::create_dir_all(p.join("content")).unwrap();
        assert!(check_target(&p.join("public/.."), p).is_err());
        assert!(check_target(&p.join("public/../.."), p).is_err());
        assert!(check_target(&p.join("a/b/../../public"), p).is_ok());
        let ups = "../".repeat(p.components().count() + 2);
        assert!(check_target(&p.join(ups), p).is_err());
    }

    #[test]
    fn a_later_build_removes_what_a_killed_one_left() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let first = Staging::new(&out).unwrap();
        write(first.path(), "index.html", b"one").unwrap();
        first.commit().unwrap();
        // A build killed while writing: its folder stays, unlocked.
        let killed = root.path().join(".public.canllaw-killed");
        fs::create_dir_all(killed.join("cy")).unwrap();
        fs::write(killed.join(MARKER), "").unwrap();
        // A build still running: its folder is locked, and is left alone.
        let running = Staging::new(&out).unwrap();
        let second = Staging::new(&out).unwrap();
        assert!(!killed.exists(), "the killed build's folder is still there");
        assert!(
            running.path().exists(),
            "a running build's folder was removed"
        );
        drop(running);
        second.commit().unwrap();
        let names: Vec<_> = fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["public"]);
    }

    #[test]
    fn a_previous_output_moved_aside_by_a_killed_build_comes_back() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let first = Staging::new(&out).unwrap();
        write(first.path(), "index.html", b"one").unwrap();
        first.commit().unwrap();
        // Killed between moving the output aside and moving its own in.
        let aside = root.path().join(".public.canllaw-killed.old");
        fs::rename(&out, &aside).unwrap();
        let next = Staging::new(&out).unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"one");
        drop(next);
        assert!(!aside.exists());
    }
}
