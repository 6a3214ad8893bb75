# Reference confidence intervals for shared/chart/ci.ts.
# Run: Rscript tests/chart/oracle/make.R  (writes ci.json beside this script)
# Wilson score interval = prop.test(x, n, correct = FALSE)$conf.int; the normal (Wald) interval and
# qnorm are computed directly. n may be fractional (an effective base), so Wilson is also written out
# from its formula and checked against prop.test for whole n.
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
cases <- data.frame(
  p = c(0.5, 0.1, 0.01, 0.9, 0.287, 0.0, 1.0, 0.35, 0.62),
  n = c(100, 50, 30, 1000, 4767, 40, 25, 160.7, 12.3),
  level = c(0.95, 0.95, 0.95, 0.90, 0.95, 0.95, 0.99, 0.95, 0.80)
)
wilson <- function(p, n, level) {
  z <- qnorm(1 - (1 - level) / 2)
  d <- 1 + z^2 / n
  c0 <- (p + z^2 / (2 * n)) / d
  h <- z / d * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  c(c0 - h, c0 + h)
}
out <- lapply(seq_len(nrow(cases)), function(i) {
  p <- cases$p[i]; n <- cases$n[i]; level <- cases$level[i]
  w <- wilson(p, n, level)
  if (n == round(n) && abs(p * n - round(p * n)) < 1e-9) {
    pt <- prop.test(round(p * n), n, conf.level = level, correct = FALSE)$conf.int
    stopifnot(abs(pt[1] - w[1]) < 1e-9, abs(pt[2] - w[2]) < 1e-9)
  }
  z <- qnorm(1 - (1 - level) / 2)
  h <- z * sqrt(p * (1 - p) / n)
  list(p = p, n = n, level = level, z = z,
       wilson = c(max(0, w[1]), min(1, w[2])),
       normal = c(max(0, p - h), min(1, p + h)))
})
qn <- c(0.001, 0.025, 0.1, 0.5, 0.8, 0.975, 0.9995)
json <- paste0(
  "{\n  \"source\": \"R ", R.version$major, ".", R.version$minor, ", tests/chart/oracle/make.R\",\n",
  "  \"cases\": [\n",
  paste(sapply(out, function(o) sprintf(
    "    {\"p\": %.17g, \"n\": %.17g, \"level\": %.17g, \"z\": %.17g, \"wilson\": [%.17g, %.17g], \"normal\": [%.17g, %.17g]}",
    o$p, o$n, o$level, o$z, o$wilson[1], o$wilson[2], o$normal[1], o$normal[2])), collapse = ",\n"),
  "\n  ],\n  \"qnorm\": [\n",
  paste(sprintf("    {\"p\": %.17g, \"q\": %.17g}", qn, qnorm(qn)), collapse = ",\n"),
  "\n  ]\n}\n")
writeLines(json, file.path(here, "ci.json"), sep = "")
