import { describe, expect, it } from 'vitest';
import { overrideKey, overrideSchema } from './override';

describe('override requests', () => {
  const ok = {
    target: { dataset: 'demo', row: 'gemeente', columns: { total: true, items: [{ variable: 'leeftijdsklasse' }] }, weight: null, filter: 'golf = 2025' },
    cells: [{ row: 6, col: 'leeftijdsklasse=1' }],
    reason: 'Afgestemd met CBS-outputcontrole',
  };

  it('accepts a reasoned override', () => {
    expect(overrideSchema.safeParse(ok).success).toBe(true);
  });

  it('rejects a missing or too short reason (after trimming) and an empty cell list', () => {
    expect(overrideSchema.safeParse({ ...ok, reason: '' }).success).toBe(false);
    expect(overrideSchema.safeParse({ ...ok, reason: '   kort    ' }).success).toBe(false);
    expect(overrideSchema.safeParse({ ...ok, reason: '  123456789  ' }).success).toBe(false);
    expect(overrideSchema.safeParse({ ...ok, cells: [] }).success).toBe(false);
  });

  it('keys a table by dataset, rows, columns, weight and rule set — not by filter text or statistics', () => {
    const id = { dataset: 'demo', row: 'gemeente', columns: ok.target.columns, weight: null, ruleSet: { name: 'cbs-persons', minCount: 10 } };
    const key = overrideKey(id);
    expect(overrideKey({ ...id })).toBe(key);
    expect(overrideKey({ ...id, dataset: 'golf2024' })).not.toBe(key);
    expect(overrideKey({ ...id, columns: { total: false, items: ok.target.columns.items } })).not.toBe(key);
    expect(overrideKey({ ...id, columns: { total: true, items: [{ nest: ['leeftijdsklasse', 'geslacht'] }] } })).not.toBe(key);
    expect(overrideKey({ ...id, weight: { variable: 'gewicht', type: 'sampling' } })).not.toBe(key);
    expect(overrideKey({ ...id, ruleSet: { name: 'cbs-persons', minCount: 15 } })).not.toBe(key);
  });
});
