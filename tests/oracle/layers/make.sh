#!/usr/bin/env bash
# Regenerates fixture.csv and expected.json: the demo data exported by our generator plus a seeded
# fixture, analysed per layer by R (base + survey).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
npx tsx "$here/../demo/export-demo.ts" "$tmp/demo.csv"
Rscript "$here/make.R" "$tmp/demo.csv"
rm -rf "$tmp"
# PSPP cross-check of the layer semantics (paths in the .sps are relative to the repository root).
cd "$here/../../.." && pspp -o tests/oracle/layers/layers-pspp.csv tests/oracle/layers/layers-pspp.sps
