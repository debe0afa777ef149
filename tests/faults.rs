//! Faults around a build: no space left, no permission to write, a build
//! killed or interrupted half-way, a draft cut short or far too large. In
//! each, the previous site stays exactly as it was, nothing is left behind
//! (or the next build clears it), and the user is told why.
//!
//! The no-space test mounts a small tmpfs in a user and mount namespace of
//! its own (`unshare`); where namespaces are not allowed it says so and
//! passes, except in CI (`CI=true`).

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{canllaw, small_pack, small_pack_copy, stderr};

/// Every file below `dir` with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    common::files(dir)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn build_args(project: &Path, out: &Path) -> Vec<String> {
    vec![
        "build".into(),
        "--project".into(),
        project.display().to_string(),
        "--out".into(),
        out.display().to_string(),
    ]
}

#[test]
fn no_space_left_keeps_the_previous_site() {
    let temp = tempfile::tempdir().unwrap();
    let disk = temp.path().join("disk");
    fs::create_dir(&disk).unwrap();
    let report = temp.path().join("report");
    let bin = env!("CARGO_BIN_EXE_canllaw");
    let project = small_pack();
    // In a namespace of its own: a 1 MB disk, on which one build of the
    // small pack (some 650 kB) fits and a second beside it does not. The
    // first build's files and the second's result are recorded outside.
    let script = format!(
        "set -e
mount -t tmpfs -o size=1000k tmpfs '{disk}'
echo canary > '{disk}/canary.txt'
'{bin}' build --project '{project}' --out '{disk}/site' >/dev/null || {{ echo first-build-failed > '{report}.exit'; exit 0; }}
cd '{disk}' && find . -type f | sort | xargs sha256sum > '{report}.before'
set +e
'{bin}' build --project '{project}' --out '{disk}/site' 2> '{report}.err'
echo $? > '{report}.exit'
set -e
cd '{disk}' && find . -type f | sort | xargs sha256sum > '{report}.after'
ls -A '{disk}' > '{report}.names'
",
        disk = disk.display(),
        bin = bin,
        project = project.display(),
        report = report.display(),
    );
    let result = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c", &script])
        .env("CANLLAW_LANG", "en")
        .output();
    if !report.with_extension("exit").exists() {
        let why = match &result {
            Ok(r) => String::from_utf8_lossy(&r.stderr).into_owned(),
            Err(e) => e.to_string(),
        };
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true and the no-space test could not make its disk: {why}"
        );
        eprintln!("skipping the no-space test: no tmpfs in a namespace here: {why}");
        return;
    }
    let read = |ext: &str| fs::read_to_string(report.with_extension(ext)).unwrap();
    assert_eq!(read("exit").trim(), "1", "{}", read("err"));
    assert!(
        read("err").contains("could not write") && read("err").contains("No space left"),
        "{}",
        read("err")
    );
    assert!(
        read("err").contains("Nothing was written"),
        "{}",
        read("err")
    );
    assert_eq!(read("before"), read("after"), "the previous site changed");
    assert!(read("before").contains("./site/index.html"));
    assert_eq!(
        read("names").split_whitespace().collect::<Vec<_>>(),
        ["canary.txt", "site"]
    );
}

#[test]
fn no_permission_keeps_the_previous_site() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path();
    let project = root.join("project");
    common::copy_tree(&small_pack(), &project);
    let parent = root.join("shelf");
    let site = parent.join("site");
    let ok = canllaw(
        &build_args(&project, &site)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    let before = contents(&site);
    // Root may write anywhere: run the build as nobody, on files nobody may
    // read but not change.
    let as_root = unsafe { libc::geteuid() } == 0;
    for dir in walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
    {
        let mode = if dir.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(mode)).unwrap();
    }
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o555)).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_canllaw"));
    command
        .args(build_args(&project, &site))
        .env("CANLLAW_LANG", "en");
    if as_root {
        command.uid(65534).gid(65534);
    }
    let result = command.output().unwrap();
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o755)).unwrap();
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(err.contains("could not write"), "{err}");
    assert!(err.contains("Permission denied"), "{err}");
    assert_eq!(contents(&site), before, "the previous site changed");
    assert_eq!(names(&parent), ["site"]);
}

/// Starts a build of the shipped pack (large enough to catch in the act)
/// over a previous one, and waits until its staging folder holds files.
fn build_caught_half_way(parent: &Path) -> (std::process::Child, PathBuf) {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = parent.join("site");
    let first = canllaw(
        &build_args(project, &site)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(first.status.success(), "{}", stderr(&first));
    let mut child = Command::new(env!("CARGO_BIN_EXE_canllaw"))
        .args(build_args(project, &site))
        .env("CANLLAW_LANG", "en")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(120) {
        let staging = fs::read_dir(parent)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(".site.canllaw-")
            });
        if let Some(staging) = staging
            && staging.join("pdf").is_dir()
        {
            return (child, staging);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("no staging folder with files appeared");
}

#[test]
fn a_killed_build_leaves_the_previous_site_and_the_next_build_clears_up() {
    let temp = tempfile::tempdir().unwrap();
    let parent = temp.path();
    let (mut child, staging) = {
        let (child, staging) = build_caught_half_way(parent);
        let before = contents(&parent.join("site"));
        (child, (staging, before))
    };
    let (staging, before) = staging;
    // SIGKILL, to this one process: it cannot clean up.
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        contents(&parent.join("site")),
        before,
        "the previous site changed"
    );
    assert!(staging.exists(), "the killed build cleaned up after all");

    let again = canllaw(
        &build_args(Path::new(env!("CARGO_MANIFEST_DIR")), &parent.join("site"))
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        names(parent),
        ["site"],
        "the killed build's folder is still there"
    );
}

#[test]
fn an_interrupted_build_removes_its_staging_folder_at_once() {
    let temp = tempfile::tempdir().unwrap();
    let parent = temp.path();
    let (child, staging) = build_caught_half_way(parent);
    let before = contents(&parent.join("site"));
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SIGTERM, as `kill PID` sends, to this one process.
    // SAFETY: kill(2) with the id of the child this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", stderr(&output));
    assert!(!staging.exists(), "the staging folder is still there");
    assert_eq!(
        contents(&parent.join("site")),
        before,
        "the previous site changed"
    );
    assert_eq!(names(parent), ["site"]);
}

fn pdf_with_draft(draft: &Path) -> (Option<i32>, String, PathBuf) {
    let out = draft.with_extension("pdf");
    let result = canllaw(&[
        "pdf",
        "support-plan",
        "--lang",
        "cy",
        "--fill",
        draft.to_str().unwrap(),
        "--project",
        small_pack().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    (result.status.code(), stderr(&result), out)
}

#[test]
fn a_truncated_draft_is_refused_with_where_it_ends() {
    let temp = tempfile::tempdir().unwrap();
    let draft = temp.path().join("draft.json");
    let whole = r#"{"form": "support-plan", "lang": "cy", "version": 1, "values": {"outcome": "Mynd i'r siop", "agreed": true}}"#;
    for cut in [0, 1, 30, whole.len() / 2, whole.len() - 1] {
        fs::write(&draft, &whole[..cut]).unwrap();
        let (code, err, out) = pdf_with_draft(&draft);
        assert_eq!(code, Some(1), "cut at {cut}: {err}");
        assert!(err.contains("draft.json:1:"), "cut at {cut}: {err}");
        assert!(
            err.contains("the draft is not valid JSON") && err.contains("cut short"),
            "cut at {cut}: {err}"
        );
        assert!(!out.exists(), "a PDF was written from half a draft");
    }
    fs::write(&draft, whole).unwrap();
    let (code, err, out) = pdf_with_draft(&draft);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.exists());
}

#[test]
fn a_huge_draft_or_one_that_never_ends_is_refused_at_once() {
    let temp = tempfile::tempdir().unwrap();
    let draft = temp.path().join("huge.json");
    let value = "gair ".repeat(1024 * 1024);
    fs::write(
        &draft,
        format!(r#"{{"form": "support-plan", "lang": "cy", "version": 1, "values": {{"outcome": "{value}"}}}}"#),
    )
    .unwrap();
    let started = Instant::now();
    let (code, err, out) = pdf_with_draft(&draft);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "huge.json:1:1: error: the file is 6 MB, too large for a draft (at most 2 MB)"
        ),
        "{err}"
    );
    assert!(!out.exists());
    // A device or a pipe reports no size and never ends: refused unread.
    let (code, err, _) = pdf_with_draft(Path::new("/dev/zero"));
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("/dev/zero:1:1: error: the file could not be read (not a regular file)"),
        "{err}"
    );
    let fifo = temp.path().join("pipe.json");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo(3) with a valid C string and a mode.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    let (code, err, _) = pdf_with_draft(&fifo);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn a_build_from_a_project_being_changed_never_leaves_half_a_site() {
    // The project changes while the build reads it: either build wins as a
    // whole, and the output is always a complete site.
    let pack = small_pack_copy();
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("site");
    let about = pack.path().join("content/pages/about.yaml");
    let good = fs::read_to_string(&about).unwrap();
    for round in 0..6 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_canllaw"))
            .args(build_args(pack.path(), &site))
            .env("CANLLAW_LANG", "en")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        if round % 2 == 0 {
            fs::remove_file(&about).unwrap();
        } else {
            fs::write(&about, "title: { cy: Hanner").unwrap();
        }
        std::thread::sleep(Duration::from_millis(20));
        fs::write(&about, &good).unwrap();
        let status = child.wait().unwrap();
        assert!(status.code().is_some(), "the build crashed");
        if site.exists() {
            for file in [
                "index.html",
                "cy/index.html",
                "en/pages/introduction.html",
                ".canllaw-build",
            ] {
                assert!(
                    site.join(file).is_file(),
                    "round {round}: the site has no {file}"
                );
            }
        }
        assert!(
            names(temp.path()).iter().all(|n| n == "site"),
            "round {round}: {:?}",
            names(temp.path())
        );
    }
}
