/** Linking the demo waves through the contract: plan reports, apply stores one new dataset. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/handlers/index';
import { AppSession } from '../../electron/backend/session';
import type { AppContext } from '../../electron/backend/types';
import { generateDemo } from '../../resources/demo/generate';
import { evaluateFilter, parseExpr } from '../../shared/transform/expr/index';
import type { Dataset } from '../../shared/model/dataset';

function subset(ds: Dataset, expr: string, name: string, keep: string[]): Dataset {
  const mask = evaluateFilter(parseExpr(expr), ds);
  const rows: number[] = [];
  mask.forEach((m, i) => m && rows.push(i));
  const idx = keep.map((k) => ds.variables.findIndex((v) => v.name === k));
  return {
    ...ds,
    name,
    rows: rows.length,
    variables: idx.map((i) => ds.variables[i]),
    columns: idx.map((i) => {
      const c = ds.columns[i];
      if (c.kind === 'string') return { kind: 'string', codes: Int32Array.from(rows, (r) => c.codes[r]), dict: c.dict };
      const data = new (c.data.constructor as Int8ArrayConstructor)(rows.length);
      rows.forEach((r, j) => (data[j] = c.data[r]));
      return { kind: 'numeric', data };
    }),
  };
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-panel-'));
  const session = new AppSession(dir);
  const store = session.create(join(dir, 'p.duiding'));
  const demo = generateDemo();
  store.saveDataset(subset(demo, 'golf = 2024', 'w2024', ['respnr', 'gemeente', 'vertrouwen']));
  store.saveDataset(subset(demo, 'golf = 2025', 'w2025', ['respnr', 'gemeente', 'vertrouwen']));
  const ctx: AppContext = { session, emit: () => undefined };
  const call = async (name: string, args: unknown) => {
    const out = await dispatch(handlers, name, args, ctx);
    if (!out.ok) throw new Error(out.body.error.message);
    return out.result as any;
  };
  return { session, call, demo };
}

describe('panel waves through the contract', () => {
  it('appends two waves with a wave variable', async () => {
    const { call, session } = setup();
    const link = { kind: 'append', first: 'w2024', second: 'w2025', waveVariable: 'jaar', waveValues: [2024, 2025] };
    const plan = await call('panel.plan', link);
    expect(plan).toMatchObject({ kind: 'append', rows: 12128 });
    expect(session.store().hasDataset('beide')).toBe(false);
    const summary = await call('panel.apply', { link, target: 'beide' });
    expect(summary).toMatchObject({ name: 'beide', rows: 12128 });
  });

  it('reports unmatched respondents before merging the waves side by side', async () => {
    const { call, demo } = setup();
    const link = { kind: 'merge', left: 'w2024', right: 'w2025', key: 'respnr', mergeKind: 'one-to-one', rightSuffix: '_2025' };
    const plan = await call('panel.plan', link);
    const ids = (expr: string) => {
      const m = evaluateFilter(parseExpr(expr), demo);
      const col = demo.columns[0];
      const s = new Set<number>();
      m.forEach((x, i) => x && col.kind === 'numeric' && s.add(col.data[i]));
      return s;
    };
    const a = ids('golf = 2024');
    const b = ids('golf = 2025');
    const onlyA = [...a].filter((x) => !b.has(x)).length;
    const onlyB = [...b].filter((x) => !a.has(x)).length;
    expect(plan.report).toMatchObject({ ok: true, unmatchedLeft: onlyA, unmatchedRight: onlyB, duplicateKeys: { left: [], right: [] } });
    const summary = await call('panel.apply', { link, target: 'breed' });
    expect(summary.variables).toBe(5);
    await expect(call('panel.apply', { link, target: 'breed' })).rejects.toThrow(/already has a dataset/);
  });
});
