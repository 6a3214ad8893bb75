/**
 * What a table may read, on the one route every published table takes (runTableGroup: screen,
 * exports, the tabellenboek, charts): no identifier in the filter, no weight that is not a weight
 * variable, and a question derived from an identifier is a blocked table like the identifier itself.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../resources/demo/generate';
import { runTableGroup } from '../analysis/table-group';
import { tableQuery } from '../query/table-query';
import { applyRecode } from '../transform/recode';
import { ExprError } from '../transform/expr/ast';
import { InputRuleError } from './inputs';
import { defaultRuleSet } from './rules';

const rs = defaultRuleSet('cbs-persons');
// A grouping of the person number made without rules (or before this check): still an identifier.
const demo = applyRecode(generateDemo(), {
  source: 'respnr',
  target: 'nrgroep',
  rules: [
    { from: { hi: 100500 }, to: 1 },
    { from: 'else', to: 2 },
  ],
});
const query = (extra: object) => tableQuery.parse({ dataset: 'demo', rows: ['gemeente'], banner: { items: [{ variable: 'geslacht' }] }, ...extra });

describe('inputs of a table group', () => {
  it('refuses a filter on the person number', () => {
    expect(() => runTableGroup(demo, query({ filter: 'respnr != 100003' }), { ruleSet: rs })).toThrow(ExprError);
  });

  it('refuses a weight that is not a weight variable, and takes the one that is', () => {
    expect(() => runTableGroup(demo, query({ weight: { variable: 'leeftijd', type: 'frequency' } }), { ruleSet: rs })).toThrow(InputRuleError);
    expect(runTableGroup(demo, query({ weight: { variable: 'gewicht', type: 'sampling' } }), { ruleSet: rs }).tables[0].status).not.toBe('blocked');
  });

  it('blocks a question derived from an identifier, and the group when it is in the banner', () => {
    const g = runTableGroup(demo, query({ rows: ['nrgroep', 'gemeente'] }), { ruleSet: rs });
    expect(g.tables[0]).toMatchObject({
      status: 'blocked',
      messages: [{ code: 'derived-identifier', variable: 'nrgroep', identifier: 'respnr' }, { code: 'identifiers-not-exported' }],
    });
    expect(g.tables[1].status).not.toBe('blocked');
    const b = runTableGroup(demo, query({ banner: { items: [{ variable: 'nrgroep' }] } }), { ruleSet: rs });
    expect(b.tables.every((t) => t.status === 'blocked')).toBe(true);
  });

  it('checks none of this under the rule set none', () => {
    expect(() =>
      runTableGroup(demo, query({ filter: 'respnr != 100003', weight: { variable: 'leeftijd', type: 'frequency' } }), { ruleSet: defaultRuleSet('none') }),
    ).not.toThrow();
  });
});
