/** `duiding crosstab --layers`: the additive JSON shape, numbers against R, text headings, usage errors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli';
import { expectP } from '../oracle/p-value';

const expected = JSON.parse(readFileSync(join(__dirname, '../oracle/layers/expected.json'), 'utf8'));

describe('duiding crosstab --layers', () => {
  it('JSON: one crosstab per layer plus the total, counts and tests equal to R', async () => {
    const r = await cli(
      'crosstab',
      'demo',
      '--rows',
      'gemeente',
      '--cols',
      'geslacht',
      '--layers',
      'golf',
      '--rules',
      'none',
      '--reason',
      'vergelijking met de R-referentie',
      '--json',
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d).toMatchObject({ kind: 'layered', rowVariable: 'gemeente', colVariable: 'geslacht', layerVariables: ['golf'] });
    const want = expected.demo_unweighted;
    expect(d.layers.map((l: { code: number }) => l.code)).toEqual(want.codes);
    d.layers.forEach((l: { variable: string; label: string; table: { count: number[][]; chi2: { pearson: { value: number; p: number } } } }, k: number) => {
      expect(l.variable).toBe('golf');
      expect(l.label).toBe(`Golf ${want.codes[k]}`);
      expect(l.table.count).toEqual(want.layers[k].count);
      expect(Math.abs(l.table.chi2.pearson.value / want.layers[k].pearson.value - 1)).toBeLessThan(1e-9);
      expectP(l.table.chi2.pearson.p, want.layers[k].pearson.p, `layer ${k} Pearson`);
    });
    expect(d.total.count).toEqual(want.total.count);
    expect(d.rules.status).toBe('unchecked');
  });

  it('JSON under cbs-persons: suppressed cells are null and the rules block covers all tables', async () => {
    const r = await cli('crosstab', 'demo', '--rows', 'gemeente', '--cols', 'geslacht', '--layers', 'golf', '--json');
    const d = JSON.parse(r.out);
    expect(d.rules.status).toBe('suppressed');
    expect(d.layers[0].table.count.flat()).toContain(null);
    expect(d.layers[0].table.suppressed.flat()).toContain(true);
  });

  it('text: each layer under a heading, then the total', async () => {
    const r = await cli('crosstab', 'demo', '--rows', 'gemeente', '--cols', 'geslacht', '--layers', 'golf');
    expect(r.code).toBe(0);
    expect(r.out).toContain('== Layer: golf = 2024 (Golf 2024) ==');
    expect(r.out).toContain('== Layer: golf = 2025 (Golf 2025) ==');
    expect(r.out).toContain('== Total over golf ==');
  });

  it('usage errors are one line and non-zero', async () => {
    const a = await cli('crosstab', 'demo', '--rows', 'gemeente', '--cols', 'geslacht', '--layer-missing');
    expect(a.code).not.toBe(0);
    expect(a.err.trim().split('\n')).toHaveLength(1);
    const b = await cli('crosstab', 'demo', '--rows', 'gemeente', '--cols', 'geslacht', '--layers', 'nope');
    expect(b.code).not.toBe(0);
    expect(b.err).toMatch(/nope/);
  });
});
