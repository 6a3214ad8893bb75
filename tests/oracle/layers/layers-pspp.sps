* Cross-check of the layer semantics with PSPP: CROSSTABS /TABLES=a BY b BY c on the fixture written by
* make.R (user-missing 9 on a and c excluded), unweighted and with fw as a frequency weight.
* Run from the repository root: pspp -o tests/oracle/layers/layers-pspp.csv tests/oracle/layers/layers-pspp.sps
GET DATA /TYPE=TXT /FILE='tests/oracle/layers/fixture.csv' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=','
  /VARIABLES=a F2.0 b F2.0 c F2.0 x F1.0 z F1.0 w F8.4 fw F6.0 st F2.0 cl F4.0.
MISSING VALUES a c (9).
CROSSTABS /TABLES=a BY b BY c /CELLS=COUNT /STATISTICS=CHISQ.
WEIGHT BY fw.
CROSSTABS /TABLES=a BY b BY c /CELLS=COUNT /STATISTICS=CHISQ.
