* PSPP's own way of writing long string missing values (a length before every value), which R haven
* cannot read: only PSPP's report is the oracle for this file.
SET LOCALE='UTF-8'.
DATA LIST LIST /id (F2.0) status (A12).
BEGIN DATA
1 "actief"
2 "onbekend"
3 "geen"
4 "weigert"
END DATA.
MISSING VALUES status ('onbekend', 'geen', 'weigert').
VALUE LABELS status 'actief' 'Actief lid' 'weigert' 'Weigert (ë)'.
SAVE OUTFILE='pspp-quirks.sav' /COMPRESSED.
