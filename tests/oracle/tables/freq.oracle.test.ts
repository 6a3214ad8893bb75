/** Frequencies against R tables (expected.json: freq_a, freq_a_w; code −1 there = system-missing). */
import { describe, expect, it } from 'vitest';
import { frequencies } from '../../../shared/engine/freq';
import { closeRel, loadExpected, loadFixture } from './fixture';

const ds = loadFixture();
const ex = loadExpected();

/** Our order: valid codes ascending, user-missing, system-missing — R's order maps −1 (sysmis) last. */
function rOrder(codes: number[]): number[] {
  const valid = codes.filter((c) => c !== -1 && c !== 9);
  return [...valid, ...codes.filter((c) => c === 9), ...codes.filter((c) => c === -1)];
}

describe('frequencies vs R', () => {
  it('unweighted: counts exact, missing kinds, percentages consistent', () => {
    const f = frequencies(ds, { variable: 'a' });
    const codes: number[] = ex.freq_a.codes;
    const want = rOrder(codes).map((c) => ex.freq_a.count[codes.indexOf(c)]);
    expect(f.categories.map((c) => c.count)).toEqual(want);
    expect(f.categories.map((c) => c.missingKind ?? 'valid')).toEqual(['valid', 'valid', 'valid', 'valid', 'user', 'system']);
    expect(f.categories[0].label).toBe('een');
    expect(f.categories[4].label).toBe('weet niet');
    expect(f.n).toBe(ds.rows);
    const valid = want.slice(0, 4).reduce((s, v) => s + v, 0);
    expect(f.validN).toBe(valid);
    expect(closeRel(f.categories[3].cumPercent!, 100)).toBe(true);
    expect(closeRel(f.categories[0].validPercent!, (100 * want[0]) / valid)).toBe(true);
    expect(closeRel(f.categories[0].percent!, (100 * want[0]) / ds.rows)).toBe(true);
    expect(f.categories[5].validPercent).toBeNull();
  });

  it('weighted by w: Σw per category, zero/missing weights excluded and counted', () => {
    const f = frequencies(ds, { variable: 'a', weight: { variable: 'w', type: 'frequency' } });
    const codes: number[] = ex.freq_a_w.codes;
    const order = rOrder(codes);
    expect(f.categories.map((c) => c.count)).toEqual(order.map((c) => ex.freq_a_w.count[codes.indexOf(c)]));
    f.categories.forEach((c, i) => expect(closeRel(c.weighted, ex.freq_a_w.weighted[codes.indexOf(order[i])])).toBe(true));
    expect(f.weightInfo?.excluded).toBe(9);
    expect(f.weight).toBe('w');
  });
});
