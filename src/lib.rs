//! canllaw turns guidance written as bilingual YAML into a Welsh/English
//! website, fillable PDF recording templates and a trainer's workbook.
//!
//! The data flows one way, and the modules are named for the stages:
//!
//! 1. [`load`] reads a project folder ([`config`] for `canllaw.toml`, [`yaml`]
//!    and [`decode`] for the content), and [`validate`] checks references
//!    across files; the result is the typed [`model::Pack`], holding both
//!    languages of every text ([`lang`]).
//! 2. Renderers read the pack: [`site`] writes the website (with [`markdown`],
//!    [`i18n`], [`collate`], [`search`] and the built-in [`resources`]);
//!    [`pdf`] writes the fillable recording templates (reading saved
//!    [`draft`]s to fill them); [`export`] writes other formats.
//! 3. [`output`] swaps a finished build into place, so a failed build never
//!    leaves a half-written folder.
//!
//! Around the pipeline: [`serve`] previews a project, rebuilding as its files
//! change; [`new`] writes a starter pack; [`brand`] reads and checks the
//! project's branding (logo, colour, footer, contact) for every renderer;
//! [`xliff`] exchanges texts with translators' tools.
//!
//! Every problem is a [`problem::Problem`] with a place and a code, told to
//! the user in Welsh or English.

pub mod brand;
pub mod build;
pub mod check;
pub mod collate;
pub mod config;
pub mod decode;
pub mod draft;
pub mod export;
pub mod i18n;
pub mod lang;
pub mod load;
pub mod markdown;
pub mod model;
pub mod new;
pub mod output;
pub mod pdf;
pub mod problem;
pub mod resources;
pub mod search;
pub mod serve;
pub mod site;
pub mod validate;
pub mod welsh;
pub mod xliff;
pub mod yaml;
