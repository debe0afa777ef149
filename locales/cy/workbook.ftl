# Llinynnau llyfr gwaith yr hyfforddwr (pdf/workbook.cy.pdf), yn Gymraeg. Mae
# gan bob llinyn yma ei gymar Saesneg yn locales/en/workbook.ftl, gyda'r un
# newidynnau. Mae'r llyfr gwaith yn defnyddio rhai o linynnau'r wefan hefyd
# (principle-number, glossary, less-helpful…).

# Ar y clawr, yn nheitl y ddogfen ac ym mhennawd tudalennau.
workbook-title = Llyfr gwaith yr hyfforddwr
# Ar y clawr: iaith yr argraffiad hwn.
workbook-edition = Argraffiad Cymraeg
# Ar y clawr, pan fydd y llyfr gwaith yn cynnwys rhai grwpiau yn unig
# (canllaw workbook --groups). Mae $groups yn rhestr o deitlau.
workbook-selection = { $count ->
    [zero] Dim un rhan o'r canllaw
    [one] Un rhan o'r canllaw: { $groups }
    [two] Dwy ran o'r canllaw: { $groups }
    [few] Tair rhan o'r canllaw: { $groups }
    [many] Chwe rhan o'r canllaw: { $groups }
   *[other] { $count } rhan o'r canllaw: { $groups }
}
# Pwnc y ddogfen ym mhriodweddau'r PDF.
workbook-subject = Llyfr gwaith i hyfforddwyr: { $site }
# Troedyn pob tudalen.
workbook-page = Tudalen { $page }
# Ar ôl croesgyfeiriad yn y testun: ble mae'r hyn y mae'n cyfeirio ato.
workbook-see-page = (tudalen { $page })
# Uwchben teitl grŵp: mae pob grŵp yn rhan o'r llyfr gwaith.
workbook-part = Rhan { $number }
# Ar dudalen agoriadol rhan, uwchben rhestr ei hegwyddorion.
workbook-in-this-part = Yn y rhan hon
# Teitl enghraifft.
workbook-example = Enghraifft: { $title }
# Pan fydd enghraifft wedi'i dangos yn llawn o dan egwyddor gynharach.
workbook-example-again = Mae'r enghraifft “{ $title }” yn dangos yr egwyddor hon hefyd.
# O dan deitl yr ymarferion.
workbook-exercises-intro = Mae pob ymarfer yn addas i'w wneud ar eich pen eich hun neu gyda thîm. Mae lle ar ôl pob cwestiwn i ysgrifennu eich ateb.
# O dan gyflwyniad yr eirfa, ac ar gefn y clawr.
workbook-glossary-note = Yn y testun, mae llinell doredig o dan dermau sydd yn yr eirfa.
# Teitl yr atodiad.
workbook-appendix = Atodiad: templedi cofnodi
# O dan deitl yr atodiad.
workbook-appendix-intro = Mae pob templed ar gael ar wefan y canllaw fel PDF i'w lenwi ar y sgrin neu i'w argraffu, yn Gymraeg, yn Saesneg ac yn ddwyieithog. Dyma ble i ddod o hyd i bob un.
# Ar gefn y clawr.
workbook-made-from = Gwnaed y llyfr gwaith hwn o gynnwys y canllaw “{ $site }”, sydd ar gael fel gwefan hefyd. Cyhoeddwr: { $organisation }.
# Ar gefn y clawr: ble mae'r argraffiad yn yr iaith arall.
workbook-also-in = { $lang ->
    [cy] Mae'r llyfr gwaith hwn ar gael yn Gymraeg hefyd: { $path }
   *[en] Mae'r llyfr gwaith hwn ar gael yn Saesneg hefyd: { $path }
}
