# NIST StRD Longley data in NIST's scaling, derived from R's datasets::longley (same 1947-1962 series;
# R stores some columns in thousands). Writes longley.csv beside this script.
# Run: Rscript tests/oracle/nist/make.R
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
l <- datasets::longley
d <- data.frame(
  y  = round(l$Employed * 1000),
  x1 = l$GNP.deflator,
  x2 = round(l$GNP * 1000),
  x3 = round(l$Unemployed * 10),
  x4 = round(l$Armed.Forces * 10),
  x5 = round(l$Population * 1000),
  x6 = l$Year
)
write.csv(d, file.path(here, "longley.csv"), row.names = FALSE)
