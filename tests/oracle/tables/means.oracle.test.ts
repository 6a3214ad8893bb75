/** Means by group vs R (expected-means.json from make-means.R: formulas, svymean/svyvar/confint, HAVERAGE). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { means } from '../../../shared/engine/means';
import { closeRel, loadFixture } from './fixture';

const ds = loadFixture();
const ex = JSON.parse(readFileSync(join(__dirname, 'expected-means.json'), 'utf8'));
const FIELDS = ['mean', 'sd', 'se', 'ciLow', 'ciHigh', 'median', 'sumW'] as const;

describe.each([
  ['unweighted', undefined],
  ['frequency_fw', { variable: 'fw', type: 'frequency' as const }],
  ['sampling_w', { variable: 'w', type: 'sampling' as const }],
])('means of y by b, %s', (key, weight) => {
  const r = means(ds, { variable: 'y', by: 'b', weight });
  it('groups: Totaal then b = 1, 2, 3, with R’s numbers', () => {
    expect(r.groups.map((g) => g.code)).toEqual([null, 1, 2, 3]);
    r.groups.forEach((g, k) => {
      const want = ex[key][k];
      expect(g.n).toBe(want.n);
      for (const f of FIELDS) if (!closeRel(g[f]!, want[f])) expect([f, g[f]]).toEqual([f, want[f]]);
    });
  });
});

describe('PSPP EXAMINE agrees at the 2 decimals it prints (means-pspp.csv)', () => {
  it('median, mean and SE with frequency weight fw', () => {
    const txt = readFileSync(join(__dirname, 'means-pspp.csv'), 'utf8');
    const grab = (label: string) => [...txt.matchAll(new RegExp(`,${label},,(-?[\\d.]+),?([\\d.]*)`, 'g'))].map((m) => [Number(m[1]), Number(m[2])]);
    const r = means(ds, { variable: 'y', by: 'b', weight: { variable: 'fw', type: 'frequency' } });
    const medians = grab('Median').map((m) => m[0]);
    const meanRows = grab('Mean');
    expect(medians.length).toBe(4);
    r.groups.forEach((g, k) => {
      expect(g.median!.toFixed(2)).toBe(medians[k].toFixed(2));
      expect(g.mean!.toFixed(2)).toBe(meanRows[k][0].toFixed(2));
      expect(g.se!.toFixed(2)).toBe(meanRows[k][1].toFixed(2));
    });
  });
});
