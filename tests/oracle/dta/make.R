# Writes the Stata fixtures in tests/fixtures/dta and, for each, the dictionary and values that
# R haven (ReadStat) reads back, as JSON in tests/oracle/dta/<file>.json. Duiding's reader must agree.
#   Rscript tests/oracle/dta/make.R      (from the repository root; needs r-cran-haven, jsonlite)
#
# haven writes versions 113 (version=8), 114 (version=10), 115 (12), 117 (13), 118 (14) and 119 (15), always
# little-endian and only as long/double/str. Stata's byte/int/float storage, extended missing values in
# integer storage, Windows-1252 text and big-endian files are covered by `write_114()` below, a
# minimal writer of the documented 114 layout; haven reads those files too, so the expectations still
# come from ReadStat, not from us.
suppressMessages({ library(haven); library(jsonlite) })
fix <- "tests/fixtures/dta"
ora <- "tests/oracle/dta"

long_text <- paste(rep("Lange tekst met ë en € ", 120), collapse = "")  # > 2045 bytes: strL in 117+

panel <- function(strl) {
  df <- data.frame(
    id = 1:6,
    geslacht = labelled(c(1, 2, tagged_na("a"), 2, NA, tagged_na("b")),
                        c(man = 1, vrouw = 2, weigert = tagged_na("a")), label = "Geslacht"),
    inkomen = c(2500.5, NA, -12.25, 0, 1e9, 3.141592653589793),
    plaats = c("Utrecht", "’s-Hertogenbosch", "Café", "", "Zeist", "Den Haag"),
    datum = as.Date(c("1990-02-03", "2024-02-29", NA, "1960-01-01", "1582-10-15", "2000-12-31")),
    tijd = as.POSIXct(c("2024-03-01 12:34:56", NA, "1970-01-01 00:00:00", "1999-12-31 23:59:59",
                        "2024-03-01 00:00:01", "2010-06-15 08:00:00"), tz = "UTC"),
    stringsAsFactors = FALSE
  )
  attr(df$inkomen, "label") <- "Netto inkomen (€)"
  attr(df$plaats, "label") <- "Woonplaats"
  if (strl) df$opm <- c("kort", long_text, "", "nog één", long_text, "x")
  attr(df, "label") <- "Duiding testpanel"
  df
}

write_all <- function() {
  for (v in list(c(8, 113), c(10, 114), c(12, 115), c(13, 117), c(14, 118), c(15, 119))) {
    write_dta(panel(v[2] >= 117), file.path(fix, sprintf("panel-%d.dta", v[2])), version = v[1])
  }
}

# --- a minimal 114 writer for the storage types haven never writes -----------------------------
write_114 <- function(path, endian) {
  con <- file(path, "wb"); on.exit(close(con))
  int <- function(x, size) writeBin(as.integer(x), con, size = size, endian = endian)
  dbl <- function(x, size) writeBin(as.double(x), con, size = size, endian = endian)
  fixed <- function(s, n) { b <- charToRaw(s); writeBin(c(b, raw(n - length(b))), con) }
  cp1252 <- function(s) iconv(s, "UTF-8", "windows-1252")
  n <- 5
  types <- c(251, 252, 253, 254, 255, 8)  # byte int long float double str8
  names <- c("b", "i", "l", "f", "d", "s")
  writeBin(as.raw(c(114, if (endian == "big") 1 else 2, 1, 0)), con)
  int(6, 2); int(n, 4)
  fixed(cp1252("Bestand met één label"), 81); fixed("01 Jan 2024 00:00", 18)
  writeBin(as.raw(types), con)
  for (nm in names) fixed(nm, 33)
  int(rep(0, 7), 2)
  for (f in c("%8.0g", "%8.0g", "%12.0g", "%9.0g", "%10.0g", "%8s")) fixed(f, 49)
  for (l in c("jn", "", "", "", "", "")) fixed(l, 33)
  for (l in c("Byte met labels", "Int", "Long", "Float", "Double", cp1252("Tekst é"))) fixed(l, 81)
  writeBin(as.raw(c(0, 0, 0, 0, 0)), con)  # no expansion fields
  # rows: valid, ., .a, .z, valid extreme
  b <- c(1, 101, 102, 127, -127)
  i <- c(32740, 32741, 32742, 32767, -32767)
  l <- c(2147483620, 2147483621, 2147483622, 2147483647, -2147483647)
  fbits <- c(NA, 0x7f000000, 0x7f000800, 0x7f00d000, NA)  # ., .a, .z as IEEE bit patterns
  f <- c(1.5, NA, NA, NA, -3.25)
  d <- c(0.1, 2^1023, 2^1023 * (1 + 1 / 4096), 2^1023 * (1 + 26 / 4096), -1e300)
  s <- c("ja", "nee", cp1252("één"), "", "12345678")
  for (r in 1:n) {
    int(b[r], 1); int(i[r], 2)
    if (l[r] > .Machine$integer.max || l[r] < -.Machine$integer.max) stop("long out of range")
    int(l[r], 4)
    if (is.na(fbits[r])) dbl(f[r], 4) else {
      raw4 <- packBits(intToBits(fbits[r]), "raw")  # little-endian bytes of the bit pattern
      writeBin(if (endian == "big") rev(raw4) else raw4, con)
    }
    dbl(d[r], 8)
    fixed(s[r], 8)
  }
  # value label table "jn": 1 = ja, .a (2147483622 in label tables) = weet niet
  txt <- c("ja", "weet niet"); vals <- c(1, 2147483622)
  off <- c(0, nchar(txt[1]) + 1); txtlen <- sum(nchar(txt) + 1)
  int(4 + 4 + 8 * 2 + txtlen, 4); fixed("jn", 33); writeBin(raw(3), con)
  int(2, 4); int(txtlen, 4); int(off, 4); int(vals, 4)
  for (t in txt) fixed(t, nchar(t) + 1)
}

dump <- function(file, encoding = NULL) {
  d <- read_dta(file.path(fix, file), encoding = encoding)
  vars <- lapply(names(d), function(nm) {
    x <- d[[nm]]
    labs <- attr(x, "labels")
    value <- function(v) {
      if (inherits(x, "Date") || inherits(x, "POSIXct")) v <- as.numeric(v)
      if (is.character(v)) return(v)
      v <- unclass(v); attributes(v) <- NULL
      ifelse(is.na(v), NA, v)
    }
    tags <- if (is.numeric(x) && !inherits(x, "Date") && !inherits(x, "POSIXct")) na_tag(x) else NULL
    list(
      name = nm,
      label = attr(x, "label") %||% "",
      format = attr(x, "format.stata") %||% "",
      kind = if (inherits(x, "Date")) "date" else if (inherits(x, "POSIXct")) "datetime"
             else if (is.character(x)) "string" else "numeric",
      values = value(x),
      tags = tags,
      labels = if (is.null(labs)) list() else lapply(seq_along(labs), function(k) list(
        value = if (is.na(labs[[k]])) NA else unclass(labs[[k]])[1],
        tag = if (is.na(labs[[k]])) na_tag(labs[k]) else NA,
        label = names(labs)[k]))
    )
  })
  out <- list(file = file, rows = nrow(d), label = attr(d, "label") %||% "", variables = vars)
  writeLines(toJSON(out, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(ora, sub("\\.dta$", ".json", file)))
}
`%||%` <- function(a, b) if (is.null(a)) b else a

write_all()
write_114(file.path(fix, "types-114-lsf.dta"), "little")
write_114(file.path(fix, "types-114-msf.dta"), "big")
file.copy(system.file("examples", "iris.dta", package = "haven"), file.path(fix, "iris-stata-118.dta"), overwrite = TRUE)
# haven writes UTF-8 text even into pre-118 files, whose readers assume Windows-1252 by default.
for (f in sprintf("panel-%d.dta", c(113, 114, 115, 117))) dump(f, encoding = "UTF-8")
for (f in c(sprintf("panel-%d.dta", c(118, 119)), "iris-stata-118.dta")) dump(f)
for (f in c("types-114-lsf.dta", "types-114-msf.dta")) dump(f, encoding = "windows-1252")
