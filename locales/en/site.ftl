# Interface strings of the website, in English. Every string here has a Welsh
# counterpart in locales/cy/site.ftl with the same variables.

language-switcher = Language
skip-to-content = Skip to main content
skip-to-contents = Skip to the contents
contents = Contents
home = Home
breadcrumbs = You are here
page-navigation = Previous and next pages
previous = Previous
next = Next
keyboard-hint = Use the ← and → keys to move between pages.
print-guide = Print the whole guide
print-title = The whole guide
print-intro = Every page of the guide on one page, ready to print or save as PDF.
heading-anchor = Link to this section
site-footer = Published by { $organisation }.
footer-links = More from the publisher
contact-us = Contact us
contact-email = Email:
contact-phone = Phone:
no-javascript-search = Search needs JavaScript; the contents list every page.

principle-number = Principle { $number }
principles = Principles
examples = Worked examples
example = Worked example
exercises = Reflective exercises
exercise-number = Exercise { $number }
forms = Recording templates
form = Recording template
pages = Introduction and background
glossary = Glossary
glossary-intro = The terms used in this guide, in alphabetical order, each with its { $other } equivalent.
glossary-letters = Jump to a letter
glossary-other = In Welsh
glossary-language-cy = Welsh
glossary-language-en = English
page-kind = Page

examples-count = { $count ->
    [zero] No worked examples
    [one] One worked example
   *[other] { $count } worked examples
}
principles-count = { $count ->
    [zero] No principles
    [one] One principle
   *[other] { $count } principles
}

group-principles = Principles in this group
setting = Setting
less-helpful = A less helpful record
more-helpful = A more helpful record
commentary = What makes the difference
example-principles = Principles this example shows
principle-examples = Worked examples
you-will-need = You will need
background = Background
questions = Questions to consider
exercise-examples = Worked examples to read with this exercise

form-kind-assessment = Assessment
form-kind-learning-log = Learning log
form-kind-review = Review
form-kind-plan = Plan
form-kind-profile = Profile
form-kind-supervision = Supervision
form-kind-record = Record
form-intro = Fill in this template on screen or print it. What you type stays on this device.
form-row = Row { $row }
form-choose = Choose one
form-downloads = Download the blank template
form-edition-cy = Welsh
form-edition-en = English
form-edition-cy-en = Welsh and English
form-pdf = PDF
form-pdf-kb = PDF, { $kb } KB
form-pdf-mb = PDF, { $mb } MB
form-fill-pdf = To turn a saved draft into a filled PDF, run this command in the folder of the guide’s content:
form-draft-file = DRAFT.json
form-no-javascript = Saving and opening drafts needs JavaScript. Without it you can still fill in this template and print it.
form-draft-heading = Save your work
form-draft-intro = Save a draft to carry on later or to make a filled PDF. The draft is a file on your device: nothing you type is sent anywhere.
form-save = Save draft
form-open = Open draft
form-clear = Clear the form
form-print = Print or save as PDF
form-keep = Keep my answers on this device
form-keep-help = Your answers stay in this browser until you press “Forget”. Do not use this on a shared computer.
form-forget = Forget
form-saved = Saved { $file }.
form-opened-zero = Opened { $file }: no answers.
form-opened-one = Opened { $file }: 1 answer filled in.
form-opened-two = Opened { $file }: 2 answers filled in.
form-opened-few = Opened { $file }: { $n } answers filled in.
form-opened-many = Opened { $file }: { $n } answers filled in.
form-opened-other = Opened { $file }: { $n } answers filled in.
form-not-draft = { $file } is not a draft saved from this guide. Nothing was changed.
form-wrong-form = { $file } is a draft of another template ({ $form }). Nothing was changed.
form-newer-draft = { $file } was saved by a newer version of this guide. Nothing was changed.
form-unknown-field = { $file } has an answer this template has no place for ({ $field }). Nothing was changed.
form-confirm-clear = Clear every answer on this page? Anything you have not saved as a draft will be lost.
form-cleared = The form is empty.
form-kept = Your answers are kept in this browser.
form-forgotten = This browser no longer keeps your answers.
form-restored = The answers kept in this browser have been restored.
form-unsaved = You have changes that are not saved.

search-label = Search
search-placeholder = Search the guide
search-none = Nothing found. Try a shorter word or another spelling.
search-count-zero = No results
search-count-one = 1 result
search-count-two = 2 results
search-count-few = { $n } results
search-count-many = { $n } results
search-count-other = { $n } results

welcome-title = Welcome
welcome-choose = Choose your language
welcome-enter = Read the guide in English

not-found-title = Page not found
not-found-body = There is no page at this address. It may have moved, or the link may be mistyped.
not-found-home = Go to the home page
