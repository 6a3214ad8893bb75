/** The project's output rules through the contract: editable, audited, and loosening needs a reason. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/handlers/index';
import { AppSession } from '../../electron/backend/session';
import type { AppContext } from '../../electron/backend/types';
import { ensureDemoProject } from '../../electron/startup/demo-project';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-rules-'));
  const session = new AppSession(dir);
  session.open(ensureDemoProject(dir));
  const ctx: AppContext = { session, emit: () => undefined };
  const call = async (name: string, args: unknown) => {
    const out = await dispatch(handlers, name, args, ctx);
    if (!out.ok) throw new Error(out.body.error.message);
    return out.result as any;
  };
  return { session, call };
}

const table = { dataset: 'demo', row: 'gemeente', col: 'leeftijdsklasse', filter: 'golf = 2025' };

describe('output rules per project', () => {
  it('starts at cbs-persons and uses the project setting for every table', async () => {
    const { call } = setup();
    expect((await call('rules.get', {})).name).toBe('cbs-persons');
    const strict = await call('analysis.crosstab', table);
    expect(strict.rules.status).toBe('suppressed');
    const rs = await call('rules.get', {});
    await call('rules.set', { ruleSet: { ...rs, minCount: 3 }, reason: 'Afgesproken met CBS voor deze tabelset' });
    const loose = await call('analysis.crosstab', table);
    expect(loose.rules.primary).toBeLessThan(strict.rules.primary);
  });

  it('refuses to loosen without a reason, and logs the reason when given', async () => {
    const { call, session } = setup();
    await expect(call('rules.reset', { name: 'none' })).rejects.toThrow(/reason/);
    await expect(call('rules.set', { ruleSet: { ...(await call('rules.get', {})), minCount: 5 }, reason: 'kort' })).rejects.toThrow(/reason/);
    await call('rules.reset', { name: 'none', reason: 'Niet-gevoelige open data van de gemeente' });
    const entry = session
      .store()
      .auditEntries()
      .find((e) => e.action === 'setting.update');
    expect(entry?.detail).toMatchObject({ key: 'ruleSet', reason: 'Niet-gevoelige open data van de gemeente', to: { name: 'none' } });
    // Tightening again needs no reason.
    await call('rules.reset', { name: 'cbs-persons' });
    expect((await call('rules.get', {})).name).toBe('cbs-persons');
  });

  it('keeps confidential dominance parameters out of the audit log', async () => {
    const { call, session } = setup();
    const business = { ...(await call('rules.get', {})), name: 'cbs-business', dominance: { n: 3, k: 71 }, pPercent: 13 };
    await call('rules.set', { ruleSet: business });
    expect(JSON.stringify(session.store().auditEntries())).not.toMatch(/"k":71|dominance|pPercent/);
    expect((await call('rules.get', {})).dominance).toEqual({ n: 3, k: 71 });
  });
});
