/**
 * Fused kernels for the most common filter shapes, `var op constant` and `var in (constants)`: they
 * read the column's typed array directly instead of going through a reader block, which halves the
 * passes over memory for typical filters such as `leeftijd >= 18 and gemeente in (1, 3)`.
 */
import type { NumericColumn, VariableMeta } from '../../model/dataset';
import { sysmisSentinel } from '../../model/dataset';
import { type NumBlock, numBlock } from './readers';

const OPS = ['=', '<>', '<', '<=', '>', '>='];

function missingParts(meta: VariableMeta): { m0: number; m1: number; m2: number; lo: number; hi: number } {
  const nums = meta.missing.values.filter((v): v is number => typeof v === 'number');
  return {
    m0: nums[0] ?? NaN,
    m1: nums[1] ?? NaN,
    m2: nums[2] ?? NaN,
    lo: meta.missing.range ? meta.missing.range[0] : Infinity,
    hi: meta.missing.range ? meta.missing.range[1] : -Infinity,
  };
}

/** `var op c` with SPSS missing rules: system- or user-missing values give missing. */
export function fusedCompare(col: NumericColumn, meta: VariableMeta, op: string, c: number): NumBlock {
  const d = col.data;
  const s = sysmisSentinel(d);
  const { m0, m1, m2, lo, hi } = missingParts(meta);
  const k = OPS.indexOf(op);
  return numBlock((out, start, n) => {
    for (let j = 0; j < n; j++) {
      const v = d[start + j];
      if (v === s || v !== v || (v >= lo && v <= hi) || v === m0 || v === m1 || v === m2) {
        out[j] = NaN;
        continue;
      }
      // k is fixed per kernel, so this branch is perfectly predicted.
      const t = k === 0 ? v === c : k === 1 ? v !== c : k === 2 ? v < c : k === 3 ? v <= c : k === 4 ? v > c : v >= c;
      out[j] = t ? 1 : 0;
    }
  });
}

/** `var in (c1, c2, ...)` / any(var, c1, ...): missing var gives missing; missing constants never match. */
export function fusedAny(col: NumericColumn, meta: VariableMeta, values: number[]): NumBlock {
  const d = col.data;
  const s = sysmisSentinel(d);
  const { m0, m1, m2, lo, hi } = missingParts(meta);
  const vals = Float64Array.from(values.filter((v) => v === v));
  const m = vals.length;
  return numBlock((out, start, n) => {
    for (let j = 0; j < n; j++) {
      const v = d[start + j];
      if (v === s || v !== v || (v >= lo && v <= hi) || v === m0 || v === m1 || v === m2) {
        out[j] = NaN;
        continue;
      }
      let hit = 0;
      for (let q = 0; q < m; q++) if (vals[q] === v) hit = 1;
      out[j] = hit;
    }
  });
}
