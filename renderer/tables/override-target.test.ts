import { describe, expect, it } from 'vitest';
import { bannerFrom } from '../../tests/disclosure/fixtures';
import { applyRulesToBanner } from '../../shared/disclosure/apply/one-banner';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { buildTableModel } from '../../shared/format/table-model';
import { tableQuery } from '../../shared/query/table-query';
import { overrideTarget, releasableCells } from './override-target';

describe('override dialog helpers', () => {
  it('turns the table query into the table specification the backend records', () => {
    const req = tableQuery.parse({
      dataset: 'demo',
      rows: ['gemeente', 'geslacht'],
      banner: { items: [{ variable: 'leeftijdsklasse' }] },
      filter: ' golf = 2025 ',
      weight: { variable: 'gewicht' },
    });
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

  it('gives one note per applied override in the display model, with its reason and date', () => {
    const out = applyRulesToBanner(
      bannerFrom([
        [
          [3, 20],
          [15, 18],
        ],
      ]),
      defaultRuleSet('cbs-persons'),
    );
    const overrideNotes = (r: typeof out) =>
      buildTableModel(r, { decimals: 1, sigDisplay: 'none', language: 'nl', ruleNotes: true })
        .notes.filter((n) => n.kind === 'override')
        .map((n) => n.text);
    expect(overrideNotes(out)).toEqual([]);
    const cells = [{ row: 1, col: 'Gemeente=1', rowLabel: 'A1', colLabel: 'Gemeente 1', count: 3 }];
    const withOverride = { ...out, rules: { ...out.rules, overrides: [{ id: 4, reason: 'Afgestemd met CBS', createdAt: '2026-11-25T10:00:00Z', cells }] } };
    expect(overrideNotes(withOverride)).toEqual(['† = vrijgegeven ondanks de outputregels: Afgestemd met CBS (2026-11-25)']);
  });
});
