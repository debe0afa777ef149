# canllaw's own messages, in English. Each problem code has a message and a
# .fix attribute saying what to do. Keep in step with cy.ftl.

severity-error = error
severity-warning = warning
see-also = the other place
summary-problems = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
build-done = Built { $pages ->
    [one] 1 page
   *[other] { $pages } pages
} and { $pdfs ->
    [one] 1 PDF
   *[other] { $pdfs } PDFs
} into { $out } in { $seconds } s
build-failed = Nothing was written: the previous output in { $out } is as it was.
export-done = Wrote the mdBook sources for Welsh and English into { $out }
pdf-written = Wrote { $path }
progress-loading = Reading the content
progress-site = Writing pages

unreadable = the file could not be read ({ $detail })
    .fix = check that it exists and that you may read it
not-utf8 = the file is not valid UTF-8 text
    .fix = save it as UTF-8 (every editor offers this under "Save as" or "Encoding")
yaml-syntax = YAML syntax: { $detail }
    .fix = check the indentation and quoting on this line and the one before
yaml-too-deep = the YAML is nested more than { $max } levels deep
    .fix = flatten the structure; the format never needs this depth
yaml-alias-bomb = YAML aliases here expand to more than { $max } values
    .fix = write the values out instead of repeating aliases
yaml-unknown-alias = this alias names an anchor that is not set above it
    .fix = set the anchor (&name) before using the alias (*name), or write the value out
yaml-tab = this line is indented with a tab; YAML indents with spaces only
    .fix = replace the tab with spaces (most editors can do this for the whole file)
yaml-many-documents = the file holds more than one YAML document
    .fix = keep one item per file and remove the extra `---`
file-too-large = the file is { $size } MB; canllaw reads files up to { $max } MB
    .fix = split the content into smaller items
toml-syntax = canllaw.toml: { $detail }
    .fix = compare it with the settings in docs/format.md
missing-file = this file or folder is required
    .fix = create it (`canllaw new DIR` writes a working example of every file)
unknown-key = `{ $field }` is not a key the format knows
    .fix = remove it, or use one of: { $allowed }
unknown-key-suggest = `{ $field }` is not a key the format knows
    .fix = did you mean `{ $likely }`?
missing-key = `{ $field }` is missing
    .fix = add it; see docs/format.md for what it holds
duplicate-key = `{ $field }` is given twice
    .fix = keep one of them
wrong-type = `{ $field }` should be { $expected ->
    [mapping] a mapping of keys
    [list] a list
    [number] a whole number
    [text] text
    [key] a key
   *[other] { $expected }
}, not { $found ->
    [nothing] empty
    [text] text
    [list] a list
    [mapping] a mapping
   *[other] { $found }
}
    .fix = see docs/format.md for the shape of this field
empty-text = { $field } is empty
    .fix = every text needs Welsh and English
text-too-long = { $field } is { $length } characters long; this field takes at most { $max }
    .fix = { $kind ->
        [markdown] split the text across more than one item or page
       *[plain] shorten it: titles, labels, summaries and terms are short
    }
missing-language = { $field } is missing
    .fix = every text needs Welsh and English
unknown-language = `{ $field }` is not a language of the pack
    .fix = a text holds exactly `cy` and `en`
bad-id = `{ $id }` is not a valid id for `{ $field }`
    .fix = use lowercase letters a–z, digits and single hyphens, at most 64 characters (e.g. `own-words`)
bad-file-name = the file name `{ $id }` is not a valid id
    .fix = rename the file with lowercase letters a–z, digits and single hyphens (e.g. `own-words.yaml`)
duplicate-id = the id `{ $id }` is used twice
    .fix = give each item its own id
duplicate-number = the number { $number } is used twice
    .fix = give each item its own number
bad-number = `{ $field }` is { $value }, outside { $min }–{ $max }
    .fix = use a whole number from { $min } to { $max }
unknown-group = there is no group `{ $id }` in content/groups.yaml
    .fix = use one of the group ids there, or add the group
unknown-reference = there is no { $kind } `{ $id }`
    .fix = check the id against the file names in content/
unknown-link = { $field } links to { $kind }:{ $id }, which does not exist
    .fix = check the id against the file names in content/
unknown-link-kind = { $field } links to `{ $url }`, which is not a kind canllaw knows
    .fix = use principle:, example:, exercise:, form:, page: or glossary:, or a full https:// address
unsafe-link = { $field } links to `{ $url }`, which can run code or hide content
    .fix = link to a page with https:// or to an item (principle:ID…)
not-in-list = `{ $field }` is `{ $value }`
    .fix = use one of: { $allowed }
empty-list = `{ $field }` is empty
    .fix = give at least one entry
misplaced-key = `{ $field }` only applies to fields of type { $type }
    .fix = remove it, or change the field's type
section-shape = the section { $field } needs either `fields` or `table`, not both or neither
    .fix = give the section a list of fields, or a table
no-options = the choice field { $field } has no `options`
    .fix = add options, each with an id and a label
bad-setting = `{ $field }` has a value canllaw does not accept
    .fix = use { $allowed }
fluent-syntax = Fluent syntax: { $detail }
    .fix = see https://projectfluent.org/fluent/guide/ for the syntax
fluent-missing = the interface string `{ $id }` is missing in { $lang ->
    [cy] Welsh
   *[other] English
}
    .fix = add it to the { $lang } locale files (every string needs Welsh and English)
fluent-format = the interface string `{ $id }` could not be formatted in { $lang }: { $detail }
    .fix = check the variables it uses
template-error = template { $name }: { $detail }
    .fix = compare it with the built-in template of the same name
bad-output = { $reason ->
    [is-project] the output folder is the project folder
    [contains-project] the output folder contains the project
    [inside-content] the output folder is inside the content
    [not-a-build] the output folder holds files that canllaw did not write
    [not-a-folder] the output is a file, not a folder
    [is-root] the output folder is the root of the file system
   *[other] the output folder cannot be used
}: { $path }
    .fix = choose an empty folder, or one canllaw built before (for example `public/`)
write-failed = could not write { $path }: { $detail }
    .fix = check there is space and that you may write there; the previous output is untouched
stray-file = this file is not read: only .yaml files belong in content/{ $folder }/
    .fix = rename it to end in .yaml, or move it out of content/
link-outside = this file is a link to a place outside the project
    .fix = copy the file into the project instead of linking to it

draft-syntax = the draft is not valid JSON: { $detail }
    .fix = save the draft again from the form's page on the site, or check that the file was not cut short
draft-too-large = the file is { $size } MB, too large for a draft (at most { $max } MB)
    .fix = choose the .json file that the form's "Save draft" button wrote
draft-shape = the draft's `{ $field }` is missing or is not { $expected ->
    [mapping] a mapping of keys
    [number] a number
    [lang] "cy" or "en"
   *[text] text
}
    .fix = a draft looks like {"{"}"form": "ID", "lang": "cy", "version": 1, "values": {"{"}…{"}"}{"}"}; save it again from the form's page
draft-version = the draft is format version { $found }; this canllaw reads version { $version }
    .fix = save the draft again from the site built with this canllaw
draft-wrong-form = this draft is for the form `{ $found }`, not `{ $form }`
    .fix = fill `{ $found }` with it, or use a draft saved from the `{ $form }` form
draft-unknown-field = the draft has a value for `{ $field }`, but the form `{ $form }` has no such field
    .fix = remove it, or save the draft again from the form's current page (a field may have been renamed)
draft-wrong-value = the value of `{ $field }` should be { $expected ->
    [tick] true or false
    [option] one of: { $allowed }
   *[text] text in quotes
}
    .fix = correct the value, or save the draft again from the form's page
pdf-failed = the PDF of `{ $form }` could not be made: { $detail }
    .fix = this is a fault in canllaw, not in your content: please report it with the form's file
workbook-unknown-group = the workbook cannot hold the group `{ $id }`: there is no such group in content/groups.yaml
    .fix = name groups by their ids: { $known }

# canllaw check and canllaw translations confirm.
check-clean = No problems found.
check-heading-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}:
check-heading-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}:
check-external = Links to other sites in the content (listed, not fetched):
confirm-done = Recorded { $count ->
    [one] 1 text
   *[other] { $count } texts
} as reviewed in { $path }.

broken-link = `{ $url }` on the page { $page } leads to no file in the site{ $others ->
    [0] {""}
    [one] {" "}(and on 1 other page)
   *[other] {" "}(and on { $others } other pages)
}
    .fix = correct the link, or add the file it names
broken-fragment = `{ $url }` on the page { $page } leads to no id `{ $fragment }` on its page{ $others ->
    [0] {""}
    [one] {" "}(and on 1 other page)
   *[other] {" "}(and on { $others } other pages)
}
    .fix = link to an id that the page has, for example a heading's
switcher-missing = the page { $page } has no language switcher link to { $lang ->
    [cy] Welsh
   *[other] English
}{ $others ->
    [0] {""}
    [one] {" "}(nor has 1 other page)
   *[other] {" "}(nor have { $others } other pages)
}
    .fix = keep the language switcher (the links with hreflang) in the page layout, theme/index.hbs
switcher-mismatch = the language switcher on { $page } leads to { $url }, not to the same page in the other language ({ $expected })
    .fix = the switcher should lead each page to its counterpart; compare the layout with the built-in theme/index.hbs
switcher-one-way = the language switcher on { $page } leads to { $other }, which does not lead back to it
    .fix = every page's switcher should lead to its counterpart and back; compare the layout with the built-in theme/index.hbs
hreflang-one-way = { $page } names { $other } as its { $lang ->
    [cy] Welsh
   *[other] English
} alternate, but { $other } does not name it back
    .fix = the hreflang alternates of two counterparts must name each other; check base_url in canllaw.toml and the layout's alternate links
orphan-page = no link leads to the page { $page } from { $home }
    .fix = link to it from the home page, the contents or another page
insecure-link = { $field } links to `{ $url }`, which is not https
    .fix = use the page's https:// address (browsers may block plain http or warn readers about it)
untranslated = { $field } is the same in Welsh and English: an untranslated copy
    .fix = translate it; if it rightly stays the same (a name, a title), add the text as one line to words/identical.txt
link-mismatch = { $field }: the { $has ->
    [cy] Welsh
   *[other] English
} links to `{ $url }` here, the { $lacks ->
    [cy] Welsh
   *[other] English
} does not
    .fix = give both languages the same links, so that neither reader misses one
list-mismatch = { $field }: a list has { $cy } items in Welsh and { $en } in English
    .fix = give the list the same items in both languages
table-mismatch = { $field }: a table is { $cy } (rows × columns) in Welsh and { $en } in English
    .fix = give the table the same rows and columns in both languages
heading-mismatch = { $field }: the headings differ: { $cy } in Welsh, { $en } in English
    .fix = give both languages the same headings at the same levels
fluent-variables = the interface string `{ $id }` uses { $var } in { $has ->
    [cy] Welsh
   *[other] English
} but not in { $lacks ->
    [cy] Welsh
   *[other] English
}
    .fix = use { $var } in both languages, so that neither loses what it says
fluent-plural = the Welsh `{ $id }` chooses by the number { $var } but has no { $missing }
    .fix = Welsh numbers take six forms: give the variants [zero], [one], [two], [few], [many] and [other]
fluent-obsolete = the interface string `{ $id }` is used neither by canllaw nor by any template
    .fix = remove it, or check its spelling against the built-in locales/{ $lang }/ files
unknown-word = unknown { $lang ->
    [cy] Welsh
   *[other] English
} word “{ $word }” in { $field }
    .fix = { $suggestions ->
        [none] if it is right (a name, a term), add it to words/{ $lang }.txt
       *[other] did you mean { $suggestions }? If it is right (a name, a term), add it to words/{ $lang }.txt
    }
dictionaries-missing = spelling was not checked: the Welsh and English Hunspell dictionaries were not found
    .fix = run `npm install --no-save dictionary-cy dictionary-en` in the project folder, or set CANLLAW_DICTIONARIES to the folder that holds dictionary-cy and dictionary-en
dictionary-broken = the dictionary { $path } could not be read: { $detail }
    .fix = install it again with `npm install --no-save dictionary-cy dictionary-en`
no-lock = there is no translations.lock, so texts changed since review cannot be told from reviewed ones
    .fix = once the Welsh and English agree, run `canllaw translations confirm` and commit translations.lock with the content
lock-syntax = translations.lock: this line cannot be read
    .fix = run `canllaw translations confirm` to write the file again
stale-translation = the { $source ->
    [cy] Welsh
   *[other] English
} of { $field } changed since the { $lang ->
    [cy] Welsh
   *[other] English
} was confirmed: “{ $old }” is now “{ $new }”
    .fix = update the { $lang ->
        [cy] Welsh
       *[other] English
    } to match, then run `canllaw translations confirm`
stale-translation-no-history = the { $source ->
    [cy] Welsh
   *[other] English
} of { $field } changed since the { $lang ->
    [cy] Welsh
   *[other] English
} was confirmed; it now reads “{ $new }”
    .fix = update the { $lang ->
        [cy] Welsh
       *[other] English
    } to match, then run `canllaw translations confirm`
changed-both = { $field } changed in both languages since it was confirmed
    .fix = check that the two agree, then run `canllaw translations confirm`
unconfirmed-translation = { $field } has not been confirmed as translated
    .fix = once the Welsh and English agree, run `canllaw translations confirm`

# Branding in canllaw.toml
low-contrast = text on { $colour } would be hard to read: { $white }:1 with white text and { $dark }:1 with dark text, where WCAG AA asks for { $min }:1
    .fix = choose a darker colour to take white text, or a lighter one to take dark text (the built-in theme uses #00594f)
bad-logo = { $reason ->
    [missing] the logo { $path } is not in the project
    [outside] the logo { $path } is outside the project
    [script] the logo { $path } holds a script
   *[format] the logo { $path } is not an SVG or PNG image
}
    .fix = { $reason ->
    [missing] check the path: it is relative to the folder that holds canllaw.toml
    [outside] copy the logo into the project (e.g. theme/logo.svg) and give that path
    [script] save the logo again as plain SVG, without scripts
   *[format] save the logo as SVG or PNG
}

# canllaw new
new-not-empty = { $path } is not an empty folder
    .fix = name a new or empty folder: `canllaw new` never writes over anything
new-done = Wrote a small bilingual pack into { $dir }.
new-next = Preview it with `canllaw serve --project { $dir }`, then change the text to your own.

# canllaw serve
serve-listen = could not listen on { $addr }: { $detail }
    .fix = choose another port with --port, or stop the program that is using this one
serve-watch = could not watch { $path } for changes: { $detail }
    .fix = check that you may read the folder; on Linux, raising fs.inotify.max_user_watches may help
serve-listening = Previewing { $project } at { $url } (Ctrl+C stops)
serve-built = Built the site in { $seconds } s
serve-rebuilt = Rebuilt in { $seconds } s: { $files ->
    [zero] nothing changed
    [one] 1 file changed
   *[other] { $files } files changed
}
serve-pdfs = Wrote { $pdfs ->
    [one] 1 PDF
   *[other] { $pdfs } PDFs
} in { $seconds } s
serve-failed = The change could not be built: the last good site is still being served.
serve-stopped = Stopped the preview and removed its temporary folder.
serve-notice-title = This change could not be built
serve-notice-body = You are looking at the last version that built. Fix the problems below and save: the page reloads by itself.
serve-notice-first = Nothing has built yet. Fix the problems below and save: the page reloads by itself.
serve-waiting = Waiting for the content to build

# canllaw xliff
xliff-exported = Wrote { $units ->
    [one] 1 unit
   *[other] { $units } units
} for translation into { $lang ->
    [cy] Welsh
   *[other] English
} ({ $new } new, { $stale } to review) to { $path }
xliff-imported = Wrote { $changed ->
    [one] 1 translation
   *[other] { $changed } translations
} into { $files ->
    [one] 1 file
   *[other] { $files } files
}; { $locked ->
    [one] 1 text
   *[other] { $locked } texts
} recorded as reviewed in translations.lock
xliff-imported-change = { $file }: { $key }
xliff-imported-confirmed = { $file }: { $key } (confirmed unchanged)
xliff-imported-skipped = Left alone: { $skipped ->
    [one] 1 unit
   *[other] { $skipped } units
} without a finished translation (no target, an empty one, or a state such as needs-translation)
xliff-imported-nothing = Nothing to import: the file holds no translation units.
xliff-note-item = { $kind ->
    [principle] Principle { $number }: “{ $title }”
    [example] Worked example: “{ $title }”
    [exercise] Reflective exercise { $number }: “{ $title }”
    [form] Recording template: “{ $title }”
    [page] Page: “{ $title }”
    [group] Group of principles: “{ $title }”
    [glossary] Glossary term: “{ $title }”
   *[settings] The site's settings: “{ $title }”
}
xliff-note-field = { $key }: { $role ->
    [principle-title] the principle's title: the heading of its page, and its name in the contents, in lists and in links to it
    [principle-summary] one sentence under the principle's title, also shown in lists of principles
    [principle-body] the text of the principle's page
    [example-title] the worked example's title: the heading of its page and its name in lists
    [example-setting] where the example happens (for instance home care), shown under its title
    [example-less-helpful] the record as it is often written, shown as the less helpful record
    [example-more-helpful] the record as it could be written, shown as the more helpful record
    [example-commentary] what makes the difference between the two records
    [exercise-title] the exercise's title: the heading of its page and its name in the contents and the workbook
    [exercise-you-will-need] what a trainer needs for the exercise
    [exercise-background] the exercise's introduction
    [exercise-questions] a question for the learner to reflect on
    [form-title] the recording template's title: the heading of its page, the title of its PDF, and its name in lists
    [form-description] what the template is for, on its page
    [form-sections-title] the heading of a section of the template, on its page and in its PDF
    [form-sections-help] a prompt under a section's heading
    [form-sections-fields-label] the label of a field to fill in, on the page and in the PDF
    [form-sections-fields-help] a prompt under a field's label
    [form-sections-fields-options-label] one of the choices a field offers
    [form-sections-table-columns-label] a column heading of a table to fill in
    [page-title] the page's title: its heading and its name in the contents
    [page-body] the text of the page
    [group-title] the name of a group of principles, in the contents and on the home page
    [group-summary] one sentence about the group, on the home page
    [glossary-term] a term of the glossary, listed in alphabetical order beside its translation
    [glossary-definition] the term's definition in the glossary
    [settings-site-title] the site's name, at the top of every page and in the browser's title bar
    [settings-site-description] a sentence about the site, on its home page and for search engines
    [settings-site-organisation] who publishes the site, named in every page's footer
   *[other] a text that readers see
}
xliff-note-markdown = Markdown: the tags stand for links, formatting and the layout of lines, lists and tables. Keep every tag, and translate the words around and between them.
xliff-note-string = Interface string `{ $id }` of the site ({ $file }). Keep each tag: it stands for a value put in when the page is made.
xliff-note-plurals = Welsh counts need all six plural forms: give the variants [zero], [one], [two], [few], [many] and *[other].

xliff-syntax = the file is not well-formed XML: { $detail }
    .fix = the translation tool may not have finished saving it: export the file from the tool again
xliff-not-xliff = this is not an XLIFF 1.2 file (found { $found })
    .fix = export XLIFF 1.2 from the translation tool: the version that `canllaw xliff export` writes
xliff-languages = this file translates from `{ $source }` into `{ $target }`, but canllaw reads Welsh into English or English into Welsh, one direction for the whole file
    .fix = import the file that `canllaw xliff export --lang cy` (or `--lang en`) wrote, with its languages as they were
xliff-unknown-unit = the project has no text `{ $id }`
    .fix = the text may have been removed or renamed since the export: export again, or delete this unit from the file
xliff-duplicate-unit = the unit `{ $id }` is in the file twice
    .fix = keep one of them
xliff-source-changed = the source of `{ $id }` changed in the project after the file was exported
    .fix = export again and carry the translation over (a translation tool's memory does this), so that it translates the source as it is now
xliff-inline = the translation of `{ $id }` holds a `<{ $element }>` element, which canllaw cannot write back
    .fix = keep only words and the source's own tags in the translation
xliff-tag = the translation of `{ $id }`: { $issue ->
    [missing] tag { $tag } ({ $markup }) is missing
    [repeated] tag { $tag } ({ $markup }) is used more than once
    [misused] tag { $tag } ({ $markup }) is used as the wrong kind of tag
    [order] tag { $tag } ({ $markup }) is out of order with the lines and paragraphs around it
   *[unknown] tag { $tag } is not in the source
}
    .fix = place each of the source's tags in the translation exactly once: they stand for links, formatting and the layout of lines
xliff-structure = the translation of `{ $id }` has { $what ->
    [links] different links
    [emphasis] different emphasis
   *[structure] a different structure (paragraphs, lists, headings or tables)
} from its source
    .fix = use the source's tags instead of typing Markdown; `canllaw check` would report the same difference
xliff-fluent = the translation of the interface string `{ $id }` is not valid Fluent: { $detail }
    .fix = keep the source's tags, and give a selector such as {"{"} $count -> … {"}"} its default variant, marked with *
xliff-unsafe-edit = canllaw could not write the translation into { $file } safely: { $detail }
    .fix = nothing was written; make this change in the file by hand, and report it as a fault in canllaw
