/**
 * `loosens()`: every way of changing a rule set, one row each, so that a change which publishes more
 * than before always needs a written reason, and a tightening never does. A field added to the rule
 * set fails the completeness check below until it has its rows here.
 */
import { describe, expect, it } from 'vitest';
import { defaultRuleSet, loosens, ruleSetSchema, type RuleSet } from './rules';

const persons = defaultRuleSet('cbs-persons');
const business = defaultRuleSet('cbs-business');

/** [what changes, field, from, the change, does it publish more?] */
const CASES: [string, keyof RuleSet, RuleSet, (r: RuleSet) => RuleSet, boolean][] = [
  ['to the none rule set', 'name', persons, (r) => ({ ...r, name: 'none' }), true],
  ['from none to cbs-persons', 'name', { ...persons, name: 'none' }, (r) => ({ ...r, name: 'cbs-persons' }), false],
  ['a lower minimum count', 'minCount', persons, (r) => ({ ...r, minCount: 5 }), true],
  ['a higher minimum count', 'minCount', persons, (r) => ({ ...r, minCount: 15 }), false],
  ['fewer residual degrees of freedom', 'minDf', persons, (r) => ({ ...r, minDf: 5 }), true],
  ['more residual degrees of freedom', 'minDf', persons, (r) => ({ ...r, minDf: 20 }), false],
  ['a higher leverage ceiling', 'maxLeverage', persons, (r) => ({ ...r, maxLeverage: 0.8 }), true],
  ['a lower leverage ceiling', 'maxLeverage', persons, (r) => ({ ...r, maxLeverage: 0.3 }), false],
  ['a linking key dropped', 'linkingKeys', persons, (r) => ({ ...r, linkingKeys: r.linkingKeys.filter((k) => k !== 'RINPERSOON') }), true],
  ['a linking key added', 'linkingKeys', persons, (r) => ({ ...r, linkingKeys: [...r.linkingKeys, 'POSTCODE'] }), false],
  ['linking keys in another case', 'linkingKeys', persons, (r) => ({ ...r, linkingKeys: r.linkingKeys.map((k) => k.toLowerCase()) }), false],
  ['dominance dropped', 'dominance', business, ({ dominance: _d, ...r }) => r, true],
  ['dominance with a higher share k', 'dominance', business, (r) => ({ ...r, dominance: { n: 2, k: 85 } }), true],
  ['dominance over fewer contributors n', 'dominance', business, (r) => ({ ...r, dominance: { n: 1, k: 75 } }), true],
  ['dominance stricter (lower k, more n)', 'dominance', business, (r) => ({ ...r, dominance: { n: 3, k: 60 } }), false],
  ['dominance added', 'dominance', persons, (r) => ({ ...r, dominance: { n: 2, k: 75 } }), false],
  ['the p% rule dropped', 'pPercent', business, ({ pPercent: _p, ...r }) => r, true],
  ['a lower p%', 'pPercent', business, (r) => ({ ...r, pPercent: 5 }), true],
  ['a higher p%', 'pPercent', business, (r) => ({ ...r, pPercent: 15 }), false],
  ['another suppression symbol', 'symbol', persons, (r) => ({ ...r, symbol: '*' }), false],
  ['a smaller absolute margin', 'protectionMargin', persons, (r) => ({ ...r, protectionMargin: { ...r.protectionMargin, absolute: 2 } }), true],
  ['a smaller relative margin', 'protectionMargin', persons, (r) => ({ ...r, protectionMargin: { ...r.protectionMargin, relative: 0.1 } }), true],
  ['wider margins', 'protectionMargin', persons, (r) => ({ ...r, protectionMargin: { absolute: 8, relative: 0.5 } }), false],
  ['small bases no longer suppressed', 'suppressSmallBase', persons, (r) => ({ ...r, suppressSmallBase: false }), true],
  ['small bases suppressed again', 'suppressSmallBase', { ...persons, suppressSmallBase: false }, (r) => ({ ...r, suppressSmallBase: true }), false],
];

describe('loosens', () => {
  it.each(CASES.map(([what, , from, change, looser]) => [what, from, change, looser] as const))('%s', (_what, from, change, looser) => {
    const next = change(structuredClone(from));
    expect(ruleSetSchema.safeParse(next).success, 'the changed rule set is a valid one').toBe(true);
    expect(loosens(from, next)).toBe(looser);
  });

  it('no change loosens nothing, for every built-in set', () => {
    for (const name of ['cbs-persons', 'cbs-business', 'none'] as const) expect(loosens(defaultRuleSet(name), defaultRuleSet(name))).toBe(false);
  });

  it('every field of a rule set has its rows above, one that loosens wherever a field can', () => {
    const fields = Object.keys(ruleSetSchema.shape).sort();
    expect([...new Set(CASES.map((c) => c[1]))].sort()).toEqual(fields);
    const cosmetic = new Set<keyof RuleSet>(['symbol']);
    for (const f of fields as (keyof RuleSet)[]) {
      if (!cosmetic.has(f))
        expect(
          CASES.some((c) => c[1] === f && c[4]),
          `${f}: a row where it loosens`,
        ).toBe(true);
    }
  });
});
