# R's lm on the NIST StRD linear regression datasets (the .dat files beside this script), as a second
# reference next to NIST's certified values. Writes r-lm.json beside this script.
# Run: Rscript tests/oracle/nist/make.R
#
# Each model is fitted the way an R user would: lm(y ~ x1 + ... ) on the columns of the file, and for
# the polynomial datasets lm(y ~ x + I(x^2) + ... + I(x^p)) with R's own powers of the double x.
# lm's default tolerance (qr tol = 1e-7) declares Filip's x^10 collinear and returns NA for it: that
# is recorded (dropped), not hidden. Values are written as %.17g (every double round-trips).
suppressMessages(library(jsonlite))
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))

datasets <- c("Norris", "Pontius", "Longley", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5", "Filip")

read_strd <- function(path) {
  lines <- readLines(path, warn = FALSE)
  # "Data (lines 61 to 142)" in the header gives the data rows; the line before holds the column names.
  m <- regmatches(lines, regexpr("Data +\\(lines +[0-9]+ to +[0-9]+\\)", lines))
  from_to <- as.integer(regmatches(m, gregexpr("[0-9]+", m))[[1]])
  names <- strsplit(trimws(sub("^Data:", "", lines[from_to[1] - 1])), " +")[[1]]
  d <- read.table(text = lines[from_to[1]:from_to[2]], col.names = names)
  params <- length(grep("^ +B[0-9]+ ", lines))
  list(data = d, params = params)
}

# Numbers as %.17g text (jsonlite itself stops at 15 significant digits): round-trips every double.
num <- function(v) {
  txt <- ifelse(is.na(v), "null", sprintf("%.17g", v))
  structure(if (length(v) == 1) txt else paste0("[", paste(txt, collapse = ", "), "]"), class = "json")
}

fit <- function(name) {
  s <- read_strd(file.path(here, paste0(name, ".dat")))
  d <- s$data
  preds <- setdiff(names(d), "y")
  rhs <- if (length(preds) == s$params - 1) {
    preds
  } else {
    c("x", sprintf("I(x^%d)", 2:(s$params - 1)))
  }
  f <- as.formula(paste("y ~", paste(rhs, collapse = " + ")))
  m <- lm(f, data = d)
  sm <- summary(m)
  b <- coef(m)
  se <- rep(NA_real_, length(b))
  se[!is.na(b)] <- sm$coefficients[, "Std. Error"]
  list(
    formula = deparse(f, width.cutoff = 500L),
    b = num(unname(b)),
    se = num(se),
    residualSD = num(sm$sigma),
    r2 = num(sm$r.squared),
    dropped = I(names(b)[is.na(b)])
  )
}

out <- list(
  source = paste0("R ", R.version$major, ".", R.version$minor, ", lm() with the default qr tol 1e-7, via tests/oracle/nist/make.R"),
  fits = setNames(lapply(datasets, fit), datasets)
)
writeLines(toJSON(out, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE), file.path(here, "r-lm.json"))
