# Interface strings of the PDF recording templates, in English. Every string
# here has a Welsh counterpart in locales/cy/pdf.ftl with the same variables.

# The footer of every page.
pdf-page = Page { $page } of { $pages }
# Shown beside a date field's label: the order to write a date in.
pdf-date-hint = dd/mm/yyyy
# Under the description, on the first page.
pdf-intro = Fill in this form on screen, or print it and write by hand.
# Shown under a choice field's label.
pdf-choose-one = Choose one
# A section title repeated at the top of a page when its table goes on.
pdf-continued = { $title } (continued)
# The accessible name of a table cell's field.
pdf-cell = { $column }, row { $row }
# The document's subject in the PDF's properties.
pdf-subject = { $kind } – { $site }
# Said when a form's table holds several rows, in the accessible summary.
pdf-table-rows = { $rows ->
    [one] A table of one row
   *[other] A table of { $rows } rows
}
