# Reference means of y by b (and in total) for shared/engine/means.ts, from fixture.csv:
#   unweighted and frequency weight fw: mean, SD (W−1), SE, t-CI (df W−1), HAVERAGE median;
#   sampling weight w: survey::svymean (SE), svyvar (SD), confint (normal), on the domain of b.
# HAVERAGE is written out below as in IBM's algorithm notes; a PSPP EXAMINE run on the same data
# (tests/oracle/tables/means-pspp.sps) agrees to the 2 decimals PSPP prints (see means-pspp.csv).
# Run from the repository root:  Rscript tests/oracle/tables/make-means.R
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
dir <- "tests/oracle/tables"
d <- read.csv(file.path(dir, "fixture.csv"))
haverage <- function(x, w, p = 0.5) {
  o <- order(x); x <- x[o]; w <- w[o]
  ag <- tapply(w, x, sum); xs <- as.numeric(names(ag)); cs <- as.numeric(ag)
  W <- sum(cs); tc <- (W + 1) * p; cc <- cumsum(cs)
  k <- sum(cc <= tc) # distinct values with cumulative weight <= tc
  if (k >= length(xs)) return(xs[length(xs)])
  lower <- if (k == 0) xs[1] else xs[k]; upper <- xs[k + 1]
  gs <- tc - (if (k == 0) 0 else cc[k])
  if (gs >= 1) return(upper)
  if (cs[k + 1] >= 1) return((1 - gs) * lower + gs * upper)
  g <- gs / cs[k + 1]; (1 - g) * lower + g * upper
}
freqstats <- function(y, w) {
  W <- sum(w); m <- sum(w * y) / W; sd <- sqrt(sum(w * (y - m)^2) / (W - 1)); se <- sd / sqrt(W)
  q <- qt(0.975, W - 1)
  list(n = length(y), sumW = W, mean = m, sd = sd, se = se, ciLow = m - q * se, ciHigh = m + q * se, median = haverage(y, w))
}
groups <- function(dd, wcol) {
  ok <- !is.na(dd$y)
  out <- list(freqstats(dd$y[ok], dd[[wcol]][ok]))
  for (g in sort(unique(dd$b[!is.na(dd$b)]))) { m <- ok & dd$b %in% g; out[[length(out) + 1]] <- freqstats(dd$y[m], dd[[wcol]][m]) }
  out
}
d$one <- 1
res <- list(unweighted = groups(d, "one"), frequency_fw = groups(d, "fw"))
dw <- d[!is.na(d$w) & d$w > 0, ]
des <- svydesign(ids = ~1, weights = ~w, data = dw)
svy <- function(mask) {
  sub <- subset(des, mask & !is.na(dw$y))
  m <- svymean(~y, sub); v <- svyvar(~y, sub); ci <- confint(m)
  list(n = sum(mask & !is.na(dw$y)), sumW = sum(dw$w[mask & !is.na(dw$y)]), mean = unname(coef(m)), sd = sqrt(as.numeric(coef(v))),
       se = as.numeric(SE(m)), ciLow = as.numeric(ci[1]), ciHigh = as.numeric(ci[2]), median = haverage(dw$y[mask & !is.na(dw$y)], dw$w[mask & !is.na(dw$y)]))
}
res$sampling_w <- c(list(svy(rep(TRUE, nrow(dw)))), lapply(sort(unique(dw$b[!is.na(dw$b)])), function(g) svy(dw$b %in% g)))
writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(dir, "expected-means.json"))
