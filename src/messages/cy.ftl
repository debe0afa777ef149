# Negeseuon canllaw ei hun, yn Gymraeg. Mae gan bob cod problem neges a
# phriodoledd .fix sy'n dweud beth i'w wneud. Cadwch yn gyson ag en.ftl.

severity-error = gwall
severity-warning = rhybudd
see-also = y man arall
summary-problems = { $errors ->
    [zero] dim gwallau
    [one] 1 gwall
    [two] 2 wall
    [few] { $errors } gwall
    [many] { $errors } gwall
   *[other] { $errors } gwall
}, { $warnings ->
    [zero] dim rhybuddion
    [one] 1 rhybudd
    [two] 2 rybudd
    [few] { $warnings } rhybudd
    [many] { $warnings } rhybudd
   *[other] { $warnings } rhybudd
}
build-done = Adeiladwyd { $pages ->
    [zero] dim tudalennau
    [one] 1 dudalen
    [two] 2 dudalen
    [few] { $pages } tudalen
    [many] { $pages } thudalen
   *[other] { $pages } tudalen
} a { $pdfs ->
    [zero] dim PDFau
    [one] 1 PDF
    [two] 2 PDF
    [few] { $pdfs } PDF
    [many] { $pdfs } PDF
   *[other] { $pdfs } PDF
} yn { $out } mewn { $seconds } eiliad
build-failed = Ni ysgrifennwyd dim: mae'r allbwn blaenorol yn { $out } fel yr oedd.
export-done = Ysgrifennwyd ffynonellau mdBook yn Gymraeg ac yn Saesneg i { $out }
progress-loading = Yn darllen y cynnwys
progress-site = Yn ysgrifennu tudalennau

unreadable = ni ellid darllen y ffeil ({ $detail })
    .fix = gwiriwch ei bod yn bodoli a bod gennych hawl i'w darllen
not-utf8 = nid yw'r ffeil yn destun UTF-8 dilys
    .fix = cadwch hi fel UTF-8 (mae pob golygydd yn cynnig hyn dan "Cadw fel" neu "Amgodio")
yaml-syntax = cystrawen YAML: { $detail }
    .fix = gwiriwch y mewnoliad a'r dyfynodau ar y llinell hon a'r un o'i blaen
yaml-too-deep = mae'r YAML wedi'i nythu'n ddyfnach na { $max } lefel
    .fix = symleiddiwch y strwythur; nid oes angen y dyfnder hwn ar y fformat byth
yaml-alias-bomb = mae'r arallenwau YAML yma'n ehangu i fwy na { $max } o werthoedd
    .fix = ysgrifennwch y gwerthoedd yn llawn yn lle ailadrodd arallenwau
yaml-unknown-alias = mae'r arallenw hwn yn enwi angor nad yw wedi'i osod uwch ei ben
    .fix = gosodwch yr angor (&enw) cyn defnyddio'r arallenw (*enw), neu ysgrifennwch y gwerth yn llawn
yaml-many-documents = mae mwy nag un ddogfen YAML yn y ffeil
    .fix = cadwch un eitem ym mhob ffeil a thynnwch y `---` ychwanegol
file-too-large = mae'r ffeil yn { $size } MB; mae canllaw yn darllen ffeiliau hyd at { $max } MB
    .fix = rhannwch y cynnwys yn eitemau llai
toml-syntax = canllaw.toml: { $detail }
    .fix = cymharwch hi â'r gosodiadau yn docs/format.md
missing-file = mae angen y ffeil neu'r ffolder hon
    .fix = crëwch hi (mae `canllaw new FFOLDER` yn ysgrifennu enghraifft sy'n gweithio o bob ffeil)
unknown-key = nid yw `{ $field }` yn allwedd y mae'r fformat yn ei hadnabod
    .fix = tynnwch hi, neu defnyddiwch un o: { $allowed }
unknown-key-suggest = nid yw `{ $field }` yn allwedd y mae'r fformat yn ei hadnabod
    .fix = ai `{ $likely }` oedd dan sylw?
missing-key = mae `{ $field }` ar goll
    .fix = ychwanegwch hi; mae docs/format.md yn dweud beth mae'n ei ddal
duplicate-key = rhoddir `{ $field }` ddwywaith
    .fix = cadwch un ohonynt
wrong-type = dylai `{ $field }` fod yn { $expected ->
    [mapping] fapiad o allweddi
    [list] rhestr
    [number] rhif cyfan
    [text] destun
    [key] allwedd
   *[other] { $expected }
}, nid { $found ->
    [nothing] yn wag
    [text] yn destun
    [list] yn rhestr
    [mapping] yn fapiad
   *[other] { $found }
}
    .fix = mae docs/format.md yn dangos siâp y maes hwn
empty-text = mae { $field } yn wag
    .fix = mae angen Cymraeg a Saesneg ar bob testun
missing-language = mae { $field } ar goll
    .fix = mae angen Cymraeg a Saesneg ar bob testun
unknown-language = nid yw `{ $field }` yn un o ieithoedd y pecyn
    .fix = mae testun yn dal `cy` ac `en` yn unig
bad-id = nid yw `{ $id }` yn ddynodydd dilys ar gyfer `{ $field }`
    .fix = defnyddiwch lythrennau bach a–z, digidau a chysylltnodau unigol, hyd at 64 nod (e.e. `own-words`)
bad-file-name = nid yw enw'r ffeil `{ $id }` yn ddynodydd dilys
    .fix = ailenwch y ffeil â llythrennau bach a–z, digidau a chysylltnodau unigol (e.e. `own-words.yaml`)
duplicate-id = defnyddir y dynodydd `{ $id }` ddwywaith
    .fix = rhowch ei ddynodydd ei hun i bob eitem
duplicate-number = defnyddir y rhif { $number } ddwywaith
    .fix = rhowch ei rif ei hun i bob eitem
bad-number = mae `{ $field }` yn { $value }, y tu allan i { $min }–{ $max }
    .fix = defnyddiwch rif cyfan o { $min } i { $max }
unknown-group = nid oes grŵp `{ $id }` yn content/groups.yaml
    .fix = defnyddiwch un o'r dynodyddion grŵp yno, neu ychwanegwch y grŵp
unknown-reference = nid oes { $kind } `{ $id }`
    .fix = gwiriwch y dynodydd yn erbyn enwau'r ffeiliau yn content/
unknown-link = mae { $field } yn cysylltu â { $kind }:{ $id }, nad yw'n bodoli
    .fix = gwiriwch y dynodydd yn erbyn enwau'r ffeiliau yn content/
unknown-link-kind = mae { $field } yn cysylltu â `{ $url }`, nad yw'n fath y mae canllaw yn ei adnabod
    .fix = defnyddiwch principle:, example:, exercise:, form:, page: neu glossary:, neu gyfeiriad https:// llawn
unsafe-link = mae { $field } yn cysylltu â `{ $url }`, a all redeg cod neu guddio cynnwys
    .fix = cysylltwch â thudalen drwy https:// neu ag eitem (principle:ID…)
not-in-list = mae `{ $field }` yn `{ $value }`
    .fix = defnyddiwch un o: { $allowed }
empty-list = mae `{ $field }` yn wag
    .fix = rhowch o leiaf un cofnod
misplaced-key = dim ond i feysydd o'r math { $type } y mae `{ $field }` yn berthnasol
    .fix = tynnwch hi, neu newidiwch fath y maes
section-shape = mae angen naill ai `fields` neu `table` ar yr adran { $field }, nid y ddau na'r un
    .fix = rhowch restr o feysydd neu dabl i'r adran
no-options = nid oes `options` gan y maes dewis { $field }
    .fix = ychwanegwch ddewisiadau, pob un â dynodydd a label
bad-setting = mae gan `{ $field }` werth nad yw canllaw yn ei dderbyn
    .fix = defnyddiwch { $allowed }
fluent-syntax = cystrawen Fluent: { $detail }
    .fix = mae https://projectfluent.org/fluent/guide/ yn esbonio'r gystrawen
fluent-missing = mae'r llinyn rhyngwyneb `{ $id }` ar goll yn { $lang ->
    [cy] Gymraeg
   *[other] Saesneg
}
    .fix = ychwanegwch ef at ffeiliau locale { $lang } (mae angen Cymraeg a Saesneg ar bob llinyn)
fluent-format = ni ellid fformatio'r llinyn rhyngwyneb `{ $id }` yn { $lang }: { $detail }
    .fix = gwiriwch y newidynnau y mae'n eu defnyddio
template-error = templed { $name }: { $detail }
    .fix = cymharwch ef â'r templed adeiledig o'r un enw
bad-output = { $reason ->
    [is-project] ffolder y prosiect yw'r ffolder allbwn
    [contains-project] mae'r ffolder allbwn yn cynnwys y prosiect
    [inside-content] mae'r ffolder allbwn y tu mewn i'r cynnwys
    [not-a-build] mae'r ffolder allbwn yn dal ffeiliau nad ysgrifennodd canllaw
    [is-root] gwraidd y system ffeiliau yw'r ffolder allbwn
   *[other] ni ellir defnyddio'r ffolder allbwn
}: { $path }
    .fix = dewiswch ffolder wag, neu un a adeiladodd canllaw o'r blaen (er enghraifft `public/`)
write-failed = ni ellid ysgrifennu { $path }: { $detail }
    .fix = gwiriwch fod lle a bod gennych hawl i ysgrifennu yno; nid yw'r allbwn blaenorol wedi'i gyffwrdd
stray-file = ni ddarllenir y ffeil hon: dim ond ffeiliau .yaml sy'n perthyn yn content/{ $folder }/
    .fix = ailenwch hi i orffen â .yaml, neu symudwch hi allan o content/
link-outside = mae'r ffeil hon yn ddolen i le y tu allan i'r prosiect
    .fix = copïwch y ffeil i'r prosiect yn lle cysylltu â hi

draft-syntax = nid yw'r drafft yn JSON dilys: { $detail }
    .fix = cadwch y drafft eto o dudalen y ffurflen ar y wefan, neu gwiriwch nad yw'r ffeil wedi'i thorri'n fyr
draft-shape = mae `{ $field }` y drafft ar goll neu nid yw'n { $expected ->
    [mapping] fapiad o allweddi
    [number] rhif
    [lang] "cy" neu "en"
   *[text] destun
}
    .fix = mae drafft yn edrych fel {"{"}"form": "ID", "lang": "cy", "version": 1, "values": {"{"}…{"}"}{"}"}; cadwch ef eto o dudalen y ffurflen
draft-version = fersiwn { $found } o'r fformat yw'r drafft; mae'r canllaw hwn yn darllen fersiwn { $version }
    .fix = cadwch y drafft eto o'r wefan a adeiladwyd gyda'r canllaw hwn
draft-wrong-form = mae'r drafft hwn ar gyfer y ffurflen `{ $found }`, nid `{ $form }`
    .fix = llenwch `{ $found }` ag ef, neu defnyddiwch ddrafft a gadwyd o'r ffurflen `{ $form }`
draft-unknown-field = mae gan y drafft werth ar gyfer `{ $field }`, ond nid oes maes felly yn y ffurflen `{ $form }`
    .fix = tynnwch ef, neu cadwch y drafft eto o dudalen bresennol y ffurflen (efallai fod maes wedi cael enw newydd)
draft-wrong-value = dylai gwerth `{ $field }` fod yn { $expected ->
    [tick] true neu false
    [option] un o: { $allowed }
   *[text] destun mewn dyfynodau
}
    .fix = cywirwch y gwerth, neu cadwch y drafft eto o dudalen y ffurflen
pdf-failed = ni ellid gwneud PDF `{ $form }`: { $detail }
    .fix = nam yn canllaw yw hwn, nid yn eich cynnwys: rhowch wybod amdano gyda ffeil y ffurflen
