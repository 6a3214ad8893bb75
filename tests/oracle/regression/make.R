# Reference results for shared/engine/regression, from R (lm, glm, sandwich, lmtest, survey).
# Writes fixture.csv (seeded synthetic panel data) and expected.json beside this script.
# Run: Rscript tests/oracle/regression/make.R
# Conventions the engine must match (see shared/engine/regression/*.ts):
#  - user-missing codes: x2 = -99, yb = 9, reg = 9 (set in the test's Dataset), system-missing = empty cell
#  - categorical dummies named VAR=CODE against the lowest code unless a reference is given
#  - frequency weights = lm/glm on the data with each row repeated fw times
#  - sampling weights = survey::svyglm; clusters nested in strata (nest = TRUE)
#  - logit estimates converged tightly (glm.control(epsilon = 1e-14)): the MLE, not glm's 1e-8 stop
suppressMessages({ library(sandwich); library(lmtest); library(survey) })
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))

set.seed(20261125)
G <- 100; W <- 4; n <- G * W
d <- data.frame(id = rep(1:G, each = W), wave = rep(1:W, G))
u <- rnorm(G)[d$id]
d$x1 <- round(rnorm(n, 50, 10) + 3 * u, 3)
d$x2 <- round(runif(n, 0, 10), 4)
d$x3 <- sample(18:80, n, replace = TRUE)
d$reg <- sample(1:4, n, replace = TRUE)
d$sex <- sample(c("m", "v"), n, replace = TRUE)
d$cl <- sample(1:25, n, replace = TRUE)
d$st <- (d$id - 1) %/% 25 + 1                     # 4 strata of 25 units
d$psu <- (d$id - 1) %% 5 + 1                      # 5 PSUs per stratum (nested codes 1..5)
d$y <- round(2 + 0.05 * d$x1 - 0.3 * d$x2 + 0.01 * d$x3 + 0.5 * (d$reg == 2) - 0.4 * (d$sex == "v") + 2 * u + rnorm(n), 5)
eta <- -3 + 0.04 * d$x1 - 0.15 * d$x2 + 0.3 * (d$sex == "v") + 0.5 * u
d$yb <- ifelse(runif(n) < plogis(eta), 2, 1)
d$fw <- sample(1:4, n, replace = TRUE)
d$sw <- round(runif(n, 0.5, 3), 3)
# Missing values: system-missing (NA) and user-missing codes.
d$x1[c(5, 77, 203)] <- NA
d$x2[c(12, 150, 301, 302)] <- -99
d$yb[c(8, 90)] <- 9
d$reg[c(33, 250)] <- 9
d$fw[c(44)] <- 0
d$sw[c(45)] <- NA
write.csv(d, file.path(here, "fixture.csv"), row.names = FALSE, na = "")

# The same data as R sees it after the user-missing codes are declared.
m <- d
m$x2[m$x2 == -99] <- NA
m$yb[m$yb == 9] <- NA
m$reg[m$reg == 9] <- NA
m$yb01 <- as.integer(m$yb == 2)
m$sexf <- factor(m$sex)
m$regf <- factor(m$reg)

rename <- function(nm) {
  nm <- sub("^regf", "reg=", nm); nm <- sub("^sexf", "sex=", nm); nm
}
table_of <- function(b, V, df, ci_q) {
  se <- sqrt(diag(V)); stat <- b / se
  p <- if (is.finite(df)) 2 * pt(-abs(stat), df) else 2 * pnorm(-abs(stat))
  list(term = rename(names(b)), b = unname(b), se = unname(se), stat = unname(stat), p = unname(p),
       ciLow = unname(b - ci_q * se), ciHigh = unname(b + ci_q * se))
}
cases <- list()
add <- function(name, spec, res) cases[[name]] <<- list(spec = spec, result = res)

fml <- y ~ x1 + x2 + x3 + regf + sexf
spec_ols <- list(dependent = "y", predictors = c("x1", "x2", "x3"), categorical = list(list(variable = "reg"), list(variable = "sex")), model = "ols")

lm_case <- function(fit, V, label, extra = list()) {
  df <- fit$df.residual
  # coefci/coeftest with a vcov use t(df.residual) for lm, as confint does.
  ct <- coeftest(fit, vcov. = V); ci <- coefci(fit, vcov. = V)
  tab <- table_of(coef(fit), V, df, qt(0.975, df))
  stopifnot(isTRUE(all.equal(unname(ct[, 4]), tab$p)), isTRUE(all.equal(unname(ci[, 1]), tab$ciLow)))
  s <- summary(fit)
  c(list(n = nobs(fit), df = df, r2 = s$r.squared, adjR2 = s$adj.r.squared, se = label, coefficients = tab), extra)
}
f1 <- lm(fml, data = m)
add("ols_classical", c(spec_ols, list(se = "classical")), lm_case(f1, vcov(f1), "classical"))
add("ols_hc1", c(spec_ols, list(se = "hc1")), lm_case(f1, vcovHC(f1, type = "HC1"), "hc1"))
add("ols_cluster", c(spec_ols, list(se = list(cluster = "cl"))), lm_case(f1, vcovCL(f1, cluster = ~cl, type = "HC1"), "cluster:cl"))

m3 <- m; m3$regf <- relevel(m3$regf, ref = "3")
f3 <- lm(fml, data = m3)
spec_ref <- spec_ols; spec_ref$categorical <- list(list(variable = "reg", ref = 3), list(variable = "sex", ref = "v"))
m3$sexf <- relevel(m3$sexf, ref = "v"); f3 <- lm(fml, data = m3)
add("ols_ref", c(spec_ref, list(se = "classical")), lm_case(f3, vcov(f3), "classical"))

mf <- subset(m, wave != 4)
ff <- lm(fml, data = mf)
add("ols_filter_wave_not_4", c(spec_ols, list(se = "hc1", filter = "wave != 4")), lm_case(ff, vcovHC(ff, type = "HC1"), "hc1"))

# Frequency weights: the expanded data (rows with fw <= 0 or missing dropped, as SPSS WEIGHT does).
mx <- m[!is.na(m$fw) & m$fw > 0, ]
ex <- mx[rep(seq_len(nrow(mx)), mx$fw), ]
fe1 <- lm(fml, data = ex)
spec_fw <- c(spec_ols, list(weight = list(variable = "fw", type = "frequency")))
# n is R's (the expanded rows, Σfw); nRows is the number of cases in the file, which the engine reports.
rows_fw <- list(nRows = nrow(model.frame(lm(fml, data = mx))))
add("ols_freq_classical", c(spec_fw, list(se = "classical")), lm_case(fe1, vcov(fe1), "classical", rows_fw))
add("ols_freq_hc1", c(spec_fw, list(se = "hc1")), lm_case(fe1, vcovHC(fe1, type = "HC1"), "hc1", rows_fw))
add("ols_freq_cluster", c(spec_fw, list(se = list(cluster = "cl"))), lm_case(fe1, vcovCL(fe1, cluster = ~cl, type = "HC1"), "cluster:cl", rows_fw))

svy_case <- function(fit, label) {
  df <- fit$df.residual
  V <- vcov(fit)
  tab <- table_of(coef(fit), V, df, qt(0.975, df))
  s <- summary(fit)
  stopifnot(isTRUE(all.equal(unname(coef(s)[, 4]), tab$p)), isTRUE(all.equal(unname(confint(fit)[, 1]), tab$ciLow)))
  list(n = length(fit$y), df = df, se = label, coefficients = tab)
}
ms <- m[!is.na(m$sw) & m$sw > 0, ]
spec_sw <- c(spec_ols, list(weight = list(variable = "sw", type = "sampling"), se = "classical"))
ds1 <- svydesign(ids = ~1, weights = ~sw, data = ms)
add("ols_svy_weights", spec_sw, svy_case(svyglm(fml, design = ds1), "design"))
ds2 <- svydesign(ids = ~psu, strata = ~st, weights = ~sw, data = ms, nest = TRUE)
add("ols_svy_design", c(spec_sw, list(design = list(strata = "st", cluster = "psu"))), svy_case(svyglm(fml, design = ds2), "design"))
ds3 <- svydesign(ids = ~1, strata = ~st, weights = ~sw, data = ms)
add("ols_svy_strata", c(spec_sw, list(design = list(strata = "st"))), svy_case(svyglm(fml, design = ds3), "design"))

# A filter with a design is a domain (survey's subset): filtered-out cases still count as PSUs.
add("ols_svy_design_filter", c(spec_sw, list(design = list(strata = "st", cluster = "psu"), filter = "wave != 4")),
    svy_case(svyglm(fml, design = subset(ds2, wave != 4)), "design"))
add("ols_svy_weights_filter", c(spec_sw, list(filter = "wave != 4")), svy_case(svyglm(fml, design = subset(ds1, wave != 4)), "design"))

# Logistic regression: models yb == 2.
lfml <- yb01 ~ x1 + x2 + sexf
spec_lg <- list(dependent = "yb", predictors = c("x1", "x2"), categorical = list(list(variable = "sex")), model = "logit")
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
glm_case <- function(fit, V, label, nEff) {
  tab <- table_of(coef(fit), V, Inf, qnorm(0.975))
  ct <- coeftest(fit, vcov. = V); ci <- coefci(fit, vcov. = V)
  stopifnot(isTRUE(all.equal(unname(ct[, 4]), tab$p)), isTRUE(all.equal(unname(ci[, 1]), tab$ciLow)))
  tab$oddsRatio <- exp(tab$b); tab$orLow <- exp(tab$ciLow); tab$orHigh <- exp(tab$ciHigh)
  list(n = length(fit$y), df = fit$df.residual, neg2LL = deviance(fit), se = label, coefficients = tab)
}
g1 <- glm(lfml, family = binomial, data = m, control = ctl)
stopifnot(isTRUE(all.equal(unname(confint.default(g1)[, 1]), table_of(coef(g1), vcov(g1), Inf, qnorm(0.975))$ciLow)))
add("logit_classical", c(spec_lg, list(se = "classical")), glm_case(g1, vcov(g1), "classical"))
add("logit_hc1", c(spec_lg, list(se = "hc1")), glm_case(g1, vcovHC(g1, type = "HC1"), "hc1"))
add("logit_cluster", c(spec_lg, list(se = list(cluster = "cl"))), glm_case(g1, vcovCL(g1, cluster = ~cl, type = "HC1"), "cluster:cl"))
gx <- glm(lfml, family = binomial, data = ex, control = ctl)
add("logit_freq", c(spec_lg, list(weight = list(variable = "fw", type = "frequency"), se = "classical")),
    c(glm_case(gx, vcov(gx), "classical"), list(nRows = nrow(model.frame(glm(lfml, family = binomial, data = mx, control = ctl))))))
gs <- svyglm(lfml, design = ds2, family = quasibinomial, control = ctl)
lg_svy <- svy_case(gs, "design")
add("logit_svy_weights", c(spec_lg, list(weight = list(variable = "sw", type = "sampling"), se = "classical")),
    svy_case(svyglm(lfml, design = ds1, family = quasibinomial, control = ctl), "design"))
add("logit_svy_design", c(spec_lg, list(weight = list(variable = "sw", type = "sampling"), design = list(strata = "st", cluster = "psu"), se = "classical")), lg_svy)

# Fixed effects: lm with id dummies; robust errors from sandwich on that model.
ffml <- y ~ x1 + x2 + x3 + factor(id)
fx <- lm(ffml, data = m)
fe_case <- function(V, label) {
  keep <- c("x1", "x2", "x3"); df <- fx$df.residual
  tab <- table_of(coef(fx)[keep], V[keep, keep], df, qt(0.975, df))
  mf <- model.frame(fx); yd <- mf$y - ave(mf$y, mf$`factor(id)`)
  r2 <- 1 - sum(resid(fx)^2) / sum(yd^2)
  list(n = nobs(fx), df = df, r2 = r2, adjR2 = 1 - (1 - r2) * (nobs(fx) - 1) / df, se = label, coefficients = tab)
}
spec_fe <- list(dependent = "y", predictors = c("x1", "x2", "x3"), model = "fe", panel = "id")
add("fe_classical", c(spec_fe, list(se = "classical")), fe_case(vcov(fx), "classical"))
add("fe_hc1", c(spec_fe, list(se = "hc1")), fe_case(vcovHC(fx, type = "HC1"), "hc1"))
add("fe_cluster_id", c(spec_fe, list(se = list(cluster = "id"))), fe_case(vcovCL(fx, cluster = ~id, type = "HC1"), "cluster:id"))

# Cross-check the FE choice against plm's within R² (same number by construction).
if (requireNamespace("plm", quietly = TRUE)) {
  pw <- plm::plm(y ~ x1 + x2 + x3, data = plm::pdata.frame(m, index = c("id", "wave")), model = "within")
  stopifnot(isTRUE(all.equal(unname(summary(pw)$r.squared["rsq"]), cases$fe_classical$result$r2)))
}

# JSON with 17 significant digits (jsonlite stops at 15).
toj <- function(x) {
  if (is.list(x)) {
    if (!is.null(names(x))) return(paste0("{", paste(sprintf("\"%s\":%s", names(x), vapply(x, toj, "")), collapse = ","), "}"))
    return(paste0("[", paste(vapply(x, toj, ""), collapse = ","), "]"))
  }
  if (is.character(x)) { s <- sprintf("\"%s\"", x); return(if (length(x) == 1) s else paste0("[", paste(s, collapse = ","), "]")) }
  s <- ifelse(is.finite(x), sprintf("%.17g", x), "null")
  if (length(x) == 1) s else paste0("[", paste(s, collapse = ","), "]")
}
writeLines(toj(list(source = R.version.string, cases = cases)), file.path(here, "expected.json"))
