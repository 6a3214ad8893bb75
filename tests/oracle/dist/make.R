# Reference values for shared/engine/dist (normal, chi-square, t, F) from R's stats package.
# Run: Rscript tests/oracle/dist/make.R   (writes expected.json beside this script)
library(jsonlite)
out <- list()
add <- function(fn, args, value) out[[length(out) + 1]] <<- list(fn = fn, args = args, value = value)

z <- c(-40, -38, -30, -20, -10, -8.3, -5, -3.01, -3, -2.99, -2.5, -1.96, -1, -0.1, -1e-8, 0, 1e-8, 0.1, 0.5, 1,
       1.6448536, 1.96, 2, 2.5, 2.99, 3, 3.01, 4, 5, 7, 8.3, 10, 15, 20, 25, 30, 35, 37.5)
for (v in z) {
  add("normalCdf", list(v), pnorm(v))
  add("normalSf", list(v), pnorm(v, lower.tail = FALSE))
}
ps <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999, 1 - 1e-10)
for (p in ps) add("normalQuantile", list(p), qnorm(p))

for (df in c(1, 2, 3, 5, 10, 30, 100, 1000, 1e4, 1e5)) {
  xs <- c(df * c(1e-4, 0.01, 0.1, 0.5, 0.9, 1, 1.1, 2, 5, 10, 30), 1e-10, 3.841459, 500)
  for (x in xs) {
    add("chi2Cdf", list(x, df), pchisq(x, df))
    add("chi2Sf", list(x, df), pchisq(x, df, lower.tail = FALSE))
  }
}

ts <- c(0, 0.01, 0.1, 0.5, 1, 1.96, 2, 2.5, 3, 5, 10, 30, 100, 1e3, 1e5, 1e10)
for (df in c(1, 2, 3, 4.5, 5, 10, 30, 100, 1000, 1e5, 3.9e5, 5e5, 1e7)) {
  for (t in c(ts, -ts[-1])) {
    add("tCdf", list(t, df), pt(t, df))
    add("tSf", list(t, df), pt(t, df, lower.tail = FALSE))
  }
  for (p in c(1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.05, 0.1, 0.4, 0.6, 0.9, 0.975, 0.995, 1 - 1e-10))
    add("tQuantile", list(p, df), qt(p, df))
}

for (d1 in c(1, 2, 5, 10, 30)) for (d2 in c(1, 5, 30, 1000, 1e6)) {
  for (x in c(1e-4, 0.01, 0.1, 0.5, 1, 2, 5, 10, 100, 1e4)) {
    add("fCdf", list(x, d1, d2), pf(x, d1, d2))
    add("fSf", list(x, d1, d2), pf(x, d1, d2, lower.tail = FALSE))
  }
}

here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
# jsonlite stops at 15 significant digits; write doubles with %.17g so they round-trip exactly.
num <- function(v) { stopifnot(all(is.finite(v))); paste(sprintf("%.17g", v), collapse = ",") }
lines <- vapply(out, function(c) sprintf('{"fn":"%s","args":[%s],"value":%s}', c$fn, num(unlist(c$args)), num(c$value)), "")
writeLines(c(sprintf('{"source":%s,"cases":[', toJSON(R.version.string, auto_unbox = TRUE)),
             paste0(lines, c(rep(",", length(lines) - 1), "")), "]}"), file.path(here, "expected.json"))
