# Reference numbers for layered crosstabs (CROSSTABS /TABLES=a BY b BY c), computed per layer by R:
# table/xtabs and chisq.test per layer, survey::svychisq on subset(design, layer == k) — the domain test
# R makes for a subpopulation (degrees of freedom from the subset: PSUs in the layer minus strata).
# Run: bash tests/oracle/layers/make.sh   (writes fixture.csv and expected.json beside this script)
# Fixture codes: a in 1..3 with 9 user-missing and blanks system-missing; b in 1..3 (a few blanks);
# c (layer) in 1..3 with 9 user-missing and blanks; x, z in 0/1; w fractional > 0; fw integer;
# st stratum, cl cluster (unique across strata).
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(), value = TRUE)))

set.seed(20261126)
n <- 360
st <- sample(1:3, n, replace = TRUE)
cl <- st * 100 + sample(1:5, n, replace = TRUE)
c <- sample(c(1:3, 9), n, replace = TRUE, prob = c(.35, .3, .25, .1))
c[sample(n, 8)] <- NA
a <- sample(c(1:3, 9), n, replace = TRUE, prob = c(.4, .3, .22, .08))
a[sample(n, 6)] <- NA
b <- sample(1:3, n, replace = TRUE, prob = c(.45, .35, .2))
b <- ifelse(a %in% 1 & c %in% 2 & runif(n) < .5, 1, b)
b[sample(n, 5)] <- NA
x <- rbinom(n, 1, .4)
z <- ifelse(runif(n) < .3 + .25 * x, 1, 0)
w <- round(runif(n, .3, 2.5), 4)
fw <- sample(1:3, n, replace = TRUE)
f <- data.frame(a, b, c, x, z, w, fw, st, cl)
write.csv(f, file.path(here, "fixture.csv"), row.names = FALSE, na = "")

lr <- function(o) { e <- outer(rowSums(o), colSums(o)) / sum(o); 2 * sum(ifelse(o > 0, o * log(o / e), 0)) }
stat <- function(v, df, p) list(value = unname(v), df = unname(df), p = unname(p))
# One table as the engine reports it: observed rows/cols only, counts, Σw, Pearson and LR on Σw.
block <- function(count, weighted, yates = FALSE) {
  keep_r <- rowSums(count) > 0; keep_c <- colSums(count) > 0
  count <- count[keep_r, keep_c, drop = FALSE]; weighted <- weighted[keep_r, keep_c, drop = FALSE]
  out <- list(rows = as.numeric(rownames(count)), cols = as.numeric(colnames(count)),
    count = unname(unclass(count)), weighted = unname(unclass(weighted)))
  if (nrow(count) >= 2 && ncol(count) >= 2) {
    p <- suppressWarnings(chisq.test(weighted, correct = FALSE))
    out$pearson <- stat(p$statistic, p$parameter, p$p.value)
    out$lr <- stat(lr(weighted), p$parameter, pchisq(lr(weighted), p$parameter, lower.tail = FALSE))
    if (yates && nrow(count) == 2 && ncol(count) == 2) {
      y <- suppressWarnings(chisq.test(weighted, correct = TRUE))
      out$yates <- stat(y$statistic, 1, y$p.value)
      if (all(weighted == round(weighted))) out$fisher <- fisher.test(weighted)$p.value
    }
  }
  out
}
tab <- function(d, r, k, wt = NULL, yates = FALSE) {
  fr <- factor(d[[r]]); fk <- factor(d[[k]])
  cnt <- table(fr, fk)
  wsum <- if (is.null(wt)) cnt else xtabs(d[[wt]] ~ fr + fk)
  dimnames(wsum) <- dimnames(cnt)
  block(cnt, wsum, yates)
}
rs <- function(f, des) {
  s <- svychisq(f, des, statistic = "F")
  list(F = unname(s$statistic), ndf = unname(s$parameter[1]), ddf = unname(s$parameter[2]), p = unname(s$p.value))
}
# Per layer code of `layer` (ascending) and the total over valid layer codes.
layered <- function(d, layer, fun) {
  codes <- sort(unique(d[[layer]][!is.na(d[[layer]])]))
  list(codes = codes, layers = lapply(codes, function(k) fun(d[!is.na(d[[layer]]) & d[[layer]] == k, ], k)),
    total = fun(d[!is.na(d[[layer]]), ], NA))
}

res <- list()
fx <- f
fx$av <- ifelse(fx$a == 9, NA, fx$a)       # user-missing code 9 excluded
fx$cv <- ifelse(fx$c == 9, NA, fx$c)
fx$c_incl <- ifelse(is.na(fx$c), -1, fx$c)  # user-missing as a layer (system-missing -1 as its own)
res$fixture_unweighted <- layered(fx, "cv", function(d, k) tab(d, "av", "b"))
res$fixture_freq <- layered(fx, "cv", function(d, k) tab(d, "av", "b", wt = "fw"))
res$fixture_fracfreq <- layered(fx, "cv", function(d, k) tab(d, "av", "b", wt = "w"))
res$fixture_2x2 <- layered(fx, "cv", function(d, k) tab(d, "x", "z", yates = TRUE))
res$fixture_2x2_fw <- layered(fx, "cv", function(d, k) tab(d, "x", "z", wt = "fw", yates = TRUE))
res$fixture_include_missing <- layered(fx, "c_incl", function(d, k) tab(d, "av", "b"))
# Two layer variables: every (c, x) combination, c slowest.
fx$cx <- ifelse(is.na(fx$cv), NA, fx$cv * 10 + fx$x)
res$fixture_two_layers <- layered(fx, "cx", function(d, k) tab(d, "av", "b"))
# Rao–Scott per layer on the subset design, weights only and with strata + clusters.
des1 <- svydesign(ids = ~1, weights = ~w, data = fx)
des2 <- svydesign(ids = ~cl, strata = ~st, weights = ~w, data = fx, nest = TRUE)
by_subset <- function(des, f) {
  codes <- sort(unique(fx$cv[!is.na(fx$cv)]))
  list(codes = codes, layers = lapply(codes, function(k) rs(f, subset(des, !is.na(cv) & cv == k))),
    total = rs(f, subset(des, !is.na(cv))))
}
res$fixture_raoscott_weights <- by_subset(des1, ~av + b)
res$fixture_raoscott_design <- by_subset(des2, ~av + b)
res$fixture_raoscott_design_2x2 <- by_subset(des2, ~x + z)

# Demo data: gemeente × geslacht layered by golf (no missing values in these three).
d <- read.csv(args[1])
res$demo_unweighted <- layered(d, "golf", function(s, k) tab(s, "gemeente", "geslacht"))
res$demo_freq <- layered(d, "golf", function(s, k) tab(s, "gemeente", "geslacht", wt = "gewicht"))
dd <- svydesign(ids = ~1, weights = ~gewicht, data = d)
res$demo_raoscott <- list(codes = sort(unique(d$golf)),
  layers = lapply(sort(unique(d$golf)), function(k) rs(~gemeente + geslacht, subset(dd, golf == k))),
  total = rs(~gemeente + geslacht, dd))
# Two layer variables on the demo: golf × leeftijdsklasse, counts only.
d$gl <- d$golf * 10 + d$leeftijdsklasse
res$demo_two_layers <- layered(d, "gl", function(s, k) tab(s, "gemeente", "geslacht"))

# A multiple-response set as the layer (shared/engine/mr/set-layers.ts): one layer per item of $isolatie
# (cases with the item ticked), the total over the set's base (a valid value on any member), wave 2025
# only — the filter takes cases out of the design, as the engine's filter does — sampling weight gewicht.
w25 <- d[d$golf == 2025, ]
w25$leefbaarheid[w25$leefbaarheid == 99] <- NA  # user-missing "weet niet"; the cases stay in the design
items <- c("isolatie_dak", "isolatie_gevel", "isolatie_vloer", "isolatie_glas", "isolatie_geen")
in_base <- rowSums(!is.na(w25[, items])) > 0
res$demo_set_layers <- list(items = items,
  layers = lapply(items, function(it) tab(w25[in_base & w25[[it]] %in% 1, ], "leefbaarheid", "geslacht", wt = "gewicht")),
  total = tab(w25[in_base, ], "leefbaarheid", "geslacht", wt = "gewicht"))
d25 <- svydesign(ids = ~1, weights = ~gewicht, data = w25)
res$demo_set_layers_raoscott <- list(items = items,
  layers = lapply(items, function(it) rs(~leefbaarheid + geslacht, subset(d25, w25[[it]] %in% 1))),
  total = rs(~leefbaarheid + geslacht, subset(d25, in_base)))

writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(here, "expected.json"))
