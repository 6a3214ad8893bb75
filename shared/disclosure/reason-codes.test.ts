/**
 * Every output-rule result carries its reasons twice: as the legacy texts (`reasons`, the CLI JSON
 * contract) and as codes (`messages`). They must stay in step, entry by entry, on real tables.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../resources/demo/generate';
import { runTableGroup } from '../analysis/table-group';
import { tableQuery } from '../query/table-query';
import { runLayeredCrosstab } from '../analysis/run-layers';
import { runRegress } from '../analysis/run-models';
import { runCrosstab, runFreq } from '../analysis/run-tables';
import { legacyText, renderMessage } from '../i18n/messages';
import type { DisclosureSummary } from '../model/results';
import { defaultRuleSet } from './rules';

const demo = generateDemo();
const rs = defaultRuleSet('cbs-persons');

function inStep(rules: DisclosureSummary | undefined): void {
  expect(rules).toBeDefined();
  const r = rules!;
  expect(r.reasons.length).toBeGreaterThan(0);
  expect(r.messages?.map(legacyText)).toEqual(r.reasons);
  for (const m of r.messages!) {
    expect(m.code).not.toBe('text');
    expect(renderMessage(m, 'nl')).not.toMatch(/cell\(s\)|suppressed|based on|further|withheld/);
  }
}

describe('reason codes beside the reason texts', () => {
  it('crosstab with small cells and chi-square withheld', () => {
    const t = runCrosstab(demo, { row: 'gemeente', col: 'leeftijdsklasse', filter: 'golf = 2025 and geslacht = 1' }, rs);
    expect(t.rules.status).toBe('suppressed');
    inStep(t.rules);
    expect(t.rules.messages!.map((m) => m.code)).toEqual(expect.arrayContaining(['primary-cells', 'secondary-cells', 'chi2-withheld']));
  });

  it('banner, frequency table and a blocked small table', () => {
    const query = tableQuery.parse({ dataset: 'demo', rows: ['leefbaarheid'], banner: { items: [{ variable: 'gemeente' }] }, weight: { variable: 'gewicht' } });
    const b = runTableGroup(demo, query, { ruleSet: rs }).tables[0].result!;
    inStep(b.rules);
    expect(b.rules.messages!.map((m) => m.code)).toContain('primary-banner');
    const f = runFreq(demo, { variable: 'leefbaarheid', filter: 'gemeente = 2 and golf = 2025' }, rs);
    inStep(f.rules);
    const small = runCrosstab(demo, { row: 'gemeente', col: 'geslacht', filter: 'gemeente = 6 and leeftijdsklasse = 1 and golf = 2025' }, rs);
    expect(small.rules.status).toBe('blocked');
    inStep(small.rules);
    expect(renderMessage(small.rules.messages![0], 'nl')).toMatch(/^tabel gebaseerd op \d waarnemingen?, minder dan 10$/);
  });

  it('layered crosstab: reasons scoped by layer', () => {
    const r = runLayeredCrosstab(demo, { row: 'gemeente', col: 'leeftijdsklasse', layers: ['geslacht'], filter: 'golf = 2025' }, rs);
    inStep(r.rules);
    expect(r.rules!.messages!.every((m) => typeof m.scope === 'string')).toBe(true);
  });

  it('regression blocked by a small category: the model checks keep their Dutch legacy text', () => {
    const req = {
      dependent: 'leefbaarheid',
      predictors: [],
      categorical: [{ variable: 'gemeente' }],
      model: 'ols' as const,
      se: 'classical' as const,
      filter: 'golf = 2025 and leeftijd < 25',
    };
    const r = runRegress(demo, req, rs);
    expect(r.rules!.status).toBe('blocked');
    inStep(r.rules);
    const small = r.rules!.messages!.find((m) => m.code === 'model-category')!;
    expect(r.rules!.reasons).toContain(legacyText(small));
    expect(legacyText(small)).toMatch(/^gemeente: categorie \d+ "[^"]+" telt \d+ waarnemingen?, minder dan 10$/);
    expect(renderMessage(small, 'en')).toMatch(/^gemeente: category \d+ "[^"]+" has \d+ observation\(s\), fewer than 10$/);
  });
});
