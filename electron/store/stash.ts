/**
 * Moving a whole variable out of a dataset and back, inside the caller's transaction: the bytes of its
 * column chunks are copied by SQLite (never through JavaScript), and the positions of the variables
 * after it close up or open again so a dataset's columns stay numbered 0..k−1 (loadDataset relies on
 * it). Used for undo and redo of adding or replacing a variable (migration 005).
 */
import type Database from 'better-sqlite3';
import { ProjectError } from './project-error';

const POSITIONED = ['variables', 'column_chunks', 'string_dicts'] as const;

export class VariableStash {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  private datasetRow(dataset: string): { id: number; rows: number } {
    const d = this.db.prepare('SELECT id, rows FROM datasets WHERE name = ?').get(dataset) as { id: number; rows: number } | undefined;
    if (!d) throw new ProjectError('unknown-dataset', `The project has no dataset named "${dataset}"`);
    return d;
  }

  /** Shifts the positions at or after `from` by +1 or −1 in every table keyed by position. */
  private shift(datasetId: number, from: number, by: 1 | -1): void {
    // Two steps through negative numbers: SQLite checks the (dataset, position) keys row by row.
    for (const table of POSITIONED) {
      this.db.prepare(`UPDATE ${table} SET position = -position - 1 WHERE dataset_id = ? AND position >= ?`).run(datasetId, from);
      this.db.prepare(`UPDATE ${table} SET position = -position - 1 + ? WHERE dataset_id = ? AND position < 0`).run(by === 1 ? 1 : -1, datasetId);
    }
  }

  /** Makes room for a new variable at `position` (null: at the end) and returns the position to write. */
  open(dataset: string, position: number | null): number {
    const d = this.datasetRow(dataset);
    const count = (this.db.prepare('SELECT COUNT(*) AS n FROM variables WHERE dataset_id = ?').get(d.id) as { n: number }).n;
    const at = position === null ? count : Math.min(position, count);
    if (at < count) this.shift(d.id, at, 1);
    return at;
  }

  /** Moves `variable` of `dataset` into the stash: the entry's id and the position it had, or null when there is none. */
  stash(dataset: string, variable: string): { id: number; position: number } | null {
    const d = this.datasetRow(dataset);
    const v = this.db.prepare('SELECT position, meta FROM variables WHERE dataset_id = ? AND name = ?').get(d.id, variable) as
      { position: number; meta: string } | undefined;
    if (!v) return null;
    const dict = this.db.prepare('SELECT dict FROM string_dicts WHERE dataset_id = ? AND position = ?').get(d.id, v.position) as { dict: string } | undefined;
    const id = Number(
      this.db
        .prepare('INSERT INTO stashed_variables (dataset, rows, position, meta, dict, stashed_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(dataset, d.rows, v.position, v.meta, dict?.dict ?? null, this.now()).lastInsertRowid,
    );
    this.db
      .prepare(
        'INSERT INTO stashed_chunks (stash_id, chunk, storage, data) SELECT ?, chunk, storage, data FROM column_chunks WHERE dataset_id = ? AND position = ?',
      )
      .run(id, d.id, v.position);
    for (const table of POSITIONED) this.db.prepare(`DELETE FROM ${table} WHERE dataset_id = ? AND position = ?`).run(d.id, v.position);
    this.shift(d.id, v.position + 1, -1);
    return { id, position: v.position };
  }

  /** Puts a stashed variable back at its old position (or the end) and deletes the stash entry. */
  restore(id: number): string {
    const s = this.db.prepare('SELECT dataset, rows, position, meta, dict FROM stashed_variables WHERE id = ?').get(id) as
      { dataset: string; rows: number; position: number; meta: string; dict: string | null } | undefined;
    if (!s) throw new ProjectError('invalid', `Nothing to restore: stash entry ${id} is gone`);
    const d = this.datasetRow(s.dataset);
    if (d.rows !== s.rows) throw new ProjectError('invalid', `Dataset "${s.dataset}" now has ${d.rows} rows, not ${s.rows}: the variable cannot be put back`);
    const name = (JSON.parse(s.meta) as { name: string }).name;
    if (this.db.prepare('SELECT 1 FROM variables WHERE dataset_id = ? AND name = ?').get(d.id, name)) {
      throw new ProjectError('invalid', `Dataset "${s.dataset}" already has a variable named "${name}"`);
    }
    const position = this.open(s.dataset, s.position);
    this.db.prepare('INSERT INTO variables (dataset_id, position, name, meta) VALUES (?, ?, ?, ?)').run(d.id, position, name, s.meta);
    this.db
      .prepare(
        'INSERT INTO column_chunks (dataset_id, position, chunk, storage, data) SELECT ?, ?, chunk, storage, data FROM stashed_chunks WHERE stash_id = ?',
      )
      .run(d.id, position, id);
    if (s.dict !== null) this.db.prepare('INSERT INTO string_dicts (dataset_id, position, dict) VALUES (?, ?, ?)').run(d.id, position, s.dict);
    this.db.prepare('DELETE FROM stashed_variables WHERE id = ?').run(id);
    return name;
  }

  /** Deletes stash entries that no history row names. */
  prune(): void {
    this.db
      .prepare(
        `DELETE FROM stashed_variables WHERE id NOT IN (
           SELECT json_extract(undo, '$.stashIn') FROM history WHERE json_extract(undo, '$.stashIn') IS NOT NULL
           UNION SELECT json_extract(redo, '$.stashIn') FROM history WHERE json_extract(redo, '$.stashIn') IS NOT NULL)`,
      )
      .run();
  }
}
