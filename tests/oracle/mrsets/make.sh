#!/usr/bin/env bash
# Regenerates the multiple-response oracle: PSPP makes mrsets.sav from mrsets.sps (both sets defined
# with MRSETS), PSPP reports the sets it wrote (sets-pspp.csv), and R (haven + survey) computes the
# tables from the file into expected.json. CI only reads the committed results.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
pspp mrsets.sps >/dev/null
printf "GET FILE='mrsets.sav'.\nMRSETS /DISPLAY NAME=ALL.\n" > /tmp/duiding-mrsets-display.sps
pspp /tmp/duiding-mrsets-display.sps -O format=csv -o sets-pspp.csv
rm -f /tmp/duiding-mrsets-display.sps
Rscript make.R mrsets.sav expected.json
Rscript make-columns.R mrsets.sav expected-columns.json
