//! Problems found in a content pack, and how they are told to the user.
//!
//! A problem carries a [`Code`] and its arguments, not a finished sentence: the
//! sentence comes from the tool's own Fluent catalogue (`src/messages/`) in the
//! language the user reads, Welsh or English, so an error is never only in
//! English.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use serde::Serialize;

use crate::lang::{Lang, Loc};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Stops a build and makes `check` exit 1.
    Error,
    /// Reported; makes `check` exit 1 only with `--deny-warnings`.
    Warning,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $id:literal,)*) => {
        /// What kind of problem this is. Each code has a message and a fix in
        /// both languages of the tool's catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code { $($(#[$doc])* $variant,)* }

        impl Code {
            /// Every code, for tests that check the catalogue is complete.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable identifier, used as the Fluent message id and in JSON output.
            pub fn id(self) -> &'static str {
                match self { $(Code::$variant => $id,)* }
            }
        }
    };
}

codes! {
    /// A file could not be read.
    Unreadable = "unreadable",
    /// A file is not valid UTF-8.
    NotUtf8 = "not-utf8",
    /// YAML syntax error.
    YamlSyntax = "yaml-syntax",
    /// YAML nested too deeply.
    YamlTooDeep = "yaml-too-deep",
    /// YAML aliases expand beyond the budget.
    YamlAliasBomb = "yaml-alias-bomb",
    /// An alias names an anchor that was never set.
    YamlUnknownAlias = "yaml-unknown-alias",
    /// A line of YAML indented with a tab.
    YamlTab = "yaml-tab",
    /// A file holds more than one YAML document.
    YamlManyDocuments = "yaml-many-documents",
    /// A file is larger than canllaw reads.
    FileTooLarge = "file-too-large",
    /// A TOML error in canllaw.toml.
    TomlSyntax = "toml-syntax",
    /// A required file is missing.
    MissingFile = "missing-file",
    /// A key that the format does not know.
    UnknownKey = "unknown-key",
    /// A key that the format does not know, with a likely intended key.
    UnknownKeySuggest = "unknown-key-suggest",
    /// A required key is missing.
    MissingKey = "missing-key",
    /// A key appears twice in one mapping.
    DuplicateKey = "duplicate-key",
    /// A value of the wrong type.
    WrongType = "wrong-type",
    /// A bilingual text with one side empty.
    EmptyText = "empty-text",
    /// A text longer than its kind of field takes.
    TextTooLong = "text-too-long",
    /// A bilingual text with one side missing.
    MissingLanguage = "missing-language",
    /// A bilingual text with a language other than cy and en.
    UnknownLanguage = "unknown-language",
    /// An id that does not follow the pattern.
    BadId = "bad-id",
    /// A file name that is not a valid id.
    BadFileName = "bad-file-name",
    /// Two items with one id.
    DuplicateId = "duplicate-id",
    /// Two items with one number.
    DuplicateNumber = "duplicate-number",
    /// A number out of range.
    BadNumber = "bad-number",
    /// A reference to a group that does not exist.
    UnknownGroup = "unknown-group",
    /// A reference to an item that does not exist.
    UnknownReference = "unknown-reference",
    /// A Markdown link to an item that does not exist.
    UnknownLink = "unknown-link",
    /// A Markdown link of a kind canllaw does not know.
    UnknownLinkKind = "unknown-link-kind",
    /// A Markdown link to a scheme that must never reach a page.
    UnsafeLink = "unsafe-link",
    /// A value outside its list (field type, form kind…).
    NotInList = "not-in-list",
    /// A list that must hold at least one entry is empty.
    EmptyList = "empty-list",
    /// A key that only makes sense with another value.
    MisplacedKey = "misplaced-key",
    /// A form section with both or neither of fields and table.
    SectionShape = "section-shape",
    /// A choice field without options.
    NoOptions = "no-options",
    /// A settings value that is not allowed.
    BadSetting = "bad-setting",
    /// A Fluent file that does not parse.
    FluentSyntax = "fluent-syntax",
    /// A Fluent message missing in one language.
    FluentMissing = "fluent-missing",
    /// A Fluent message that failed to format.
    FluentFormat = "fluent-format",
    /// A template that does not parse or render.
    TemplateError = "template-error",
    /// The output folder is not one canllaw may write to.
    BadOutput = "bad-output",
    /// Writing the output failed.
    WriteFailed = "write-failed",
    /// A file in the project that canllaw does not read.
    StrayFile = "stray-file",
    /// A symbolic link that leads outside the project.
    LinkOutside = "link-outside",
    /// A saved draft that is not valid JSON.
    DraftSyntax = "draft-syntax",
    /// A saved draft larger than any draft the site writes.
    DraftTooLarge = "draft-too-large",
    /// A saved draft whose top-level keys are missing or of the wrong kind.
    DraftShape = "draft-shape",
    /// A saved draft of a format version this build does not read.
    DraftVersion = "draft-version",
    /// A saved draft for another form.
    DraftWrongForm = "draft-wrong-form",
    /// A saved draft with a value for a field the form does not have.
    DraftUnknownField = "draft-unknown-field",
    /// A saved draft with a value of the wrong kind for its field.
    DraftWrongValue = "draft-wrong-value",
    /// A PDF could not be made (a fault in canllaw, not in the content).
    PdfFailed = "pdf-failed",
    /// `canllaw workbook --groups` naming a group the pack does not have.
    WorkbookUnknownGroup = "workbook-unknown-group",
    /// A link in the built site to a file the build does not hold.
    BrokenLink = "broken-link",
    /// A link in the built site to an id its target page does not have.
    BrokenFragment = "broken-fragment",
    /// A page without a language switcher link to its other language.
    SwitcherMissing = "switcher-missing",
    /// A language switcher link that leads somewhere other than the counterpart.
    SwitcherMismatch = "switcher-mismatch",
    /// A language switcher link whose target does not link back.
    SwitcherOneWay = "switcher-one-way",
    /// An hreflang alternate whose target does not name the page back.
    HreflangOneWay = "hreflang-one-way",
    /// A page that no link leads to from its language's home.
    OrphanPage = "orphan-page",
    /// A link in content to another site that is not `https:`.
    InsecureLink = "insecure-link",
    /// A Welsh text identical to its English: an untranslated copy.
    Untranslated = "untranslated",
    /// A cross-reference in one language of a text and not the other.
    LinkMismatch = "link-mismatch",
    /// A list with a different number of items in each language.
    ListMismatch = "list-mismatch",
    /// A table of a different shape in each language.
    TableMismatch = "table-mismatch",
    /// Headings at different levels in each language.
    HeadingMismatch = "heading-mismatch",
    /// An interface string that uses a variable in one language only.
    FluentVariables = "fluent-variables",
    /// A Welsh selector on a number without every CLDR plural category.
    FluentPlural = "fluent-plural",
    /// An interface string that neither canllaw nor a template uses.
    FluentObsolete = "fluent-obsolete",
    /// A word neither dictionary nor word list knows.
    UnknownWord = "unknown-word",
    /// The Hunspell dictionaries for spelling were not found.
    DictionariesMissing = "dictionaries-missing",
    /// A Hunspell dictionary that could not be read.
    DictionaryBroken = "dictionary-broken",
    /// The project has no `translations.lock`.
    NoLock = "no-lock",
    /// A line of `translations.lock` that canllaw cannot read.
    LockSyntax = "lock-syntax",
    /// A text whose other language changed since it was confirmed, old and new known.
    StaleTranslation = "stale-translation",
    /// A text whose other language changed since it was confirmed, the old unknown.
    StaleTranslationNoHistory = "stale-translation-no-history",
    /// A text changed in both languages since it was confirmed.
    ChangedBoth = "changed-both",
    /// A text that was never confirmed as translated.
    Unconfirmed = "unconfirmed-translation",
    /// A brand colour that neither white nor dark text can be read on.
    LowContrast = "low-contrast",
    /// A logo that is missing, outside the project, or not a safe SVG or PNG.
    BadLogo = "bad-logo",
    /// `canllaw new` given a folder that already holds files.
    NotEmpty = "new-not-empty",
    /// `canllaw serve` could not listen on the address asked for.
    ServeListen = "serve-listen",
    /// `canllaw serve` could not watch the project for changes.
    ServeWatch = "serve-watch",
    /// A file given to `xliff import` that is not well-formed XML.
    XliffSyntax = "xliff-syntax",
    /// A file given to `xliff import` that is not XLIFF 1.2.
    XliffNotXliff = "xliff-not-xliff",
    /// An XLIFF `<file>` whose languages are not Welsh and English, one each.
    XliffLanguages = "xliff-languages",
    /// An XLIFF unit whose id the project does not have.
    XliffUnknownUnit = "xliff-unknown-unit",
    /// An XLIFF unit given twice.
    XliffDuplicateUnit = "xliff-duplicate-unit",
    /// An XLIFF unit whose source text changed in the project since export.
    XliffSourceChanged = "xliff-source-changed",
    /// An XLIFF target holding an element that cannot stand in a translation.
    XliffInline = "xliff-inline",
    /// An XLIFF target whose tags do not match its source's.
    XliffTag = "xliff-tag",
    /// An XLIFF target whose Markdown structure or links differ from its source's.
    XliffStructure = "xliff-structure",
    /// An XLIFF target for an interface string that is not valid Fluent.
    XliffFluent = "xliff-fluent",
    /// A translation canllaw could not write into its file safely.
    XliffUnsafeEdit = "xliff-unsafe-edit",
}

/// One problem, where it is, and (optionally) a second place it concerns.
#[derive(Clone, Debug)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem.
    pub code: Code,
    /// The values the message names (`field`, `id`, …), in order.
    pub args: Vec<(&'static str, String)>,
    /// Where it is.
    pub at: Loc,
    /// A second place, e.g. the first of two duplicates.
    pub also: Option<Loc>,
}

impl Problem {
    /// An error at `at`.
    pub fn error(code: Code, at: Loc) -> Problem {
        Problem {
            severity: Severity::Error,
            code,
            args: Vec::new(),
            at,
            also: None,
        }
    }

    /// A warning at `at`.
    pub fn warning(code: Code, at: Loc) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(code, at)
        }
    }

    /// Adds a value the message names.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Problem {
        self.args.push((name, value.to_string()));
        self
    }

    /// Names a second place the problem concerns.
    pub fn also(mut self, at: Loc) -> Problem {
        self.also = Some(at);
        self
    }

    /// The value of argument `name`, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A problem at the start of a file, for problems that concern the file whole.
pub fn at_file(file: &Arc<Path>) -> Loc {
    Loc::file(file.clone())
}

/// The tool's own messages in one language.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

const CY_FTL: &str = include_str!("messages/cy.ftl");
const EN_FTL: &str = include_str!("messages/en.ftl");

impl Messages {
    /// The catalogue for `lang`.
    ///
    /// # Panics
    /// If the built-in catalogue does not parse: a test guards it.
    pub fn new(lang: Lang) -> Messages {
        let source = match lang {
            Lang::Cy => CY_FTL,
            Lang::En => EN_FTL,
        };
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("built-in {lang} messages: {errors:?}"));
        let langid = lang
            .code()
            .parse()
            .expect("cy and en are valid language ids");
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("built-in {lang} messages: {errors:?}"));
        Messages { lang, bundle }
    }

    /// The language the user reads, from `CANLLAW_LANG`, then `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` (a value starting `cy` means Welsh).
    pub fn from_env() -> Messages {
        Messages::new(lang_from_env())
    }

    /// The language of this catalogue.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message by id, with arguments; `None` if the catalogue lacks it.
    pub fn get(&self, id: &str, attr: Option<&str>, args: &[(&str, String)]) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = match attr {
            Some(attr) => message.get_attribute(attr)?.value(),
            None => message.value()?,
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, arg_value(value));
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// A message that must exist (the tool's own words, not a problem's).
    pub fn text(&self, id: &str, args: &[(&str, String)]) -> String {
        self.get(id, None, args)
            .unwrap_or_else(|| format!("[{}: {id}]", self.lang))
    }

    /// The sentence that says what is wrong.
    pub fn message(&self, problem: &Problem) -> String {
        self.get(problem.code.id(), None, &problem.args)
            .unwrap_or_else(|| problem.code.id().to_string())
    }

    /// The sentence that says what to do.
    pub fn fix(&self, problem: &Problem) -> String {
        self.get(problem.code.id(), Some("fix"), &problem.args)
            .unwrap_or_default()
    }

    /// `path:line:col: severity: message — fix`, and the second place if any.
    pub fn render(&self, problem: &Problem) -> String {
        let mut line = format!(
            "{}: {}: {}",
            problem.at,
            self.severity(problem.severity),
            self.message(problem)
        );
        let fix = self.fix(problem);
        if !fix.is_empty() {
            let _ = write!(line, " — {fix}");
        }
        if let Some(also) = &problem.also {
            let _ = write!(line, "\n    {}: {}", also, self.text("see-also", &[]));
        }
        line
    }

    /// "error" / "gwall", "warning" / "rhybudd".
    pub fn severity(&self, severity: Severity) -> String {
        match severity {
            Severity::Error => self.text("severity-error", &[]),
            Severity::Warning => self.text("severity-warning", &[]),
        }
    }
}

/// A message argument as Fluent should see it: a whole number as a number, so
/// that plural variants (`[one]`, `[two]`, `[few]`…) choose by it; anything else,
/// including `007` or `1.50`, as text, so that it is shown exactly as given.
fn arg_value(value: &str) -> FluentValue<'static> {
    let plain_number = !value.is_empty()
        && value.len() <= 15
        && value.bytes().all(|b| b.is_ascii_digit())
        && (value == "0" || !value.starts_with('0'));
    match value.parse::<f64>() {
        Ok(n) if plain_number => FluentValue::from(n),
        _ => FluentValue::from(value.to_string()),
    }
}

/// The built-in catalogues' sources, Welsh and English, for checks that read
/// them as Fluent syntax.
pub fn catalogue_sources() -> [(Lang, &'static str, &'static str); 2] {
    [
        (Lang::Cy, "src/messages/cy.ftl", CY_FTL),
        (Lang::En, "src/messages/en.ftl", EN_FTL),
    ]
}

/// Reads the user's language from the environment.
pub fn lang_from_env() -> Lang {
    for var in ["CANLLAW_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(value) = std::env::var(var) {
            if value.is_empty() {
                continue;
            }
            return if value.starts_with("cy") {
                Lang::Cy
            } else {
                Lang::En
            };
        }
    }
    Lang::En
}

/// Problems sorted for reading: by file, then line and column.
pub fn sort(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        (&a.at.file, a.at.line, a.at.col, a.severity)
            .cmp(&(&b.at.file, b.at.line, b.at.col, b.severity))
    });
}
