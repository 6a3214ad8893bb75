#!/bin/sh
# Regenerates expected.csv: PSPP evaluates every expression in cases.json on data.txt.
# Run from anywhere: sh shared/transform/expr/oracle/make.sh   (needs pspp and node)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
node -e '
const { cases } = JSON.parse(require("fs").readFileSync("cases.json", "utf8"));
const lines = [
  "DATA LIST LIST /id x y q1 q2 q3 q4 q5 (F8.2) s (A4).",
  "BEGIN DATA.",
  ...require("fs").readFileSync("data.txt", "utf8").trim().split("\n"),
  "END DATA.",
  "MISSING VALUES x (9) y (90 THRU 99) q2 (-1).",
];
for (const [name, ours, pspp] of cases) lines.push(`COMPUTE ${name} = ${pspp ?? ours}.`);
lines.push(`FORMATS ${cases.map((c) => c[0]).join(" ")} (F32.12).`);
lines.push("SAVE TRANSLATE /OUTFILE=\"expected.csv\" /TYPE=CSV /FIELDNAMES /REPLACE /KEEP=id " + cases.map((c) => c[0]).join(" ") + ".");
require("fs").writeFileSync("make.sps", lines.join("\n") + "\n");
'
pspp -O format=txt -o /dev/null make.sps
