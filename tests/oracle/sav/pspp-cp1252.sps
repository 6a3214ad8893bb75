* A Windows-1252 system file (dictionary and data in the old code page), bytecode-compressed.
SET LOCALE='windows-1252'.
DATA LIST LIST /id (F4.0) naam (A16) score (F5.1).
BEGIN DATA
1 "José" 7.5
2 "Zoë" 8
3 "Françoise" 6.25
4 "Ærø" .
END DATA.
VARIABLE LABELS naam 'Naam van de persoon (één)' score 'Cijfer (€)'.
VALUE LABELS score 8 'Goed (ë)' 6.25 'Matig'.
VALUE LABELS naam 'Zoë' 'Zoë met trema'.
MISSING VALUES naam ('Ærø').
FILE LABEL 'Windows-1252 bestand: café'.
SAVE OUTFILE='pspp-cp1252.sav' /COMPRESSED.
