# Writes the R haven (ReadStat) fixtures into the directory given as the first argument.
# haven always writes UTF-8; these cover ReadStat's way of writing compressed data, labelled
# string variables, user-missing ranges and very long strings.
suppressMessages(library(haven))
out <- commandArgs(trailingOnly = TRUE)[1]
set.seed(20261125)
n <- 40
long_text <- paste0(strrep("x", 250), "ëéïöü", strrep("y", 300), " einde")
df <- data.frame(
  respnr = seq_len(n),
  stringsAsFactors = FALSE
)
df$geslacht <- labelled_spss(sample(c(1, 2, 9), n, replace = TRUE),
  labels = c(Man = 1, Vrouw = 2, Onbekend = 9), na_values = 9, label = "Geslacht")
df$score <- labelled_spss(round(runif(n, 0, 10), 3),
  labels = c(Laag = 0, Hoog = 10), na_range = c(-Inf, -1), label = "Score met decimalen")
df$score[c(3, 7)] <- c(-5, NA)
df$antwoord <- labelled_spss(sample(c(1:5, 97:99), n, replace = TRUE),
  labels = c(Slecht = 1, Goed = 5, "Weet niet" = 97, Weigert = 98), na_values = 97, na_range = c(98, 99))
df$woonplaats <- labelled_spss(sample(c("Utrecht", "Zoëterwoude", "Ede", "onbekend"), n, replace = TRUE),
  labels = c("Gemeente Utrecht" = "Utrecht", "Onbekende woonplaats" = "onbekend"), na_values = "onbekend",
  label = "Woonplaats (é)")
df$toelichting <- ifelse(seq_len(n) %% 3 == 0, long_text, ifelse(seq_len(n) %% 3 == 1, "kort", ""))
attr(df$toelichting, "label") <- "Lange toelichting"
df$geboren <- as.Date("1950-01-01") + sample(0:20000, n, replace = TRUE)
df$geboren[5] <- NA
df$gemeten <- as.POSIXct("2024-03-15 13:45:10", tz = "UTC") + sample(0:100000, n)
df$een_heel_lange_variabelenaam_voor_de_test <- rnorm(n)
write_sav(df, file.path(out, "haven-byte.sav"), compress = "byte")
write_sav(df, file.path(out, "haven-none.sav"), compress = "none")
write_sav(df, file.path(out, "haven-zsav.zsav"), compress = "zsav")
