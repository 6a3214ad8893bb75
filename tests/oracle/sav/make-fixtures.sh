#!/bin/sh
# Regenerates the SPSS fixtures and what PSPP and R haven report about them.
#   tests/fixtures/sav/pspp-*.sav|zsav   written by PSPP from the .sps files here
#   tests/fixtures/sav/haven-*.sav|zsav  written by R haven (make-haven.R)
#   tests/fixtures/sav/ours-*.sav|zsav   written by our writer (write-fixtures.ts)
#   tests/fixtures/sav/crafted-*.sav     PSPP files altered byte-wise (craft-fixtures.ts)
#   tests/oracle/sav/expected/<file>.haven.json  R haven's reading (dump-haven.R)
#   tests/oracle/sav/expected/<file>.pspp.csv    PSPP's SYSFILE INFO + MRSETS /DISPLAY
# Needs pspp, Rscript with haven and jsonlite, and node. CI only reads the committed results.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
fix="$root/tests/fixtures/sav"
exp="$here/expected"
mkdir -p "$fix" "$exp"
rm -f "$fix"/*.sav "$fix"/*.zsav "$exp"/*.json "$exp"/*.csv

(cd "$fix" && pspp "$here/pspp-panel.sps" >/dev/null && pspp "$here/pspp-cp1252.sps" >/dev/null && pspp "$here/pspp-quirks.sps" >/dev/null)
Rscript "$here/make-haven.R" "$fix"
(cd "$root" && npx tsx tests/oracle/sav/write-fixtures.ts "$fix" && npx tsx tests/oracle/sav/craft-fixtures.ts "$fix")

cd "$fix"
for f in *.sav *.zsav; do
  Rscript "$here/dump-haven.R" "$exp" "$f"
  tmp=$(mktemp --suffix=.sps)
  printf "SYSFILE INFO FILE='%s'.\nGET FILE='%s'.\nMRSETS /DISPLAY NAME=ALL.\n" "$f" "$f" > "$tmp"
  pspp "$tmp" -o "$exp/$f.pspp.csv" >/dev/null 2>&1 || true
  rm -f "$tmp"
done
ls -l "$fix"
