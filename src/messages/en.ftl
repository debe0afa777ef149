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
