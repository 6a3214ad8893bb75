# Reference numbers for the CLI on the demo data, computed by R (base, survey) on the same generated
# data. Run: bash tests/oracle/demo/make.sh   (writes expected.json beside this script)
suppressMessages({ library(jsonlite); library(survey) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
out <- list()

# freq leefbaarheid: every observed code (99 = user-missing "weet niet"), unweighted and weighted.
tab <- table(d$leefbaarheid, useNA = "no")
wt <- tapply(d$gewicht, d$leefbaarheid, sum)
valid <- d$leefbaarheid != 99
out$freq <- list(
  codes = as.numeric(names(tab)), count = as.numeric(tab), weighted = as.numeric(wt[names(tab)]),
  validPercentWeighted = as.numeric(100 * tapply(d$gewicht[valid], d$leefbaarheid[valid], sum) / sum(d$gewicht[valid]))
)

# crosstab gemeente x vertrouwen, valid cases (9 = "weet niet" is user-missing).
v <- d[d$vertrouwen != 9, ]
ct <- table(v$gemeente, v$vertrouwen)
pearson <- suppressWarnings(chisq.test(ct, correct = FALSE))
lr <- 2 * sum(ifelse(ct > 0, ct * log(ct / pearson$expected), 0))
wct <- xtabs(gewicht ~ gemeente + vertrouwen, data = v)
# The design is the whole sample; "weet niet" is NA, as haven's zap_missing would make it. survey then
# keeps the design's degrees of freedom (n - 1). Note: subset(des, vertrouwen != 9) would instead use the
# domain's n - 1 for ddf (same F and ndf); Duiding follows the NA convention.
d$vertrouwen_na <- ifelse(d$vertrouwen == 9, NA, d$vertrouwen)
des <- svydesign(ids = ~1, weights = ~gewicht, data = d)
rs <- svychisq(~gemeente + vertrouwen_na, des, statistic = "F")
out$crosstab <- list(
  count = unclass(unname(as.matrix(ct))), weighted = unclass(unname(as.matrix(wct))),
  pearson = list(value = unname(pearson$statistic), df = unname(pearson$parameter), p = pearson$p.value),
  lr = list(value = lr, df = unname(pearson$parameter), p = pchisq(lr, pearson$parameter, lower.tail = FALSE)),
  raoScott = list(F = unname(rs$statistic), ndf = unname(rs$parameter[1]), ddf = unname(rs$parameter[2]), p = unname(rs$p.value))
)

# regress leefbaarheid on leeftijd + gemeente dummies (reference 2 = Groningen), valid cases.
r <- d[d$leefbaarheid != 99, ]
r$gemeente <- relevel(factor(r$gemeente), ref = "2")
m <- lm(leefbaarheid ~ leeftijd + gemeente, data = r)
s <- summary(m)$coefficients
out$regress <- list(term = rownames(s), b = unname(s[, 1]), se = unname(s[, 2]), p = unname(s[, 4]), n = nrow(r), r2 = summary(m)$r.squared)

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(), value = TRUE))), "expected.json"))
