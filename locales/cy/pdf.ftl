# Llinynnau rhyngwyneb templedi cofnodi PDF, yn Gymraeg. Mae gan bob llinyn
# yma gymar Saesneg yn locales/en/pdf.ftl gyda'r un newidynnau.

# Troedyn pob tudalen.
pdf-page = Tudalen { $page } o { $pages }
# Wrth label maes dyddiad: y drefn i ysgrifennu dyddiad.
pdf-date-hint = dd/mm/bbbb
# O dan y disgrifiad, ar y dudalen gyntaf.
pdf-intro = Llenwch y ffurflen hon ar y sgrin, neu ei hargraffu ac ysgrifennu â llaw.
# O dan label maes dewis.
pdf-choose-one = Dewiswch un
# Teitl adran a ailadroddir ar frig tudalen pan fydd ei thabl yn parhau.
pdf-continued = { $title } (parhad)
# Enw hygyrch maes cell tabl.
pdf-cell = { $column }, rhes { $row }
# Pwnc y ddogfen ym mhriodweddau'r PDF.
pdf-subject = { $kind } – { $site }
# Pan fydd gan dabl ffurflen sawl rhes, yn y crynodeb hygyrch.
pdf-table-rows = { $rows ->
    [zero] Tabl heb resi
    [one] Tabl ag un rhes
    [two] Tabl â dwy res
    [few] Tabl â { $rows } rhes
    [many] Tabl â { $rows } rhes
   *[other] Tabl â { $rows } rhes
}
