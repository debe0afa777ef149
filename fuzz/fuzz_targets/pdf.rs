//! The PDF writer: any bytes as a recording template of the small pack,
//! loaded and checked as `canllaw build` does; every template that loads is
//! written in each edition, and each PDF must parse and hold no action.
#![no_main]

use std::cell::RefCell;

use canllaw::pdf::{self, Edition};
use libfuzzer_sys::fuzz_target;

thread_local! {
    /// A copy of the small pack, made once, whose `content/forms/fuzz.yaml`
    /// each run writes.
    static PACK: RefCell<Option<tempfile::TempDir>> = const { RefCell::new(None) };
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    PACK.with(|pack| {
        let mut pack = pack.borrow_mut();
        let dir = pack.get_or_insert_with(|| {
            let dir = tempfile::tempdir().unwrap();
            let status = std::process::Command::new("cp")
                .arg("-r")
                .arg(canllaw_fuzz::small_pack().join("."))
                .arg(dir.path())
                .status()
                .unwrap();
            assert!(status.success());
            dir
        });
        std::fs::write(dir.path().join("content/forms/fuzz.yaml"), text).unwrap();
        let project = match canllaw::build::open(dir.path()) {
            Ok(project) => project,
            Err(problems) => {
                canllaw_fuzz::tell(&problems, usize::MAX / 2);
                return;
            }
        };
        let form = project.pack.forms.iter().find(|f| f.id == "fuzz").unwrap();
        for edition in [Edition::Cy, Edition::En, Edition::CyEn] {
            let bytes = pdf::form_pdf(&project.pack, &project.strings, form, edition, None)
                .expect("a template that loads makes a PDF");
            canllaw_fuzz::check_pdf(&bytes);
        }
    });
});
