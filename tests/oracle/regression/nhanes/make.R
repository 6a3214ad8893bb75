# NHANES (R survey package, data(nhanes)): a design-based logit for the output rules' residual-df rule.
# Writes nhanes.csv (the data, agecat as codes 1-4) and expected.json beside this script.
# Run: Rscript tests/oracle/regression/nhanes/make.R
# Model: svyglm(HI_CHOL ~ race + agecat + RIAGENDR, quasibinomial) with race and agecat categorical,
# clusters SDMVPSU nested in strata SDMVSTRA, weights WTMEC2YR: 7,846 complete cases, 15 strata,
# 31 PSUs, so the design df is 31 - 15 - 8 + 1 = 9 while observations minus parameters is 7,838.
suppressMessages({ library(survey); library(jsonlite) })
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
data(nhanes)
d <- nhanes
d$agecat <- as.integer(d$agecat)
write.csv(d, file.path(here, "nhanes.csv"), row.names = FALSE, na = "")

d$racef <- factor(d$race)
d$agef <- factor(d$agecat)
des <- svydesign(ids = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE, data = d)
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
f <- svyglm(HI_CHOL ~ racef + agef + RIAGENDR, design = des, family = quasibinomial, control = ctl)
se <- sqrt(diag(vcov(f)))
rename <- function(nm) { nm <- sub("^racef", "race=", nm); sub("^agef", "agecat=", nm) }
out <- list(
  n = nobs(f), df = f$df.residual, strata = length(unique(d$SDMVSTRA)),
  psus = nrow(unique(d[, c("SDMVSTRA", "SDMVPSU")])), params = length(coef(f)),
  coefficients = list(term = rename(names(coef(f))), b = unname(coef(f)), se = unname(se))
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "expected.json"))
