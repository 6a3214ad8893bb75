import { describe, expect, it } from 'vitest';
import { bannerFrom } from '../../tests/disclosure/fixtures';
import { applyRulesToBanner } from '../../shared/disclosure/apply/one-banner';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { overrideLegend, overrideTarget, releasableCells } from './override-target';

describe('override dialog helpers', () => {
  it('turns the banner request into the table specification the backend records', () => {
    const req = {
      dataset: 'demo',
      rows: ['gemeente', 'geslacht'],
      columns: { items: [{ variable: 'leeftijdsklasse' }] },
      filter: ' golf = 2025 ',
      weight: { variable: 'gewicht' },
    };
    expect(overrideTarget(req, 'geslacht')).toEqual({
      dataset: 'demo',
      row: 'geslacht',
      columns: { total: true, items: [{ variable: 'leeftijdsklasse' }] },
      weight: { variable: 'gewicht', type: 'sampling' },
      filter: 'golf = 2025',
    });
    expect(overrideTarget({ ...req, filter: '  ', weight: undefined }, 'gemeente')).toMatchObject({ filter: null, weight: null });
  });

  it('offers only primary-suppressed cells, and none of a blocked table', () => {
    const out = applyRulesToBanner(
      bannerFrom([
        [
          [3, 20, 25],
          [15, 18, 30],
          [22, 26, 40],
        ],
      ]),
      defaultRuleSet('cbs-persons'),
    );
    expect(out.cells.flat().some((c) => c.suppression === 'secondary')).toBe(true);
    expect(releasableCells(out)).toEqual([{ row: 1, col: 'Gemeente=1', rowLabel: 'A1', colLabel: 'Gemeente 1' }]);
    expect(releasableCells({ ...out, rules: { ...out.rules, status: 'blocked' } })).toEqual([]);
  });

  it('gives one legend line per applied override', () => {
    const out = applyRulesToBanner(
      bannerFrom([
        [
          [3, 20],
          [15, 18],
        ],
      ]),
      defaultRuleSet('cbs-persons'),
    );
    expect(overrideLegend(out)).toEqual([]);
    const cells = [{ row: 1, col: 'Gemeente=1', rowLabel: 'A1', colLabel: 'Gemeente 1', count: 3 }];
    const withOverride = { ...out, rules: { ...out.rules, overrides: [{ id: 4, reason: 'Afgestemd met CBS', createdAt: '2026-11-25T10:00:00Z', cells }] } };
    expect(overrideLegend(withOverride)).toEqual([{ id: 4, reason: 'Afgestemd met CBS', date: '2026-11-25' }]);
  });
});
