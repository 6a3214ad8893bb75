/**
 * A design-based logit on NHANES (make.R: R survey's svyglm) under cbs-persons: published, because
 * the residual-df rule counts observations minus parameters (7,846 − 8), not the design's df (9),
 * which only sets the t tests. Its estimates match R.
 */
import { describe, expect, it } from 'vitest';
import { runRegress } from '../../../../shared/analysis/run-models';
import { defaultRuleSet } from '../../../../shared/disclosure/rules';
import { loadCsvDataset } from '../load-fixture';
import expected from './expected.json';

const ds = loadCsvDataset(new URL('./nhanes.csv', import.meta.url).pathname);
ds.variables.find((v) => v.name === 'WTMEC2YR')!.role = 'weight';

describe('NHANES logit under cbs-persons', () => {
  const r = runRegress(
    ds,
    {
      dependent: 'HI_CHOL',
      predictors: ['RIAGENDR'],
      categorical: [{ variable: 'race' }, { variable: 'agecat' }],
      model: 'logit',
      weight: { variable: 'WTMEC2YR', type: 'sampling' },
      design: { strata: 'SDMVSTRA', cluster: 'SDMVPSU' },
      se: 'classical',
    },
    defaultRuleSet('cbs-persons'),
  );

  it('is published: design df 9 for the tests, 7,838 residual df for the rules', () => {
    expect(r.rules).toMatchObject({ status: 'safe', reasons: [] });
    expect(r.n).toBe(expected.n);
    expect(r.df).toBe(expected.df);
    expect(r).not.toHaveProperty('diagnostics');
  });

  it('matches svyglm', () => {
    const terms = r.coefficients.map((c) => c.term);
    expect([...terms].sort()).toEqual([...expected.coefficients.term].sort());
    expected.coefficients.term.forEach((t, j) => {
      const c = r.coefficients.find((x) => x.term === t)!;
      expect(Math.abs(c.b - expected.coefficients.b[j])).toBeLessThan(1e-7);
      expect(Math.abs(c.se - expected.coefficients.se[j]) / expected.coefficients.se[j]).toBeLessThan(1e-6);
    });
  });
});
