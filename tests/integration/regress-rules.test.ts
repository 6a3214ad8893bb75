/**
 * `duiding regress` under cbs-persons on the demo data: a model whose categorical predictor has a
 * category (or reference) with fewer than 10 units in the estimation sample, or a logit model with
 * fewer than 10 cases in one outcome value, is blocked — the JSON keeps the docs/cli.md shape (model,
 * n, df, coefficients — now empty) and says why in `rules.reasons`, naming variable and category.
 * The expected counts are recounted here from the demo columns with a plain loop, not by the code
 * under test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/handlers/index';
import { AppSession } from '../../electron/backend/session';
import { ensureDemoProject } from '../../electron/startup/demo-project';
import { cli } from './run-cli';
import { generateDemo } from '../../resources/demo/generate';
import { type Dataset, findVariable, isUserMissing, numericAt } from '../../shared/model/dataset';

async function regress(...argv: string[]): Promise<{ code: number; json: any; err: string }> {
  const r = await cli('regress', 'demo', ...argv, '--json');
  return { code: r.code, json: r.out ? JSON.parse(r.out) : null, err: r.err };
}

const demo: Dataset = generateDemo();
/** Valid value of `name` in row i, or NaN (system- or user-missing). */
function value(name: string, i: number): number {
  const k = findVariable(demo, name);
  const col = demo.columns[k];
  if (col.kind !== 'numeric') throw new Error(name);
  const v = numericAt(col, i);
  return v !== v || isUserMissing(demo.variables[k].missing, v) ? NaN : v;
}
function count(pred: (i: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < demo.rows; i++) if (pred(i)) n++;
  return n;
}

const FILTER = 'golf = 2025 and opleiding = 3 and leeftijd >= 50';
const inSample = (i: number) =>
  value('golf', i) === 2025 &&
  value('opleiding', i) === 3 &&
  value('leeftijd', i) >= 50 &&
  !Number.isNaN(value('leefbaarheid', i)) &&
  !Number.isNaN(value('gemeente', i));
const PEKELA = 6;

describe('duiding regress: categories and outcomes below the minimum count', () => {
  it('blocks an OLS model whose dummy for Pekela rests on fewer than 10 persons', async () => {
    const pekela = count((i) => inSample(i) && value('gemeente', i) === PEKELA);
    expect(pekela).toBeGreaterThan(0);
    expect(pekela).toBeLessThan(10);
    const r = await regress('--dep', 'leefbaarheid', '--indep', 'leeftijd', '--categorical', 'gemeente:2', '--filter', FILTER);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.json).toMatchObject({ model: 'ols', n: count(inSample), coefficients: [], rules: { ruleSet: 'cbs-persons', status: 'blocked' } });
    expect(typeof r.json.df).toBe('number');
    // Residual df alone would have let it through.
    expect(r.json.df).toBeGreaterThan(1000);
    expect(r.json.r2).toBeUndefined();
    expect(r.json.rules.reasons).toEqual([`gemeente: categorie 6 "Pekela" telt ${pekela} waarnemingen, minder dan 10`]);
  });

  it('blocks a small reference category too, and publishes the same model under --rules none', async () => {
    const ref = await regress('--dep', 'leefbaarheid', '--indep', 'leeftijd', '--categorical', `gemeente:${PEKELA}`, '--filter', FILTER);
    expect(ref.json.rules.reasons[0]).toMatch(/^gemeente: referentiecategorie 6 "Pekela" telt \d waarnemingen/);
    const open = await regress(
      '--dep',
      'leefbaarheid',
      '--indep',
      'leeftijd',
      '--categorical',
      'gemeente:2',
      '--filter',
      FILTER,
      '--rules',
      'none',
      '--reason',
      'vergelijking met de R-referentie',
    );
    expect(open.json.rules.status).toBe('unchecked');
    expect(open.json.coefficients.map((c: { term: string }) => c.term)).toContain('gemeente=6');
  });

  it('publishes the model once the small category is left out by the filter', async () => {
    const r = await regress('--dep', 'leefbaarheid', '--indep', 'leeftijd', '--categorical', 'gemeente:2', '--filter', `${FILTER} and gemeente <> 6`);
    expect(r.json.rules).toMatchObject({ status: 'safe', reasons: [] });
    expect(r.json.coefficients.length).toBeGreaterThan(2);
  });

  it('blocks a logit model with fewer than 10 cases in one outcome value', async () => {
    const f = 'gemeente = 6 and golf = 2025';
    const sample = (i: number) => value('gemeente', i) === 6 && value('golf', i) === 2025 && !Number.isNaN(value('leeftijd', i));
    const yes = count((i) => sample(i) && value('isolatie_geen', i) === 1);
    expect(yes).toBeLessThan(10);
    expect(count((i) => sample(i) && value('isolatie_geen', i) === 0)).toBeGreaterThanOrEqual(10);
    const r = await regress('--dep', 'isolatie_geen', '--indep', 'leeftijd', '--model', 'logit', '--filter', f);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ model: 'logit', coefficients: [], rules: { status: 'blocked' } });
    expect(r.json.neg2LL).toBeUndefined();
    expect(r.json.rules.reasons).toEqual([`isolatie_geen: uitkomst 1 "Genoemd" telt ${yes} waarnemingen, minder dan 10`]);
  });
});

describe('duiding regress: a dummy the user coded', () => {
  it('blocks an OLS model whose 0/1 predictor has fewer than 10 cases in one value', async () => {
    const f = 'gemeente = 6 and golf = 2025';
    const sample = (i: number) =>
      value('gemeente', i) === 6 && value('golf', i) === 2025 && !Number.isNaN(value('leefbaarheid', i)) && !Number.isNaN(value('isolatie_geen', i));
    const yes = count((i) => sample(i) && value('isolatie_geen', i) === 1);
    expect(yes).toBeLessThan(10);
    const r = await regress('--dep', 'leefbaarheid', '--indep', 'isolatie_geen', '--filter', f);
    expect(r.json).toMatchObject({ model: 'ols', n: count(sample), coefficients: [], rules: { status: 'blocked' } });
    expect(r.json.rules.reasons).toEqual([`isolatie_geen: waarde 1 "Genoemd" telt ${yes} waarnemingen, minder dan 10`]);
  });
});

describe("the app's regression call", () => {
  it('blocks the same model with the same reason as the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-regress-rules-'));
    const session = new AppSession(dir);
    session.open(ensureDemoProject(dir));
    const req = { dataset: 'demo', dependent: 'leefbaarheid', predictors: ['leeftijd'], categorical: [{ variable: 'gemeente', ref: 2 }], filter: FILTER };
    const out = await dispatch(handlers, 'analysis.regress', req, { session, emit: () => undefined });
    expect(out.ok).toBe(true);
    const viaCli = await regress('--dep', 'leefbaarheid', '--indep', 'leeftijd', '--categorical', 'gemeente:2', '--filter', FILTER);
    if (out.ok) {
      const r = out.result as { coefficients: unknown[]; rules: { status: string; reasons: string[] } };
      expect(r.coefficients).toEqual([]);
      expect(r.rules.status).toBe('blocked');
      expect(r.rules.reasons).toEqual(viaCli.json.rules.reasons);
    }
  });
});
