# Llinynnau rhyngwyneb y wefan, yn Gymraeg. Mae gan bob llinyn yma ei
# gymar Saesneg yn locales/en/site.ftl, gyda'r un newidynnau.

language-switcher = Iaith
skip-to-content = Neidio i'r prif gynnwys
skip-to-contents = Neidio i'r rhestr gynnwys
contents = Cynnwys
home = Hafan
breadcrumbs = Rydych chi yma
page-navigation = Y dudalen flaenorol a'r nesaf
previous = Blaenorol
next = Nesaf
keyboard-hint = Defnyddiwch yr allweddi ← a → i symud o dudalen i dudalen.
print-guide = Argraffu'r canllaw cyfan
print-title = Y canllaw cyfan
print-intro = Pob tudalen o'r canllaw ar un dudalen, yn barod i'w hargraffu neu i'w chadw fel PDF.
heading-anchor = Dolen i'r adran hon
site-footer = Cyhoeddwyd gan { $organisation }.
footer-links = Rhagor gan y cyhoeddwr
contact-us = Cysylltwch â ni
contact-email = E-bost:
contact-phone = Ffôn:
no-javascript-search = Mae angen JavaScript i chwilio; mae'r rhestr gynnwys yn dangos pob tudalen.

principle-number = Egwyddor { $number }
principles = Egwyddorion
examples = Enghreifftiau
example = Enghraifft
exercises = Ymarferion myfyriol
exercise-number = Ymarfer { $number }
forms = Templedi cofnodi
form = Templed cofnodi
pages = Cyflwyniad a chefndir
glossary = Geirfa
glossary-intro = Y termau a ddefnyddir yn y canllaw hwn, yn nhrefn yr wyddor, pob un â'i gyfatebiaeth { $other }.
glossary-letters = Neidio i lythyren
glossary-other = Yn Saesneg
glossary-language-cy = Cymraeg
glossary-language-en = Saesneg
page-kind = Tudalen

examples-count = { $count ->
    [zero] Dim enghreifftiau
    [one] Un enghraifft
    [two] dwy enghraifft
    [few] { $count } enghraifft
    [many] { $count } enghraifft
   *[other] { $count } enghraifft
}
principles-count = { $count ->
    [zero] Dim egwyddorion
    [one] Un egwyddor
    [two] dwy egwyddor
    [few] { $count } egwyddor
    [many] { $count } egwyddor
   *[other] { $count } egwyddor
}

group-principles = Yr egwyddorion yn y grŵp hwn
setting = Lleoliad
less-helpful = Cofnod llai defnyddiol
more-helpful = Cofnod mwy defnyddiol
commentary = Beth sy'n gwneud y gwahaniaeth
example-principles = Yr egwyddorion y mae'r enghraifft hon yn eu dangos
principle-examples = Enghreifftiau
you-will-need = Bydd angen
background = Cefndir
questions = Cwestiynau i'w hystyried
exercise-examples = Enghreifftiau i'w darllen gyda'r ymarfer hwn

form-kind-assessment = Asesiad
form-kind-learning-log = Log dysgu
form-kind-review = Adolygiad
form-kind-plan = Cynllun
form-kind-profile = Proffil
form-kind-supervision = Goruchwyliaeth
form-kind-record = Cofnod
form-intro = Llenwch y templed hwn ar y sgrin neu ei argraffu. Mae'r hyn rydych chi'n ei deipio yn aros ar y ddyfais hon.
form-row = Rhes { $row }
form-choose = Dewiswch un
form-downloads = Lawrlwytho'r templed gwag
form-edition-cy = Cymraeg
form-edition-en = Saesneg
form-edition-cy-en = Cymraeg a Saesneg
form-pdf = PDF
form-pdf-kb = PDF, { $kb } KB
form-pdf-mb = PDF, { $mb } MB
form-fill-pdf = I droi drafft wedi'i gadw yn PDF wedi'i lenwi, rhedwch y gorchymyn hwn yn ffolder cynnwys y canllaw:
form-draft-file = DRAFFT.json
form-no-javascript = Mae angen JavaScript i gadw ac agor drafftiau. Hebddo, gallwch chi lenwi'r templed hwn a'i argraffu o hyd.
form-draft-heading = Cadw'ch gwaith
form-draft-intro = Cadwch ddrafft i barhau yn nes ymlaen neu i greu PDF wedi'i lenwi. Ffeil ar eich dyfais yw'r drafft: does dim byd rydych chi'n ei deipio yn cael ei anfon i unman.
form-save = Cadw drafft
form-open = Agor drafft
form-clear = Clirio'r templed
form-print = Argraffu neu gadw fel PDF
form-keep = Cadw fy atebion ar y ddyfais hon
form-keep-help = Bydd eich atebion yn aros yn y porwr hwn nes i chi bwyso “Anghofio”. Peidiwch â defnyddio hyn ar gyfrifiadur a rennir.
form-forget = Anghofio
form-saved = Wedi cadw { $file }.
form-opened-zero = Wedi agor { $file }: dim atebion.
form-opened-one = Wedi agor { $file }: llenwyd 1 ateb.
form-opened-two = Wedi agor { $file }: llenwyd 2 ateb.
form-opened-few = Wedi agor { $file }: llenwyd { $n } ateb.
form-opened-many = Wedi agor { $file }: llenwyd { $n } ateb.
form-opened-other = Wedi agor { $file }: llenwyd { $n } ateb.
form-not-draft = Nid yw { $file } yn ddrafft a gadwyd o'r canllaw hwn. Does dim byd wedi newid.
form-wrong-form = Mae { $file } yn ddrafft o dempled arall ({ $form }). Does dim byd wedi newid.
form-newer-draft = Cafodd { $file } ei gadw gan fersiwn fwy diweddar o'r canllaw hwn. Does dim byd wedi newid.
form-unknown-field = Mae gan { $file } ateb nad oes lle iddo yn y templed hwn ({ $field }). Does dim byd wedi newid.
form-confirm-clear = Clirio pob ateb ar y dudalen hon? Bydd unrhyw beth nad ydych chi wedi'i gadw fel drafft yn cael ei golli.
form-cleared = Mae'r templed yn wag.
form-kept = Mae eich atebion yn cael eu cadw yn y porwr hwn.
form-forgotten = Nid yw'r porwr hwn yn cadw eich atebion mwyach.
form-restored = Mae'r atebion a gadwyd yn y porwr hwn wedi'u hadfer.
form-unsaved = Mae gennych chi newidiadau sydd heb eu cadw.

search-label = Chwilio
search-placeholder = Chwilio'r canllaw
search-none = Dim wedi'i ganfod. Rhowch gynnig ar air byrrach neu sillafiad arall.
search-count-zero = Dim canlyniadau
search-count-one = 1 canlyniad
search-count-two = 2 ganlyniad
search-count-few = { $n } canlyniad
search-count-many = { $n } chanlyniad
search-count-other = { $n } canlyniad

welcome-title = Croeso
welcome-choose = Dewiswch eich iaith
welcome-enter = Darllen y canllaw yn Gymraeg

not-found-title = Heb ddod o hyd i'r dudalen
not-found-body = Nid oes tudalen yn y cyfeiriad hwn. Efallai ei bod wedi symud, neu fod camgymeriad yn y ddolen.
not-found-home = Mynd i'r hafan
