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
