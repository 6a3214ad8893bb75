/**
 * Overrides of the output rules in the project file. Recording and removing one is a single
 * transaction together with its audit entry (table specification, cells with their counts, reason),
 * so the log never misses an override and an override never exists without its log line.
 */
import type Database from 'better-sqlite3';
import type { NewOverride } from '../../shared/disclosure/index';
import type { OverrideRecord } from '../../shared/disclosure/index';

interface Row {
  id: number;
  key: string;
  body: string;
  reason: string;
  created_at: string;
}

type Body = Pick<OverrideRecord, 'target' | 'ruleSet' | 'cells' | 'fingerprint'>;

function fromRow(r: Row): OverrideRecord {
  const body = JSON.parse(r.body) as Body;
  return { id: r.id, key: r.key, reason: r.reason, createdAt: r.created_at, ...body };
}

/** What the audit log keeps of an override: everything but the fingerprint (a hash, meaningless to a reader). */
function auditDetail(o: OverrideRecord) {
  return { id: o.id, tableSpec: o.target, ruleSet: o.ruleSet, cells: o.cells, reason: o.reason };
}

export class OverrideStore {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: (action: string, detail: unknown) => void,
    private readonly now: () => string,
  ) {}

  list(key?: string): OverrideRecord[] {
    const rows = (
      key === undefined
        ? this.db.prepare('SELECT * FROM overrides ORDER BY id').all()
        : this.db.prepare('SELECT * FROM overrides WHERE key = ? ORDER BY id').all(key)
    ) as Row[];
    return rows.map(fromRow);
  }

  get(id: number): OverrideRecord | null {
    const row = this.db.prepare('SELECT * FROM overrides WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  add(o: NewOverride): OverrideRecord {
    return this.db.transaction(() => {
      const createdAt = this.now();
      const body: Body = { target: o.target, ruleSet: o.ruleSet, cells: o.cells, fingerprint: o.fingerprint };
      const id = Number(
        this.db.prepare('INSERT INTO overrides (key, body, reason, created_at) VALUES (?, ?, ?, ?)').run(o.key, JSON.stringify(body), o.reason, createdAt)
          .lastInsertRowid,
      );
      const record: OverrideRecord = { ...o, id, createdAt };
      this.audit('rules.override.add', auditDetail(record));
      return record;
    })();
  }

  /** Removes an override; null when there was none with this id (nothing is logged then). */
  remove(id: number, reason: string): OverrideRecord | null {
    return this.db.transaction(() => {
      const existing = this.get(id);
      if (!existing) return null;
      this.db.prepare('DELETE FROM overrides WHERE id = ?').run(id);
      this.audit('rules.override.remove', { ...auditDetail(existing), removalReason: reason, recordedAt: existing.createdAt });
      return existing;
    })();
  }
}
