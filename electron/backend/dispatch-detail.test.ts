/** Expression and output-rule errors reach the UI with their message code, so it can say them in Dutch. */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../resources/demo/generate';
import { assertNoLinkingKeys } from '../../shared/analysis/output-rules';
import { defaultRuleSet } from '../../shared/disclosure/index';
import { renderMessage } from '../../shared/i18n/messages';
import { parseExpr } from '../../shared/transform/expr/index';
import { toFailure } from './dispatch';

function failure(run: () => unknown) {
  try {
    run();
  } catch (e) {
    const out = toFailure(e);
    if (out.ok) throw new Error('expected a failure');
    return out.body.error;
  }
  throw new Error('expected a throw');
}

describe('error details for the UI language', () => {
  it('an expression error keeps its English message and carries its code', () => {
    const err = failure(() => parseExpr('leeftijd >= '));
    expect(err.code).toBe('expression');
    expect(err.message).toBe('Expression ends too early: expected a number, string, variable or (');
    expect(err.detail).toEqual({ code: 'expr-ends-early', expected: 'operand' });
    expect(renderMessage(err.detail!, 'nl')).toBe('De expressie houdt te vroeg op: verwacht een getal, tekst, variabele of (');
  });

  it('a refused identifier keeps its English message and carries its code', () => {
    const err = failure(() => assertNoLinkingKeys(generateDemo(), ['gemeente', 'respnr'], defaultRuleSet('cbs-persons')));
    expect(err.code).toBe('output-rules');
    expect(err.message).toBe('respnr may not appear in output under cbs-persons: marked as identifier (role id)');
    expect(renderMessage(err.detail!, 'nl')).toBe('respnr mag onder cbs-persons niet in de output staan: gemarkeerd als identificatievariabele (rol id)');
  });
});

describe('a withheld chart', () => {
  it('is an output-rules refusal in the chart language, not an internal error', async () => {
    const { prepareChart } = await import('../export/chart/prepare');
    // Seven Pekela residents under 37 in 2025, picked out without the person number (filters may not read it).
    const req = { row: 'gemeente', col: 'geslacht', filter: 'golf = 2025 and gemeente = 6 and leeftijd < 37' };
    for (const [locale, head] of [
      ['nl', /^Grafiek niet getoond volgens de outputregels \(cbs-persons\): tabel gebaseerd op 7 waarnemingen/],
      ['en', /^Chart withheld by output rules \(cbs-persons\): table based on 7 units/],
    ] as const) {
      const err = failure(() => prepareChart(generateDemo(), req, { type: 'bar', locale }, defaultRuleSet('cbs-persons')));
      expect(err).toMatchObject({ code: 'output-rules', message: expect.stringMatching(head) });
    }
  });
});

describe('errors mapped by class', () => {
  it('an engine error is an analysis error with its code, said in the UI language', async () => {
    const { crosstab } = await import('../../shared/engine/crosstab');
    const ds = generateDemo();
    const err = failure(() => crosstab(ds, { row: 'gemeente', col: 'vertrouwen', filter: new Uint8Array(ds.rows) }));
    expect(err).toMatchObject({ code: 'analysis', message: 'Empty table: gemeente × vertrouwen has no valid cases' });
    expect(renderMessage(err.detail!, 'nl')).toBe('Lege tabel: gemeente × vertrouwen heeft geen geldige waarnemingen');
  });

  it('gives the status by code, 422 for what the user can correct, and 500 for anything else', async () => {
    const { HandlerError } = await import('./context');
    const { UsageError } = await import('../cli/args');
    const status = (e: unknown) => {
      const out = toFailure(e);
      return out.ok ? 0 : out.status;
    };
    expect(status(new HandlerError('not-found', 'gone'))).toBe(404);
    expect(status(new HandlerError('exists', 'there'))).toBe(409);
    expect(status(new HandlerError('reason-required', 'why?'))).toBe(422);
    expect(status(new UsageError('--var is required'))).toBe(422);
    expect(status(new TypeError('x is undefined'))).toBe(500);
    const internal = toFailure(new TypeError('x is undefined'));
    expect(!internal.ok && internal.body.error.code).toBe('internal');
  });
});
