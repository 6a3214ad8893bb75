# Reference hat values (leverage) for shared/engine/regression/leverage.ts, from R's hatvalues().
# Reads ../fixture.csv (made by ../make.R); writes expected.json beside this script.
# Run: Rscript tests/oracle/regression/leverage/make.R
# Each case lists the 1-based fixture rows in the estimation sample (listwise deletion with the
# user-missing codes of ../make.R; weights <= 0 or missing dropped) and their hat values, in row order.
#  - OLS: hatvalues(lm(...)), with weights = w for frequency and sampling weights (h_i = w_i x_i'(X'WX)^-1 x_i)
#  - logit: hatvalues(glm(..., binomial)) (IRLS working weights w_i p_i (1 - p_i)); quasibinomial with weights
#  - FE (within): hatvalues of lm on the demeaned data without intercept (the slopes' leverage)
suppressMessages(library(jsonlite))
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
d <- read.csv(file.path(here, "..", "fixture.csv"))
d$row <- seq_len(nrow(d))
d$x2[d$x2 == -99] <- NA
d$yb[d$yb == 9] <- NA
d$reg[d$reg == 9] <- NA
d$yb01 <- as.integer(d$yb == 2)
d$sexf <- factor(d$sex)
d$regf <- factor(d$reg)
ctl <- glm.control(epsilon = 1e-14, maxit = 100)

cases <- list()
add <- function(name, spec, fit, data) {
  h <- hatvalues(fit)
  stopifnot(identical(as.integer(names(h)), data$row))
  cases[[name]] <<- list(spec = spec, rows = as.integer(names(h)), h = unname(h))
}
complete <- function(vars) d[complete.cases(d[, vars]), ]
rownames(d) <- d$row

fml <- y ~ x1 + x2 + x3 + regf + sexf
spec_ols <- list(dependent = "y", predictors = c("x1", "x2", "x3"), categorical = list(list(variable = "reg"), list(variable = "sex")), model = "ols", se = "classical")
m <- complete(c("y", "x1", "x2", "x3", "reg", "sex"))
add("ols", spec_ols, lm(fml, data = m), m)
mf <- m[!is.na(m$fw) & m$fw > 0, ]
add("ols_freq", c(spec_ols, list(weight = list(variable = "fw", type = "frequency"))), lm(fml, data = mf, weights = fw), mf)
ms <- m[!is.na(m$sw) & m$sw > 0, ]
add("ols_sampling", c(spec_ols, list(weight = list(variable = "sw", type = "sampling"))), lm(fml, data = ms, weights = sw), ms)

lfml <- yb01 ~ x1 + x2 + sexf
spec_lg <- list(dependent = "yb", predictors = c("x1", "x2"), categorical = list(list(variable = "sex")), model = "logit", se = "classical")
l <- complete(c("yb", "x1", "x2", "sex"))
add("logit", spec_lg, glm(lfml, family = binomial, data = l, control = ctl), l)
ls <- l[!is.na(l$sw) & l$sw > 0, ]
add("logit_sampling", c(spec_lg, list(weight = list(variable = "sw", type = "sampling"))),
    glm(lfml, family = quasibinomial, data = ls, weights = sw, control = ctl), ls)

f <- complete(c("y", "x1", "x2", "id"))
dm <- function(v) v - ave(v, f$id)
fd <- data.frame(y = dm(f$y), x1 = dm(f$x1), x2 = dm(f$x2), row = f$row)
rownames(fd) <- f$row
add("fe", list(dependent = "y", predictors = c("x1", "x2"), categorical = list(), model = "fe", panel = "id", se = "classical"),
    lm(y ~ x1 + x2 - 1, data = fd), fd)

writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, pretty = FALSE), file.path(here, "expected.json"))
