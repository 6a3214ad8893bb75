# Reference banner for the engine: row b, columns Totaal | a (stacked) | x × z (nested), fractional
# weight w as a sampling weight (effective base in the z-tests) and as a frequency weight (Σw base).
# Independent R implementation of the documented SPSS CTABLES column-proportion test (pooled z,
# columns with p = 0 or 1 or base < 2 left out, family = one row of one group) with p.adjust;
# column means of b with survey::svymean on domains (sampling) and the frequency-weight formula.
# Run from the repository root after make.R:  Rscript tests/oracle/tables/make-banner.R
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
dir <- "tests/oracle/tables"
d <- read.csv(file.path(dir, "fixture.csv"))
d$a[d$a %in% 9] <- NA
d <- d[!is.na(d$w) & d$w > 0, ]
full <- d # design rows: cases with a usable weight, including those with b missing
d <- d[!is.na(d$b), ]
# Columns in display order: list of logical masks and their comparison group id.
cols <- list(total = rep(TRUE, nrow(d)))
grp <- c(total = 0)
for (k in 1:4) { cols[[paste0("a=", k)]] <- d$a %in% k; grp[paste0("a=", k)] <- 1 }
for (xo in 0:1) for (zi in 0:1) { nm <- sprintf("x=%d|z=%d", xo, zi); cols[[nm]] <- d$x == xo & d$z == zi; grp[nm] <- 2 + xo }
rows <- sort(unique(d$b))
one <- function(type, adjust) {
  sw <- sapply(cols, function(m) sum(d$w[m])); sw2 <- sapply(cols, function(m) sum(d$w[m]^2))
  n <- sapply(cols, sum); eff <- sw^2 / sw2
  base <- if (type == "sampling") eff else sw
  cell_w <- sapply(cols, function(m) sapply(rows, function(r) sum(d$w[m & d$b == r])))
  sig <- matrix("", length(rows), length(cols))
  for (g in unique(grp[grp > 0])) {
    idx <- which(grp == g)
    for (r in seq_along(rows)) {
      p <- cell_w[r, idx] / sw[idx]; use <- base[idx] >= 2 & p > 0 & p < 1
      pr <- NULL; pv <- c()
      for (i in seq_along(idx)) for (j in seq_along(idx)) if (i < j && use[i] && use[j]) {
        ni <- base[idx[i]]; nj <- base[idx[j]]; pp <- (ni * p[i] + nj * p[j]) / (ni + nj)
        z <- (p[i] - p[j]) / sqrt(pp * (1 - pp) * (1 / ni + 1 / nj))
        pr <- rbind(pr, c(i, j, z)); pv <- c(pv, 2 * pnorm(-abs(z)))
      }
      if (length(pv)) {
        adj <- p.adjust(pv, adjust)
        for (k in seq_along(pv)) if (adj[k] < 0.05) {
          hi <- if (pr[k, 3] > 0) pr[k, 1] else pr[k, 2]; lo <- if (pr[k, 3] > 0) pr[k, 2] else pr[k, 1]
          sig[r, idx[hi]] <- paste0(sig[r, idx[hi]], LETTERS[lo])
        }
      }
    }
  }
  sig <- apply(sig, c(1, 2), function(s) paste(sort(strsplit(s, "")[[1]]), collapse = ""))
  if (type == "sampling") {
    # Domain means on the design of all cases with a usable weight (subset keeps the design's PSU count).
    des <- svydesign(ids = ~1, weights = ~w, data = full)
    keep <- !is.na(full$b)
    se <- sapply(names(cols), function(nm) {
      mask <- rep(FALSE, nrow(full)); mask[keep] <- cols[[nm]]
      SE(svymean(~b, subset(des, mask)))
    })
  } else {
    se <- sapply(cols, function(mm) { W <- sum(d$w[mm]); yb <- sum(d$w[mm] * d$b[mm]) / W
      sqrt(sum(d$w[mm] * (d$b[mm] - yb)^2) / (W - 1) / W) })
  }
  mean <- sapply(cols, function(mm) weighted.mean(d$b[mm], d$w[mm]))
  # Row and total percentages within each column group (Totaal is its own group), via prop.table.
  row_pct <- total_pct <- cell_w * NA
  for (g in unique(grp)) {
    idx <- which(grp == g)
    row_pct[, idx] <- 100 * prop.table(cell_w[, idx, drop = FALSE], 1)
    total_pct[, idx] <- 100 * prop.table(cell_w[, idx, drop = FALSE])
  }
  list(keys = names(cols), rows = rows, count = unname(sapply(cols, function(m) sapply(rows, function(r) sum(m & d$b == r)))),
       weighted = unname(cell_w), base_n = unname(n), base_w = unname(sw), effective = unname(eff),
       sig = unname(sig), mean = unname(mean), se = unname(se), row_pct = unname(row_pct), total_pct = unname(total_pct))
}
res <- list(sampling_bh = one("sampling", "BH"), frequency_bonferroni = one("frequency", "bonferroni"))
writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(dir, "expected-banner.json"))

# Column-mean t-tests (mean of b per column), pooled SD over the group as SPSS CTABLES ALLCATS:
# R pairwise.t.test(pool.sd = TRUE); the integer frequency weight fw is applied by repeating cases.
mean_letters <- function(dd, adjust) {
  cols2 <- list(); grp2 <- c()
  for (k in 1:4) { cols2[[paste0("a=", k)]] <- dd$a %in% k; grp2[paste0("a=", k)] <- 1 }
  for (xo in 0:1) for (zi in 0:1) { nm <- sprintf("x=%d|z=%d", xo, zi); cols2[[nm]] <- dd$x == xo & dd$z == zi; grp2[nm] <- 2 + xo }
  sig <- c(total = "", setNames(rep("", length(cols2)), names(cols2)))
  for (g in unique(grp2)) {
    idx <- names(grp2)[grp2 == g]
    lab <- rep(NA_integer_, nrow(dd)); for (k in seq_along(idx)) lab[cols2[[idx[k]]]] <- k
    keep <- !is.na(lab)
    pt <- pairwise.t.test(dd$b[keep], factor(lab[keep], levels = seq_along(idx)), pool.sd = TRUE, p.adjust.method = adjust)$p.value
    mu <- tapply(dd$b[keep], factor(lab[keep], levels = seq_along(idx)), mean)
    for (i in seq_along(idx)) for (j in seq_along(idx)) if (i < j && !is.na(pt[j - 1, i]) && pt[j - 1, i] < 0.05) {
      hi <- if (mu[i] > mu[j]) i else j; lo <- if (hi == i) j else i
      sig[idx[hi]] <- paste0(sig[idx[hi]], LETTERS[lo])
    }
  }
  unname(sapply(sig, function(s) paste(sort(strsplit(s, "")[[1]]), collapse = "")))
}
e <- read.csv(file.path(dir, "fixture.csv")); e$a[e$a %in% 9] <- NA; e <- e[!is.na(e$b), ]
res$mean_tests <- list(unweighted_bh = mean_letters(e, "BH"), fw_bonferroni = mean_letters(e[rep(seq_len(nrow(e)), e$fw), ], "bonferroni"))
writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(dir, "expected-banner.json"))
