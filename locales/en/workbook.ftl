# Interface strings of the trainer's workbook (pdf/workbook.en.pdf), in
# English. Every string here has its Welsh counterpart in
# locales/cy/workbook.ftl, with the same variables. The workbook uses some of
# the site's strings too (principle-number, glossary, less-helpful…).

# On the cover, in the document's title and in page headers.
workbook-title = Trainer's workbook
# On the cover: the language of this edition.
workbook-edition = English edition
# On the cover, when the workbook holds some groups only
# (canllaw workbook --groups). $groups is a list of titles.
workbook-selection = { $count ->
    [one] One part of the guide: { $groups }
   *[other] { $count } parts of the guide: { $groups }
}
# The document's subject in the PDF's properties.
workbook-subject = A workbook for trainers: { $site }
# The footer of every page.
workbook-page = Page { $page }
# After a cross-reference in the text: where what it refers to is.
workbook-see-page = (page { $page })
# Above a group's title: each group is a part of the workbook.
workbook-part = Part { $number }
# On a part's opening page, above the list of its principles.
workbook-in-this-part = In this part
# An example's title.
workbook-example = Example: { $title }
# When an example was shown in full under an earlier principle.
workbook-example-again = The example “{ $title }” shows this principle too.
# Under the exercises' title.
workbook-exercises-intro = Each exercise can be done on your own or with a team. There is space after each question to write your answer.
# Under the glossary's introduction, and on the back of the cover.
workbook-glossary-note = In the text, terms that are in the glossary have a dotted line under them.
# The appendix's title.
workbook-appendix = Appendix: recording templates
# Under the appendix's title.
workbook-appendix-intro = Every template is on the guide's website as a PDF to fill in on screen or to print, in Welsh, in English and bilingual. This is where to find each one.
# On the back of the cover.
workbook-made-from = This workbook was made from the content of the guide “{ $site }”, which is also available as a website. Publisher: { $organisation }.
# On the back of the cover: where the edition in the other language is.
workbook-also-in = { $lang ->
    [cy] This workbook is also available in Welsh: { $path }
   *[en] This workbook is also available in English: { $path }
}
