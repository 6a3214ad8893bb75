import { describe, expect, it } from 'vitest';
import type { BannerColumn } from '../../model/results';
import { percentagesShown, withheldCell } from './banner-cells';

const col = (key: string, group: string, total = false): BannerColumn => ({
  key,
  path: total ? [] : [{ variable: group, code: key, label: key }],
  label: key,
  group: total ? 'Totaal' : group,
  letter: '',
});

describe('percentagesShown', () => {
  const withTotal = [col('total', '', true), col('a1', 'A'), col('a2', 'A'), col('b1', 'B'), col('b2', 'B')];

  it('shows row percentages when the row total is known from a published Totaal cell', () => {
    const hidden = new Set(['0:1', '0:2']); // row 0: both A cells withheld, Totaal published
    const s = percentagesShown(
      withTotal,
      2,
      (i, k) => hidden.has(`${i}:${k}`),
      () => false,
    );
    expect(s.row(0, 1)).toBe(false); // withheld cell itself
    expect(s.row(0, 3)).toBe(true);
    expect(s.row(1, 1)).toBe(true);
  });

  it('withholds row percentages of a group row when Totaal is withheld there and a group cell is too', () => {
    const hidden = new Set(['0:0', '0:1', '0:2']);
    const s = percentagesShown(
      withTotal,
      1,
      (i, k) => hidden.has(`${i}:${k}`),
      () => false,
    );
    // Group B is fully published: its row total is the sum of what is shown.
    expect(s.row(0, 3)).toBe(true);
    expect(s.row(0, 4)).toBe(true);
    // Group A: nothing published to derive; but no published cell there anyway.
    const hidden2 = new Set(['0:0', '0:1']);
    const s2 = percentagesShown(
      withTotal,
      1,
      (i, k) => hidden2.has(`${i}:${k}`),
      () => false,
    );
    expect(s2.row(0, 2)).toBe(false); // would reveal A's row total, hence the withheld a1 cell
    expect(s2.row(0, 3)).toBe(true);
  });

  it('without a Totaal column a group row with a withheld cell shows no row percentages', () => {
    const cols = withTotal.slice(1);
    const s = percentagesShown(
      cols,
      1,
      (i, k) => k === 0,
      () => false,
    );
    expect(s.row(0, 1)).toBe(false);
    expect(s.row(0, 2)).toBe(true);
  });

  it('total percentages need the group total: the Totaal base, or all of the group bases', () => {
    const s = percentagesShown(
      withTotal,
      1,
      () => false,
      (k) => k === 0 || k === 1,
    );
    expect(s.total(2)).toBe(false);
    expect(s.total(3)).toBe(true);
    const t = percentagesShown(
      withTotal,
      1,
      () => false,
      (k) => k === 1,
    );
    expect(t.total(2)).toBe(true);
  });
});

describe('withheldCell', () => {
  it('nulls every value, percentages included', () => {
    const c = withheldCell({ count: 3, weighted: 2.5, pct: 4, rowPct: 10, totalPct: 1, sig: 'A', suppressed: false }, 'primary');
    expect(c).toEqual({ count: null, weighted: null, pct: null, rowPct: null, totalPct: null, sig: '', suppressed: true, suppression: 'primary' });
  });
});
