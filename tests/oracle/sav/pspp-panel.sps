* Panel-like fixture covering the dictionary features a researcher relies on.
* Run by make-fixtures.sh inside tests/fixtures/sav; saved three ways (none, bytecode, zlib).
SET LOCALE='UTF-8'.
DATA LIST LIST /id (F4.0) geslacht (F1.0) leeftijd (F3.0) inkomen (F10.2) q1 (F1.0)
  gemeente (A24) code (A3) postcode_omschrijving (A12) d (F2.0) m (F2.0) y (F4.0)
  gewicht (F8.4) tevredenheid_met_de_woonomgeving (F1.0) media_tv (F1.0) media_krant (F1.0) media_web (F1.0).
BEGIN DATA
1 1 34 2500.50 1 "'s-Hertogenbosch" "AMS" "centrum" 15 3 2024 1.25 4 1 0 1
2 2 998 -5 2 "Súdwest-Fryslân" "XX" "onbekend" 1 1 1970 0.8 5 0 1 1
3 9 61 . 7 "Zoëtermeer" "NA" "buitengebied" 29 2 2000 1.0 3 1 1 0
4 2 . 99999999 8 "Ede" "" "" 31 12 1999 2.5 . 0 0 0
5 1 45 123456.78 9 "Den Haag" "UTR" "centrum" 1 7 2010 0.333 1 1 1 1
6 2 27 0 3 "Groningen" "AMS" "wijk noord" . . . 1.5 2 0 0 1
END DATA.
COMPUTE datum = DATE.DMY(d, m, y).
COMPUTE tijdstip = datum + TIME.HMS(13, 45, 10).
COMPUTE duur = TIME.HMS(1, 2, 3) * id.
COMPUTE bedrag = inkomen / 100.
FORMATS datum (DATE11) tijdstip (DATETIME20) duur (TIME8) bedrag (DOLLAR10.2) inkomen (COMMA12.2).
DELETE VARIABLES d m y.
STRING opmerking (A600).
COMPUTE opmerking = CONCAT(RPAD('', 254, 'a'), 'één', RPAD('', 240, 'b'), 'ë€ einde ', gemeente).
IF (id = 2) opmerking = 'kort'.
IF (id = 4) opmerking = ''.
VARIABLE LABELS geslacht 'Geslacht van de respondent'
  leeftijd 'Leeftijd in jaren'
  inkomen 'Bruto inkomen (€)'
  q1 'Vraag 1: hoe tevreden bent u?'
  gemeente 'Gemeente van inschrijving'
  opmerking 'Opmerking (lang, > 255 bytes)'
  tevredenheid_met_de_woonomgeving 'Tevredenheid met de woonomgeving'.
VALUE LABELS geslacht 1 'Man' 2 'Vrouw' 9 'Onbekend'
  /q1 1 'Zeer tevreden' 2 'Tevreden' 3 'Neutraal' 7 'Weet niet' 8 'Geen antwoord' 9 'Niet gevraagd'
  /code 'AMS' 'Amsterdam' 'UTR' 'Utrecht' 'XX' 'Onbekend'
  /postcode_omschrijving 'centrum' 'Centrum (binnen de ring)' 'onbekend' 'Onbekend gebied'
  /tevredenheid_met_de_woonomgeving 1 'Zeer ontevreden' 5 'Zeer tevreden'
  /media_tv media_krant media_web 0 'Nee' 1 'Ja'.
MISSING VALUES geslacht (9) /leeftijd (998 THRU 999) /inkomen (LO THRU -1, 99999999) /q1 (7, 8, 9)
  /code ('XX', 'NA') /postcode_omschrijving ('onbekend').
VARIABLE LEVEL geslacht q1 code (NOMINAL) /tevredenheid_met_de_woonomgeving (ORDINAL) /leeftijd inkomen (SCALE).
VARIABLE ALIGNMENT gemeente (CENTER) /q1 (LEFT).
VARIABLE WIDTH gemeente (30) /q1 (4).
VARIABLE ROLE /NONE id.
MRSETS /MDGROUP NAME=$media LABEL='Gebruikte media' VARIABLES=media_tv media_krant media_web VALUE=1
  /MCGROUP NAME=$vragen LABEL='Vragen' VARIABLES=q1 tevredenheid_met_de_woonomgeving
  /MDGROUP NAME=$media_ja LABEL='Media (ja)' VARIABLES=media_tv media_web VALUE=1 CATEGORYLABELS=COUNTEDVALUES.
FILE LABEL 'Duiding testpanel golf 1 (é)'.
DOCUMENT Dit bestand is gemaakt door tests/oracle/sav/pspp-panel.sps
  Tweede regel met een ë.
WEIGHT BY gewicht.
SAVE OUTFILE='pspp-panel-none.sav' /UNCOMPRESSED.
SAVE OUTFILE='pspp-panel-bytecode.sav' /COMPRESSED.
SAVE OUTFILE='pspp-panel-zlib.zsav' /ZCOMPRESSED.
