/**
 * Numbered SQL migrations. Files are `NNN_name.sql`, numbered 001, 002, … without gaps; the database's
 * `user_version` says how many have run. A project written by a newer Duiding is refused rather than
 * guessed at.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** Reads and checks the migration files: every file matches the pattern, numbers run 1..N. */
export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const out: Migration[] = [];
  for (const f of files) {
    const m = FILE.exec(f);
    if (!m) throw new Error(`Migration file name ${f} does not match NNN_name.sql`);
    const version = Number(m[1]);
    if (version !== out.length + 1) {
      throw new Error(`Migration ${f} is out of sequence: expected number ${String(out.length + 1).padStart(3, '0')}`);
    }
    out.push({ version, name: m[2], sql: readFileSync(join(dir, f), 'utf8') });
  }
  return out;
}

export class NewerProjectError extends Error {
  constructor(found: number, supported: number) {
    super(`This project was written by a newer Duiding (schema ${found}; this version reads up to ${supported}).`);
    this.name = 'NewerProjectError';
  }
}

/** Runs the migrations the database has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database, migrations: Migration[], upTo = migrations.length): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new NewerProjectError(current, migrations.length);
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
