#!/usr/bin/env bash
# Regenerates fixture.csv and expected.json: the demo data exported by our generator plus a seeded
# fixture, analysed per layer by R (base + survey).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
npx tsx "$here/../demo/export-demo.ts" "$tmp/demo.csv"
Rscript "$here/make.R" "$tmp/demo.csv"
rm -rf "$tmp"
