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
pdf-written = Ysgrifennwyd { $path }
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
yaml-tab = mae tab yn mewnoli'r llinell hon; bylchau yn unig sy'n mewnoli YAML
    .fix = rhowch fylchau yn lle'r tab (gall y rhan fwyaf o olygyddion wneud hyn i'r ffeil gyfan)
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
text-too-long = mae { $field } yn { $length } nod o hyd; mae'r maes hwn yn derbyn { $max } nod ar y mwyaf
    .fix = { $kind ->
        [markdown] rhannwch y testun rhwng mwy nag un eitem neu dudalen
       *[plain] byrhewch ef: mae teitlau, labeli, crynodebau a thermau'n fyr
    }
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
    [not-a-folder] ffeil yw'r allbwn, nid ffolder
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
draft-too-large = mae'r ffeil yn { $size } MB, yn rhy fawr i fod yn ddrafft ({ $max } MB ar y mwyaf)
    .fix = dewiswch y ffeil .json a ysgrifennwyd gan y botwm "Cadw drafft" ar y ffurflen
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
workbook-unknown-group = ni all y llyfr gwaith gynnwys y grŵp `{ $id }`: nid oes grŵp o'r fath yn content/groups.yaml
    .fix = enwch grwpiau wrth eu dynodyddion: { $known }

# canllaw check a canllaw translations confirm.
check-clean = Dim problemau.
check-heading-errors = { $count ->
    [zero] Dim gwallau
    [one] 1 gwall
    [two] 2 wall
    [few] { $count } gwall
    [many] { $count } gwall
   *[other] { $count } gwall
}:
check-heading-warnings = { $count ->
    [zero] Dim rhybuddion
    [one] 1 rhybudd
    [two] 2 rybudd
    [few] { $count } rhybudd
    [many] { $count } rhybudd
   *[other] { $count } rhybudd
}:
check-external = Dolenni i wefannau eraill yn y cynnwys (wedi'u rhestru, heb eu hagor):
confirm-done = Cofnodwyd { $count ->
    [zero] dim testunau
    [one] 1 testun
    [two] 2 destun
    [few] { $count } testun
    [many] { $count } testun
   *[other] { $count } testun
} fel rhai a adolygwyd yn { $path }.

broken-link = nid yw `{ $url }` ar y dudalen { $page } yn arwain at ffeil yn y wefan{ $others ->
    [zero] {""}
    [one] {" "}(nac ar 1 dudalen arall)
    [two] {" "}(nac ar 2 dudalen arall)
    [few] {" "}(nac ar { $others } o dudalennau eraill)
    [many] {" "}(nac ar { $others } o dudalennau eraill)
   *[other] {" "}(nac ar { $others } o dudalennau eraill)
}
    .fix = cywirwch y ddolen, neu ychwanegwch y ffeil y mae'n ei henwi
broken-fragment = mae `{ $url }` ar y dudalen { $page } yn arwain at id `{ $fragment }` nad yw ar y dudalen honno{ $others ->
    [zero] {""}
    [one] {" "}(ac ar 1 dudalen arall)
    [two] {" "}(ac ar 2 dudalen arall)
    [few] {" "}(ac ar { $others } o dudalennau eraill)
    [many] {" "}(ac ar { $others } o dudalennau eraill)
   *[other] {" "}(ac ar { $others } o dudalennau eraill)
}
    .fix = cysylltwch ag id sydd ar y dudalen, er enghraifft id pennawd
switcher-missing = nid oes gan y dudalen { $page } ddolen newid iaith i'r { $lang ->
    [cy] Gymraeg
   *[other] Saesneg
}{ $others ->
    [zero] {""}
    [one] {" "}(na chan 1 dudalen arall)
    [two] {" "}(na chan 2 dudalen arall)
    [few] {" "}(na chan { $others } o dudalennau eraill)
    [many] {" "}(na chan { $others } o dudalennau eraill)
   *[other] {" "}(na chan { $others } o dudalennau eraill)
}
    .fix = cadwch y dolenni newid iaith (y dolenni â hreflang) yng nghynllun y dudalen, theme/index.hbs
switcher-mismatch = mae'r ddolen newid iaith ar { $page } yn arwain at { $url }, nid at yr un dudalen yn yr iaith arall ({ $expected })
    .fix = dylai'r ddolen newid iaith arwain pob tudalen at ei chymar; cymharwch y cynllun â theme/index.hbs adeiledig
switcher-one-way = mae'r ddolen newid iaith ar { $page } yn arwain at { $other }, nad yw'n arwain yn ôl ati
    .fix = dylai'r ddolen newid iaith ar bob tudalen arwain at ei chymar ac yn ôl; cymharwch y cynllun â theme/index.hbs adeiledig
hreflang-one-way = mae { $page } yn enwi { $other } fel ei fersiwn { $lang ->
    [cy] Gymraeg
   *[other] Saesneg
}, ond nid yw { $other } yn ei henwi hithau'n ôl
    .fix = rhaid i ddolenni hreflang dwy dudalen gymar enwi ei gilydd; gwiriwch base_url yn canllaw.toml a'r dolenni amgen yn y cynllun
orphan-page = nid oes dolen yn arwain at y dudalen { $page } o { $home }
    .fix = cysylltwch â hi o'r hafan, o'r rhestr gynnwys neu o dudalen arall
insecure-link = mae { $field } yn cysylltu â `{ $url }`, nad yw'n https
    .fix = defnyddiwch gyfeiriad https:// y dudalen (gall porwyr rwystro http plaen neu rybuddio darllenwyr amdano)
untranslated = mae { $field } yr un fath yn Gymraeg ac yn Saesneg: copi heb ei gyfieithu
    .fix = cyfieithwch ef; os yw'n iawn iddo aros yr un fath (enw, teitl), ychwanegwch y testun fel un llinell at words/identical.txt
link-mismatch = { $field }: mae'r { $has ->
    [cy] Gymraeg
   *[other] Saesneg
} yn cysylltu â `{ $url }` yma, ond nid yw'r { $lacks ->
    [cy] Gymraeg
   *[other] Saesneg
}
    .fix = rhowch yr un dolenni yn y ddwy iaith, fel nad yw'r naill ddarllenydd na'r llall yn colli un
list-mismatch = { $field }: mae gan restr { $cy } eitem yn Gymraeg a { $en } yn Saesneg
    .fix = rhowch yr un eitemau i'r rhestr yn y ddwy iaith
table-mismatch = { $field }: mae tabl yn { $cy } (rhesi × colofnau) yn Gymraeg ac yn { $en } yn Saesneg
    .fix = rhowch yr un rhesi a cholofnau i'r tabl yn y ddwy iaith
heading-mismatch = { $field }: mae'r penawdau'n wahanol: { $cy } yn Gymraeg, { $en } yn Saesneg
    .fix = rhowch yr un penawdau ar yr un lefelau yn y ddwy iaith
fluent-variables = mae'r llinyn rhyngwyneb `{ $id }` yn defnyddio { $var } yn { $has ->
    [cy] Gymraeg
   *[other] Saesneg
} ond nid yn { $lacks ->
    [cy] Gymraeg
   *[other] Saesneg
}
    .fix = defnyddiwch { $var } yn y ddwy iaith, fel nad yw'r naill na'r llall yn colli'r hyn y mae'n ei ddweud
fluent-plural = mae'r `{ $id }` Cymraeg yn dewis yn ôl y rhif { $var } ond nid oes ganddo { $missing }
    .fix = mae chwe ffurf ar rifau yn Gymraeg: rhowch yr amrywiadau [zero], [one], [two], [few], [many] ac [other]
fluent-obsolete = nid yw canllaw nac unrhyw dempled yn defnyddio'r llinyn rhyngwyneb `{ $id }`
    .fix = tynnwch ef, neu gwiriwch ei sillafiad yn erbyn ffeiliau adeiledig locales/{ $lang }/
unknown-word = gair { $lang ->
    [cy] Cymraeg
   *[other] Saesneg
} anhysbys “{ $word }” yn { $field }
    .fix = { $suggestions ->
        [none] os yw'n gywir (enw, term), ychwanegwch ef at words/{ $lang }.txt
       *[other] ai { $suggestions } oedd dan sylw? Os yw'n gywir (enw, term), ychwanegwch ef at words/{ $lang }.txt
    }
dictionaries-missing = ni wiriwyd y sillafu: ni chafwyd hyd i eiriaduron Hunspell Cymraeg a Saesneg
    .fix = rhedwch `npm install --no-save dictionary-cy dictionary-en` yn ffolder y prosiect, neu gosodwch CANLLAW_DICTIONARIES i'r ffolder sy'n dal dictionary-cy a dictionary-en
dictionary-broken = ni ellid darllen y geiriadur { $path }: { $detail }
    .fix = gosodwch ef eto â `npm install --no-save dictionary-cy dictionary-en`
no-lock = nid oes translations.lock, felly ni ellir gwahaniaethu rhwng testunau a newidiwyd ers eu hadolygu a rhai a adolygwyd
    .fix = pan fydd y Gymraeg a'r Saesneg yn cytuno, rhedwch `canllaw translations confirm` ac ychwanegwch translations.lock at y storfa gyda'r cynnwys
lock-syntax = translations.lock: ni ellir darllen y llinell hon
    .fix = rhedwch `canllaw translations confirm` i ysgrifennu'r ffeil eto
stale-translation = mae'r { $source ->
    [cy] Gymraeg
   *[other] Saesneg
} yn { $field } wedi newid ers cadarnhau'r { $lang ->
    [cy] Gymraeg
   *[other] Saesneg
}: mae “{ $old }” bellach yn “{ $new }”
    .fix = diweddarwch y { $lang ->
        [cy] Gymraeg
       *[other] Saesneg
    } i gyfateb, yna rhedwch `canllaw translations confirm`
stale-translation-no-history = mae'r { $source ->
    [cy] Gymraeg
   *[other] Saesneg
} yn { $field } wedi newid ers cadarnhau'r { $lang ->
    [cy] Gymraeg
   *[other] Saesneg
}; mae bellach yn darllen “{ $new }”
    .fix = diweddarwch y { $lang ->
        [cy] Gymraeg
       *[other] Saesneg
    } i gyfateb, yna rhedwch `canllaw translations confirm`
changed-both = mae { $field } wedi newid yn y ddwy iaith ers ei gadarnhau
    .fix = gwiriwch fod y ddwy yn cytuno, yna rhedwch `canllaw translations confirm`
unconfirmed-translation = nid yw { $field } wedi'i gadarnhau fel testun wedi'i gyfieithu
    .fix = pan fydd y Gymraeg a'r Saesneg yn cytuno, rhedwch `canllaw translations confirm`

# Brandio yn canllaw.toml
low-contrast = byddai testun ar { $colour } yn anodd ei ddarllen: { $white }:1 gyda thestun gwyn a { $dark }:1 gyda thestun tywyll, lle mae WCAG AA yn gofyn am { $min }:1
    .fix = dewiswch liw tywyllach i gymryd testun gwyn, neu un goleuach i gymryd testun tywyll (mae'r thema sydd wedi'i chynnwys yn defnyddio #00594f)
bad-logo = { $reason ->
    [missing] nid yw'r logo { $path } yn y prosiect
    [outside] mae'r logo { $path } y tu allan i'r prosiect
    [script] mae sgript yn y logo { $path }
   *[format] nid delwedd SVG na PNG yw'r logo { $path }
}
    .fix = { $reason ->
    [missing] gwiriwch y llwybr: mae'n dechrau o'r ffolder sy'n dal canllaw.toml
    [outside] copïwch y logo i'r prosiect (e.e. theme/logo.svg) a rhowch y llwybr hwnnw
    [script] cadwch y logo eto fel SVG plaen, heb sgriptiau
   *[format] cadwch y logo fel SVG neu PNG
}

# canllaw new
new-not-empty = nid yw { $path } yn ffolder wag
    .fix = rhowch enw ffolder newydd neu wag: nid yw `canllaw new` byth yn ysgrifennu dros ddim
new-done = Ysgrifennwyd pecyn dwyieithog bach yn { $dir }.
new-next = Edrychwch arno gyda `canllaw serve --project { $dir }`, yna rhowch eich testun eich hun yn lle'r testun sydd yno.

# canllaw serve
serve-listen = ni ellid gwrando ar { $addr }: { $detail }
    .fix = dewiswch borth arall gyda --port, neu caewch y rhaglen sy'n defnyddio'r un hwn
serve-watch = ni ellid gwylio { $path } am newidiadau: { $detail }
    .fix = gwiriwch fod gennych hawl i ddarllen y ffolder; ar Linux, gall codi fs.inotify.max_user_watches helpu
serve-listening = Rhagolwg o { $project } yn { $url } (mae Ctrl+C yn ei atal)
serve-built = Adeiladwyd y wefan mewn { $seconds } eiliad
serve-rebuilt = Ailadeiladwyd mewn { $seconds } eiliad: { $files ->
    [zero] dim wedi newid
    [one] 1 ffeil wedi newid
    [two] 2 ffeil wedi newid
    [few] { $files } ffeil wedi newid
    [many] { $files } ffeil wedi newid
   *[other] { $files } ffeil wedi newid
}
serve-pdfs = Ysgrifennwyd { $pdfs ->
    [zero] dim PDFau
    [one] 1 PDF
    [two] 2 PDF
    [few] { $pdfs } PDF
    [many] { $pdfs } PDF
   *[other] { $pdfs } PDF
} mewn { $seconds } eiliad
serve-failed = Nid oedd modd adeiladu'r newid: mae'r fersiwn da diwethaf o'r wefan yn dal i gael ei weini.
serve-stopped = Daeth y rhagolwg i ben a thynnwyd ei ffolder dros dro.
serve-notice-title = Nid oedd modd adeiladu'r newid hwn
serve-notice-body = Rydych chi'n edrych ar y fersiwn diwethaf a adeiladwyd. Cywirwch y problemau isod a chadwch y ffeil: bydd y dudalen yn ail-lwytho ohoni ei hun.
serve-notice-first = Nid oes dim wedi'i adeiladu eto. Cywirwch y problemau isod a chadwch y ffeil: bydd y dudalen yn ail-lwytho ohoni ei hun.
serve-waiting = Yn aros i'r cynnwys gael ei adeiladu

# canllaw xliff
xliff-exported = Ysgrifennwyd { $units ->
    [zero] dim unedau
    [one] 1 uned
    [two] 2 uned
    [few] { $units } uned
    [many] { $units } uned
   *[other] { $units } uned
} i'w cyfieithu i'r { $lang ->
    [cy] Gymraeg
   *[other] Saesneg
} ({ $new } newydd, { $stale } i'w hadolygu) yn { $path }
xliff-imported = Ysgrifennwyd { $changed ->
    [zero] dim cyfieithiadau
    [one] 1 cyfieithiad
    [two] 2 gyfieithiad
    [few] { $changed } cyfieithiad
    [many] { $changed } cyfieithiad
   *[other] { $changed } cyfieithiad
} mewn { $files ->
    [zero] dim ffeiliau
    [one] 1 ffeil
    [two] 2 ffeil
    [few] { $files } ffeil
    [many] { $files } ffeil
   *[other] { $files } ffeil
}; cofnodwyd { $locked ->
    [zero] dim testunau
    [one] 1 testun
    [two] 2 destun
    [few] { $locked } testun
    [many] { $locked } testun
   *[other] { $locked } testun
} fel rhai a adolygwyd yn translations.lock
xliff-imported-change = { $file }: { $key }
xliff-imported-confirmed = { $file }: { $key } (cadarnhawyd heb newid)
xliff-imported-skipped = Ni chyffyrddwyd â { $skipped ->
    [zero] dim unedau
    [one] 1 uned
    [two] 2 uned
    [few] { $skipped } uned
    [many] { $skipped } uned
   *[other] { $skipped } uned
} heb gyfieithiad gorffenedig (dim targed, targed gwag, neu gyflwr fel needs-translation)
xliff-imported-nothing = Dim i'w fewnforio: nid oes unedau cyfieithu yn y ffeil.
xliff-note-item = { $kind ->
    [principle] Egwyddor { $number }: “{ $title }”
    [example] Enghraifft: “{ $title }”
    [exercise] Ymarfer myfyriol { $number }: “{ $title }”
    [form] Templed cofnodi: “{ $title }”
    [page] Tudalen: “{ $title }”
    [group] Grŵp o egwyddorion: “{ $title }”
    [glossary] Term yn yr eirfa: “{ $title }”
   *[settings] Gosodiadau'r wefan: “{ $title }”
}
xliff-note-field = { $key }: { $role ->
    [principle-title] teitl yr egwyddor: pennawd ei thudalen, a'i henw yn y cynnwys, mewn rhestrau ac mewn dolenni ati
    [principle-summary] un frawddeg o dan deitl yr egwyddor, a ddangosir hefyd mewn rhestrau o egwyddorion
    [principle-body] testun tudalen yr egwyddor
    [example-title] teitl yr enghraifft: pennawd ei thudalen a'i henw mewn rhestrau
    [example-setting] lle mae'r enghraifft yn digwydd (gofal cartref, er enghraifft), a ddangosir o dan ei theitl
    [example-less-helpful] y cofnod fel y'i hysgrifennir yn aml, a ddangosir fel y cofnod llai defnyddiol
    [example-more-helpful] y cofnod fel y gellid ei ysgrifennu, a ddangosir fel y cofnod mwy defnyddiol
    [example-commentary] beth sy'n gwneud y gwahaniaeth rhwng y ddau gofnod
    [exercise-title] teitl yr ymarfer: pennawd ei dudalen a'i enw yn y cynnwys ac yn y gweithlyfr
    [exercise-you-will-need] yr hyn sydd ei angen ar hyfforddwr ar gyfer yr ymarfer
    [exercise-background] cyflwyniad yr ymarfer
    [exercise-questions] cwestiwn i'r dysgwr fyfyrio arno
    [form-title] teitl y templed cofnodi: pennawd ei dudalen, teitl ei PDF, a'i enw mewn rhestrau
    [form-description] diben y templed, ar ei dudalen
    [form-sections-title] pennawd adran o'r templed, ar ei dudalen ac yn ei PDF
    [form-sections-help] anogaeth o dan bennawd adran
    [form-sections-fields-label] label maes i'w lenwi, ar y dudalen ac yn y PDF
    [form-sections-fields-help] anogaeth o dan label maes
    [form-sections-fields-options-label] un o'r dewisiadau y mae maes yn eu cynnig
    [form-sections-table-columns-label] pennawd colofn mewn tabl i'w lenwi
    [page-title] teitl y dudalen: ei phennawd a'i henw yn y cynnwys
    [page-body] testun y dudalen
    [group-title] enw grŵp o egwyddorion, yn y cynnwys ac ar yr hafan
    [group-summary] un frawddeg am y grŵp, ar yr hafan
    [glossary-term] term yn yr eirfa, a restrir yn nhrefn yr wyddor wrth ymyl ei gyfieithiad
    [glossary-definition] diffiniad y term yn yr eirfa
    [settings-site-title] enw'r wefan, ar frig pob tudalen ac ym mar teitl y porwr
    [settings-site-description] brawddeg am y wefan, ar ei hafan ac ar gyfer peiriannau chwilio
    [settings-site-organisation] pwy sy'n cyhoeddi'r wefan, a enwir yn nhroedyn pob tudalen
   *[other] testun y mae darllenwyr yn ei weld
}
xliff-note-markdown = Markdown: mae'r tagiau'n sefyll am ddolenni, fformatio a threfn llinellau, rhestrau a thablau. Cadwch bob tag, a chyfieithwch y geiriau o'u cwmpas a rhyngddynt.
xliff-note-string = Llinyn rhyngwyneb `{ $id }` y wefan ({ $file }). Cadwch bob tag: mae'n sefyll am werth a roddir i mewn pan wneir y dudalen.
xliff-note-plurals = Mae angen chwe ffurf luosog ar rifau yn Gymraeg: rhowch yr amrywiadau [zero], [one], [two], [few], [many] a *[other].

xliff-syntax = nid yw'r ffeil yn XML dilys: { $detail }
    .fix = efallai na orffennodd yr offeryn cyfieithu ei chadw: allforiwch y ffeil o'r offeryn eto
xliff-not-xliff = nid ffeil XLIFF 1.2 yw hon (cafwyd { $found })
    .fix = allforiwch XLIFF 1.2 o'r offeryn cyfieithu: y fersiwn y mae `canllaw xliff export` yn ei hysgrifennu
xliff-languages = mae'r ffeil hon yn cyfieithu o `{ $source }` i `{ $target }`, ond mae canllaw yn darllen Cymraeg i Saesneg neu Saesneg i Gymraeg, un cyfeiriad i'r ffeil gyfan
    .fix = mewnforiwch y ffeil a ysgrifennodd `canllaw xliff export --lang cy` (neu `--lang en`), gyda'i hieithoedd fel yr oeddent
xliff-unknown-unit = nid oes gan y prosiect destun `{ $id }`
    .fix = efallai fod y testun wedi'i ddileu neu wedi cael enw newydd ers yr allforio: allforiwch eto, neu dilëwch yr uned hon o'r ffeil
xliff-duplicate-unit = mae'r uned `{ $id }` yn y ffeil ddwywaith
    .fix = cadwch un ohonynt
xliff-source-changed = newidiodd ffynhonnell `{ $id }` yn y prosiect ar ôl allforio'r ffeil
    .fix = allforiwch eto a dewch â'r cyfieithiad drosodd (mae cof offeryn cyfieithu yn gwneud hyn), fel ei fod yn cyfieithu'r ffynhonnell fel y mae hi nawr
xliff-inline = mae elfen `<{ $element }>` yng nghyfieithiad `{ $id }`, ac ni all canllaw ei hysgrifennu'n ôl
    .fix = cadwch eiriau a thagiau'r ffynhonnell ei hun yn unig yn y cyfieithiad
xliff-tag = cyfieithiad `{ $id }`: { $issue ->
    [missing] mae tag { $tag } ({ $markup }) ar goll
    [repeated] defnyddir tag { $tag } ({ $markup }) fwy nag unwaith
    [misused] defnyddir tag { $tag } ({ $markup }) fel y math anghywir o dag
    [order] mae tag { $tag } ({ $markup }) allan o drefn â'r llinellau a'r paragraffau o'i gwmpas
   *[unknown] nid yw tag { $tag } yn y ffynhonnell
}
    .fix = rhowch bob un o dagiau'r ffynhonnell yn y cyfieithiad unwaith yn union: maent yn sefyll am ddolenni, fformatio a threfn y llinellau
xliff-structure = mae gan gyfieithiad `{ $id }` { $what ->
    [links] ddolenni gwahanol
    [emphasis] bwyslais gwahanol
   *[structure] adeiledd gwahanol (paragraffau, rhestrau, penawdau neu dablau)
} i'w ffynhonnell
    .fix = defnyddiwch dagiau'r ffynhonnell yn lle teipio Markdown; byddai `canllaw check` yn adrodd yr un gwahaniaeth
xliff-fluent = nid yw cyfieithiad y llinyn rhyngwyneb `{ $id }` yn Fluent dilys: { $detail }
    .fix = cadwch dagiau'r ffynhonnell, a rhowch ei amrywiad diofyn, wedi'i farcio â *, i ddetholydd fel {"{"} $count -> … {"}"}
xliff-unsafe-edit = ni allai canllaw ysgrifennu'r cyfieithiad i { $file } yn ddiogel: { $detail }
    .fix = ni ysgrifennwyd dim; gwnewch y newid hwn yn y ffeil â llaw, a rhowch wybod amdano fel nam yn canllaw
