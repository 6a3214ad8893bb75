# Reference numbers for multiple-response sets as banner COLUMNS (SPSS CTABLES with a set in the
# columns), computed by R from the PSPP-made mrsets.sav:
#   Rscript make-columns.R mrsets.sav expected-columns.json        (run by make.sh)
# Row variable regio; banner Totaal | geslacht | $isolatie (dichotomies) | $prioriteit (categories).
# One column per item: a member with the counted value 1 ($isolatie), or a code some member holds
# ($prioriteit, user-missing 9 is no item). A case is in every item column it holds.
#   count[r, j]    cases with regio = r holding item j;  weighted: their Σw
#   base[j]        Σ_r count[r, j] (count, Σw, Kish (Σw)²/Σw²);  pct = weighted / Σw base × 100
#   mean[j]        weighted mean of regio's codes in column j
# Cases with weight 0 are left out of weighted tables (and so, for one comparison, of all modes here
# only when weighted).
suppressPackageStartupMessages({ library(haven); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- as.data.frame(lapply(read_sav(args[1]), function(x) as.numeric(zap_labels(x))))

iso <- c("dak", "gevel", "vloer", "glas")
prio <- c("prio1", "prio2", "prio3")
pm <- as.matrix(d[, prio])
codes <- sort(unique(as.vector(pm[!is.na(pm)])))

columns <- list(list(key = "total", has = function(x) rep(TRUE, nrow(x))))
for (g in 1:2) columns[[length(columns) + 1]] <- list(key = paste0("geslacht=", g), has = local({ gg <- g; function(x) x$geslacht %in% gg }))
for (v in iso) columns[[length(columns) + 1]] <- list(key = paste0("$isolatie=", v), has = local({ vv <- v; function(x) x[[vv]] %in% 1 }))
for (code in codes) columns[[length(columns) + 1]] <- list(
  key = paste0("$prioriteit=", code),
  has = local({ cc <- code; function(x) rowSums(as.matrix(x[, prio]) == cc, na.rm = TRUE) > 0 }))
keys <- vapply(columns, function(c) c$key, "")
rows <- sort(unique(d$regio[!is.na(d$regio)]))

table_for <- function(mode) {
  x <- d
  w <- if (mode == "unweighted") rep(1, nrow(x)) else x$gewicht
  keep <- w > 0 & !is.na(x$regio)
  x <- x[keep, ]; w <- w[keep]
  K <- length(columns); R <- length(rows)
  count <- matrix(0, R, K); sw <- matrix(0, R, K)
  base <- list(count = numeric(K), weighted = numeric(K), effective = numeric(K))
  mean <- numeric(K)
  for (k in seq_len(K)) {
    inc <- columns[[k]]$has(x)
    for (r in seq_len(R)) { m <- inc & x$regio == rows[r]; count[r, k] <- sum(m); sw[r, k] <- sum(w[m]) }
    base$count[k] <- sum(inc); base$weighted[k] <- sum(w[inc])
    base$effective[k] <- sum(w[inc])^2 / sum(w[inc]^2)
    mean[k] <- weighted.mean(x$regio[inc], w[inc])
  }
  list(mode = mode, columns = keys, rows = rows, count = count, weighted = sw,
       pct = 100 * sweep(sw, 2, base$weighted, "/"), base = base, mean = mean)
}

tables <- lapply(c("unweighted", "frequency", "sampling"), table_for)
writeLines(toJSON(list(
  note = "made by tests/oracle/mrsets/make-columns.R from mrsets.sav (R haven)",
  r = R.version.string, haven = as.character(packageVersion("haven")),
  tables = tables
), digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE), args[2])
