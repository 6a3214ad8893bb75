* Cross-check for make.R: PSPP CROSSTABS with the fractional weight w used as a frequency weight
* (PSPP, like SPSS, computes the tests on the unrounded weighted counts), and a 2x2 with Fisher.
* Run from the repository root: pspp -o tests/oracle/tables/crosstab-pspp.csv tests/oracle/tables/crosstab-pspp.sps
GET DATA /TYPE=TXT /FILE='tests/oracle/tables/fixture.csv' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=','
  /VARIABLES=a F3.0 b F2.0 x F1.0 z F1.0 w F8.4 fw F2.0 st F2.0 cl F4.0 y F8.2.
MISSING VALUES a (9).
WEIGHT BY w.
CROSSTABS /TABLES=a BY b /CELLS=COUNT /STATISTICS=CHISQ.
WEIGHT OFF.
CROSSTABS /TABLES=x BY z /CELLS=COUNT /STATISTICS=CHISQ.
