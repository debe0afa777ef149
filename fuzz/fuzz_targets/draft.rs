//! Draft filling: any bytes as a saved draft of one of the small pack's
//! templates (the first byte chooses which), read as `canllaw pdf --fill`
//! reads it; a draft that is accepted fills its PDF, which must parse and
//! hold no action.
#![no_main]

use std::path::Path;
use std::sync::Arc;

use canllaw::build::Project;
use canllaw::lang::Lang;
use canllaw::pdf::{self, Edition};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static PROJECT: Project =
        canllaw::build::open(&canllaw_fuzz::small_pack()).expect("the small pack loads");
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(source) = std::str::from_utf8(rest) else {
        return;
    };
    PROJECT.with(|project| {
        let forms = &project.pack.forms;
        let form = &forms[usize::from(which) % forms.len()];
        match canllaw::draft::parse(source, Arc::from(Path::new("draft.json")), form) {
            Ok(draft) => {
                let edition = match draft.lang {
                    Lang::Cy => Edition::Cy,
                    Lang::En => Edition::En,
                };
                let bytes =
                    pdf::form_pdf(&project.pack, &project.strings, form, edition, Some(&draft))
                        .expect("an accepted draft fills its PDF");
                canllaw_fuzz::check_pdf(&bytes);
            }
            Err(problems) => canllaw_fuzz::tell(&problems, canllaw_fuzz::lines(source)),
        }
    });
});
