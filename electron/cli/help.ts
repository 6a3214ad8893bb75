export const HELP = `duiding — offline analysis of sensitive microdata

Usage:
  duiding import FILE --project P.duiding [--name NAME] [--replace] [--replace-empty]
  duiding audit verify P.duiding [--json]
  duiding describe DATA [--json]
  duiding freq DATA --var V [--weight W [--weight-type frequency|sampling]] [--filter EXPR] [--rules R [--reason TEXT]] [--json]
  duiding crosstab DATA --rows V[,V...] --cols V[,V...] [--weight W [--weight-type frequency|sampling]]
                   [--strata S] [--cluster C] [--filter EXPR] [--rules cbs-persons|cbs-business|none [--reason TEXT]] [--json]
                   [--layers V[,V...] [--layer-missing]] [--mrset '$S=V1,V2[:COUNTED]'] [--mrset-categories '$S=V1,V2']
  duiding regress DATA --dep Y --indep X1,X2,... [--categorical V[:REF],...] [--model ols|logit|fe --panel ID]
                  [--weight W [--weight-type ...]] [--strata S] [--cluster C] [--se classical|hc1|cluster:V] [--json]
  duiding book DATA (--spec book.json | --book NAME) --out file.xlsx
  duiding chart DATA --rows V --cols V [--weight W] [--filter EXPR] [--rules R [--reason TEXT]] --type bar|bar-stacked|bar-100|line|dot
                --out FILE.svg|FILE.png [--width-mm 160] [--height-mm 100] [--dpi 300]
  duiding weight DATA --targets T.json|T.csv --method rake|poststrat|linear [--bounds LO,HI]
                 [--base-weight W] [--filter EXPR] [--name NEWVAR] [--max-iter N] [--epsilon E]
                 [--project P.duiding] [--out FILE.sav|FILE.csv] [--json]
                 [--trim MAX|Kx] [--scale-targets] [--replace]

DATA is a data file (.sav .zsav .csv .xlsx .dta), PROJECT.duiding#DATASET, or demo (the bundled demo panel).
--book runs a tabellenboek saved in the project (Tabellenboek view); for demo, "Burgerpanel Groningen 2025".
A multiple-response set ($NAME, see describe) can stand in --rows of crosstab: its items are the rows,
as % of cases in each column's base. --mrset '$NAME=V1,V2,V3[:COUNTED]' defines a dichotomy set (counted
value 1 unless given) and --mrset-categories '$NAME=V1,V2,V3' a categories set for one command (describe,
crosstab); several sets are separated by ';'. Quote them: the shell expands $.
--layers splits a crosstab into one table per layer category (several layer variables: per combination)
plus the table over all layers; --layer-missing also shows user-missing layer codes as layers. A set as
the one layer (--layers '$NAME') gives one table per item and the table over the set's base.
Without --weight results are unweighted, even when the file names a weight variable.
weight calibrates DATA to population targets (T: JSON, or CSV lines variable;code;target) and prints the
report; --project stores the new weight (role weight) in DATA's dataset, --out writes the data with it.
--rules defaults to the project's rule set, and to cbs-persons for a plain data file; a rule set below
that needs --reason "…" (at least 10 characters, kept in the project's audit log) and its results say
rules.status "unchecked". Suppressed cells are null in JSON and "x" in text. audit verify recomputes the
project's audit hash chain and reports the first broken link (exit 1 when broken). --json prints exactly one JSON document; errors exit non-zero with one
line on stderr.`;
