import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewOverride } from '../../shared/disclosure/index';
import { OverrideStore } from './overrides';
import { ProjectStore } from './project-store';

const fresh = () => ProjectStore.create(join(mkdtempSync(join(tmpdir(), 'duiding-ovr-')), 'p.duiding'));

const sample: NewOverride = {
  key: '["v1","demo","gemeente",true,[["leeftijdsklasse"]],null,"cbs-persons",10]',
  target: { dataset: 'demo', row: 'gemeente', columns: { total: true, items: [{ variable: 'leeftijdsklasse' }] }, weight: null, filter: 'golf = 2025' },
  ruleSet: { name: 'cbs-persons', minCount: 10 },
  cells: [{ row: 6, col: 'leeftijdsklasse=1', rowLabel: 'Pekela', colLabel: '18 t/m 34 jaar', count: 7 }],
  fingerprint: '00000000abcdef',
  reason: 'Afgestemd met de CBS-outputcontrole op 24 november',
};

const count = (s: ProjectStore, sql: string) => s.rawQuery<{ n: number }>(sql)[0].n;

describe('override store', () => {
  it('records an override and its audit entry (table specification, cells, reason) together', () => {
    const store = fresh();
    const o = store.overrides().add(sample);
    expect(store.overrides().list(sample.key)).toEqual([o]);
    expect(store.overrides().list('other')).toEqual([]);
    const entry = store.auditEntries().find((e) => e.action === 'rules.override.add')!;
    expect(entry.detail).toEqual({ id: o.id, tableSpec: sample.target, ruleSet: sample.ruleSet, cells: sample.cells, reason: sample.reason });
    store.close();
  });

  it('removes an override with an audit entry, and logs nothing for an unknown id', () => {
    const store = fresh();
    const o = store.overrides().add(sample);
    expect(store.overrides().remove(o.id, 'nieuwe golf')).toEqual(o);
    expect(store.overrides().list()).toEqual([]);
    const before = count(store, 'SELECT count(*) AS n FROM audit');
    expect(store.overrides().remove(o.id, '')).toBeNull();
    expect(count(store, 'SELECT count(*) AS n FROM audit')).toBe(before);
    const removed = store.auditEntries().find((e) => e.action === 'rules.override.remove')!;
    expect(removed.detail).toMatchObject({ id: o.id, reason: sample.reason, removalReason: 'nieuwe golf', tableSpec: sample.target });
    store.close();
  });

  it('leaves the project unchanged when the audit write fails, and refuses a short reason', () => {
    const store = fresh();
    const db = (store as unknown as { db: ConstructorParameters<typeof OverrideStore>[0] }).db;
    const failing = new OverrideStore(
      db,
      () => {
        throw new Error('disk full');
      },
      () => '2026-11-25T10:00:00.000Z',
    );
    const audits = count(store, 'SELECT count(*) AS n FROM audit');
    expect(() => failing.add(sample)).toThrow(/disk full/);
    expect(store.overrides().list()).toEqual([]);
    expect(() => store.overrides().add({ ...sample, reason: '  te kort ' })).toThrow(/CHECK/);
    expect(store.overrides().list()).toEqual([]);
    expect(count(store, 'SELECT count(*) AS n FROM audit')).toBe(audits);
    // Removal is all-or-nothing too.
    const o = store.overrides().add(sample);
    expect(() => failing.remove(o.id, '')).toThrow(/disk full/);
    expect(store.overrides().list()).toEqual([o]);
    store.close();
  });
});
