//! The broken-pack corpus: every case in `tests/corpus/NAME/` is the small
//! pack with the files of that folder laid over it, built (or checked) by
//! the real binary. Each must end as its `expect.txt` says — the exit code
//! and exactly the problems, each at its `file:line:col` — and never with a
//! panic, never with partial output, and never touching a file outside
//! `--out`: every case runs beside a canary file and a previous build, and
//! everything around the output is compared before and after.
//!
//! `expect.txt` holds, one a line (`#` starts a comment):
//!
//! - `run: build` (the default) or `run: check`;
//! - `out: previous` (the default: a folder holding an earlier build of the
//!   small pack), `absent`, `foreign` (a folder of someone's files), `file`,
//!   `project`, `parent`, `content`, `dotdot` (`PROJECT/public/..`) or
//!   `root` (`/`);
//! - `exit: N` (1 unless said);
//! - `delete: PATH`, `link: PATH -> TARGET`, `fifo: PATH`, `folder: PATH`,
//!   `generate: PATH KIND`: changes to the copy that files in a repository
//!   cannot carry (KIND is `big-body`, `big-title` or `big-file`);
//! - `contains: PATH TEXT`: a file the build must write, holding TEXT;
//! - any other line is a problem that must be reported: the start of its
//!   line as canllaw prints it in English, up to the ` — ` before the fix
//!   (`content/pages/about.yaml:1:10: error: title.cy is empty`).
//!   `{project}`, `{out}` and `{root}` stand for the case's folders.
//!
//! Every error reported must be one of those lines; warnings not listed
//! are allowed. `CANLLAW_BLESS=1 cargo test --test corpus` writes what
//! each case reports into its `expect.txt`, to be read before committing.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{copy_tree, small_pack};

/// One case of the corpus.
struct Case {
    name: String,
    dir: PathBuf,
    run: String,
    out: String,
    exit: i32,
    /// Directives other than `run`, `out` and `exit`, in order.
    setup: Vec<(String, String)>,
    contains: Vec<(String, String)>,
    /// The problem lines expected.
    problems: Vec<String>,
    /// The lines of `expect.txt` before the problems (for blessing).
    head: Vec<String>,
}

fn read_case(dir: &Path) -> Case {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let text = fs::read_to_string(dir.join("expect.txt"))
        .unwrap_or_else(|e| panic!("{name}: expect.txt: {e}"));
    let mut case = Case {
        name,
        dir: dir.to_path_buf(),
        run: "build".into(),
        out: "previous".into(),
        exit: 1,
        setup: Vec::new(),
        contains: Vec::new(),
        problems: Vec::new(),
        head: Vec::new(),
    };
    for line in text.lines() {
        let directive = line.split_once(": ").filter(|(key, _)| {
            [
                "run", "out", "exit", "delete", "link", "fifo", "folder", "generate", "contains",
            ]
            .contains(key)
        });
        match directive {
            _ if line.trim().is_empty() => {}
            _ if line.starts_with('#') => case.head.push(line.to_string()),
            Some((key, value)) => {
                case.head.push(line.to_string());
                match key {
                    "run" => case.run = value.to_string(),
                    "out" => case.out = value.to_string(),
                    "exit" => case.exit = value.parse().expect("exit: a number"),
                    "contains" => {
                        let (path, text) = value.split_once(' ').expect("contains: PATH TEXT");
                        case.contains.push((path.to_string(), text.to_string()));
                    }
                    _ => case.setup.push((key.to_string(), value.to_string())),
                }
            }
            None => case.problems.push(line.to_string()),
        }
    }
    case
}

/// What a folder holds: every entry below it, with a hash of each file's
/// bytes and each link's target, so that any change shows.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        let relative = path
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let kind = entry.file_type();
        let what = if kind.is_symlink() {
            format!("link {}", fs::read_link(path).unwrap().display())
        } else if kind.is_dir() {
            "folder".to_string()
        } else if kind.is_file() {
            let mut hasher = DefaultHasher::new();
            fs::read(path).unwrap().hash(&mut hasher);
            format!("file {:x}", hasher.finish())
        } else {
            "other".to_string()
        };
        found.insert(relative, what);
    }
    found
}

/// The names in a folder, for `/`, which is too big to snapshot.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A page whose body is `size` bytes of Welsh words.
fn big(kind: &str) -> Vec<u8> {
    let words = |bytes: usize| "Gair ".repeat(bytes / 5);
    let text = match kind {
        "big-body" => format!(
            "title: {{ cy: Mawr, en: Big }}\norder: 5\nbody:\n  cy: {}\n  en: Big.\n",
            words(10 * 1024 * 1024)
        ),
        "big-title" => format!(
            "title:\n  cy: {}\n  en: Big\norder: 5\nbody: {{ cy: Mawr., en: Big. }}\n",
            "Teitl".repeat(2 * 1024 * 1024)
        ),
        "big-file" => format!(
            "title: {{ cy: Mawr, en: Big }}\norder: 5\nbody: {{ cy: Mawr., en: Big. }}\n# {}\n",
            words(17 * 1024 * 1024)
        ),
        _ => panic!("no generator {kind}"),
    };
    text.into_bytes()
}

/// Lays the case over a copy of the small pack in `root/project`, beside
/// a canary file, a folder outside the project, and (as the case asks) a
/// previous output. Returns the project and the `--out` to give.
fn prepare(case: &Case, root: &Path, previous: &Path) -> (PathBuf, PathBuf) {
    let project = root.join("project");
    copy_tree(&small_pack(), &project);
    for entry in walkdir::WalkDir::new(&case.dir).min_depth(1) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(&case.dir).unwrap();
        if relative == Path::new("expect.txt") {
            continue;
        }
        let target = project.join(relative);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
    fs::write(root.join("canary.txt"), "a file beside the output\n").unwrap();
    fs::create_dir_all(root.join("outside")).unwrap();
    fs::write(
        root.join("outside/secret.yaml"),
        "title: { cy: Cyfrinach, en: Secret }\nbody: { cy: Preifat., en: Private. }\n",
    )
    .unwrap();
    for (key, value) in &case.setup {
        match key.as_str() {
            "delete" => {
                let path = project.join(value);
                if path.is_dir() {
                    fs::remove_dir_all(path).unwrap();
                } else {
                    fs::remove_file(path).unwrap();
                }
            }
            "link" => {
                let (path, target) = value.split_once(" -> ").expect("link: PATH -> TARGET");
                let path = project.join(path);
                if path.is_dir() {
                    fs::remove_dir_all(&path).unwrap();
                }
                std::os::unix::fs::symlink(target, path).unwrap();
            }
            "fifo" => {
                let path = std::ffi::CString::new(project.join(value).to_str().unwrap()).unwrap();
                // SAFETY: mkfifo(3) with a valid C string and a mode.
                assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
            }
            "folder" => fs::create_dir_all(project.join(value)).unwrap(),
            "generate" => {
                let (path, kind) = value.split_once(' ').expect("generate: PATH KIND");
                fs::write(project.join(path), big(kind)).unwrap();
            }
            _ => panic!("{}: unknown directive {key}", case.name),
        }
    }
    let out = root.join("out");
    let out = match case.out.as_str() {
        "previous" => {
            copy_tree(previous, &out);
            out
        }
        "absent" => out,
        "foreign" => {
            fs::create_dir_all(&out).unwrap();
            fs::write(out.join("notes.txt"), "someone's notes\n").unwrap();
            out
        }
        "file" => {
            fs::write(&out, "a file, not a folder\n").unwrap();
            out
        }
        "project" => project.clone(),
        "parent" => root.to_path_buf(),
        "content" => project.join("content/site"),
        "dotdot" => project.join("public/.."),
        "root" => PathBuf::from("/"),
        other => panic!("{}: unknown out {other}", case.name),
    };
    (project, out)
}

/// Runs one case; returns what went wrong, if anything, and the problem
/// lines it reported (for blessing).
fn run(case: &Case, previous: &Path) -> (Vec<String>, Vec<String>) {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().canonicalize().unwrap();
    let (project, out) = prepare(case, &root, previous);
    let before = snapshot(&root);
    let root_names = names(Path::new("/"));

    let mut command = Command::new(env!("CARGO_BIN_EXE_canllaw"));
    command.env("CANLLAW_LANG", "en").arg(&case.run);
    command.arg("--project").arg(&project);
    if case.run == "build" {
        command.arg("--out").arg(&out);
    }
    let output = command.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let placeholders = |line: &str| {
        line.replace(&out.display().to_string(), "{out}")
            .replace(&project.display().to_string(), "{project}")
            .replace(&root.display().to_string(), "{root}")
    };
    let reported: Vec<String> = text
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .map(|l| placeholders(l.split(" — ").next().unwrap_or(l)))
        .collect();

    let mut wrong = Vec::new();
    if text.contains("panicked") || output.status.code().is_none() {
        wrong.push(format!("it crashed ({}):\n{text}", output.status));
    }
    if output.status.code() != Some(case.exit) {
        wrong.push(format!(
            "exit {:?}, not {}:\n{text}",
            output.status.code(),
            case.exit
        ));
    }
    for expected in &case.problems {
        if !reported.iter().any(|r| r == expected) {
            wrong.push(format!("not reported: {expected}"));
        }
    }
    for r in reported.iter().filter(|r| r.contains(": error: ")) {
        if !case.problems.contains(r) {
            wrong.push(format!("reported, not expected: {r}"));
        }
    }

    // Nothing outside the output changed; the output changed only if the
    // build succeeded, and then it is a whole site.
    let after = snapshot(&root);
    let inside_out = |path: &str| {
        out.starts_with(&root)
            && out != root
            && root.join(path).starts_with(&out)
            && case.out != "project"
    };
    let may_change = |path: &str| output.status.success() && inside_out(path);
    for (path, what) in &before {
        if after.get(path) != Some(what) && !may_change(path) {
            wrong.push(format!("{path} changed: {what} → {:?}", after.get(path)));
        }
    }
    for path in after.keys() {
        if !before.contains_key(path) && !may_change(path) {
            wrong.push(format!("{path} was made"));
        }
    }
    if names(Path::new("/")) != root_names {
        wrong.push("the root folder changed".into());
    }
    if output.status.success() && case.run == "build" {
        for file in [
            "index.html",
            "cy/index.html",
            "en/index.html",
            ".canllaw-build",
        ] {
            if !out.join(file).is_file() {
                wrong.push(format!("the output has no {file}"));
            }
        }
    }
    for (path, needle) in &case.contains {
        let found = fs::read_to_string(out.join(path)).unwrap_or_default();
        if !found.contains(needle.as_str()) {
            wrong.push(format!("{path} does not hold {needle:?}"));
        }
    }
    (wrong, reported)
}

/// Writes what the case reported into its `expect.txt`.
fn bless(case: &Case, reported: &[String]) {
    let mut text = case.head.join("\n");
    text.push('\n');
    for line in reported {
        if line.contains(": error: ") || case.problems.contains(line) {
            text.push_str(line);
            text.push('\n');
        }
    }
    fs::write(case.dir.join("expect.txt"), text).unwrap();
}

#[test]
fn every_broken_pack_ends_as_expected_and_touches_nothing_else() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut cases: Vec<Case> = fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| read_case(&p))
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    if let Ok(only) = std::env::var("CANLLAW_CORPUS") {
        cases.retain(|c| c.name.contains(&only));
    }

    let previous = common::build(&small_pack());
    let blessing = std::env::var_os("CANLLAW_BLESS").is_some();
    let mut failures = Vec::new();
    for case in &cases {
        let (wrong, reported) = run(case, previous.path());
        if blessing {
            bless(case, &reported);
        }
        if !wrong.is_empty() {
            failures.push(format!("{}:\n  {}", case.name, wrong.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases went wrong:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
    println!("{} broken packs, each as expected", cases.len());
}
