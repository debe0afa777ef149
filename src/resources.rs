//! The interface strings, templates and theme: built into the binary, and
//! overridden file by file by a project's own `locales/`, `templates/` and
//! `theme/`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::load::read_text;
use crate::problem::Problem;

static LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");
static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");
static THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/theme");

/// The folders that hold overridable resources.
pub const FOLDERS: [&str; 3] = ["locales", "templates", "theme"];

/// One resource file and where it came from.
#[derive(Clone, Debug)]
pub struct Resource {
    /// The bytes.
    pub bytes: Cow<'static, [u8]>,
    /// True if the project's own file, false if built in.
    pub from_project: bool,
}

/// All resources by their path, e.g. `theme/canllaw.css`, `locales/cy/site.ftl`.
#[derive(Clone, Debug, Default)]
pub struct Resources {
    files: BTreeMap<String, Resource>,
}

fn add_builtin(files: &mut BTreeMap<String, Resource>, prefix: &str, dir: &'static Dir<'static>) {
    for entry in dir.entries() {
        match entry {
            include_dir::DirEntry::Dir(d) => add_builtin(files, prefix, d),
            include_dir::DirEntry::File(f) => {
                let path = format!("{prefix}/{}", f.path().to_string_lossy().replace('\\', "/"));
                files.insert(
                    path,
                    Resource {
                        bytes: Cow::Borrowed(f.contents()),
                        from_project: false,
                    },
                );
            }
        }
    }
}

impl Resources {
    /// Only the built-in resources.
    pub fn builtin() -> Resources {
        let mut files = BTreeMap::new();
        add_builtin(&mut files, "locales", &LOCALES);
        add_builtin(&mut files, "templates", &TEMPLATES);
        add_builtin(&mut files, "theme", &THEME);
        Resources { files }
    }

    /// The built-in resources with the project's own files laid over them.
    pub fn load(root: &Path, problems: &mut Vec<Problem>) -> Resources {
        let mut resources = Resources::builtin();
        for folder in FOLDERS {
            let dir = root.join(folder);
            if !dir.is_dir() {
                continue;
            }
            for entry in WalkDir::new(&dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
            {
                if !entry.file_type().is_file() && !entry.path_is_symlink() {
                    continue;
                }
                let Ok(relative) = entry.path().strip_prefix(root) else {
                    continue;
                };
                let name = relative.to_string_lossy().replace('\\', "/");
                if name.rsplit('/').next().is_some_and(|n| n.starts_with('.')) {
                    continue;
                }
                let bytes = if is_text(&name) {
                    read_text(root, relative, problems).map(String::into_bytes)
                } else {
                    read_binary(root, relative, problems)
                };
                if let Some(bytes) = bytes {
                    resources.files.insert(
                        name,
                        Resource {
                            bytes: Cow::Owned(bytes),
                            from_project: true,
                        },
                    );
                }
            }
        }
        resources
    }

    /// The resource at `path`.
    pub fn get(&self, path: &str) -> Option<&Resource> {
        self.files.get(path)
    }

    /// The text of the resource at `path` (resources are UTF-8 where text).
    pub fn text(&self, path: &str) -> Option<&str> {
        self.get(path)
            .and_then(|r| std::str::from_utf8(&r.bytes).ok())
    }

    /// Every resource whose path starts with `prefix`, in path order.
    pub fn under<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a Resource)> + 'a {
        self.files
            .range(prefix.to_string()..)
            .take_while(move |(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.as_str(), v))
    }
}

fn is_text(name: &str) -> bool {
    [".ftl", ".hbs", ".css", ".js", ".svg", ".txt", ".html"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

fn read_binary(root: &Path, relative: &Path, problems: &mut Vec<Problem>) -> Option<Vec<u8>> {
    // Bounded like the content: a pipe or a huge file in theme/ is refused,
    // not read forever.
    crate::load::read_bytes_at_most(root, relative, crate::load::MAX_FILE_BYTES, problems)
}
