//! `canllaw xliff`: translation through CAT tools (memoQ, Trados, Phrase…)
//! with XLIFF 1.2, the version every one of them reads.
//!
//! - [`export`] writes every bilingual text of the content (`content/` and
//!   `canllaw.toml`) and every interface string of the project's own Fluent
//!   files, one `<trans-unit>` each, with the target language the one asked
//!   for and the source the other, so packs written in Welsh first can be
//!   translated into English too.
//! - [`import`] reads a translated file back, checks everything before
//!   writing anything, and writes each new translation into its YAML, TOML
//!   or Fluent file in place (`edit`, `ftl`), then records the imported
//!   texts as reviewed in `translations.lock`.
//!
//! A unit's id is its file and its key (`content/principles/own-words.yaml#body`,
//! `locales/cy/site.ftl#principle-number`): stable across exports, and the
//! same key that `translations.lock` and `canllaw check` use. Markup is
//! protected as inline codes (`placeholders`).
//!
//! Interface strings: only the Fluent files a project has of its own
//! (`locales/cy/*.ftl`, `locales/en/*.ftl`) are exported, every message in
//! them. The strings built into canllaw are translated with canllaw; a
//! project that overrides a file takes it on, and a file it has in one
//! language only is translated into the other (on import that file is
//! started from the built-in one of that name, if there is one).

mod context;
mod edit;
mod export;
mod ftl;
mod import;
mod placeholders;
mod units;
mod xml;

pub use export::{Exported, Only, export};
pub use import::{Change, Imported, import};
pub use placeholders::Syntax;

/// How far a unit's translation has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// No translation yet (or the target is a copy of the source).
    New,
    /// The source changed since the pair was confirmed (per
    /// `translations.lock`): the translation needs review.
    NeedsReview,
    /// Translated, and up to date as far as canllaw can tell.
    Translated,
}

impl State {
    /// The XLIFF 1.2 `state` value.
    pub fn xliff(self) -> &'static str {
        match self {
            State::New => "new",
            State::NeedsReview => "needs-review-translation",
            State::Translated => "translated",
        }
    }
}
