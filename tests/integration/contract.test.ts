/** Every call in the contract has a handler, and every handler answers a call of the contract. */
import { describe, expect, it } from 'vitest';
import { callNames, contract } from '../../shared/api';
import { handlers } from '../../electron/handlers/index';

describe('contract and handlers', () => {
  it('has a handler for every call and no handler without a call', () => {
    const handled = Object.keys(handlers).sort();
    expect(handled).toEqual([...callNames].sort());
  });

  it('has a request schema for every call', () => {
    for (const name of callNames) expect(typeof contract[name].request.safeParse, name).toBe('function');
  });
});

describe('errors a researcher can correct', () => {
  it('come back as 422 with the engine message, not as an internal error', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { dispatch } = await import('../../electron/backend/dispatch');
    const { AppSession } = await import('../../electron/backend/session');
    const { ensureDemoProject } = await import('../../electron/startup/demo-project');
    const dir = mkdtempSync(join(tmpdir(), 'duiding-errors-'));
    const session = new AppSession(dir);
    session.open(ensureDemoProject(dir));
    const ctx = { session, emit: () => undefined };
    // The same predictor twice: a perfectly collinear design, which the engine refuses by name.
    const out = await dispatch(handlers, 'analysis.regress', { dataset: 'demo', dependent: 'leefbaarheid', predictors: ['leeftijd', 'leeftijd'] }, ctx);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.status).toBe(422);
      expect(out.body.error.code).toBe('analysis');
    }
  });
});
