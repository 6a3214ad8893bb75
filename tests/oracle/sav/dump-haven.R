# Dumps what R haven reads from each .sav/.zsav given on the command line as JSON next to the
# oracle: names, labels, formats, value labels, user-missing values, row count and the first rows.
# Dates are converted back to SPSS seconds (since 1582-10-14) so the test compares raw values.
suppressMessages({ library(haven); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
outdir <- args[1]
spss_epoch <- 12219379200
fin <- function(x) {
  if (is.null(x)) return(NULL)
  if (is.character(x)) return(as.list(x))
  lapply(x, function(v) if (is.finite(v)) v else if (v > 0) "Inf" else "-Inf")
}
for (f in args[-1]) {
  df <- tryCatch(read_sav(f, user_na = TRUE), error = function(e) NULL)
  if (is.null(df)) {
    message("haven cannot read ", f, "; no haven oracle for it")
    next
  }
  vars <- lapply(names(df), function(nm) {
    x <- df[[nm]]
    labs <- attr(x, "labels")
    vl <- if (is.null(labs)) setNames(list(), character(0)) else setNames(as.list(names(labs)), as.character(unname(labs)))
    list(
      name = nm,
      label = if (is.null(attr(x, "label", exact = TRUE))) "" else attr(x, "label", exact = TRUE),
      type = if (is.character(x)) "string" else "numeric",
      format = attr(x, "format.spss"),
      displayWidth = attr(x, "display_width", exact = TRUE),
      valueLabels = vl,
      naValues = fin(attr(x, "na_values")),
      naRange = fin(attr(x, "na_range"))
    )
  })
  first <- lapply(names(df), function(nm) {
    x <- df[[nm]]
    v <- if (inherits(x, "Date")) as.numeric(x) * 86400 + spss_epoch
      else if (inherits(x, "POSIXct")) as.numeric(x) + spss_epoch
      else if (inherits(x, "hms") || inherits(x, "difftime")) as.numeric(x, units = "secs")
      else if (is.character(x)) as.character(x)
      else as.numeric(x)
    v <- head(v, 12)
    if (is.numeric(v)) lapply(v, function(e) if (is.na(e)) NULL else e) else as.list(v)
  })
  names(first) <- names(df)
  doc <- list(file = basename(f), rows = nrow(df), fileLabel = attr(df, "label", exact = TRUE), variables = vars, firstRows = first)
  writeLines(toJSON(doc, auto_unbox = TRUE, null = "null", digits = NA, pretty = TRUE),
    file.path(outdir, paste0(basename(f), ".haven.json")), useBytes = TRUE)
}
