# Reference weights per case from R survey (4.x) on real data: the stratified sample of California
# schools shipped with survey (`data(api)`: apistrat, 200 schools) calibrated to totals of the whole
# population of 6,194 schools (apipop). Margins: school type (stype), school-wide growth target met
# (sch_wide) and share of pupils with free meals in four groups (mealcat: 0-25, 26-50, 51-75, 76-100 %).
# Writes fixture.csv (the data), the targets files (JSON and CBS-StatLine CSV) and expected.json.
# Run from the repository root:  Rscript tests/oracle/weighting/make.R
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
dir <- "tests/oracle/weighting"
data(api)
mealcat <- function(m) cut(m, c(-1, 25, 50, 75, 100), labels = FALSE)
d <- data.frame(
  snum = apistrat$snum,
  stype = as.integer(apistrat$stype), # 1 E, 2 H, 3 M
  sch_wide = as.integer(apistrat$sch.wide), # 1 No, 2 Yes
  mealcat = mealcat(apistrat$meals),
  # The same groups, missing where the school has no growth target (a real missing pattern: 20 schools).
  mealcat_m = ifelse(is.na(apistrat$target), NA, mealcat(apistrat$meals)),
  cnum = apistrat$cnum,
  pw = apistrat$pw
)
write.csv(d, file.path(dir, "fixture.csv"), row.names = FALSE, na = "")

pop_stype <- as.vector(table(apipop$stype))
pop_sw <- as.vector(table(apipop$sch.wide))
pop_meal <- as.vector(table(mealcat(apipop$meals)))
N <- nrow(apipop)
pop_cells <- as.data.frame(table(stype = as.integer(apipop$stype), sch_wide = as.integer(apipop$sch.wide)))
pop_county <- as.data.frame(table(cnum = apipop$cnum))

# Targets files: JSON with proportions of the total, and the StatLine form with Dutch thousands.
margins <- list(
  list(variable = "stype", targets = as.list(setNames(pop_stype / N, 1:3))),
  list(variable = "sch_wide", targets = as.list(setNames(pop_sw / N, 1:2))),
  list(variable = "mealcat", targets = as.list(setNames(pop_meal / N, 1:4)))
)
writeLines(toJSON(list(total = N, margins = margins), auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(dir, "targets-rake.json"))
dutch <- function(x) formatC(x, format = "d", big.mark = ".", decimal.mark = ",")
csv <- c("variabele;code;doel",
         sprintf("stype;%s;%s", c("E", "H", "M"), dutch(pop_stype)), # labels instead of codes, as StatLine names them
         sprintf("sch_wide;%d;%s", 1:2, dutch(pop_sw)),
         sprintf("mealcat;%d;%s", 1:4, dutch(pop_meal)))
writeLines(csv, file.path(dir, "targets-rake.csv"))
cells <- lapply(seq_len(nrow(pop_cells)), function(i) list(stype = as.integer(as.character(pop_cells$stype[i])),
  sch_wide = as.integer(as.character(pop_cells$sch_wide[i])), target = pop_cells$Freq[i]))
writeLines(toJSON(list(cells = cells), auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(dir, "targets-cells.json"))
writeLines(c("variable,code,target", sprintf("cnum,%s,%d", pop_county$cnum, pop_county$Freq)), file.path(dir, "targets-county.csv"))

fac <- function(x) factor(x)
df <- transform(d, stype = fac(stype), sch_wide = fac(sch_wide), mealcat = fac(mealcat), w0 = N / nrow(d))
des_pw <- svydesign(ids = ~1, weights = ~pw, data = df)
des_eq <- svydesign(ids = ~1, weights = ~w0, data = df)
pops <- list(data.frame(stype = 1:3, Freq = pop_stype), data.frame(sch_wide = 1:2, Freq = pop_sw), data.frame(mealcat = 1:4, Freq = pop_meal))
pop_vec <- c(`(Intercept)` = N, stype2 = pop_stype[2], stype3 = pop_stype[3], sch_wide2 = pop_sw[2],
             mealcat2 = pop_meal[2], mealcat3 = pop_meal[3], mealcat4 = pop_meal[4])
# epsilon below 1 is relative to the weight total in rake; both far below the test's tolerance.
ctl <- list(maxit = 1000, epsilon = 1e-15)
out <- list()
keep <- function(name, design, extra = list()) out[[name]] <<- c(list(weights = unname(weights(design))), extra)

keep("rake_pw", rake(des_pw, list(~stype, ~sch_wide, ~mealcat), pops, control = ctl))
keep("rake_equal", rake(des_eq, list(~stype, ~sch_wide, ~mealcat), pops, control = ctl))
# Cases missing mealcat_m are left out (R's rake refuses NA); the engine gives them system-missing.
dm <- df[!is.na(df$mealcat_m), ]
dm$mealcat_m <- fac(dm$mealcat_m)
des_m <- svydesign(ids = ~1, weights = ~pw, data = dm)
pops_m <- list(pops[[1]], pops[[2]], data.frame(mealcat_m = 1:4, Freq = pop_meal))
rm_ <- rake(des_m, list(~stype, ~sch_wide, ~mealcat_m), pops_m, control = ctl)
wm <- rep(NA_real_, nrow(d)); wm[!is.na(d$mealcat_m)] <- weights(rm_)
out$rake_missing <- list(weights = wm)

keep("poststrat_stype", postStratify(des_pw, ~stype, data.frame(stype = 1:3, Freq = pop_stype)))
pc <- data.frame(stype = as.integer(as.character(pop_cells$stype)), sch_wide = as.integer(as.character(pop_cells$sch_wide)), Freq = pop_cells$Freq)
keep("poststrat_cells", postStratify(des_pw, ~stype + sch_wide, pc))

f <- ~stype + sch_wide + mealcat
keep("linear_pw", calibrate(des_pw, f, pop_vec, calfun = "linear"))
# Targets far from the sample (sch_wide Yes 5900, mealcat 76-100 % 3000, the rest of the total to
# mealcat 1-3 as in the population): GREG gives negative weights.
pop_far <- pop_vec; pop_far["sch_wide2"] <- 5900; pop_far["mealcat4"] <- 3000
lf <- calibrate(des_pw, f, pop_far, calfun = "linear")
out$linear_negative <- list(weights = unname(weights(lf)), negative = sum(weights(lf) < 0),
  targets = list(sch_wide = c(N - 5900, 5900), mealcat = c(N - pop_meal[2] - pop_meal[3] - 3000, pop_meal[2], pop_meal[3], 3000)))
keep("linear_bounded", calibrate(des_eq, f, pop_vec, calfun = "linear", bounds = c(0.45, 1.5), epsilon = 1e-13, maxit = 500), list(bounds = c(0.45, 1.5)))
keep("raking_bounded", calibrate(des_eq, f, pop_vec, calfun = "raking", bounds = c(0, 1.5), epsilon = 1e-13, maxit = 500), list(bounds = c(0, 1.5)))
keep("raking_bounded_pw", calibrate(des_pw, f, pop_vec, calfun = "raking", bounds = c(0.85, 1.13), epsilon = 1e-13, maxit = 500), list(bounds = c(0.85, 1.13)))
# Trimming at 40 with redistribution, repeated until no weight exceeds it.
keep("rake_trim", trimWeights(rake(des_pw, list(~stype, ~sch_wide, ~mealcat), pops, control = ctl), upper = 40, strict = TRUE), list(trim = 40))

# Failing cases: counties without a sampled school (empty cells), and bounds that cannot be met.
fail <- function(expr) tryCatch({ capture.output(expr); "no error" }, error = function(e) conditionMessage(e))
absent <- setdiff(as.character(pop_county$cnum[pop_county$Freq > 0]), as.character(unique(d$cnum)))
out$fail_empty <- list(error = fail(suppressWarnings(postStratify(des_pw, ~cnum, data.frame(cnum = as.integer(as.character(pop_county$cnum)), Freq = pop_county$Freq)))),
                       absent = sort(as.integer(absent)))
out$fail_bounds <- list(error = suppressWarnings(fail(calibrate(des_pw, f, pop_vec, calfun = "raking", bounds = c(0.97, 1.03), maxit = 200))), bounds = c(0.97, 1.03))

out$r_version <- paste(R.version$major, R.version$minor, sep = ".")
out$survey_version <- as.character(packageVersion("survey"))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null"), file.path(dir, "expected.json"))
