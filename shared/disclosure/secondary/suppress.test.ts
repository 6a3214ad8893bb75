import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSuppression } from './audit';
import { bannerLayout } from './banner-layout';
import { crosstabLayout, flattenCrosstab } from './linear-table';
import { protectTable } from './suppress';
import type { BannerColumn } from '../../model/results';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const MIN = 10;
const unsafe = (v: number) => v > 0 && v < MIN;
const need = (v: number) => (unsafe(v) ? Math.max(5, 0.3 * v) : 0);

function crosstab(inner: number[][]) {
  const L = crosstabLayout(inner.length, inner[0].length);
  const rt = inner.map(sum);
  const ct = inner[0].map((_v, j) => sum(inner.map((r) => r[j])));
  const values = flattenCrosstab(inner, rt, ct, sum(rt));
  return { L, values, primary: values.map(unsafe) };
}

function protectAndAudit(inner: number[][]) {
  const { L, values, primary } = crosstab(inner);
  const res = protectTable(L.table, [{ values, required: (_c, v) => need(v), integer: true }], primary);
  // Independent re-audit of the final pattern (not the one protectTable returns).
  const audit = auditSuppression(values, res.suppressed, L.table, (_c, v) => need(v), { integer: true });
  return { L, values, primary, res, audit };
}

describe('protectTable', () => {
  it('protects a single small cell with a rectangle of secondaries', () => {
    const { primary, res, audit } = protectAndAudit([
      [3, 20, 15],
      [12, 14, 30],
      [25, 18, 40],
    ]);
    expect(res.failures).toEqual([]);
    expect(primary.every((p, i) => !p || res.suppressed[i])).toBe(true);
    expect(audit.filter((e) => e.required > 0).every((e) => e.ok)).toBe(true);
    expect(res.secondary.filter(Boolean).length).toBe(3);
  });

  it('protects two small cells in one row, and a small row total', () => {
    const { res, audit, L } = protectAndAudit([
      [3, 4, 0],
      [12, 14, 30],
      [25, 18, 40],
    ]);
    expect(res.failures).toEqual([]);
    expect(res.suppressed[L.rowTotal(0)]).toBe(true);
    expect(audit.filter((e) => e.required > 0).every((e) => e.ok)).toBe(true);
  });

  it('leaves a safe table alone', () => {
    const { res } = protectAndAudit([
      [13, 20],
      [12, 0],
    ]);
    expect(res.suppressed.some(Boolean)).toBe(false);
  });

  it('protects a banner with two groups', () => {
    const col = (variable: string, code: number): BannerColumn => ({
      key: `${variable}=${code}`,
      path: [{ variable, code, label: String(code) }],
      label: String(code),
      group: variable,
      letter: 'AB'[code - 1],
    });
    const columns: BannerColumn[] = [{ key: 'total', path: [], label: 'Totaal', group: '', letter: '' }, col('g', 1), col('g', 2), col('s', 1), col('s', 2)];
    const L = bannerLayout(3, columns);
    const inner = [
      [30, 4, 26, 15, 15],
      [40, 20, 20, 22, 18],
      [50, 25, 25, 30, 20],
    ];
    const bases = [120, 49, 71, 67, 53];
    const values = L.flatten(inner, bases);
    const primary = values.map((v, c) => !L.table.fixed![c] && unsafe(v));
    const required = (c: number, v: number) => (L.table.fixed![c] ? 0 : need(v));
    const res = protectTable(L.table, [{ values, required, integer: true }], primary);
    expect(res.failures).toEqual([]);
    const audit = auditSuppression(values, res.suppressed, L.table, required, { integer: true });
    expect(audit.find((e) => e.cell === L.interior(0, 1))!.ok).toBe(true);
  });

  it('property: after suppression every primary cell passes the audit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((r) =>
          fc.integer({ min: 2, max: 5 }).chain((c) =>
            fc.array(
              fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 10, max: 60 })), {
                minLength: c,
                maxLength: c,
              }),
              { minLength: r, maxLength: r },
            ),
          ),
        ),
        (inner) => {
          const { primary, res, audit } = protectAndAudit(inner);
          expect(res.failures).toEqual([]);
          for (let i = 0; i < primary.length; i++) if (primary[i]) expect(res.suppressed[i]).toBe(true);
          for (const e of audit) if (e.required > 0) expect(e.ok, JSON.stringify({ inner, e })).toBe(true);
        },
      ),
      { numRuns: 150, seed: 5 },
    );
  });
});
