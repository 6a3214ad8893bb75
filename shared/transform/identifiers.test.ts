/**
 * Identifiers may not be read by a filter, a recode or a computed variable, directly or through a
 * variable derived from one; the rule set `none` checks nothing.
 */
import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../disclosure/rules';
import { ExprError } from './expr/ast';
import { parseExpr } from './expr/parse';
import { assertNoIdentifierInExpr, identifierBehind } from './identifiers';
import { applyCompute, applyRecode } from './recode';
import { makeDataset } from './testing';

const rs = defaultRuleSet('cbs-persons');
const ds = makeDataset([
  { name: 'respnr', values: [100001, 100002, 100003], role: 'id' },
  { name: 'leeftijd', values: [30, 40, 50] },
  { name: 'RINPERSOONS', values: [1, 2, 3] },
  { name: 'q1', values: [1, 2, 3] },
  { name: 'q2', values: [1, 2, 3], role: 'key' },
  { name: 'q3', values: [1, 2, 3] },
]);

function refusal(f: () => unknown): ExprError {
  try {
    f();
  } catch (e) {
    if (e instanceof ExprError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('identifiers in expressions', () => {
  it('refuses a filter on a variable with role id, naming it and pointing at it', () => {
    const e = refusal(() => assertNoIdentifierInExpr(parseExpr('leeftijd > 18 and respnr = 100003'), ds, rs));
    expect(e.position).toBe(18);
    expect(e.detail).toEqual({ code: 'expr-identifier', variable: 'respnr', identifier: 'respnr', why: 'role', detail: 'id' });
    expect(e.message).toMatch(/^respnr is marked as identifier \(role id\)/);
  });

  it('refuses a linking key by name, and a key inside a `to` range', () => {
    expect(refusal(() => assertNoIdentifierInExpr(parseExpr('rinpersoons > 1'), ds, rs)).detail).toMatchObject({
      variable: 'RINPERSOONS',
      why: 'key',
      detail: 'RINPERSOON',
    });
    expect(refusal(() => assertNoIdentifierInExpr(parseExpr('sum(q1 to q3) > 2'), ds, rs)).detail).toMatchObject({ variable: 'q2', detail: 'key' });
  });

  it('allows ordinary variables, and everything under the rule set none', () => {
    expect(() => assertNoIdentifierInExpr(parseExpr('leeftijd > 18 and q1 = 2'), ds, rs)).not.toThrow();
    expect(() => assertNoIdentifierInExpr(parseExpr('respnr = 100003'), ds, defaultRuleSet('none'))).not.toThrow();
  });

  it('refuses to compute or recode from an identifier', () => {
    const c = refusal(() => applyCompute(ds, { target: 'd', expression: 'leeftijd + 1000 * (respnr = 100003)' }, rs));
    expect(c.detail).toMatchObject({ code: 'expr-identifier', variable: 'respnr' });
    expect(c.position).toBe(19);
    const r = refusal(() => applyRecode(ds, { source: 'respnr', target: 'r', rules: [{ from: 'else', to: 1 }] }, rs));
    expect(r.detail).toMatchObject({ variable: 'respnr' });
    // Without rules (the rule set none) the old behaviour stands.
    expect(applyCompute(ds, { target: 'd', expression: 'respnr - 100000' }, defaultRuleSet('none')).variables.at(-1)!.name).toBe('d');
  });

  it('follows derived variables to the identifier they were made from, at any depth', () => {
    // Made while the rules were off (or before this check existed): still refused once they are on.
    const d1 = applyCompute(ds, { target: 'd', expression: 'respnr - 100000' });
    const d2 = applyRecode(d1, { source: 'd', target: 'dgroep', rules: [{ from: { hi: 2 }, to: 1 }] });
    expect(identifierBehind(d2, 'dgroep', rs)).toEqual({ identifier: 'respnr', why: 'role', detail: 'id', via: 'dgroep' });
    const e = refusal(() => assertNoIdentifierInExpr(parseExpr('leeftijd > 1 and dgroep = 1'), d2, rs));
    expect(e.detail).toEqual({ code: 'expr-identifier', variable: 'dgroep', identifier: 'respnr', why: 'role', detail: 'id' });
    expect(e.message).toMatch(/^dgroep is derived from respnr, which is marked as identifier/);
    expect(identifierBehind(d2, 'leeftijd', rs)).toBeNull();
  });
});
