/**
 * The audit log as a hash chain (migration 006): every row carries the hash of the row before it
 * (`prev_hash`) and its own `hash` = SHA-256 of [prev_hash, at, action, detail] as JSON text. The
 * triggers already refuse UPDATE and DELETE through SQLite; the chain makes a change made around them
 * (triggers dropped, the file edited by hand) visible: `verifyAuditChain` recomputes every link and
 * reports the first one that does not hold. What a chain alone cannot show is a cut-off tail (the last
 * rows removed, the head is then simply older): the head hash printed elsewhere (the tabellenboek's
 * checker's sheet, `duiding audit verify`) is what a later reader compares against.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** prev_hash of the first row. */
export const GENESIS = '0'.repeat(64);

export function auditHash(prev: string, at: string, action: string, detail: string): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, at, action, detail]), 'utf8')
    .digest('hex');
}

/** The SQL function migration 006 uses to chain the rows written before it. */
export function registerAuditFunctions(db: Database.Database): void {
  db.function('duiding_audit_hash', { deterministic: true }, (prev, at, action, detail) => auditHash(String(prev), String(at), String(action), String(detail)));
}

export interface AuditHead {
  /** Id of the last audit row (0 when there is none). */
  id: number;
  /** Its hash, or GENESIS for an empty log. */
  hash: string;
  /** Rows in the log. */
  entries: number;
}

export function auditHead(db: Database.Database): AuditHead {
  const last = db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;
  const entries = (db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
  return last ? { id: last.id, hash: last.hash ?? '', entries } : { id: 0, hash: GENESIS, entries };
}

/** Appends one row continuing the chain; run it inside the change's transaction. */
export function appendAudit(db: Database.Database, at: string, action: string, detail: string): void {
  const last = db.prepare('SELECT hash FROM audit ORDER BY id DESC LIMIT 1').get() as { hash: string | null } | undefined;
  const prev = last?.hash ?? GENESIS;
  db.prepare('INSERT INTO audit (at, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?)').run(
    at,
    action,
    detail,
    prev,
    auditHash(prev, at, action, detail),
  );
}

export type BrokenLink = 'prev-hash' | 'hash' | 'unchained';

export interface AuditVerification {
  ok: boolean;
  /** Rows checked. */
  entries: number;
  /** Hash of the last row (as stored), or null for an empty log. */
  head: string | null;
  /** The first row whose link does not hold, and how. */
  broken?: { id: number; at: string; action: string; reason: BrokenLink };
}

/** Recomputes every link in id order; reports the first that does not hold. */
export function verifyAuditChain(db: Database.Database): AuditVerification {
  const { entries, hash } = auditHead(db);
  const head = entries > 0 ? hash || null : null;
  const rows = db.prepare('SELECT id, at, action, detail, prev_hash, hash FROM audit ORDER BY id').iterate() as IterableIterator<{
    id: number;
    at: string;
    action: string;
    detail: string;
    prev_hash: string | null;
    hash: string | null;
  }>;
  let prev = GENESIS;
  for (const r of rows) {
    const fail = (reason: BrokenLink): AuditVerification => ({ ok: false, entries, head, broken: { id: r.id, at: r.at, action: r.action, reason } });
    if (r.hash === null || r.prev_hash === null) return fail('unchained');
    if (r.prev_hash !== prev) return fail('prev-hash');
    if (auditHash(r.prev_hash, r.at, r.action, r.detail) !== r.hash) return fail('hash');
    prev = r.hash;
  }
  return { ok: true, entries, head };
}
