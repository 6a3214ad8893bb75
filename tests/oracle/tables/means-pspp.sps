* Cross-check for make-means.R: PSPP EXAMINE (HAVERAGE median, mean, SE, t-CI) with frequency weight fw.
* Run from the repository root: pspp -o tests/oracle/tables/means-pspp.csv tests/oracle/tables/means-pspp.sps
GET DATA /TYPE=TXT /FILE='tests/oracle/tables/fixture.csv' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=','
  /VARIABLES=a F3.0 b F2.0 x F1.0 z F1.0 w F8.4 fw F2.0 st F2.0 cl F4.0 y F8.2.
WEIGHT BY fw.
EXAMINE VARIABLES=y BY b /STATISTICS=DESCRIPTIVES /PERCENTILES(50) HAVERAGE /MISSING=PAIRWISE.
