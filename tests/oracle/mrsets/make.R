# Reference numbers for multiple-response tables, computed by R from the PSPP-made mrsets.sav:
#   Rscript make.R mrsets.sav expected.json        (run by make.sh)
# haven reads the file (user-missing 9 becomes NA); the sets are those mrsets.sps defines with MRSETS
# (the test checks that our reader finds the same definitions in the file as PSPP displays).
# Per set, weighting mode and column (Totaal | regio | regio > geslacht):
#   base     cases with a valid value on at least one member (count, Σw, Kish (Σw)²/Σw²)
#   items    cases with the counted value (dichotomies) / with the code in any member (categories)
#   any      cases with at least one item; responses = Σ items; % of cases = item / base;
#            % of responses = item / responses (weighted)
#   letters  pairwise column-proportion z-tests within a column group (pooled p, n = count, Σw for a
#            frequency weight, the effective base for a sampling weight; columns with n < 2 or p in
#            {0, 1} left out), p.adjust over the pairs of one row of one group, alpha 0.05
#   se       survey::svymean of the item indicator on the domain (column & base) of the design:
#            svydesign(ids = ~1, weights = ~gewicht) for "sampling",
#            svydesign(ids = ~1, strata = ~regio, weights = ~gewicht) for "strata",
#            svydesign(ids = ~cluster, strata = ~regio, weights = ~gewicht, nest = TRUE) for "design";
#            cases with weight 0 are not in the design.
suppressPackageStartupMessages({ library(haven); library(survey); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- as.data.frame(lapply(read_sav(args[1]), function(x) as.numeric(zap_labels(x))))

sets <- list(
  list(name = "$isolatie", kind = "dichotomies", counted = 1, variables = c("dak", "gevel", "vloer", "glas")),
  list(name = "$prioriteit", kind = "categories", counted = NULL, variables = c("prio1", "prio2", "prio3"))
)

# Columns in the engine's order, with their comparison groups and letters.
columns <- list(list(key = "total", mask = function(x) rep(TRUE, nrow(x)), group = "Totaal", letter = ""))
for (k in 1:4) columns[[length(columns) + 1]] <- list(key = paste0("regio=", k), mask = local({ kk <- k; function(x) x$regio %in% kk }), group = "regio", letter = LETTERS[k])
for (k in 1:4) for (g in 1:2) {
  columns[[length(columns) + 1]] <- list(
    key = paste0("regio=", k, "|geslacht=", g),
    mask = local({ kk <- k; gg <- g; function(x) x$regio %in% kk & x$geslacht %in% gg }),
    group = paste0("regio:", k), letter = LETTERS[g])
}
keys <- vapply(columns, function(c) c$key, "")
groups <- split(seq_along(columns), vapply(columns, function(c) c$group, ""))

indicators <- function(x, set) {
  m <- as.matrix(x[, set$variables])
  valid <- rowSums(!is.na(m)) > 0
  if (set$kind == "dichotomies") {
    items <- set$variables
    y <- sapply(set$variables, function(v) x[[v]] %in% set$counted)
  } else {
    items <- sort(unique(as.vector(m[!is.na(m)])))
    y <- sapply(items, function(code) rowSums(m == code, na.rm = TRUE) > 0)
  }
  y <- matrix(y, nrow = nrow(x))
  list(items = items, valid = valid, y = y, any = rowSums(y) > 0)
}

letters_for <- function(prop, ntest, method) {
  out <- matrix("", nrow(prop), ncol(prop))
  for (g in groups) {
    if (length(g) < 2) next
    for (r in seq_len(nrow(prop))) {
      pairs <- list(); pv <- c()
      for (a in seq_along(g)) for (b in seq_along(g)) {
        if (b <= a) next
        ca <- g[a]; cb <- g[b]
        pa <- prop[r, ca]; pb <- prop[r, cb]; na <- ntest[ca]; nb <- ntest[cb]
        ok <- function(p, n) !is.na(p) && n >= 2 && p > 0 && p < 1
        if (!ok(pa, na) || !ok(pb, nb)) next
        pp <- (na * pa + nb * pb) / (na + nb)
        z <- (pa - pb) / sqrt(pp * (1 - pp) * (1 / na + 1 / nb))
        pairs[[length(pairs) + 1]] <- c(ca, cb, z)
        pv <- c(pv, 2 * pnorm(-abs(z)))
      }
      if (length(pv) == 0) next
      adj <- p.adjust(pv, method)
      for (t in seq_along(pairs)) {
        if (!(adj[t] < 0.05)) next
        pr <- pairs[[t]]
        hi <- if (pr[3] > 0) pr[1] else pr[2]
        lo <- if (pr[3] > 0) pr[2] else pr[1]
        out[r, hi] <- paste0(out[r, hi], columns[[lo]]$letter)
      }
    }
  }
  apply(out, c(1, 2), function(s) paste(sort(strsplit(s, "")[[1]]), collapse = ""))
}

table_for <- function(set, mode) {
  x <- d
  w <- if (mode == "unweighted") rep(1, nrow(x)) else x$gewicht
  keep <- w > 0
  x <- x[keep, ]; w <- w[keep]
  ind <- indicators(x, set)
  nI <- length(ind$items)
  rowsY <- cbind(ind$y, ind$any)
  K <- length(columns)
  count <- matrix(0, nI + 1, K); sw <- matrix(0, nI + 1, K)
  base <- list(count = numeric(K), weighted = numeric(K), effective = numeric(K))
  for (k in seq_len(K)) {
    inb <- columns[[k]]$mask(x) & ind$valid
    base$count[k] <- sum(inb); base$weighted[k] <- sum(w[inb])
    base$effective[k] <- if (sum(inb) > 0) sum(w[inb])^2 / sum(w[inb]^2) else 0
    for (r in seq_len(nI + 1)) { count[r, k] <- sum(inb & rowsY[, r]); sw[r, k] <- sum(w[inb & rowsY[, r]]) }
  }
  prop <- sweep(sw, 2, base$weighted, "/")
  ntest <- switch(mode, unweighted = base$count, frequency = base$weighted, base$effective)
  resp_w <- colSums(sw[seq_len(nI), , drop = FALSE])
  out <- list(
    set = set$name, mode = mode, columns = keys, items = ind$items,
    base = base,
    count = count, weighted = sw, pct = 100 * prop,
    responses = list(count = colSums(count[seq_len(nI), , drop = FALSE]), weighted = resp_w),
    responsePct = 100 * sweep(sw[seq_len(nI), , drop = FALSE], 2, resp_w, "/"),
    letters = list(none = letters_for(prop, ntest, "none"), bonferroni = letters_for(prop, ntest, "bonferroni"), bh = letters_for(prop, ntest, "BH"))
  )
  if (mode %in% c("sampling", "strata", "design")) {
    x$w <- w
    for (r in seq_len(nI + 1)) x[[paste0("y", r)]] <- as.numeric(rowsY[, r])
    des <- switch(mode,
      sampling = svydesign(ids = ~1, weights = ~w, data = x),
      strata = svydesign(ids = ~1, strata = ~regio, weights = ~w, data = x),
      svydesign(ids = ~cluster, strata = ~regio, weights = ~w, nest = TRUE, data = x))
    se <- matrix(NA_real_, nI + 1, K)
    for (k in seq_len(K)) {
      dom <- columns[[k]]$mask(x) & ind$valid
      if (sum(dom) == 0) next
      for (r in seq_len(nI + 1)) se[r, k] <- 100 * SE(svymean(as.formula(paste0("~y", r)), des[dom, ]))
    }
    out$se <- se
  }
  out
}

tables <- list()
for (set in sets) for (mode in c("unweighted", "frequency", "sampling", "strata", "design")) tables[[length(tables) + 1]] <- table_for(set, mode)
writeLines(toJSON(list(
  note = "made by tests/oracle/mrsets/make.R from mrsets.sav (R haven + survey)",
  r = R.version.string, survey = as.character(packageVersion("survey")), haven = as.character(packageVersion("haven")),
  tables = tables
), digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE), args[2])
