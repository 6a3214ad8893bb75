#!/usr/bin/env bash
# Regenerates expected.json: the demo data exported by our generator, analysed by R.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
npx tsx "$here/export-demo.ts" "$tmp/demo.csv"
Rscript "$here/make.R" "$tmp/demo.csv"
rm -rf "$tmp"
