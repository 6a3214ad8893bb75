# Reference results for the categorical engine (freq, crosstab, tests, Rao–Scott, means).
# Run from the repository root:  Rscript tests/oracle/tables/make.R
# Writes fixture.csv (seeded, so rerunning reproduces it) and expected.json beside this script.
# Codes: a in 1..4 with 9 = user-missing and blanks = system-missing; b in 1..3; x, z in 0/1;
# w a fractional weight (some 0 and missing), fw an integer frequency weight, st stratum, cl cluster
# (unique across strata), y a scale variable with missing values.
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
dir <- "tests/oracle/tables"
set.seed(20261125)
n <- 400
st <- sample(1:3, n, replace = TRUE)
cl <- st * 100 + sample(1:6, n, replace = TRUE)
a <- sample(c(1:4, 9), n, replace = TRUE, prob = c(.3, .25, .2, .15, .1))
a[sample(n, 12)] <- NA
b <- sample(1:3, n, replace = TRUE, prob = c(.5, .3, .2))
b <- ifelse(a %in% c(1, 2) & runif(n) < .3, 1, b)
b[sample(n, 7)] <- NA
x <- rbinom(n, 1, .4)
z <- ifelse(runif(n) < .35 + .2 * x, 1, 0)
w <- round(runif(n, .2, 3), 4)
w[sample(n, 5)] <- 0
w[sample(n, 4)] <- NA
fw <- sample(1:4, n, replace = TRUE)
y <- round(rnorm(n, 50 + 3 * b, 10), 2)
y[sample(n, 9)] <- NA
d <- data.frame(a, b, x, z, w, fw, st, cl, y)
write.csv(d, file.path(dir, "fixture.csv"), row.names = FALSE, na = "")

a_valid <- ifelse(d$a == 9, NA, d$a) # user-missing code 9 excluded
d$av <- a_valid
lr <- function(o) { e <- outer(rowSums(o), colSums(o)) / sum(o); 2 * sum(ifelse(o > 0, o * log(o / e), 0)) }
tab_block <- function(o, yates = FALSE) {
  o <- o[rowSums(o) > 0, colSums(o) > 0, drop = FALSE]
  p <- suppressWarnings(chisq.test(o, correct = FALSE))
  out <- list(count = unname(unclass(o)), rows = as.numeric(rownames(o)), cols = as.numeric(colnames(o)),
    pearson = list(value = unname(p$statistic), df = unname(p$parameter), p = p$p.value),
    lr = list(value = lr(o), df = unname(p$parameter), p = pchisq(lr(o), p$parameter, lower.tail = FALSE)))
  if (yates) {
    yt <- suppressWarnings(chisq.test(o, correct = TRUE))
    out$yates <- list(value = unname(yt$statistic), df = 1, p = yt$p.value)
    if (all(o == round(o))) out$fisher <- fisher.test(o)$p.value
  }
  out
}
res <- list()
# Unweighted a × b (valid cases).
res$unweighted_ab <- tab_block(table(d$av, d$b))
# Frequency weight fw (integer) and fractional weight w used as frequency weights.
ok_w <- !is.na(d$w) & d$w > 0
res$freqweight_ab <- tab_block(xtabs(fw ~ av + b, d))
res$fracweight_ab <- tab_block(xtabs(w ~ av + b, d[ok_w, ]))
res$fracweight_ab$weighted <- res$fracweight_ab$count
res$fracweight_ab$count <- unname(unclass(table(d$av[ok_w], d$b[ok_w])))
# 2×2: all rows, and a small subset (rows 1..40) where Fisher and Yates differ most from Pearson.
res$x_z <- tab_block(table(d$x, d$z), yates = TRUE)
res$x_z_small <- tab_block(table(d$x[1:40], d$z[1:40]), yates = TRUE)
res$x_z_fw <- tab_block(xtabs(fw ~ x + z, d), yates = TRUE)
# Rao–Scott: design on rows with a positive weight (zero/missing weights are excluded from the design).
dd <- d[ok_w, ]
des1 <- svydesign(ids = ~1, weights = ~w, data = dd)
des2 <- svydesign(ids = ~cl, strata = ~st, weights = ~w, data = dd)
rs <- function(f, des) { s <- svychisq(f, des, statistic = "F"); list(F = unname(s$statistic), ndf = unname(s$parameter[1]), ddf = unname(s$parameter[2]), p = s$p.value) }
res$raoscott_ab_weights <- rs(~av + b, des1)
res$raoscott_ab_design <- rs(~av + b, des2)
res$raoscott_xz_weights <- rs(~x + z, des1)
res$raoscott_xz_design <- rs(~x + z, des2)
des3 <- svydesign(ids = ~1, strata = ~st, weights = ~w, data = dd)
res$raoscott_ab_strata <- rs(~av + b, des3)
# Frequencies of a with weight w: count and Σw per code including user-missing 9 and system-missing.
fa <- ifelse(is.na(dd$a), -1, dd$a)
res$freq_a_w <- list(codes = sort(unique(fa)), count = as.numeric(table(fa)), weighted = as.numeric(tapply(dd$w, fa, sum)))
fa_all <- ifelse(is.na(d$a), -1, d$a)
res$freq_a <- list(codes = sort(unique(fa_all)), count = as.numeric(table(fa_all)))
# Unit cases: p.adjust on a fixed vector (with ties), Fisher on small, lopsided and large 2×2 tables.
pv <- c(0.01, 0.04, 0.03, 0.2, 0.04, 0.5, 0.001, 0.8)
res$p_adjust <- list(p = pv, bonferroni = p.adjust(pv, "bonferroni"), bh = p.adjust(pv, "BH"))
# The last two have p far below 1e-9, where only a relative comparison can tell a right p from 0.
ft <- list(c(3, 1, 1, 3), c(10, 0, 2, 7), c(0, 5, 5, 0), c(120, 80, 95, 105), c(2500, 2400, 2300, 2600), c(1, 0, 0, 0), c(7, 12, 0, 1), c(40, 1, 2, 45), c(900, 100, 120, 880))
res$fisher_cases <- lapply(ft, function(v) list(table = v, p = fisher.test(matrix(v, 2, byrow = TRUE))$p.value))
writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(dir, "expected.json"))
