import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../resources/demo/generate';
import { defaultRuleSet } from '../disclosure/rules';
import { runLayeredCrosstab, runLayeredCrosstabs } from './run-layers';

const demo = generateDemo();
const rs = defaultRuleSet('cbs-persons');

describe('runLayeredCrosstab', () => {
  it('applies the filter before splitting into layers', () => {
    const r = runLayeredCrosstab(demo, { row: 'gemeente', col: 'geslacht', layers: ['golf'], filter: 'gemeente = 2' }, defaultRuleSet('none'));
    expect(r.layers.map((l) => l.code)).toEqual([2024, 2025]);
    for (const l of r.layers) expect(l.table.rows.map((x) => x.code)).toEqual([2]);
    expect(r.total!.n).toBe(r.layers.reduce((s, l) => s + l.table.n!, 0));
  });
  it('refuses a linking key as layer variable', () => {
    expect(demo.variables.find((v) => v.name === 'respnr')!.role).toBe('id');
    expect(() => runLayeredCrosstab(demo, { row: 'gemeente', col: 'geslacht', layers: ['respnr'] }, rs)).toThrow(/respnr may not appear/);
  });
  it('several row variables give one layered table per pair', () => {
    const r = runLayeredCrosstabs(demo, { rows: ['gemeente', 'leeftijdsklasse'], cols: ['geslacht'], layers: ['golf'] }, rs);
    expect('tables' in r && r.tables.map((t) => t.rowVariable)).toEqual(['gemeente', 'leeftijdsklasse']);
  });
});
